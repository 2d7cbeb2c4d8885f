//! The URL is the state: read the scenario from the address once, then keep the address
//! following the scenario.

use std::time::Duration;

use leptos::prelude::*;

use super::web;
use crate::model::draft::Draft;
use crate::model::{from_query, to_query, Scenario, Warning};

/// How long the address bar may lag the scenario.
const URL_DELAY: Duration = Duration::from_millis(100);

/// What [`use_scenario_url`] gives the page.
pub struct UseScenarioUrlReturn {
    /// The scenario under edit, starting from the link the page was opened with.
    pub draft: RwSignal<Draft>,
    /// Its last valid scenario.
    pub scenario: Memo<Scenario>,
    /// What the opening link had that could not be used.
    pub warnings: Vec<Warning>,
}

/// Reads `location.search` into a scenario and, unless it is an embed (which must not
/// touch its host's history), writes the shortest link back with `replaceState` whenever
/// the scenario changes.
pub fn use_scenario_url() -> UseScenarioUrlReturn {
    let search = window().location().search().unwrap_or_default();
    let (initial, warnings) = from_query(&search);
    let follow = !initial.view.embed;
    let draft = RwSignal::new(Draft::new(initial));
    let scenario = Memo::new(move |_| draft.with(|d| d.scenario().clone()));
    if follow {
        // An effect only touches the outside world: the address bar. The write waits a
        // moment and takes the latest scenario, so the results update first and a burst of
        // keystrokes makes one `replaceState`, not one each (browsers throttle floods).
        let pending = StoredValue::new(false);
        Effect::new(move |_| {
            scenario.track();
            if !pending.get_value() {
                pending.set_value(true);
                let write = move || {
                    pending.set_value(false);
                    web::replace_query(&scenario.with_untracked(to_query));
                };
                set_timeout(write, URL_DELAY);
            }
        });
    }
    UseScenarioUrlReturn { draft, scenario, warnings }
}
