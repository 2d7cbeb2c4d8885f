//! Capex, yearly margin and payback per megawatt for each path.

use leptos::prelude::*;

use crate::model::view::Section;

use crate::model::MetricId as M;
use crate::model::Path;
use crate::text::paths::path_name;
use crate::text::site::capex_note;
use crate::text::t;
use crate::ui::hooks::state::ScenarioCtx;
use crate::ui::sections::metric_value::MetricValue;
use crate::ui::sections::time_table::PaybackCell;

const ROWS: [(Path, M, M, M); 3] = [
    (Path::Mining, M::MiningCapexUsdPerMw, M::MiningMarginUsdPerMwYear, M::MiningPaybackYears),
    (Path::Colo, M::ColoCapexUsdPerMw, M::ColoMarginUsdPerMwYear, M::ColoPaybackYears),
    (Path::Gpu, M::GpuCapexUsdPerMw, M::GpuMarginUsdPerMwYear, M::GpuPaybackYears),
];

/// One compact table: per facility MW, what each path costs to build and what it earns.
#[component]
pub fn PerMwTable() -> impl IntoView {
    // What the capex counts follows what the reader owns.
    let ScenarioCtx(scenario) = expect_context();
    view! {
        <section class="card mw" aria-labelledby="mw-title" data-section=Section::PerMw.name()>
            <h2 id="mw-title">{t("Per MW of facility power")}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t("Per MW, as a table")>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t("Path")}</th>
                            <th scope="col">{t("Capex per MW")}</th>
                            <th scope="col">{t("Margin per MW a year")}</th>
                            <th scope="col">{t("Payback at today's figures")}</th>
                            <th scope="col">{t("Payback, projected")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {ROWS.iter().map(|(path, capex, margin, payback)| view! {
                            <tr>
                                <th scope="row">{path_name(*path)}</th>
                                <td><MetricValue id=*capex cell=true/></td>
                                <td><MetricValue id=*margin cell=true/></td>
                                <td><MetricValue id=*payback/></td>
                                <td><PaybackCell path=*path/></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="note" data-payback-why="">{crate::ui::lazy::over_life(false)}</p>
            <p class="note" data-capex-note=move || scenario.with(|s| s.own().name())>
                {move || capex_note(scenario.with(|s| s.own()))}
            </p>
        </section>
    }
}
