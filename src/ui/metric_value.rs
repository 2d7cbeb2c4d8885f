//! One metric on the page, carrying its exact value for tests and scripts.

use leptos::prelude::*;

use super::state::MetricsCtx;
use crate::model::error::ModelError;
use crate::model::format::figure_text;
use crate::model::share_link::plain;
use crate::model::MetricId;

/// A metric as text, in an element with `data-metric` and `data-value` (full precision, or
/// empty with `data-reason` when it cannot be computed).
#[component]
pub fn MetricValue(
    /// Which metric.
    id: MetricId,
) -> impl IntoView {
    let MetricsCtx(metrics) = expect_context();
    let figure = Memo::new(move |_| metrics.with(|m| m.get(id)));
    let value = move || figure.get().map(plain).unwrap_or_default();
    let reason = move || figure.get().err().map(|e: ModelError| e.to_string());
    view! {
        <span class="metric" data-metric=id.key() data-value=value data-reason=reason title=reason>
            {move || figure_text(id, figure.get())}
        </span>
    }
}
