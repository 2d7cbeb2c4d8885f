//! What the figures over each life add to the first screen, once the time model is there
//! (from its chunk, see src/ui/lazy.rs): which paths earn back their capital and why the
//! map and the NPV table disagree, below the answer; why a payback at today's figures is
//! not reached over the life, below the per-MW table.

use leptos::prelude::*;

use super::state::{MetricsCtx, SettledCtx};
use crate::model::metrics::Path;
use crate::text::headline::over_life;
use crate::text::time_charts::payback_why;

/// The answer's sentences over each life.
#[component]
pub fn OverLifeAnswer() -> impl IntoView {
    let SettledCtx(settled) = expect_context();
    let MetricsCtx(metrics) = expect_context();
    let text = move || settled.with(|(s, _)| metrics.with(|m| over_life(s, m)));
    view! { <p class="answer more" data-over-life="">{text}</p> }
}

/// One line per path whose payback at today's figures is never reached over its life.
#[component]
pub fn PaybackWhy() -> impl IntoView {
    let SettledCtx(settled) = expect_context();
    let MetricsCtx(metrics) = expect_context();
    let text = move || {
        let lines: Vec<String> = settled
            .with(|(s, _)| metrics.with(|m| Path::ALL.into_iter().filter_map(|p| payback_why(s, m, p)).collect()));
        lines.join(" ")
    };
    view! { <p class="note" data-payback-why="">{text}</p> }
}
