//! Every metric of SPEC.md for one scenario: those of today's figures from the margins
//! ([`super::margins`]) and capex ([`super::capex`]), and those over each path's life from
//! the projection ([`crate::model::economics::projection`]) and its cash flows.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::economics::network::hashrate_from_difficulty;
use crate::model::economics::projection::{project_inputs, Projection};
use crate::model::error::{ModelError, Quantity as Q};
use crate::model::scenario::Scenario;
use crate::model::units::*;

use super::capex::{capexes, payback, Allin, KWH_PER_MW_YEAR};
use super::inputs::{Inputs, InvalidKeys};
use super::margins::{
    breakeven_power, energy_per_btc, firm_cash, target_max_power, Fixed, Margins, Moving, HOURS_PER_DAY,
};
use super::metric::MetricId;
use super::path::Path;
use super::profile::{allin_as_before, flat_allin, mining_allin as profile_allin, mining_today, MiningToday};
use super::site;
use crate::model::figure::{add, div, fig, mul, Figure};

const DAYS_PER_YEAR: Decimal = dec!(365);

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
    let i = Inputs::new(scenario, invalid);
    let mut metrics = static_metrics::<true>(&i);
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
        metrics.set(path.site_npv(), fig(|| Ok(UsdPerMegawatt::new(npv?).for_site(mw?)?.get())));
        metrics.set(path.site_lifetime_cash(), fig(|| Ok(UsdPerMegawatt::new(lifetime?).for_site(mw?)?.get())));
    }
    set_plan(&i, &mut metrics, true);
    Evaluation { metrics, projection }
}

/// Every metric that needs no projection (those of SPEC.md's first table, the all-in
/// margins, site capex and site margin), treating the keys in `invalid` as unknown; the
/// figures over time are [`ModelError::NotProjected`]. A few microseconds: for the many
/// evaluations of a decision map.
pub fn evaluate_static(scenario: &Scenario, invalid: InvalidKeys) -> Metrics {
    static_metrics::<true>(&Inputs::new(scenario, invalid))
}

/// [`evaluate_static`] of a scenario with a flat power price (`pp=flat`), without the code
/// of the price profiles: what the first screen's module computes (src/ui/boot.rs), which
/// leaves a link with a profile to the app. With a profile, its figures are wrong: callers
/// check [`crate::model::power::Profile::is_flat`] first.
pub fn evaluate_static_flat(scenario: &Scenario, invalid: InvalidKeys) -> Metrics {
    static_metrics::<false>(&Inputs::new(scenario, invalid))
}

/// Every figure that needs no projection; the others are [`ModelError::NotProjected`].
/// `PROFILE` false reads the price as flat whatever the scenario says (see
/// [`evaluate_static_flat`]).
fn static_metrics<const PROFILE: bool>(i: &Inputs) -> Metrics {
    let fixed = Fixed::new(i);
    let Margins { hashprice_btc, hashprice_usd, revenue, colo_lease, colo_margin, gpu_revenue, gpu_margin, .. } =
        fixed.margins(&Moving::now(i));
    let energy_per_btc = energy_per_btc(&fixed, hashprice_btc);
    // A price profile changes what mining pays when it runs, and so its margins
    // (economics/profile.rs); with a flat price these are the figures as before.
    let mining = mining_today::<PROFILE>(i, &fixed, revenue);
    let MiningToday { cash, margin, margin_year: mining_margin_year, .. } = mining;
    let Fixed { keep, eff, opx, .. } = fixed;

    let network = fig(|| hashrate_from_difficulty(i.diff()?.get()));
    let energy_cost_per_btc = fig(|| mul(energy_per_btc?, mining.power_price?));
    let cash_cost_per_btc = fig(|| mul(energy_per_btc?, cash?));
    let allin_cost_per_btc = fig(|| {
        let cash_cost = cash_cost_per_btc?;
        let depreciation_per_th_day = div(i.capex()?.get(), mul(i.life()?.get(), DAYS_PER_YEAR)?, Q::AsicLife)?;
        // (capex / (life · 365)) / (hashprice / 1000 · keep · up): the same quotient, with
        // the small factors divided one by one so no digits are lost to a tiny product.
        let per_ph = mul(depreciation_per_th_day, dec!(1000))?;
        let per_btc =
            div(div(per_ph, mul(hashprice_btc?, keep?)?, Q::BitcoinPerTerahash)?, i.up()?.fraction(), Q::Uptime)?;
        // With a profile, fewer coins a year when the machines stop: also over `n/100`.
        let per_btc = match mining.run_fraction {
            None => per_btc,
            Some(run) => div(per_btc, run?, Q::RunningBuckets)?,
        };
        add(cash_cost, per_btc)
    });
    let target = fig(|| Ok(i.tgt()?.get()));
    let target_max_power = target_max_power(target, energy_per_btc, opx);
    let target_required_eff = fig(|| {
        let numerator = mul(mul(target?, hashprice_btc?)?, keep?)?;
        div(numerator, mul(mul(HOURS_PER_DAY, i.pue()?.get())?, cash?)?, Q::CashCostPerKwh)
    });
    let breakeven_power = breakeven_power(revenue, opx);

    // The AI paths pay the average price every hour, plus the firm premium.
    let colo_revenue = fig(|| firm_cash(add(colo_lease?, i.kwh()?.get())?, i.firm()?.get()));
    let colo_multiple = fig(|| div(colo_revenue?, revenue?, Q::MiningRevenuePerKwh));
    let gpu_multiple = fig(|| div(gpu_revenue?, revenue?, Q::MiningRevenuePerKwh));

    let capex = capexes(i, eff);
    let [mining_capex, colo_capex, gpu_capex] = capex;
    let colo_margin_year = fig(|| mul(colo_margin?, KWH_PER_MW_YEAR));
    let gpu_margin_year = fig(|| mul(gpu_margin?, KWH_PER_MW_YEAR));

    let allin = Allin::new(i, capex);
    let mining_allin = match (allin_as_before(i.scenario()), mining.run_fraction) {
        (true, _) => allin.mining(margin),
        (false, None) => flat_allin(i, allin.mining(margin)),
        (false, Some(_)) => profile_allin(i, &mining, mining_capex),
    };
    let (colo_allin, gpu_allin) = (allin.colo(colo_margin), allin.gpu(gpu_margin));
    let mw = i.mw();
    // USD per MW (or per MW-year) times MW, in plain checked operations: one closure for
    // the six site figures costs fewer first-load bytes than a typed one for each unit
    // (`UsdPerMegawatt::for_site`, `UsdPerMwYear::for_site`), measured, December 2026.
    let site = |per_mw: Figure| fig(|| mul(per_mw?, mw?.get()));

    use MetricId as M;
    let figures = [
        (M::HashpriceBtcPerPhDay, hashprice_btc),
        (M::HashpriceUsdPerPhDay, hashprice_usd),
        (M::NetworkHashrateEhS, network),
        (M::AsicEfficiencyJPerTh, eff.map(JoulesPerTerahash::get)),
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
        (M::MiningRunSharePct, mining.run_share),
        (M::MiningPowerPriceUsdPerKwh, mining.power_price),
        (M::MiningFlexibilityUsdPerMwYear, mining.flexibility),
    ];
    let mut metrics = Metrics([Err(ModelError::NotProjected); MetricId::COUNT]);
    for (id, figure) in figures {
        metrics.set(id, figure);
    }
    set_plan(i, &mut metrics, false);
    metrics
}

/// The plan's site figures (SPEC.md, "Site"): each the mining path's and the AI path's
/// weighted by `ai`; those over time only once the projection is there.
fn set_plan(i: &Inputs, metrics: &mut Metrics, projected: bool) {
    let a = i.ai().map(Share::fraction);
    let ai_path = site::ai_path(i.scenario().aip());
    for (plan, of) in site::plan_metrics() {
        if plan.needs_projection() == projected {
            let figure = site::weighted(a, metrics.get(of(Path::Mining)), metrics.get(of(ai_path)));
            metrics.set(plan, figure);
        }
    }
}

#[cfg(test)]
mod tests;
