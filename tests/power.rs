//! Laws of "Power by the hour" (SPEC.md), over scenarios and profiles drawn at random:
//!
//! - `strike=auto` never earns less per MW-year than any fixed strike (auto runs every
//!   bucket that earns, and no other);
//! - a custom profile survives the link: `to_query` then `from_query` gives it back, and
//!   the evaluator prints it scaled as `"profile"`;
//! - a profile's figures are never NaN-like: a run share from 0 to 100, a price when running
//!   within the profile's range, and cash flows never below zero.

use proptest::prelude::*;
use rust_decimal::Decimal;

use kwhich::model::export::json;
use kwhich::model::link::share_link::plain;
use kwhich::model::{evaluate, evaluate_over_time, from_query, to_query, InvalidKeys, MetricId, Path, Scenario};

/// 100 ascending bucket prices (USD/MWh) with a positive mean, in cents.
fn buckets() -> impl Strategy<Value = Vec<Decimal>> {
    proptest::collection::vec(-5_000_i64..50_000, 100).prop_filter_map("mean above zero", |mut cents| {
        cents.sort();
        (cents.iter().sum::<i64>() > 0).then(|| cents.into_iter().map(|c| Decimal::new(c, 2)).collect())
    })
}

fn pq(buckets: &[Decimal]) -> String {
    buckets.iter().map(|b| plain(*b)).collect::<Vec<_>>().join(",")
}

fn scenario(link: &str) -> Scenario {
    let (s, warnings) = from_query(link);
    assert!(warnings.is_empty(), "{link}: {warnings:?}");
    s
}

fn profile_link() -> impl Strategy<Value = String> {
    let profile =
        prop_oneof![Just("pp=ercot-n-2025".to_string()), buckets().prop_map(|b| format!("pp=custom&pq={}", pq(&b)))];
    (profile, 1_i64..200, 20_000_i64..150_000, 0_i64..30, 50_i64..=100).prop_map(
        |(p, kwh_mills, btc, opx_mills, up)| {
            format!("{p}&kwh={}&btc={btc}&opx={}&up={up}", Decimal::new(kwh_mills, 3), Decimal::new(opx_mills, 4))
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn auto_never_earns_less_than_a_fixed_strike(link in profile_link(), strike_mills in -1000_i64..300) {
        let year = |link: &str| evaluate(&scenario(link)).get(MetricId::MiningMarginUsdPerMwYear);
        let auto = year(&link).map_err(|e| TestCaseError::fail(format!("{link}: {e:?}")))?;
        let strike = Decimal::new(strike_mills, 3);
        let fixed_link = format!("{link}&strike={strike}");
        let fixed = year(&fixed_link).map_err(|e| TestCaseError::fail(format!("{fixed_link}: {e:?}")))?;
        prop_assert!(auto >= fixed, "{link}: auto {auto} < strike {strike}: {fixed}");
    }

    #[test]
    fn a_custom_profile_round_trips_and_prints_scaled(b in buckets(), kwh_mills in 0_i64..200) {
        let link = format!("v=1&kwh={}&pp=custom&pq={}", Decimal::new(kwh_mills, 3), pq(&b));
        let s = scenario(&link);
        let written = to_query(&s);
        prop_assert!(written.ends_with(&format!("&pp=custom&pq={}", pq(&b))), "{}", written);
        prop_assert_eq!(&scenario(&to_query(&s)), &s);
        let report = json::report(&s, &evaluate(&s), &[]);
        let value: serde_json::Value = serde_json::from_str(&report).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let profile = value["profile"].as_array().cloned().unwrap_or_default();
        prop_assert_eq!(profile.len(), 100);
    }

    #[test]
    fn a_profiles_figures_stay_in_their_ranges(link in profile_link(), strike_mills in -1000_i64..300, dg in -2_i64..6) {
        let link = format!("{link}&strike={}&dg={dg}", Decimal::new(strike_mills, 3));
        let s = scenario(&link);
        let e = evaluate_over_time(&s, InvalidKeys::default());
        let share = e.metrics.get(MetricId::MiningRunSharePct).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert!(Decimal::ZERO <= share && share <= Decimal::ONE_HUNDRED, "{link}: {share}");
        if let Ok(price) = e.metrics.get(MetricId::MiningPowerPriceUsdPerKwh) {
            let strike = Decimal::new(strike_mills, 3);
            prop_assert!(price <= strike, "{link}: pays {price} above its strike");
        }
        let flows = e.projection.cash_flows(Path::Mining).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert!(flows.flows.iter().all(|f| *f >= Decimal::ZERO), "{link}");
    }
}
