//! Share the scenario: copy the link, reset to the snapshot, get an embed snippet, compare
//! it with another, or save it in this browser.

use leptos::prelude::*;

use super::lazy;
use super::state::{DraftCtx, LinkCtx, PinnedCtx, ScenarioCtx};
use super::web;
use crate::model::Link;
use crate::text::t;

/// The page's actions on the scenario as a whole.
#[component]
pub fn ShareBar() -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let PinnedCtx(pinned) = expect_context();
    let LinkCtx(link) = expect_context();
    let copied = RwSignal::new(None::<bool>);
    let embed_hidden = RwSignal::new(true);
    let saved_hidden = RwSignal::new(true);
    let compare = move |_| {
        pinned.set(Some(scenario.get_untracked()));
        // The button goes while comparing: hand focus to the results, now A and B.
        web::focus("results");
    };
    let copy_link = move |_| {
        let link = format!("{}?{}", web::page_base(), link.with_untracked(Link::to_query));
        web::copy(&link, Box::new(move |ok| copied.set(Some(ok))));
    };
    let reset = move |_| {
        draft.update(|d| d.reset());
        copied.set(None);
    };
    let status = move || match copied.get() {
        Some(true) => t("Link copied."),
        Some(false) => t("Copy failed: copy the address bar instead."),
        None => "",
    };
    view! {
        <div class="share">
            <button type="button" on:click=copy_link>{t("Copy link")}</button>
            <button type="button" on:click=reset>{t("Reset to snapshot")}</button>
            <button type="button" on:click=compare hidden=move || pinned.with(Option::is_some)>{t("Compare")}</button>
            <button type="button" aria-controls="saved-panel" aria-expanded=move || (!saved_hidden.get()).to_string()
                on:click=move |_| saved_hidden.update(|h| *h = !*h)>{t("Save")}</button>
            <button type="button" aria-controls="embed-panel" aria-expanded=move || (!embed_hidden.get()).to_string()
                on:click=move |_| embed_hidden.update(|h| *h = !*h)>{t("Embed")}</button>
            <span class="status" role="status" aria-live="polite">{status}</span>
        </div>
        <div id="embed-panel" hidden=embed_hidden>
            {lazy::embed_panel(embed_hidden)}
        </div>
        <div id="saved-panel" hidden=saved_hidden>
            {move || (!saved_hidden.get()).then(lazy::saved_scenarios)}
        </div>
    }
}
