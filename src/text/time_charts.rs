//! "Over time" in words and chart units: each chart's title (its finding), subtitle, the
//! outlook it assumes, its dated markers and its series, and the section's headline. Pure,
//! tested natively; `ui/sections/time_section.rs` only binds it to the page (as `map_svg`
//! is for the map).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::chart_file::isolate_ltr;
use super::format::{number, usd_millions, usd_tick};
use super::paths::{path_name, short_name};
use super::{lang, n, num, t, tf};
use crate::model::chart::line::{EndLabel, LineChart, Marker, MarkerSpec};
use crate::model::chart::scale::Rect;
use crate::model::chart::time::{YearMonth, SNAPSHOT_MONTH};
use crate::model::economics::projection::{halving_months, Projection, ProjectionPoint};
use crate::model::economics::site;
use crate::model::error::ModelError;
use crate::model::fields::Key;
use crate::model::link::comparison::Side;
use crate::model::link::share_link::plain;
use crate::model::view::Lang;
use crate::model::{to_query, Scenario, SNAPSHOT_DATE};
use crate::model::{Metrics, Path};

mod cash;
mod dates;
mod end_labels;
mod payback;

pub use cash::{cash_chart, paths_cash_chart};
pub use dates::shown_dates;
pub use end_labels::{end_label_lines, end_labels, end_labels_by_end};

pub use payback::{finding, payback_text, payback_why};

/// The plot area, in chart units (tenths of a CSS pixel at natural size; the chart is 3,600
/// wide): room above for the title, subtitle and outlook, left for the y labels, right for
/// the lines' own labels, below for the dates and the source line.
pub const PLOT: Rect = Rect { x: 560, y: 400, width: 2140, height: 1400 };
/// The largest size of the labels' text on the plot (at 360 px, where the chart is 324 px
/// wide, 125 units are 11.25 px): the geometry keeps labels of this size apart, so a page
/// at any width (smaller text) or the file (80) keeps them apart too.
pub const LABEL_FONT: i32 = 125;
/// Height of a line of label text, for the geometry's label spacing.
pub const LINE_H: i32 = 150;

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

/// One series as the chart shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its class (and `data-path`): a path's name (`mining`, …), so that a path has one
    /// colour on every chart, or another line's (`hashprice`, `cash`, …).
    pub key: &'static str,
    /// Its name beside the line's end.
    pub label: String,
    /// Month by month, plain decimals for `data-value` (`None`: no value that month).
    pub values: Vec<Option<String>>,
    /// The side of a comparison it draws (`data-side`; B's lines are dashed), or `None`.
    pub side: Option<Side>,
}

/// One assumption of the outlook ("difficulty +2 %/month") and the input it comes from, so
/// that the page can link it to its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumption {
    pub key: Key,
    pub text: String,
}

/// Everything a chart over months shows, in words and chart units.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChartView {
    /// Tells the charts of one page apart (ids, `data-chart`).
    pub id: &'static str,
    /// States the finding.
    pub title: String,
    /// Says what is measured, and in what unit.
    pub subtitle: String,
    /// What the chart assumes of the months ahead, each part from one input.
    pub outlook: Vec<Assumption>,
    /// The snapshot's date, kWhich and the scenario's link.
    pub source: String,
    pub geometry: LineChart,
    pub series: Vec<Series>,
    pub y_labels: Vec<(i32, String)>,
    pub x_labels: Vec<(i32, String)>,
    pub markers: Vec<(Marker, String)>,
    /// Shaded spans of months, each with its label.
    pub bands: Vec<(Rect, String)>,
    pub end_labels: Vec<Option<EndLabel>>,
}

impl LineChartView {
    /// The outlook as one line of text, for the downloaded file: "Outlook: difficulty
    /// +2 %/month, bitcoin flat, …".
    pub fn outlook_text(&self) -> String {
        let parts: Vec<&str> = self.outlook.iter().map(|a| a.text.as_str()).collect();
        tf("Outlook: {parts}", &[("parts", &parts.join(t(", ")))])
    }
}

/// A year as the reader writes it.
fn year_text(year: i32) -> String {
    num(&year.to_string())
}

/// "Apr 2028": a month of the projection as a reader dates it.
pub fn month_label(month: u32) -> String {
    date_label(SNAPSHOT_MONTH.plus_months(month))
}

/// "Apr 2028": a calendar month as a reader dates it (the projection's, the history's).
pub fn date_label(date: YearMonth) -> String {
    let name = MONTHS.get(usize::from(date.month().saturating_sub(1))).map_or("", |m| t(m));
    tf("{month} {year}", &[("month", name), ("year", &year_text(date.year()))])
}

/// "22 Nov 2025": a day as a reader dates it (Vietnamese `22/11/2025`, as its press does).
pub fn day_label(date: YearMonth, day: u8) -> String {
    let name = MONTHS.get(usize::from(date.month().saturating_sub(1))).map_or("", |m| t(m));
    let day = num(&day.to_string());
    tf("{day} {month} {year}", &[("day", &day), ("month", name), ("year", &year_text(date.year()))])
}

/// The network snapshot's day, [`SNAPSHOT_DATE`], as a reader dates it. Its digits come
/// from the ISO text as they are: no integer formatting on the first load, where the
/// embed's line shows this date.
pub fn snapshot_date() -> String {
    let name = MONTHS.get(usize::from(SNAPSHOT_MONTH.month().saturating_sub(1))).map_or("", |m| t(m));
    let (year, day) = (num(SNAPSHOT_DATE.get(..4).unwrap_or("")), num(SNAPSHOT_DATE.get(8..).unwrap_or("")));
    tf("{day} {month} {year}", &[("day", &day), ("month", name), ("year", &year)])
}

/// A y tick of millions of dollars: `$6M` in English, the number of millions elsewhere.
pub(crate) fn millions_tick(value: Decimal, dp: u32) -> String {
    match lang() {
        Lang::En => usd_millions(value, dp),
        _ => number(value, dp),
    }
}

/// Width in chart units of a label of `text`, for the geometry to keep labels apart.
pub fn label_width(text: &str) -> i32 {
    super::chart_file::text_width(text, LABEL_FONT)
}

/// What a marker's label keeps clear of besides the lines: the lines' end labels and the
/// bands' labels (drawn at a band's bottom left).
pub fn label_boxes(end_labels: &[Option<EndLabel>], series: &[Series], bands: &[(Rect, String)]) -> Vec<Rect> {
    let mut boxes = end_labels::end_boxes(end_labels, series);
    boxes.extend(bands.iter().map(|(r, label)| {
        Rect::new(r.x.saturating_add(BAND_LABEL_INSET), r.bottom().saturating_sub(LINE_H), label_width(label), LINE_H)
    }));
    boxes
}

/// A band's label starts this far right of the band's left edge, its line ending at the
/// plot's bottom.
pub const BAND_LABEL_INSET: i32 = 20;

/// The line chart's dates: years alone on Januaries, else month and year.
pub(crate) fn date_labels(chart: &LineChart) -> Vec<(i32, String)> {
    let ticks = chart.time_ticks(SNAPSHOT_MONTH);
    ticks
        .ticks
        .iter()
        .map(|t| (t.x, if ticks.by_year { year_text(t.date.year()) } else { month_label(t.month) }))
        .collect()
}

/// The source line every chart carries: the snapshot, kWhich and the scenario's link, kept
/// left to right in every language.
pub fn source_line(scenario: &Scenario) -> String {
    let link = isolate_ltr(&["?", &to_query(scenario)].concat());
    tf("Source: kWhich, network snapshot {date}; scenario {link}", &[("date", &num(SNAPSHOT_DATE)), ("link", &link)])
}

/// A rate with its sign, as the reader writes it: `+2`, `−15`, `0.5`.
fn signed_rate(value: Decimal) -> String {
    let sign = if value.is_sign_negative() { "−" } else { "+" };
    [sign, &num(&plain(value.abs()))].concat()
}

/// What the charts assume of the months ahead, each part from one input of the outlook:
/// the difficulty's and bitcoin's drift, the next halving within `horizon` months, the GPU
/// rent's and the lease's drift, and (for the cash chart, `conversion`) the months the AI
/// paths wait before earning.
pub fn outlook(scenario: &Scenario, horizon: u32, conversion: bool) -> Vec<Assumption> {
    let rate = |key: Key, flat: &'static str, template: &'static str| {
        scenario.get(key).map(|v| Assumption {
            key,
            text: if v.is_zero() { t(flat).to_string() } else { tf(template, &[("n", &signed_rate(v))]) },
        })
    };
    let halving = Assumption {
        key: Key::Blk,
        text: match halving_months(scenario, horizon).first() {
            Some(m) => tf("halving {date}", &[("date", &month_label(*m))]),
            None => tf("no halving before {date}", &[("date", &month_label(horizon))]),
        },
    };
    let conv = scenario
        .get(Key::Conv)
        .filter(|_| conversion)
        .map(|v| Assumption { key: Key::Conv, text: tf("AI conversion {n} months", &[("n", &num(&plain(v)))]) });
    [
        rate(Key::Dg, n!("difficulty flat"), n!("difficulty {n} %/month")),
        rate(Key::Pg, n!("bitcoin flat"), n!("bitcoin {n} %/year")),
        Some(halving),
        rate(Key::Gd, n!("GPU rent flat"), n!("GPU rent {n} %/year")),
        rate(Key::Ce, n!("lease flat"), n!("lease {n} %/year")),
        conv,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// One series per path from the projection's months up to the horizon, with each value
/// for the geometry (`scale` divides it: millions for the cash chart).
fn series_of(
    points: &[ProjectionPoint],
    scale: Decimal,
    value: impl Fn(&ProjectionPoint, Path) -> Option<Decimal>,
) -> (Vec<Series>, Vec<Vec<Option<f64>>>) {
    Path::ALL
        .into_iter()
        .map(|path| {
            let values: Vec<Option<Decimal>> = points.iter().map(|p| value(p, path)).collect();
            let plotted = values.iter().map(|v| v.and_then(|v| v.checked_div(scale)?.to_f64())).collect();
            let texts = values.into_iter().map(|v| v.map(plain)).collect();
            (Series { key: path.name(), label: short_name(path).to_string(), values: texts, side: None }, plotted)
        })
        .unzip()
}

/// The horizon the projection shows, in months.
fn horizon_of(points: &[ProjectionPoint]) -> u32 {
    u32::try_from(points.len().saturating_sub(1)).unwrap_or(0)
}

/// The margin per kWh of each path, month by month, with the halvings marked.
pub fn margin_chart(scenario: &Scenario, projection: &Projection) -> LineChartView {
    let points = projection.shown();
    let horizon = horizon_of(points);
    let (series, values) = series_of(points, Decimal::ONE, |p, path| p.margin(path).ok());
    let refs: Vec<&[Option<f64>]> = values.iter().map(Vec::as_slice).collect();
    let geometry = LineChart::new(&refs, horizon, PLOT);
    let mut events: Vec<(u32, String)> = halving_months(scenario, horizon)
        .into_iter()
        .map(|m| (m, tf("Halving, {date}", &[("date", &month_label(m))])))
        .collect();
    events.extend(idle_events(projection, horizon));
    let end_labels = end_labels(&geometry, &series);
    let markers = marked(&geometry, events, &label_boxes(&end_labels, &series, &[]));
    let y_labels = geometry.y_ticks.iter().map(|t| (t.at, usd_tick(t.value, geometry.y_decimals))).collect();
    // The title states the finding: when mining's margin turns negative, if it does.
    let mining: Vec<Option<Decimal>> = points.iter().map(|p| p.margin(Path::Mining).ok()).collect();
    let title = match mining.iter().position(|m| m.is_some_and(|m| m <= Decimal::ZERO)) {
        Some(0) => t("Mining loses money on every kWh from the start").to_string(),
        Some(m) => tf(
            "Mining's margin per kWh turns negative in {date}",
            &[("date", &month_label(u32::try_from(m).unwrap_or(u32::MAX)))],
        ),
        None => tf("Mining keeps a positive margin per kWh through {date}", &[("date", &month_label(horizon))]),
    };
    LineChartView {
        id: "margin-chart",
        title,
        subtitle: t("USD per kWh at the facility meter, after power and other cash costs").to_string(),
        outlook: outlook(scenario, horizon, false),
        source: source_line(scenario),
        x_labels: date_labels(&geometry),
        y_labels,
        markers,
        bands: Vec::new(),
        end_labels,
        series,
        geometry,
    }
}

/// With a mix of models, the month each switches off (its margin below zero), within the
/// horizon: the least efficient first.
fn idle_events(projection: &Projection, horizon: u32) -> Vec<(u32, String)> {
    let models = projection.models();
    if models.len() < 2 {
        return Vec::new();
    }
    models
        .iter()
        .filter_map(|m| {
            let month = m.idle_from.ok()??;
            // The model without its maker ("S19j Pro"): a marker's label must fit the plot.
            let model = crate::model::presets::AsicPreset::by_id(m.model.id?)?.model;
            let name = model.split_once(' ').map_or(model, |(_, name)| name);
            (month <= horizon)
                .then(|| (month, tf("{model} off, {date}", &[("model", name), ("date", &month_label(month))])))
        })
        .collect()
}

/// The events' markers where the geometry could place them, each with its label.
pub fn marked(geometry: &LineChart, events: Vec<(u32, String)>, avoid: &[Rect]) -> Vec<(Marker, String)> {
    let specs: Vec<MarkerSpec> =
        events.iter().map(|(m, l)| MarkerSpec { month: *m, label_width: label_width(l) }).collect();
    geometry.markers(&specs, LINE_H, avoid).into_iter().zip(events).filter_map(|(m, (_, l))| Some((m?, l))).collect()
}

#[cfg(test)]
mod tests;
