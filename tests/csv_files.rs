//! The CSV downloads as an analyst opens them: written for a few scenarios (a plain one,
//! Arabic and Vietnamese titles, titles a spreadsheet would run, a comparison) under the
//! page's own file names, then read with `pandas.read_csv(path)` by tests/csv_load.py.
//! pandas is required: scripts/bootstrap installs it.

use std::path::Path;
use std::process::Command;

use kwhich::model::export::csv::{comparison_figures, comparison_months, figures, file_stem, months};
use kwhich::model::export::json::string;
use kwhich::model::InvalidKeys;
use kwhich::model::Link;
use kwhich::model::{evaluate_over_time, from_link};

/// A file written: its name, how many rows it should load as, and cells of its first row.
type Written = (String, usize, Vec<(String, String)>);

/// Writes the downloads of `link` into `dir`.
fn write(dir: &Path, link: &str, cells: &[(&str, &str)]) -> Vec<Written> {
    let (link, warnings) = from_link(link);
    assert!(warnings.is_empty(), "{warnings:?}");
    let stem = file_stem(&link);
    let cells: Vec<(String, String)> = cells.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let files = match &link {
        Link::Single(s) => {
            let e = evaluate_over_time(s, InvalidKeys::default());
            let rows = e.projection.shown().len();
            vec![
                (format!("kwhich-{stem}-figures.csv"), figures(s, &e.metrics), 1, cells),
                (format!("kwhich-{stem}-months.csv"), months(s, &e.projection), rows, vec![]),
            ]
        }
        Link::Compare(c) => {
            let sides: Vec<_> =
                c.sides().into_iter().map(|(_, s)| evaluate_over_time(s, InvalidKeys::default())).collect();
            let rows = sides.iter().map(|e| e.projection.shown().len()).max().unwrap_or(0);
            let metrics: Vec<_> = sides.iter().map(|e| e.metrics.clone()).collect();
            let projections: Vec<_> = sides.iter().map(|e| &e.projection).collect();
            // A row a side, then one for each side's difference from A.
            let figure_rows = 2 * c.len() - 1;
            vec![
                (format!("kwhich-{stem}-figures.csv"), comparison_figures(c, &metrics), figure_rows, cells),
                (format!("kwhich-{stem}-months.csv"), comparison_months(&projections), rows, vec![]),
            ]
        }
    };
    files
        .into_iter()
        .map(|(name, text, rows, cells)| {
            std::fs::write(dir.join(&name), text).expect("write a CSV");
            (name, rows, cells)
        })
        .collect()
}

#[test]
fn every_csv_download_loads_with_pandas() {
    let dir = std::env::temp_dir().join(format!("kwhich-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let mut files = vec![];
    files.extend(write(&dir, "?kwh=0.04&gpu=b200&mo=24", &[("kwh", "0.04"), ("gpu", "b200")]));
    files.extend(write(
        &dir,
        "?title=%D9%85%D9%82%D8%A7%D8%B1%D9%86%D8%A9%20%D8%A7%D9%84%D8%AA%D8%B9%D8%AF%D9%8A%D9%86&lang=ar",
        &[("title", "مقارنة التعدين")],
    ));
    files.extend(write(
        &dir,
        "?title=%C4%90%C3%A0o%20hay%20cho%20thu%C3%AA%2C%20%22AI%22%3F&pg=-1.5",
        &[("title", "Đào hay cho thuê, \"AI\"?"), ("pg", "-1.5")],
    ));
    files.extend(write(&dir, "?title=%2Bcmd%7C'%20%2FC%20calc'!A0", &[("title", "'+cmd|' /C calc'!A0")]));
    files.extend(write(
        &dir,
        "?title=%3DHYPERLINK(%22http%3A%2F%2Fx%22%2C%22y%22)",
        &[("title", "'=HYPERLINK(\"http://x\",\"y\")")],
    ));
    files.extend(write(&dir, "?title=%40SUM(1)&kwh=0.05", &[("title", "'@SUM(1)")]));
    files.extend(write(&dir, "?title=-2%2B3", &[("title", "'-2+3")]));
    files.extend(write(&dir, "?kwh=0.045&mo=12&b.kwh=0.03&b.mo=30", &[("side", "a"), ("kwh", "0.045")]));
    files.extend(write(&dir, "?kwh=0.045&mo=12&b.kwh=0.03&c.mo=36&d.kwh=0.06&title=Four", &[("side", "a")]));
    let names: Vec<&str> = files.iter().map(|(n, _, _)| n.as_str()).collect();
    for want in [
        "kwhich-مقارنة-التعدين-figures.csv",
        "kwhich-đào-hay-cho-thuê-ai-months.csv",
        "kwhich-kwh-0.04_gpu-b200_mo-24-figures.csv",
    ] {
        assert!(names.contains(&want), "{want} in {names:?}");
    }
    let expected: Vec<String> = files
        .iter()
        .map(|(name, rows, cells)| {
            let cells: Vec<String> = cells.iter().map(|(k, v)| format!("{}: {}", string(k), string(v))).collect();
            format!("{}: {{\"rows\": {rows}, \"cells\": {{{}}}}}", string(name), cells.join(", "))
        })
        .collect();
    std::fs::write(dir.join("expected.json"), format!("{{{}}}", expected.join(",\n"))).expect("write expected.json");

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/csv_load.py");
    let run = Command::new("python3").arg(&script).arg(&dir).output();
    if std::env::var_os("KWHICH_KEEP_CSV").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let run = run.expect("python3 is needed to open the CSV downloads: run scripts/bootstrap");
    let (stdout, stderr) = (String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    assert!(!stderr.contains("No module named 'pandas'"), "pandas is needed: run scripts/bootstrap\n{stderr}");
    assert!(run.status.success(), "the CSV downloads do not load with pandas:\n{stdout}\n{stderr}");
    assert!(stdout.contains(&format!("{} files load", files.len())), "{stdout}");
}
