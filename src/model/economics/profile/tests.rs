//! Power by the hour against figures worked independently of this crate: `scripts/power-check.py`
//! reads the ERCOT file itself, builds SPEC.md's buckets and applies its formulas literally,
//! bucket by bucket, in exact fractions (printed to 24 places); pasted here.

use core::str::FromStr;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::model::link::share_link::from_query;
use crate::model::{evaluate, MetricId as M};

/// Rounding noise of 28-digit decimals against exact fractions, in each figure's unit.
const TOLERANCE: Decimal = dec!(0.000000000001);

fn close(link: &str, id: M, want: &str) {
    let (scenario, warnings) = from_query(link);
    assert!(warnings.is_empty(), "{link}: {warnings:?}");
    let got = evaluate(&scenario).get(id).unwrap_or_else(|e| panic!("{link} {}: {e:?}", id.key()));
    let want = Decimal::from_str(want).unwrap_or_else(|e| panic!("{want}: {e}"));
    assert!((got - want).abs() <= TOLERANCE, "{link} {}: {got} ≠ {want}", id.key());
}

/// The custom profile of the third case: four levels of 25 buckets, 10, 20, 40 and 130 USD/MWh.
fn four_levels() -> String {
    let mut parts = Vec::new();
    for level in ["10", "20", "40", "130"] {
        parts.extend(std::iter::repeat_n(level, 25));
    }
    parts.join(",")
}

#[test]
fn it_works_the_default_scenario_on_ercot_north_2025() {
    // power-check.py "default": rev = 0.0770990886996, cap = rev − opx = 0.0720990887;
    // 86 buckets have p_b = 0.05 · r_b / 32.0… at or below it (r_86 ≈ 45.3 USD/MWh).
    let link = "pp=ercot-n-2025";
    close(link, M::MiningRunSharePct, "86");
    close(link, M::MiningPowerPriceUsdPerKwh, "0.036632408519890501087622");
    close(link, M::MiningMarginUsdPerMwYear, "259176.028347708184985852286923");
    close(link, M::MiningFlexibilityUsdPerMwYear, "71395.651849578124974511561116");
    // Cash cost = price when running + opx; the margin per kWh is revenue less it.
    close(link, M::MiningCashCostUsdPerKwh, "0.041632408519890501087622");
    close(link, M::MiningMarginUsdPerKwh, "0.035466680179696428725885");
}

#[test]
fn it_works_a_fixed_strike_and_a_credit() {
    // power-check.py "strike": btc 60,000, kwh 0.04, strike 0.03 (below break-even), drc 25.
    let link = "btc=60000&kwh=0.04&pp=ercot-n-2025&strike=0.03&drc=25";
    close(link, M::MiningRunSharePct, "47");
    close(link, M::MiningPowerPriceUsdPerKwh, "0.020693173111423531516046");
    close(link, M::MiningMarginUsdPerMwYear, "139737.395250351362517571474106");
    close(link, M::MiningFlexibilityUsdPerMwYear, "59669.247134024261333095667655");
}

#[test]
fn it_works_a_custom_profile() {
    // power-check.py "custom": r̄ = 50, so p_b = 0.06 · r_b / 50: 0.012, 0.024, 0.048, 0.156;
    // the first three levels run (0.048 ≤ 0.0721), price (0.012 + 0.024 + 0.048) / 3 = 0.028.
    let link = format!("kwh=0.06&up=90&pp=custom&pq={}", four_levels());
    close(&link, M::MiningRunSharePct, "75");
    close(&link, M::MiningPowerPriceUsdPerKwh, "0.028");
    close(&link, M::MiningMarginUsdPerMwYear, "260757.911480657515987273185483");
    close(&link, M::MiningFlexibilityUsdPerMwYear, "165368.696173114161337575604838");
}

#[test]
fn it_keeps_a_flat_price_as_before_and_adds_the_credit() {
    let (flat, _) = from_query("");
    let (credit, _) = from_query("drc=30");
    let (a, b) = (evaluate(&flat), evaluate(&credit));
    assert_eq!(a.get(M::MiningRunSharePct), Ok(dec!(100)));
    assert_eq!(a.get(M::MiningPowerPriceUsdPerKwh), Ok(dec!(0.05)));
    assert_eq!(a.get(M::MiningFlexibilityUsdPerMwYear), Err(ModelError::FlatPrice));
    // drc · 1,000 a year, and nothing else today.
    let year = |m: &crate::model::Metrics| m.get(M::MiningMarginUsdPerMwYear).unwrap_or_default();
    assert_eq!(year(&b) - year(&a), dec!(30000));
    assert_eq!(a.get(M::MiningMarginUsdPerKwh), b.get(M::MiningMarginUsdPerKwh));
    // The all-in margin: (margin per MW-year − capex/life) / (8,760,000 · 0.97), so 30,000 /
    // 8,497,200 = 0.00353057… more per kWh.
    let allin = |m: &crate::model::Metrics| m.get(M::MiningAllinMarginUsdPerKwh).unwrap_or_default();
    let more = allin(&b) - allin(&a);
    assert!((more - dec!(0.0035305747775737890128512922)).abs() < TOLERANCE, "{more}");
    // Over its life of 48 months: 48 · 30,000 / 12 more cash.
    let cash = |m: &crate::model::Metrics| m.get(M::MiningLifetimeCashUsdPerMw).unwrap_or_default();
    assert!((cash(&b) - cash(&a) - dec!(120000)).abs() < TOLERANCE, "{}", cash(&b) - cash(&a));
}

#[test]
fn it_charges_the_ai_paths_the_firm_premium() {
    let (plain_link, _) = from_query("");
    let (firm, _) = from_query("firm=0.01&pp=ercot-n-2025");
    let (a, b) = (evaluate(&plain_link), evaluate(&firm));
    let get = |m: &crate::model::Metrics, id| m.get(id).unwrap_or_default();
    assert_eq!(get(&b, M::ColoRevenueUsdPerKwh) - get(&a, M::ColoRevenueUsdPerKwh), dec!(0.01));
    assert_eq!(get(&a, M::GpuMarginUsdPerKwh) - get(&b, M::GpuMarginUsdPerKwh), dec!(0.01));
    // Colocation bills power at cost: its margin does not move.
    assert_eq!(a.get(M::ColoMarginUsdPerKwh), b.get(M::ColoMarginUsdPerKwh));
}

#[test]
fn it_finds_the_running_buckets_with_a_search_as_a_pass_would() {
    let buckets = crate::model::power::ercot::buckets().unwrap_or_else(|e| panic!("{e:?}"));
    let scaled = scale(&buckets, dec!(0.05)).unwrap_or_else(|e| panic!("{e:?}"));
    for cents in -20..30 {
        let revenue = Decimal::new(cents, 2);
        for strike in [None, Some(dec!(0.02)), Some(dec!(-0.5))] {
            let run = scaled.run(revenue, dec!(0.005), strike).unwrap_or_else(|e| panic!("{e:?}"));
            let cap = strike.map_or(revenue - dec!(0.005), |s| s.min(revenue - dec!(0.005)));
            let running: Vec<Decimal> = scaled.prices().iter().copied().filter(|p| *p <= cap).collect();
            assert_eq!(run.n, running.len(), "{revenue} {strike:?}");
            let literal: Decimal = running.iter().map(|p| revenue - *p - dec!(0.005)).sum();
            let sum = run.margin_sum(revenue, dec!(0.005)).unwrap_or_else(|e| panic!("{e:?}"));
            assert!((sum - literal).abs() < TOLERANCE, "{sum} {literal}");
        }
    }
}

#[test]
fn it_scales_the_profile_to_the_average_price() {
    let buckets = crate::model::power::ercot::buckets().unwrap_or_else(|e| panic!("{e:?}"));
    let scaled = scale(&buckets, dec!(0.05)).unwrap_or_else(|e| panic!("{e:?}"));
    let mean: Decimal = scaled.prices().iter().sum::<Decimal>() / dec!(100);
    assert!((mean - dec!(0.05)).abs() < TOLERANCE, "{mean}");
    assert!(scaled.prices().windows(2).all(|w| w[0] <= w[1]));
    // Free power is free every hour.
    let free = scale(&buckets, Decimal::ZERO).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(free.prices().iter().all(|p| p.is_zero()));
}

#[test]
fn it_has_no_power_price_when_mining_never_runs() {
    let (scenario, warnings) = from_query("pp=ercot-n-2025&strike=-1");
    assert!(warnings.is_empty(), "{warnings:?}");
    let m = evaluate(&scenario);
    assert_eq!(m.get(M::MiningRunSharePct), Ok(Decimal::ZERO));
    assert_eq!(m.get(M::MiningPowerPriceUsdPerKwh), Err(ModelError::MiningNeverRuns));
    assert_eq!(m.get(M::MiningAllinMarginUsdPerKwh), Err(ModelError::MiningNeverRuns));
    // Nothing earned, nothing paid: the margin per MW-year is zero, and the life's cash
    // flows are all zero (so no rate of return).
    assert_eq!(m.get(M::MiningMarginUsdPerMwYear), Ok(Decimal::ZERO));
    assert_eq!(m.get(M::MiningIrrPct), Err(ModelError::NoCashFlow));
}

#[test]
fn it_redecides_the_buckets_each_month() {
    // Difficulty up 5 % a month: revenue falls, fewer buckets run, and a month's cash
    // falls with it, never below zero.
    let (scenario, _) = from_query("pp=ercot-n-2025&dg=5&mo=48");
    let evaluation = crate::model::evaluate_over_time(&scenario, crate::model::InvalidKeys::default());
    let flows = evaluation.projection.cash_flows(crate::model::Path::Mining).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(flows.flows.windows(2).all(|w| w[1] <= w[0]), "{:?}", flows.flows);
    assert!(flows.flows.iter().all(|f| *f >= Decimal::ZERO));
    // Month 1's cash is month 0's margin per MW-year over 12.
    let year = evaluation.metrics.get(M::MiningMarginUsdPerMwYear).unwrap_or_default();
    assert!((flows.flows[0] * dec!(12) - year).abs() < dec!(0.0000001), "{} {year}", flows.flows[0]);
    // A month late in the life runs fewer buckets than today.
    let fixed = Fixed::new(&Inputs::new(&scenario, crate::model::InvalidKeys::default()));
    let i = Inputs::new(&scenario, crate::model::InvalidKeys::default());
    let monthly = MonthlyMining::new(&i, &fixed, Ok(dec!(708100)));
    let today = monthly.model_cash(Decimal::ONE, Ok(dec!(0.0771)));
    let later = monthly.model_cash(Decimal::ONE, Ok(dec!(0.03)));
    let half = monthly.model_cash(dec!(0.5), Ok(dec!(0.0771)));
    assert!(later.unwrap_or_default() < today.unwrap_or_default());
    let twice = half.unwrap_or_default() * dec!(2) - today.unwrap_or_default();
    assert!(twice.abs() < TOLERANCE, "{twice}");
}
