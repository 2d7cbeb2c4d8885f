//! The metrics of the contract (SPEC.md): their keys, units and order, and which of them
//! is each path's.

use strum::{EnumCount, VariantArray};

use super::path::Path;

/// A metric of the contract. The order is SPEC.md's, which is also the JSON order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumCount, VariantArray)]
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
    // SPEC.md, "Power by the hour (v1 extension)".
    MiningRunSharePct,
    MiningPowerPriceUsdPerKwh,
    MiningFlexibilityUsdPerMwYear,
    // SPEC.md, "Site": the plan, `ai` % of the site to AI and the rest mining.
    PlanSiteCapexUsd,
    PlanSiteMarginUsdPerYear,
    PlanSiteNpvUsd,
    PlanSiteLifetimeCashUsd,
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
    /// A share of the hours, in percent.
    Percent,
}

impl MetricId {
    /// Every metric in the enum's order: derived from the enum, so a new metric cannot be
    /// left out.
    pub const ALL: [MetricId; <Self as EnumCount>::COUNT] = all_variants!(MetricId, MetricId::HashpriceBtcPerPhDay);

    pub const COUNT: usize = <Self as EnumCount>::COUNT;

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

    /// Does this figure need the month-by-month projection? `evaluate_static` leaves
    /// these out ([`crate::model::ModelError::NotProjected`]); every other figure is cheap.
    pub fn needs_projection(self) -> bool {
        Path::ALL.into_iter().any(|p| {
            [p.payback_months(), p.lifetime_cash(), p.npv(), p.irr(), p.site_npv(), p.site_lifetime_cash()]
                .contains(&self)
        }) || matches!(self, MetricId::PlanSiteNpvUsd | MetricId::PlanSiteLifetimeCashUsd)
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
            MiningRunSharePct => ("mining_run_share_pct", U::Percent),
            MiningPowerPriceUsdPerKwh => ("mining_power_price_usd_per_kwh", U::UsdPerKwh),
            MiningFlexibilityUsdPerMwYear => ("mining_flexibility_usd_per_mw_year", U::UsdPerMwYear),
            PlanSiteCapexUsd => ("plan_site_capex_usd", U::Usd),
            PlanSiteMarginUsdPerYear => ("plan_site_margin_usd_per_year", U::UsdPerYear),
            PlanSiteNpvUsd => ("plan_site_npv_usd", U::Usd),
            PlanSiteLifetimeCashUsd => ("plan_site_lifetime_cash_usd", U::Usd),
        }
    }
}

/// Writes `Path`'s accessors of its metrics of one kind, each from its three metrics in
/// [`Path::ALL`] order.
macro_rules! path_metrics {
    ($($(#[$doc:meta])* $fn:ident => $mining:ident, $colo:ident, $gpu:ident;)*) => {
        /// Each path's metric of a kind.
        impl Path {
            $(
                $(#[$doc])*
                pub fn $fn(self) -> MetricId {
                    self.pick([MetricId::$mining, MetricId::$colo, MetricId::$gpu])
                }
            )*
        }
    };
}

path_metrics! {
    /// `…_margin_usd_per_kwh`.
    margin => MiningMarginUsdPerKwh, ColoMarginUsdPerKwh, GpuMarginUsdPerKwh;
    /// `…_capex_usd_per_mw`.
    capex => MiningCapexUsdPerMw, ColoCapexUsdPerMw, GpuCapexUsdPerMw;
    /// `…_margin_usd_per_mw_year`.
    margin_per_mw_year => MiningMarginUsdPerMwYear, ColoMarginUsdPerMwYear, GpuMarginUsdPerMwYear;
    /// `…_payback_years`: payback at today's figures.
    payback_years => MiningPaybackYears, ColoPaybackYears, GpuPaybackYears;
    /// `…_payback_months`: payback over the projection.
    payback_months => MiningPaybackMonths, ColoPaybackMonths, GpuPaybackMonths;
    /// `…_lifetime_cash_usd_per_mw`.
    lifetime_cash => MiningLifetimeCashUsdPerMw, ColoLifetimeCashUsdPerMw, GpuLifetimeCashUsdPerMw;
    /// `…_npv_usd_per_mw`.
    npv => MiningNpvUsdPerMw, ColoNpvUsdPerMw, GpuNpvUsdPerMw;
    /// `…_irr_pct`.
    irr => MiningIrrPct, ColoIrrPct, GpuIrrPct;
    /// `…_allin_margin_usd_per_kwh`.
    allin_margin => MiningAllinMarginUsdPerKwh, ColoAllinMarginUsdPerKwh, GpuAllinMarginUsdPerKwh;
    /// `…_site_capex_usd`.
    site_capex => MiningSiteCapexUsd, ColoSiteCapexUsd, GpuSiteCapexUsd;
    /// `…_site_margin_usd_per_year`.
    site_margin => MiningSiteMarginUsdPerYear, ColoSiteMarginUsdPerYear, GpuSiteMarginUsdPerYear;
    /// `…_site_npv_usd`.
    site_npv => MiningSiteNpvUsd, ColoSiteNpvUsd, GpuSiteNpvUsd;
    /// `…_site_lifetime_cash_usd`.
    site_lifetime_cash => MiningSiteLifetimeCashUsd, ColoSiteLifetimeCashUsd, GpuSiteLifetimeCashUsd;
}
