//! `kwhich table`: many links in, one CSV out. Each row is what `kwhich eval LINK` prints
//! for its link (or for its side of a comparison), value for value and digit for digit, in
//! the columns of the page's figures download; the file loads with `pandas.read_csv(path)`
//! (tests/csv_load.py; pandas is required: scripts/bootstrap installs it).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::value::RawValue;

use kwhich::model::export::csv::{figures, BOM};
use kwhich::model::export::json::string;
use kwhich::model::{evaluate, Scenario};

/// Links as analysts collect them: the default (an empty line), full addresses, presets,
/// refused and unknown keys (warnings), titles with a comma, quotes, Arabic and Vietnamese
/// letters or a formula, the power unit, a comparison (with a bad key on B), one of two
/// equal sides and one of four sides (with a bad key on D).
const LINKS: [&str; 14] = [
    "https://example.com/kwhich/?v=1&asic=s21xp&kwh=0.03&pu=ckwh",
    "",
    "?hp=40&foo=1",
    "gpu=b200&colo=121&gpue=1.45&mo=36&dg=1.5&pg=-0.5",
    "kwh=0&opx=0",
    "?kwh=abc&btc=-5&pue=9",
    "?title=%C4%90%C3%A0o%20hay%20cho%20thu%C3%AA%2C%20%22AI%22%3F&lang=vi",
    "?title=%D9%85%D9%82%D8%A7%D8%B1%D9%86%D8%A9%20%D8%A7%D9%84%D8%AA%D8%B9%D8%AF%D9%8A%D9%86&lang=ar",
    "?title=%3DHYPERLINK(%22http%3A%2F%2Fx%22%2C%22y%22)&kwh=0.05",
    "-kwh=0.04",
    "?v=1&kwh=0.045&mo=12&b.kwh=0.03&b.mo=30&b.asic=s21xp&b.pue=x&pu=mwh",
    "?cmp=1&theme=dark",
    "v=1&btc=120000&diff=160&lang=ar&embed=1&show=btc,compare&edit=0&live=1&theme=dark&mw=50",
    "?kwh=0.04&b.kwh=0.03&c.asic=s19xp&d.kwh=0.02&d.pue=x",
];

fn kwhich(args: &[&str], input: &[u8]) -> Output {
    common::kwhich_with_input(args, input)
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
    assert!(record.is_empty() && field.is_empty(), "the file ends with CRLF: {text:?}");
    records
}

/// Text as a CSV cell holds it: a spreadsheet formula's first character neutralised.
fn neutralised(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A JSON value as its CSV cell: the number's exact text, the string (neutralised), or
/// nothing for `null`.
fn cell_of(raw: &RawValue) -> String {
    match raw.get() {
        "null" => String::new(),
        text if text.starts_with('"') => neutralised(&serde_json::from_str::<String>(text).expect("a JSON string")),
        number => number.to_string(),
    }
}

type Object = BTreeMap<String, Box<RawValue>>;

fn object(raw: &RawValue) -> Object {
    serde_json::from_str(raw.get()).expect("a JSON object")
}

/// `kwhich eval LINK`, as the pieces a row is made of: per side (`""` for a single
/// scenario) its scenario and metrics, and the link's warnings.
fn eval(link: &str) -> (Vec<(String, Object, Object)>, Vec<String>) {
    let out = kwhich(&["eval", link], b"");
    assert_eq!(out.status.code(), Some(0), "{link:?}");
    let report: Object = serde_json::from_slice(&out.stdout).expect("JSON");
    let warnings: Vec<String> = serde_json::from_str(report["warnings"].get()).expect("a list of warnings");
    let side = |name: &str, raw: &RawValue| {
        let side = object(raw);
        (name.to_string(), object(&side["scenario"]), object(&side["metrics"]))
    };
    let sides = match (report.get("a"), report.get("b")) {
        (Some(_), Some(_)) => {
            ["a", "b", "c", "d"].into_iter().filter_map(|name| Some(side(name, report.get(name)?))).collect()
        }
        _ => {
            let raw = RawValue::from_string(String::from_utf8(out.stdout).expect("UTF-8")).expect("JSON");
            vec![side("", &raw)]
        }
    };
    (sides, warnings)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kwhich-table-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// The figures download's header (the page's): the columns a table row has after `side`.
fn figures_header() -> Vec<String> {
    let s = Scenario::default();
    let text = figures(&s, &evaluate(&s));
    parse(text.trim_start_matches(BOM)).swap_remove(0)
}

#[test]
fn it_writes_a_row_a_link_equal_to_eval_for_every_value() {
    let dir = scratch("rows");
    let file = dir.join("links.txt");
    // The last line ends with CRLF: its CR is no part of the link.
    std::fs::write(&file, format!("{}\r\n", LINKS.join("\n"))).expect("write links.txt");
    let out = kwhich(&["table", file.to_str().expect("a UTF-8 path")], b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(out.stderr.is_empty(), "{stderr}");
    let text = String::from_utf8(out.stdout.clone()).expect("UTF-8");
    // The same file from standard input, with `-` or without.
    let input = std::fs::read(&file).expect("read links.txt");
    assert_eq!(kwhich(&["table"], &input).stdout, out.stdout, "standard input");
    assert_eq!(kwhich(&["table", "-"], &input).stdout, out.stdout, "standard input as -");

    assert!(text.starts_with(BOM), "a byte order mark, as the downloads");
    let records = parse(text.trim_start_matches(BOM));
    let header = &records[0];
    let mut want: Vec<String> = ["link", "line", "side"].map(String::from).to_vec();
    want.extend(figures_header());
    want.push("warnings".into());
    assert_eq!(*header, want, "the figures download's columns between link, line, side and warnings");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));

    let mut rows = records[1..].iter();
    for (n, link) in LINKS.iter().enumerate() {
        let (sides, warnings) = eval(link);
        for (side, scenario, metrics) in sides {
            let row = rows.next().unwrap_or_else(|| panic!("{link:?}: no row for side {side:?}"));
            assert_eq!(row.len(), header.len(), "{link:?}");
            assert_eq!(row[col("link")], neutralised(link), "{link:?}");
            assert_eq!(row[col("line")], (n + 1).to_string(), "{link:?}");
            assert_eq!(row[col("side")], side, "{link:?}");
            assert_eq!(row[col("warnings")], neutralised(&warnings.join(" | ")), "{link:?}");
            let printed: Vec<&String> = scenario.keys().chain(metrics.keys()).collect();
            for (key, raw) in scenario.iter().chain(&metrics) {
                assert_eq!(row[col(key)], cell_of(raw), "{link:?} side {side:?}: {key} as eval prints it");
            }
            // Every column of values is one eval prints.
            let extra = ["link", "line", "side", "warnings", "history_source", "network_date"];
            for name in header.iter().filter(|h| !extra.contains(&h.as_str())) {
                assert!(printed.contains(&name), "{link:?}: {name} is not in eval's output");
            }
        }
    }
    assert!(rows.next().is_none(), "no row past the links");
    // Spot checks of what the comparison and the warnings look like.
    let at = |row: usize, name: &str| records[row][col(name)].clone();
    assert_eq!((at(11, "side"), at(11, "kwh"), at(11, "pu")), ("a".into(), "0.045".into(), "mwh".into()));
    assert_eq!((at(12, "side"), at(12, "kwh"), at(12, "asic")), ("b".into(), "0.03".into(), "s21xp".into()));
    assert!(at(12, "warnings").contains("b.pue"), "{}", at(12, "warnings"));
    assert_eq!(at(11, "warnings"), at(12, "warnings"), "the link's warnings on each of its rows");
    assert!(at(6, "warnings").contains(" | "), "{}", at(6, "warnings"));
    assert_eq!(at(1, "pu"), "ckwh");
    let four: Vec<String> = (16..20).map(|row| at(row, "side")).collect();
    assert_eq!(four, ["a", "b", "c", "d"], "a row for each of four sides");
    assert_eq!((at(18, "asic"), at(18, "kwh"), at(19, "kwh")), ("s19xp".into(), "0.04".into(), "0.02".into()));
    assert!(at(16, "warnings").contains("d.pue"), "{}", at(16, "warnings"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn it_loads_with_pandas() {
    let dir = scratch("pandas");
    let out = kwhich(&["table"], format!("{}\n", LINKS.join("\n")).as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let name = "kwhich-table.csv";
    std::fs::write(dir.join(name), &out.stdout).expect("write the table");
    // One row a link, a row a side for each comparison; the first row's cells as pandas reads them.
    let rows = LINKS.len() + 2 + 3;
    let cells = [
        ("link", "https://example.com/kwhich/?v=1&asic=s21xp&kwh=0.03&pu=ckwh"),
        ("line", "1"),
        ("kwh", "0.03"),
        ("asic", "s21xp"),
        ("pu", "ckwh"),
    ];
    let cells: Vec<String> = cells.iter().map(|(k, v)| format!("{}: {}", string(k), string(v))).collect();
    let expected = format!("{{{}: {{\"rows\": {rows}, \"cells\": {{{}}}}}}}", string(name), cells.join(", "));
    std::fs::write(dir.join("expected.json"), expected).expect("write expected.json");

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/csv_load.py");
    let run = Command::new("python3").arg(&script).arg(&dir).output();
    let _ = std::fs::remove_dir_all(&dir);
    let run = run.expect("python3 is needed to open the table: run scripts/bootstrap");
    let (stdout, stderr) = (String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    assert!(!stderr.contains("No module named 'pandas'"), "pandas is needed: run scripts/bootstrap\n{stderr}");
    assert!(run.status.success(), "the table does not load with pandas:\n{stdout}\n{stderr}");
    assert!(stdout.contains("1 files load"), "{stdout}");
}

#[test]
fn it_prints_the_header_for_no_links_and_exits_2_when_it_cannot_read() {
    let out = kwhich(&["table"], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(parse(text.trim_start_matches(BOM)).len(), 1, "the header alone: {text}");
    let out = kwhich(&["table"], b"kwh=0.03\nbtc=\xff\xfe\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = kwhich(&["table", "/nonexistent/links.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/links.txt"));
    let out = kwhich(&["table", "a", "b"], b"");
    assert_eq!(out.status.code(), Some(2));
}
