//! What each path costs to build per MW, and that cost spread over the kWh of its life
//! (what the all-in margins subtract).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::error::{ModelError, Quantity as Q};
use crate::model::units::{JoulesPerTerahash, Years};

use super::inputs::Inputs;
use super::path::Path;
use super::site::{ai_fit_out, fleet_owned, mining_site_cost};
use crate::model::figure::{add, div, fig, mul, sub, Figure};

/// kWh in a MW-year: 1,000 kW × 8,760 h.
pub const KWH_PER_MW_YEAR: Decimal = dec!(8760000);

/// Capex per MW of mining, colocation and GPU cloud, in [`Path::ALL`] order; `eff` is the
/// ASIC's efficiency.
///
/// Plain checked operations rather than the units' typed ones (`JoulesPerTerahash ×
/// Pue → TH/s per MW`, …): written with those, this function cost about 0.5 KB more of the
/// first load (measured, December 2026), and the first load may not grow (docs/DESIGN.md).
pub fn capexes(i: &Inputs, eff: Figure<JoulesPerTerahash>) -> [Figure; 3] {
    // SPEC.md, "Site": what is owned is not paid again (`site.rs`).
    let mining_capex = fig(|| {
        if fleet_owned(i) {
            return Ok(Decimal::ZERO);
        }
        let th_per_mw = div(dec!(1000000), mul(eff?.get(), i.pue()?.get())?, Q::AsicEfficiency)?;
        add(mul(i.capex()?.get(), th_per_mw)?, mining_site_cost(i)?)
    });
    let colo_capex = ai_fit_out(i);
    let gpu_capex = fig(|| {
        let gpus_per_mw = div(dec!(1000), mul(i.gkw()?.get(), i.gpue()?.get())?, Q::ItPowerPerGpu)?;
        add(mul(i.gcap()?.get(), gpus_per_mw)?, ai_fit_out(i)?)
    });
    [mining_capex, colo_capex, gpu_capex]
}

/// Payback in years, or never when the yearly margin is not positive.
pub fn payback(capex: Figure, margin_per_year: Figure) -> Figure {
    let margin = margin_per_year?;
    if margin <= Decimal::ZERO {
        return Err(ModelError::MarginNotPositive);
    }
    div(capex?, margin, Q::MarginPerMwYear)
}

/// Each path's capex spread evenly over the kWh of its life: what its all-in margin
/// subtracts from its cash margin. Neither the power price nor the bitcoin price moves it,
/// so a decision map computes it once.
pub struct Allin {
    /// `capex / (life · 8,760,000)`, checked before the margin as the formula reads.
    mining_spread: Figure,
    /// … per kWh of running hours: divided by `up/100` too (as `· 100 / up`, so that a tiny
    /// uptime is not rounded to zero first).
    mining: Figure,
    colo: Figure,
    gpu: Figure,
}

impl Allin {
    pub fn new(i: &Inputs, [mining_capex, colo_capex, gpu_capex]: [Figure; 3]) -> Self {
        let spread = |capex: Figure, years: Figure<Years>, what: Q| {
            fig(|| div(capex?, mul(years?.get(), KWH_PER_MW_YEAR)?, what))
        };
        let mining_spread = spread(mining_capex, i.life_of(Path::Mining), Q::AsicLife);
        let mining = fig(|| div(mul(mining_spread?, Decimal::ONE_HUNDRED)?, i.up()?.get(), Q::Uptime));
        Allin {
            mining_spread,
            mining,
            colo: spread(colo_capex, i.life_of(Path::Colo), Q::FitOutLife),
            gpu: spread(gpu_capex, i.life_of(Path::Gpu), Q::GpuLife),
        }
    }

    /// Mining's all-in margin per kWh from its cash margin per kWh.
    pub fn mining(&self, margin: Figure) -> Figure {
        fig(|| {
            self.mining_spread?;
            sub(margin?, self.mining?)
        })
    }

    /// Colocation's all-in margin per kWh from its cash margin per kWh.
    pub fn colo(&self, margin: Figure) -> Figure {
        fig(|| sub(margin?, self.colo?))
    }

    /// GPU cloud's all-in margin per kWh from its cash margin per kWh.
    pub fn gpu(&self, margin: Figure) -> Figure {
        fig(|| sub(margin?, self.gpu?))
    }
}
