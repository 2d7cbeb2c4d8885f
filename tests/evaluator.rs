//! The `kwhich` command line, run as a user runs it: `kwhich eval "LINK"` prints one JSON
//! object with the scenario, every metric and the warnings, and exits 0 whatever the link;
//! only arguments it cannot read at all exit 2 (SPEC.md, "Surfaces").

mod common;

use std::process::{Command, Output};

use serde_json::Value;

/// Warnings as the evaluator words them.
fn said(warnings: &[kwhich::model::Warning]) -> Vec<String> {
    warnings.iter().map(kwhich::text::reasons::warning).collect()
}

use kwhich::model::export::json;
use kwhich::model::InvalidKeys;
use kwhich::model::{evaluate, evaluate_over_time, from_link, from_query, Evaluation, Key, Link, MetricId, Path, Side};

fn kwhich<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kwhich")).args(args).output().expect("the evaluator runs")
}

/// Runs `kwhich eval LINK`, checks it exits 0 with nothing on standard error, and parses
/// its JSON.
fn eval(link: &str) -> (Value, String) {
    let out = kwhich(&["eval", link]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{link:?}: {stderr}");
    assert!(out.stderr.is_empty(), "{link:?}: {stderr}");
    let text = String::from_utf8(out.stdout).expect("the output is UTF-8");
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{link:?}: not JSON ({e}):\n{text}"));
    (value, text)
}

/// A JSON number against a decimal: the same to 12 significant digits (JSON readers hold
/// an `f64`; the text itself is compared whole in `it_prints_what_the_model_computes`).
fn same_number(json: &Value, decimal: &str) -> bool {
    let want: f64 = decimal.parse().expect("a decimal");
    match json.as_f64() {
        Some(got) if want == 0.0 => got == 0.0,
        Some(got) => ((got - want) / want).abs() < 1e-12,
        None => false,
    }
}

fn warnings(report: &Value) -> Vec<String> {
    let list = report["warnings"].as_array().expect("warnings is an array");
    list.iter().map(|w| w.as_str().expect("each warning is a string").to_string()).collect()
}

const LINKS: [&str; 7] = [
    "",
    "https://example.com/kwhich/?v=1&asic=s21xp&kwh=0.03",
    "?hp=40",
    "sub=1.5625",
    "gpu=b200&colo=121&gpue=1.45",
    "kwh=0&opx=0",
    "v=1&btc=120000&diff=160&pool=1.5&up=95&lang=ar&embed=1&show=btc,compare&edit=0&live=1&theme=dark",
];

#[test]
fn it_prints_what_the_model_computes() {
    for link in LINKS {
        let (report, text) = eval(link);
        let (scenario, warned) = from_query(link);
        let metrics = evaluate(&scenario);
        assert_eq!(text, format!("{}\n", json::report(&scenario, &metrics, &said(&warned))), "{link}");
        assert!(warned.is_empty() && warnings(&report).is_empty(), "{link}");

        let printed = report["metrics"].as_object().expect("metrics is an object");
        let order: Vec<&str> = printed.keys().map(String::as_str).collect();
        let mut keys: Vec<&str> = MetricId::ALL.iter().map(|id| id.key()).collect();
        // History (v1 extension): the backtest's metrics follow the others.
        keys.extend(["backtest_months", "backtest_cash_usd_per_mw", "backtest_payback_months"]);
        keys.sort_unstable();
        assert_eq!(order, keys, "{link}: every metric, once");
        for (id, figure) in metrics.iter() {
            let value = &report["metrics"][id.key()];
            match figure {
                Ok(d) => assert!(same_number(value, &d.to_string()), "{link}: {} = {value}, model {d}", id.key()),
                Err(_) => assert!(value.is_null(), "{link}: {} = {value}, model {figure:?}", id.key()),
            }
        }

        let inputs = &report["scenario"];
        assert_eq!(inputs["v"], 1, "{link}");
        assert_eq!(inputs["asic"], scenario.asic().id, "{link}");
        assert_eq!(inputs["gpu"], scenario.gpu().id, "{link}");
        for key in Key::ALL {
            let value = &inputs[key.name()];
            match scenario.get(key) {
                Some(d) => assert!(same_number(value, &d.to_string()), "{link}: {key} = {value}, model {d}"),
                None => assert!(value.is_null(), "{link}: {key} = {value}"),
            }
        }
    }
}

#[test]
fn it_prints_null_where_a_figure_cannot_be_computed() {
    let (report, _) = eval("kwh=0&opx=0");
    assert!(report["metrics"]["target_required_efficiency_j_per_th"].is_null());
    assert!(report["metrics"]["mining_margin_usd_per_kwh"].is_number());
    let (report, _) = eval("sub=1.5625");
    assert!(report["metrics"]["mining_payback_years"].is_null());
    assert!(report["metrics"]["gpu_payback_years"].is_number());
    assert!(report["scenario"]["hp"].is_null());
    // The default scenario's headline figures, worked by hand in the model's tests.
    let (report, _) = eval("");
    assert!(same_number(&report["metrics"]["hashprice_usd_per_ph_day"], "34.69458991481411841607863"));
    assert!(same_number(&report["metrics"]["mining_revenue_usd_per_kwh"], "0.07709908869958692981350806"));
    assert!(same_number(&report["metrics"]["gpu_vs_mining_revenue_multiple"], "10.95532469675518729050176"));
}

#[test]
fn it_exits_0_for_broken_links() {
    let huge = format!("btc={}&kwh=0.{}", "9".repeat(5000), "1".repeat(5000));
    let links = [
        "%%%&&&===",
        "?&=&==&&?",
        "btc=1e999&diff=99999999999999999999999999999999999999&sub=-0&fee=-1e-9",
        "btc=８５０００&café=1&kwh=0,05&lang=中文",
        "🙂=🙂&gpu=🙂&asic=s21xp\u{301}",
        "btc=\u{1}\t\n\"\\&\u{7f}=x",
        "https://",
        "://?#?#",
        "btc=%FF%FE&%C0%AF=1&kwh=%",
        "javascript:alert(1)//?btc=90000",
        huge.as_str(),
    ];
    for link in links {
        let (report, _) = eval(link);
        assert!(report["metrics"].as_object().is_some_and(|m| m.len() == MetricId::COUNT + 3), "{link:?}");
        let (_, warned) = from_query(link);
        assert_eq!(warnings(&report), said(&warned), "{link:?}");
    }
    // A broken value costs its key alone.
    let (report, _) = eval("javascript:alert(1)//?btc=90000");
    assert_eq!(report["scenario"]["btc"], 90000);
    // More digits than a decimal holds, before or after the point: refused, not rounded
    // (rounding could carry an out-of-range value into range).
    let (report, _) = eval(&huge);
    assert_eq!(report["scenario"]["btc"], 85000);
    assert_eq!(report["scenario"]["kwh"], serde_json::json!(0.05));
    assert!(warnings(&report).iter().any(|w| w.starts_with("kwh=") && w.contains("more than 28 digits")), "{report}");
}

#[test]
fn it_names_ignored_keys_in_warnings() {
    let (report, _) =
        eval("https://example.com/?foo=1&utm_source=news&fbclid=abc&gclid=x&btc=abc&kwh=0.04&kwh=0.05&asic=s99");
    let warned = warnings(&report);
    assert_eq!(warned.len(), 4, "{warned:?}");
    assert_eq!(warned[0], "Unknown key \"foo\" ignored.");
    assert!(warned.iter().any(|w| w.starts_with("btc=abc ignored: not a number; using 85000")), "{warned:?}");
    assert!(warned.iter().any(|w| w.starts_with("kwh=0.05 ignored:") && w.contains("more than once")), "{warned:?}");
    assert!(warned.iter().any(|w| w.starts_with("asic=s99 ignored: not a known ASIC")), "{warned:?}");
    for tracker in ["utm_source", "fbclid", "gclid"] {
        assert!(!warned.iter().any(|w| w.contains(tracker)), "{tracker} is silent: {warned:?}");
    }
    assert_eq!(report["scenario"]["kwh"], 0.04);
    assert_eq!(report["scenario"]["asic"], "s21");
}

#[test]
fn it_explains_itself() {
    let flags: [&[&str]; 7] =
        [&["--help"], &["-h"], &["help"], &["eval", "--help"], &["eval", "-h"], &["table", "--help"], &["table", "-h"]];
    for flag in flags {
        let out = kwhich(flag);
        assert_eq!(out.status.code(), Some(0), "{flag:?}");
        assert!(out.stderr.is_empty(), "{flag:?}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let parts = [
            "Usage",
            "kwhich eval",
            "LINK OR QUERY",
            "warnings",
            "null",
            "Exit status",
            "b.kwh",
            "cmp=1",
            "differences",
            "payback_months",
            "irr_pct",
            "npv_usd_per_mw",
            "site_npv_usd",
            "allin_margin_usd_per_kwh",
            "mining_cum_usd_per_mw",
            "gpu_cum_usd_per_mw",
            "kwhich eval -",
            "standard input",
            "kwhich table [FILE]",
            "pandas.read_csv",
            "side \"a\"",
            "\"warnings\" (the",
            "c.cmp=1",
            "\"differences_c\"",
            "\"differences_d\"",
        ];
        for part in parts {
            assert!(text.contains(part), "{flag:?}: help lacks {part:?}:\n{text}");
        }
    }
}

#[test]
fn it_exits_2_when_it_cannot_read_its_arguments() {
    let cases: [&[&str]; 7] = [
        &[],
        &["eval"],
        &["eval", "btc=1", "kwh=2"],
        &["frobnicate"],
        &["evaluate", "btc=1"],
        &["--help", "extra"],
        &["btc=90000"],
    ];
    for args in cases {
        let out = kwhich(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing on standard output");
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(message.starts_with("kwhich: ") && message.contains("--help"), "{args:?}: {message}");
    }
}

/// Runs `kwhich eval -` with `input` on standard input.
fn eval_stdin(input: &[u8]) -> Output {
    common::kwhich_with_input(&["eval", "-"], input)
}

#[test]
fn it_reads_links_from_standard_input_and_prints_a_line_each() {
    // 30,000 ignored keys: a link of over 200 KB, past what one argument may hold (128 KiB
    // on Linux), read from standard input.
    let long: String = std::iter::once("kwh=0.03".to_string())
        .chain((0..30_000).map(|i| format!("x{i}=1")))
        .collect::<Vec<_>>()
        .join("&");
    assert!(long.len() > 200_000);
    let links = ["?kwh=0.03&asic=s21xp", "", "?hp=40&foo=1", "?v=1&kwh=0.045&b.kwh=0.03", "gpu=b200&mo=6"];
    let mut input = links.join("\n");
    input.push_str("\r\n");
    input.push_str(&long);
    input.push('\n');
    let out = eval_stdin(input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), links.len() + 1, "one line a link");
    for (link, line) in links.iter().zip(&lines) {
        let got: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{link:?}: not JSON ({e})"));
        let (want, pretty) = eval(link);
        assert_eq!(got, want, "{link:?}: the same report as `kwhich eval LINK`");
        assert_eq!(*line, json::compact(&pretty).trim_end(), "{link:?}");
        let bare = outside_strings(line);
        assert!(!bare.contains(' ') && !bare.contains('\n'), "{link:?}: compact");
    }
    // The CR of a CRLF line is not part of the link: no warning about "gpu=b200&mo=6\r".
    let crlf: Value = serde_json::from_str(lines[4]).expect("JSON");
    assert_eq!((warnings(&crlf), crlf["scenario"]["mo"].as_u64()), (vec![], Some(6)));
    let report: Value = serde_json::from_str(lines[5]).expect("the long link's JSON");
    assert_eq!(report["scenario"]["kwh"].to_string(), "0.03");
    assert_eq!(warnings(&report).len(), 30_000);
    assert_eq!(warnings(&report)[29_999], "Unknown key \"x29999\" ignored.");
}

#[test]
fn it_prints_nothing_for_no_lines_and_exits_2_for_a_line_that_is_not_utf8() {
    let out = eval_stdin(b"");
    assert_eq!((out.status.code(), out.stdout.len()), (Some(0), 0));
    let out = eval_stdin(b"kwh=0.03\nbtc=\xff\xfe\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn it_compacts_json_outside_its_strings_only() {
    let pretty = "{\n  \"a b\": [1, 2],\n  \"c\": \"say \\\"hi, there\\\" \\\\\"\n}";
    assert_eq!(json::compact(pretty), "{\"a b\":[1,2],\"c\":\"say \\\"hi, there\\\" \\\\\"}");
    let (value, text) = eval("?title=a%20%22b%22%20%5C%20c%3A%20d");
    assert_eq!(serde_json::from_str::<Value>(&json::compact(&text)).ok(), Some(value));
}

#[cfg(unix)]
#[test]
fn it_exits_2_for_an_argument_that_is_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let out = kwhich(&[OsStr::new("eval"), OsStr::from_bytes(b"btc=\xff\xfe")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
}

#[test]
fn it_prints_a_projection_month_by_month() {
    let (report, _) = eval("?mo=24&dg=3&pg=10");
    let months = report["projection"].as_array().expect("projection is an array");
    assert_eq!(months.len(), 25, "months 0 to mo");
    for (n, point) in months.iter().enumerate() {
        assert_eq!(point["month"], n);
    }
    // Month 0 is the scenario itself.
    for key in ["mining_margin_usd_per_kwh", "colo_margin_usd_per_kwh", "gpu_margin_usd_per_kwh"] {
        assert_eq!(months[0][key], report["metrics"][key], "{key}");
    }
    // Difficulty up 3 % a month outruns a price up 10 % a year: mining's margin falls.
    let first = months[0]["mining_margin_usd_per_kwh"].as_f64().unwrap_or(f64::NAN);
    let last = months[24]["mining_margin_usd_per_kwh"].as_f64().unwrap_or(f64::NAN);
    assert!(last < first, "{first} → {last}");
}

const COMPARISONS: [&str; 9] = [
    "cmp=1",
    "https://example.com/kwhich/?v=1&kwh=0.05&b.kwh=0.03",
    "asic=s21xp&kwh=0.04&b.asic=s19xp&b.colo=160",
    "hp=40&gpu=b200&lang=ar&embed=1&b.hp=&b.gpu=h100",
    "b.kwh=0.2&b.sub=1.5625",
    // Three and four sides, each against A; a C without a B, a D without a C.
    "kwh=0.05&b.kwh=0.03&c.asic=s19xp&c.btc=90000",
    "asic=s21xp&b.kwh=0.04&c.cmp=1&d.hp=40&d.gpu=h100",
    "c.kwh=0.02",
    "kwh=0.04&d.kwh=0.06",
];

/// A side of a comparison report against `kwhich eval` of that side's own link: the same
/// object, less the warnings (a side link is written clean, so it has none).
fn same_as_own_link(side: &Value, own_link: &str) {
    let (mut own, _) = eval(own_link);
    let own = own.as_object_mut().expect("the report is an object");
    assert_eq!(own.remove("warnings"), Some(serde_json::json!([])), "{own_link}");
    assert_eq!(side.as_object(), Some(&*own), "{own_link}");
}

#[test]
fn it_prints_every_side_of_a_comparison_and_their_differences() {
    for link in COMPARISONS {
        let (report, text) = eval(link);
        let (Link::Compare(c), warned) = from_link(link) else { panic!("{link}: not a comparison") };
        let metrics: Vec<_> = c.sides().into_iter().map(|(_, s)| evaluate(s)).collect();
        assert_eq!(text, format!("{}\n", json::comparison_report(&c, &metrics, &said(&warned))), "{link}");
        let top: Vec<&str> = report.as_object().expect("an object").keys().map(String::as_str).collect();
        let want: &[&str] = match c.len() {
            2 => &["a", "b", "differences", "warnings"],
            3 => &["a", "b", "c", "differences", "differences_c", "warnings"],
            _ => &["a", "b", "c", "d", "differences", "differences_c", "differences_d", "warnings"],
        };
        assert_eq!(top, want, "{link}");
        assert!(warnings(&report).is_empty(), "{link}");

        for (side, _) in c.sides() {
            same_as_own_link(&report[side.name()], &c.side_query(side).unwrap_or_default());
        }

        let a = &metrics[0];
        for ((side, _), other) in c.sides().into_iter().zip(&metrics).skip(1) {
            let name = if side == Side::B { "differences".to_string() } else { format!("differences_{}", side.name()) };
            let printed = report[&name].as_object().expect("differences is an object");
            assert_eq!(printed.len(), MetricId::COUNT, "{link}: every metric, once");
            for id in MetricId::ALL {
                let (in_a, in_other, diff) = (a.get(id), other.get(id), &printed[id.key()]);
                match (in_a, in_other) {
                    (Ok(x), Ok(y)) => {
                        let want = y.checked_sub(x).expect("no overflow here");
                        assert!(
                            same_number(diff, &want.to_string()),
                            "{link}: {name} {} = {diff}, want {want}",
                            id.key()
                        );
                    }
                    _ => assert!(diff.is_null(), "{link}: {} = {diff} with a side missing", id.key()),
                }
            }
        }
    }
    // Sides kept in order: a C without a B makes B equal to A.
    let (report, _) = eval("kwh=0.04&c.kwh=0.02");
    assert_eq!(report["b"]["scenario"]["kwh"], report["a"]["scenario"]["kwh"]);
    assert_eq!(report["differences_c"]["mining_margin_usd_per_kwh"], serde_json::json!(0.02));
    assert_eq!(report["differences"]["mining_margin_usd_per_kwh"], 0);
    // Electricity at 3 cents on B: the margin per kWh is 2 cents better, the cash cost 2 worse.
    let (report, _) = eval("b.kwh=0.03");
    assert_eq!(report["differences"]["mining_margin_usd_per_kwh"], serde_json::json!(0.02));
    assert_eq!(report["differences"]["mining_cash_cost_usd_per_kwh"], serde_json::json!(-0.02));
    assert_eq!(report["differences"]["colo_margin_usd_per_kwh"], 0);
    assert_eq!(
        (report["a"]["scenario"]["kwh"].as_f64(), report["b"]["scenario"]["kwh"].as_f64()),
        (Some(0.05), Some(0.03))
    );
    // Payback never reached on B: no difference.
    let (report, _) = eval("b.kwh=0.2");
    assert!(report["b"]["metrics"]["mining_payback_years"].is_null());
    assert!(report["differences"]["mining_payback_years"].is_null());
}

#[test]
fn it_names_each_sides_ignored_keys() {
    let (report, _) = eval("kwh=0.03&btc=abc&b.kwh=abc&b.foo=1&b.lang=ar&b.kwh=0.04");
    assert_eq!(
        warnings(&report),
        [
            "btc=abc ignored: not a number; using 85000.",
            "Unknown key \"b.foo\" ignored.",
            "b.lang=ar ignored: lang is for the whole link and takes no \"b.\"; using the link's lang.",
            "b.kwh=0.04 ignored: b.kwh is given more than once; the first value counts.",
            "b.kwh=abc ignored: not a number; using 0.03.",
        ]
    );
    // Each side keeps what it was given; B's bad `kwh` leaves it A's.
    assert_eq!(report["a"]["scenario"]["kwh"], serde_json::json!(0.03));
    assert_eq!(report["b"]["scenario"]["kwh"], serde_json::json!(0.03));
    assert_eq!(report["b"]["scenario"]["lang"], "en");
    assert!(report["a"].get("warnings").is_none() && report["b"].get("warnings").is_none());
}

#[test]
fn it_prints_a_link_without_b_keys_as_a_single_scenario() {
    for link in ["kwh=0.03", "kwh=0.03&B.kwh=0.04", "cmp=0"] {
        let (report, _) = eval(link);
        assert!(report.get("a").is_none() && report["metrics"].is_object(), "{link}");
    }
}

#[test]
fn it_prints_the_cash_of_each_path_month_by_month() {
    let links = ["", "mo=1", "mo=240&clife=20", "conv=0&gfit=0", "hp=60&kwh=0.03&gd=0&gph=3", "kwh=0.07&mo=12"];
    for link in links {
        let (report, _) = eval(link);
        let (scenario, _) = from_query(link);
        let Evaluation { metrics, projection } = evaluate_over_time(&scenario, InvalidKeys::default());
        let months = report["projection"].as_array().expect("projection is an array");
        let mo = scenario.get(Key::Mo).and_then(|mo| usize::try_from(mo).ok()).expect("mo");
        assert_eq!(months.len(), mo + 1, "{link:?}: months 0 to mo, whatever the lives");
        for (printed, point) in months.iter().zip(projection.shown()) {
            let fields: Vec<&str> =
                printed.as_object().expect("a month is an object").keys().map(String::as_str).collect();
            assert_eq!(fields.len(), 7, "{link:?}: {fields:?}");
            for path in Path::ALL {
                for (key, figure) in [
                    (format!("{}_margin_usd_per_kwh", path.name()), point.margin(path)),
                    (format!("{}_cum_usd_per_mw", path.name()), point.cum(path)),
                ] {
                    let value = &printed[key.as_str()];
                    match figure {
                        Ok(d) => assert!(
                            same_number(value, &d.to_string()),
                            "{link:?} month {}: {key} = {value}, model {d}",
                            point.month
                        ),
                        Err(_) => assert!(value.is_null(), "{link:?} month {}: {key} = {value}", point.month),
                    }
                }
            }
        }
        // Month 0 starts from the outlay; every time metric is printed, null where none.
        for path in Path::ALL {
            let capex = report["metrics"][path.capex().key()].as_f64().expect("a capex");
            assert_eq!(months[0][format!("{}_cum_usd_per_mw", path.name())].as_f64(), Some(-capex), "{link:?}");
            for id in [path.payback_months(), path.lifetime_cash(), path.npv(), path.irr(), path.site_npv()] {
                let value = &report["metrics"][id.key()];
                assert_eq!(value.is_null(), metrics.get(id).is_err(), "{link:?}: {} = {value}", id.key());
            }
        }
    }
    // The default scenario's headline: the fleet never pays back in its life (null), the
    // lease does in month 98 at a return below the 12 % discount rate.
    let (report, _) = eval("");
    assert!(report["metrics"]["mining_payback_months"].is_null());
    assert!(report["metrics"]["mining_payback_years"].is_number());
    assert_eq!(report["metrics"]["colo_payback_months"], 98);
    assert!(report["metrics"]["colo_irr_pct"].as_f64().is_some_and(|irr| irr > 8.5 && irr < 8.51));
    // No outlay, no rate of return: null, and a payback at month 0.
    let (report, _) = eval("gfit=0");
    assert!(report["metrics"]["colo_irr_pct"].is_null());
    assert_eq!(report["metrics"]["colo_payback_months"], 0);
}

/// The JSON text with the contents of its strings left out (a string may hold ": ").
fn outside_strings(json: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for c in json.chars() {
        match (in_string, escaped, c) {
            (true, true, _) => escaped = false,
            (true, false, '\\') => escaped = true,
            (true, false, '"') => in_string = false,
            (true, false, _) => {}
            (false, _, '"') => in_string = true,
            (false, _, c) => out.push(c),
        }
    }
    out
}
