//! "Over time": what each path earns month by month as the network and prices drift, its
//! cash over its own life, and when (if ever) it pays back. The words and chart units come
//! from [`crate::text::time_charts`]; this binds them to the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::fields::Key;
use crate::model::view::Section;
use crate::text::t;
use crate::text::time_charts::{cash_chart, finding, margin_chart, Assumption, LineChartView};
use crate::ui::charts::line_chart_svg::LineChartSvg;
use crate::ui::hooks::state::{MetricsCtx, ProjectionCtx, SettledCtx};
use crate::ui::sections::time_table::TimeTable;
use crate::ui::share::download_bar::DownloadBar;

/// Opens the input group that holds `key`'s field and moves the focus to it.
fn show_field(key: Key) {
    let Some(field) = document().get_element_by_id(&["f-", key.field().name].concat()) else { return };
    if let Ok(Some(group)) = field.closest("details") {
        let _ = group.set_attribute("open", "");
    }
    let _ = field.unchecked_ref::<web_sys::HtmlElement>().focus();
}

/// "Outlook: difficulty +2 %/month, …", each assumption a link to its field (plain text
/// when the page shows no inputs, as an embed may not).
fn outlook_view(parts: Vec<Assumption>, linked: bool) -> impl IntoView {
    let (before, after) = t("Outlook: {parts}").split_once("{parts}").unwrap_or(("", ""));
    let last = parts.len().saturating_sub(1);
    let items = parts
        .into_iter()
        .enumerate()
        .map(|(k, a)| {
            let key = a.key;
            let part = if linked {
                let href = ["#f-", key.field().name].concat();
                let go = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    show_field(key);
                };
                view! { <a href=href data-key=key.field().name on:click=go>{a.text}</a> }.into_any()
            } else {
                view! { <span data-key=key.field().name>{a.text}</span> }.into_any()
            };
            view! { {part}{(k < last).then(|| t(", "))} }
        })
        .collect_view();
    view! { <span class="outlook muted">{before}{items}{after}</span> }
}

/// A chart's caption: its finding, what it measures, and the outlook it assumes.
fn caption(chart: Memo<LineChartView>, linked: bool) -> impl IntoView {
    view! {
        <figcaption class="chart-caption">
            <strong>{move || chart.with(|v| v.title.clone())}</strong>" "
            <span>{move || chart.with(|v| v.subtitle.clone())}</span>" "
            {move || outlook_view(chart.with(|v| v.outlook.clone()), linked)}
        </figcaption>
    }
}

/// The time section: the finding, both charts, the table and the downloads.
#[component]
pub fn TimeSection() -> impl IntoView {
    // The projection follows the settled scenario (see use_settled): so do its charts.
    let SettledCtx(settled) = expect_context();
    let scenario = Memo::new(move |_| settled.with(|(s, _)| s.clone()));
    let MetricsCtx(metrics) = expect_context();
    let ProjectionCtx(projection) = expect_context();
    let margins = Memo::new(move |_| scenario.with(|s| projection.with(|p| margin_chart(s, p))));
    let cash = Memo::new(move |_| scenario.with(|s| projection.with(|p| metrics.with(|m| cash_chart(s, p, m)))));
    // The fields are on the page unless an embed leaves the inputs out.
    let linked = scenario.with_untracked(|s| !s.view.embed || s.view.sections().contains(Section::Inputs));
    view! {
        <section class="card time" aria-labelledby="time-title" data-section=Section::Time.name()>
            <h2 id="time-title">{t("Over time")}</h2>
            <p class="answer">{move || metrics.with(finding)}</p>
            <figure class="chart wide">
                {caption(margins, linked)}
                <LineChartSvg view=margins/>
            </figure>
            <figure class="chart wide">
                {caption(cash, linked)}
                <LineChartSvg view=cash/>
            </figure>
            <TimeTable/>
            <DownloadBar/>
        </section>
    }
}
