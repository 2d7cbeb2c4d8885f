//! The margins per kWh of the three paths, from the inputs: what no projection moves
//! ([`Fixed`], computed once per scenario) and the five inputs a projection moves month by
//! month ([`Moving`]). The static metrics, the projection and the decision map's grid all
//! compute their margins here, with the same checked operations in the same order.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::economics::network::HASHES_PER_DIFFICULTY;
use crate::model::error::Quantity as Q;
use crate::model::units::*;

use super::inputs::Inputs;
use crate::model::figure::{add, div, fig, mul, sub, Figure};

const SECONDS_PER_DAY: Decimal = dec!(86400);
pub(super) const HOURS_PER_DAY: Decimal = dec!(24);
const HOURS_PER_MONTH: Decimal = dec!(730);

/// The five inputs a projection moves month by month, each read through the invalid keys.
#[derive(Clone, Copy, Debug)]
pub struct Moving {
    pub diff: Figure,
    pub btc: Figure,
    pub sub: Figure,
    pub gph: Figure,
    pub colo: Figure,
}

impl Moving {
    /// The scenario's own values: month 0.
    pub fn now(i: &Inputs) -> Self {
        Moving {
            diff: i.diff().map(Difficulty::get),
            btc: i.btc().map(UsdPerBtc::get),
            sub: i.sub().map(BtcPerBlock::get),
            gph: i.gph().map(UsdPerGpuHour::get),
            colo: i.colo().map(UsdPerKwMonth::get),
        }
    }
}

/// What the margins per kWh need that no projection moves: computed once per scenario.
pub struct Fixed {
    hp: Figure<Option<Decimal>>,
    fee: Figure,
    /// The share of the reward the pool leaves: `1 − pool/100`.
    pub keep: Figure,
    /// Mining's cash cost per kWh: power plus other opex.
    pub cash: Figure,
    /// The GPU cloud's: power at the average price plus the firm premium, plus other opex.
    ai_cash: Figure,
    pub opx: Figure,
    /// The ASIC's efficiency.
    pub eff: Figure<JoulesPerTerahash>,
    /// kWh drawn at the meter per PH/s per day: 24 h · eff kW · PUE.
    pub kwh_per_ph_day: Figure,
    /// `730 · gpue`: facility kWh a month per kW of IT load.
    colo_hours: Figure,
    util: Figure,
    /// `gkw · gpue`: facility kW per GPU.
    gpu_kw: Figure,
    gopx: Figure,
}

impl Fixed {
    pub fn new(i: &Inputs) -> Self {
        let eff = i.eff();
        Fixed {
            hp: i.hp().map(|hp| hp.map(UsdPerPhDay::get)),
            fee: i.fee().map(BtcPerBlock::get),
            keep: fig(|| sub(Decimal::ONE, i.pool()?.fraction())),
            cash: fig(|| Ok(i.kwh()?.plus(i.opx()?)?.get())),
            ai_cash: fig(|| firm_cash(i.kwh()?.plus(i.opx()?)?.get(), i.firm()?.get())),
            opx: i.opx().map(UsdPerKwh::get),
            eff,
            kwh_per_ph_day: fig(|| mul(mul(HOURS_PER_DAY, eff?.get())?, i.pue()?.get())),
            colo_hours: fig(|| mul(HOURS_PER_MONTH, i.gpue()?.get())),
            util: i.util().map(Share::fraction),
            gpu_kw: fig(|| mul(i.gkw()?.get(), i.gpue()?.get())),
            gopx: i.gopx().map(Share::fraction),
        }
    }

    /// The margins and what they are made of at one set of moving inputs.
    pub fn margins(&self, m: &Moving) -> Margins {
        // Expected hashes per block per 10^15, over the day's seconds: H = diff · 10^12 · 2^32,
        // so R · 86,400 · 10^15 / H = R · 86,400 · 1,000 / (diff · 2^32).
        let hashprice_btc = fig(|| match self.hp? {
            Some(hp) => div(hp, m.btc?, Q::BitcoinPrice),
            None => {
                let reward = self.reward(m.sub)?;
                let per_day = mul(mul(reward, SECONDS_PER_DAY)?, dec!(1000))?;
                div(per_day, mul(m.diff?, HASHES_PER_DIFFICULTY)?, Q::Difficulty)
            }
        });
        // hashprice BTC · btc; with `hp` given that is (hp / btc) · btc = hp exactly, so `hp`
        // itself: no rounding residue, and no dependence on the bitcoin price.
        let hashprice_usd = fig(|| match self.hp? {
            Some(hp) => Ok(hp),
            None => mul(hashprice_btc?, m.btc?),
        });
        let revenue = fig(|| {
            let kept = UsdPerPhDay::new(hashprice_usd?).times(self.keep?)?;
            Ok(kept.per_kwh(KwhPerPhDay::new(self.kwh_per_ph_day?))?.get())
        });
        let colo_lease = fig(|| div(m.colo?, self.colo_hours?, Q::AiSiteOverhead));
        let gpu_revenue = fig(|| div(mul(m.gph?, self.util?)?, self.gpu_kw?, Q::ItPowerPerGpu));
        Margins {
            hashprice_btc,
            hashprice_usd,
            revenue,
            margin: self.mining_margin(revenue),
            colo_lease,
            colo_margin: self.colo_margin(colo_lease),
            gpu_revenue,
            gpu_margin: self.gpu_margin(gpu_revenue),
        }
    }

    /// Is the hashprice given (`hp`), so that it stays as it is whatever the network does?
    pub fn hashprice_given(&self) -> Figure<bool> {
        self.hp.map(|hp| hp.is_some())
    }

    /// Revenue − cash cost.
    pub fn mining_margin(&self, revenue: Figure) -> Figure {
        sub(revenue?, self.cash?)
    }

    /// Lease per facility kWh − other cash cost (power is billed at cost).
    pub fn colo_margin(&self, lease: Figure) -> Figure {
        sub(lease?, self.opx?)
    }

    /// GPU revenue − cash cost (the firm premium included) − the other opex share of revenue.
    pub fn gpu_margin(&self, revenue: Figure) -> Figure {
        let revenue = revenue?;
        sub(sub(revenue, self.ai_cash?)?, mul(revenue, self.gopx?)?)
    }

    /// What the reward per block is with the subsidy `sub`: `sub + fee`.
    pub fn reward(&self, sub: Figure) -> Figure {
        add(sub?, self.fee?)
    }
}

/// The three margins per kWh at one point, with the figures they are made of.
pub struct Margins {
    pub hashprice_btc: Figure,
    pub hashprice_usd: Figure,
    /// Mining revenue per kWh.
    pub revenue: Figure,
    pub margin: Figure,
    /// The colocation lease per facility kWh.
    pub colo_lease: Figure,
    pub colo_margin: Figure,
    /// GPU revenue per facility kWh.
    pub gpu_revenue: Figure,
    pub gpu_margin: Figure,
}

impl Margins {
    /// The path's margin per kWh.
    pub fn of(&self) -> [Figure; 3] {
        [self.margin, self.colo_margin, self.gpu_margin]
    }
}

/// A cost per kWh with the AI paths' firm premium (SPEC.md, "Power by the hour"): `cost +
/// firm`, or `cost` itself when there is none.
pub fn firm_cash(cost: Decimal, firm: Decimal) -> Figure {
    if firm.is_zero() {
        Ok(cost)
    } else {
        add(cost, firm)
    }
}

/// kWh drawn per BTC received: `24 · eff · pue / (hashprice · keep)`.
pub fn energy_per_btc(fixed: &Fixed, hashprice_btc: Figure) -> Figure {
    fig(|| div(fixed.kwh_per_ph_day?, mul(hashprice_btc?, fixed.keep?)?, Q::Hashprice))
}

/// The power price at which the cash cost per BTC is the target: `tgt / energy per BTC − opx`.
pub fn target_max_power(target: Figure, energy_per_btc: Figure, opx: Figure) -> Figure {
    fig(|| sub(div(target?, energy_per_btc?, Q::EnergyPerBtc)?, opx?))
}

/// The power price at which mining's cash margin is zero: revenue − opx.
pub fn breakeven_power(revenue: Figure, opx: Figure) -> Figure {
    fig(|| sub(revenue?, opx?))
}
