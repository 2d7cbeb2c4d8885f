//! Why a figure could not be computed.

use rust_decimal::Decimal;

use super::fields::Key;

/// Why a metric has no value: `crate::text::reasons` words it on the page, and the metric
/// is `null` in JSON: never NaN, infinity or a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// A divisor is zero; the payload says which quantity (`crate::text::reasons` words it).
    ZeroDivisor(Quantity),
    /// An intermediate or final value exceeds what a 96-bit decimal holds.
    Overflow,
    /// A product or quotient of non-zero values is smaller than 28 decimal places hold: it
    /// would read as zero, which it is not.
    Underflow,
    /// Payback is never reached because the yearly margin is zero or negative.
    MarginNotPositive,
    /// The input this figure needs is being edited and is not valid yet.
    InvalidInput(Key),
    /// A count of months or blocks that is not a whole number (no valid link holds one).
    NotWhole(Decimal),
    /// The cumulative cash of a path stays below zero over the whole of its life.
    NeverPaysBack,
    /// No rate of return exists when nothing is invested (the path's capex is zero).
    NoOutlay,
    /// No rate of return exists when the path earns nothing over its life.
    NoCashFlow,
    /// The rate of return lies outside −99 % to 10,000 % a year, where it is sought.
    RateOutOfRange,
    /// The rate-of-return search stopped before it narrowed the root down (not expected:
    /// the search falls back to halving its bracket).
    NoConvergence,
    /// A figure that needs the month-by-month projection, from an evaluation that skipped
    /// it ([`crate::model::evaluate_static`]).
    NotProjected,
    /// Mining runs in no hour of the price profile: every bucket is dearer than the strike
    /// or than what mining earns.
    MiningNeverRuns,
    /// A figure of the price profile, with a flat price (`pp=flat`).
    FlatPrice,
}

/// A quantity a formula divides by, named when it is zero. The model names it; the text
/// layer words it in the reader's language (`crate::text::reasons`, a table in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumCount, strum::VariantArray)]
pub enum Quantity {
    BitcoinPrice,
    Difficulty,
    /// kWh drawn per PH/s per day.
    EnergyPerPhDay,
    /// The AI site's facility kWh a month per kW of IT load.
    AiSiteOverhead,
    ItPowerPerGpu,
    Hashprice,
    EnergyPerBtc,
    AsicEfficiency,
    MarginPerMwYear,
    AsicLife,
    FitOutLife,
    GpuLife,
    Uptime,
    BitcoinPerTerahash,
    CashCostPerKwh,
    MiningRevenuePerKwh,
    /// The difficulty's monthly growth factor.
    DifficultyStep,
    RewardPerBlock,
    HashratePerMachine,
    YearlyGrowthFactor,
    MonthlyGrowthFactor,
    MonthlyDiscountFactor,
    /// The slope of `r^12 − x` in Newton's steps.
    TwelfthRootSlope,
    /// A value at an end of the rate-of-return search's bracket.
    SearchValueA,
    SearchValueC,
    /// The denominator of Brent's interpolation step.
    Interpolation,
    /// The decision map's cells along one axis.
    NumberOfCells,
    /// The mean of a price profile's buckets.
    ProfileMean,
    /// The number of the profile's buckets in which mining runs.
    RunningBuckets,
}
