//! "Over time" in words and chart units: each chart's title (its finding), subtitle, the
//! outlook it assumes, its dated markers and its series, and the section's headline. Pure,
//! tested natively; `ui/time_section.rs` only binds it to the page (as `map_svg` is for
//! the map).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::chart_file::isolate_ltr;
use super::format::{number, usd_millions, usd_tick};
use super::paths::{path_name, short_name};
use super::{lang, n, num, t, tf};
use crate::model::chart::line::{end_label_boxes, EndLabel, LineChart, Marker, MarkerSpec};
use crate::model::chart::scale::Rect;
use crate::model::chart::time::{YearMonth, SNAPSHOT_MONTH};
use crate::model::economics::projection::{halving_months, Projection, ProjectionPoint};
use crate::model::error::ModelError;
use crate::model::fields::Key;
use crate::model::link::share_link::plain;
use crate::model::view::Lang;
use crate::model::{to_query, Scenario, SNAPSHOT_DATE};
use crate::model::{Metrics, Path};

/// The plot area, in chart units (tenths of a CSS pixel at natural size; the chart is 3,600
/// wide): room above for the title, subtitle and outlook, left for the y labels, right for
/// the lines' own labels, below for the dates and the source line.
pub const PLOT: Rect = Rect { x: 560, y: 400, width: 2140, height: 1400 };
/// The largest size of the labels' text on the plot (at 360 px, where the chart is about
/// 330 px wide, 120 units are 11 px): the geometry keeps labels of this size apart, so a
/// page at any width (smaller text) or the file (80) keeps them apart too.
pub const LABEL_FONT: i32 = 120;
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

/// A y tick of millions of dollars: `$6M` in English, the number of millions elsewhere.
fn millions_tick(value: Decimal, dp: u32) -> String {
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
    let widths: Vec<i32> = series.iter().map(|s| label_width(&s.label)).collect();
    let mut boxes = end_label_boxes(end_labels, &widths, LINE_H);
    boxes.extend(bands.iter().map(|(r, label)| {
        Rect::new(r.x.saturating_add(BAND_LABEL_INSET), r.bottom().saturating_sub(LINE_H), label_width(label), LINE_H)
    }));
    boxes
}

/// A band's label starts this far right of the band's left edge, its line ending at the
/// plot's bottom.
pub const BAND_LABEL_INSET: i32 = 20;

/// The line chart's dates: years alone on Januaries, else month and year.
fn date_labels(chart: &LineChart) -> Vec<(i32, String)> {
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
            (Series { key: path.name(), label: short_name(path).to_string(), values: texts }, plotted)
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
    let halvings: Vec<(u32, String)> = halving_months(scenario, horizon)
        .into_iter()
        .map(|m| (m, tf("Halving, {date}", &[("date", &month_label(m))])))
        .collect();
    let end_labels = geometry.end_labels(LINE_H, 40);
    let markers = marked(&geometry, halvings, &label_boxes(&end_labels, &series, &[]));
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

/// The events' markers where the geometry could place them, each with its label.
pub fn marked(geometry: &LineChart, events: Vec<(u32, String)>, avoid: &[Rect]) -> Vec<(Marker, String)> {
    let specs: Vec<MarkerSpec> =
        events.iter().map(|(m, l)| MarkerSpec { month: *m, label_width: label_width(l) }).collect();
    geometry.markers(&specs, LINE_H, avoid).into_iter().zip(events).filter_map(|(m, (_, l))| Some((m?, l))).collect()
}

/// The month a path pays back in over its life, if it does.
fn payback_month(metrics: &Metrics, path: Path) -> Option<u32> {
    metrics.get(path.payback_months()).ok()?.to_u32()
}

/// Cumulative cash per MW of each path over its own life: the J-curve, with payback, the
/// end of each life and the AI conversion marked.
pub fn cash_chart(scenario: &Scenario, projection: &Projection, metrics: &Metrics) -> LineChartView {
    let points = projection.shown();
    let horizon = horizon_of(points);
    // Plotted in millions of dollars so the ticks read $-4M … $6M; data-value stays exact.
    let (series, values) = series_of(points, Decimal::from(1_000_000), |p, path| p.cum(path).ok());
    let refs: Vec<&[Option<f64>]> = values.iter().map(Vec::as_slice).collect();
    let geometry = LineChart::new(&refs, horizon, PLOT);
    let mut events: Vec<(u32, String)> = Vec::new();
    for path in Path::ALL {
        let (pays_back, life_ends) = match path {
            Path::Mining => (t("Mining pays back"), t("Mining life ends")),
            Path::Colo => (t("Colocation pays back"), t("Colocation life ends")),
            Path::Gpu => (t("GPU pays back"), t("GPU life ends")),
        };
        if let Some(m) = payback_month(metrics, path) {
            events.push((m, pays_back.to_string()));
        }
        if let Ok(end) = projection.life_end(path) {
            events.push((end, life_ends.to_string()));
        }
    }
    let bands: Vec<(Rect, String)> = projection
        .idle_months(Path::Colo)
        .ok()
        .and_then(|conv| geometry.band(0, conv))
        .map(|r| (r, t("AI conversion").to_string()))
        .into_iter()
        .collect();
    let y_labels = geometry.y_ticks.iter().map(|t| (t.at, millions_tick(t.value, geometry.y_decimals))).collect();
    let end_labels = geometry.end_labels(LINE_H, 40);
    let markers = marked(&geometry, events, &label_boxes(&end_labels, &series, &bands));
    let paying: Vec<String> = Path::ALL
        .into_iter()
        .filter_map(|p| {
            let month = payback_month(metrics, p)?;
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
        outlook: outlook(scenario, horizon, true),
        source: source_line(scenario),
        x_labels: date_labels(&geometry),
        y_labels,
        markers,
        bands,
        end_labels,
        series,
        geometry,
    }
}

/// The headline: does each path pay back within its life, and when.
pub fn finding(metrics: &Metrics) -> String {
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

/// A path's payback over its life as a table cell reads it: "month 98, Jan 2034", "not
/// within its life", or "—" while the projection is not there.
pub fn payback_text(metrics: &Metrics, path: Path) -> String {
    match metrics.get(path.payback_months()) {
        Ok(m) => match m.to_u32() {
            Some(month) => tf("month {n}, {date}", &[("n", &num(&month.to_string())), ("date", &month_label(month))]),
            None => num(&plain(m)),
        },
        // The time model's chunk is still loading: no figure yet, as any other missing one.
        Err(ModelError::NotProjected) => "—".to_string(),
        Err(_) => t("not within its life").to_string(),
    }
}

/// Why a path that pays back at today's figures does not over its life, in one line, or
/// `None` where the two agree (or a figure is missing): today's margin would need longer
/// than the life, or the outlook lowers the margin before the capex is back.
pub fn payback_why(scenario: &Scenario, metrics: &Metrics, path: Path) -> Option<String> {
    let years = metrics.get(path.payback_years()).ok()?;
    if metrics.get(path.payback_months()) != Err(ModelError::NeverPaysBack) {
        return None;
    }
    let life = scenario.get(match path {
        Path::Mining => Key::Life,
        Path::Colo => Key::Clife,
        Path::Gpu => Key::Glife,
    })?;
    let args = [("path", path_name(path)), ("years", &number(years, 1)), ("life", &num(&plain(life)))];
    Some(if years > life {
        tf(
            "{path}: today's margin would take {years} years to return the capex, longer than its {life}-year life.",
            &args,
        )
    } else {
        tf(
            "{path}: {years} years at today's margin, but the outlook lowers the margin month by month and its {life}-year life ends before the capex is back.",
            &args,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_query;
    use crate::model::{evaluate_over_time, Evaluation};

    fn of(link: &str) -> (Scenario, Metrics, Projection) {
        let (scenario, _) = from_query(link);
        let Evaluation { metrics, projection } = evaluate_over_time(&scenario, Default::default());
        (scenario, metrics, projection)
    }

    #[test]
    fn it_states_the_outlook_each_chart_assumes_with_its_input() {
        let (scenario, _, projection) = of("?v=1");
        let margin = margin_chart(&scenario, &projection);
        let parts: Vec<(Key, &str)> = margin.outlook.iter().map(|a| (a.key, a.text.as_str())).collect();
        assert_eq!(
            parts,
            [
                (Key::Dg, "difficulty +2 %/month"),
                (Key::Pg, "bitcoin flat"),
                (Key::Blk, "halving Apr 2028"),
                (Key::Gd, "GPU rent −15 %/year"),
                (Key::Ce, "lease +2 %/year"),
            ]
        );
        assert_eq!(
            margin.outlook_text(),
            "Outlook: difficulty +2 %/month, bitcoin flat, halving Apr 2028, GPU rent −15 %/year, lease +2 %/year"
        );
        // The cash chart adds the months the AI paths wait.
        let (scenario, metrics, projection) = of("?v=1&dg=0&pg=-10.5&blk=1100000&mo=12&conv=3");
        let cash = cash_chart(&scenario, &projection, &metrics);
        let texts: Vec<&str> = cash.outlook.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts[..3], ["difficulty flat", "bitcoin −10.5 %/year", "no halving before Nov 2026"]);
        assert_eq!(cash.outlook.last(), Some(&Assumption { key: Key::Conv, text: "AI conversion 3 months".into() }));
    }

    #[test]
    fn it_plots_the_exact_figures_it_labels() {
        let (scenario, metrics, projection) = of("?v=1");
        let cash = cash_chart(&scenario, &projection, &metrics);
        let mining = &cash.series[0];
        assert_eq!(mining.key, Path::Mining.name());
        assert_eq!(mining.values[0].as_deref(), Some("-1261904.7619047619047619047619"));
        // Plotted in millions straight from the decimal, never through its text.
        let first = cash.geometry.lines[0].points[0].as_ref().map(|p| p.y);
        assert!(first.is_some_and(|y| y > cash.geometry.zero_y), "capex below zero: {first:?}");
        assert_eq!(cash.title, "Only AI colocation (Jan 2034) pays back within its life");
        let labels: Vec<&str> = cash.markers.iter().map(|(_, l)| l.as_str()).collect();
        assert!(labels.contains(&"Colocation pays back"), "{labels:?}");
        let margin = margin_chart(&scenario, &projection);
        assert!(margin.markers.iter().any(|(_, l)| l == "Halving, Apr 2028"));
        assert!(margin.title.starts_with("Mining's margin per kWh turns negative in "), "{}", margin.title);
        assert!(margin.source.starts_with("Source: kWhich, network snapshot "));
        // The link reads left to right inside an Arabic line.
        assert!(margin.source.ends_with("scenario \u{2066}?v=1\u{2069}"), "{:?}", margin.source);
    }

    #[test]
    fn it_says_when_each_path_pays_back() {
        let (scenario, metrics, _) = of("?v=1");
        assert_eq!(payback_text(&metrics, Path::Colo), "month 98, Jan 2034");
        assert_eq!(payback_text(&metrics, Path::Mining), "not within its life");
        let today = crate::model::evaluate_static(&scenario, Default::default());
        assert_eq!(payback_text(&today, Path::Colo), "—");
        assert_eq!(
            finding(&metrics),
            "Mining does not pay back within its life; AI colocation pays back in month 98 (Jan 2034); GPU cloud \
does not pay back within its life."
        );
    }

    #[test]
    fn it_says_why_a_payback_at_todays_figures_is_not_reached_over_the_life() {
        // Today's margin needs longer than the life.
        let (scenario, metrics, _) = of("?v=1");
        assert_eq!(
            payback_why(&scenario, &metrics, Path::Mining).as_deref(),
            Some(
                "Bitcoin mining: today's margin would take 6.7 years to return the capex, longer than its 4-year life."
            )
        );
        // Colocation pays back over its life: nothing to explain.
        assert_eq!(payback_why(&scenario, &metrics, Path::Colo), None);
        // Within the life at today's margin, but the difficulty eats the margin first.
        let (scenario, metrics, _) = of("?v=1&kwh=0.02&pg=20");
        let why = payback_why(&scenario, &metrics, Path::Mining);
        assert_eq!(
            why.as_deref(),
            Some(
                "Bitcoin mining: 2.9 years at today's margin, but the outlook lowers the margin month by month and \
its 4-year life ends before the capex is back."
            ),
        );
        // With the difficulty flat it pays back (month 26): nothing to explain.
        let (scenario, metrics, _) = of("?v=1&kwh=0.02&pg=20&dg=0");
        assert_eq!(metrics.get(Path::Mining.payback_months()), Ok(Decimal::from(26)));
        assert_eq!(payback_why(&scenario, &metrics, Path::Mining), None);
    }
}
