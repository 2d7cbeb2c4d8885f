//! One metric on the page, carrying its exact value for tests and scripts.

use leptos::prelude::*;

use super::state::MetricsCtx;
use crate::model::error::ModelError;
use crate::model::format::{figure_text_with, metric_cell_text, metric_text};
use crate::model::share_link::plain;
use crate::model::MetricId;

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
    let reason = move || figure.get().err().map(|e: ModelError| e.to_string());
    view! {
        <span class="metric" data-metric=id.key() data-value=value data-reason=reason title=reason>
            {move || figure_text_with(id, figure.get(), text)}
        </span>
    }
}
