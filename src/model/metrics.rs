//! Every metric of SPEC.md, computed with checked decimal arithmetic: the figures of the
//! scenario as it stands, and those over each path's life from the projection.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::error::ModelError;
use super::fields::Key;
use super::network::{hashrate_from_difficulty, HASHES_PER_DIFFICULTY};
use super::projection::{project_inputs, Projection};
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
    // SPEC.md, "Time (v1 extension)": each path over its own life, from the projection.
    MiningPaybackMonths,
    ColoPaybackMonths,
    GpuPaybackMonths,
    MiningLifetimeCashUsdPerMw,
    ColoLifetimeCashUsdPerMw,
    GpuLifetimeCashUsdPerMw,
    MiningNpvUsdPerMw,
    ColoNpvUsdPerMw,
    GpuNpvUsdPerMw,
    MiningIrrPct,
    ColoIrrPct,
    GpuIrrPct,
    // The all-in margins and the site totals.
    MiningAllinMarginUsdPerKwh,
    ColoAllinMarginUsdPerKwh,
    GpuAllinMarginUsdPerKwh,
    MiningSiteCapexUsd,
    ColoSiteCapexUsd,
    GpuSiteCapexUsd,
    MiningSiteMarginUsdPerYear,
    ColoSiteMarginUsdPerYear,
    GpuSiteMarginUsdPerYear,
    MiningSiteNpvUsd,
    ColoSiteNpvUsd,
    GpuSiteNpvUsd,
    MiningSiteLifetimeCashUsd,
    ColoSiteLifetimeCashUsd,
    GpuSiteLifetimeCashUsd,
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
    Months,
    /// A yearly rate in percent.
    PercentPerYear,
    Usd,
    UsdPerYear,
}

impl MetricId {
    pub const ALL: [MetricId; 57] = {
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
            MiningPaybackMonths,
            ColoPaybackMonths,
            GpuPaybackMonths,
            MiningLifetimeCashUsdPerMw,
            ColoLifetimeCashUsdPerMw,
            GpuLifetimeCashUsdPerMw,
            MiningNpvUsdPerMw,
            ColoNpvUsdPerMw,
            GpuNpvUsdPerMw,
            MiningIrrPct,
            ColoIrrPct,
            GpuIrrPct,
            MiningAllinMarginUsdPerKwh,
            ColoAllinMarginUsdPerKwh,
            GpuAllinMarginUsdPerKwh,
            MiningSiteCapexUsd,
            ColoSiteCapexUsd,
            GpuSiteCapexUsd,
            MiningSiteMarginUsdPerYear,
            ColoSiteMarginUsdPerYear,
            GpuSiteMarginUsdPerYear,
            MiningSiteNpvUsd,
            ColoSiteNpvUsd,
            GpuSiteNpvUsd,
            MiningSiteLifetimeCashUsd,
            ColoSiteLifetimeCashUsd,
            GpuSiteLifetimeCashUsd,
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

    /// Does this figure need the month-by-month projection? [`evaluate_static`] leaves
    /// these out ([`ModelError::NotProjected`]); every other figure is cheap.
    pub fn needs_projection(self) -> bool {
        Path::ALL.into_iter().any(|p| {
            [p.payback_months(), p.lifetime_cash(), p.npv(), p.irr(), p.site_npv(), p.site_lifetime_cash()]
                .contains(&self)
        })
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
            MiningPaybackMonths => ("mining_payback_months", U::Months),
            ColoPaybackMonths => ("colo_payback_months", U::Months),
            GpuPaybackMonths => ("gpu_payback_months", U::Months),
            MiningLifetimeCashUsdPerMw => ("mining_lifetime_cash_usd_per_mw", U::UsdPerMw),
            ColoLifetimeCashUsdPerMw => ("colo_lifetime_cash_usd_per_mw", U::UsdPerMw),
            GpuLifetimeCashUsdPerMw => ("gpu_lifetime_cash_usd_per_mw", U::UsdPerMw),
            MiningNpvUsdPerMw => ("mining_npv_usd_per_mw", U::UsdPerMw),
            ColoNpvUsdPerMw => ("colo_npv_usd_per_mw", U::UsdPerMw),
            GpuNpvUsdPerMw => ("gpu_npv_usd_per_mw", U::UsdPerMw),
            MiningIrrPct => ("mining_irr_pct", U::PercentPerYear),
            ColoIrrPct => ("colo_irr_pct", U::PercentPerYear),
            GpuIrrPct => ("gpu_irr_pct", U::PercentPerYear),
            MiningAllinMarginUsdPerKwh => ("mining_allin_margin_usd_per_kwh", U::UsdPerKwh),
            ColoAllinMarginUsdPerKwh => ("colo_allin_margin_usd_per_kwh", U::UsdPerKwh),
            GpuAllinMarginUsdPerKwh => ("gpu_allin_margin_usd_per_kwh", U::UsdPerKwh),
            MiningSiteCapexUsd => ("mining_site_capex_usd", U::Usd),
            ColoSiteCapexUsd => ("colo_site_capex_usd", U::Usd),
            GpuSiteCapexUsd => ("gpu_site_capex_usd", U::Usd),
            MiningSiteMarginUsdPerYear => ("mining_site_margin_usd_per_year", U::UsdPerYear),
            ColoSiteMarginUsdPerYear => ("colo_site_margin_usd_per_year", U::UsdPerYear),
            GpuSiteMarginUsdPerYear => ("gpu_site_margin_usd_per_year", U::UsdPerYear),
            MiningSiteNpvUsd => ("mining_site_npv_usd", U::Usd),
            ColoSiteNpvUsd => ("colo_site_npv_usd", U::Usd),
            GpuSiteNpvUsd => ("gpu_site_npv_usd", U::Usd),
            MiningSiteLifetimeCashUsd => ("mining_site_lifetime_cash_usd", U::Usd),
            ColoSiteLifetimeCashUsd => ("colo_site_lifetime_cash_usd", U::Usd),
            GpuSiteLifetimeCashUsd => ("gpu_site_lifetime_cash_usd", U::Usd),
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

    /// The set with `key` no longer marked: for figures that set that key themselves (a
    /// decision map's cells give their own power and bitcoin prices).
    pub fn without(mut self, key: Key) -> Self {
        self.0[key.index() / 64] &= !(1 << (key.index() % 64));
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

/// One of the three uses of a site's power, for the figures each one has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Path {
    /// Bitcoin mining with the scenario's ASICs.
    Mining,
    /// The site leased to an AI tenant (colocation).
    Colo,
    /// A GPU cloud run on the site.
    Gpu,
}

impl Path {
    pub const ALL: [Path; 3] = [Path::Mining, Path::Colo, Path::Gpu];

    /// The prefix of its metrics and projection fields: `mining`, `colo`, `gpu`.
    pub fn name(self) -> &'static str {
        match self {
            Path::Mining => "mining",
            Path::Colo => "colo",
            Path::Gpu => "gpu",
        }
    }

    fn pick(self, ids: [MetricId; 3]) -> MetricId {
        match self {
            Path::Mining => ids[0],
            Path::Colo => ids[1],
            Path::Gpu => ids[2],
        }
    }

    /// `…_margin_usd_per_kwh`.
    pub fn margin(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningMarginUsdPerKwh, ColoMarginUsdPerKwh, GpuMarginUsdPerKwh])
    }

    /// `…_capex_usd_per_mw`.
    pub fn capex(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningCapexUsdPerMw, ColoCapexUsdPerMw, GpuCapexUsdPerMw])
    }

    /// `…_margin_usd_per_mw_year`.
    pub fn margin_per_mw_year(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningMarginUsdPerMwYear, ColoMarginUsdPerMwYear, GpuMarginUsdPerMwYear])
    }

    /// `…_payback_years`: payback at today's figures.
    pub fn payback_years(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningPaybackYears, ColoPaybackYears, GpuPaybackYears])
    }

    /// `…_payback_months`: payback over the projection.
    pub fn payback_months(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningPaybackMonths, ColoPaybackMonths, GpuPaybackMonths])
    }

    /// `…_lifetime_cash_usd_per_mw`.
    pub fn lifetime_cash(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningLifetimeCashUsdPerMw, ColoLifetimeCashUsdPerMw, GpuLifetimeCashUsdPerMw])
    }

    /// `…_npv_usd_per_mw`.
    pub fn npv(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningNpvUsdPerMw, ColoNpvUsdPerMw, GpuNpvUsdPerMw])
    }

    /// `…_irr_pct`.
    pub fn irr(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningIrrPct, ColoIrrPct, GpuIrrPct])
    }

    /// `…_allin_margin_usd_per_kwh`.
    pub fn allin_margin(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningAllinMarginUsdPerKwh, ColoAllinMarginUsdPerKwh, GpuAllinMarginUsdPerKwh])
    }

    /// `…_site_capex_usd`.
    pub fn site_capex(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningSiteCapexUsd, ColoSiteCapexUsd, GpuSiteCapexUsd])
    }

    /// `…_site_margin_usd_per_year`.
    pub fn site_margin(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningSiteMarginUsdPerYear, ColoSiteMarginUsdPerYear, GpuSiteMarginUsdPerYear])
    }

    /// `…_site_npv_usd`.
    pub fn site_npv(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningSiteNpvUsd, ColoSiteNpvUsd, GpuSiteNpvUsd])
    }

    /// `…_site_lifetime_cash_usd`.
    pub fn site_lifetime_cash(self) -> MetricId {
        use MetricId::*;
        self.pick([MiningSiteLifetimeCashUsd, ColoSiteLifetimeCashUsd, GpuSiteLifetimeCashUsd])
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

    /// These figures, with each one they lack for want of the projection
    /// ([`ModelError::NotProjected`]: [`evaluate_static`]'s figures over time) taken from
    /// `over_time`. The page shows today's figures of the latest edit at once and the
    /// figures over time a frame later, when the projection has caught up.
    pub fn with_projected(&self, over_time: &Metrics) -> Metrics {
        let mut merged = self.clone();
        for (slot, projected) in merged.0.iter_mut().zip(over_time.0.iter()) {
            if *slot == Err(ModelError::NotProjected) {
                *slot = *projected;
            }
        }
        merged
    }

    fn set(&mut self, id: MetricId, figure: Figure) {
        // `normalize` drops trailing zeros and turns a negative zero into zero.
        self.0[id as usize] = figure.map(|d| d.normalize());
    }
}

/// Every metric of a scenario and the projection they came from: what a page shows after
/// an edit, for the price of one projection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub metrics: Metrics,
    pub projection: Projection,
}

/// Evaluates every metric of a valid scenario, those over time included.
pub fn evaluate(scenario: &Scenario) -> Metrics {
    evaluate_with_invalid(scenario, InvalidKeys::default())
}

/// Evaluates every metric, those over time included, treating the keys in `invalid` as
/// unknown.
pub fn evaluate_with_invalid(scenario: &Scenario, invalid: InvalidKeys) -> Metrics {
    evaluate_over_time(scenario, invalid).metrics
}

/// Every metric and the projection, treating the keys in `invalid` as unknown.
pub fn evaluate_over_time(scenario: &Scenario, invalid: InvalidKeys) -> Evaluation {
    let i = Inputs { scenario, invalid };
    let mut metrics = static_metrics(&i);
    let capex = Path::ALL.map(|p| metrics.get(p.capex()));
    let projection = project_inputs(&i, capex);
    let dr = i.dr();
    let mw = i.mw();
    for path in Path::ALL {
        let flows = projection.cash_flows(path);
        let lifetime = flows.and_then(|f| f.lifetime_cash());
        let npv = flows.and_then(|f| f.npv(dr?.get()));
        metrics.set(path.payback_months(), flows.and_then(|f| f.payback_months().map(Decimal::from)));
        metrics.set(path.lifetime_cash(), lifetime);
        metrics.set(path.npv(), npv);
        metrics.set(path.irr(), flows.and_then(|f| f.irr_pct()));
        metrics.set(path.site_npv(), fig(|| mul(npv?, mw?.get())));
        metrics.set(path.site_lifetime_cash(), fig(|| mul(lifetime?, mw?.get())));
    }
    Evaluation { metrics, projection }
}

/// Every metric that needs no projection (those of SPEC.md's first table, the all-in
/// margins, site capex and site margin), treating the keys in `invalid` as unknown; the
/// figures over time are [`ModelError::NotProjected`]. A few microseconds: for the many
/// evaluations of a decision map.
pub fn evaluate_static(scenario: &Scenario, invalid: InvalidKeys) -> Metrics {
    static_metrics(&Inputs { scenario, invalid })
}

/// Reads the scenario through [`InvalidKeys`]: an input marked invalid makes every figure
/// that needs it an [`ModelError::InvalidInput`], and leaves the others as they are.
pub(super) struct Inputs<'a> {
    scenario: &'a Scenario,
    invalid: InvalidKeys,
}

macro_rules! checked_inputs {
    ($($fn:ident: $key:ident => $unit:ident;)*) => {
        $(
            pub(super) fn $fn(&self) -> Result<$unit, ModelError> {
                self.check(Key::$key)?;
                Ok(self.scenario.$fn())
            }
        )*
    };
}

impl<'a> Inputs<'a> {
    pub(super) fn new(scenario: &'a Scenario, invalid: InvalidKeys) -> Self {
        Inputs { scenario, invalid }
    }

    /// The scenario itself, for what is not a figure (how many months to project).
    pub(super) fn scenario(&self) -> &'a Scenario {
        self.scenario
    }

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

pub(super) fn add(a: Decimal, b: Decimal) -> Figure {
    a.checked_add(b).ok_or(ModelError::Overflow)
}

pub(super) fn sub(a: Decimal, b: Decimal) -> Figure {
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

/// The five inputs a projection moves month by month, each read through [`InvalidKeys`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Moving {
    pub diff: Figure,
    pub btc: Figure,
    pub sub: Figure,
    pub gph: Figure,
    pub colo: Figure,
}

impl Moving {
    /// The scenario's own values: month 0.
    pub(super) fn now(i: &Inputs) -> Self {
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
pub(super) struct Fixed {
    hp: Result<Option<Decimal>, ModelError>,
    fee: Figure,
    keep: Figure,
    cash: Figure,
    opx: Figure,
    /// kWh drawn at the meter per PH/s per day: 24 h · eff kW · PUE.
    kwh_per_ph_day: Figure,
    /// `730 · gpue`: facility kWh a month per kW of IT load.
    colo_hours: Figure,
    util: Figure,
    /// `gkw · gpue`: facility kW per GPU.
    gpu_kw: Figure,
    gopx: Figure,
}

impl Fixed {
    pub(super) fn new(i: &Inputs) -> Self {
        let eff = fig(|| Ok(i.w()?.per_hashrate(i.th()?)?.get()));
        Fixed {
            hp: i.hp().map(|hp| hp.map(UsdPerPhDay::get)),
            fee: i.fee().map(BtcPerBlock::get),
            keep: fig(|| sub(Decimal::ONE, i.pool()?.fraction())),
            cash: fig(|| add(i.kwh()?.get(), i.opx()?.get())),
            opx: i.opx().map(UsdPerKwh::get),
            kwh_per_ph_day: fig(|| mul(mul(HOURS_PER_DAY, eff?)?, i.pue()?.get())),
            colo_hours: fig(|| mul(HOURS_PER_MONTH, i.gpue()?.get())),
            util: i.util().map(Percent::fraction),
            gpu_kw: fig(|| mul(i.gkw()?.get(), i.gpue()?.get())),
            gopx: i.gopx().map(Percent::fraction),
        }
    }

    /// The margins and what they are made of at one set of moving inputs.
    pub(super) fn margins(&self, m: &Moving) -> Margins {
        // Expected hashes per block per 10^15, over the day's seconds: H = diff · 10^12 · 2^32,
        // so R · 86,400 · 10^15 / H = R · 86,400 · 1,000 / (diff · 2^32).
        let hashprice_btc = fig(|| match self.hp? {
            Some(hp) => div(hp, m.btc?, "bitcoin price"),
            None => {
                let reward = self.reward(m.sub)?;
                let per_day = mul(mul(reward, SECONDS_PER_DAY)?, dec!(1000))?;
                div(per_day, mul(m.diff?, HASHES_PER_DIFFICULTY)?, "difficulty")
            }
        });
        // hashprice BTC · btc; with `hp` given that is (hp / btc) · btc = hp exactly, so `hp`
        // itself: no rounding residue, and no dependence on the bitcoin price.
        let hashprice_usd = fig(|| match self.hp? {
            Some(hp) => Ok(hp),
            None => mul(hashprice_btc?, m.btc?),
        });
        let revenue = fig(|| div(mul(hashprice_usd?, self.keep?)?, self.kwh_per_ph_day?, "energy per PH/s per day"));
        let colo_lease = fig(|| div(m.colo?, self.colo_hours?, "AI site overhead"));
        let gpu_revenue = fig(|| div(mul(m.gph?, self.util?)?, self.gpu_kw?, "IT power per GPU"));
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
    pub(super) fn hashprice_given(&self) -> Result<bool, ModelError> {
        self.hp.map(|hp| hp.is_some())
    }

    /// Revenue − cash cost.
    pub(super) fn mining_margin(&self, revenue: Figure) -> Figure {
        sub(revenue?, self.cash?)
    }

    /// Lease per facility kWh − other cash cost (power is billed at cost).
    pub(super) fn colo_margin(&self, lease: Figure) -> Figure {
        sub(lease?, self.opx?)
    }

    /// GPU revenue − cash cost − the other opex share of revenue.
    pub(super) fn gpu_margin(&self, revenue: Figure) -> Figure {
        let revenue = revenue?;
        sub(sub(revenue, self.cash?)?, mul(revenue, self.gopx?)?)
    }

    /// What the reward per block is with the subsidy `sub`: `sub + fee`.
    pub(super) fn reward(&self, sub: Figure) -> Figure {
        add(sub?, self.fee?)
    }
}

/// The three margins per kWh at one point, with the figures they are made of.
pub(super) struct Margins {
    hashprice_btc: Figure,
    hashprice_usd: Figure,
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

/// kWh drawn per BTC received: `24 · eff · pue / (hashprice · keep)`.
fn energy_per_btc(kwh_per_ph_day: Figure, hashprice_btc: Figure, keep: Figure) -> Figure {
    fig(|| div(kwh_per_ph_day?, mul(hashprice_btc?, keep?)?, "hashprice"))
}

/// The power price at which the cash cost per BTC is the target: `tgt / energy per BTC − opx`.
fn target_max_power(target: Figure, energy_per_btc: Figure, opx: Figure) -> Figure {
    fig(|| sub(div(target?, energy_per_btc?, "energy per BTC")?, opx?))
}

/// The power price at which mining's cash margin is zero: revenue − opx.
fn breakeven_power(revenue: Figure, opx: Figure) -> Figure {
    fig(|| sub(revenue?, opx?))
}

/// Capex per MW of mining, colocation and GPU cloud.
fn capexes(i: &Inputs, eff: Figure) -> (Figure, Figure, Figure) {
    let mining_capex = fig(|| {
        let th_per_mw = div(dec!(1000000), mul(eff?, i.pue()?.get())?, "ASIC efficiency")?;
        add(mul(i.capex()?.get(), th_per_mw)?, i.site()?.get())
    });
    let colo_capex = fig(|| Ok(i.gfit()?.get()));
    let gpu_capex = fig(|| {
        let gpus_per_mw = div(dec!(1000), mul(i.gkw()?.get(), i.gpue()?.get())?, "IT power per GPU")?;
        add(mul(i.gcap()?.get(), gpus_per_mw)?, i.gfit()?.get())
    });
    (mining_capex, colo_capex, gpu_capex)
}

/// Each path's capex spread evenly over the kWh of its life: what its all-in margin
/// subtracts from its cash margin. Neither the power price nor the bitcoin price moves it,
/// so a decision map computes it once.
pub(super) struct Allin {
    /// `capex / (life · 8,760,000)`, checked before the margin as the formula reads.
    mining_spread: Figure,
    /// … per kWh of running hours: divided by `up/100` too (as `· 100 / up`, so that a tiny
    /// uptime is not rounded to zero first).
    mining: Figure,
    colo: Figure,
    gpu: Figure,
}

impl Allin {
    pub(super) fn new(i: &Inputs, mining_capex: Figure, colo_capex: Figure, gpu_capex: Figure) -> Self {
        let spread = |capex: Figure, years: Result<Years, ModelError>, what: &'static str| {
            fig(|| div(capex?, mul(years?.get(), KWH_PER_MW_YEAR)?, what))
        };
        let mining_spread = spread(mining_capex, i.life(), "ASIC life");
        let mining = fig(|| div(mul(mining_spread?, Decimal::ONE_HUNDRED)?, i.up()?.get(), "uptime"));
        Allin {
            mining_spread,
            mining,
            colo: spread(colo_capex, i.clife(), "fit-out life"),
            gpu: spread(gpu_capex, i.glife(), "GPU life"),
        }
    }

    /// Mining's all-in margin per kWh from its cash margin per kWh.
    pub(super) fn mining(&self, margin: Figure) -> Figure {
        fig(|| {
            self.mining_spread?;
            sub(margin?, self.mining?)
        })
    }

    /// Colocation's all-in margin per kWh from its cash margin per kWh.
    pub(super) fn colo(&self, margin: Figure) -> Figure {
        fig(|| sub(margin?, self.colo?))
    }

    /// GPU cloud's all-in margin per kWh from its cash margin per kWh.
    pub(super) fn gpu(&self, margin: Figure) -> Figure {
        fig(|| sub(margin?, self.gpu?))
    }
}

/// Every figure that needs no projection; the others are [`ModelError::NotProjected`].
fn static_metrics(i: &Inputs) -> Metrics {
    let fixed = Fixed::new(i);
    let Margins { hashprice_btc, hashprice_usd, revenue, margin, colo_lease, colo_margin, gpu_revenue, gpu_margin } =
        fixed.margins(&Moving::now(i));
    let Fixed { keep, cash, kwh_per_ph_day, .. } = fixed;

    let eff = fig(|| Ok(i.w()?.per_hashrate(i.th()?)?.get()));
    let network = fig(|| hashrate_from_difficulty(i.diff()?.get()));
    let energy_per_btc = energy_per_btc(kwh_per_ph_day, hashprice_btc, keep);
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
    let opx = i.opx().map(UsdPerKwh::get);
    let target_max_power = target_max_power(target, energy_per_btc, opx);
    let target_required_eff = fig(|| {
        let numerator = mul(mul(target?, hashprice_btc?)?, keep?)?;
        div(numerator, mul(mul(HOURS_PER_DAY, i.pue()?.get())?, cash?)?, "cash cost per kWh")
    });
    let breakeven_power = breakeven_power(revenue, opx);

    let colo_revenue = fig(|| add(colo_lease?, i.kwh()?.get()));
    let colo_multiple = fig(|| div(colo_revenue?, revenue?, "mining revenue per kWh"));
    let gpu_multiple = fig(|| div(gpu_revenue?, revenue?, "mining revenue per kWh"));

    let (mining_capex, colo_capex, gpu_capex) = capexes(i, eff);
    let mining_margin_year = fig(|| mul(mul(margin?, KWH_PER_MW_YEAR)?, i.up()?.fraction()));
    let colo_margin_year = fig(|| mul(colo_margin?, KWH_PER_MW_YEAR));
    let gpu_margin_year = fig(|| mul(gpu_margin?, KWH_PER_MW_YEAR));

    let allin = Allin::new(i, mining_capex, colo_capex, gpu_capex);
    let (mining_allin, colo_allin, gpu_allin) = (allin.mining(margin), allin.colo(colo_margin), allin.gpu(gpu_margin));
    let mw = i.mw();
    let site = |per_mw: Figure| fig(|| mul(per_mw?, mw?.get()));

    use MetricId as M;
    let figures = [
        (M::HashpriceBtcPerPhDay, hashprice_btc),
        (M::HashpriceUsdPerPhDay, hashprice_usd),
        (M::NetworkHashrateEhS, network),
        (M::AsicEfficiencyJPerTh, eff),
        (M::MiningRevenueUsdPerKwh, revenue),
        (M::MiningCashCostUsdPerKwh, cash),
        (M::MiningMarginUsdPerKwh, margin),
        (M::EnergyKwhPerBtc, energy_per_btc),
        (M::EnergyCostPerBtcUsd, energy_cost_per_btc),
        (M::CashCostPerBtcUsd, cash_cost_per_btc),
        (M::AllinCostPerBtcUsd, allin_cost_per_btc),
        (M::TargetCostPerBtcUsd, target),
        (M::TargetMaxPowerPriceUsdPerKwh, target_max_power),
        (M::TargetRequiredEfficiencyJPerTh, target_required_eff),
        (M::BreakevenPowerPriceUsdPerKwh, breakeven_power),
        (M::ColoRevenueUsdPerKwh, colo_revenue),
        (M::ColoMarginUsdPerKwh, colo_margin),
        (M::GpuRevenueUsdPerKwh, gpu_revenue),
        (M::GpuMarginUsdPerKwh, gpu_margin),
        (M::ColoVsMiningRevenueMultiple, colo_multiple),
        (M::GpuVsMiningRevenueMultiple, gpu_multiple),
        (M::MiningCapexUsdPerMw, mining_capex),
        (M::ColoCapexUsdPerMw, colo_capex),
        (M::GpuCapexUsdPerMw, gpu_capex),
        (M::MiningMarginUsdPerMwYear, mining_margin_year),
        (M::ColoMarginUsdPerMwYear, colo_margin_year),
        (M::GpuMarginUsdPerMwYear, gpu_margin_year),
        (M::MiningPaybackYears, payback(mining_capex, mining_margin_year)),
        (M::ColoPaybackYears, payback(colo_capex, colo_margin_year)),
        (M::GpuPaybackYears, payback(gpu_capex, gpu_margin_year)),
        (M::MiningAllinMarginUsdPerKwh, mining_allin),
        (M::ColoAllinMarginUsdPerKwh, colo_allin),
        (M::GpuAllinMarginUsdPerKwh, gpu_allin),
        (M::MiningSiteCapexUsd, site(mining_capex)),
        (M::ColoSiteCapexUsd, site(colo_capex)),
        (M::GpuSiteCapexUsd, site(gpu_capex)),
        (M::MiningSiteMarginUsdPerYear, site(mining_margin_year)),
        (M::ColoSiteMarginUsdPerYear, site(colo_margin_year)),
        (M::GpuSiteMarginUsdPerYear, site(gpu_margin_year)),
    ];
    let mut metrics = Metrics([Err(ModelError::NotProjected); MetricId::COUNT]);
    for (id, figure) in figures {
        metrics.set(id, figure);
    }
    metrics
}

pub mod grid;

#[cfg(test)]
mod tests;
