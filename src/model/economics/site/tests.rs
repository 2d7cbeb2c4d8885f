//! Worked tables of SPEC.md's "Site" extension: capex under each `own`, the blend of a
//! mix and its figures, each model idling on its own over time, and the plan. The
//! expected figures were worked with exact fractions (25 digits and more) from the
//! formulas, not from this code.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::economics::metric::MetricId as M;
use crate::model::economics::metrics::{evaluate, evaluate_over_time};
use crate::model::economics::path::Path;
use crate::model::link::share_link::{from_query, to_query, Warning};
use crate::model::presets::ASICS;
use crate::model::site::Own;
use crate::model::{InvalidKeys, Scenario};

fn read(link: &str) -> (Scenario, Vec<Warning>) {
    from_query(link)
}

fn scenario(link: &str) -> Scenario {
    let (s, warnings) = read(link);
    assert!(warnings.is_empty(), "{link}: {warnings:?}");
    s
}

/// Within 10^−12 of the worked figure, relative to it (exact when it is 0).
#[track_caller]
fn assert_close(got: Result<Decimal, crate::model::ModelError>, want: &str, what: &str) {
    let want: Decimal = want.parse().unwrap_or_else(|e| panic!("{want}: {e}"));
    let got = got.unwrap_or_else(|e| panic!("{what}: {e:?}"));
    assert!((got - want).abs() <= want.abs() * dec!(0.000000000001), "{what}: got {got}, want {want}");
}

#[test]
fn it_charges_each_path_only_what_is_not_owned() {
    // The default scenario: an S21 (17.5 J/TH), PUE 1.05, 14 USD/TH, site 500,000 USD/MW,
    // fit-out 10 M, an H100 (37,500 USD, 1.275 kW, PUE 1.3). ASICs per MW: 14·10^6/18.375.
    let asics = "761904.7619047619047619047619";
    let gpus = "22624434.38914027149321266968";
    let cases = [
        ("", "1261904.761904761904761904762", "10000000", "32624434.38914027149321266968"),
        ("own=site", asics, "9500000", "32124434.38914027149321266968"),
        ("own=fleet", "0", "9500000", "32124434.38914027149321266968"),
        // site > gfit: the hall beyond the site floors at 0 once the site is owned.
        ("site=12000000", "12761904.76190476190476190476", "10000000", "32624434.38914027149321266968"),
        ("site=12000000&own=site", asics, "0", gpus),
        ("site=12000000&own=fleet", "0", "0", gpus),
    ];
    for (link, mining, colo, gpu) in cases {
        let (s, warnings) = read(link);
        let m = evaluate(&s);
        assert_close(m.get(M::MiningCapexUsdPerMw), mining, &format!("{link}: mining"));
        assert_close(m.get(M::ColoCapexUsdPerMw), colo, &format!("{link}: colo"));
        assert_close(m.get(M::GpuCapexUsdPerMw), gpu, &format!("{link}: gpu"));
        let named = warnings.iter().any(|w| matches!(w, Warning::FitOutBelowSite { .. }));
        assert_eq!(named, link.contains("site=12000000&own"), "{link}: {warnings:?}");
    }
    let (_, warnings) = read("site=12000000&own=site");
    assert_eq!(
        crate::text::reasons::warning(&warnings[0]),
        "gfit=10000000 is below site=12000000: with the site owned, the AI hall beyond it costs 0."
    );
}

#[test]
fn it_earns_an_owned_fleet_for_its_remaining_life_and_spreads_nothing() {
    let fleet = evaluate_over_time(&scenario("own=fleet&rlife=2.5"), InvalidKeys::default());
    let flows = fleet.projection.cash_flows(Path::Mining).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((flows.capex, flows.flows.len()), (Decimal::ZERO, 30), "floor(12 · 2.5) months");
    assert_eq!(fleet.projection.life_end(Path::Mining), Ok(30));
    let m = &fleet.metrics;
    // Nothing to spread: the all-in margin is the cash margin; payback at once; no IRR.
    assert_eq!(m.get(M::MiningAllinMarginUsdPerKwh), m.get(M::MiningMarginUsdPerKwh));
    assert_eq!(m.get(M::MiningPaybackMonths), Ok(Decimal::ZERO));
    assert_eq!(m.get(M::MiningIrrPct), Err(crate::model::ModelError::NoOutlay));
    // The same cash as a new build's first 30 months, less nothing.
    let new = evaluate_over_time(&scenario("life=2.5"), InvalidKeys::default());
    let built = new.projection.cash_flows(Path::Mining).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(built.flows, flows.flows);
    let want = new.metrics.get(M::MiningLifetimeCashUsdPerMw).map(|d| d + built.capex);
    assert_close(m.get(M::MiningLifetimeCashUsdPerMw), &want.map(|d| d.to_string()).unwrap_or_default(), "cash");
    // `rlife` means nothing without an owned fleet.
    assert_eq!(evaluate(&scenario("rlife=7")), evaluate(&Scenario::default()));
}

#[test]
fn it_blends_a_mix_and_computes_its_figures() {
    // (link, blend J/TH, mining capex per MW, cash cost per BTC)
    let cases = [
        // 60 % S19 XP (21.5 J/TH), 40 % S21 (17.5): 1 / (0.6/21.5 + 0.4/17.5).
        (
            "mix=s19xp:60,s21:40",
            "19.69895287958115183246073298",
            "1176854.928017718715393133998",
            "68255.47024918358457009519529",
        ),
        // 20 % S21 XP (13.5), 50 % S21 (17.5), 30 % S19j Pro (29.5).
        (
            "mix=s21xp:20,s21:50,s19jpro:30",
            "18.67213663764233087742799732",
            "1214076.465488894867425940872",
            "64697.62502352792097089012104",
        ),
    ];
    for (link, blend, capex, per_btc) in cases {
        let m = evaluate(&scenario(link));
        assert_close(m.get(M::AsicEfficiencyJPerTh), blend, &format!("{link}: blend"));
        assert_close(m.get(M::MiningCapexUsdPerMw), capex, &format!("{link}: capex"));
        assert_close(m.get(M::CashCostPerBtcUsd), per_btc, &format!("{link}: cost per BTC"));
    }
    // With the site owned, the blend's ASICs alone.
    let owned = evaluate(&scenario("mix=s19xp:60,s21:40&own=site"));
    assert_close(owned.get(M::MiningCapexUsdPerMw), "676854.9280177187153931339978", "own=site");
}

#[test]
fn it_names_the_keys_a_mix_leaves_unused() {
    let (s, warnings) = read("asic=s19xp&th=150&mix=s21:100&w=3000");
    let keys: Vec<&str> = warnings.iter().map(Warning::key).collect();
    assert_eq!(keys, ["asic", "th", "w"]);
    assert!(warnings.iter().all(|w| matches!(w, Warning::IgnoredForMix { .. })));
    assert_eq!(evaluate(&s).get(M::AsicEfficiencyJPerTh), Ok(dec!(17.5)));
    assert_eq!(crate::text::reasons::warning(&warnings[1]), "th=150 ignored: the fleet's mix sets the efficiency.");
    // Refused mixes fall back to the single model and say why.
    let (s, warnings) = read("mix=s21:60,s19xp:30");
    assert!(s.mix().is_none());
    assert_eq!(
        crate::text::reasons::warning(&warnings[0]),
        "mix=s21:60,s19xp:30 ignored: the shares sum to 90, not 100; using the single ASIC model."
    );
    let (s, warnings) = read("own=all&aip=mining&ai=101");
    assert_eq!((s.own(), s.get(crate::model::Key::Ai)), (Own::None, Some(Decimal::ZERO)));
    let texts: Vec<String> = warnings.iter().map(crate::text::reasons::warning).collect();
    assert_eq!(
        texts,
        [
            "ai=101 ignored: Share of the site converted to AI must be ≥ 0 and ≤ 100 %; using 0.",
            "own=all ignored: it takes none, site or fleet; using none.",
            "aip=mining ignored: it takes colo or gpu; using colo.",
        ]
    );
}

#[test]
fn it_idles_each_model_on_its_own_the_least_efficient_first() {
    // At 0.03 USD/kWh (cash 0.035), difficulty +2 % a month: the S19j Pro (29.5 J/TH)
    // earns 0.0457367 USD/kWh today and falls below its cash cost at point 14 (0.03466),
    // so it earns nothing from month 15; the S21 (17.5) runs until the halving (block
    // 1,050,000, passed in month 29) halves its revenue: idle from month 30.
    let link = "kwh=0.03&mix=s19jpro:50,s21:50";
    let e = evaluate_over_time(&scenario(link), InvalidKeys::default());
    let idle: Vec<(Option<&str>, Option<u32>)> = e
        .projection
        .models()
        .iter()
        .map(|m| (m.model.id, m.idle_from.unwrap_or_else(|err| panic!("{err:?}"))))
        .collect();
    assert_eq!(idle, [(Some("s19jpro"), Some(15)), (Some("s21"), Some(30))]);
    // Month 1: Σ s_i · margin_i(0) · 730,000 · 0.97, the margins 0.0107367475336532634486912
    // and 0.0420990886995869298135081 USD/kWh.
    let flows = e.projection.cash_flows(Path::Mining).unwrap_or_else(|err| panic!("{err:?}"));
    assert_close(Ok(flows.flows[0]), "18706.52781837869042448165835", "month 1");
    // From month 15 only the S21's half earns; from month 30 nothing does.
    let s21_only = e.projection.points()[14].mining;
    assert!(flows.flows[14] > Decimal::ZERO && flows.flows[29] == Decimal::ZERO);
    assert!(s21_only.is_ok());
    // A single model never idles sooner than the fleet's blend says of it.
    let single = evaluate_over_time(&scenario("kwh=0.03"), InvalidKeys::default());
    assert_eq!(single.projection.models().len(), 1);
    assert_eq!(single.projection.models()[0].idle_from, Ok(Some(30)));
}

#[test]
fn it_weighs_the_plan_by_the_converted_share() {
    for (ai, aip) in [("0", Path::Colo), ("40", Path::Colo), ("100", Path::Colo), ("40", Path::Gpu)] {
        let link = format!("ai={ai}&aip={}&own=site", if aip == Path::Gpu { "gpu" } else { "colo" });
        let m = evaluate(&scenario(&link));
        let a: Decimal = ai.parse::<Decimal>().unwrap_or_default() / dec!(100);
        for (plan, of) in super::plan_metrics() {
            let (mining, other) = (m.get(of(Path::Mining)), m.get(of(aip)));
            let want = (Decimal::ONE - a) * mining.unwrap_or_default() + a * other.unwrap_or_default();
            assert_close(m.get(plan), &want.to_string(), &format!("{link}: {}", plan.key()));
        }
    }
    // Worked: 40 % colocation on the default 100 MW site, new build:
    // 0.6 · 1,261,904.76… · 100 + 0.4 · 10,000,000 · 100.
    let m = evaluate(&scenario("ai=40"));
    assert_close(m.get(M::PlanSiteCapexUsd), "475714285.7142857142857142857", "plan capex");
    // At 0 and 100 the plan is one path, to the digit.
    let all_mining = evaluate(&Scenario::default());
    assert_eq!(all_mining.get(M::PlanSiteNpvUsd), all_mining.get(M::MiningSiteNpvUsd));
    let all_ai = evaluate(&scenario("ai=100&aip=gpu"));
    assert_eq!(all_ai.get(M::PlanSiteLifetimeCashUsd), all_ai.get(M::GpuSiteLifetimeCashUsd));
}

#[test]
fn it_reads_a_mix_of_one_model_as_that_model() {
    for preset in &ASICS {
        let (single, mix) = (scenario(&format!("asic={}", preset.id)), scenario(&format!("mix={}:100", preset.id)));
        let (a, b) =
            (evaluate_over_time(&single, InvalidKeys::default()), evaluate_over_time(&mix, InvalidKeys::default()));
        assert_eq!(a.metrics, b.metrics, "{}", preset.id);
        assert_eq!(a.projection.points(), b.projection.points(), "{}", preset.id);
    }
}

#[test]
fn it_writes_the_site_keys_back() {
    for link in [
        "v=1&own=fleet&rlife=3",
        "v=1&own=site&mix=s19xp:60,s21:40&ai=40&aip=gpu",
        "v=1&mix=s21xp:20,s21:50,s19jpro:30",
        "v=1&ai=100",
    ] {
        assert_eq!(to_query(&scenario(link)), link);
    }
    assert_eq!(to_query(&scenario("aip=colo&own=none&ai=0&rlife=2")), "v=1");
}

#[test]
fn it_weighs_the_plan_cash_month_by_month() {
    for (link, ai, path) in [
        ("ai=40&aip=gpu&own=site&mix=s19jpro:50,s21:50&kwh=0.03", dec!(0.4), Path::Gpu),
        ("ai=25&own=fleet&rlife=3", dec!(0.25), Path::Colo),
        ("ai=100&aip=gpu", Decimal::ONE, Path::Gpu),
    ] {
        let s = scenario(link);
        assert!(super::plan_set(&s), "{link}");
        let e = evaluate_over_time(&s, InvalidKeys::default());
        let points = e.projection.points();
        for p in points {
            let (mining, other) = (p.cum(Path::Mining).unwrap_or_default(), p.cum(path).unwrap_or_default());
            let want = (Decimal::ONE - ai) * mining + ai * other;
            assert_eq!(super::plan_cum(&s, p), Ok(want), "{link}: month {}", p.month);
        }
        // Past both lives the line ends at the plan's lifetime cash, per MW.
        let last = points.last().map(|p| super::plan_cum(&s, p)).unwrap_or_else(|| panic!("{link}: no month"));
        let mw = s.mw().get();
        let lifetime = e.metrics.get(M::PlanSiteLifetimeCashUsd).map(|c| c / mw);
        assert_close(last, &lifetime.unwrap_or_else(|err| panic!("{link}: {err:?}")).to_string(), link);
        // Month 0 is the plan's capex, spent.
        let capex = e.metrics.get(M::PlanSiteCapexUsd).map(|c| -c / mw);
        assert_close(super::plan_cum(&s, &points[0]), &capex.unwrap_or_default().to_string(), link);
    }
    // No plan at ai=0: the chart shows the paths alone; the figure is mining's.
    let s = Scenario::default();
    assert!(!super::plan_set(&s));
    let e = evaluate_over_time(&s, InvalidKeys::default());
    let p = &e.projection.points()[7];
    assert_eq!(super::plan_cum(&s, p), p.cum(Path::Mining));
}
