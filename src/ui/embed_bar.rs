//! The embed's one line of chrome: a link to the full calculator with the same scenario.

use leptos::prelude::*;

use super::state::ScenarioCtx;
use super::web;
use crate::model::to_query;

/// "Open in kWhich", carrying the scenario without the embed's display keys.
#[component]
pub fn EmbedBar() -> impl IntoView {
    let ScenarioCtx(scenario) = expect_context();
    let href = move || {
        let full = scenario.with(|s| s.without_embed());
        format!("{}?{}", web::page_base(), to_query(&full))
    };
    view! {
        <p class="embed-bar">
            <a href=href target="_blank" rel="noopener" data-open-full="">"Open in kWhich ↗"</a>
        </p>
    }
}
