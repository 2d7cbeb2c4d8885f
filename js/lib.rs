//! kWhich from JavaScript: the evaluator's report for a share link as a plain object, the
//! same object `kwhich eval LINK` prints (JSON.parse of it), for a notebook or a newsroom's
//! page: `import { evaluate } from "./kwhich-model.js"`.
//!
//! The report is written once, by the evaluator ([`kwhich::evaluator`]), as JSON text with
//! every decimal at full precision; here it is read with serde and handed to JavaScript
//! with serde-wasm-bindgen: objects as plain objects in the report's key order, each
//! number as the nearest double (what JSON.parse gives), `null` as `null`.

use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// A JSON value as JavaScript reads it: every number a double, whether the text wrote an
/// integer or not (serde-wasm-bindgen would refuse an integer beyond 2^53, JSON.parse
/// rounds it).
struct Js<'a>(&'a Value);

impl Serialize for Js<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) => serializer.serialize_f64(n.as_f64().ok_or_else(|| S::Error::custom("a number"))?),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Js(item))?;
                }
                seq.end()
            }
            Value::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, &Js(value))?;
                }
                map.end()
            }
        }
    }
}

/// Reads the evaluator's JSON text.
pub fn parse(report: &str) -> Result<Value, String> {
    serde_json::from_str(report).map_err(|e| format!("kwhich-model: the report is not JSON ({e})"))
}

/// The `"projection"` of a report: a scenario's list of months, or for a comparison
/// `{a: […], b: […]}` (with `c` and `d` when the comparison holds them).
pub fn projection_of(report: Value) -> Value {
    match report {
        Value::Object(mut top) => match top.remove("projection") {
            Some(months) => months,
            None => {
                let mut sides = serde_json::Map::new();
                for side in ["a", "b", "c", "d"] {
                    let months = top.get_mut(side).and_then(|s| s.get_mut("projection")).map(Value::take);
                    // A and B always; C and D only when the comparison holds them.
                    if months.is_some() || side < "c" {
                        sides.insert(side.to_string(), months.unwrap_or(Value::Null));
                    }
                }
                Value::Object(sides)
            }
        },
        _ => Value::Null,
    }
}

fn to_js(value: &Value) -> Result<JsValue, JsError> {
    Js(value).serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

fn js(report: Result<Value, String>) -> Result<JsValue, JsError> {
    to_js(&report.map_err(|e| JsError::new(&e))?)
}

/// What `kwhich eval LINK` prints, as a plain object: `{scenario, metrics, warnings,
/// projection, history_source, history}`, or `{a, b, differences, warnings}` for a comparison link
/// (`c`, `d`, `differences_c`, `differences_d` too for three or four sides). `link`
/// is a share link, a query (`?kwh=0.03`) or `""` for the default scenario; a bad key never
/// throws (its warning says why).
#[wasm_bindgen]
pub fn evaluate(link: &str) -> Result<JsValue, JsError> {
    js(parse(&kwhich::evaluator::report(link)))
}

/// The comparison of a link's sides, `{a, b, differences, warnings}` (with C and D when the
/// link gives them), as `kwhich eval` prints it for a comparison link; a single scenario is compared with itself (`cmp=1`).
#[wasm_bindgen]
pub fn compare(link: &str) -> Result<JsValue, JsError> {
    js(parse(&kwhich::evaluator::comparison_report(link)))
}

/// The month-by-month projection of `evaluate(link)`: a list of months, or `{a, b}` (and
/// `c`, `d`) for a comparison link.
#[wasm_bindgen]
pub fn projection(link: &str) -> Result<JsValue, JsError> {
    js(parse(&kwhich::evaluator::report(link)).map(projection_of))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_keeps_the_reports_key_order_and_takes_out_the_projection() {
        let report = parse(&kwhich::evaluator::report("?kwh=0.03&mo=2")).unwrap_or_else(|e| panic!("{e}"));
        let keys: Vec<&str> = report.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
        assert_eq!(
            keys,
            ["scenario", "network_date", "metrics", "warnings", "projection", "history_source", "history"]
        );
        let months = projection_of(report.clone());
        assert_eq!(months.as_array().map(Vec::len), Some(3), "months 0 to mo");
        assert_eq!(months, report["projection"]);
        let both = projection_of(parse(&kwhich::evaluator::report("?kwh=0.03&mo=1&b.mo=2")).unwrap_or_default());
        assert_eq!((both["a"].as_array().map(Vec::len), both["b"].as_array().map(Vec::len)), (Some(2), Some(3)));
        let keys = |v: &Value| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
        assert_eq!(keys(&both), ["a", "b"], "no C or D where the link gives none");
        let four = projection_of(parse(&kwhich::evaluator::report("?mo=1&c.mo=2&d.mo=3")).unwrap_or_default());
        assert_eq!(keys(&four), ["a", "b", "c", "d"]);
        assert_eq!(four["d"].as_array().map(Vec::len), Some(4));
    }

    #[test]
    fn it_compares_a_single_scenario_with_itself() {
        let report = parse(&kwhich::evaluator::comparison_report("?kwh=0.03")).unwrap_or_default();
        assert_eq!(report["a"], report["b"]);
        assert_eq!(report["differences"]["mining_margin_usd_per_kwh"], serde_json::json!(0));
    }
}
