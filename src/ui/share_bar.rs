//! Share the scenario: copy the link, reset to the snapshot, or get an embed snippet.

use leptos::prelude::*;

use super::embed_panel::EmbedPanel;
use super::state::{DraftCtx, ScenarioCtx};
use super::web;
use crate::model::to_query;

/// The page's actions on the scenario as a whole.
#[component]
pub fn ShareBar() -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let copied = RwSignal::new(None::<bool>);
    let embed_hidden = RwSignal::new(true);
    let copy_link = move |_| {
        let link = format!("{}?{}", web::page_base(), scenario.with_untracked(to_query));
        web::copy(&link, Box::new(move |ok| copied.set(Some(ok))));
    };
    let reset = move |_| {
        draft.update(|d| d.reset());
        copied.set(None);
    };
    let status = move || match copied.get() {
        Some(true) => "Link copied.",
        Some(false) => "Copy failed: copy the address bar instead.",
        None => "",
    };
    view! {
        <div class="share">
            <button type="button" on:click=copy_link>"Copy link"</button>
            <button type="button" on:click=reset>"Reset to snapshot"</button>
            <button type="button" aria-controls="embed-panel" aria-expanded=move || (!embed_hidden.get()).to_string()
                on:click=move |_| embed_hidden.update(|h| *h = !*h)>"Embed"</button>
            <span class="status" role="status" aria-live="polite">{status}</span>
        </div>
        <div id="embed-panel" hidden=embed_hidden>
            <EmbedPanel hidden=embed_hidden/>
        </div>
    }
}
