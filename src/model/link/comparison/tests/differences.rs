//! What B − A is for every metric, where a side has no figure, and which side is better.

use super::*;

/// `got` and `want` agree to 20 significant digits: the model rounds each step to 28.
fn close(got: Figure, want: Decimal) -> bool {
    got.is_ok_and(|got| (got - want).abs() <= want.abs() * dec!(1e-20))
}

#[test]
fn it_subtracts_a_from_b_for_every_metric() {
    let (c, _) = comparison("b.kwh=0.03");
    let diffs = differences(&evaluate(c.a()), &evaluate(c.b()));
    assert_eq!(diffs.len(), MetricId::COUNT);
    let get = |id: MetricId| diffs.iter().find(|(m, _)| *m == id).map(|(_, d)| *d);
    // Electricity 0.05 → 0.03 USD/kWh, worked by hand (python3, 40-digit decimals):
    // energy per BTC = 24 · 17.5 · 1.05 / (hashprice BTC · 0.98) = 1,102,477.363010068892421833598…
    let exact = [
        (MetricId::MiningCashCostUsdPerKwh, dec!(-0.02)),
        (MetricId::MiningMarginUsdPerKwh, dec!(0.02)),
        (MetricId::ColoRevenueUsdPerKwh, dec!(-0.02)),
        (MetricId::ColoMarginUsdPerKwh, dec!(0)),
        (MetricId::GpuMarginUsdPerKwh, dec!(0.02)),
        // 0.02 · 8,760,000 · 0.97 and 0.02 · 8,760,000.
        (MetricId::MiningMarginUsdPerMwYear, dec!(169944)),
        (MetricId::GpuMarginUsdPerMwYear, dec!(175200)),
        (MetricId::HashpriceUsdPerPhDay, dec!(0)),
        (MetricId::MiningCapexUsdPerMw, dec!(0)),
    ];
    for (id, want) in exact {
        assert_eq!(get(id), Some(Ok(want)), "{}", id.key());
    }
    let worked = [
        (MetricId::EnergyCostPerBtcUsd, dec!(-22049.547260201377848436671966)),
        (MetricId::CashCostPerBtcUsd, dec!(-22049.547260201377848436671966)),
        // tgt · hashprice BTC · keep / (24 · pue) · (1/0.035 − 1/0.055).
        (MetricId::TargetRequiredEfficiencyJPerTh, dec!(8.245891839528013883797653959)),
        // capex per MW / margin per MW-year: 3.527589520898524… − 6.720109872169353…
        (MetricId::MiningPaybackYears, dec!(-3.192520351270829496581216757)),
    ];
    for (id, want) in worked {
        let got = get(id).unwrap_or(Err(ModelError::Overflow));
        assert!(close(got, want), "{}: {got:?}, worked {want}", id.key());
    }
}

#[test]
fn it_has_no_difference_where_a_side_has_no_figure() {
    let never = Err(ModelError::MarginNotPositive);
    let zero = Err(ModelError::ZeroDivisor(crate::model::error::Quantity::Difficulty));
    let cases = [
        (Ok(dec!(1.5)), Ok(dec!(2)), Ok(dec!(0.5))),
        (Ok(dec!(2)), Ok(dec!(1.5)), Ok(dec!(-0.5))),
        (Ok(dec!(0.10)), Ok(dec!(0.1)), Ok(dec!(0))),
        (Ok(dec!(-0)), Ok(dec!(0)), Ok(dec!(0))),
        (Ok(dec!(3)), never, never),
        (never, Ok(dec!(3)), never),
        (zero, never, zero),
        (Ok(Decimal::MIN), Ok(Decimal::MAX), Err(ModelError::Overflow)),
        (Ok(Decimal::MAX), Ok(Decimal::MIN), Err(ModelError::Overflow)),
        (Ok(Decimal::MAX), Ok(Decimal::MAX), Ok(dec!(0))),
        (Ok(dec!(0.0000000000000000000000000001)), Ok(dec!(0)), Ok(dec!(-0.0000000000000000000000000001))),
    ];
    for (a, b, want) in cases {
        let got = difference(a, b);
        assert_eq!(got, want, "{b:?} − {a:?}");
        assert!(!got.is_ok_and(|d| d.is_zero() && d.is_sign_negative()), "{b:?} − {a:?} is -0");
    }
    // Payback is never reached on B: no difference, and A is the better side.
    let (c, _) = comparison("b.kwh=0.2");
    let (a, b) = (evaluate(c.a()), evaluate(c.b()));
    let id = MetricId::MiningPaybackYears;
    assert_eq!(b.get(id), Err(ModelError::MarginNotPositive));
    assert_eq!(difference(a.get(id), b.get(id)), Err(ModelError::MarginNotPositive));
    assert_eq!(better_side(id, a.get(id), b.get(id)), Some(Side::A));
}

#[test]
fn it_marks_the_better_side_where_a_direction_makes_sense() {
    use MetricId::*;
    let never = Err(ModelError::MarginNotPositive);
    let cases = [
        (MiningMarginUsdPerKwh, Ok(dec!(0.01)), Ok(dec!(0.02)), Some(Side::B)),
        (MiningMarginUsdPerKwh, Ok(dec!(-0.01)), Ok(dec!(-0.02)), Some(Side::A)),
        (GpuMarginUsdPerMwYear, Ok(dec!(175200)), Ok(dec!(0)), Some(Side::A)),
        (BreakevenPowerPriceUsdPerKwh, Ok(dec!(0.07)), Ok(dec!(0.08)), Some(Side::B)),
        (CashCostPerBtcUsd, Ok(dec!(40000)), Ok(dec!(45000)), Some(Side::A)),
        (AllinCostPerBtcUsd, Ok(dec!(60000)), Ok(dec!(55000)), Some(Side::B)),
        (MiningCashCostUsdPerKwh, Ok(dec!(0.055)), Ok(dec!(0.035)), Some(Side::B)),
        (AsicEfficiencyJPerTh, Ok(dec!(17.5)), Ok(dec!(13.5)), Some(Side::B)),
        (GpuCapexUsdPerMw, Ok(dec!(33000000)), Ok(dec!(32000000)), Some(Side::B)),
        (ColoPaybackYears, Ok(dec!(3)), Ok(dec!(4)), Some(Side::A)),
        // A payback reached beats one never reached; two never reached tie.
        (MiningPaybackYears, Ok(dec!(9)), never, Some(Side::A)),
        (MiningPaybackYears, never, Ok(dec!(9)), Some(Side::B)),
        (MiningPaybackYears, never, never, None),
        // Equal figures, a figure missing for another reason, or no better direction.
        (MiningMarginUsdPerKwh, Ok(dec!(0.02)), Ok(dec!(0.020)), None),
        (MiningMarginUsdPerKwh, Ok(dec!(0.02)), Err(ModelError::Overflow), None),
        (MiningMarginUsdPerKwh, never, Ok(dec!(0.02)), None),
        (NetworkHashrateEhS, Ok(dec!(1000)), Ok(dec!(1100)), None),
        (TargetCostPerBtcUsd, Ok(dec!(50000)), Ok(dec!(40000)), None),
        // A ratio against mining is higher where mining earns less: neither side is better.
        (GpuVsMiningRevenueMultiple, Ok(dec!(10.9)), Ok(dec!(11)), None),
        (ColoVsMiningRevenueMultiple, Ok(dec!(3.0)), Ok(dec!(2.6)), None),
    ];
    for (id, a, b, want) in cases {
        assert_eq!(better_side(id, a, b), want, "{}: {a:?} vs {b:?}", id.key());
    }
}

#[test]
fn it_lists_what_b_changes_as_its_link_writes_it() {
    let cases: [(&str, &[(&str, &str)]); 4] = [
        ("?v=1&kwh=0.04&cmp=1", &[]),
        ("?v=1&btc=90000&kwh=0.045&b.kwh=0.03", &[("kwh", "0.03")]),
        ("?v=1&asic=s19xp&kwh=0.04&b.asic=s21xp&b.capex=18", &[("asic", "s21xp"), ("capex", "18")]),
        ("?v=1&hp=40&b.hp=", &[("hp", "")]),
    ];
    for (link, want) in cases {
        let (c, warnings) = comparison(link);
        assert!(warnings.is_empty(), "{link}: {warnings:?}");
        let want: Vec<(&str, String)> = want.iter().map(|(k, v)| (*k, v.to_string())).collect();
        assert_eq!(c.changes(), want, "{link}");
    }
}

#[test]
fn it_shows_a_whole_link_in_one_view_and_drops_the_embed_keys() {
    let cases = [
        ("?v=1&kwh=0.03&embed=1&show=compare,inputs&edit=0&theme=dark", "v=1&kwh=0.03&theme=dark"),
        ("?v=1&kwh=0.04&embed=1&show=btc&theme=light&b.kwh=0.03", "v=1&kwh=0.04&theme=light&b.kwh=0.03"),
        ("?v=1&embed=1&cmp=1", "v=1&cmp=1"),
    ];
    for (link, want) in cases {
        let (read, warnings) = from_link(link);
        assert!(warnings.is_empty(), "{link}: {warnings:?}");
        let full = read.without_embed();
        assert_eq!(full.to_query(), want, "{link}");
        if let Link::Compare(c) = &full {
            assert_eq!(c.a().view, c.b().view, "{link}: one view for both sides");
        }
    }
    let (mut read, _) = from_link("?v=1&b.kwh=0.03");
    let mut view = *read.view();
    view.theme = Theme::Dark;
    read.set_view(view);
    assert_eq!(read.to_query(), "v=1&theme=dark&b.kwh=0.03");
}
