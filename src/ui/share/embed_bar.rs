//! The embed's one line of chrome: a link to the full calculator with the same scenario
//! (or the same comparison).

use leptos::prelude::*;

use crate::text::fields::held_instead;
use crate::text::t;
use crate::ui::hooks::state::{LinkCtx, SessionCtx};
use crate::ui::web;

/// "Open in kWhich", carrying the scenario without the embed's display keys.
#[component]
pub fn EmbedBar() -> impl IntoView {
    let LinkCtx(link) = expect_context();
    let session: SessionCtx = expect_context();
    // While an input is not valid the link opens with what it holds instead: said here.
    let held = move || session.with(|s| held_instead(&s.draft().held_instead()));
    let href = move || {
        let full = link.with(|l| l.without_embed());
        format!("{}?{}", web::page_base(), full.to_query())
    };
    view! {
        <p class="embed-bar">
            <a href=href target="_blank" rel="noopener" data-open-full="" aria-describedby="open-held">{t("Open in kWhich ↗")}</a>
            " "<span id="open-held" data-held="">{crate::ui::live_text(held)}</span>
        </p>
    }
}
