//! One metric on the page, carrying its exact value for tests and scripts.

use leptos::prelude::*;

use crate::model::error::ModelError;
use crate::model::link::share_link::plain;
use crate::model::MetricId;
use crate::text::format::{figure_text_with, metric_cell_text, metric_text};
use crate::text::reasons::model_error;
use crate::ui::hooks::state::MetricsCtx;

/// A metric as text, in an element with `data-metric` and `data-value` (full precision, or
/// empty with `data-reason` when it cannot be computed).
#[component]
pub fn MetricValue(
    /// Which metric.
    id: MetricId,
    /// In a table whose column title names the unit: the number without its unit.
    #[prop(optional)]
    cell: bool,
) -> impl IntoView {
    let text = if cell { metric_cell_text } else { metric_text };
    let MetricsCtx(metrics) = expect_context();
    let figure = Memo::new(move |_| metrics.with(|m| m.get(id)));
    let value = move || figure.get().map(plain).unwrap_or_default();
    let reason = move || figure.get().err().map(|e: ModelError| model_error(&e));
    view! {
        <span class="metric" data-metric=id.key() data-value=value data-reason=reason title=reason>
            {move || figure_text_with(id, figure.get(), text)}
        </span>
    }
}

/// A sentence with figures in it: `template` (a message, already in the reader's language)
/// as text, each `{name}` in it replaced by the [`MetricValue`] that `figures` names, in
/// whatever order the language puts them.
pub fn with_figures(template: &'static str, figures: &[(&str, MetricId)]) -> Vec<AnyView> {
    let mut out = Vec::with_capacity(2 * figures.len() + 1);
    let mut rest = template;
    while let Some((open, close)) = rest.find('{').and_then(|o| Some((o, o + rest[o..].find('}')?))) {
        let name = &rest[open + 1..close];
        let Some(&(_, id)) = figures.iter().find(|(n, _)| *n == name) else { break };
        if open > 0 {
            out.push(rest[..open].into_any());
        }
        out.push(view! { <MetricValue id=id/> }.into_any());
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(rest.into_any());
    }
    out
}
