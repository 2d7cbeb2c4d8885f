//! The URL is the state: read the scenario (or the two of a comparison) from the address
//! once, then keep the address following them.

use std::time::Duration;

use leptos::prelude::*;

use super::web;
use crate::model::edit::draft::Draft;
use crate::model::{from_link, Comparison, Link, Scenario, Side, Warning};

/// How long the address bar may lag the scenario.
const URL_DELAY: Duration = Duration::from_millis(100);

/// What [`use_scenario_url`] gives the page.
pub struct UseScenarioUrlReturn {
    /// The scenario under edit (B while comparing), starting from the link the page was
    /// opened with.
    pub draft: RwSignal<Draft>,
    /// Its last valid scenario.
    pub scenario: Memo<Scenario>,
    /// Side A while comparing.
    pub pinned: RwSignal<Option<Scenario>>,
    /// The link for what is shown: the scenario, or A and B.
    pub link: Memo<Link>,
    /// What the opening link had that could not be used.
    pub warnings: Vec<Warning>,
}

/// Reads `location.search` into a scenario or a comparison and, unless it is an embed
/// (which must not touch its host's history), writes the shortest link back with
/// `replaceState` whenever either side changes.
pub fn use_scenario_url() -> UseScenarioUrlReturn {
    let search = window().location().search().unwrap_or_default();
    let (initial, warnings) = from_link(&search);
    let follow = !initial.view().embed;
    let (a, b) = match initial {
        Link::Single(scenario) => (None, scenario),
        Link::Compare(comparison) => (Some(comparison.a().clone()), comparison.into_side(Side::B)),
    };
    let pinned = RwSignal::new(a);
    let draft = RwSignal::new(Draft::new(b));
    let scenario = Memo::new(move |_| draft.with(|d| d.scenario().clone()));
    let link = Memo::new(move |_| {
        let b = scenario.get();
        pinned.with(|a| match a {
            Some(a) => Link::Compare(Comparison::new(a.clone(), b)),
            None => Link::Single(b),
        })
    });
    if follow {
        // An effect only touches the outside world: the address bar. The write waits a
        // moment and takes the latest scenario, so the results update first and a burst of
        // keystrokes makes one `replaceState`, not one each (browsers throttle floods).
        let pending = StoredValue::new(false);
        Effect::new(move |_| {
            link.track();
            if !pending.get_value() {
                pending.set_value(true);
                let write = move || {
                    pending.set_value(false);
                    web::replace_query(&link.with_untracked(Link::to_query));
                };
                set_timeout(write, URL_DELAY);
            }
        });
    }
    UseScenarioUrlReturn { draft, scenario, pinned, link, warnings }
}
