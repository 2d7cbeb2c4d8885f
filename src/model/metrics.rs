//! Every metric of SPEC.md, computed with checked decimal arithmetic.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::error::ModelError;
use super::fields::Key;
use super::network::{hashrate_from_difficulty, HASHES_PER_DIFFICULTY};
use super::scenario::{for_each_input, Scenario};
use super::units::*;

type Figure = Result<Decimal, ModelError>;

/// A metric of the contract. The order is SPEC.md's, which is also the JSON order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricId {
    HashpriceBtcPerPhDay,
    HashpriceUsdPerPhDay,
    NetworkHashrateEhS,
    AsicEfficiencyJPerTh,
    MiningRevenueUsdPerKwh,
    MiningCashCostUsdPerKwh,
    MiningMarginUsdPerKwh,
    EnergyKwhPerBtc,
    EnergyCostPerBtcUsd,
    CashCostPerBtcUsd,
    AllinCostPerBtcUsd,
    TargetCostPerBtcUsd,
    TargetMaxPowerPriceUsdPerKwh,
    TargetRequiredEfficiencyJPerTh,
    BreakevenPowerPriceUsdPerKwh,
    ColoRevenueUsdPerKwh,
    ColoMarginUsdPerKwh,
    GpuRevenueUsdPerKwh,
    GpuMarginUsdPerKwh,
    ColoVsMiningRevenueMultiple,
    GpuVsMiningRevenueMultiple,
    MiningCapexUsdPerMw,
    ColoCapexUsdPerMw,
    GpuCapexUsdPerMw,
    MiningMarginUsdPerMwYear,
    ColoMarginUsdPerMwYear,
    GpuMarginUsdPerMwYear,
    MiningPaybackYears,
    ColoPaybackYears,
    GpuPaybackYears,
}

/// How a metric's number reads, for the formatter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricUnit {
    BtcPerPhDay,
    UsdPerPhDay,
    ExahashPerSecond,
    JoulesPerTerahash,
    UsdPerKwh,
    KwhPerBtc,
    UsdPerBtc,
    Multiple,
    UsdPerMw,
    UsdPerMwYear,
    Years,
}

impl MetricId {
    pub const ALL: [MetricId; 30] = {
        use MetricId::*;
        [
            HashpriceBtcPerPhDay,
            HashpriceUsdPerPhDay,
            NetworkHashrateEhS,
            AsicEfficiencyJPerTh,
            MiningRevenueUsdPerKwh,
            MiningCashCostUsdPerKwh,
            MiningMarginUsdPerKwh,
            EnergyKwhPerBtc,
            EnergyCostPerBtcUsd,
            CashCostPerBtcUsd,
            AllinCostPerBtcUsd,
            TargetCostPerBtcUsd,
            TargetMaxPowerPriceUsdPerKwh,
            TargetRequiredEfficiencyJPerTh,
            BreakevenPowerPriceUsdPerKwh,
            ColoRevenueUsdPerKwh,
            ColoMarginUsdPerKwh,
            GpuRevenueUsdPerKwh,
            GpuMarginUsdPerKwh,
            ColoVsMiningRevenueMultiple,
            GpuVsMiningRevenueMultiple,
            MiningCapexUsdPerMw,
            ColoCapexUsdPerMw,
            GpuCapexUsdPerMw,
            MiningMarginUsdPerMwYear,
            ColoMarginUsdPerMwYear,
            GpuMarginUsdPerMwYear,
            MiningPaybackYears,
            ColoPaybackYears,
            GpuPaybackYears,
        ]
    };

    pub const COUNT: usize = Self::ALL.len();

    /// The key of the contract: `data-metric` on the page and the JSON name.
    pub fn key(self) -> &'static str {
        self.meta().0
    }

    pub fn unit(self) -> MetricUnit {
        self.meta().1
    }

    pub fn from_key(key: &str) -> Option<MetricId> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }

    fn meta(self) -> (&'static str, MetricUnit) {
        use MetricId::*;
        use MetricUnit as U;
        match self {
            HashpriceBtcPerPhDay => ("hashprice_btc_per_ph_day", U::BtcPerPhDay),
            HashpriceUsdPerPhDay => ("hashprice_usd_per_ph_day", U::UsdPerPhDay),
            NetworkHashrateEhS => ("network_hashrate_eh_s", U::ExahashPerSecond),
            AsicEfficiencyJPerTh => ("asic_efficiency_j_per_th", U::JoulesPerTerahash),
            MiningRevenueUsdPerKwh => ("mining_revenue_usd_per_kwh", U::UsdPerKwh),
            MiningCashCostUsdPerKwh => ("mining_cash_cost_usd_per_kwh", U::UsdPerKwh),
            MiningMarginUsdPerKwh => ("mining_margin_usd_per_kwh", U::UsdPerKwh),
            EnergyKwhPerBtc => ("energy_kwh_per_btc", U::KwhPerBtc),
            EnergyCostPerBtcUsd => ("energy_cost_per_btc_usd", U::UsdPerBtc),
            CashCostPerBtcUsd => ("cash_cost_per_btc_usd", U::UsdPerBtc),
            AllinCostPerBtcUsd => ("allin_cost_per_btc_usd", U::UsdPerBtc),
            TargetCostPerBtcUsd => ("target_cost_per_btc_usd", U::UsdPerBtc),
            TargetMaxPowerPriceUsdPerKwh => ("target_max_power_price_usd_per_kwh", U::UsdPerKwh),
            TargetRequiredEfficiencyJPerTh => ("target_required_efficiency_j_per_th", U::JoulesPerTerahash),
            BreakevenPowerPriceUsdPerKwh => ("breakeven_power_price_usd_per_kwh", U::UsdPerKwh),
            ColoRevenueUsdPerKwh => ("colo_revenue_usd_per_kwh", U::UsdPerKwh),
            ColoMarginUsdPerKwh => ("colo_margin_usd_per_kwh", U::UsdPerKwh),
            GpuRevenueUsdPerKwh => ("gpu_revenue_usd_per_kwh", U::UsdPerKwh),
            GpuMarginUsdPerKwh => ("gpu_margin_usd_per_kwh", U::UsdPerKwh),
            ColoVsMiningRevenueMultiple => ("colo_vs_mining_revenue_multiple", U::Multiple),
            GpuVsMiningRevenueMultiple => ("gpu_vs_mining_revenue_multiple", U::Multiple),
            MiningCapexUsdPerMw => ("mining_capex_usd_per_mw", U::UsdPerMw),
            ColoCapexUsdPerMw => ("colo_capex_usd_per_mw", U::UsdPerMw),
            GpuCapexUsdPerMw => ("gpu_capex_usd_per_mw", U::UsdPerMw),
            MiningMarginUsdPerMwYear => ("mining_margin_usd_per_mw_year", U::UsdPerMwYear),
            ColoMarginUsdPerMwYear => ("colo_margin_usd_per_mw_year", U::UsdPerMwYear),
            GpuMarginUsdPerMwYear => ("gpu_margin_usd_per_mw_year", U::UsdPerMwYear),
            MiningPaybackYears => ("mining_payback_years", U::Years),
            ColoPaybackYears => ("colo_payback_years", U::Years),
            GpuPaybackYears => ("gpu_payback_years", U::Years),
        }
    }
}

/// The keys whose input is being edited and is not valid: figures that need one of them
/// say so instead of using a stale or default value. One bit a key, in as many words as
/// the key table needs, so a new key can never fall off the end of the set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InvalidKeys([u64; INVALID_WORDS]);

const INVALID_WORDS: usize = Key::COUNT.div_ceil(64);

impl InvalidKeys {
    pub fn with(mut self, key: Key) -> Self {
        self.0[key.index() / 64] |= 1 << (key.index() % 64);
        self
    }

    pub fn contains(self, key: Key) -> bool {
        self.0[key.index() / 64] & 1 << (key.index() % 64) != 0
    }

    /// True when no key is marked.
    pub fn is_empty(self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
}

/// Every metric of one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metrics([Figure; MetricId::COUNT]);

impl Metrics {
    pub fn get(&self, id: MetricId) -> Figure {
        self.0[id as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (MetricId, Figure)> + '_ {
        MetricId::ALL.into_iter().map(|id| (id, self.get(id)))
    }
}

/// Evaluates every metric of a valid scenario.
pub fn evaluate(scenario: &Scenario) -> Metrics {
    evaluate_with_invalid(scenario, InvalidKeys::default())
}

/// Reads the scenario through [`InvalidKeys`]: an input marked invalid makes every figure
/// that needs it an [`ModelError::InvalidInput`], and leaves the others as they are.
struct Inputs<'a> {
    scenario: &'a Scenario,
    invalid: InvalidKeys,
}

macro_rules! checked_inputs {
    ($($fn:ident: $key:ident => $unit:ident;)*) => {
        $(
            fn $fn(&self) -> Result<$unit, ModelError> {
                self.check(Key::$key)?;
                Ok(self.scenario.$fn())
            }
        )*
    };
}

impl Inputs<'_> {
    fn check(&self, key: Key) -> Result<(), ModelError> {
        if self.invalid.contains(key) {
            Err(ModelError::InvalidInput(key))
        } else {
            Ok(())
        }
    }

    for_each_input!(checked_inputs);

    fn hp(&self) -> Result<Option<UsdPerPhDay>, ModelError> {
        self.check(Key::Hp)?;
        Ok(self.scenario.hp())
    }
}

/// `a · b`; an error when the product overflows, or when non-zero factors give a product
/// too small to keep (it would read as a zero it is not).
pub(super) fn mul(a: Decimal, b: Decimal) -> Figure {
    nonzero_unless(a.is_zero() || b.is_zero(), a.checked_mul(b).ok_or(ModelError::Overflow)?)
}

/// `a / b`, with `divisor` naming `b` when it is zero; an underflow is an error, as in [`mul`].
pub(super) fn div(a: Decimal, b: Decimal, divisor: &'static str) -> Figure {
    if b.is_zero() {
        return Err(ModelError::ZeroDivisor(divisor));
    }
    nonzero_unless(a.is_zero(), a.checked_div(b).ok_or(ModelError::Overflow)?)
}

/// `value`, unless it is a zero that only rounding made (`zero_expected` is false).
fn nonzero_unless(zero_expected: bool, value: Decimal) -> Figure {
    if value.is_zero() && !zero_expected {
        Err(ModelError::Underflow)
    } else {
        Ok(value)
    }
}

fn add(a: Decimal, b: Decimal) -> Figure {
    a.checked_add(b).ok_or(ModelError::Overflow)
}

fn sub(a: Decimal, b: Decimal) -> Figure {
    a.checked_sub(b).ok_or(ModelError::Overflow)
}

/// Names the type of a figure's closure, so `?` inside it knows where to go.
fn fig(compute: impl FnOnce() -> Figure) -> Figure {
    compute()
}

/// Payback in years, or never when the yearly margin is not positive.
fn payback(capex: Figure, margin_per_year: Figure) -> Figure {
    let margin = margin_per_year?;
    if margin <= Decimal::ZERO {
        return Err(ModelError::MarginNotPositive);
    }
    div(capex?, margin, "margin per MW-year")
}

const SECONDS_PER_DAY: Decimal = dec!(86400);
const HOURS_PER_DAY: Decimal = dec!(24);
const HOURS_PER_MONTH: Decimal = dec!(730);
const DAYS_PER_YEAR: Decimal = dec!(365);
/// kWh in a MW-year: 1,000 kW × 8,760 h.
const KWH_PER_MW_YEAR: Decimal = dec!(8760000);

/// Evaluates every metric, treating the keys in `invalid` as unknown.
pub fn evaluate_with_invalid(scenario: &Scenario, invalid: InvalidKeys) -> Metrics {
    let i = Inputs { scenario, invalid };

    let eff = fig(|| Ok(i.w()?.per_hashrate(i.th()?)?.get()));
    let keep = fig(|| sub(Decimal::ONE, i.pool()?.fraction()));
    let cash = fig(|| add(i.kwh()?.get(), i.opx()?.get()));
    // Expected hashes per block per 10^15, over the day's seconds: H = diff · 10^12 · 2^32,
    // so R · 86,400 · 10^15 / H = R · 86,400 · 1,000 / (diff · 2^32).
    let hashprice_btc = fig(|| match i.hp()? {
        Some(hp) => div(hp.get(), i.btc()?.get(), "bitcoin price"),
        None => {
            let reward = add(i.sub()?.get(), i.fee()?.get())?;
            let per_day = mul(mul(reward, SECONDS_PER_DAY)?, dec!(1000))?;
            div(per_day, mul(i.diff()?.get(), HASHES_PER_DIFFICULTY)?, "difficulty")
        }
    });
    // hashprice BTC · btc; with `hp` given that is (hp / btc) · btc = hp exactly, so `hp`
    // itself: no rounding residue, and no dependence on the bitcoin price.
    let hashprice_usd = fig(|| match i.hp()? {
        Some(hp) => Ok(hp.get()),
        None => mul(hashprice_btc?, i.btc()?.get()),
    });
    let network = fig(|| hashrate_from_difficulty(i.diff()?.get()));
    // kWh drawn at the meter per PH/s per day: 24 h · eff kW · PUE.
    let kwh_per_ph_day = fig(|| mul(mul(HOURS_PER_DAY, eff?)?, i.pue()?.get()));
    let revenue = fig(|| div(mul(hashprice_usd?, keep?)?, kwh_per_ph_day?, "energy per PH/s per day"));
    let margin = fig(|| sub(revenue?, cash?));
    let energy_per_btc = fig(|| div(kwh_per_ph_day?, mul(hashprice_btc?, keep?)?, "hashprice"));
    let energy_cost_per_btc = fig(|| mul(energy_per_btc?, i.kwh()?.get()));
    let cash_cost_per_btc = fig(|| mul(energy_per_btc?, cash?));
    let allin_cost_per_btc = fig(|| {
        let cash_cost = cash_cost_per_btc?;
        let depreciation_per_th_day = div(i.capex()?.get(), mul(i.life()?.get(), DAYS_PER_YEAR)?, "ASIC life")?;
        // (capex / (life · 365)) / (hashprice / 1000 · keep · up): the same quotient, with
        // the small factors divided one by one so no digits are lost to a tiny product.
        let per_ph = mul(depreciation_per_th_day, dec!(1000))?;
        let per_btc =
            div(div(per_ph, mul(hashprice_btc?, keep?)?, "bitcoin mined per TH/s")?, i.up()?.fraction(), "uptime")?;
        add(cash_cost, per_btc)
    });
    let target = fig(|| Ok(i.tgt()?.get()));
    let target_max_power = fig(|| sub(div(target?, energy_per_btc?, "energy per BTC")?, i.opx()?.get()));
    let target_required_eff = fig(|| {
        let numerator = mul(mul(target?, hashprice_btc?)?, keep?)?;
        div(numerator, mul(mul(HOURS_PER_DAY, i.pue()?.get())?, cash?)?, "cash cost per kWh")
    });
    let breakeven_power = fig(|| sub(revenue?, i.opx()?.get()));

    let colo_lease = fig(|| div(i.colo()?.get(), mul(HOURS_PER_MONTH, i.gpue()?.get())?, "AI site overhead"));
    let colo_revenue = fig(|| add(colo_lease?, i.kwh()?.get()));
    let colo_margin = fig(|| sub(colo_lease?, i.opx()?.get()));
    let gpu_revenue = fig(|| {
        let sold = mul(i.gph()?.get(), i.util()?.fraction())?;
        div(sold, mul(i.gkw()?.get(), i.gpue()?.get())?, "IT power per GPU")
    });
    let gpu_margin = fig(|| {
        let revenue = gpu_revenue?;
        sub(sub(revenue, cash?)?, mul(revenue, i.gopx()?.fraction())?)
    });
    let colo_multiple = fig(|| div(colo_revenue?, revenue?, "mining revenue per kWh"));
    let gpu_multiple = fig(|| div(gpu_revenue?, revenue?, "mining revenue per kWh"));

    let mining_capex = fig(|| {
        let th_per_mw = div(dec!(1000000), mul(eff?, i.pue()?.get())?, "ASIC efficiency")?;
        add(mul(i.capex()?.get(), th_per_mw)?, i.site()?.get())
    });
    let colo_capex = fig(|| Ok(i.gfit()?.get()));
    let gpu_capex = fig(|| {
        let gpus_per_mw = div(dec!(1000), mul(i.gkw()?.get(), i.gpue()?.get())?, "IT power per GPU")?;
        add(mul(i.gcap()?.get(), gpus_per_mw)?, i.gfit()?.get())
    });
    let mining_margin_year = fig(|| mul(mul(margin?, KWH_PER_MW_YEAR)?, i.up()?.fraction()));
    let colo_margin_year = fig(|| mul(colo_margin?, KWH_PER_MW_YEAR));
    let gpu_margin_year = fig(|| mul(gpu_margin?, KWH_PER_MW_YEAR));

    let figures = [
        hashprice_btc,
        hashprice_usd,
        network,
        eff,
        revenue,
        cash,
        margin,
        energy_per_btc,
        energy_cost_per_btc,
        cash_cost_per_btc,
        allin_cost_per_btc,
        target,
        target_max_power,
        target_required_eff,
        breakeven_power,
        colo_revenue,
        colo_margin,
        gpu_revenue,
        gpu_margin,
        colo_multiple,
        gpu_multiple,
        mining_capex,
        colo_capex,
        gpu_capex,
        mining_margin_year,
        colo_margin_year,
        gpu_margin_year,
        payback(mining_capex, mining_margin_year),
        payback(colo_capex, colo_margin_year),
        payback(gpu_capex, gpu_margin_year),
    ];
    // `normalize` drops trailing zeros and turns a negative zero into zero.
    Metrics(figures.map(|f| f.map(|d| d.normalize())))
}

#[cfg(test)]
mod tests;
