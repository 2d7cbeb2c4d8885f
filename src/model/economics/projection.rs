//! Margins per kWh and cumulative cash month by month, as the network, prices and leases
//! drift.
//!
//! Each month is the scenario with five inputs moved, evaluated by the same model:
//! difficulty `diff · (1 + dg/100)^m` (compounding monthly); bitcoin price and GPU rental
//! price compounding yearly at `pg` and `gd` (spread evenly over the months: the monthly
//! factor is the twelfth root of the yearly one); the colocation lease stepping up by `ce`
//! at each full year; and the subsidy halving whenever the block height, `blk` plus 4,380
//! blocks a month (144 a day, 730 hours a month), passes a multiple of 210,000.
//!
//! Each path is then judged over its own life (SPEC.md, "Time"): its earning months, the
//! cash of each from the margin of the month before, and the cumulative cash from the
//! outlay on. The projection runs as far as the longest life needs, whatever the charts'
//! horizon `mo`.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::economics::capex::capexes;
use crate::model::economics::cashflow::{twelfth_root, CashFlows};
use crate::model::economics::fleet::{revenue_ratio, FleetModel};
use crate::model::economics::inputs::{Inputs, InvalidKeys};
use crate::model::economics::margins::{Fixed, Moving};
use crate::model::economics::path::Path;
use crate::model::economics::profile::MonthlyMining;
use crate::model::error::{ModelError, Quantity as Q};
use crate::model::fields::Key;
use crate::model::figure::{add, div, div_by_constant, mul, Figure, HUNDRED, TWO};
use crate::model::scenario::Scenario;
use crate::model::units::{BlockHeight, Months, Years};

/// Blocks mined in a month of 730 hours at six an hour.
const BLOCKS_PER_MONTH: u64 = 4380;
const HALVING_INTERVAL: u64 = 210_000;
/// No life is judged beyond 20 years, and no chart runs further.
pub const MAX_MONTHS: u32 = 240;
/// kWh per MW in a month of 730 hours.
const KWH_PER_MW_MONTH: Decimal = dec!(730000);

/// One month of the projection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectionPoint {
    /// Months from now, 0 being the scenario itself.
    pub month: u32,
    /// Mining margin per kWh (`mining_margin_usd_per_kwh`) that month.
    pub mining: Figure,
    /// Colocation margin per kWh that month.
    pub colo: Figure,
    /// GPU cloud margin per kWh that month.
    pub gpu: Figure,
    /// Mining's cumulative cash per MW at the end of the month (`mining_cum_usd_per_mw`).
    pub mining_cum: Figure,
    /// Colocation's cumulative cash per MW.
    pub colo_cum: Figure,
    /// The GPU cloud's cumulative cash per MW.
    pub gpu_cum: Figure,
}

impl ProjectionPoint {
    /// The path's margin per kWh that month.
    pub fn margin(&self, path: Path) -> Figure {
        match path {
            Path::Mining => self.mining,
            Path::Colo => self.colo,
            Path::Gpu => self.gpu,
        }
    }

    /// The path's cumulative cash per MW at the end of the month.
    pub fn cum(&self, path: Path) -> Figure {
        match path {
            Path::Mining => self.mining_cum,
            Path::Colo => self.colo_cum,
            Path::Gpu => self.gpu_cum,
        }
    }
}

/// When a path earns: after its idle months (the conversion for AI), until its life ends.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Life {
    idle: Result<u32, ModelError>,
    end: Result<u32, ModelError>,
    flows: Result<CashFlows, ModelError>,
}

/// The months of a scenario and each path's life.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    points: Vec<ProjectionPoint>,
    horizon: Result<u32, ModelError>,
    shown: usize,
    lives: [Life; 3],
    /// Each model of the fleet and the month it first stands idle ([`ModelIdle`]).
    models: Vec<ModelIdle>,
}

/// One model of the fleet over time: the first month `m` (1 …) whose margin at point
/// `m − 1` is below zero, so that it earns nothing that month (the least efficient first);
/// `Ok(None)` when it runs through every month computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelIdle {
    pub model: FleetModel,
    pub idle_from: Result<Option<u32>, ModelError>,
}

impl Projection {
    /// No month computed: every figure over time is [`ModelError::NotProjected`]. What the
    /// page holds until its time model, loaded after the first screen, is there.
    pub fn not_projected() -> Projection {
        let life = || Life {
            idle: Err(ModelError::NotProjected),
            end: Err(ModelError::NotProjected),
            flows: Err(ModelError::NotProjected),
        };
        Projection {
            points: Vec::new(),
            horizon: Err(ModelError::NotProjected),
            shown: 0,
            lives: [life(), life(), life()],
            models: Vec::new(),
        }
    }

    /// Each model of the fleet and when it first stands idle.
    pub fn models(&self) -> &[ModelIdle] {
        &self.models
    }

    /// Every month computed: 0 to the horizon or the end of the longest life, whichever
    /// is later.
    pub fn points(&self) -> &[ProjectionPoint] {
        &self.points
    }

    /// Months 0 to the horizon `mo`: what the charts and the evaluator show. While `mo` is
    /// being edited and invalid, its last valid value.
    pub fn shown(&self) -> &[ProjectionPoint] {
        self.points.get(..self.shown).unwrap_or(&self.points)
    }

    /// The horizon `mo`, or why it is not known.
    pub fn horizon(&self) -> Result<u32, ModelError> {
        self.horizon
    }

    fn life(&self, path: Path) -> &Life {
        match path {
            Path::Mining => &self.lives[0],
            Path::Colo => &self.lives[1],
            Path::Gpu => &self.lives[2],
        }
    }

    /// Months at the start without revenue: `conv` for the AI paths, 0 for mining.
    pub fn idle_months(&self, path: Path) -> Result<u32, ModelError> {
        self.life(path).idle
    }

    /// The last month of the path's life, `L_p` (at most 240).
    pub fn life_end(&self, path: Path) -> Result<u32, ModelError> {
        self.life(path).end
    }

    /// The path's capex and monthly cash flows over its life.
    pub fn cash_flows(&self, path: Path) -> Result<&CashFlows, ModelError> {
        self.life(path).flows.as_ref().map_err(|e| *e)
    }
}

/// The projection of a valid scenario.
pub fn project(scenario: &Scenario) -> Projection {
    project_with_invalid(scenario, InvalidKeys::default())
}

/// The projection, treating the keys in `invalid` as unknown: each figure that needs one
/// of them is [`ModelError::InvalidInput`], the others keep their values.
pub fn project_with_invalid(scenario: &Scenario, invalid: InvalidKeys) -> Projection {
    let i = Inputs::new(scenario, invalid);
    // As the metrics give them: normalized.
    let capex = capexes(&i, i.eff()).map(|c| c.map(|c| c.normalize()));
    project_inputs(&i, capex)
}

/// The months `1 ..= horizon` in which the subsidy halves: the block height, `blk` plus
/// 4,380 blocks a month, passes a multiple of 210,000. For a chart's markers.
pub fn halving_months(scenario: &Scenario, horizon: u32) -> Vec<u32> {
    let Some(start) = scenario.get(Key::Blk).and_then(|b| b.to_u64()) else {
        return Vec::new();
    };
    let era = |month: u32| start.saturating_add(BLOCKS_PER_MONTH.saturating_mul(u64::from(month))) / HALVING_INTERVAL;
    (1..=horizon).filter(|&m| era(m) > era(m - 1)).collect()
}

/// `sub` halved once for each multiple of 210,000 passed between the start and `month`.
fn halved(sub: Figure, start: Result<u64, ModelError>, month: u32) -> Figure {
    let start = start?;
    let height = start + BLOCKS_PER_MONTH * u64::from(month);
    let halvings = height / HALVING_INTERVAL - start / HALVING_INTERVAL;
    (0..halvings).try_fold(sub?, |s, _| div_by_constant(s, TWO))
}

/// The end of a life of `years` after `idle` months: `idle + floor(12 · years)`, at most 240.
fn life_end(idle: Result<u32, ModelError>, years: Result<Years, ModelError>) -> Result<u32, ModelError> {
    Ok(idle?.saturating_add(years?.whole_months(MAX_MONTHS)?).min(MAX_MONTHS))
}

/// The projection, with each path's capex per MW given (they come with the static figures).
pub(crate) fn project_inputs(i: &Inputs, capex: [Figure; 3]) -> Projection {
    let idle = Path::ALL.map(|p| i.idle_of(p));
    let ends = Path::ALL.map(|p| life_end(i.idle_of(p), i.life_of(p)));
    // How far to run is not a figure: a key being edited keeps its last valid value here,
    // and the figures that need it say so instead.
    let s = i.scenario();
    let last_valid = Inputs::new(s, InvalidKeys::default());
    let lives = Path::ALL.map(|p| life_end(last_valid.idle_of(p), last_valid.life_of(p)));
    let months = lives.iter().chain([&s.mo().count()]).filter_map(|n| n.as_ref().ok()).fold(0, |a, b| a.max(*b));
    let months = months.min(MAX_MONTHS);
    let horizon = i.mo().and_then(Months::count);
    let shown = s.mo().count().map_or(0, |mo| mo.min(months)) as usize + 1;

    let fixed = Fixed::new(i);
    let start = fixed.margins(&Moving::now(i));
    let hashprice_given = fixed.hashprice_given();
    // Mining revenue per kWh is proportional to bitcoin price over difficulty (and to the
    // reward per block): each month it moves by the price's monthly step over the
    // difficulty's, one multiplication rather than the whole chain of the static figures.
    let mining_step = i.pg().and_then(|g| div(twelfth_root(g.factor()?)?, i.dg()?.factor()?, Q::DifficultyStep));
    let gph_step = i.gd().and_then(|g| twelfth_root(g.factor()?));
    let colo_step = i.ce().and_then(|g| g.factor());
    let start_height = i.blk().and_then(BlockHeight::height);
    let start_sub = i.sub().map(|s| s.get());
    // kWh per MW a month: mining runs `up` % of the hours (`up` then `/100`, so a tiny
    // uptime is not rounded to zero first).
    let mining_hours = i.up().and_then(|up| div_by_constant(mul(KWH_PER_MW_MONTH, up.get())?, HUNDRED));
    // Mining's cash a month, with the price profile's buckets decided anew each month
    // (economics/profile.rs); flat, `max(0, margin) · hours` as before.
    let mining = MonthlyMining::new(i, &fixed, mining_hours);
    let hours = [mining_hours, Ok(KWH_PER_MW_MONTH), Ok(KWH_PER_MW_MONTH)];

    // Each model's revenue per kWh is the blend's times `blend / eff_i` (SPEC.md, "Site"),
    // and each model decides on its own whether (flat) or in which buckets (a profile) it
    // runs: mining's cash is `Σ s_i · cash_i` (SPEC.md, "Power by the hour", with `mix`).
    let fleet = i.fleet();
    let ratios: Vec<Figure> = fleet.iter().map(|m| revenue_ratio(fixed.eff, m)).collect();
    let model_revenues =
        |revenue: Figure| -> Vec<Figure> { ratios.iter().map(|r| revenue.and_then(|v| mul(v, (*r)?))).collect() };
    let mut idle_from: Vec<Result<Option<u32>, ModelError>> = vec![Ok(None); fleet.len()];

    let (mut revenue, mut lease, mut gpu_revenue) = (start.revenue, start.colo_lease, start.gpu_revenue);
    let mut per_model = model_revenues(start.revenue);
    let mut reward = fixed.reward(start_sub);
    let mut cum: [Figure; 3] = capex.map(|c| c.map(|c| -c));
    let mut flows: [Vec<Figure>; 3] = Default::default();
    let mut margins: [Figure; 3] = start.of();
    margins[0] = mining.margin(start.revenue);
    let mut points = Vec::with_capacity(months as usize + 1);
    for month in 0..=months {
        if month > 0 {
            // The cash of this month comes from the margins of the month before.
            for (stop, revenue) in idle_from.iter_mut().zip(&per_model) {
                if let Ok(None) = stop {
                    *stop = mining.idles(*revenue).map(|idle| idle.then_some(month));
                }
            }
            for p in 0..3 {
                let cash = match p {
                    0 => mining_cash(month, idle[p], ends[p], &mining, &fleet, &per_model),
                    _ => cash_of_month(month, idle[p], ends[p], margins[p], hours[p]),
                };
                if ends[p].as_ref().is_ok_and(|end| month <= *end) {
                    flows[p].push(cash);
                }
                cum[p] = cum[p].and_then(|c| add(c, cash?));
            }
            revenue = match hashprice_given {
                Ok(true) => revenue,
                Ok(false) => {
                    let reward_now = fixed.reward(halved(start_sub, start_height, month));
                    let moved = next_revenue(revenue, mining_step, reward, reward_now);
                    reward = reward_now;
                    moved
                }
                Err(e) => Err(e),
            };
            gpu_revenue = gpu_revenue.and_then(|g| mul(g, gph_step?));
            if month % 12 == 0 {
                lease = lease.and_then(|l| mul(l, colo_step?));
            }
            margins = [mining.margin(revenue), fixed.colo_margin(lease), fixed.gpu_margin(gpu_revenue)];
            per_model = model_revenues(revenue);
        }
        points.push(ProjectionPoint {
            month,
            mining: margins[0].map(|m| m.normalize()),
            colo: margins[1].map(|m| m.normalize()),
            gpu: margins[2].map(|m| m.normalize()),
            mining_cum: cum[0].map(|c| c.normalize()),
            colo_cum: cum[1].map(|c| c.normalize()),
            gpu_cum: cum[2].map(|c| c.normalize()),
        });
    }
    let mut p = 0;
    let lives = flows.map(|flows| {
        let life = Life {
            idle: idle[p],
            end: ends[p],
            flows: ends[p]
                .and_then(|_| Ok(CashFlows { capex: capex[p]?, flows: flows.into_iter().collect::<Result<_, _>>()? })),
        };
        p += 1;
        life
    });
    let models = fleet.into_iter().zip(idle_from).map(|(model, idle_from)| ModelIdle { model, idle_from }).collect();
    Projection { points, horizon, shown, lives, models }
}

/// Mining's `cf(m)` in an earning month: `Σ s_i · cash_i` at each model's revenue of the
/// month before (economics/profile.rs decides each model's buckets), plus the
/// demand-response credit; else 0.
fn mining_cash(
    month: u32,
    idle: Result<u32, ModelError>,
    end: Result<u32, ModelError>,
    mining: &MonthlyMining,
    fleet: &[FleetModel],
    revenues_before: &[Figure],
) -> Figure {
    if month <= idle? || month > end? {
        return Ok(Decimal::ZERO);
    }
    let models = match (fleet, revenues_before) {
        ([only], [revenue]) => mining.model_cash(only.share, *revenue),
        _ => fleet
            .iter()
            .zip(revenues_before)
            .try_fold(Decimal::ZERO, |sum, (model, revenue)| add(sum, mining.model_cash(model.share, *revenue)?)),
    };
    mining.month_cash(models)
}

/// Mining revenue a month on: `revenue · step`, times `reward_now / reward_before` when the
/// subsidy has just halved.
fn next_revenue(revenue: Figure, step: Figure, reward_before: Figure, reward_now: Figure) -> Figure {
    let (now, before) = (reward_now?, reward_before?);
    let moved = mul(revenue?, step?)?;
    if now == before {
        Ok(moved)
    } else {
        div(mul(moved, now)?, before, Q::RewardPerBlock)
    }
}

/// `cf(m)`: `max(0, margin of month m − 1) · hours` in an earning month (after the idle
/// months, up to the end of the life), else 0.
fn cash_of_month(
    month: u32,
    idle: Result<u32, ModelError>,
    end: Result<u32, ModelError>,
    margin_before: Figure,
    hours: Figure,
) -> Figure {
    if month <= idle? || month > end? {
        return Ok(Decimal::ZERO);
    }
    mul(margin_before?.max(Decimal::ZERO), hours?)
}

#[cfg(test)]
mod tests;
