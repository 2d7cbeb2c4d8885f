//! The headless evaluator: a share link in, the scenario's metrics out as JSON.

use std::process::ExitCode;

use kwhich::model::metrics::InvalidKeys;
use kwhich::model::{evaluate_over_time, from_query, json, Evaluation};

const HELP: &str = "\
kwhich: what a kilowatt-hour earns mining bitcoin, and what it would earn leased to AI.

Usage:
  kwhich eval \"LINK OR QUERY\"   print the scenario, every metric, the warnings and the
                                month-by-month projection as JSON
  kwhich --help                 this text

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

Exit status: 0 with JSON on standard output; 2 when the arguments cannot be read.
";

fn main() -> ExitCode {
    // `args_os`: an argument that is not UTF-8 is a reading error (exit 2), not a panic.
    let Ok(args) = std::env::args_os().skip(1).map(|a| a.into_string()).collect::<Result<Vec<String>, _>>() else {
        eprintln!("kwhich: the arguments are not valid UTF-8");
        return ExitCode::from(2);
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["--help" | "-h" | "help"] => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        ["eval", link] => {
            let (scenario, warnings) = from_query(link);
            let Evaluation { metrics, projection } = evaluate_over_time(&scenario, InvalidKeys::default());
            println!("{}", json::report_with_projection(&scenario, &metrics, &projection, &warnings));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("kwhich: expected `eval \"LINK\"` (one argument after eval); see `kwhich --help`");
            ExitCode::from(2)
        }
    }
}
