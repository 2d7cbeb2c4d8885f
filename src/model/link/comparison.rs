//! Two to four scenarios in one link, side by side. Side A is written exactly as a link of
//! its own; sides B, C and D as the inputs where each differs from A, under `b.`, `c.` and
//! `d.` (`b.kwh=0.03`), each read and written against A as a single link is against the
//! defaults. The display keys belong to the link as a whole. A link without any `b.`, `c.`
//! or `d.` key (or `cmp=1`) is a single scenario and reads exactly as it always has.

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

/// `cmp=1` marks a comparison whose B has no key of its own (`c.cmp=1`, `d.cmp=1` mark C
/// and D alike): with no key of the side, nothing else says it is there.
const MARKER: &str = "cmp";

use crate::model::figure::Figure;

/// One side of a comparison, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    A,
    B,
    C,
    D,
}

impl Side {
    /// Every side a comparison may hold, in order: A and B always, C and D when given.
    pub const ALL: [Side; 4] = [Side::A, Side::B, Side::C, Side::D];

    /// `a` to `d`: the value of `data-scenario` and the side's key in the evaluator's JSON.
    pub fn name(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
            Side::C => "c",
            Side::D => "d",
        }
    }

    /// What the side's keys start with in a link (`b.`, `c.`, `d.`; none for A).
    pub fn prefix(self) -> &'static str {
        match self {
            Side::A => "",
            Side::B => B_PREFIX,
            Side::C => "c.",
            Side::D => "d.",
        }
    }

    /// The side's place in [`Side::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Two to four scenarios shown side by side. They share one view (language, theme, embed):
/// the display keys belong to the link, not to a side, so every side has A's view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    a: Scenario,
    b: Scenario,
    /// C and D, when the comparison holds them (at most two, in order).
    more: Vec<Scenario>,
}

impl Comparison {
    /// A against B, both shown with A's view.
    pub fn new(a: Scenario, mut b: Scenario) -> Self {
        b.view = a.view;
        Comparison { a, b, more: Vec::new() }
    }

    /// The scenario pinned as A, and B equal to it until edited.
    pub fn pinned(scenario: Scenario) -> Self {
        Comparison { b: scenario.clone(), a: scenario, more: Vec::new() }
    }

    pub fn a(&self) -> &Scenario {
        &self.a
    }

    pub fn b(&self) -> &Scenario {
        &self.b
    }

    /// The side, if the comparison holds it (A and B always do).
    pub fn side(&self, side: Side) -> Option<&Scenario> {
        match side {
            Side::A => Some(&self.a),
            Side::B => Some(&self.b),
            Side::C => self.more.first(),
            Side::D => self.more.get(1),
        }
    }

    /// Every side it holds, in order: A, B, then C and D when given.
    pub fn sides(&self) -> Vec<(Side, &Scenario)> {
        Side::ALL.into_iter().filter_map(|side| Some((side, self.side(side)?))).collect()
    }

    /// How many sides it holds: 2 to 4.
    pub fn len(&self) -> usize {
        2 + self.more.len()
    }

    /// Never: a comparison holds two sides at least (for clippy's `len` rule).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The side a new scenario would take (C, then D); `None` when it holds four.
    pub fn next_side(&self) -> Option<Side> {
        Side::ALL.get(self.len()).copied()
    }

    /// Adds a side after the last (C, then D) with the comparison's view; false, changing
    /// nothing, when it holds four already.
    pub fn push(&mut self, mut scenario: Scenario) -> bool {
        if self.next_side().is_none() {
            return false;
        }
        scenario.view = self.a.view;
        self.more.push(scenario);
        true
    }

    /// Takes out C or D: a later side moves up a place (D becomes C). A and B are the
    /// comparison itself: taking one out is stopping to compare ([`Comparison::into_side`]),
    /// so for them, or a side it does not hold, nothing changes and the answer is false.
    pub fn remove(&mut self, side: Side) -> bool {
        let at = match side {
            Side::C | Side::D => side.index() - 2,
            Side::A | Side::B => return false,
        };
        if at >= self.more.len() {
            return false;
        }
        self.more.remove(at);
        true
    }

    /// Replaces one side's inputs; the view stays the comparison's. A side it does not
    /// hold is left out.
    pub fn set_side(&mut self, side: Side, mut scenario: Scenario) {
        scenario.view = self.a.view;
        match side {
            Side::A => self.a = scenario,
            Side::B => self.b = scenario,
            Side::C | Side::D => {
                if let Some(held) = self.more.get_mut(side.index() - 2) {
                    *held = scenario;
                }
            }
        }
    }

    /// How every side is shown.
    pub fn view(&self) -> &View {
        &self.a.view
    }

    pub fn set_view(&mut self, view: View) {
        self.a.view = view;
        self.b.view = view;
        for side in &mut self.more {
            side.view = view;
        }
    }

    /// Stops comparing, keeping one side (with the comparison's view); A for a side it
    /// does not hold.
    pub fn into_side(self, side: Side) -> Scenario {
        match side {
            Side::A => self.a,
            Side::B => self.b,
            Side::C | Side::D => self.more.into_iter().nth(side.index() - 2).unwrap_or(self.a),
        }
    }

    /// The shortest link: A's own link, then each later side's inputs that differ from A's
    /// under its prefix (`b.`, then `c.`, then `d.`), in the same order; a side with none
    /// writes its marker in their place (`cmp=1` for B, `c.cmp=1`, `d.cmp=1`).
    pub fn to_query(&self) -> String {
        let mut out = to_query(&self.a);
        for (side, scenario) in self.sides().into_iter().skip(1) {
            let keys = differing(scenario, &self.a);
            if keys.is_empty() {
                let prefix = if side == Side::B { "" } else { side.prefix() };
                out.push_str(&format!("&{prefix}{MARKER}=1"));
            }
            for (key, value) in keys {
                out.push_str(&format!("&{}{key}={}", side.prefix(), percent_encode(&value)));
            }
        }
        out
    }

    /// One side's own single-scenario link (for `data-scenario-link`): reading it gives
    /// that side exactly, view included. `None` for a side it does not hold.
    pub fn side_query(&self, side: Side) -> Option<String> {
        self.side(side).map(to_query)
    }

    /// B's inputs that differ from A's, as the link writes them under `b.` (without it):
    /// `[("kwh", "0.03")]`; empty when the sides are equal.
    pub fn changes(&self) -> Vec<(&'static str, String)> {
        differing(&self.b, &self.a)
    }

    /// A side's inputs that differ from A's, as [`Comparison::changes`] gives B's; empty
    /// for A and for a side it does not hold.
    pub fn changes_of(&self, side: Side) -> Vec<(&'static str, String)> {
        self.side(side).map_or_else(Vec::new, |s| differing(s, &self.a))
    }
}

/// What a link holds: one scenario, or two to four to compare.
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

    /// Shows the link (every side of a comparison) with `view`.
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

/// Reads a link that may hold a comparison. Never fails. Without a `b.`, `c.` or `d.` key
/// or `cmp=1` it is a single scenario, read exactly as
/// [`crate::model::link::share_link::from_query`] reads it. Else the keys without a prefix
/// are read as A's link (display keys included), and each later side starts as a copy of A
/// and takes its own keys: a key that is refused leaves that side with A's value and is
/// named in the warnings with its prefix. Sides keep their order: a `c.` key without a `b.`
/// one gives a B equal to A, a `d.` key without a `c.` one a C equal to A.
pub fn from_link(input: &str) -> (Link, Vec<Warning>) {
    let mut a_pairs = Vec::new();
    let mut b_pairs = Vec::new();
    // C's and D's keys, and whether a side is there (any key but a refused `cmp`).
    let mut more: [(Vec<(String, String)>, bool); 2] = Default::default();
    let mut marker: Option<bool> = None;
    let mut link_warnings = Vec::new();
    for (key, value) in pairs(input) {
        if let Some(key) = key.strip_prefix(B_PREFIX) {
            b_pairs.push((key.to_string(), value));
        } else if let Some((at, side)) =
            [Side::C, Side::D].into_iter().enumerate().find(|(_, side)| key.starts_with(side.prefix()))
        {
            let own = key[side.prefix().len()..].to_string();
            more[at].1 |= own != MARKER || value == "1";
            more[at].0.push((own, value));
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
    let count = match more {
        [_, (_, true)] => 4,
        [(_, true), _] => 3,
        _ if !b_pairs.is_empty() || marker == Some(true) => 2,
        _ => 0,
    };
    if count == 0 {
        // A refused `c.cmp` or `d.cmp` is still named.
        for ((pairs, _), side) in more.into_iter().zip([Side::C, Side::D]) {
            read_side(&mut a.clone(), side, pairs, &mut warnings);
        }
        return (Link::Single(a), warnings);
    }
    let mut b = a.clone();
    read_side(&mut b, Side::B, b_pairs, &mut warnings);
    let mut comparison = Comparison { a, b, more: Vec::new() };
    for ((pairs, _), side) in more.into_iter().zip([Side::C, Side::D]) {
        let mut scenario = comparison.a.clone();
        read_side(&mut scenario, side, pairs, &mut warnings);
        if side.index() < count {
            comparison.more.push(scenario);
        }
    }
    (Link::Compare(comparison), warnings)
}

/// Whether a link may hold a comparison: it has a `b.`, `c.` or `d.` key or a `cmp`. A
/// link without one is a single scenario that [`from_link`] reads as
/// [`crate::model::link::share_link::from_query`] does; one with may still be single (a
/// refused `cmp`). For the first module, which shows a single scenario's answer at once
/// and leaves a comparison to the app, without the comparison reader's code.
pub fn may_compare(input: &str) -> bool {
    pairs(input).iter().any(|(key, _)| key == MARKER || ["b.", "c.", "d."].iter().any(|p| key.starts_with(p)))
}

/// Reads a side's keys (without their prefix) onto it, a copy of A. Under `c.` and `d.`,
/// `cmp=1` marks the side and any other value is refused; under `b.`, `cmp` is the whole
/// link's, as the display keys are.
fn read_side(scenario: &mut Scenario, side: Side, pairs: Vec<(String, String)>, warnings: &mut Vec<Warning>) {
    let prefix = side.prefix();
    let mut seen: Vec<String> = Vec::new();
    let mut given = Given::default();
    let mut computed_hashprice = false;
    for (key, value) in pairs {
        let named = format!("{prefix}{key}");
        if seen.contains(&key) {
            warnings.push(Warning::Repeated { key: named, value });
            continue;
        }
        seen.push(key.clone());
        match key.as_str() {
            MARKER if side != Side::B => {
                if value != "1" {
                    warnings.push(Warning::Invalid {
                        key: named,
                        value,
                        reason: Refusal::Cmp,
                        fallback: Fallback::NoCmp,
                    });
                }
            }
            "asic" => given.asic = Some(value),
            "gpu" => given.gpu = Some(value),
            "bt" | "btcap" => given.backtest.push((key, value)),
            "pp" | "pq" | "strike" => given.power.push((key, value)),
            "own" | "mix" | "aip" => given.site.push((key, value)),
            // `hp` has no default to write when A overrides the hashprice and the side does
            // not: `b.hp=` says B computes it.
            "hp" if value.trim().is_empty() => computed_hashprice = true,
            _ => match Key::from_name(&key) {
                Some(k) => given.numbers.push((k, value)),
                None if is_whole_link_key(&key) => warnings.push(Warning::Invalid {
                    reason: Refusal::WholeLink { key: key.clone(), prefix },
                    fallback: Fallback::LinkWide(key),
                    key: named,
                    value,
                }),
                None => warnings.push(Warning::UnknownKey { key: named }),
            },
        }
    }
    given.apply(scenario, prefix, warnings);
    if computed_hashprice {
        if let Err(error) = scenario.set(Key::Hp, None) {
            // Clearing `hp` cannot be refused; if it ever were, the side keeps A's override
            // and says so.
            warnings.push(Warning::Invalid {
                key: format!("{prefix}hp"),
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
