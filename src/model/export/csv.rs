//! The scenario as spreadsheets, one table a file, each of which `pandas.read_csv(path)`,
//! LibreOffice and Excel open without options: the figures (every input and every metric,
//! one row; a comparison has a row for A, for B and for B − A) and the months (a row a
//! month with its date). Numbers are plain decimals (`.`, no grouping) at full precision,
//! so each column of numbers reads as numbers; an empty cell where a figure cannot be
//! computed. UTF-8 with a byte order mark (without it Excel reads an Arabic or Vietnamese
//! title as Latin-1), lines ended by CRLF (RFC 4180).

use crate::model::chart::time::SNAPSHOT_MONTH;
use crate::model::economics::projection::{Projection, ProjectionPoint};
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

/// The figures of a comparison: a `side` column, then as [`figures`], with a row for A, one
/// for B, and one for B − A (the metrics only: the inputs of that row are empty).
pub fn comparison_figures(comparison: &Comparison, a: &Metrics, b: &Metrics) -> String {
    let history = |s: &Scenario| evaluate_history(s, InvalidKeys::default());
    let (ha, hb) = (history(comparison.a()), history(comparison.b()));
    let rows = [("a", comparison.a(), a, &ha), ("b", comparison.b(), b, &hb)];
    let source = |s: &Scenario| [Value::Text(history::ATTRIBUTION.into()), network_date(s)];
    let mut table = Table::new();
    let names = scenario_entries(comparison.a()).into_iter().chain(metric_entries(a, &ha)).map(|(name, _)| name);
    table.header(std::iter::once("side").chain(names).chain(["history_source", "network_date"]));
    for (side, scenario, metrics, history) in rows {
        let values = scenario_entries(scenario).into_iter().chain(metric_entries(metrics, history)).map(|(_, v)| v);
        table.row(std::iter::once(Value::Text(side.into())).chain(values).chain(source(scenario)));
    }
    let blanks = scenario_entries(comparison.a()).into_iter().map(|_| Value::Null);
    let deltas = differences(a, b).into_iter().map(|(_, figure)| Value::figure(figure));
    let backtest = history::json::metrics(&ha).into_iter().zip(history::json::metrics(&hb));
    let backtest = backtest.map(|((_, fa), (_, fb))| Value::figure(difference(fa, fb)));
    let row = std::iter::once(Value::Text("b_minus_a".into())).chain(blanks).chain(deltas).chain(backtest);
    // B − A has the attribution; a difference of two days is no date.
    table.row(row.chain([Value::Text(history::ATTRIBUTION.into()), Value::Null]));
    table.0
}

/// The first columns of [`table_header`]: the link as given, its line of the input
/// (from 1), and which side of a comparison the row is (`a`, `b`; empty for a single
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
/// scenario, one for each side of a comparison (`a`, then `b`; their difference is left to
/// the reader, so every row of the file is a scenario and each column holds one kind of
/// value). `given` is the link as read, `line` its line of the input, `warnings` the link's
/// warnings as the evaluator words them (on each of its rows, joined by ` | `; empty when
/// there are none).
pub fn table_rows(given: &str, line: usize, link: &Link, warnings: &[String]) -> String {
    let sides = match link {
        Link::Single(scenario) => vec![(None, scenario)],
        Link::Compare(c) => vec![(Some("a"), c.a()), (Some("b"), c.b())],
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
/// per kWh and cumulative cash per MW, to the horizon `mo`.
pub fn months(projection: &Projection) -> String {
    let mut table = Table::new();
    table.header(["date".to_string(), "month".to_string()].into_iter().chain(projection_columns()));
    for point in projection.shown() {
        table.row(month_cells(point.month).into_iter().chain(projection_values(point)));
    }
    table.0
}

/// A comparison month by month: `date`, `month`, then each column of [`months`] for A
/// (`a_…`), for B (`b_…`) and B − A (`b_minus_a_…`), to the longer horizon (a side's
/// cells are empty past its own).
pub fn comparison_months(a: &Projection, b: &Projection) -> String {
    let columns = projection_columns();
    let prefixed = |prefix: &str| columns.iter().map(move |c| format!("{prefix}{c}")).collect::<Vec<_>>();
    let mut table = Table::new();
    let names = ["date".to_string(), "month".to_string()].into_iter();
    table.header(names.chain(prefixed("a_")).chain(prefixed("b_")).chain(prefixed("b_minus_a_")));
    let (a, b) = (a.shown(), b.shown());
    let blank = || vec![Value::Null; columns.len()];
    for month in 0..a.len().max(b.len()) {
        let (pa, pb) = (a.get(month), b.get(month));
        let Some(number) = pa.or(pb).map(|p| p.month) else { continue };
        let deltas = match (pa, pb) {
            (Some(pa), Some(pb)) => {
                let margins = crate::model::Path::ALL.map(|p| Value::figure(difference(pa.margin(p), pb.margin(p))));
                let cash = crate::model::Path::ALL.map(|p| Value::figure(difference(pa.cum(p), pb.cum(p))));
                margins.into_iter().chain(cash).collect()
            }
            _ => blank(),
        };
        let side = |p: Option<&ProjectionPoint>| p.map_or_else(blank, projection_values);
        table.row(month_cells(number).into_iter().chain(side(pa)).chain(side(pb)).chain(deltas));
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
mod tests {
    use super::*;
    use crate::model::from_query;
    use crate::model::{evaluate_over_time, InvalidKeys, MetricId};

    fn rows(text: &str) -> Vec<&str> {
        text.strip_prefix(BOM).unwrap_or("no byte order mark").split("\r\n").collect()
    }

    /// The file's records as RFC 4180 reads them (quoted fields may hold `,`, `""`, breaks).
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut records = vec![];
        let (mut record, mut field, mut quoted, mut chars) = (vec![], String::new(), false, text.chars().peekable());
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => field.push(chars.next().unwrap_or('"')),
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, c) => field.push(c),
            }
        }
        records
    }

    #[test]
    fn it_writes_one_row_of_inputs_and_metrics() {
        let (s, _) = from_query("?kwh=0.03&mo=2&asic=s21xp");
        let e = evaluate_over_time(&s, InvalidKeys::default());
        let text = figures(&s, &e.metrics);
        assert!(text.starts_with(BOM) && text.ends_with("\r\n"));
        let records = parse(text.trim_start_matches(BOM));
        assert_eq!(records.len(), 2, "a header and a row: {text}");
        let (header, row) = (&records[0], &records[1]);
        assert_eq!(header.len(), row.len());
        let cell = |name: &str| header.iter().position(|h| *h == name).map(|i| row[i].as_str());
        assert_eq!(cell("v"), Some("1"));
        assert_eq!(cell("kwh"), Some("0.03"));
        assert_eq!(cell("asic"), Some("s21xp"));
        assert_eq!(cell("hp"), Some(""));
        // The page's sections as the evaluator prints them (History left out: entries.rs).
        assert_eq!(cell("show"), Some("compare,btc,mw,network,time,inputs,map,drivers"));
        let margin = e.metrics.get(MetricId::MiningMarginUsdPerKwh).map(plain).unwrap_or_default();
        assert_eq!(cell("mining_margin_usd_per_kwh"), Some(margin.as_str()));
        assert_eq!(cell("backtest_months"), Some("48"));
        assert_eq!(cell("history_source"), Some(crate::model::history::ATTRIBUTION));
        assert_eq!(cell("network_date"), Some("2025-11-22"));
        // Every input, every metric, the backtest's three, the history's source and the date.
        assert_eq!(header.len(), scenario_entries(&s).len() + MetricId::ALL.len() + 3 + 2);
    }

    #[test]
    fn it_writes_a_row_a_month_with_its_date() {
        let (s, _) = from_query("?mo=14");
        let e = evaluate_over_time(&s, InvalidKeys::default());
        let text = months(&e.projection);
        let lines = rows(&text);
        assert_eq!(
            lines[0],
            "date,month,mining_margin_usd_per_kwh,colo_margin_usd_per_kwh,gpu_margin_usd_per_kwh,\
mining_cum_usd_per_mw,colo_cum_usd_per_mw,gpu_cum_usd_per_mw"
        );
        assert_eq!(lines.len(), 1 + 15 + 1);
        let margin = e.projection.shown()[0].mining.map(plain).unwrap_or_default();
        assert!(lines[1].starts_with(&format!("2025-11-22,0,{margin},")), "{}", lines[1]);
        assert!(lines[3].starts_with("2026-01-22,2,"), "{}", lines[3]);
        assert!(lines[15].starts_with("2027-01-22,14,"), "{}", lines[15]);
        assert_eq!(month_date(26), "2028-01-22");
    }

    #[test]
    fn it_quotes_cells_that_need_it() {
        let text = |t: &str| field(&Value::Text(t.into()));
        assert_eq!(text("a,b"), "\"a,b\"");
        assert_eq!(text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text("two\nlines"), "\"two\nlines\"");
        assert_eq!(text("s21xp"), "s21xp");
        assert_eq!(field(&Value::Null), "");
    }

    #[test]
    fn it_writes_each_format_from_values_not_from_json() {
        // A title with a quote and a backslash reads back as typed, with no JSON escapes.
        let (s, _) = from_query("?title=say%20%22hi%22%20a%5Cb");
        let e = evaluate_over_time(&s, InvalidKeys::default());
        let text = figures(&s, &e.metrics);
        assert!(text.contains(",\"say \"\"hi\"\" a\\b\","), "{text}");
        assert!(!text.contains("\\\""), "{text}");
        let records = parse(text.trim_start_matches(BOM));
        let at = records[0].iter().position(|h| h == "title").unwrap_or(0);
        assert_eq!(records[1][at], "say \"hi\" a\\b");
    }

    #[test]
    fn it_neutralises_text_a_spreadsheet_would_run() {
        let text = |t: &str| field(&Value::Text(t.into()));
        let cases = [
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
            ("@SUM(1)", "'@SUM(1)"),
            ("-2+3", "'-2+3"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("＝1+1", "'＝1+1"),
            ("=1,2", "\"'=1,2\""),
            ("a=b", "a=b"),
            ("Đào hay cho thuê?", "Đào hay cho thuê?"),
        ];
        for (typed, want) in cases {
            assert_eq!(text(typed), want, "{typed:?}");
        }
        // Numbers stay numbers: a negative one is no formula.
        assert_eq!(field(&Value::Number(rust_decimal::Decimal::new(-123, 3))), "-0.123");
        // And a title in a link reaches the file neutralised.
        let (s, _) = from_query("?title=%2Bcmd%7C'%20%2FC%20calc'!A0");
        let e = evaluate_over_time(&s, InvalidKeys::default());
        assert!(figures(&s, &e.metrics).contains(",'+cmd|' /C calc'!A0,"));
    }

    #[test]
    fn it_compares_both_sides_and_their_difference() {
        let (link, _) = crate::model::from_link("?v=1&kwh=0.045&mo=3&b.kwh=0.03&b.mo=5");
        let Link::Compare(c) = link else { panic!("a comparison") };
        let (ea, eb) =
            (evaluate_over_time(c.a(), InvalidKeys::default()), evaluate_over_time(c.b(), InvalidKeys::default()));
        let text = comparison_figures(&c, &ea.metrics, &eb.metrics);
        let records = parse(text.trim_start_matches(BOM));
        assert_eq!(records.len(), 4, "{text}");
        assert!(records.iter().all(|r| r.len() == records[0].len()));
        let header = &records[0];
        assert_eq!(header[0], "side");
        let col = |name: &str| header.iter().position(|h| *h == name).unwrap_or(usize::MAX);
        let cell = |row: usize, name: &str| records[row].get(col(name)).cloned().unwrap_or_default();
        assert_eq!((cell(1, "side"), cell(1, "kwh")), ("a".into(), "0.045".into()));
        assert_eq!((cell(2, "side"), cell(2, "kwh")), ("b".into(), "0.03".into()));
        assert_eq!((cell(3, "side"), cell(3, "kwh")), ("b_minus_a".into(), String::new()));
        let key = "mining_margin_usd_per_kwh";
        let want = difference(
            ea.metrics.get(MetricId::MiningMarginUsdPerKwh),
            eb.metrics.get(MetricId::MiningMarginUsdPerKwh),
        );
        assert_eq!(cell(3, key), want.map(plain).unwrap_or_default());
        assert_eq!(cell(3, key), "0.015");

        let text = comparison_months(&ea.projection, &eb.projection);
        let lines = rows(&text);
        assert_eq!(lines.len(), 1 + 6 + 1, "B's horizon, 5 months: {text}");
        let header: Vec<&str> = lines[0].split(',').collect();
        assert_eq!(header.len(), 2 + 18);
        assert_eq!(&header[..3], ["date", "month", "a_mining_margin_usd_per_kwh"]);
        assert!(header.contains(&"b_minus_a_gpu_cum_usd_per_mw"));
        let month5: Vec<&str> = lines[6].split(',').collect();
        assert_eq!(&month5[..2], ["2026-04-22", "5"]);
        assert!(month5[2..8].iter().all(|c| c.is_empty()), "A stops at month 3: {}", lines[6]);
        assert!(month5[8..14].iter().all(|c| !c.is_empty()), "{}", lines[6]);
        let month0: Vec<&str> = lines[1].split(',').collect();
        assert_eq!(month0[14], "0.015", "mining margin B − A at month 0: {}", lines[1]);
    }

    #[test]
    fn it_names_files_after_the_title_or_whole_keys() {
        let stem = |q: &str| file_stem(&crate::model::from_link(q).0);
        assert_eq!(stem("?v=1"), "default");
        assert_eq!(stem("?kwh=0.04&gpu=b200&mo=24&theme=dark&lang=vi&pu=ckwh"), "kwh-0.04_gpu-b200_mo-24");
        assert_eq!(stem("?title=Mine%20vs%20AI%20lease&kwh=0.04"), "mine-vs-ai-lease");
        assert_eq!(stem("?title=%C4%90%C3%A0o%20hay%20cho%20thu%C3%AA%3F%203%20%C2%A2"), "đào-hay-cho-thuê-3");
        assert_eq!(
            stem("?title=%D9%85%D9%82%D8%A7%D8%B1%D9%86%D8%A9%20%D8%A7%D9%84%D8%AA%D8%B9%D8%AF%D9%8A%D9%86"),
            "مقارنة-التعدين"
        );
        assert_eq!(stem("?title=%3D%2B%40!&kwh=0.03"), "kwh-0.03", "a title of no letters");
        // Decomposed Vietnamese and Arabic with vowel signs keep their words whole.
        assert_eq!(slug("Đa\u{300}o  mo\u{302}\u{301}"), "đa\u{300}o-mo\u{302}\u{301}");
        assert_eq!(
            slug("\u{645}\u{64f}\u{642}\u{627}\u{631}\u{646}\u{64e}\u{629} x"),
            "\u{645}\u{64f}\u{642}\u{627}\u{631}\u{646}\u{64e}\u{629}-x"
        );
        assert_eq!(stem("?kwh=0.045&b.kwh=0.03"), "kwh-0.045_b.kwh-0.03");
        let long =
            "?btc=91234.5&kwh=0.0451&fee=1.25&pool=2.5&up=97.5&pue=1.12&mo=36&dg=1.5&pg=-0.5&asic=s21xp&gpu=h200";
        let name = stem(long);
        assert!(name.len() <= STEM_MAX + "_and-9-more".len(), "{name}");
        let (kept, more) = name.rsplit_once("_and-").unwrap_or((&name, ""));
        assert!(more.ends_with("-more"), "{name}");
        // Every part kept is a whole key and value of the link.
        let query = crate::model::from_link(long).0.to_query();
        for part in kept.split('_') {
            let (key, value) = part.split_once('-').unwrap_or((part, ""));
            assert!(query.contains(&format!("{key}={value}&")) || query.ends_with(&format!("{key}={value}")), "{part}");
        }
        let title = format!("?title={}", "word%20".repeat(15));
        let slugged = stem(&title);
        assert!(slugged.chars().count() <= SLUG_MAX && slugged.ends_with("-word"), "{slugged}");
    }
}
