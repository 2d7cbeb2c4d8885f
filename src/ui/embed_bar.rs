//! The embed's one line of chrome: a link to the full calculator with the same scenario
//! (or the same comparison).

use leptos::prelude::*;

use super::state::LinkCtx;
use super::web;
use crate::text::t;

/// "Open in kWhich", carrying the scenario without the embed's display keys.
#[component]
pub fn EmbedBar() -> impl IntoView {
    let LinkCtx(link) = expect_context();
    let href = move || {
        let full = link.with(|l| l.without_embed());
        format!("{}?{}", web::page_base(), full.to_query())
    };
    view! {
        <p class="embed-bar">
            <a href=href target="_blank" rel="noopener" data-open-full="">{t("Open in kWhich ↗")}</a>
        </p>
    }
}
