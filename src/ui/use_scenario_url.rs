//! The URL is the state: read the scenario from the address once, then keep the address
//! following the scenario.

use leptos::prelude::*;

use super::web;
use crate::model::{from_query, to_query, Scenario, Warning};

/// What [`use_scenario_url`] gives the page.
pub struct UseScenarioUrlReturn {
    /// The scenario, starting from the link the page was opened with.
    pub scenario: RwSignal<Scenario>,
    /// What the opening link had that could not be used.
    pub warnings: Vec<Warning>,
}

/// Reads `location.search` into a scenario and, unless `follow` is false (an embed must not
/// touch its host's history), writes the shortest link back with `replaceState` whenever
/// the scenario changes.
pub fn use_scenario_url() -> UseScenarioUrlReturn {
    let search = window().location().search().unwrap_or_default();
    let (initial, warnings) = from_query(&search);
    let follow = !initial.view.embed;
    let scenario = RwSignal::new(initial);
    if follow {
        // An effect only touches the outside world: the address bar.
        Effect::new(move |_| web::replace_query(&scenario.with(to_query)));
    }
    UseScenarioUrlReturn { scenario, warnings }
}
