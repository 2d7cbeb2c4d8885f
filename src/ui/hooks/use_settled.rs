//! The scenario once typing pauses for a frame: what the heavy sections follow.

use leptos::prelude::*;

use crate::model::InvalidKeys;
use crate::model::Scenario;

/// `scenario` and `invalid`, caught up after the next paint and once for a burst of edits:
/// the first screen shows a keystroke's figures at once, then the projection, the charts,
/// the map and the tornado follow in a task of their own. `#app[data-settling]` is there
/// while they lag, for the tests and the benchmark.
pub fn use_settled(scenario: Memo<Scenario>, invalid: Memo<InvalidKeys>) -> ReadSignal<(Scenario, InvalidKeys)> {
    let (settled, set_settled) = signal((scenario.get_untracked(), invalid.get_untracked()));
    let pending = StoredValue::new(false);
    Effect::new(move |previous: Option<()>| {
        scenario.track();
        invalid.track();
        // The first run is the mount: the settled value is already the scenario.
        if previous.is_none() || pending.get_value() {
            return;
        }
        pending.set_value(true);
        mark_settling(true);
        // After the browser has painted the edit's first-screen figures.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    pending.set_value(false);
                    set_settled.set((scenario.get_untracked(), invalid.get_untracked()));
                    mark_settling(false);
                },
                std::time::Duration::ZERO,
            )
        });
    });
    settled
}

fn mark_settling(on: bool) {
    if let Some(app) = document().get_element_by_id("app") {
        let _ = if on { app.set_attribute("data-settling", "") } else { app.remove_attribute("data-settling") };
    }
}
