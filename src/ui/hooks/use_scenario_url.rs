//! The URL is the state: read the scenario (or the two of a comparison) from the address
//! once, then keep the address following what the reader settled on, one history entry per
//! settled change, and go back to a scenario when the reader goes Back or Forward.

use std::time::Duration;

use leptos::prelude::*;

use crate::model::edit::session::Session;
use crate::model::{from_link, Link, Scenario, Warning};
use crate::ui::hooks::state::SessionCtx;
use crate::ui::web;

/// How long the address bar may lag the scenario.
const URL_DELAY: Duration = Duration::from_millis(100);

/// What [`use_scenario_url`] gives the page.
pub struct UseScenarioUrlReturn {
    /// The scenario under edit and the pinned side, starting from the link the page was
    /// opened with.
    pub session: SessionCtx,
    /// The scenario under edit (B while comparing) as typed: what the figures show.
    pub scenario: Memo<Scenario>,
    /// The link for what the reader settled on: the scenario, or A and B.
    pub link: Memo<Link>,
    /// What the opening link had that could not be used.
    pub warnings: Vec<Warning>,
}

/// Reads `location.search` into a scenario or a comparison and, unless it is an embed
/// (which must not touch its host's history), writes the shortest link back whenever what
/// the reader settled on changes: `replaceState` for the opening link, `pushState` after
/// that (changes within a second of the last are one entry), and `popstate` restores.
pub fn use_scenario_url() -> UseScenarioUrlReturn {
    let search = window().location().search().unwrap_or_default();
    let (initial, warnings) = from_link(&search);
    let follow = !initial.view().embed;
    let session = SessionCtx::new(Session::new(initial));
    let scenario = Memo::new(move |_| session.with(|s| s.draft().scenario().clone()));
    let link = Memo::new(move |_| session.with(Session::link));
    if follow {
        // An effect only touches the outside world: the address bar. The write waits a
        // moment and takes the latest link, so the results update first and a burst of
        // changes makes one write, not one each (browsers throttle floods).
        let pending = StoredValue::new(false);
        let opening = StoredValue::new(true);
        Effect::new(move |_| {
            link.track();
            if !pending.get_value() {
                pending.set_value(true);
                let write = move || {
                    pending.set_value(false);
                    web::write_query(&link.with_untracked(Link::to_query), opening.get_value());
                    opening.set_value(false);
                };
                set_timeout(write, URL_DELAY);
            }
        });
        web::on_history(Box::new(move |search: String| session.restore(from_link(&search).0)));
    }
    UseScenarioUrlReturn { session, scenario, link, warnings }
}
