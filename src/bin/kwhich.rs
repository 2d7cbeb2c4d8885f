//! The headless evaluator: a share link in, the scenario's metrics out as JSON (both
//! scenarios' and their differences for a comparison link).

use std::io::{BufRead, Write};
use std::process::ExitCode;

use kwhich::evaluator::report;
use kwhich::model::export::{csv, json};
use kwhich::model::{evaluate_static, from_link, InvalidKeys, Link};
use kwhich::text::answer_html::answer_html;
use kwhich::text::reasons;

const HELP: &str = "\
kwhich: what a kilowatt-hour earns mining bitcoin, and what it would earn leased to AI.

Usage:
  kwhich eval \"LINK OR QUERY\"   print the scenario, every metric, the warnings and the
                                month-by-month projection as JSON
  kwhich eval -                 read links from standard input, one a line, and print
                                each one's JSON on one line (compact), in the same order:
                                for many links, or one too long for the command line
  kwhich table [FILE]           read links from FILE (or standard input, also as \"-\"),
                                one a line, and print one CSV table: a row a link, every
                                input and every metric a column
  kwhich answer \"LINK OR QUERY\" print the first screen's answer as the page's HTML (in
                                English; empty for a comparison): the build writes the
                                default scenario's into index.html
  kwhich --help, kwhich eval --help, kwhich table --help
                                this text

LINK OR QUERY is a share link (https://host/path/?v=1&btc=85000&kwh=0.045), a query
(?kwh=0.045 or kwh=0.045&asic=s21xp) or an empty string for the default scenario.
Keys, defaults and ranges: docs/LINKS.md. A bad or unknown key never fails the run: it is
ignored, its key keeps its default, and a line in \"warnings\" says why. Metrics that cannot
be computed (a zero divisor, an overflow, a payback never reached) are null.

Over time (keys mo, dg, pg, gd, ce, blk, dr, conv, glife, clife, mw): each path is judged
over its own life, at most 240 months: mining over `life` years, the AI lease over `conv`
months then `clife` years, the GPU cloud over `conv` months then `glife` years. \"metrics\"
also holds, for mining_, colo_ and gpu_: payback_months, lifetime_cash_usd_per_mw,
npv_usd_per_mw (at dr), irr_pct, allin_margin_usd_per_kwh (capex spread over the life),
and site totals for mw MW: site_capex_usd, site_margin_usd_per_year, site_npv_usd,
site_lifetime_cash_usd; null when there is none (never paid back within the life, no rate
of return between -99 % and 10,000 %). \"projection\" lists months 0 to mo, each with the
three margins per kWh and each path's cumulative cash per MW: mining_cum_usd_per_mw,
colo_cum_usd_per_mw, gpu_cum_usd_per_mw.
A comparison link (docs/LINKS.md, \"Comparison links\") gives side B's inputs where they
differ from side A's under \"b.\" (?kwh=0.05&b.kwh=0.03), or cmp=1 for two equal sides;
up to two more sides, C and D, are given alike under \"c.\" and \"d.\" (c.cmp=1, d.cmp=1
for a side equal to A). For it eval prints {\"a\": …, \"b\": …, \"differences\": …,
\"warnings\": […]}: \"a\" and \"b\" are each side as a single link prints it (scenario,
metrics, projection) without its own warnings, \"differences\" is B minus A for every
metric (null when either side has none), and \"warnings\" are the link's, naming each
side's keys with their prefix. With C (and D), \"c\" (and \"d\") follow \"b\", and
\"differences_c\" (C minus A) and \"differences_d\" (D minus A) follow \"differences\".

With \"-\", each line of standard input is one link (a line ending in CRLF loses its CR;
an empty line is the default scenario) and gives exactly one line of output, the same
JSON as for that link alone without its line breaks and indents.

table reads its lines as \"eval -\" does and writes CSV (RFC 4180: UTF-8 with a byte order
mark, CRLF line ends), the same columns and values as the page's figures download:
\"link\" (the line as read), \"line\" (its number, from 1), \"side\", then each key of
\"scenario\" and of \"metrics\" in their order, \"history_source\", \"network_date\" and \"warnings\" (the
link's, joined by \" | \"; empty when none). Numbers are plain decimals at full precision,
an empty cell where eval prints null; text that a spreadsheet would run as a formula (a
leading =, +, -, @, tab or CR) starts with '. A comparison link gives a row for each side,
side \"a\" then \"b\" (then \"c\", \"d\"), each with the link's warnings (the differences
are left to the reader); a single scenario's \"side\" is empty. pandas.read_csv(\"file.csv\") and spreadsheets open it as is:
  kwhich table links.txt > scenarios.csv

Exit status: 0 with JSON (or CSV) on standard output; 2 when the arguments cannot be read
(or FILE cannot, or a line of the input is not UTF-8).
";

/// Calls `each` with every line of `input` (its number from 1, and the line less a CR
/// before its line break) and writes what it returns to standard output, until the input
/// ends or the reader of standard output stops reading (`| head`: not a failure).
fn each_line(input: impl BufRead, name: &str, start: &str, mut each: impl FnMut(usize, &str) -> String) -> ExitCode {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if out.write_all(start.as_bytes()).is_err() {
        return ExitCode::SUCCESS;
    }
    for (n, line) in input.split(b'\n').enumerate() {
        let line = match line.map(String::from_utf8) {
            Ok(Ok(line)) => line,
            Ok(Err(_)) => {
                let _ = out.flush();
                eprintln!("kwhich: line {} of {name} is not valid UTF-8", n + 1);
                return ExitCode::from(2);
            }
            Err(error) => {
                let _ = out.flush();
                eprintln!("kwhich: {name} cannot be read ({error})");
                return ExitCode::from(2);
            }
        };
        let link = line.strip_suffix('\r').unwrap_or(&line);
        if out.write_all(each(n + 1, link).as_bytes()).is_err() {
            return ExitCode::SUCCESS;
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

/// `kwhich eval -`: a compact report a line for each line of standard input.
fn eval_lines() -> ExitCode {
    each_line(std::io::stdin().lock(), "standard input", "", |_, link| format!("{}\n", json::compact(&report(link))))
}

/// `kwhich table [FILE]`: one CSV of every link in FILE (or standard input), a row a link
/// (a row a side of a comparison).
fn table(file: Option<&str>) -> ExitCode {
    let rows = |line: usize, given: &str| {
        let (link, warnings) = from_link(given);
        let warnings: Vec<String> = warnings.iter().map(reasons::warning).collect();
        csv::table_rows(given, line, &link, &warnings)
    };
    match file {
        None | Some("-") => each_line(std::io::stdin().lock(), "standard input", &csv::table_header(), rows),
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => each_line(std::io::BufReader::new(f), path, &csv::table_header(), rows),
            Err(error) => {
                eprintln!("kwhich: {path} cannot be read ({error})");
                ExitCode::from(2)
            }
        },
    }
}

fn main() -> ExitCode {
    // `args_os`: an argument that is not UTF-8 is a reading error (exit 2), not a panic.
    let Ok(args) = std::env::args_os().skip(1).map(|a| a.into_string()).collect::<Result<Vec<String>, _>>() else {
        eprintln!("kwhich: the arguments are not valid UTF-8");
        return ExitCode::from(2);
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["--help" | "-h" | "help"] | ["eval", "--help" | "-h"] => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        ["eval", "-"] => eval_lines(),
        ["table", "--help" | "-h"] => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        ["table"] => table(None),
        ["table", file] => table(Some(file)),
        ["eval", link] => {
            // A reader that stops early (`| head`) closes the pipe: not a failure of the run.
            let _ = writeln!(std::io::stdout().lock(), "{}", report(link));
            ExitCode::SUCCESS
        }
        ["answer", link] => {
            let html = match from_link(link).0 {
                Link::Single(scenario) => answer_html(&scenario, &evaluate_static(&scenario, InvalidKeys::default())),
                Link::Compare(_) => String::new(),
            };
            let _ = write!(std::io::stdout().lock(), "{html}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "kwhich: expected `eval \"LINK\"`, `eval -`, `table [FILE]` or `answer \"LINK\"`; see `kwhich --help`"
            );
            ExitCode::from(2)
        }
    }
}
