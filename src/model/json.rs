//! The evaluator's JSON: `{"scenario": {…}, "metrics": {…}, "warnings": […],
//! "projection": […]}`. Written by hand so decimals keep every digit (a JSON number is any
//! decimal) and the model needs no serde.

use rust_decimal::Decimal;

use super::error::ModelError;
use super::fields::Key;
use super::metrics::Metrics;
use super::projection::project;
use super::scenario::Scenario;
use super::share_link::{plain, Warning};

/// A figure as a JSON number at full precision, or `null` when it cannot be computed.
fn number(figure: Result<Decimal, ModelError>) -> String {
    figure.map_or_else(|_| "null".to_string(), plain)
}

/// A JSON string literal.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The whole report, pretty-printed with two-space indents.
pub fn report(scenario: &Scenario, metrics: &Metrics, warnings: &[Warning]) -> String {
    let mut entries: Vec<(String, String)> = vec![("v".into(), "1".into())];
    for key in Key::ALL {
        if key == Key::Th {
            entries.push(("asic".into(), string(scenario.asic().id)));
        }
        if key == Key::Gph {
            entries.push(("gpu".into(), string(scenario.gpu().id)));
        }
        let value = scenario.get(key).map_or_else(|| "null".to_string(), plain);
        entries.push((key.name().into(), value));
    }
    let view = &scenario.view;
    entries.push(("lang".into(), string(view.lang.name())));
    entries.push(("embed".into(), u8::from(view.embed).to_string()));
    entries.push(("theme".into(), string(view.theme.name())));
    entries.push(("show".into(), string(&view.sections().to_link_value())));
    entries.push(("edit".into(), u8::from(view.edit).to_string()));
    entries.push(("live".into(), u8::from(view.live).to_string()));

    let metric_entries: Vec<(String, String)> =
        metrics.iter().map(|(id, figure)| (id.key().to_string(), number(figure))).collect();

    let mut out = String::from("{\n  \"scenario\": ");
    object(&mut out, &entries);
    out.push_str(",\n  \"metrics\": ");
    object(&mut out, &metric_entries);
    out.push_str(",\n  \"warnings\": [");
    for (n, warning) in warnings.iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        out.push_str(&string(&warning.to_string()));
    }
    out.push_str(if warnings.is_empty() { "]" } else { "\n  ]" });
    // An extension of the contract: month by month margins per kWh (docs/LINKS.md).
    out.push_str(",\n  \"projection\": [");
    for (n, point) in project(scenario).iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        out.push_str(&format!(
            "{{\"month\": {}, \"mining_margin_usd_per_kwh\": {}, \"colo_margin_usd_per_kwh\": {}, \"gpu_margin_usd_per_kwh\": {}}}",
            point.month,
            number(point.mining),
            number(point.colo),
            number(point.gpu)
        ));
    }
    out.push_str("\n  ]\n}");
    out
}

fn object(out: &mut String, entries: &[(String, String)]) {
    out.push('{');
    for (n, (key, value)) in entries.iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        out.push_str(&string(key));
        out.push_str(": ");
        out.push_str(value);
    }
    out.push_str("\n  }");
}
