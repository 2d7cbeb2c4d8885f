//! The evaluator's JSON: `{"scenario": {…}, "metrics": {…}, "warnings": […],
//! "projection": […]}`, and for a comparison `{"a": {…}, "b": {…}, "differences": {…},
//! "warnings": […]}` with each side in the first shape less its warnings. Written by hand
//! so decimals keep every digit (a JSON number is any decimal) and the model needs no serde.

use rust_decimal::Decimal;

use crate::model::economics::projection::{project, Projection};
use crate::model::error::ModelError;
use crate::model::fields::Key;
use crate::model::history::{self, evaluate_history};
use crate::model::link::comparison::{differences, Comparison};
use crate::model::link::share_link::plain;
use crate::model::scenario::Scenario;
use crate::model::view::Section;
use crate::model::{InvalidKeys, Metrics, Path};

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
pub fn report(scenario: &Scenario, metrics: &Metrics, warnings: &[String]) -> String {
    side(scenario, metrics, &project(scenario), Some(warnings))
}

/// [`report`] with the projection already computed (an [`crate::model::Evaluation`] has it).
pub fn report_with_projection(
    scenario: &Scenario,
    metrics: &Metrics,
    projection: &Projection,
    warnings: &[String],
) -> String {
    side(scenario, metrics, projection, Some(warnings))
}

/// A comparison's report: each side as [`report`] writes it, without warnings (the link's
/// are listed once, each naming its side's key), and B − A for every metric.
pub fn comparison_report(comparison: &Comparison, a: &Metrics, b: &Metrics, warnings: &[String]) -> String {
    let differences: Vec<(String, String)> =
        differences(a, b).into_iter().map(|(id, figure)| (id.key().to_string(), number(figure))).collect();
    // A side's lines, one level deeper: JSON strings hold no raw line break to shift.
    let nested = |text: String| text.replace('\n', "\n  ");
    let mut out = String::from("{\n  \"a\": ");
    out.push_str(&nested(side(comparison.a(), a, &project(comparison.a()), None)));
    out.push_str(",\n  \"b\": ");
    out.push_str(&nested(side(comparison.b(), b, &project(comparison.b()), None)));
    out.push_str(",\n  \"differences\": ");
    object(&mut out, &differences);
    warning_list(&mut out, warnings);
    out.push_str("\n}");
    out
}

/// One scenario's object; `warnings` is left out for a side of a comparison.
fn side(scenario: &Scenario, metrics: &Metrics, projection: &Projection, warnings: Option<&[String]>) -> String {
    let entries = scenario_entries(scenario);
    let history = evaluate_history(scenario, InvalidKeys::default());
    let mut metric_entries: Vec<(String, String)> =
        metrics.iter().map(|(id, figure)| (id.key().to_string(), number(figure))).collect();
    metric_entries.extend(history::json::metrics(&history).map(|(key, figure)| (key.to_string(), number(figure))));

    let mut out = String::from("{\n  \"scenario\": ");
    object(&mut out, &entries);
    out.push_str(",\n  \"metrics\": ");
    object(&mut out, &metric_entries);
    if let Some(warnings) = warnings {
        warning_list(&mut out, warnings);
    }
    projection_list(&mut out, projection);
    history::json::list(&mut out, &history, number, string);
    out.push_str("\n}");
    out
}

/// The scenario's every key as JSON values (strings quoted, `null` for an unset `hp`), in
/// the order of the report's `"scenario"` object.
pub fn scenario_entries(scenario: &Scenario) -> Vec<(String, String)> {
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
    entries.push(("bt".into(), string(&history::month_text(scenario.bt()))));
    entries.push(("btcap".into(), plain(scenario.btcap().get())));
    let view = &scenario.view;
    entries.push(("lang".into(), string(view.lang.name())));
    entries.push(("title".into(), view.title.map_or_else(|| "null".to_string(), |t| string(t.as_str()))));
    entries.push(("embed".into(), u8::from(view.embed).to_string()));
    entries.push(("theme".into(), string(view.theme.name())));
    // The full page's sections as a link written before History printed them: History is
    // on the page too, but an earlier link keeps printing what it printed (docs/LINKS.md).
    let shown = match view.show {
        None if !view.embed => view.sections().toggled(Section::History, false),
        _ => view.sections(),
    };
    entries.push(("show".into(), string(&shown.to_link_value())));
    entries.push(("edit".into(), u8::from(view.edit).to_string()));
    entries.push(("live".into(), u8::from(view.live).to_string()));
    entries
}

/// The `"projection"` list: months 0 to `mo`.
fn projection_list(out: &mut String, projection: &Projection) {
    out.push_str(",\n  \"projection\": [");
    for (n, point) in projection.shown().iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        out.push_str(&format!("{{\"month\": {}", point.month));
        for path in Path::ALL {
            out.push_str(&format!(", \"{}_margin_usd_per_kwh\": {}", path.name(), number(point.margin(path))));
        }
        for path in Path::ALL {
            out.push_str(&format!(", \"{}_cum_usd_per_mw\": {}", path.name(), number(point.cum(path))));
        }
        out.push('}');
    }
    out.push_str("\n  ]");
}

fn warning_list(out: &mut String, warnings: &[String]) {
    out.push_str(",\n  \"warnings\": [");
    for (n, warning) in warnings.iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        out.push_str(&string(warning));
    }
    out.push_str(if warnings.is_empty() { "]" } else { "\n  ]" });
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
