//! The scenario as a spreadsheet: its inputs, every metric, then one row a month of the
//! projection. Plain decimals (`.`, no grouping) at full precision; an empty cell where a
//! figure cannot be computed.

use crate::model::economics::projection::Projection;
use crate::model::export::json::scenario_entries;
use crate::model::history::{self, evaluate_history};
use crate::model::link::share_link::plain;
use crate::model::scenario::Scenario;
use crate::model::{InvalidKeys, Metrics, Path};

/// A cell: quoted when it holds a separator, a quote or a line break.
fn cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The whole file: a `section,name,value` table of the inputs and metrics, a blank line,
/// then the months (`month` and each path's margin per kWh and cumulative cash per MW).
pub fn report(scenario: &Scenario, metrics: &Metrics, projection: &Projection) -> String {
    let mut out = String::from("section,name,value\r\n");
    for (key, value) in scenario_entries(scenario) {
        // JSON strings lose their quotes here; numbers and null stay as they are.
        let value = value.trim_matches('"');
        let value = if value == "null" { "" } else { value };
        out.push_str(&format!("scenario,{},{}\r\n", cell(&key), cell(value)));
    }
    for (id, figure) in metrics.iter() {
        out.push_str(&format!("metric,{},{}\r\n", id.key(), figure.map(plain).unwrap_or_default()));
    }
    // The backtest's metrics replay the history's data: its attribution goes with them.
    let history = evaluate_history(scenario, InvalidKeys::default());
    for (key, figure) in history::json::metrics(&history) {
        out.push_str(&format!("metric,{key},{}\r\n", figure.map(plain).unwrap_or_default()));
    }
    out.push_str(&format!("source,history,{}\r\n", cell(history::ATTRIBUTION)));
    out.push_str("\r\nmonth");
    for path in Path::ALL {
        out.push_str(&format!(",{}_margin_usd_per_kwh", path.name()));
    }
    for path in Path::ALL {
        out.push_str(&format!(",{}_cum_usd_per_mw", path.name()));
    }
    out.push_str("\r\n");
    for point in projection.shown() {
        out.push_str(&point.month.to_string());
        for path in Path::ALL {
            out.push(',');
            out.push_str(&point.margin(path).map(plain).unwrap_or_default());
        }
        for path in Path::ALL {
            out.push(',');
            out.push_str(&point.cum(path).map(plain).unwrap_or_default());
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_query;
    use crate::model::{evaluate_over_time, InvalidKeys, MetricId};

    #[test]
    fn it_writes_inputs_metrics_and_months() {
        let (s, _) = from_query("?kwh=0.03&mo=2&asic=s21xp");
        let e = evaluate_over_time(&s, InvalidKeys::default());
        let text = report(&s, &e.metrics, &e.projection);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "section,name,value");
        assert!(lines.contains(&"scenario,kwh,0.03"), "{text}");
        assert!(lines.contains(&"scenario,asic,s21xp"), "{text}");
        let margin = e.metrics.get(MetricId::MiningMarginUsdPerKwh).map(plain).unwrap_or_default();
        assert!(lines.contains(&format!("metric,mining_margin_usd_per_kwh,{margin}").as_str()), "{text}");
        let header = lines.iter().position(|l| l.starts_with("month,")).unwrap_or(0);
        assert_eq!(
            lines[header],
            "month,mining_margin_usd_per_kwh,colo_margin_usd_per_kwh,gpu_margin_usd_per_kwh,\
mining_cum_usd_per_mw,colo_cum_usd_per_mw,gpu_cum_usd_per_mw"
        );
        // Months 0, 1 and 2, then the final line break.
        assert_eq!(lines.len(), header + 1 + 3 + 1);
        assert!(lines[header + 1].starts_with(&format!("0,{margin},")), "{}", lines[header + 1]);
        assert_eq!(lines[header + 1].split(',').count(), 7);
    }

    #[test]
    fn it_quotes_cells_that_need_it() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("0.05"), "0.05");
    }
}
