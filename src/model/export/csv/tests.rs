//! The spreadsheets read back as RFC 4180 reads them: one row of figures, a comparison's three
//! rows, the months, the batch table, cells that start formulas and the file names.

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
    let text = months(&s, &e.projection);
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
    // With a plan, its cash last, as the cash chart draws it.
    let (s, _) = from_query("?mo=14&ai=40&aip=gpu&own=site");
    let e = evaluate_over_time(&s, InvalidKeys::default());
    let text = months(&s, &e.projection);
    let lines = rows(&text);
    assert!(lines[0].ends_with(",gpu_cum_usd_per_mw,plan_cum_usd_per_mw"), "{}", lines[0]);
    let plan = crate::model::economics::site::plan_cum(&s, &e.projection.shown()[14]).map(plain).unwrap_or_default();
    assert!(lines[15].ends_with(&format!(",{plan}")), "{}", lines[15]);
    assert!(plan.starts_with('-') && plan.len() > 8, "{plan}");
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
    let text = comparison_figures(&c, &[ea.metrics.clone(), eb.metrics.clone()]);
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
    let want =
        difference(ea.metrics.get(MetricId::MiningMarginUsdPerKwh), eb.metrics.get(MetricId::MiningMarginUsdPerKwh));
    assert_eq!(cell(3, key), want.map(plain).unwrap_or_default());
    assert_eq!(cell(3, key), "0.015");

    let text = comparison_months(&[&ea.projection, &eb.projection]);
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
fn it_gives_c_and_d_their_rows_and_columns_after_b() {
    let (link, _) = crate::model::from_link("?v=1&kwh=0.045&mo=3&b.kwh=0.03&c.kwh=0.02&d.mo=4");
    let Link::Compare(c) = link else { panic!("a comparison") };
    let sides: Vec<_> = c.sides().into_iter().map(|(_, s)| evaluate_over_time(s, InvalidKeys::default())).collect();
    let metrics: Vec<_> = sides.iter().map(|e| e.metrics.clone()).collect();
    let text = comparison_figures(&c, &metrics);
    let records = parse(text.trim_start_matches(BOM));
    let names: Vec<&str> = records.iter().skip(1).map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["a", "b", "c", "d", "b_minus_a", "c_minus_a", "d_minus_a"]);
    let col = records[0].iter().position(|h| h == "kwh").unwrap_or(usize::MAX);
    let kwh: Vec<&str> = records.iter().skip(1).take(4).map(|r| r[col].as_str()).collect();
    assert_eq!(kwh, ["0.045", "0.03", "0.02", "0.045"], "D has A's price");
    let margin = records[0].iter().position(|h| h == "mining_margin_usd_per_kwh").unwrap_or(usize::MAX);
    assert_eq!((records[6][margin].as_str(), records[7][margin].as_str()), ("0.025", "0"));

    let projections: Vec<_> = sides.iter().map(|e| &e.projection).collect();
    let text = comparison_months(&projections);
    let lines = rows(&text);
    assert_eq!(lines.len(), 1 + 5 + 1, "D's horizon, 4 months: {text}");
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(header.len(), 2 + 6 * 7);
    assert_eq!(header[2 + 6 * 2], "c_mining_margin_usd_per_kwh");
    assert_eq!(header[2 + 6 * 5], "c_minus_a_mining_margin_usd_per_kwh");
    let month0: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(month0[2 + 6 * 5], "0.025", "C − A at month 0: {}", lines[1]);
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
    let long = "?btc=91234.5&kwh=0.0451&fee=1.25&pool=2.5&up=97.5&pue=1.12&mo=36&dg=1.5&pg=-0.5&asic=s21xp&gpu=h200";
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
