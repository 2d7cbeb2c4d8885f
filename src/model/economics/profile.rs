//! Power by the hour (SPEC.md): a price profile scaled to the site's average price, which
//! of its buckets mining runs in for a given revenue per kWh, and the sums the metrics and
//! the projection take from them.
//!
//! - Scaling: `p_b = kwh · r_b / r̄` (USD/kWh), `r̄` the mean of the buckets ([`Scaled`]).
//! - Running: bucket `b` runs when `p_b ≤ min(strike, revenue − opx)`. The buckets ascend,
//!   so the running ones are the first `n` ([`Scaled::run`]): a binary search and one
//!   prefix sum instead of a pass over 100 buckets, so a month of the projection costs
//!   about what a flat month does.
//! - Sums: `Σ_running (rev − p_b − opx) = n · (rev − opx) − Σ_{b ≤ n} p_b` ([`Run::margin_sum`]).
//!
//! Mining's cash in a month is a sum over machine models, each with its share of the
//! power and its own revenue per kWh ([`MonthlyMining::model_cash`]); the scenario's fleet
//! is one model with share 1, and a fleet mix is the sum over its models.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::error::{ModelError, Quantity as Q};
use crate::model::figure::{add, div, div_by_constant, fig, fraction_of_percent, mul, sub, Figure, HUNDRED};
use crate::model::power::BUCKETS;
use crate::model::scenario::Scenario;

use super::capex::KWH_PER_MW_YEAR;
use super::inputs::Inputs;
use super::margins::Fixed;

/// kWh per MW in one bucket of a year: 1 % of 8,760,000.
const KWH_PER_MW_BUCKET_YEAR: Decimal = dec!(87600);
/// USD per kW-year to USD per MW-year.
const KW_PER_MW: Decimal = dec!(1000);
const MONTHS_PER_YEAR: Decimal = dec!(12);

/// A profile scaled to the site's average price: `p_b`, USD/kWh, ascending, and their
/// running sums.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scaled {
    prices: [Decimal; BUCKETS],
    /// `prefix[k] = Σ_{b < k} p_b`.
    prefix: [Decimal; BUCKETS + 1],
}

/// Scales the buckets `r_b` (USD/MWh, ascending, mean above zero) to `kwh`:
/// `p_b = kwh · r_b / r̄`. Multiplying by `kwh ≥ 0` and dividing by `r̄ > 0` keep the order,
/// and so does rounding.
pub fn scale(buckets: &[Decimal; BUCKETS], kwh: Decimal) -> Figure<Scaled> {
    let sum = buckets.iter().try_fold(Decimal::ZERO, |a, r| add(a, *r))?;
    let mean = div_by_constant(sum, HUNDRED)?;
    let mut prices = [Decimal::ZERO; BUCKETS];
    let mut prefix = [Decimal::ZERO; BUCKETS + 1];
    for (b, r) in buckets.iter().enumerate() {
        // `mul` refuses a non-zero product that rounds to zero; a bucket price of zero
        // is a zero, so the product is computed as `div` does: zero only when it is.
        let p = if r.is_zero() { Decimal::ZERO } else { div(mul(kwh, *r)?, mean, Q::ProfileMean)? };
        prices[b] = p;
        prefix[b + 1] = add(prefix[b], p)?;
    }
    Ok(Scaled { prices, prefix })
}

/// The scenario's profile scaled to its `kwh`; `None` for a flat price.
pub fn scaled_of(i: &Inputs) -> Option<Figure<Scaled>> {
    let buckets = i.scenario().profile().buckets()?;
    Some(fig(|| scale(&buckets?, i.kwh()?.get())))
}

/// Which buckets run at one revenue per kWh: the first `n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// How many buckets run (each 1 % of the hours).
    pub n: usize,
    /// `Σ_{b ≤ n} p_b`, USD/kWh.
    pub price_sum: Decimal,
}

impl Scaled {
    /// The scaled prices `p_b`, USD/kWh, ascending.
    pub fn prices(&self) -> &[Decimal; BUCKETS] {
        &self.prices
    }

    /// The buckets that run at revenue `revenue`: `p_b ≤ min(strike, revenue − opx)`.
    pub fn run(&self, revenue: Decimal, opx: Decimal, strike: Option<Decimal>) -> Figure<Run> {
        let breakeven = sub(revenue, opx)?;
        let cap = strike.map_or(breakeven, |s| s.min(breakeven));
        let n = self.prices.partition_point(|p| *p <= cap);
        Ok(self.first(n))
    }

    /// The first `n` buckets (at most all of them).
    pub fn first(&self, n: usize) -> Run {
        let n = n.min(BUCKETS);
        Run { n, price_sum: self.prefix[n] }
    }
}

impl Run {
    /// `Σ_running (rev − p_b − opx) = n · (rev − opx) − Σ_running p_b`, USD/kWh summed over
    /// the buckets (each 1 % of the hours).
    pub fn margin_sum(&self, revenue: Decimal, opx: Decimal) -> Figure {
        sub(mul(Decimal::from(self.n), sub(revenue, opx)?)?, self.price_sum)
    }

    /// The mean price of the running buckets; none when no bucket runs.
    pub fn mean_price(&self) -> Figure {
        if self.n == 0 {
            return Err(ModelError::MiningNeverRuns);
        }
        div(self.price_sum, Decimal::from(self.n), Q::RunningBuckets)
    }

    /// `n / 100`: the share of the hours that run.
    pub fn fraction(&self) -> Decimal {
        fraction_of_percent(Decimal::from(self.n))
    }
}

/// `Σ (…) · 87,600 · up/100`: a sum over buckets of USD/kWh to USD per MW-year.
fn per_mw_year(sum: Decimal, up_fraction: Decimal) -> Figure {
    mul(mul(sum, KWH_PER_MW_BUCKET_YEAR)?, up_fraction)
}

/// Mining's figures of today that the price profile changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MiningToday {
    /// `mining_run_share_pct`.
    pub run_share: Figure,
    /// `mining_power_price_usd_per_kwh`: what mining pays per kWh when it runs.
    pub power_price: Figure,
    /// `mining_cash_cost_usd_per_kwh`: that price plus `opx`.
    pub cash: Figure,
    /// `mining_margin_usd_per_kwh`.
    pub margin: Figure,
    /// `mining_margin_usd_per_mw_year`, the demand-response credit included.
    pub margin_year: Figure,
    /// `mining_flexibility_usd_per_mw_year`.
    pub flexibility: Figure,
    /// `n / 100` with a profile, for what divides by the hours that run; `None` when flat.
    pub run_fraction: Option<Figure>,
}

/// Mining today, with the scenario's profile (SPEC.md, "Power by the hour"); with a flat
/// price every figure as before, and `drc` added to the margin per MW-year. `PROFILE` false
/// reads the price as flat whatever the scenario says, and compiles without the profile's
/// code (the first screen's module: `metrics::evaluate_static_flat`).
pub fn mining_today<const PROFILE: bool>(i: &Inputs, fixed: &Fixed, revenue: Figure) -> MiningToday {
    let up = i.up().map(|u| u.fraction());
    let credit = fig(|| mul(i.drc()?.get(), KW_PER_MW));
    let with_credit = |year: Figure| {
        fig(|| {
            let (year, credit) = (year?, credit?);
            if credit.is_zero() {
                Ok(year)
            } else {
                add(year, credit)
            }
        })
    };
    let scaled = if PROFILE { scaled_of(i) } else { None };
    let Some(scaled) = scaled else {
        let margin = fixed.mining_margin(revenue);
        return MiningToday {
            run_share: Ok(Decimal::ONE_HUNDRED),
            power_price: i.kwh().map(|k| k.get()),
            cash: fixed.cash,
            margin,
            margin_year: with_credit(fig(|| mul(mul(margin?, KWH_PER_MW_YEAR)?, up?))),
            flexibility: Err(ModelError::FlatPrice),
            run_fraction: None,
        };
    };
    let opx = fixed.opx;
    let run = fig(|| scaled.as_ref().map_err(|e| *e)?.run(revenue?, opx?, i.scenario().strike()));
    let power_price = fig(|| run?.mean_price());
    let cash = fig(|| add(power_price?, opx?));
    let margin_year = with_credit(fig(|| per_mw_year(run?.margin_sum(revenue?, opx?)?, up?)));
    let all = fig(|| per_mw_year(scaled.as_ref().map_err(|e| *e)?.first(BUCKETS).margin_sum(revenue?, opx?)?, up?));
    MiningToday {
        run_share: run.map(|r| Decimal::from(r.n)),
        power_price,
        cash,
        margin: fig(|| sub(revenue?, cash?)),
        margin_year,
        flexibility: fig(|| sub(margin_year?, all?)),
        run_fraction: Some(run.map(|r| r.fraction())),
    }
}

/// `mining_allin_margin_usd_per_kwh` with a flat price and a credit: the earlier all-in
/// margin plus the credit over the year's running kWh, `drc · 1,000 / (8,760,000 · up/100)`,
/// which is SPEC.md's formula below with `n = 100`, in fewer operations on the first screen.
pub fn flat_allin(i: &Inputs, allin: Figure) -> Figure {
    let kwh = mul(KWH_PER_MW_YEAR, i.up()?.fraction())?;
    add(allin?, div(mul(i.drc()?.get(), KW_PER_MW)?, kwh, Q::Uptime)?)
}

/// `mining_allin_margin_usd_per_kwh` with a profile:
/// `(margin per MW-year − capex / life) / (8,760,000 · up/100 · n/100)`; none when no
/// bucket runs.
pub fn mining_allin(i: &Inputs, today: &MiningToday, capex: Figure) -> Figure {
    let run_fraction = today.run_fraction.unwrap_or(Ok(Decimal::ONE))?;
    if run_fraction.is_zero() {
        return Err(ModelError::MiningNeverRuns);
    }
    let spread = div(capex?, i.life()?.get(), Q::AsicLife)?;
    let kwh = mul(mul(KWH_PER_MW_YEAR, i.up()?.fraction())?, run_fraction)?;
    div(sub(today.margin_year?, spread)?, kwh, Q::Uptime)
}

/// Is today's all-in margin the earlier one (a flat price, no credit)?
pub fn allin_as_before(scenario: &Scenario) -> bool {
    scenario.profile().is_flat() && scenario.drc().get().is_zero()
}

/// Mining's cash per MW in a month of the projection, with the scenario's profile.
pub struct MonthlyMining {
    scaled: Option<Figure<Scaled>>,
    strike: Option<Decimal>,
    opx: Figure,
    /// Mining's cash cost per kWh with a flat price.
    cash: Figure,
    /// kWh per MW in a month: `730,000 · up/100`.
    hours: Figure,
    /// The same for one bucket: `7,300 · up/100`.
    bucket_hours: Figure,
    /// `drc · 1,000 / 12`, USD per MW a month; `None` when zero.
    credit: Option<Figure>,
}

impl MonthlyMining {
    /// `hours`: kWh per MW a month as the projection computes it (`730,000 · up/100`).
    pub fn new(i: &Inputs, fixed: &Fixed, hours: Figure) -> Self {
        let credit = match i.drc() {
            Ok(d) if d.get().is_zero() => None,
            drc => Some(fig(|| div_by_constant_12(mul(drc?.get(), KW_PER_MW)?))),
        };
        MonthlyMining {
            scaled: scaled_of(i),
            strike: i.scenario().strike(),
            opx: fixed.opx,
            cash: fixed.cash,
            hours,
            bucket_hours: fig(|| div_by_constant(hours?, HUNDRED)),
            credit,
        }
    }

    /// One model's cash per MW in a month at revenue `revenue` (USD/kWh, the month
    /// before's, at that model's efficiency), for its `share` of the mining power (1 for
    /// the whole fleet): flat, `share · max(0, rev − kwh − opx) · hours`; with a profile,
    /// `share · Σ_running (rev − p_b − opx) · 7,300 · up/100`, never below zero.
    pub fn model_cash(&self, share: Decimal, revenue: Figure) -> Figure {
        let cash = match &self.scaled {
            None => mul(sub(revenue?, self.cash?)?.max(Decimal::ZERO), self.hours?)?,
            Some(scaled) => {
                let (revenue, opx) = (revenue?, self.opx?);
                let run = scaled.as_ref().map_err(|e| *e)?.run(revenue, opx, self.strike)?;
                mul(run.margin_sum(revenue, opx)?.max(Decimal::ZERO), self.bucket_hours?)?
            }
        };
        if share == Decimal::ONE {
            Ok(cash)
        } else {
            mul(cash, share)
        }
    }

    /// The month's cash per MW: the models' cash plus the credit, `drc · 1,000 / 12`.
    pub fn month_cash(&self, models: Figure) -> Figure {
        match self.credit {
            None => models,
            Some(credit) => add(models?, credit?),
        }
    }

    /// Whether a model at revenue `revenue` stands idle: flat, its margin below zero (as
    /// before); with a profile, when not one bucket is at or below its break-even and the
    /// strike.
    pub fn idles(&self, revenue: Figure) -> Figure<bool> {
        match &self.scaled {
            None => Ok(sub(revenue?, self.cash?)? < Decimal::ZERO),
            Some(scaled) => Ok(scaled.as_ref().map_err(|e| *e)?.run(revenue?, self.opx?, self.strike)?.n == 0),
        }
    }

    /// Mining's margin per kWh at revenue `revenue`: revenue less the running buckets'
    /// mean price and `opx` (none when no bucket runs); flat, revenue less the cash cost.
    pub fn margin(&self, revenue: Figure) -> Figure {
        match &self.scaled {
            None => sub(revenue?, self.cash?),
            Some(scaled) => {
                let (revenue, opx) = (revenue?, self.opx?);
                let price = scaled.as_ref().map_err(|e| *e)?.run(revenue, opx, self.strike)?.mean_price()?;
                sub(revenue, add(price, opx)?)
            }
        }
    }
}

/// `value / 12`: a yearly amount a month.
fn div_by_constant_12(value: Decimal) -> Figure {
    value.checked_div(MONTHS_PER_YEAR).ok_or(ModelError::Overflow)
}

#[cfg(test)]
mod tests;
