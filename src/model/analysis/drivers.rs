//! What moves the answer: mining's all-in margin per kWh, and the better AI path's, when each
//! input moves across its plausible range, the inputs that move them most first (the
//! tornado chart).
//!
//! Each input has its own range ([`range`], one table over every key: the compiler checks
//! that none is left out). A range that leaves the input's valid range stops at an
//! inclusive bound and is dropped at an exclusive one. The AI path of every row is the one
//! that is better at the scenario itself, so that a bar never switches path between its
//! ends. Only inputs that move an all-in margin show a row: the target, the outlook and the
//! site size move none today (they have ranges for the figures over time); `hp` only when
//! it is given. Beside the numeric inputs, mining's strike is a row when a price profile
//! is on (with a flat price it caps nothing): ±1 ¢ around the strike in force, break-even
//! at `auto`.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::analysis::decision_map::best_ai;
use crate::model::error::ModelError;
use crate::model::fields::{Bound, Key};
use crate::model::power::{STRIKE_MAX, STRIKE_MIN};
use crate::model::scenario::Scenario;
use crate::model::{evaluate_static, InvalidKeys, MetricId, Metrics, Path};

use crate::model::figure::Figure;

/// How far an input plausibly moves: what a reader could see within a year or between
/// sources, not a fixed share for all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// ± this share of the value (of its default when the value is 0, so that free power
    /// still moves).
    Share(Decimal),
    /// ± this amount, in the key's link unit (points of a percentage, PUE, months).
    Amount(Decimal),
    /// ± this many years, never below half the life.
    Years(Decimal),
    /// Down to half (the next halving), never up: the subsidy is set by the protocol.
    Halving,
}

/// Each input's plausible range, and why. One arm per key and no catch-all, so that a new
/// input cannot be added without choosing its range.
pub fn range(key: Key) -> Range {
    use Range::{Amount, Halving, Share, Years};
    match key {
        // Bitcoin has moved 40 % within a quarter several times a year (2022–2025).
        Key::Btc => Share(dec!(0.4)),
        // About a year of the default growth of 2 % a month.
        Key::Diff => Share(dec!(0.25)),
        Key::Sub => Halving,
        // Fees per block halve or double within weeks.
        Key::Fee => Share(dec!(0.5)),
        // A given hashprice moves with bitcoin.
        Key::Hp => Share(dec!(0.4)),
        // A machine's measured hashrate and power against its nameplate, firmware tuning.
        Key::Th | Key::W => Share(dec!(0.05)),
        // Industrial power contracts from about 0.035 to 0.065 USD/kWh around 0.05.
        Key::Kwh => Share(dec!(0.3)),
        // Small and loosely known: maintenance, staff, insurance.
        Key::Opx => Share(dec!(0.5)),
        // Curtailment and outages: 5 points of the hours.
        Key::Up => Amount(dec!(5)),
        // Pools charge from 0 to about 4 %.
        Key::Pool => Amount(dec!(1)),
        // Air-cooled to immersion sites, hot to cold climates.
        Key::Pue | Key::Gpue => Amount(dec!(0.1)),
        // ASIC prices per TH follow the hashprice.
        Key::Capex => Share(dec!(0.3)),
        // Building costs per MW vary by site and country.
        Key::Site => Share(dec!(0.3)),
        // Whether the machines, the GPUs or the hall last a year less or more.
        Key::Life | Key::Glife | Key::Clife => Years(dec!(1)),
        // Colocation leases quoted from about 110 to 170 USD per kW-month.
        Key::Colo => Share(dec!(0.2)),
        // GPU-hour prices fell by half within 2024–2025.
        Key::Gph => Share(dec!(0.3)),
        // Hours sold: 15 points either side.
        Key::Util => Amount(dec!(15)),
        // Server power per GPU by configuration.
        Key::Gkw => Share(dec!(0.1)),
        // GPU server prices by vendor and volume.
        Key::Gcap => Share(dec!(0.2)),
        // Other GPU-cloud costs, in points of revenue.
        Key::Gopx => Amount(dec!(5)),
        // Data-hall fit-out per MW.
        Key::Gfit => Share(dec!(0.2)),
        // The outlook: none moves today's all-in margins, so none shows a row; the ranges
        // are those of the figures over time.
        Key::Dg => Amount(dec!(1)),
        Key::Pg => Amount(dec!(20)),
        Key::Gd => Amount(dec!(10)),
        Key::Ce => Amount(dec!(1)),
        Key::Dr => Amount(dec!(3)),
        Key::Conv => Amount(dec!(3)),
        Key::Mo => Amount(dec!(24)),
        // The block height at the start is known; a year of blocks either side.
        Key::Blk => Amount(dec!(52560)),
        // The target and the site size scale or compare, they move no margin per kWh.
        Key::Tgt => Share(dec!(0.2)),
        Key::Mw => Share(dec!(0.5)),
        // Demand-response programmes pay from nothing to about 40 USD per kW-year
        // (ERCOT's ERS and capacity programmes elsewhere).
        Key::Drc => Amount(dec!(20)),
        // A firm-supply premium of about a cent per kWh either way.
        Key::Firm => Amount(dec!(0.01)),
        // An owned fleet's years left (the all-in margin spreads nothing over them) and the
        // plan's AI share move no all-in margin per kWh either.
        Key::Rlife => Years(dec!(1)),
        Key::Ai => Amount(dec!(20)),
    }
}

/// How far the strike moves either side of the strike in force: a cent per kWh (10 USD/MWh).
/// A profile's hours crowd within a few cents of its average, so a cent moves several
/// percent of them; a strike a cent below break-even is the kind a demand-response
/// commitment sets, and above break-even it caps nothing (mining never runs at a loss).
pub const STRIKE_STEP: Decimal = dec!(0.01);

/// What a tornado row moves: a numeric input, or mining's strike (held beside the inputs,
/// `auto` or a number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    Strike,
}

impl Input {
    /// The key a link writes it under (`data-key` on the chart).
    pub fn name(self) -> &'static str {
        match self {
            Input::Key(key) => key.field().name,
            Input::Strike => "strike",
        }
    }
}

/// The inputs the tornado tries: every key, in the key table's order (the order of equal
/// impacts). Those that move no all-in margin are left out by [`drivers`] itself.
pub const DRIVER_KEYS: [Key; Key::ALL.len()] = Key::ALL;

/// The figures at one setting of the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// `mining_allin_margin_usd_per_kwh`.
    pub mining: Figure,
    /// The better AI path and its all-in margin per kWh.
    pub ai: Result<(Path, Decimal), ModelError>,
}

impl Outcome {
    /// The scenario's own outcome: mining and the better AI path.
    fn of(metrics: &Metrics) -> Outcome {
        Outcome { mining: metrics.get(MetricId::MiningAllinMarginUsdPerKwh), ai: best_ai(metrics) }
    }

    /// An end's outcome: mining and the AI path `ai` (the scenario's better one), whichever
    /// AI path is better there.
    fn with_path(metrics: &Metrics, ai: Result<Path, ModelError>) -> Outcome {
        let ai = ai.and_then(|p| Ok((p, metrics.get(p.allin_margin())?)));
        Outcome { mining: metrics.get(MetricId::MiningAllinMarginUsdPerKwh), ai }
    }

    /// The winning path and its margin: mining when it earns at least as much as the AI
    /// path (the decision map's tie rule).
    pub fn winner(&self) -> Result<(Path, Decimal), ModelError> {
        let mining = self.mining?;
        let (path, ai) = self.ai?;
        Ok(if mining >= ai { (Path::Mining, mining) } else { (path, ai) })
    }

    /// The AI path's all-in margin alone.
    pub fn ai_margin(&self) -> Figure {
        self.ai.map(|(_, m)| m)
    }
}

/// One end of an input's range: the value and what the model says there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct End {
    /// The input's value, in its link unit.
    pub value: Decimal,
    pub outcome: Outcome,
}

/// One input's row of the tornado.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Driver {
    pub input: Input,
    /// The input at the low end of its range; `None` when that leaves the valid range at
    /// an exclusive bound, or the value cannot be written.
    pub low: Option<End>,
    /// The input at the high end of its range.
    pub high: Option<End>,
}

impl Driver {
    /// How far this input moves the answer: the larger of the swings of mining's margin
    /// and the AI path's, between the ends (or an end and the base when one is
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

/// The two ends of `key`'s range around its value in `scenario`, before they are checked
/// against the valid range; `None` when the key has no value (an unset `hp`).
pub fn range_ends(scenario: &Scenario, key: Key) -> Option<(Decimal, Decimal)> {
    let value = scenario.get(key)?;
    match range(key) {
        Range::Share(share) => {
            let of = if value.is_zero() { scenario.default_of(key)? } else { value };
            let step = of.checked_mul(share)?;
            Some((value.checked_sub(step)?, value.checked_add(step)?))
        }
        Range::Amount(step) => Some((value.checked_sub(step)?, value.checked_add(step)?)),
        Range::Years(step) => {
            let half = value.checked_div(dec!(2))?;
            Some((value.checked_sub(step)?.max(half), value.checked_add(step)?))
        }
        Range::Halving => Some((value.checked_div(dec!(2))?, value)),
    }
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

/// The scenario with `key` at `value`, evaluated for mining and the AI path `ai`; `None`
/// if the value cannot be set (a subsidy and fee of zero together) or is the scenario's
/// own (a range that does not reach that side, as the subsidy's upward).
fn end(
    scenario: &Scenario,
    invalid: InvalidKeys,
    key: Key,
    value: Decimal,
    ai: Result<Path, ModelError>,
) -> Option<End> {
    if scenario.get(key) == Some(value) {
        return None;
    }
    let mut moved = scenario.clone();
    moved.set(key, Some(value)).ok()?;
    Some(End { value, outcome: Outcome::with_path(&evaluate_static(&moved, invalid), ai) })
}

/// The strike in force and the row that moves it, with a price profile on: `None` with a
/// flat price, or when break-even (the strike at `auto`) cannot be computed. Each end
/// stops at the strike's valid range.
fn strike_row(
    scenario: &Scenario,
    metrics: &Metrics,
    invalid: InvalidKeys,
    ai: Result<Path, ModelError>,
) -> Option<Driver> {
    if scenario.profile().is_flat() {
        return None;
    }
    let value = match scenario.strike() {
        Some(strike) => strike,
        None => metrics.get(MetricId::BreakevenPowerPriceUsdPerKwh).ok()?,
    };
    let at = |v: Option<Decimal>| {
        let v = v?.clamp(STRIKE_MIN, STRIKE_MAX).normalize();
        if scenario.strike() == Some(v) {
            return None;
        }
        let mut moved = scenario.clone();
        moved.set_strike(Some(v)).ok()?;
        Some(End { value: v, outcome: Outcome::with_path(&evaluate_static(&moved, invalid), ai) })
    };
    Some(Driver {
        input: Input::Strike,
        low: at(value.checked_sub(STRIKE_STEP)),
        high: at(value.checked_add(STRIKE_STEP)),
    })
}

/// Every input's range and outcome, the largest impact first (equal impacts in the key
/// table's order, the strike last); inputs that move nothing, and those being edited, are
/// left out.
pub fn drivers(scenario: &Scenario, invalid: InvalidKeys) -> Drivers {
    let metrics = evaluate_static(scenario, invalid);
    let base = Outcome::of(&metrics);
    let ai = base.ai.map(|(p, _)| p);
    let rows = DRIVER_KEYS.into_iter().filter(|key| !invalid.contains(*key)).filter_map(|key| {
        let (low, high) = range_ends(scenario, key)?;
        let at = |v: Decimal| into_range(key, v).and_then(|v| end(scenario, invalid, key, v, ai));
        Some(Driver { input: Input::Key(key), low: at(low), high: at(high) })
    });
    let mut rows: Vec<(Decimal, Driver)> = rows
        .chain(strike_row(scenario, &metrics, invalid, ai))
        .filter_map(|row| {
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
