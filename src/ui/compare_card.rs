//! The answer first: what a kWh earns mining, leased as colocation and rented as GPU cloud.

use leptos::prelude::*;

use crate::model::view::Section;

use super::bar_chart::BarChart;
use super::metric_value::MetricValue;
use super::state::MetricsCtx;
use crate::model::format::metric_text;
use crate::model::MetricId as M;

/// Revenue and margin per kWh side by side, each AI path's multiple over mining, and the chart.
#[component]
pub fn CompareCard() -> impl IntoView {
    let MetricsCtx(metrics) = expect_context();
    let headline = move || {
        metrics.with(|m| match (m.get(M::ColoVsMiningRevenueMultiple), m.get(M::GpuVsMiningRevenueMultiple)) {
            (Ok(colo), Ok(gpu)) => format!(
                "Leased to AI, a kWh earns {} what mining earns as colocation, and {} as GPU cloud.",
                metric_text(M::ColoVsMiningRevenueMultiple, colo),
                metric_text(M::GpuVsMiningRevenueMultiple, gpu)
            ),
            _ => "Some figures need valid inputs before the paths can be compared.".to_string(),
        })
    };
    let row = |name: &'static str, revenue: M, margin: M, multiple: Option<M>| {
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td><MetricValue id=revenue cell=true/></td>
                <td><MetricValue id=margin cell=true/></td>
                <td>{match multiple {
                    Some(id) => view! { <MetricValue id=id/> }.into_any(),
                    None => view! { <span class="muted">"baseline"</span> }.into_any(),
                }}</td>
            </tr>
        }
    };
    view! {
        <section class="card compare" aria-labelledby="compare-title" data-section=Section::Compare.name()>
            <h2 id="compare-title">"What a kWh earns"</h2>
            <p class="answer">{headline}</p>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Path"</th>
                            <th scope="col">"Revenue per kWh"</th>
                            <th scope="col">"Margin per kWh"</th>
                            <th scope="col">"Revenue vs mining"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {row("Bitcoin mining", M::MiningRevenueUsdPerKwh, M::MiningMarginUsdPerKwh, None)}
                        {row("AI colocation", M::ColoRevenueUsdPerKwh, M::ColoMarginUsdPerKwh, Some(M::ColoVsMiningRevenueMultiple))}
                        {row("GPU cloud", M::GpuRevenueUsdPerKwh, M::GpuMarginUsdPerKwh, Some(M::GpuVsMiningRevenueMultiple))}
                    </tbody>
                </table>
            </div>
            <BarChart/>
        </section>
    }
}
