//! The evaluator's JSON: `{"scenario": {…}, "metrics": {…}, "warnings": […],
//! "projection": […]}`, and for a comparison `{"a": {…}, "b": {…}, "differences": {…},
//! "warnings": […]}` with each side in the first shape less its warnings (`"c"`, `"d"`,
//! `"differences_c"` and `"differences_d"` too when the comparison holds C and D). Written by hand
//! so decimals keep every digit (a JSON number is any decimal) and the model needs no serde.

use crate::model::economics::projection::{project, Projection};
use crate::model::export::entries::{
    metric_entries, network_date, profile_values, projection_columns, projection_values, scenario_entries, Value,
};
use crate::model::history::{self, evaluate_history};
use crate::model::link::comparison::{differences, Comparison, Side};
use crate::model::link::share_link::plain;
use crate::model::scenario::Scenario;
use crate::model::{InvalidKeys, Metrics};

/// A value in JSON: a number at full precision, a string, or `null`.
fn value(value: &Value) -> String {
    match value {
        Value::Number(number) => plain(*number),
        Value::Text(text) => string(text),
        Value::Null => "null".to_string(),
    }
}

/// Named values as the entries of a JSON object.
fn json_entries(entries: Vec<(&'static str, Value)>) -> Vec<(&'static str, String)> {
    entries.into_iter().map(|(name, v)| (name, value(&v))).collect()
}

/// A JSON string literal: the one escaper of the evaluator's JSON.
pub fn string(text: &str) -> String {
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

/// `pretty` (any JSON text) on one line: every space and line break outside its strings
/// taken out. The same value, for a reader that takes a line at a time.
pub fn compact(pretty: &str) -> String {
    let mut out = String::with_capacity(pretty.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in pretty.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            out.push(c);
        }
    }
    out
}

/// The whole report, pretty-printed with two-space indents.
pub fn report(scenario: &Scenario, metrics: &Metrics, warnings: &[String]) -> String {
    side(scenario, metrics, &project(scenario), Some(warnings))
}

/// [`report`] with the projection already computed (an [`super::metrics::Evaluation`] has it).
pub fn report_with_projection(
    scenario: &Scenario,
    metrics: &Metrics,
    projection: &Projection,
    warnings: &[String],
) -> String {
    side(scenario, metrics, projection, Some(warnings))
}

/// A comparison's report: each side as [`report`] writes it, without warnings (the link's
/// are listed once, each naming its side's key), then B − A for every metric
/// (`differences`), and C − A and D − A (`differences_c`, `differences_d`) when the
/// comparison holds C and D. `metrics` are the sides' own, in order (A, B, C, D); a side
/// without its metrics is left out.
pub fn comparison_report(comparison: &Comparison, metrics: &[Metrics], warnings: &[String]) -> String {
    // A side's lines, one level deeper: JSON strings hold no raw line break to shift.
    let nested = |text: String| text.replace('\n', "\n  ");
    let sides: Vec<_> = comparison.sides().into_iter().zip(metrics).collect();
    let mut out = String::from("{");
    for (n, ((side, scenario), metrics)) in sides.iter().enumerate() {
        out.push_str(if n == 0 { "\n  \"" } else { ",\n  \"" });
        out.push_str(side.name());
        out.push_str("\": ");
        out.push_str(&nested(self::side(scenario, metrics, &project(scenario), None)));
    }
    if let Some((_, a)) = sides.first() {
        for ((side, _), other) in sides.iter().skip(1) {
            let entries = differences(a, other).into_iter().map(|(id, f)| (id.key(), Value::figure(f))).collect();
            let name = if *side == Side::B { String::new() } else { format!("_{}", side.name()) };
            out.push_str(&format!(",\n  \"differences{name}\": "));
            object(&mut out, &json_entries(entries));
        }
    }
    warning_list(&mut out, warnings);
    out.push_str("\n}");
    out
}

/// One scenario's object; `warnings` is left out for a side of a comparison.
fn side(scenario: &Scenario, metrics: &Metrics, projection: &Projection, warnings: Option<&[String]>) -> String {
    let mut out = String::from("{\n  \"scenario\": ");
    object(&mut out, &json_entries(scenario_entries(scenario)));
    out.push_str(",\n  \"network_date\": ");
    out.push_str(&value(&network_date(scenario)));
    let history = evaluate_history(scenario, InvalidKeys::default());
    out.push_str(",\n  \"metrics\": ");
    object(&mut out, &json_entries(metric_entries(metrics, &history)));
    if let Some(profile) = profile_values(scenario) {
        let values: Vec<String> = profile.iter().map(value).collect();
        out.push_str(",\n  \"profile\": [");
        out.push_str(&values.join(", "));
        out.push(']');
    }
    if let Some(warnings) = warnings {
        warning_list(&mut out, warnings);
    }
    projection_list(&mut out, projection);
    if scenario.mix().is_some() {
        fleet_list(&mut out, projection);
    }
    history::json::list(&mut out, &history, |f| value(&Value::figure(f)), string);
    out.push_str("\n}");
    out
}

/// The `"projection"` list: months 0 to `mo`.
fn projection_list(out: &mut String, projection: &Projection) {
    let columns = projection_columns();
    out.push_str(",\n  \"projection\": [");
    for (n, point) in projection.shown().iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        out.push_str(&format!("{{\"month\": {}", point.month));
        for (column, v) in columns.iter().zip(projection_values(point)) {
            out.push_str(&format!(", {}: {}", string(column), value(&v)));
        }
        out.push('}');
    }
    out.push_str("\n  ]");
}

/// The `"fleet"` list of a mix (SPEC.md, "Site"): each model, its share of the mining power
/// in %, its efficiency and the first month it stands idle (`null`: never within the
/// months computed).
fn fleet_list(out: &mut String, projection: &Projection) {
    out.push_str(",\n  \"fleet\": [");
    for (n, m) in projection.models().iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        let share = Value::figure(crate::model::figure::mul(m.model.share, rust_decimal::Decimal::ONE_HUNDRED));
        let idle = match m.idle_from {
            Ok(Some(month)) => Value::Number(month.into()),
            _ => Value::Null,
        };
        out.push_str(&format!(
            "{{\"model\": {}, \"share_pct\": {}, \"efficiency_j_per_th\": {}, \"idle_from_month\": {}}}",
            string(m.model.id.unwrap_or("")),
            value(&share),
            value(&Value::figure(m.model.eff.map(|e| e.get()))),
            value(&idle),
        ));
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

fn object(out: &mut String, entries: &[(&str, String)]) {
    out.push('{');
    for (n, (key, value)) in entries.iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        out.push_str(&string(key));
        out.push_str(": ");
        out.push_str(value);
    }
    out.push_str("\n  }");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_escapes_json_strings() {
        let cases = [
            ("say \"hi\" a\\b", r#""say \"hi\" a\\b""#),
            ("two\nlines\r\tend", r#""two\nlines\r\tend""#),
            ("\u{1}\u{1f}\u{7f}", "\"\\u0001\\u001f\u{7f}\""),
            ("مقارنة · Đào </script>", "\"مقارنة · Đào </script>\""),
        ];
        for (text, want) in cases {
            assert_eq!(string(text), want, "{text:?}");
        }
    }

    #[test]
    fn it_writes_each_value_by_its_type() {
        assert_eq!(value(&Value::Number(rust_decimal::Decimal::new(-1500, 3))), "-1.5");
        assert_eq!(value(&Value::Text("-1.5".into())), "\"-1.5\"");
        assert_eq!(value(&Value::Null), "null");
    }
}
