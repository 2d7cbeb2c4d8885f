//! Every metric of SPEC.md against figures worked out from its formulas independently of
//! this crate, in decimal arithmetic at 40 significant digits, pasted here to 25. Each row's
//! comment is the formula with the scenario's numbers in it (intermediates to 12 digits).
//! Notation as in SPEC.md: `eff = w/th`, `keep = 1 − pool/100`, `cash = kwh + opx`.

use core::str::FromStr;

use super::*;
use crate::model::error::Quantity;
use crate::model::fields::Key;
use crate::model::link::share_link::{from_query, plain};
use crate::text::format::figure_text;
use ModelError::{MarginNotPositive, ZeroDivisor};

mod edge_cases;
mod market_cases;

use edge_cases::{FREE_POWER, GPU_B200_COLO_121, NO_LEASE_NO_RENT};
use market_cases::{CHEAP_POWER_S21XP, DEFAULT, HASHPRICE_OVERRIDE, POST_HALVING};

/// How far a figure may sit from the worked one, relative to it. Both sides carry 25 or more
/// significant digits, so anything looser than rounding noise is a wrong formula.
const TOLERANCE: Decimal = dec!(0.000000000001);

/// A worked figure: its digits, or the reason it has none.
type Want = Result<&'static str, ModelError>;

/// The metrics of SPEC.md's first table, before the Time extension: the first in the order.
const V1_COUNT: usize = 30;

struct Case {
    name: &'static str,
    link: &'static str,
    /// Every metric of SPEC.md's first table, in its order.
    want: [(&'static str, Want); V1_COUNT],
}

const CASES: [Case; 7] =
    [DEFAULT, CHEAP_POWER_S21XP, HASHPRICE_OVERRIDE, POST_HALVING, GPU_B200_COLO_121, FREE_POWER, NO_LEASE_NO_RENT];

fn close(got: Decimal, want: Decimal) -> bool {
    if want.is_zero() {
        return got.is_zero();
    }
    (got - want).abs() <= want.abs() * TOLERANCE
}

fn scenario(link: &str) -> Scenario {
    let (scenario, warnings) = from_query(link);
    assert!(warnings.is_empty(), "{link}: {warnings:?}");
    scenario
}

/// A zero with a minus sign, or text that reads as one ("-0", "-0.00", "−$0").
fn is_negative_zero(value: Decimal) -> bool {
    value.is_zero() && value.is_sign_negative()
}

fn reads_as_negative_zero(text: &str) -> bool {
    (text.contains('-') || text.contains('−')) && !text.chars().any(|c| ('1'..='9').contains(&c))
}

#[test]
fn it_matches_the_hand_worked_tables() {
    for case in &CASES {
        let metrics = evaluate(&scenario(case.link));
        let names: Vec<&str> = case.want.iter().map(|(name, _)| *name).collect();
        let keys: Vec<&str> = MetricId::ALL.iter().take(V1_COUNT).map(|id| id.key()).collect();
        assert_eq!(names, keys, "{}: the table lists SPEC.md's metrics in order", case.name);
        for (name, want) in &case.want {
            let id = MetricId::from_key(name).unwrap_or_else(|| panic!("{name} is not a metric"));
            let got = metrics.get(id);
            match (got, want) {
                (Ok(got), Ok(want)) => {
                    let want = Decimal::from_str(want).expect("a worked figure parses");
                    assert!(close(got, want), "{}: {name} = {got}, worked by hand {want}", case.name);
                }
                (got, want) => assert_eq!(got.err(), want.err(), "{}: {name}", case.name),
            }
        }
    }
}

#[test]
fn it_agrees_with_the_reference_check_figures() {
    // The published check figure: at 3.145 BTC a block and 150 T, hashprice is 0.000422 BTC, or $35.9 at
    // $85,000, and the network runs about 1.07 ZH/s.
    let metrics = evaluate(&scenario("diff=150"));
    let btc = metrics.get(MetricId::HashpriceBtcPerPhDay).map(|d| d.round_dp(6));
    assert_eq!(btc, Ok(dec!(0.000422)));
    let usd = metrics.get(MetricId::HashpriceUsdPerPhDay).map(|d| d.round_dp(1));
    assert_eq!(usd, Ok(dec!(35.9)));
    let zh = metrics.get(MetricId::NetworkHashrateEhS).map(|d| (d / dec!(1000)).round_dp(2));
    assert_eq!(zh, Ok(dec!(1.07)));
}

#[test]
fn it_stops_at_a_zero_cash_cost() {
    let metrics = evaluate(&scenario("kwh=0&opx=0"));
    let figure = metrics.get(MetricId::TargetRequiredEfficiencyJPerTh);
    assert_eq!(figure, Err(ZeroDivisor(Quantity::CashCostPerKwh)));
    assert_eq!(crate::text::reasons::model_error(&figure.unwrap_err()), "cash cost per kWh is zero");
    assert_eq!(figure_text(MetricId::TargetRequiredEfficiencyJPerTh, figure), "—");
    // Everything else at today's figures still has a value.
    let others =
        metrics.iter().filter(|(id, _)| *id != MetricId::TargetRequiredEfficiencyJPerTh && !id.needs_projection());
    for (id, figure) in others {
        assert!(figure.is_ok(), "{}: {figure:?}", id.key());
    }
}

#[test]
fn it_stops_at_a_hashprice_too_small_to_hold() {
    // 10^-22 BTC a block at a million T: about 2·10^-29 BTC per PH/s per day, below the
    // 28 decimal places a `Decimal` holds. It is not zero, so it is not shown as zero (nor
    // "hashprice is zero" downstream): every figure built on it says it is too small.
    let metrics = evaluate(&scenario("diff=1000000&sub=0&fee=0.0000000000000000000001"));
    for id in [
        MetricId::HashpriceBtcPerPhDay,
        MetricId::HashpriceUsdPerPhDay,
        MetricId::MiningRevenueUsdPerKwh,
        MetricId::MiningMarginUsdPerKwh,
        MetricId::EnergyKwhPerBtc,
        MetricId::EnergyCostPerBtcUsd,
        MetricId::CashCostPerBtcUsd,
        MetricId::AllinCostPerBtcUsd,
        MetricId::TargetMaxPowerPriceUsdPerKwh,
        MetricId::TargetRequiredEfficiencyJPerTh,
        MetricId::ColoVsMiningRevenueMultiple,
        MetricId::GpuVsMiningRevenueMultiple,
        MetricId::MiningPaybackYears,
    ] {
        assert_eq!(metrics.get(id), Err(ModelError::Underflow), "{}", id.key());
    }
    assert!(metrics.get(MetricId::GpuPaybackYears).is_ok());
}

#[test]
fn it_says_never_when_the_margin_is_not_positive() {
    let cases = [
        // Mining margin below zero after the halving.
        ("sub=1.5625", MetricId::MiningPaybackYears),
        // A mining margin of exactly zero: 27 · 0.98 / (24 · 17.5 · 1.05) = 0.06 = 0.055 + 0.005.
        ("hp=27&kwh=0.055", MetricId::MiningPaybackYears),
        // A colocation margin of exactly zero: no lease, no other cost.
        ("colo=0&opx=0", MetricId::ColoPaybackYears),
        // A GPU margin below zero: no GPU-hour sold.
        ("util=0", MetricId::GpuPaybackYears),
    ];
    for (link, id) in cases {
        let figure = evaluate(&scenario(link)).get(id);
        assert_eq!(figure, Err(MarginNotPositive), "{link}");
        assert_eq!(figure_text(id, figure), "never", "{link}");
    }
    assert_eq!(crate::text::reasons::model_error(&MarginNotPositive), "never: the margin is not positive");
}

#[test]
fn it_never_writes_a_negative_zero() {
    let mut links: Vec<&str> = CASES.iter().map(|c| c.link).collect();
    links.extend([
        // Uptime so small that `up/100` rounds to zero against a negative margin.
        "up=0.0000000000000000000000000001&kwh=10",
        // A target exactly at the highest power price: tgt / energy − opx = 0.
        "kwh=0&opx=0.005&tgt=5512.386815050344462109168",
        "colo=0&opx=0&gph=0&util=0&kwh=0",
        "dg=-0&pg=-0&gd=-0&ce=-0",
    ]);
    for link in links {
        let (scenario, _) = from_query(link);
        for (id, figure) in evaluate(&scenario).iter() {
            if let Ok(value) = figure {
                assert!(!is_negative_zero(value), "{link}: {} = {value:?}", id.key());
                assert!(!plain(value).starts_with("-0") || !value.is_zero(), "{link}: {}", id.key());
            }
            let text = figure_text(id, figure);
            assert!(!reads_as_negative_zero(&text), "{link}: {} reads {text}", id.key());
        }
    }
}

/// The inputs each metric reads, from SPEC.md's formulas. With an `hp` override the
/// hashprice in BTC is `hp / btc` and the hashprice in USD is `hp` itself (`btc` cancels),
/// so the dollar figures stop depending on `btc`, `sub`, `fee` and `diff`.
fn inputs_of(id: MetricId, hp_given: bool) -> Vec<Key> {
    use Key::*;
    use MetricId as M;
    let hashprice_btc: &[Key] = if hp_given { &[Hp, Btc] } else { &[Hp, Sub, Fee, Diff] };
    let hashprice_usd: &[Key] = if hp_given { &[Hp] } else { &[Hp, Sub, Fee, Diff, Btc] };
    let eff = [Th, W];
    let cash = [Kwh, Opx];
    let revenue = [hashprice_usd, &eff, &[Pool, Pue]].concat();
    let energy = [hashprice_btc, &eff, &[Pool, Pue]].concat();
    let margin = [&revenue[..], &cash].concat();
    let colo_revenue = [Colo, Gpue, Kwh];
    let colo_margin = [Colo, Gpue, Opx];
    let gpu_revenue = [Gph, Util, Gkw, Gpue];
    let gpu_margin = [&gpu_revenue[..], &cash, &[Gopx]].concat();
    let mining_capex = [Capex, Th, W, Pue, Site];
    let gpu_capex = [Gcap, Gkw, Gpue, Gfit];
    let mining_year = [&margin[..], &[Up]].concat();
    // With `hp` given, the mining margin stays as it is month after month.
    let drift: &[Key] = if hp_given { &[] } else { &[Pg, Dg, Blk] };
    let mining_life = [&margin[..], drift, &[Life, Up], &mining_capex].concat();
    let colo_life = [&colo_margin[..], &[Ce, Conv, Clife, Gfit]].concat();
    let gpu_life = [&gpu_margin[..], &[Gd, Conv, Glife], &gpu_capex].concat();
    match id {
        M::HashpriceBtcPerPhDay => hashprice_btc.to_vec(),
        M::HashpriceUsdPerPhDay => hashprice_usd.to_vec(),
        M::NetworkHashrateEhS => vec![Diff],
        M::AsicEfficiencyJPerTh => eff.to_vec(),
        M::MiningRevenueUsdPerKwh => revenue,
        M::MiningCashCostUsdPerKwh => cash.to_vec(),
        M::MiningMarginUsdPerKwh => margin,
        M::EnergyKwhPerBtc => energy,
        M::EnergyCostPerBtcUsd => [&energy[..], &[Kwh]].concat(),
        M::CashCostPerBtcUsd => [&energy[..], &cash].concat(),
        M::AllinCostPerBtcUsd => [&energy[..], &cash, &[Capex, Life, Up]].concat(),
        M::TargetCostPerBtcUsd => vec![Tgt],
        M::TargetMaxPowerPriceUsdPerKwh => [&energy[..], &[Tgt, Opx]].concat(),
        M::TargetRequiredEfficiencyJPerTh => [hashprice_btc, &cash, &[Tgt, Pool, Pue]].concat(),
        M::BreakevenPowerPriceUsdPerKwh => [&revenue[..], &[Opx]].concat(),
        M::ColoRevenueUsdPerKwh => colo_revenue.to_vec(),
        M::ColoMarginUsdPerKwh => colo_margin.to_vec(),
        M::GpuRevenueUsdPerKwh => gpu_revenue.to_vec(),
        M::GpuMarginUsdPerKwh => gpu_margin,
        M::ColoVsMiningRevenueMultiple => [&colo_revenue[..], &revenue].concat(),
        M::GpuVsMiningRevenueMultiple => [&gpu_revenue[..], &revenue].concat(),
        M::MiningCapexUsdPerMw => mining_capex.to_vec(),
        M::ColoCapexUsdPerMw => vec![Gfit],
        M::GpuCapexUsdPerMw => gpu_capex.to_vec(),
        M::MiningMarginUsdPerMwYear => mining_year,
        M::ColoMarginUsdPerMwYear => colo_margin.to_vec(),
        M::GpuMarginUsdPerMwYear => gpu_margin,
        M::MiningPaybackYears => [&mining_capex[..], &mining_year].concat(),
        M::ColoPaybackYears => [&colo_margin[..], &[Gfit]].concat(),
        M::GpuPaybackYears => [&gpu_capex[..], &gpu_margin].concat(),
        // Over each life: the margins month by month (which drift with the outlook keys), the
        // life, the hours, and the capex; the NPV also needs the discount rate, and site
        // totals the site's power.
        M::MiningPaybackMonths | M::MiningLifetimeCashUsdPerMw | M::MiningIrrPct => mining_life,
        M::ColoPaybackMonths | M::ColoLifetimeCashUsdPerMw | M::ColoIrrPct => colo_life,
        M::GpuPaybackMonths | M::GpuLifetimeCashUsdPerMw | M::GpuIrrPct => gpu_life,
        M::MiningNpvUsdPerMw => [&mining_life[..], &[Dr]].concat(),
        M::ColoNpvUsdPerMw => [&colo_life[..], &[Dr]].concat(),
        M::GpuNpvUsdPerMw => [&gpu_life[..], &[Dr]].concat(),
        M::MiningAllinMarginUsdPerKwh => [&margin[..], &mining_capex, &[Life, Up]].concat(),
        M::ColoAllinMarginUsdPerKwh => [&colo_margin[..], &[Gfit, Clife]].concat(),
        M::GpuAllinMarginUsdPerKwh => [&gpu_margin[..], &gpu_capex, &[Glife]].concat(),
        M::MiningSiteCapexUsd => [&mining_capex[..], &[Mw]].concat(),
        M::ColoSiteCapexUsd => vec![Gfit, Mw],
        M::GpuSiteCapexUsd => [&gpu_capex[..], &[Mw]].concat(),
        M::MiningSiteMarginUsdPerYear => [&mining_year[..], &[Mw]].concat(),
        M::ColoSiteMarginUsdPerYear => [&colo_margin[..], &[Mw]].concat(),
        M::GpuSiteMarginUsdPerYear => [&gpu_margin[..], &[Mw]].concat(),
        M::MiningSiteNpvUsd => [&mining_life[..], &[Dr, Mw]].concat(),
        M::ColoSiteNpvUsd => [&colo_life[..], &[Dr, Mw]].concat(),
        M::GpuSiteNpvUsd => [&gpu_life[..], &[Dr, Mw]].concat(),
        M::MiningSiteLifetimeCashUsd => [&mining_life[..], &[Mw]].concat(),
        M::ColoSiteLifetimeCashUsd => [&colo_life[..], &[Mw]].concat(),
        M::GpuSiteLifetimeCashUsd => [&gpu_life[..], &[Mw]].concat(),
    }
}

#[test]
fn it_marks_exactly_the_metrics_that_need_an_invalid_input() {
    for (link, hp_given) in [("", false), ("hp=40", true)] {
        let scenario = scenario(link);
        let valid = evaluate(&scenario);
        for key in Key::ALL {
            let metrics = evaluate_with_invalid(&scenario, InvalidKeys::default().with(key));
            for id in MetricId::ALL {
                let got = metrics.get(id);
                if inputs_of(id, hp_given).contains(&key) {
                    assert_eq!(got, Err(ModelError::InvalidInput(key)), "{link:?}: {key} invalid, {}", id.key());
                } else {
                    assert_eq!(got, valid.get(id), "{link:?}: {key} invalid, {} must keep its value", id.key());
                }
            }
        }
    }
}

#[test]
fn it_marks_figures_invalid_with_several_inputs_invalid() {
    let scenario = Scenario::default();
    let invalid = InvalidKeys::default().with(Key::Kwh).with(Key::Gph);
    assert!(invalid.contains(Key::Kwh) && invalid.contains(Key::Gph) && !invalid.contains(Key::Opx));
    let metrics = evaluate_with_invalid(&scenario, invalid);
    for id in MetricId::ALL {
        let needs = inputs_of(id, false);
        let got = metrics.get(id);
        if needs.contains(&Key::Kwh) || needs.contains(&Key::Gph) {
            assert!(matches!(got, Err(ModelError::InvalidInput(Key::Kwh | Key::Gph))), "{}: {got:?}", id.key());
        } else {
            assert_eq!(got, evaluate(&scenario).get(id), "{}", id.key());
        }
    }
    let reason = crate::text::reasons::model_error(&ModelError::InvalidInput(Key::Kwh));
    assert_eq!(reason, "needs a valid Electricity price");
}

#[test]
fn it_marks_each_key_invalid_alone() {
    for key in Key::ALL {
        let set = InvalidKeys::default().with(key);
        for other in Key::ALL {
            assert_eq!(set.contains(other), other == key, "{key} marked, {other} read");
        }
        assert!(!set.is_empty());
    }
    assert!(InvalidKeys::default().is_empty());
}

#[test]
fn it_takes_only_the_figures_over_time_from_the_projection() {
    let (now, _) = from_query("?kwh=0.03");
    let (before, _) = from_query("?kwh=0.06");
    let today = evaluate_static(&now, InvalidKeys::default());
    let over_time = evaluate_over_time(&now, InvalidKeys::default()).metrics;
    // With the projection of the same scenario: every figure as the full evaluation has it.
    assert_eq!(today.with_projected(&over_time), over_time);
    // With an older projection: today's figures stay the latest edit's.
    let older = evaluate_over_time(&before, InvalidKeys::default()).metrics;
    let merged = today.with_projected(&older);
    for (id, figure) in merged.iter() {
        let want = if today.get(id) == Err(ModelError::NotProjected) { older.get(id) } else { today.get(id) };
        assert_eq!(figure, want, "{}", id.key());
    }
    assert_eq!(merged.get(MetricId::MiningMarginUsdPerKwh), over_time.get(MetricId::MiningMarginUsdPerKwh));
    assert_ne!(merged.get(MetricId::MiningNpvUsdPerMw), over_time.get(MetricId::MiningNpvUsdPerMw));
}
