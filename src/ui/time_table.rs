//! Each path over its own life, in figures: payback, lifetime cash, NPV, IRR, the all-in
//! margin, and the totals for the whole site.

use leptos::prelude::*;

use super::metric_value::MetricValue;
use super::state::{MetricsCtx, ScenarioCtx};
use super::time_section::{month_label, path_name};
use crate::model::metrics::{MetricId, Path};
use crate::model::share_link::plain;
use rust_decimal::prelude::ToPrimitive;

/// A path's metric for one row of the table.
type Figure = fn(Path) -> MetricId;

/// The rows: a label and the metric of each path.
const ROWS: [(&str, Figure); 9] = [
    ("Payback (projected)", Path::payback_months),
    ("Cash over its life, per MW", Path::lifetime_cash),
    ("NPV per MW", Path::npv),
    ("IRR", Path::irr),
    ("All-in margin per kWh", Path::allin_margin),
    ("Site capex", Path::site_capex),
    ("Site margin a year, today", Path::site_margin),
    ("Site NPV", Path::site_npv),
    ("Site cash over its life", Path::site_lifetime_cash),
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
    let text = move || match figure.get() {
        Ok(m) => match m.to_u32() {
            Some(month) => format!("month {month}, {}", month_label(month)),
            None => plain(m),
        },
        Err(_) => "not within its life".to_string(),
    };
    let reason = move || figure.get().err().map(|e| e.to_string());
    view! {
        <span class="metric" data-metric=id.key() data-value=move || figure.get().map(plain).unwrap_or_default()
            data-reason=reason title=reason>{text}</span>
    }
}

/// The table of time figures, one column per path.
#[component]
pub fn TimeTable() -> impl IntoView {
    let ScenarioCtx(scenario) = expect_context();
    let site = move || scenario.with(|s| s.get(crate::model::Key::Mw).map(plain).unwrap_or_default());
    view! {
        <div class="table-wrap">
            <table class="time-table">
                <caption>"Each path over its own life, at the discount rate; site totals for "{site}" MW"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Figure"</th>
                        {Path::ALL.map(|p| view! { <th scope="col">{path_name(p)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {ROWS.iter().map(|(label, metric)| view! {
                        <tr>
                            <th scope="row">{*label}</th>
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
