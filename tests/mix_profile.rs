//! SPEC.md's Site and Power by the hour together: with a mix and a price profile, over
//! time each model decides on its own in which buckets it runs, and mining's cash in a
//! month is `Σ_i s_i · Σ_{b running for model i} (rev_i − p_b − opx) · 7,300 · up/100`.
//!
//! Checked against the single-model scenarios: model `i` of a mix earns, per kWh, what
//! the scenario `asic=i` earns (the same hashrate per watt), so its month's cash is that
//! scenario's; the mix's month is the shares' weighted sum of them. A mix that blended the
//! models into one machine before deciding its buckets would fail this in the months
//! where the models run in different buckets.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use kwhich::model::{evaluate_over_time, from_query, InvalidKeys};

/// The mining cash of each month 1 … 48 (the cumulative cash's steps), per MW.
fn monthly_mining_cash(link: &str) -> Vec<Decimal> {
    let (scenario, warnings) = from_query(link);
    assert!(warnings.is_empty(), "{link}: {warnings:?}");
    let evaluation = evaluate_over_time(&scenario, InvalidKeys::default());
    let cum: Vec<Decimal> =
        evaluation.projection.points().iter().map(|p| p.mining_cum.expect("a cumulative cash")).collect();
    cum.windows(2).map(|w| w[1] - w[0]).collect()
}

fn check(common: &str, models: &[(&str, Decimal)]) {
    let mix: Vec<String> = models.iter().map(|(id, share)| format!("{id}:{share}")).collect();
    let mixed = monthly_mining_cash(&format!("{common}&mix={}", mix.join(",")));
    let singles: Vec<(Vec<Decimal>, Decimal)> = models
        .iter()
        .map(|(id, share)| (monthly_mining_cash(&format!("{common}&asic={id}")), *share / dec!(100)))
        .collect();
    let mut months_where_models_differ = 0;
    for (m, got) in mixed.iter().enumerate() {
        let want: Decimal = singles.iter().map(|(cash, share)| cash[m] * share).sum();
        let close = (got - want).abs() <= want.abs() * dec!(0.000000001) + dec!(0.000001);
        assert!(close, "{common}, month {}: the mix earns {got}, its models {want}", m + 1);
        let per_kw: Vec<Decimal> = singles.iter().map(|(cash, _)| cash[m]).collect();
        if per_kw.windows(2).any(|w| w[0] != w[1]) {
            months_where_models_differ += 1;
        }
    }
    assert!(months_where_models_differ > 0, "{common}: the models never differ, the check proves nothing");
}

#[test]
fn each_model_of_a_mix_runs_in_its_own_buckets_on_ercot_2025() {
    let common = "v=1&pp=ercot-n-2025&mo=48&btc=70000";
    check(common, &[("s19xp", dec!(40)), ("s21xp", dec!(60))]);
    check(&format!("{common}&strike=0.06&drc=0"), &[("s19jpro", dec!(25)), ("s21", dec!(35)), ("s21xph", dec!(40))]);
}

#[test]
fn the_blend_of_a_mix_on_a_flat_price_is_the_models_weighted_as_before() {
    check("v=1&mo=48&btc=70000&kwh=0.055", &[("s19jpro", dec!(50)), ("s21xp", dec!(50))]);
}

#[test]
fn the_credit_is_paid_once_for_the_whole_fleet() {
    // `drc · 1,000 / 12` a month on top of the models' cash, not once per model.
    let common = "v=1&pp=ercot-n-2025&mo=12&btc=70000";
    let without = monthly_mining_cash(&format!("{common}&mix=s19xp:40,s21xp:60"));
    let with = monthly_mining_cash(&format!("{common}&mix=s19xp:40,s21xp:60&drc=24"));
    for (w, wo) in with.iter().zip(&without) {
        if !wo.is_zero() {
            assert_eq!(*w - *wo, dec!(2000), "24 USD per kW-year is 2,000 USD per MW a month");
        }
    }
}
