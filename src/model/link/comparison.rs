//! Two scenarios in one link, side by side. Side A is written exactly as a link of its own;
//! side B as the inputs where it differs from A, each under `b.` (`b.kwh=0.03`), read and
//! written against A as a single link is against the defaults. The display keys belong to
//! the link as a whole. A link without any `b.` key (or `cmp=1`) is a single scenario and
//! reads exactly as it always has.

use crate::model::error::ModelError;
use crate::model::fields::Key;
use crate::model::link::share_link::{
    differing, from_pairs, pairs, percent_encode, to_query, Fallback, Given, Refusal, Warning,
};
use crate::model::scenario::Scenario;
use crate::model::view::View;
use crate::model::{MetricId, Metrics};

/// What side B's keys start with: `b.kwh` is B's electricity price.
pub const B_PREFIX: &str = "b.";

/// `cmp=1` marks a comparison whose sides are equal: with no `b.` key, nothing else says so.
const MARKER: &str = "cmp";

use crate::model::figure::Figure;

/// One side of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    A,
    B,
}

impl Side {
    pub const ALL: [Side; 2] = [Side::A, Side::B];

    /// `a` or `b`: the value of `data-scenario` and the side's key in the evaluator's JSON.
    pub fn name(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }
}

/// Two scenarios shown side by side. They share one view (language, theme, embed): the
/// display keys belong to the link, not to a side, so B always has A's view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    a: Scenario,
    b: Scenario,
}

impl Comparison {
    /// A against B, both shown with A's view.
    pub fn new(a: Scenario, mut b: Scenario) -> Self {
        b.view = a.view;
        Comparison { a, b }
    }

    /// The scenario pinned as A, and B equal to it until edited.
    pub fn pinned(scenario: Scenario) -> Self {
        Comparison { b: scenario.clone(), a: scenario }
    }

    pub fn a(&self) -> &Scenario {
        &self.a
    }

    pub fn b(&self) -> &Scenario {
        &self.b
    }

    pub fn side(&self, side: Side) -> &Scenario {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }

    /// Replaces one side's inputs; the view stays the comparison's.
    pub fn set_side(&mut self, side: Side, mut scenario: Scenario) {
        scenario.view = self.a.view;
        match side {
            Side::A => self.a = scenario,
            Side::B => self.b = scenario,
        }
    }

    /// How both sides are shown.
    pub fn view(&self) -> &View {
        &self.a.view
    }

    pub fn set_view(&mut self, view: View) {
        self.a.view = view;
        self.b.view = view;
    }

    /// Stops comparing, keeping one side (with the comparison's view).
    pub fn into_side(self, side: Side) -> Scenario {
        match side {
            Side::A => self.a,
            Side::B => self.b,
        }
    }

    /// The shortest link: A's own link, then B's inputs that differ from A's under `b.`, in
    /// the same order; `cmp=1` in their place when there are none.
    pub fn to_query(&self) -> String {
        let mut out = to_query(&self.a);
        let b_keys = differing(&self.b, &self.a);
        if b_keys.is_empty() {
            out.push_str(&format!("&{MARKER}=1"));
        }
        for (key, value) in b_keys {
            out.push_str(&format!("&{B_PREFIX}{key}={}", percent_encode(&value)));
        }
        out
    }

    /// One side's own single-scenario link (for `data-scenario-link`): reading it gives
    /// that side exactly, view included.
    pub fn side_query(&self, side: Side) -> String {
        to_query(self.side(side))
    }

    /// B's inputs that differ from A's, as the link writes them under `b.` (without it):
    /// `[("kwh", "0.03")]`; empty when the sides are equal.
    pub fn changes(&self) -> Vec<(&'static str, String)> {
        differing(&self.b, &self.a)
    }
}

/// What a link holds: one scenario, or two to compare.
// A link is read once and held once: a box would only add a step to every match.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    Single(Scenario),
    Compare(Comparison),
}

impl Link {
    /// The shortest link for it: a single scenario's as [`to_query`] writes it.
    pub fn to_query(&self) -> String {
        match self {
            Link::Single(scenario) => to_query(scenario),
            Link::Compare(comparison) => comparison.to_query(),
        }
    }

    pub fn view(&self) -> &View {
        match self {
            Link::Single(scenario) => &scenario.view,
            Link::Compare(comparison) => comparison.view(),
        }
    }

    /// Shows the link (both sides of a comparison) with `view`.
    pub fn set_view(&mut self, view: View) {
        match self {
            Link::Single(scenario) => scenario.view = view,
            Link::Compare(comparison) => comparison.set_view(view),
        }
    }

    /// The same link for the full page: without the embed's display keys.
    pub fn without_embed(&self) -> Link {
        let mut full = self.clone();
        let mut view = *self.view();
        (view.embed, view.show, view.edit) = (false, None, true);
        full.set_view(view);
        full
    }
}

/// Reads a link that may hold a comparison. Never fails. Without a `b.` key or `cmp=1` it
/// is a single scenario, read exactly as [`crate::model::link::share_link::from_query`] reads it. Else
/// the keys without `b.` are read as A's link (display keys included), and B starts as a
/// copy of A and takes each `b.` key: a `b.` key that is refused leaves B with A's value
/// and is named in the warnings with its `b.`.
pub fn from_link(input: &str) -> (Link, Vec<Warning>) {
    let mut a_pairs = Vec::new();
    let mut b_pairs = Vec::new();
    let mut marker: Option<bool> = None;
    let mut link_warnings = Vec::new();
    for (key, value) in pairs(input) {
        if let Some(key) = key.strip_prefix(B_PREFIX) {
            b_pairs.push((key.to_string(), value));
        } else if key == MARKER {
            if marker.is_some() {
                link_warnings.push(Warning::Repeated { key, value });
            } else {
                marker = Some(value == "1");
                if value != "1" {
                    link_warnings.push(Warning::Invalid {
                        key,
                        value,
                        reason: Refusal::Cmp,
                        fallback: Fallback::NoCmp,
                    });
                }
            }
        } else {
            a_pairs.push((key, value));
        }
    }
    let (a, mut warnings) = from_pairs(a_pairs);
    warnings.extend(link_warnings);
    if b_pairs.is_empty() && marker != Some(true) {
        return (Link::Single(a), warnings);
    }
    let mut b = a.clone();
    read_b(&mut b, b_pairs, &mut warnings);
    (Link::Compare(Comparison { a, b }), warnings)
}

/// Reads B's keys (without their `b.`) onto B, a copy of A.
fn read_b(b: &mut Scenario, pairs: Vec<(String, String)>, warnings: &mut Vec<Warning>) {
    let mut seen: Vec<String> = Vec::new();
    let mut given = Given::default();
    let mut computed_hashprice = false;
    for (key, value) in pairs {
        let named = format!("{B_PREFIX}{key}");
        if seen.contains(&key) {
            warnings.push(Warning::Repeated { key: named, value });
            continue;
        }
        seen.push(key.clone());
        match key.as_str() {
            "asic" => given.asic = Some(value),
            "gpu" => given.gpu = Some(value),
            "bt" | "btcap" => given.backtest.push((key, value)),
            "own" | "mix" | "aip" => given.site.push((key, value)),
            // `hp` has no default to write when A overrides the hashprice and B does not:
            // `b.hp=` says B computes it.
            "hp" if value.trim().is_empty() => computed_hashprice = true,
            _ => match Key::from_name(&key) {
                Some(k) => given.numbers.push((k, value)),
                None if is_whole_link_key(&key) => warnings.push(Warning::Invalid {
                    reason: Refusal::WholeLink(key.clone()),
                    fallback: Fallback::LinkWide(key),
                    key: named,
                    value,
                }),
                None => warnings.push(Warning::UnknownKey { key: named }),
            },
        }
    }
    given.apply(b, B_PREFIX, warnings);
    if computed_hashprice {
        if let Err(error) = b.set(Key::Hp, None) {
            // Clearing `hp` cannot be refused; if it ever were, B keeps A's override and says so.
            warnings.push(Warning::Invalid {
                key: format!("{B_PREFIX}hp"),
                value: String::new(),
                reason: Refusal::Field(Key::Hp, error),
                fallback: Fallback::AsHashprice,
            });
        }
    }
}

/// A key that is no input but that a single link reads (`v` and the display keys), or the
/// comparison marker. Asking the single-link reader keeps this true as display keys are added.
fn is_whole_link_key(key: &str) -> bool {
    let (_, warnings) = from_pairs(vec![(key.to_string(), String::new())]);
    key == MARKER || !warnings.iter().any(|w| matches!(w, Warning::UnknownKey { .. }))
}

/// Whether a higher or a lower figure is the better one for the person running the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Higher,
    Lower,
}

/// The better direction of a metric, or `None` where neither is better (the network's
/// hashrate, the target itself, the ratios against mining, and any metric not yet given a
/// direction here).
pub fn direction(id: MetricId) -> Option<Direction> {
    use Direction::{Higher, Lower};
    use MetricId::*;
    match id {
        // Earnings, margins, and how much a price can rise before the margin is gone.
        HashpriceBtcPerPhDay
        | HashpriceUsdPerPhDay
        | MiningRevenueUsdPerKwh
        | MiningMarginUsdPerKwh
        | BreakevenPowerPriceUsdPerKwh
        | TargetMaxPowerPriceUsdPerKwh
        | ColoRevenueUsdPerKwh
        | ColoMarginUsdPerKwh
        | GpuRevenueUsdPerKwh
        | GpuMarginUsdPerKwh
        | MiningMarginUsdPerMwYear
        | ColoMarginUsdPerMwYear
        | GpuMarginUsdPerMwYear
        // Over time: what each path earns over its life, its value and its return.
        | MiningLifetimeCashUsdPerMw
        | ColoLifetimeCashUsdPerMw
        | GpuLifetimeCashUsdPerMw
        | MiningNpvUsdPerMw
        | ColoNpvUsdPerMw
        | GpuNpvUsdPerMw
        | MiningIrrPct
        | ColoIrrPct
        | GpuIrrPct
        | MiningAllinMarginUsdPerKwh
        | ColoAllinMarginUsdPerKwh
        | GpuAllinMarginUsdPerKwh
        | MiningSiteMarginUsdPerYear
        | ColoSiteMarginUsdPerYear
        | GpuSiteMarginUsdPerYear
        | MiningSiteNpvUsd
        | ColoSiteNpvUsd
        | GpuSiteNpvUsd
        | MiningSiteLifetimeCashUsd
        | ColoSiteLifetimeCashUsd
        | GpuSiteLifetimeCashUsd
        | PlanSiteMarginUsdPerYear
        | PlanSiteNpvUsd
        | PlanSiteLifetimeCashUsd => Some(Higher),
        // A higher required J/TH is a target that older machines can still reach.
        TargetRequiredEfficiencyJPerTh => Some(Higher),
        // Costs, energy per hash and per coin, capital and time to get it back.
        AsicEfficiencyJPerTh
        | MiningCashCostUsdPerKwh
        | EnergyKwhPerBtc
        | EnergyCostPerBtcUsd
        | CashCostPerBtcUsd
        | AllinCostPerBtcUsd
        | MiningCapexUsdPerMw
        | ColoCapexUsdPerMw
        | GpuCapexUsdPerMw
        | MiningPaybackYears
        | ColoPaybackYears
        | GpuPaybackYears
        | MiningPaybackMonths
        | ColoPaybackMonths
        | GpuPaybackMonths
        | MiningSiteCapexUsd
        | ColoSiteCapexUsd
        | GpuSiteCapexUsd
        | PlanSiteCapexUsd => Some(Lower),
        // A ratio against mining rises as mining does worse as much as when the AI path
        // does better: neither side is better for it.
        ColoVsMiningRevenueMultiple | GpuVsMiningRevenueMultiple => None,
        // The network's hashrate, the target (an input), and metrics added later until
        // they are given a direction here.
        _ => None,
    }
}

/// B − A, where both figures exist. Exact unless the result needs more than 28 digits;
/// two different figures never give zero.
pub fn difference(a: Figure, b: Figure) -> Figure {
    let (a, b) = (a?, b?);
    let d = b.checked_sub(a).ok_or(ModelError::Overflow)?;
    if d.is_zero() && a != b {
        return Err(ModelError::Underflow);
    }
    Ok(d.normalize())
}

/// B − A for every metric, in the metrics' order.
pub fn differences(a: &Metrics, b: &Metrics) -> Vec<(MetricId, Figure)> {
    a.iter().map(|(id, figure)| (id, difference(figure, b.get(id)))).collect()
}

/// The side whose figure is better, for a metric with a direction; `None` when the figures
/// are equal, a figure is missing, or the metric has no better direction. A payback that
/// is reached beats one that never is.
pub fn better_side(id: MetricId, a: Figure, b: Figure) -> Option<Side> {
    let direction = direction(id)?;
    match (a, b) {
        (Ok(a), Ok(b)) if a == b => None,
        (Ok(a), Ok(b)) => {
            let b_higher = b > a;
            Some(if b_higher == (direction == Direction::Higher) { Side::B } else { Side::A })
        }
        // A payback reached beats one never reached (today's figures, or over the life).
        (Ok(_), Err(ModelError::MarginNotPositive | ModelError::NeverPaysBack)) if direction == Direction::Lower => {
            Some(Side::A)
        }
        (Err(ModelError::MarginNotPositive | ModelError::NeverPaysBack), Ok(_)) if direction == Direction::Lower => {
            Some(Side::B)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
