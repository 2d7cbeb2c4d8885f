//! The owner's keys of a link (SPEC.md, "Site"): `own`, `aip` and `mix`, each refused with
//! its reason and the value kept.

use super::{Fallback, Refusal, Warning};
use crate::model::scenario::Scenario;
use crate::model::site::{AiPath, Mix, Own};

/// Sets `own`, `mix` or `aip`. An empty `mix` for side B says B has a single model.
/// What is refused keeps the scenario's value and is named in `warnings`.
pub(super) fn apply_site(
    scenario: &mut Scenario,
    prefix: &str,
    key: String,
    value: String,
    warnings: &mut Vec<Warning>,
) {
    let refused = match key.as_str() {
        "own" => match Own::from_name(&value) {
            Some(own) => {
                scenario.set_own(own);
                None
            }
            None => Some((Refusal::Own, Fallback::Value(scenario.own().name().into()))),
        },
        "aip" => match AiPath::from_name(&value) {
            Some(aip) => {
                scenario.set_aip(aip);
                None
            }
            None => Some((Refusal::AiPath, Fallback::Value(scenario.aip().name().into()))),
        },
        _ if !prefix.is_empty() && value.trim().is_empty() => {
            scenario.set_mix(None);
            None
        }
        _ => match Mix::parse(&value) {
            Ok(mix) => {
                scenario.set_mix(Some(mix));
                None
            }
            Err(error) => {
                let kept = scenario.mix().map_or(Fallback::SingleModel, |m| Fallback::Value(m.to_link_value()));
                Some((Refusal::Mix(error), kept))
            }
        },
    };
    if let Some((reason, fallback)) = refused {
        warnings.push(Warning::Invalid { key: format!("{prefix}{key}"), value, reason, fallback });
    }
}
