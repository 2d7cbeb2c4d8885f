//! The embed's own lines: under its title, when its figures are from and what they rest on;
//! at its foot, a link to the full calculator with the same scenario (or the same
//! comparison) and, in an editable embed, the way back to the article's figures.

use leptos::prelude::*;

use crate::model::from_link;
use crate::text::embed_facts::{facts_text, today, NetworkDate};
use crate::text::fields::held_instead;
use crate::text::t;
use crate::ui::hooks::state::{LinkCtx, LiveReadingCtx, ScenarioCtx, SessionCtx};
use crate::ui::web;

/// "Network snapshot of 22 Nov 2025 · bitcoin $85,000 · …": the text the boot module wrote
/// before the app (src/text/answer_html.rs), then following the reader's edits, and
/// "Today's network, <date>" while the scenario holds a reading of this visit.
#[component]
pub fn EmbedFacts() -> impl IntoView {
    let ScenarioCtx(scenario) = expect_context();
    let LiveReadingCtx(reading) = expect_context();
    let text = move || {
        scenario.with(|s| {
            let network = reading.with(|r| match r {
                Some((network, at)) if network.shown_in(s) => NetworkDate::Today(today(at)),
                _ => NetworkDate::of(s),
            });
            facts_text(s, network)
        })
    };
    view! { <p class="embed-facts" data-facts="">{crate::ui::live_text(text)}</p> }
}

/// "Open in kWhich", carrying the scenario without the embed's display keys; with
/// `editable`, "Back to the article's figures" once the reader changed any.
#[component]
pub fn EmbedBar(editable: bool) -> impl IntoView {
    let LinkCtx(link) = expect_context();
    let session: SessionCtx = expect_context();
    // While an input is not valid the link opens with what it holds instead: said here.
    let held = move || session.with(|s| held_instead(&s.draft().held_instead()));
    let href = move || {
        let full = link.with(|l| l.without_embed());
        format!("{}?{}", web::page_base(), full.to_query())
    };
    // The embed never writes its address: the article's link is still there.
    let opened = move || from_link(&window().location().search().unwrap_or_default()).0;
    let article = opened().to_query();
    let changed = move || session.with(|s| s.link().to_query() != article || !s.draft().held_instead().is_empty());
    let back = editable.then(|| {
        view! {
            <button type="button" class="back" data-back="" hidden=move || !changed()
                on:click=move |_| session.back_to(opened())>{t("Back to the article's figures")}</button>
        }
    });
    view! {
        <p class="embed-bar">
            <a href=href target="_blank" rel="noopener" data-open-full="" aria-describedby="open-held">{t("Open in kWhich ↗")}</a>
            " "<span id="open-held" data-held="">{crate::ui::live_text(held)}</span>
            {back}
        </p>
    }
}
