//! The sections below the first screen, each compiled into its own Wasm chunk that loads
//! after the page has mounted (Leptos's `#[lazy]`; `scripts/post-build.mjs` splits the
//! Wasm). Until a chunk is there its section is an empty placeholder; once loaded, a section
//! renders at once, so the page asks for every chunk right after mounting ([`preload`]).
//!
//! The split points are `extern "C"` imports and `no_mangle` exports that the macro writes:
//! that is why this file alone may hold unsafe code.
#![allow(unsafe_code)]

use std::cell::Cell;
use std::future::Future;

use leptos::lazy;
use leptos::prelude::*;

use super::comparison_view::ComparisonView;
use super::drivers_section::DriversSection;
use super::embed_panel::EmbedPanel;
use super::map_section::MapSection;
use super::methodology::Methodology;
use super::saved_scenarios::SavedScenarios;
use super::state::{TimeModel, TimeModelCtx};
use super::time_section::TimeSection;
use crate::model::metrics::evaluate_over_time;

#[lazy]
fn over_time() -> TimeModel {
    evaluate_over_time
}

#[lazy]
fn time_view() -> AnyView {
    view! { <TimeSection/> }.into_any()
}

#[lazy]
fn map_view() -> AnyView {
    view! { <MapSection/> }.into_any()
}

#[lazy]
fn drivers_view() -> AnyView {
    view! { <DriversSection/> }.into_any()
}

#[lazy]
fn comparison_view() -> AnyView {
    view! { <ComparisonView/> }.into_any()
}

#[lazy]
fn methodology_view() -> AnyView {
    view! { <Methodology/> }.into_any()
}

#[lazy]
fn saved_scenarios_view() -> AnyView {
    view! { <SavedScenarios/> }.into_any()
}

#[lazy]
fn embed_panel_view(hidden: RwSignal<bool>) -> AnyView {
    view! { <EmbedPanel hidden=hidden/> }.into_any()
}

/// Puts the time model into the page's evaluation ([`TimeModelCtx`]), from its chunk:
/// every figure over time is computed from then on. `#app` keeps `data-loading` until the
/// figures on the page have been redrawn with it.
pub fn load_time_model() {
    let TimeModelCtx(model) = expect_context();
    let pending = Pending::new();
    leptos::task::spawn_local(async move {
        with_time_model(model).await;
        // The page redraws in tasks of its own, queued by the change: after them.
        leptos::task::tick().await;
        drop(pending);
    });
}

async fn with_time_model(model: RwSignal<Option<TimeModel>>) {
    if model.with_untracked(Option::is_none) {
        let over_time = over_time().await;
        model.set(Some(over_time));
    }
}

/// Scenarios saved in this browser, when their panel opens.
pub fn saved_scenarios() -> AnyView {
    deferred(saved_scenarios_view())
}

/// "Over time": the time model's charts, table and downloads, once the model is there.
pub fn time_section() -> AnyView {
    let TimeModelCtx(model) = expect_context();
    deferred(async move {
        with_time_model(model).await;
        time_view().await
    })
}

/// The decision map.
pub fn map_section() -> AnyView {
    deferred(map_view())
}

/// "What moves the answer": the tornado.
pub fn drivers_section() -> AnyView {
    deferred(drivers_view())
}

/// A and B side by side, every figure over time included.
pub fn comparison() -> AnyView {
    let TimeModelCtx(model) = expect_context();
    deferred(async move {
        with_time_model(model).await;
        comparison_view().await
    })
}

/// "How we calculate".
pub fn methodology() -> AnyView {
    deferred(methodology_view())
}

/// The embed snippet's panel; `hidden` is true while it is folded away.
pub fn embed_panel(hidden: RwSignal<bool>) -> AnyView {
    deferred(embed_panel_view(hidden))
}

/// Asks for every chunk at once, after the first screen is there: a section shown later
/// (comparing, a panel opened) then renders in the same frame as the click.
pub fn preload() {
    use leptos::task::spawn_local;
    spawn_local(__preload_comparison_view());
    spawn_local(__preload_embed_panel_view());
    spawn_local(__preload_saved_scenarios_view());
    spawn_local(__preload_time_view());
    spawn_local(__preload_map_view());
    spawn_local(__preload_drivers_view());
    spawn_local(__preload_methodology_view());
}

thread_local! {
    /// How many sections wait for their chunk.
    static PENDING: Cell<u32> = const { Cell::new(0) };
}

/// A section that renders once its chunk is loaded. While any is loading, `#app` carries
/// `data-loading` (the browser tests wait for it to go).
fn deferred(view: impl Future<Output = AnyView> + 'static) -> AnyView {
    let pending = Pending::new();
    // The loader's future is not Send (Wasm has one thread): Suspend asks for Send.
    let view = send_wrapper::SendWrapper::new(view);
    Suspend::new(async move {
        let view = view.await;
        drop(pending);
        view
    })
    .into_any()
}

/// One section waiting for its chunk, until dropped (loaded, or no longer shown).
struct Pending;

impl Pending {
    fn new() -> Self {
        loading(1);
        Pending
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        loading(-1);
    }
}

fn loading(step: i32) {
    let now = PENDING.with(|p| {
        p.set(p.get().saturating_add_signed(step));
        p.get()
    });
    if let Some(app) = document().get_element_by_id("app") {
        let _ = match now {
            0 => app.remove_attribute("data-loading"),
            _ => app.set_attribute("data-loading", ""),
        };
    }
}
