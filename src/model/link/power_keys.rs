//! `pp`, `pq` and `strike` in a link (SPEC.md, "Power by the hour"): read after the numeric
//! keys, `pp` before `strike` whatever the link's order (a strike needs a profile), and
//! written after the backtest's keys.

use crate::model::power::{parse_pq, parse_strike, pq_text, strike_text, PowerError, Profile};
use crate::model::scenario::Scenario;

use super::share_link::{Fallback, Refusal, Warning};

/// Sets the power keys a link gives (`key`, `value` pairs, keys without their prefix) on
/// `scenario`. What is refused keeps the scenario's value and is named in `warnings` as
/// `{prefix}{key}`.
pub(super) fn apply_power(
    scenario: &mut Scenario,
    prefix: &str,
    pairs: Vec<(String, String)>,
    warnings: &mut Vec<Warning>,
) {
    let find = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let (pp, pq, strike) = (find("pp"), find("pq"), find("strike"));
    let mut warn = |key: &str, value: String, reason: Refusal, fallback: Fallback| {
        warnings.push(Warning::Invalid { key: format!("{prefix}{key}"), value, reason, fallback });
    };
    let buckets = match &pq {
        Some(text) => match parse_pq(text) {
            Ok(b) => Some(b),
            Err(e) => {
                warn("pq", text.clone(), Refusal::ProfileBuckets(e), Fallback::NoBuckets);
                None
            }
        },
        None => None,
    };
    let kept = |s: &Scenario| Fallback::Value(s.profile().name().to_string());
    match &pp {
        Some(name) => {
            if let Err(e) = scenario.set_profile_named(name.trim(), buckets) {
                let reason = match e {
                    PowerError::CustomNeedsBuckets => Refusal::CustomNeedsBuckets,
                    _ => Refusal::Profile,
                };
                warn("pp", name.clone(), reason, kept(scenario));
            }
        }
        // `pq` alone replaces the buckets of a custom profile (side B of a comparison whose
        // side A has one), and is refused otherwise.
        None => match (buckets, scenario.profile()) {
            (Some(b), Profile::Custom(_)) => {
                let _ = scenario.set_profile_named("custom", Some(b));
            }
            (Some(_), _) => warn("pq", pq.unwrap_or_default(), Refusal::BucketsNeedCustom, Fallback::NoBuckets),
            (None, _) => {}
        },
    }
    if let Some(text) = strike {
        let fallback = Fallback::Value(strike_text(scenario.strike()));
        match parse_strike(&text) {
            Err(e) => warn("strike", text, Refusal::Strike(e), fallback),
            Ok(value) => {
                if scenario.set_strike(value).is_err() {
                    warn("strike", text, Refusal::StrikeNeedsProfile, fallback);
                }
            }
        }
    }
}

/// `pp`, `pq` and `strike` where `scenario` differs from `base`.
pub(super) fn differing_power(scenario: &Scenario, base: &Scenario) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let profile = scenario.profile();
    if profile.name() != base.profile().name() {
        out.push(("pp", profile.name().to_string()));
    }
    if let Profile::Custom(buckets) = profile {
        if profile != base.profile() {
            out.push(("pq", pq_text(buckets)));
        }
    }
    if scenario.strike() != base.strike() {
        out.push(("strike", strike_text(scenario.strike())));
    }
    out
}
