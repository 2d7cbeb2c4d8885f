//! "Over time": what each path earns month by month as the network and prices drift, its
//! cash over its own life, and when (if ever) it pays back.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::download_bar::DownloadBar;
use super::line_chart_svg::{LineChartSvg, LineChartView, Series, LINE_H, PLOT};
use super::state::{MetricsCtx, ProjectionCtx, SettledCtx};
use super::time_table::TimeTable;
use crate::model::chart::line::{LineChart, MarkerSpec};
use crate::model::chart::time::SNAPSHOT_MONTH;
use crate::model::economics::projection::{halving_months, Projection, ProjectionPoint};
use crate::model::link::share_link::plain;
use crate::model::view::Lang;
use crate::model::view::Section;
use crate::model::{to_query, Scenario, SNAPSHOT_DATE};
use crate::model::{Metrics, Path};
use crate::text::format::{number, usd_millions, usd_tick};
use crate::text::{lang, n, num, t, tf};

const MONTHS: [&str; 12] = [
    n!("Jan"),
    n!("Feb"),
    n!("Mar"),
    n!("Apr"),
    n!("May"),
    n!("Jun"),
    n!("Jul"),
    n!("Aug"),
    n!("Sep"),
    n!("Oct"),
    n!("Nov"),
    n!("Dec"),
];

/// A year as the reader writes it.
fn year_text(year: i32) -> String {
    num(&year.to_string())
}

/// "Apr 2028": a month of the projection as a reader dates it.
pub fn month_label(month: u32) -> String {
    let date = SNAPSHOT_MONTH.plus_months(month);
    let name = MONTHS.get(usize::from(date.month().saturating_sub(1))).map_or("", |m| t(m));
    tf("{month} {year}", &[("month", name), ("year", &year_text(date.year()))])
}

/// The path's name as the charts label it.
pub fn path_name(path: Path) -> &'static str {
    match path {
        Path::Mining => t("Bitcoin mining"),
        Path::Colo => t("AI colocation"),
        Path::Gpu => t("GPU cloud"),
    }
}

/// The path's short name, beside its line.
fn line_name(path: Path) -> &'static str {
    match path {
        Path::Mining => t("Mining"),
        Path::Colo => t("Colocation"),
        Path::Gpu => t("GPU cloud"),
    }
}

/// A y tick of millions of dollars: `$6M` in English, the number of millions elsewhere.
fn millions_tick(value: Decimal, dp: u32) -> String {
    match lang() {
        Lang::En => usd_millions(value, dp),
        _ => number(value, dp),
    }
}

/// Width in chart units of a label of `text`, for the geometry to keep labels apart.
fn label_width(text: &str) -> i32 {
    i32::try_from(text.chars().count()).unwrap_or(i32::MAX).saturating_mul(52)
}

/// The line chart's dates: years alone on Januaries, else month and year.
fn date_labels(chart: &LineChart) -> Vec<(i32, String)> {
    let ticks = chart.time_ticks(SNAPSHOT_MONTH);
    ticks
        .ticks
        .iter()
        .map(|t| (t.x, if ticks.by_year { year_text(t.date.year()) } else { month_label(t.month) }))
        .collect()
}

/// The source line every chart carries: the snapshot, kWhich and the scenario's link.
fn source_line(scenario: &Scenario) -> String {
    let link = ["?", &to_query(scenario)].concat();
    tf("Source: kWhich, network snapshot {date}; scenario {link}", &[("date", &num(SNAPSHOT_DATE)), ("link", &link)])
}

/// One series per path from the projection's months up to the horizon.
fn series_of(points: &[ProjectionPoint], value: impl Fn(&ProjectionPoint, Path) -> Option<Decimal>) -> Vec<Series> {
    Path::ALL
        .into_iter()
        .map(|path| Series {
            key: path.name(),
            label: line_name(path).to_string(),
            values: points.iter().map(|p| value(p, path).map(plain)).collect(),
        })
        .collect()
}

fn to_f64s(series: &[Series]) -> Vec<Vec<Option<f64>>> {
    series
        .iter()
        .map(|s| s.values.iter().map(|v| v.as_deref().and_then(|t| t.parse::<Decimal>().ok()?.to_f64())).collect())
        .collect()
}

/// The margin per kWh of each path, month by month, with the halvings marked.
fn margin_chart(scenario: &Scenario, projection: &Projection) -> LineChartView {
    let points = projection.shown();
    let horizon = u32::try_from(points.len().saturating_sub(1)).unwrap_or(0);
    let series = series_of(points, |p, path| p.margin(path).ok());
    let values = to_f64s(&series);
    let refs: Vec<&[Option<f64>]> = values.iter().map(Vec::as_slice).collect();
    let geometry = LineChart::new(&refs, horizon, PLOT);
    let halvings: Vec<(u32, String)> = halving_months(scenario, horizon)
        .into_iter()
        .map(|m| (m, tf("Halving, {date}", &[("date", &month_label(m))])))
        .collect();
    let specs: Vec<MarkerSpec> =
        halvings.iter().map(|(m, l)| MarkerSpec { month: *m, label_width: label_width(l) }).collect();
    let markers = geometry.markers(&specs, LINE_H).into_iter().zip(halvings).filter_map(|(m, (_, l))| Some((m?, l)));
    let y_labels = geometry.y_ticks.iter().map(|t| (t.at, usd_tick(t.value, geometry.y_decimals))).collect();
    let end_labels = geometry.end_labels(LINE_H, 40);
    // The title states the finding: when mining's margin turns negative, if it does.
    let mining: Vec<Option<Decimal>> = points.iter().map(|p| p.margin(Path::Mining).ok()).collect();
    let title = match mining.iter().position(|m| m.is_some_and(|m| m <= Decimal::ZERO)) {
        Some(0) => t("Mining loses money on every kWh from the start").to_string(),
        Some(m) => tf("Mining's margin per kWh turns negative in {date}", &[("date", &month_label(m as u32))]),
        None => tf("Mining keeps a positive margin per kWh through {date}", &[("date", &month_label(horizon))]),
    };
    LineChartView {
        id: "margin-chart",
        title,
        subtitle: t("USD per kWh at the facility meter, after power and other cash costs").to_string(),
        source: source_line(scenario),
        x_labels: date_labels(&geometry),
        y_labels,
        markers: markers.collect(),
        bands: Vec::new(),
        end_labels,
        series,
        geometry,
    }
}

/// Cumulative cash per MW of each path over its own life: the J-curve, with payback, the
/// end of each life and the AI conversion marked.
fn cash_chart(scenario: &Scenario, projection: &Projection, metrics: &Metrics) -> LineChartView {
    let points = projection.shown();
    let horizon = u32::try_from(points.len().saturating_sub(1)).unwrap_or(0);
    let series = series_of(points, |p, path| p.cum(path).ok());
    // Plotted in millions of dollars so the ticks read $-4M … $6M; data-value stays exact.
    let millions: Vec<Vec<Option<f64>>> =
        to_f64s(&series).into_iter().map(|s| s.into_iter().map(|v| v.map(|v| v / 1e6)).collect()).collect();
    let refs: Vec<&[Option<f64>]> = millions.iter().map(Vec::as_slice).collect();
    let geometry = LineChart::new(&refs, horizon, PLOT);
    let mut events: Vec<(u32, String)> = Vec::new();
    for path in Path::ALL {
        let (pays_back, life_ends) = match path {
            Path::Mining => (t("Mining pays back"), t("Mining life ends")),
            Path::Colo => (t("Colocation pays back"), t("Colocation life ends")),
            Path::Gpu => (t("GPU pays back"), t("GPU life ends")),
        };
        if let Some(m) = metrics.get(path.payback_months()).ok().and_then(|m| m.to_u32()) {
            events.push((m, pays_back.to_string()));
        }
        if let Ok(end) = projection.life_end(path) {
            events.push((end, life_ends.to_string()));
        }
    }
    let specs: Vec<MarkerSpec> =
        events.iter().map(|(m, l)| MarkerSpec { month: *m, label_width: label_width(l) }).collect();
    let markers = geometry.markers(&specs, LINE_H).into_iter().zip(events).filter_map(|(m, (_, l))| Some((m?, l)));
    let bands = projection
        .idle_months(Path::Colo)
        .ok()
        .and_then(|conv| geometry.band(0, conv))
        .map(|r| (r, t("AI conversion").to_string()))
        .into_iter()
        .collect();
    let y_labels = geometry.y_ticks.iter().map(|t| (t.at, millions_tick(t.value, geometry.y_decimals))).collect();
    let end_labels = geometry.end_labels(LINE_H, 40);
    let paying: Vec<String> = Path::ALL
        .into_iter()
        .filter_map(|p| {
            let month = metrics.get(p.payback_months()).ok()?.to_u32()?;
            Some(tf("{path} ({date})", &[("path", path_name(p)), ("date", &month_label(month))]))
        })
        .collect();
    let title = match paying.as_slice() {
        [] => t("No path pays back within its life").to_string(),
        [one] => tf("Only {one} pays back within its life", &[("one", one)]),
        [a, b] => tf("{a} and {b} pay back within their lives", &[("a", a), ("b", b)]),
        [a, b, c, ..] => tf("{a} and {b} and {c} pay back within their lives", &[("a", a), ("b", b), ("c", c)]),
    };
    LineChartView {
        id: "cash-chart",
        title,
        // The ticks are in millions without a unit outside English: the subtitle says so.
        subtitle: match lang() {
            Lang::En => t("USD per MW of facility power, after the capex at month 0; each path over its own life"),
            _ => t("Millions of USD per MW of facility power, after the capex at month 0; each path over its own life"),
        }
        .to_string(),
        source: source_line(scenario),
        x_labels: date_labels(&geometry),
        y_labels,
        markers: markers.collect(),
        bands,
        end_labels,
        series,
        geometry,
    }
}

/// The headline: does each path pay back within its life, and at what return.
fn finding(metrics: &Metrics) -> String {
    let payback = |path: Path| match metrics.get(path.payback_months()) {
        Ok(m) => match m.to_u32() {
            Some(month) => {
                tf("pays back in month {n} ({date})", &[("n", &number(m, 0)), ("date", &month_label(month))])
            }
            None => t("pays back").to_string(),
        },
        Err(_) => t("does not pay back within its life").to_string(),
    };
    let (mining, colo, gpu) = (payback(Path::Mining), payback(Path::Colo), payback(Path::Gpu));
    tf(
        "Mining {mining}; AI colocation {colo}; GPU cloud {gpu}.",
        &[("mining", &mining), ("colo", &colo), ("gpu", &gpu)],
    )
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
    view! {
        <section class="card time" aria-labelledby="time-title" data-section=Section::Time.name()>
            <h2 id="time-title">{t("Over time")}</h2>
            <p class="answer">{move || metrics.with(finding)}</p>
            <figure class="chart wide">
                <figcaption class="chart-caption">
                    <strong>{move || margins.with(|v| v.title.clone())}</strong>" "
                    <span>{move || margins.with(|v| v.subtitle.clone())}</span>
                </figcaption>
                <LineChartSvg view=margins/>
            </figure>
            <figure class="chart wide">
                <figcaption class="chart-caption">
                    <strong>{move || cash.with(|v| v.title.clone())}</strong>" "
                    <span>{move || cash.with(|v| v.subtitle.clone())}</span>
                </figcaption>
                <LineChartSvg view=cash/>
            </figure>
            <TimeTable/>
            <DownloadBar/>
        </section>
    }
}
