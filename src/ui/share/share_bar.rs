//! Share the scenario: copy the link, reset to the snapshot, get an embed snippet, compare
//! it with another, or save it in this browser.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::edit::session::Undoable;
use crate::model::{Link, Side};
use crate::text::fields::held_instead;
use crate::text::t;
use crate::ui::hooks::state::{ComparingCtx, LinkCtx, SessionCtx};
use crate::ui::lazy;
use crate::ui::live_text;
use crate::ui::web;

/// The page's actions on the scenario as a whole.
#[component]
pub fn ShareBar() -> impl IntoView {
    let session: SessionCtx = expect_context();
    let ComparingCtx(comparing) = expect_context();
    let LinkCtx(link) = expect_context();
    let copied = RwSignal::new(None::<(bool, String)>);
    let embed_hidden = RwSignal::new(true);
    let saved_hidden = RwSignal::new(true);
    // One listener for every button of the bar, each saying what it does in `data-act`:
    // fewer handlers, less Wasm.
    let act = move |ev: leptos::ev::MouseEvent| {
        let act =
            ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.get_attribute("data-act"));
        match act.as_deref() {
            Some("copy") => {
                let link = format!("{}?{}", web::page_base(), link.with_untracked(Link::to_query));
                // Never "copied" over a silent fallback: the inputs whose text the link does
                // not hold, and what it holds for each instead.
                let held = session.with_untracked(|s| held_instead(&s.draft().held_instead()));
                web::copy(&link, Box::new(move |ok| copied.set(Some((ok, held)))));
            }
            Some("reset") => {
                session.reset();
                copied.set(None);
            }
            Some("compare") => {
                session.pin();
                // The button goes while comparing: hand focus to the results, now A and B.
                web::focus("results");
            }
            Some("save") => saved_hidden.update(|h| *h = !*h),
            Some("embed") => embed_hidden.update(|h| *h = !*h),
            Some("undo") => {
                session.undo();
                web::focus("results");
            }
            _ => {}
        }
    };
    let status = move || match copied.get() {
        Some((true, held)) if held.is_empty() => t("Link copied.").to_string(),
        Some((true, held)) => [t("Link copied."), " ", &held].concat(),
        Some((false, _)) => t("Copy failed: copy the address bar instead.").to_string(),
        None => String::new(),
    };
    // What the last reset, swap or stop replaced can come back until the next change.
    let offer = move || session.with(|s| s.undo_offer());
    let undone = move || {
        match offer() {
            Some(Undoable::Reset) => t("Reset to the snapshot."),
            Some(Undoable::Swap) => t("A and B swapped."),
            Some(Undoable::Keep(Side::A)) => t("Stopped comparing: kept A."),
            Some(Undoable::Keep(Side::B)) => t("Stopped comparing: kept B."),
            Some(Undoable::Keep(Side::C)) => t("Stopped comparing: kept C."),
            Some(Undoable::Keep(Side::D)) => t("Stopped comparing: kept D."),
            Some(Undoable::Remove(Side::D)) => t("Scenario D removed."),
            Some(Undoable::Remove(_)) => t("Scenario C removed."),
            None => "",
        }
        .to_string()
    };
    view! {
        <div class="share" on:click=act>
            <button type="button" data-act="copy">{t("Copy link")}</button>
            <button type="button" data-act="reset">{t("Reset to snapshot")}</button>
            <button type="button" data-act="compare" hidden=comparing>{t("Compare")}</button>
            <button type="button" data-act="save" aria-controls="saved-panel" aria-expanded=move || (!saved_hidden.get()).to_string()>{t("Save")}</button>
            <button type="button" data-act="embed" aria-controls="embed-panel" aria-expanded=move || (!embed_hidden.get()).to_string()>{t("Embed")}</button>
            <span class="status" role="status" aria-live="polite">{live_text(status)}</span>
            <span class="status" role="status" aria-live="polite" data-undo="">{live_text(undone)}" "
                <button type="button" data-act="undo" hidden=move || offer().is_none()>{t("Undo")}</button>
            </span>
        </div>
        <div id="embed-panel" hidden=embed_hidden>
            {lazy::embed_panel(embed_hidden)}
        </div>
        <div id="saved-panel" hidden=saved_hidden>
            {move || (!saved_hidden.get()).then(lazy::saved_scenarios)}
        </div>
    }
}
