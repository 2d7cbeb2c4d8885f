//! The notice that names what the opening link had that could not be used.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::Warning;
use crate::text::reasons::{notice, warning};
use crate::text::t;

/// The link's ignored keys (the first few of each kind), dismissable; nothing when the
/// link was clean.
#[component]
pub fn Notice(
    /// Warnings from reading the link the page was opened with.
    warnings: Vec<Warning>,
) -> impl IntoView {
    // Built once and hidden on dismiss: cheaper in the Wasm than mounting and unmounting.
    let hidden = RwSignal::new(warnings.is_empty());
    // The first few of each kind, and how many more: 24,000 unknown keys are one line.
    let (shown, more) = notice(&warnings);
    let items = shown.iter().map(|w| view! { <li data-warning=w.key().to_string()>{warning(w)}</li> }).collect_view();
    let more = more.map(|more| view! { <li data-more="">{more}</li> });
    view! {
        <section class="notice" role="status" aria-labelledby="notice-title" hidden=hidden>
            <h2 id="notice-title">{t("Some of this link was ignored")}</h2>
            <ul>{items}{more}</ul>
            <button type="button" class="dismiss" on:click=move |_| {
                hidden.set(true);
                // The focused button disappears: hand focus to the results, not to nowhere.
                if let Some(results) = document().get_element_by_id("results") {
                    let _ = results.unchecked_ref::<web_sys::HtmlElement>().focus();
                }
            }>{t("Dismiss")}</button>
        </section>
    }
}
