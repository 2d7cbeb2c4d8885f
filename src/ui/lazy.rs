//! What is not on the first screen, in Wasm chunks fetched after the page has mounted:
//! "Over time", the decision map and the tornado, the panels (comparison, embed, saved
//! scenarios, methodology) and the time model; and the requests of "Use today's network",
//! fetched on the first press only. The split points are `wasm_split_helpers`'s,
//! the crate under Leptos's `#[lazy]`, with load failures as values; the post_build hook
//! (`scripts/split-wasm.mjs`) cuts the Wasm at them. Until its chunk is there a section is an
//! empty placeholder; once loaded it renders at once, so the full page asks for every chunk
//! right after mounting ([`preload`]).
//!
//! The split points are `extern "C"` imports and `no_mangle` exports that the macro writes:
//! that is why this file alone may hold unsafe code.
#![allow(unsafe_code)]

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use super::hooks::state::{MetricsCtx, SettledCtx, TimeModel, TimeModelCtx};
use super::sections::comparison_view::ComparisonView;
use super::sections::drivers_section::DriversSection;
use super::sections::history_section::HistorySection;
use super::sections::map_section::MapSection;
use super::sections::methodology::Methodology;
use super::sections::power_section::PowerSection;
use super::sections::time_section::{TimeChartAlone, TimeSection};
use super::share::embed_panel::EmbedPanel;
use super::share::saved_scenarios::SavedScenarios;
use crate::model::edit::live::{Failure, Reading};
use crate::model::view::{Chart, Section};
use crate::model::{evaluate_over_time, Metrics, Path, Scenario};
use crate::text::t;

// Each split point says how its chunk failed to load rather than panicking (a panic aborts
// the whole page): the section says so, and showing it again retries. Split points that
// name one module share one chunk: fewer, larger files compress better and instantiate
// faster than the many small ones the tool cuts from code they would share. The time model
// is alone, for an embed that shows a figure over time and nothing below.

// With the time model, what its figures add to the first screen's cards, in words (a
// function, as the model is: the first module only shows its text).
#[wasm_split(kwhich_over_time, fallible)]
fn over_time() -> Result<(TimeModel, TimeWords), SplitLoaderError> {
    Ok((evaluate_over_time, (crate::text::headline::over_life_text, crate::text::time_charts::payback_text)))
}

// "History" shares the time chunk and its split point (each split point adds loader code
// to the first module): both write the evaluator's JSON, which holds the history, so its
// data and the code that replays it sit in that chunk alone.
// "Power by the hour" (`None`: it is no `show=` section) shares it too: its chart is the
// line chart's, which the time chunk holds.
#[wasm_split(kwhich_time, fallible, preload(preload_time_view))]
fn time_view(section: Option<Section>, chart: Option<Chart>) -> Result<AnyView, SplitLoaderError> {
    Ok(match (section, chart) {
        (_, Some(chart)) => view! { <TimeChartAlone chart=chart/> }.into_any(),
        (Some(Section::History), None) => view! { <HistorySection/> }.into_any(),
        (Some(_), None) => view! { <TimeSection/> }.into_any(),
        (None, None) => view! { <PowerSection/> }.into_any(),
    })
}

#[wasm_split(kwhich_map, fallible, preload(preload_map_view))]
fn map_view(alone: bool) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <MapSection alone=alone/> }.into_any())
}

#[wasm_split(kwhich_map, fallible, preload(preload_drivers_view))]
fn drivers_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <DriversSection/> }.into_any())
}

#[wasm_split(kwhich_panels, fallible, preload(preload_comparison_view))]
fn comparison_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ComparisonView/> }.into_any())
}

#[wasm_split(kwhich_panels, fallible, preload(preload_methodology_view))]
fn methodology_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Methodology/> }.into_any())
}

#[wasm_split(kwhich_panels, fallible, preload(preload_saved_scenarios_view))]
fn saved_scenarios_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <SavedScenarios/> }.into_any())
}

#[wasm_split(kwhich_panels, fallible, preload(preload_embed_panel_view))]
fn embed_panel_view(hidden: RwSignal<bool>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <EmbedPanel hidden=hidden/> }.into_any())
}

/// The four requests of "Use today's network" under way (src/ui/live_request.rs).
type Asking = Pin<Box<dyn Future<Output = Result<Reading, Failure>>>>;

// Not preloaded: a reader who never presses the button never fetches it (gloo-net, serde
// and serde-wasm-bindgen are most of it).
#[wasm_split(kwhich_live, fallible)]
fn live_request(base: String, seconds: u32) -> Result<Asking, SplitLoaderError> {
    Ok(Box::pin(super::live_request::ask(base, seconds)))
}

/// Today's network from the API at `base`, all within `seconds`, from the chunk that holds
/// the requests; [`Failure::NoCode`] when that chunk cannot be had.
pub async fn todays_network(base: String, seconds: u32) -> Result<Reading, Failure> {
    match live_request(base, seconds).await {
        Ok(asking) => asking.await,
        Err(_) => Err(Failure::NoCode),
    }
}

/// Puts the time model into the page's evaluation ([`TimeModelCtx`]), from its chunk:
/// every figure over time is computed from then on. `#app` keeps `data-loading` until the
/// figures on the page have been redrawn with it.
pub fn load_time_model() {
    let TimeModelCtx(model) = expect_context();
    let pending = Pending::new();
    leptos::task::spawn_local(async move {
        // Without it the figures over time stay "—" with their reason, and the sections
        // that show them say that they could not load.
        let _ = with_time_model(model).await;
        // The page redraws in tasks of its own, queued by the change: after them.
        leptos::task::tick().await;
        drop(pending);
    });
}

async fn with_time_model(model: RwSignal<Option<TimeModel>>) -> Result<(), SplitLoaderError> {
    if model.with_untracked(Option::is_none) {
        let (over_time, words) = over_time().await?;
        // Before the model is set, so that what follows the model finds the words too.
        OVER_LIFE.with(|w| w.set(Some(words)));
        model.set(Some(over_time));
    }
    Ok(())
}

/// [`crate::text::headline::over_life_text`] (what the figures over each life add to a
/// card) and [`crate::text::time_charts::payback_text`] (a payback over the life, as a cell
/// reads it).
type TimeWords = (fn(&Scenario, &Metrics, bool) -> String, fn(&Metrics, Path) -> String);

thread_local! {
    /// The words of the figures over time, once the time model's chunk is loaded.
    static OVER_LIFE: Cell<Option<TimeWords>> = const { Cell::new(None) };
}

/// What the figures over each life add to a card, for the settled scenario, once the time
/// model is loaded (it never loads only for this; empty until then): below the answer
/// (`answer`), which paths earn back their capital and why the map and the NPV table
/// differ; below the per-MW table, why a payback at today's figures is not reached.
pub fn over_life(answer: bool) -> impl Fn() -> String + Copy {
    let TimeModelCtx(model) = expect_context();
    let SettledCtx(settled) = expect_context();
    let MetricsCtx(metrics) = expect_context();
    move || {
        model.track();
        let Some((words, _)) = OVER_LIFE.with(Cell::get) else { return String::new() };
        settled.with(|(s, _)| metrics.with(|m| words(s, m, answer)))
    }
}

/// `path`'s payback over its life as a table cell reads it, once the time model is loaded
/// ("—" until then, as its figure is).
pub fn payback_text(path: Path) -> impl Fn() -> String + Copy {
    let TimeModelCtx(model) = expect_context();
    let MetricsCtx(metrics) = expect_context();
    move || {
        model.track();
        let Some((_, words)) = OVER_LIFE.with(Cell::get) else { return "—".to_string() };
        metrics.with(|m| words(m, path))
    }
}

/// Scenarios saved in this browser, when their panel opens.
pub fn saved_scenarios() -> AnyView {
    deferred(saved_scenarios_view())
}

/// "Over time" (the time model's charts, table and downloads) or "History", once the time
/// model is there (History draws the projection beside its backtest).
pub fn time_section(section: Section) -> AnyView {
    let TimeModelCtx(model) = expect_context();
    deferred(async move {
        with_time_model(model).await?;
        time_view(Some(section), None).await
    })
}

/// "Power by the hour": the price duration curve, on the full page when a price profile is
/// chosen (nothing with a flat price).
pub fn power_section() -> AnyView {
    let TimeModelCtx(model) = expect_context();
    deferred(async move {
        with_time_model(model).await?;
        time_view(None, None).await
    })
}

/// One chart alone (`show=margin-chart`, `cash-chart`, `map-chart`), from its section's
/// chunk; the per-kWh bars are in the app's own.
pub fn chart_alone(chart: Chart) -> AnyView {
    match chart {
        Chart::Map => deferred(map_view(true)),
        _ => {
            let TimeModelCtx(model) = expect_context();
            deferred(async move {
                with_time_model(model).await?;
                time_view(Some(Section::Time), Some(chart)).await
            })
        }
    }
}

/// The decision map.
pub fn map_section() -> AnyView {
    deferred(map_view(false))
}

/// "What moves the answer": the tornado.
pub fn drivers_section() -> AnyView {
    deferred(drivers_view())
}

/// A and B side by side, every figure over time included.
pub fn comparison() -> AnyView {
    let TimeModelCtx(model) = expect_context();
    deferred(async move {
        with_time_model(model).await?;
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
    // A chunk that fails here is asked for again when its section is shown.
    fn quietly(load: impl Future<Output = Result<(), SplitLoaderError>> + 'static) {
        leptos::task::spawn_local(async move {
            let _ = load.await;
        });
    }
    quietly(preload_comparison_view());
    quietly(preload_embed_panel_view());
    quietly(preload_saved_scenarios_view());
    quietly(preload_time_view());
    quietly(preload_map_view());
    quietly(preload_drivers_view());
    quietly(preload_methodology_view());
}

thread_local! {
    /// How many sections wait for their chunk.
    static PENDING: Cell<u32> = const { Cell::new(0) };
}

/// A section that renders once its chunk is loaded, or says that it could not load. While
/// any is loading, `#app` carries `data-loading` (the browser tests wait for it to go).
fn deferred(view: impl Future<Output = Result<AnyView, SplitLoaderError>> + 'static) -> AnyView {
    let pending = Pending::new();
    // The loader's future is not Send (Wasm has one thread): Suspend asks for Send.
    let view = send_wrapper::SendWrapper::new(view);
    Suspend::new(async move {
        let view = view.await;
        drop(pending);
        view.unwrap_or_else(|_| {
            let message = t("This part of the page could not load. Reload the page to try again.");
            view! { <p class="note" role="alert" data-unloaded="">{message}</p> }.into_any()
        })
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
