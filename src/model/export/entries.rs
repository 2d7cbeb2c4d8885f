//! What the downloads and the evaluator write, as typed values: each scenario key, each
//! metric and each month of the projection, named as the JSON names them. Each format
//! (JSON in [`super::json`], CSV in [`super::csv`]) escapes these in its own syntax; none
//! is built from another's text.

use rust_decimal::Decimal;

use crate::model::economics::inputs::Inputs;
use crate::model::economics::profile::scaled_of;
use crate::model::economics::projection::ProjectionPoint;
use crate::model::error::ModelError;
use crate::model::fields::Key;
use crate::model::history::{self, History};
use crate::model::power;
use crate::model::scenario::Scenario;
use crate::model::view::Section;
use crate::model::InvalidKeys;
use crate::model::{Metrics, Path};

/// One value: a number at full precision, a piece of text, or nothing (a figure that
/// cannot be computed, an unset key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Text(String),
    Null,
}

impl Value {
    /// A figure, or [`Value::Null`] when it cannot be computed.
    pub fn figure(figure: Result<Decimal, ModelError>) -> Value {
        figure.map_or(Value::Null, Value::Number)
    }

    fn flag(on: bool) -> Value {
        Value::Number(Decimal::from(u8::from(on)))
    }
}

/// The scenario's every key with its value, in the order of the evaluator's `"scenario"`
/// object: `v`, the inputs (`asic` before `th`, `gpu` before `gph`), then the display keys.
pub fn scenario_entries(scenario: &Scenario) -> Vec<(&'static str, Value)> {
    let mut entries = vec![("v", Value::Number(Decimal::ONE))];
    for key in Key::ALL {
        if key == Key::Th {
            entries.push(("asic", Value::Text(scenario.asic().id.to_string())));
        }
        if key == Key::Gph {
            entries.push(("gpu", Value::Text(scenario.gpu().id.to_string())));
        }
        // SPEC.md, "Site": `own`, `rlife`, `mix`, `ai`, `aip` in the table's order.
        if key == Key::Rlife {
            entries.push(("own", Value::Text(scenario.own().name().to_string())));
        }
        if key == Key::Ai {
            entries.push(("mix", scenario.mix().map_or(Value::Null, |m| Value::Text(m.to_link_value()))));
        }
        entries.push((key.name(), scenario.get(key).map_or(Value::Null, Value::Number)));
        if key == Key::Ai {
            entries.push(("aip", Value::Text(scenario.aip().name().to_string())));
        }
    }
    entries.push(("bt", Value::Text(history::month_text(scenario.bt()))));
    entries.push(("btcap", Value::Number(scenario.btcap().get())));
    entries.push(("pp", Value::Text(scenario.profile().name().to_string())));
    entries.push(("pq", scenario.profile().custom().map_or(Value::Null, |b| Value::Text(power::pq_text(b)))));
    entries.push(("strike", scenario.strike().map_or_else(|| Value::Text("auto".into()), Value::Number)));
    let view = &scenario.view;
    entries.push(("lang", Value::Text(view.lang.name().to_string())));
    entries.push(("title", view.title.map_or(Value::Null, |t| Value::Text(t.as_str().to_string()))));
    entries.push(("embed", Value::flag(view.embed)));
    entries.push(("theme", Value::Text(view.theme.name().to_string())));
    entries.push(("pu", Value::Text(view.power_unit.name().to_string())));
    // The full page's sections as a link written before History printed them: History is
    // on the page too, but an earlier link keeps printing what it printed (docs/LINKS.md).
    let shown = match view.show {
        None if !view.embed => view.sections().toggled(Section::History, false),
        _ => view.sections(),
    };
    let shown = view.chart.map_or_else(|| shown.to_link_value(), |c| c.name().to_string());
    entries.push(("show", Value::Text(shown)));
    entries.push(("edit", Value::flag(view.edit)));
    entries.push(("live", Value::flag(view.live)));
    entries.push(("nu", if view.latin_digits { Value::Text("latn".into()) } else { Value::Null }));
    entries
}

/// The day of the network figures, ISO 8601: the snapshot's ([`crate::model::SNAPSHOT_DATE`])
/// when the scenario's network is the snapshot's, else [`Value::Null`] (set in the link; a
/// link does not say when).
pub fn network_date(scenario: &Scenario) -> Value {
    match scenario.network_is_snapshot() {
        true => Value::Text(crate::model::SNAPSHOT_DATE.to_string()),
        false => Value::Null,
    }
}

/// The scaled profile `p_1 … p_100` (USD/kWh), SPEC.md's `"profile"`; `None` when the
/// price is flat. A profile that cannot be scaled (an invalid `kwh` being edited) is nulls.
pub fn profile_values(scenario: &Scenario) -> Option<Vec<Value>> {
    let scaled = scaled_of(&Inputs::new(scenario, InvalidKeys::default()))?;
    Some(match scaled {
        Ok(s) => s.prices().iter().map(|p| Value::Number(p.normalize())).collect(),
        Err(_) => vec![Value::Null; power::BUCKETS],
    })
}

/// Every metric by its key, at full precision, then the backtest's (they replay the
/// history's data: SPEC.md, "History").
pub fn metric_entries(metrics: &Metrics, history: &History) -> Vec<(&'static str, Value)> {
    let backtest = history::json::metrics(history).map(|(key, figure)| (key, Value::figure(figure)));
    metrics.iter().map(|(id, figure)| (id.key(), Value::figure(figure))).chain(backtest).collect()
}

/// The columns of a month of the projection after `month`: each path's margin per kWh,
/// then each path's cumulative cash per MW.
pub fn projection_columns() -> Vec<String> {
    let margins = Path::ALL.map(|p| format!("{}_margin_usd_per_kwh", p.name()));
    let cash = Path::ALL.map(|p| format!("{}_cum_usd_per_mw", p.name()));
    margins.into_iter().chain(cash).collect()
}

/// A month's values in the order of [`projection_columns`].
pub fn projection_values(point: &ProjectionPoint) -> Vec<Value> {
    let margins = Path::ALL.map(|p| Value::figure(point.margin(p)));
    let cash = Path::ALL.map(|p| Value::figure(point.cum(p)));
    margins.into_iter().chain(cash).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_query;

    #[test]
    fn it_types_each_scenario_value() {
        let (s, _) = from_query("?kwh=0.03&asic=s21xp&title=%3DSUM(1)&embed=1&pu=ckwh");
        let entries = scenario_entries(&s);
        let get = |name: &str| entries.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone());
        assert_eq!(get("v"), Some(Value::Number(Decimal::ONE)));
        assert_eq!(get("kwh"), Some(Value::Number(Decimal::new(3, 2))));
        assert_eq!(get("asic"), Some(Value::Text("s21xp".into())));
        assert_eq!(get("title"), Some(Value::Text("=SUM(1)".into())));
        assert_eq!(get("embed"), Some(Value::Number(Decimal::ONE)));
        assert_eq!(get("edit"), Some(Value::Number(Decimal::ONE)));
        assert_eq!(get("hp"), Some(Value::Null));
        // The power unit, a display key: the link's kwh stays in USD/kWh.
        assert_eq!(get("pu"), Some(Value::Text("ckwh".into())));
        assert_eq!(
            scenario_entries(&Scenario::default()).iter().find(|(n, _)| *n == "pu").map(|(_, v)| v.clone()),
            Some(Value::Text("kwh".into()))
        );
        let names: Vec<&str> = entries.iter().map(|(n, _)| *n).collect();
        let at = |name: &str| names.iter().position(|n| *n == name);
        assert!(at("asic") < at("th") && at("gpu") < at("gph"), "{names:?}");
        assert_eq!(at("pu"), at("theme").map(|n| n + 1), "{names:?}");
        assert_eq!(projection_columns().len(), 6);
    }
}
