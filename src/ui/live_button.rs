//! "Use today's network": on request only, fills difficulty, bitcoin price, fees and block
//! height from the mempool.space API (all four or none) and says where and when they came from.
//!
//! The API's address is fixed when the page is built (`KWHICH_API_BASE`, read by
//! scripts/post-build.mjs into index.html and its Content-Security-Policy); a link can never
//! change it. Kept out of the Wasm, so that a build for another API compiles nothing again.

use leptos::prelude::*;

use super::state::{DraftCtx, ScenarioCtx};
use super::web;
use crate::model::live::{read_report, Network};

/// How long the four answers may take together, in seconds.
const TIME_LIMIT_S: u32 = 6;

/// What the last press gave.
#[derive(Clone)]
enum Outcome {
    /// Applied: the four values and where and when they came from.
    Applied(Network, String),
    /// Nothing changed, and why.
    Failed(String),
}

/// The button (its progress is shown by `web::ask_network`) and one line: what failed, or
/// where and when the figures came from while the scenario still holds them.
#[component]
pub fn LiveButton() -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let outcome = RwSignal::new(None::<Outcome>);

    let done = move |report: String| {
        let applied = read_report(&report).and_then(|reading| {
            // Applied to the scenario as it is now: edits made while waiting stay.
            let refused = |r| format!("From {}: {r}", reading.source);
            let network = reading.to_network().map_err(refused)?;
            let next = scenario.with_untracked(|s| network.apply_to(s)).map_err(refused)?;
            Ok((network, next, reading.source.clone()))
        });
        outcome.set(Some(match applied {
            Ok((network, next, source)) => {
                draft.update(|d| d.accept(next, &Network::KEYS));
                Outcome::Applied(network, source)
            }
            Err(message) => Outcome::Failed(format!("{message} Nothing changed.")),
        }));
    };
    let load = move |_| web::ask_network(TIME_LIMIT_S, Box::new(done));
    let status = move || {
        outcome.with(|o| match o {
            Some(Outcome::Failed(message)) => Some(message.clone()),
            Some(Outcome::Applied(network, source)) if scenario.with(|s| network.shown_in(s)) => {
                Some(format!("Price, difficulty, fees and height: {source}"))
            }
            _ => None,
        })
    };
    view! {
        <div class="live">
            <button type="button" data-live="" on:click=load>"Use today's network"</button>
            <p class="status" role="status" aria-live="polite" data-live-status="">{status}</p>
        </div>
    }
}
