//! The answer first: what a kWh earns mining, leased as colocation and rented as GPU cloud.

use leptos::prelude::*;

use crate::model::view::Section;

use crate::model::MetricId as M;
use crate::model::Path;
use crate::text::headline::headline;
use crate::text::paths::path_name;
use crate::text::t;
use crate::ui::charts::bar_chart::BarChart;
use crate::ui::hooks::state::MetricsCtx;
use crate::ui::sections::metric_value::MetricValue;

/// What each path brings in and keeps per kWh, whether it earns back its capital, each AI
/// path's multiple over mining, and the chart.
#[component]
pub fn CompareCard() -> impl IntoView {
    let MetricsCtx(metrics) = expect_context();
    let answer = move || metrics.with(headline);
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
            <p class="answer">{answer}</p>
            <p class="note" data-over-life="">{crate::ui::lazy::over_life(true)}</p>
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
                        {row(path_name(Path::Mining), M::MiningRevenueUsdPerKwh, M::MiningMarginUsdPerKwh, None)}
                        {row(path_name(Path::Colo), M::ColoRevenueUsdPerKwh, M::ColoMarginUsdPerKwh, Some(M::ColoVsMiningRevenueMultiple))}
                        {row(path_name(Path::Gpu), M::GpuRevenueUsdPerKwh, M::GpuMarginUsdPerKwh, Some(M::GpuVsMiningRevenueMultiple))}
                    </tbody>
                </table>
            </div>
            <BarChart/>
        </section>
    }
}
