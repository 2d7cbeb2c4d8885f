//! Share the scenario: copy the link, reset to the snapshot, get an embed snippet, compare
//! it with another, or save it in this browser.

use leptos::prelude::*;

use super::lazy;
use super::state::{LinkCtx, PinnedCtx, SessionCtx};
use super::web;
use crate::model::session::Undoable;
use crate::model::{Link, Side};
use crate::text::fields::held_instead;
use crate::text::t;

/// The page's actions on the scenario as a whole.
#[component]
pub fn ShareBar() -> impl IntoView {
    let session: SessionCtx = expect_context();
    let PinnedCtx(pinned) = expect_context();
    let LinkCtx(link) = expect_context();
    let copied = RwSignal::new(None::<(bool, String)>);
    let embed_hidden = RwSignal::new(true);
    let saved_hidden = RwSignal::new(true);
    let compare = move |_| {
        session.pin();
        // The button goes while comparing: hand focus to the results, now A and B.
        web::focus("results");
    };
    let copy_link = move |_| {
        let link = format!("{}?{}", web::page_base(), link.with_untracked(Link::to_query));
        // Never "copied" over a silent fallback: the inputs not valid, and what the link
        // holds for each instead.
        let held = session.with_untracked(|s| held_instead(&s.draft().held_instead()));
        web::copy(&link, Box::new(move |ok| copied.set(Some((ok, held)))));
    };
    let reset = move |_| {
        session.reset();
        copied.set(None);
    };
    let status = move || match copied.get() {
        Some((true, held)) if held.is_empty() => t("Link copied.").to_string(),
        Some((true, held)) => [t("Link copied."), " ", &held].concat(),
        Some((false, _)) => t("Copy failed: copy the address bar instead.").to_string(),
        None => String::new(),
    };
    // What the last reset, swap or stop replaced can come back until the next change.
    let offer = Memo::new(move |_| session.with(|s| s.undo_offer()));
    let undone = move || {
        offer.get().map(|what| {
            let done = match what {
                Undoable::Reset => t("Reset to the snapshot."),
                Undoable::Swap => t("A and B swapped."),
                Undoable::Keep(Side::A) => t("Stopped comparing: kept A."),
                Undoable::Keep(Side::B) => t("Stopped comparing: kept B."),
            };
            let undo = move |_| {
                session.undo();
                web::focus("results");
            };
            view! { <span data-undo="">{done}" "<button type="button" on:click=undo>{t("Undo")}</button></span> }
        })
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
            <span class="status" role="status" aria-live="polite">{undone}</span>
        </div>
        <div id="embed-panel" hidden=embed_hidden>
            {lazy::embed_panel(embed_hidden)}
        </div>
        <div id="saved-panel" hidden=saved_hidden>
            {move || (!saved_hidden.get()).then(lazy::saved_scenarios)}
        </div>
    }
}
