//! "Use today's network": on request only, fills difficulty, bitcoin price, fees and block
//! height from the mempool.space API (all four or none) and says where and when they came from.
//!
//! The API's address is fixed when the page is built (`KWHICH_API_BASE`, read by
//! scripts/post-build.mjs into index.html and its Content-Security-Policy); a link can never
//! change it. Kept out of the Wasm, so that a build for another API compiles nothing again.
//! The requests themselves are in a chunk that the first press loads (src/ui/live_request.rs).

use leptos::prelude::*;

use crate::model::edit::live::{api_host, Failure, Network, Reading, Refused, Source};
use crate::text::{live, t, tf};
use crate::ui::hooks::state::{LiveReadingCtx, ScenarioCtx, SessionCtx};
use crate::ui::{lazy, live_text, web};

/// How long the four answers may take together, in seconds.
const TIME_LIMIT_S: u32 = 6;

/// What the last press gave: typed, and worded only when shown.
#[derive(Clone)]
enum Outcome {
    /// Applied: the four values and where and when they came from.
    Applied(Network, Source),
    /// Nothing changed: no reading came.
    Failed(Failure),
    /// Nothing changed: the scenario cannot take a value of the reading from `Source`.
    Refused(Source, Refused),
}

/// The button (while it asks, it says so and is disabled) and one line: what failed, or
/// where and when the figures came from while the scenario still holds them.
#[component]
pub fn LiveButton() -> impl IntoView {
    let session: SessionCtx = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let outcome = RwSignal::new(None::<Outcome>);
    let LiveReadingCtx(last_reading) = expect_context();

    // While asking: what the button says instead ("Asking mempool.space…").
    let asking = RwSignal::new(None::<String>);

    let done = move |answer: Result<Reading, Failure>| {
        let next = answer.map_err(Outcome::Failed).and_then(|reading| {
            // Applied to the scenario as it is now: edits made while waiting stay.
            let refused = |r| Outcome::Refused(reading.source.clone(), r);
            let network = reading.to_network().map_err(refused)?;
            let next = scenario.with_untracked(|s| network.apply_to(s)).map_err(refused)?;
            session.accept(next, &Network::KEYS);
            last_reading.set(Some((network, reading.source.at)));
            Ok(Outcome::Applied(network, reading.source.clone()))
        });
        outcome.set(Some(next.unwrap_or_else(|failed| failed)));
    };
    let load = move |_| {
        if asking.with_untracked(Option::is_some) {
            return;
        }
        let base = web::api_base();
        let Some(host) = base.as_deref().and_then(api_host) else { return done(Err(Failure::NoApi)) };
        asking.set(Some(tf("Asking {host}…", &[("host", &host)])));
        leptos::task::spawn_local(async move {
            let answer = lazy::todays_network(base.unwrap_or_default(), TIME_LIMIT_S).await;
            asking.set(None);
            done(answer);
        });
    };
    let label = move || asking.get().unwrap_or_else(|| t("Use today's network").to_string());
    let busy = move || asking.with(Option::is_some);
    let status = move || {
        outcome.with(|o| match o {
            Some(Outcome::Failed(failure)) => Some(live::nothing_changed(&live::failure(failure))),
            Some(Outcome::Refused(source, refused)) => {
                Some(live::nothing_changed(&live::refused_from(source, refused)))
            }
            Some(Outcome::Applied(network, source)) if scenario.with(|s| network.shown_in(s)) => {
                Some(live::applied(source))
            }
            _ => None,
        })
    };
    view! {
        <div class="live">
            <button type="button" data-live="" on:click=load disabled=busy aria-busy=move || busy().then_some("true")>{live_text(label)}</button>
            <p class="status" role="status" aria-live="polite" data-live-status="">{crate::ui::live_text(move || status().unwrap_or_default())}</p>
        </div>
    }
}
