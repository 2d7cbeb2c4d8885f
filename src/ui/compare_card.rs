//! The answer first: what a kWh earns mining, leased as colocation and rented as GPU cloud.

use leptos::prelude::*;

use crate::model::view::Section;

use super::bar_chart::BarChart;
use super::metric_value::MetricValue;
use super::state::MetricsCtx;
use crate::model::MetricId as M;
use crate::text::format::metric_text;
use crate::text::{t, tf};

/// Revenue and margin per kWh side by side, each AI path's multiple over mining, and the chart.
#[component]
pub fn CompareCard() -> impl IntoView {
    let MetricsCtx(metrics) = expect_context();
    let headline = move || {
        metrics.with(|m| match (m.get(M::ColoVsMiningRevenueMultiple), m.get(M::GpuVsMiningRevenueMultiple)) {
            (Ok(colo), Ok(gpu)) => tf(
                "Leased to AI, a kWh earns {colo} what mining earns as colocation, and {gpu} as GPU cloud.",
                &[
                    ("colo", &metric_text(M::ColoVsMiningRevenueMultiple, colo)),
                    ("gpu", &metric_text(M::GpuVsMiningRevenueMultiple, gpu)),
                ],
            ),
            _ => t("Some figures need valid inputs before the paths can be compared.").to_string(),
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
                    None => view! { <span class="muted">{t("baseline")}</span> }.into_any(),
                }}</td>
            </tr>
        }
    };
    view! {
        <section class="card compare" aria-labelledby="compare-title" data-section=Section::Compare.name()>
            <h2 id="compare-title">{t("What a kWh earns")}</h2>
            <p class="answer">{headline}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t("What a kWh earns, as a table")>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t("Path")}</th>
                            <th scope="col">{t("Revenue per kWh")}</th>
                            <th scope="col">{t("Margin per kWh")}</th>
                            <th scope="col">{t("Revenue vs mining")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {row(t("Bitcoin mining"), M::MiningRevenueUsdPerKwh, M::MiningMarginUsdPerKwh, None)}
                        {row(t("AI colocation"), M::ColoRevenueUsdPerKwh, M::ColoMarginUsdPerKwh, Some(M::ColoVsMiningRevenueMultiple))}
                        {row(t("GPU cloud"), M::GpuRevenueUsdPerKwh, M::GpuMarginUsdPerKwh, Some(M::GpuVsMiningRevenueMultiple))}
                    </tbody>
                </table>
            </div>
            <BarChart/>
        </section>
    }
}
