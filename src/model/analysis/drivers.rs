//! What moves the answer: mining's all-in margin per kWh, and the best AI path's, when each
//! input steps down and up, the inputs that move them most first (the tornado chart).
//!
//! The step is ±20 % of the input's value (of its default when the value is 0, so that
//! free power still moves), and ±1 year for the lives `life`, `glife` and `clife` (never
//! below half the life). A step that leaves the input's valid range stops at an
//! inclusive bound and is dropped at an exclusive one. Only inputs that move an all-in
//! margin take part: the target `tgt`, the outlook keys and the site size do not; `hp`
//! only when it is given.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::analysis::decision_map::best_ai;
use crate::model::error::ModelError;
use crate::model::fields::{Bound, Key};
use crate::model::scenario::Scenario;
use crate::model::{evaluate_static, InvalidKeys, MetricId, Metrics, Path};

use crate::model::figure::Figure;

/// The inputs that move an all-in margin per kWh, in the key table's order (the order of
/// equal impacts).
pub const DRIVER_KEYS: [Key; 25] = [
    Key::Btc,
    Key::Diff,
    Key::Sub,
    Key::Fee,
    Key::Hp,
    Key::Th,
    Key::W,
    Key::Kwh,
    Key::Opx,
    Key::Up,
    Key::Pool,
    Key::Pue,
    Key::Capex,
    Key::Site,
    Key::Life,
    Key::Colo,
    Key::Gpue,
    Key::Gph,
    Key::Util,
    Key::Gkw,
    Key::Gcap,
    Key::Gopx,
    Key::Gfit,
    Key::Glife,
    Key::Clife,
];

/// The relative step: ±20 %.
pub const STEP: Decimal = dec!(0.2);
/// The step of a life, in years.
pub const LIFE_STEP: Decimal = dec!(1);

/// The figures at one setting of the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// `mining_allin_margin_usd_per_kwh`.
    pub mining: Figure,
    /// The better AI path and its all-in margin per kWh.
    pub ai: Result<(Path, Decimal), ModelError>,
}

impl Outcome {
    fn of(metrics: &Metrics) -> Outcome {
        Outcome { mining: metrics.get(MetricId::MiningAllinMarginUsdPerKwh), ai: best_ai(metrics) }
    }

    /// The winning path and its margin: mining when it earns at least as much as the best
    /// AI path (the decision map's tie rule).
    pub fn winner(&self) -> Result<(Path, Decimal), ModelError> {
        let mining = self.mining?;
        let (path, ai) = self.ai?;
        Ok(if mining >= ai { (Path::Mining, mining) } else { (path, ai) })
    }

    /// The best AI path's all-in margin alone.
    pub fn ai_margin(&self) -> Figure {
        self.ai.map(|(_, m)| m)
    }
}

/// One end of an input's step: the value and what the model says there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct End {
    /// The input's value, in its link unit.
    pub value: Decimal,
    pub outcome: Outcome,
}

/// One input's row of the tornado.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Driver {
    pub key: Key,
    /// The input stepped down; `None` when the step leaves the valid range at an exclusive
    /// bound or the value cannot be written.
    pub low: Option<End>,
    /// The input stepped up.
    pub high: Option<End>,
}

impl Driver {
    /// How far this input moves the answer: the larger of the swings of mining's margin
    /// and the best AI path's, between the ends (or an end and the base when one is
    /// missing). Missing figures count as no swing.
    pub fn impact(&self, base: &Outcome) -> Decimal {
        let swing = |f: &dyn Fn(&Outcome) -> Figure| {
            let at = |e: Option<End>| e.and_then(|e| f(&e.outcome).ok());
            let (low, high, mid) = (at(self.low), at(self.high), f(base).ok());
            match (low, high) {
                (Some(l), Some(h)) => l.checked_sub(h).map(|d| d.abs()),
                (Some(v), None) | (None, Some(v)) => mid.and_then(|m| v.checked_sub(m)).map(|d| d.abs()),
                (None, None) => None,
            }
            .unwrap_or(Decimal::ZERO)
        };
        swing(&|o: &Outcome| o.mining).max(swing(&Outcome::ai_margin))
    }

    /// Does the winner at either end differ from the base's?
    pub fn flips(&self, base: &Outcome) -> bool {
        let winner = base.winner().ok().map(|w| w.0);
        [self.low, self.high].into_iter().flatten().any(|e| e.outcome.winner().ok().map(|w| w.0) != winner)
    }
}

/// The tornado's figures: the scenario's own outcome and a row per input, the largest
/// impact first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drivers {
    pub base: Outcome,
    pub rows: Vec<Driver>,
}

/// The step's two ends for `key` in `scenario`, before they are checked against the range.
fn step_ends(scenario: &Scenario, key: Key) -> Option<(Decimal, Decimal)> {
    let value = scenario.get(key)?;
    if matches!(key, Key::Life | Key::Glife | Key::Clife) {
        let half = value.checked_div(dec!(2))?;
        return Some((value.checked_sub(LIFE_STEP)?.max(half), value.checked_add(LIFE_STEP)?));
    }
    let of = if value.is_zero() { scenario.default_of(key)? } else { value };
    let step = of.checked_mul(STEP)?;
    Some((value.checked_sub(step)?, value.checked_add(step)?))
}

/// `v` moved back into `key`'s range: onto an inclusive bound, or `None` past an exclusive one.
fn into_range(key: Key, v: Decimal) -> Option<Decimal> {
    let field = key.field();
    if field.contains(v) {
        return Some(v.normalize());
    }
    let bound = if v < field.min.value() { field.min } else { field.max };
    match bound {
        Bound::Inclusive(b) => Some(b),
        Bound::Exclusive(_) => None,
    }
}

/// The scenario with `key` at `value`, evaluated; `None` if the value cannot be set (a
/// subsidy and fee of zero together).
fn end(scenario: &Scenario, invalid: InvalidKeys, key: Key, value: Decimal) -> Option<End> {
    let mut moved = scenario.clone();
    moved.set(key, Some(value)).ok()?;
    Some(End { value, outcome: Outcome::of(&evaluate_static(&moved, invalid)) })
}

/// Every input's step and outcome, the largest impact first (equal impacts in the key
/// table's order); inputs that move nothing, and those being edited, are left out.
pub fn drivers(scenario: &Scenario, invalid: InvalidKeys) -> Drivers {
    let base = Outcome::of(&evaluate_static(scenario, invalid));
    let mut rows: Vec<(Decimal, Driver)> = DRIVER_KEYS
        .into_iter()
        .filter(|key| !invalid.contains(*key))
        .filter_map(|key| {
            let (low, high) = step_ends(scenario, key)?;
            let at = |v: Decimal| into_range(key, v).and_then(|v| end(scenario, invalid, key, v));
            let row = Driver { key, low: at(low), high: at(high) };
            let impact = row.impact(&base);
            (impact > Decimal::ZERO || row.flips(&base)).then_some((impact, row))
        })
        .collect();
    // A stable sort: equal impacts keep the key table's order.
    rows.sort_by_key(|r| core::cmp::Reverse(r.0));
    Drivers { base, rows: rows.into_iter().map(|(_, r)| r).collect() }
}

#[cfg(test)]
mod tests;
