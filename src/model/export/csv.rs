//! The scenario as spreadsheets, one table a file, each of which `pandas.read_csv(path)`,
//! LibreOffice and Excel open without options: the figures (every input and every metric,
//! one row; a comparison has a row for A, for B and for B − A) and the months (a row a
//! month with its date). Numbers are plain decimals (`.`, no grouping) at full precision,
//! so each column of numbers reads as numbers; an empty cell where a figure cannot be
//! computed. UTF-8 with a byte order mark (without it Excel reads an Arabic or Vietnamese
//! title as Latin-1), lines ended by CRLF (RFC 4180).

use crate::model::chart::time::SNAPSHOT_MONTH;
use crate::model::economics::projection::{Projection, ProjectionPoint};
use crate::model::economics::site;
use crate::model::export::entries::{
    metric_entries, network_date, projection_columns, projection_values, scenario_entries, Value,
};
use crate::model::history::{self, evaluate_history};
use crate::model::link::comparison::{difference, differences, Comparison, Link};
use crate::model::link::share_link::plain;
use crate::model::scenario::Scenario;
use crate::model::{InvalidKeys, Metrics, SNAPSHOT_DATE};

/// Starts every file: the UTF-8 byte order mark.
pub const BOM: char = '\u{feff}';

/// Whether a spreadsheet would read text starting with `c` as a formula: OWASP's rule
/// for CSV injection (`=`, `+`, `-`, `@`, tab, carriage return), and the full-width
/// forms that some spreadsheets take for the same.
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠')
}

/// One field of a row: a number as written, nothing for [`Value::Null`], and text that a
/// spreadsheet could run neutralised with a leading `'` (a negative number is a number,
/// never text), then quoted when it holds a separator, a quote or a line break.
pub fn field(value: &Value) -> String {
    match value {
        Value::Number(number) => plain(*number),
        Value::Null => String::new(),
        Value::Text(text) => {
            let text = if text.starts_with(starts_formula) { format!("'{text}") } else { text.clone() };
            if text.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", text.replace('"', "\"\""))
            } else {
                text
            }
        }
    }
}

/// A file being written: the byte order mark, then rows.
struct Table(String);

impl Table {
    fn new() -> Table {
        Table(BOM.to_string())
    }

    fn row(&mut self, values: impl IntoIterator<Item = Value>) {
        for (n, value) in values.into_iter().enumerate() {
            if n > 0 {
                self.0.push(',');
            }
            self.0.push_str(&field(&value));
        }
        self.0.push_str("\r\n");
    }

    fn header<S: Into<String>>(&mut self, names: impl IntoIterator<Item = S>) {
        self.row(names.into_iter().map(|name| Value::Text(name.into())));
    }
}

/// The figures of one scenario: a header of every input key and metric key, and one row.
/// The backtest's metrics come last, with the history's attribution in `history_source`.
pub fn figures(scenario: &Scenario, metrics: &Metrics) -> String {
    let history = evaluate_history(scenario, InvalidKeys::default());
    let (inputs, figures) = (scenario_entries(scenario), metric_entries(metrics, &history));
    let source =
        [("history_source", Value::Text(history::ATTRIBUTION.into())), ("network_date", network_date(scenario))];
    let mut table = Table::new();
    table.header(inputs.iter().chain(&figures).chain(&source).map(|(name, _)| *name));
    table.row(inputs.into_iter().chain(figures).chain(source).map(|(_, value)| value));
    table.0
}

/// The figures of a comparison: a `side` column, then as [`figures`], with a row for each
/// side (A, B, then C and D when held), then one for B − A (`b_minus_a`) and, with C and D,
/// for C − A and D − A (the metrics only: the inputs of those rows are empty). `metrics`
/// are the sides' own, in order.
pub fn comparison_figures(comparison: &Comparison, metrics: &[Metrics]) -> String {
    let history = |s: &Scenario| evaluate_history(s, InvalidKeys::default());
    let sides: Vec<_> =
        comparison.sides().into_iter().zip(metrics).map(|((side, s), m)| (side, s, m, history(s))).collect();
    let source = |s: &Scenario| [Value::Text(history::ATTRIBUTION.into()), network_date(s)];
    let mut table = Table::new();
    let Some((_, a, am, ha)) = sides.first() else { return table.0 };
    let names = scenario_entries(a).into_iter().chain(metric_entries(am, ha)).map(|(name, _)| name);
    table.header(std::iter::once("side").chain(names).chain(["history_source", "network_date"]));
    for (side, scenario, metrics, history) in &sides {
        let values = scenario_entries(scenario).into_iter().chain(metric_entries(metrics, history)).map(|(_, v)| v);
        table.row(std::iter::once(Value::Text(side.name().into())).chain(values).chain(source(scenario)));
    }
    for (side, _, other, ho) in sides.iter().skip(1) {
        let blanks = scenario_entries(a).into_iter().map(|_| Value::Null);
        let deltas = differences(am, other).into_iter().map(|(_, figure)| Value::figure(figure));
        let backtest = history::json::metrics(ha).into_iter().zip(history::json::metrics(ho));
        let backtest = backtest.map(|((_, fa), (_, fo))| Value::figure(difference(fa, fo)));
        let name = Value::Text(format!("{}_minus_a", side.name()));
        let row = std::iter::once(name).chain(blanks).chain(deltas).chain(backtest);
        // A difference has the attribution; a difference of two days is no date.
        table.row(row.chain([Value::Text(history::ATTRIBUTION.into()), Value::Null]));
    }
    table.0
}

/// The first columns of [`table_header`]: the link as given, its line of the input
/// (from 1), and which side of a comparison the row is (`a` to `d`; empty for a single
/// scenario).
const TABLE_FIRST: [&str; 3] = ["link", "line", "side"];

/// `kwhich table`'s file (many links, one table): the byte order mark and the header,
/// [`TABLE_FIRST`], then every column of [`figures`] in its order, then `warnings`. Each
/// link's rows follow from [`table_rows`], a link at a time, so any number of links
/// streams out without being held.
pub fn table_header() -> String {
    let scenario = Scenario::default();
    let history = evaluate_history(&scenario, InvalidKeys::default());
    let metrics = crate::model::evaluate_static(&scenario, InvalidKeys::default());
    let names = scenario_entries(&scenario).into_iter().chain(metric_entries(&metrics, &history)).map(|(name, _)| name);
    let mut table = Table::new();
    table.header(TABLE_FIRST.into_iter().chain(names).chain(["history_source", "network_date", "warnings"]));
    table.0
}

/// The rows of one link of `kwhich table` under [`table_header`]: one for a single
/// scenario, one for each side of a comparison (`a`, then `b`, `c`, `d`; their difference is left to
/// the reader, so every row of the file is a scenario and each column holds one kind of
/// value). `given` is the link as read, `line` its line of the input, `warnings` the link's
/// warnings as the evaluator words them (on each of its rows, joined by ` | `; empty when
/// there are none).
pub fn table_rows(given: &str, line: usize, link: &Link, warnings: &[String]) -> String {
    let sides = match link {
        Link::Single(scenario) => vec![(None, scenario)],
        Link::Compare(c) => c.sides().into_iter().map(|(side, s)| (Some(side.name()), s)).collect(),
    };
    let warnings = if warnings.is_empty() { Value::Null } else { Value::Text(warnings.join(" | ")) };
    let mut table = Table(String::new());
    for (side, scenario) in sides {
        let metrics = crate::model::evaluate(scenario);
        let history = evaluate_history(scenario, InvalidKeys::default());
        let first = [
            Value::Text(given.to_string()),
            Value::Number(line.into()),
            side.map_or(Value::Null, |side| Value::Text(side.into())),
        ];
        let values = scenario_entries(scenario).into_iter().chain(metric_entries(&metrics, &history)).map(|(_, v)| v);
        let last = [Value::Text(history::ATTRIBUTION.into()), network_date(scenario), warnings.clone()];
        table.row(first.into_iter().chain(values).chain(last));
    }
    table.0
}

/// The date of month `month` of a projection, ISO 8601: the snapshot's day, `month`
/// calendar months after it (`2025-11-22` for month 0, `2026-01-22` for month 2).
pub fn month_date(month: u32) -> String {
    let date = SNAPSHOT_MONTH.plus_months(month);
    let day = SNAPSHOT_DATE.rsplit('-').next().unwrap_or("01");
    format!("{:04}-{:02}-{day}", date.year(), date.month())
}

fn month_cells(month: u32) -> [Value; 2] {
    [Value::Text(month_date(month)), Value::Number(month.into())]
}

/// One scenario month by month: `date`, `month` (0 is the snapshot), each path's margin
/// per kWh and cumulative cash per MW, to the horizon `mo`; with a plan (`ai` above 0), last,
/// the plan's cumulative cash per MW, `plan_cum_usd_per_mw`, as the cash chart draws it.
pub fn months(scenario: &Scenario, projection: &Projection) -> String {
    let plan = site::plan_set(scenario);
    let mut table = Table::new();
    let plan_column = plan.then(|| "plan_cum_usd_per_mw".to_string());
    table.header(["date".to_string(), "month".to_string()].into_iter().chain(projection_columns()).chain(plan_column));
    for point in projection.shown() {
        let plan_cell = plan.then(|| Value::figure(site::plan_cum(scenario, point)));
        table.row(month_cells(point.month).into_iter().chain(projection_values(point)).chain(plan_cell));
    }
    table.0
}

/// A comparison month by month: `date`, `month`, then each column of [`months`] for A
/// (`a_…`), for B (`b_…`), C and D when held (`c_…`, `d_…`), then B − A (`b_minus_a_…`)
/// and C − A, D − A likewise, to the longest horizon (a side's cells are empty past its
/// own). `projections` are the sides', in order.
pub fn comparison_months(projections: &[&Projection]) -> String {
    const NAMES: [&str; 4] = ["a", "b", "c", "d"];
    let columns = projection_columns();
    let prefixed = |prefix: String| columns.iter().map(move |c| format!("{prefix}{c}")).collect::<Vec<_>>();
    let shown: Vec<_> = projections.iter().map(|p| p.shown()).collect();
    let names = NAMES.iter().take(shown.len());
    let mut table = Table::new();
    let header = ["date".to_string(), "month".to_string()].into_iter();
    let sides = names.clone().flat_map(|n| prefixed(format!("{n}_")));
    let deltas = names.skip(1).flat_map(|n| prefixed(format!("{n}_minus_a_")));
    table.header(header.chain(sides).chain(deltas));
    let blank = || vec![Value::Null; columns.len()];
    let longest = shown.iter().map(|s| s.len()).max().unwrap_or(0);
    for month in 0..longest {
        let points: Vec<Option<&ProjectionPoint>> = shown.iter().map(|s| s.get(month)).collect();
        let Some(number) = points.iter().flatten().next().map(|p| p.month) else { continue };
        let a = points.first().copied().flatten();
        let delta = |other: Option<&ProjectionPoint>| match (a, other) {
            (Some(pa), Some(po)) => {
                let margins = crate::model::Path::ALL.map(|p| Value::figure(difference(pa.margin(p), po.margin(p))));
                let cash = crate::model::Path::ALL.map(|p| Value::figure(difference(pa.cum(p), po.cum(p))));
                margins.into_iter().chain(cash).collect()
            }
            _ => blank(),
        };
        let values = points.iter().flat_map(|p| p.map_or_else(blank, projection_values));
        let deltas = points.iter().skip(1).flat_map(|p| delta(*p));
        table.row(month_cells(number).into_iter().chain(values).chain(deltas));
    }
    table.0
}

/// The longest file name stem built from a link's keys, in characters.
const STEM_MAX: usize = 80;

/// The longest stem made from a title, in characters.
const SLUG_MAX: usize = 60;

/// Keys that say how the page looks, not what it computes: left out of file names.
const DISPLAY_KEYS: [&str; 10] = ["v", "lang", "title", "embed", "theme", "pu", "show", "edit", "live", "nu"];

/// A readable file name stem for `link`: its title as a slug of its own letters and
/// digits (Arabic and Vietnamese kept: `đào-hay-cho-thuê`), or else its inputs as
/// `kwh-0.04_gpu-b200`, whole keys only (those past [`STEM_MAX`] counted at the end:
/// `…_and-3-more`), or `default`.
pub fn file_stem(link: &Link) -> String {
    if let Some(title) = link.view().title {
        let slug = slug(title.as_str());
        if !slug.is_empty() {
            return slug;
        }
    }
    let query = link.to_query();
    let parts: Vec<String> = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(key, _)| !DISPLAY_KEYS.contains(key))
        .map(|(key, value)| {
            let mut part = format!("{key}-{value}");
            part.retain(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'));
            part
        })
        .collect();
    if parts.is_empty() {
        return "default".to_string();
    }
    let mut stem = String::new();
    let mut kept = 0;
    for part in &parts {
        if kept > 0 && stem.len() + 1 + part.len() > STEM_MAX {
            break;
        }
        if kept > 0 {
            stem.push('_');
        }
        stem.push_str(part);
        kept += 1;
    }
    if kept < parts.len() {
        stem.push_str(&format!("_and-{}-more", parts.len() - kept));
    }
    stem
}

/// A combining accent of Vietnamese written decomposed, or an Arabic vowel sign: part of
/// the word it sits on.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{064b}'..='\u{065f}' | '\u{0670}')
}

/// Lower-case letters and digits of `text` (any script), each run of anything else one
/// `-`, at most [`SLUG_MAX`] characters cut at a word's end.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || is_mark(c) {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.chars().count() > SLUG_MAX {
        let cut: String = out.chars().take(SLUG_MAX + 1).collect();
        out = match cut.rfind('-') {
            Some(end) if end > 0 => cut[..end].to_string(),
            _ => cut.chars().take(SLUG_MAX).collect(),
        };
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests;
