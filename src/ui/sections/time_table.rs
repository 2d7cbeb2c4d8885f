//! Each path over its own life, in figures: payback, lifetime cash, NPV, IRR, the all-in
//! margin, and the totals for the whole site.

use leptos::prelude::*;

use crate::model::link::share_link::plain;
use crate::model::{MetricId, Path};
use crate::text::paths::path_name;
use crate::text::reasons::model_error;
use crate::text::{n, num, t, tf};
use crate::ui::hooks::state::{MetricsCtx, SettledCtx};
use crate::ui::sections::metric_value::MetricValue;

/// A path's metric for one row of the table.
type Figure = fn(Path) -> MetricId;

/// The rows: a label and the metric of each path.
const ROWS: [(&str, Figure); 9] = [
    (n!("Payback (projected)"), Path::payback_months),
    (n!("Cash over its life, per MW"), Path::lifetime_cash),
    (n!("NPV per MW"), Path::npv),
    (n!("IRR"), Path::irr),
    (n!("All-in margin per kWh (fleet and site)"), Path::allin_margin),
    (n!("Site capex"), Path::site_capex),
    (n!("Site margin a year, today"), Path::site_margin),
    (n!("Site NPV"), Path::site_npv),
    (n!("Site cash over its life"), Path::site_lifetime_cash),
];

/// The payback month with its date, or why there is none.
#[component]
pub fn PaybackCell(
    /// Which path's payback.
    path: Path,
) -> impl IntoView {
    let MetricsCtx(metrics) = expect_context();
    let id = path.payback_months();
    let figure = Memo::new(move |_| metrics.with(|m| m.get(id)));
    // Its words come with the time model (its chunk): "—" until then, as the figure is.
    let text = crate::ui::lazy::payback_text(path);
    let reason = move || figure.get().err().map(|e| model_error(&e));
    view! {
        <span class="metric" data-metric=id.key() data-value=move || figure.get().map(plain).unwrap_or_default()
            data-reason=reason title=reason>{text}</span>
    }
}

/// The table of time figures, one column per path.
#[component]
pub fn TimeTable() -> impl IntoView {
    let SettledCtx(settled) = expect_context();
    let scenario = Memo::new(move |_| settled.with(|(s, _)| s.clone()));
    let site = move || scenario.with(|s| s.get(crate::model::Key::Mw).map(plain).unwrap_or_default());
    let caption = move || {
        tf("Each path over its own life, at the discount rate; site totals for {mw} MW", &[("mw", &num(&site()))])
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=t("Each path over its own life, as a table")>
            <table class="time-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("Figure")}</th>
                        {Path::ALL.map(|p| view! { <th scope="col">{path_name(p)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {ROWS.iter().map(|(label, metric)| view! {
                        <tr>
                            <th scope="row">{t(label)}</th>
                            {Path::ALL.map(|p| {
                                let id = metric(p);
                                view! {
                                    <td>{if id == p.payback_months() {
                                        view! { <PaybackCell path=p/> }.into_any()
                                    } else {
                                        view! { <MetricValue id=id cell=true/> }.into_any()
                                    }}</td>
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
