//! Why a figure could not be computed.

use rust_decimal::Decimal;

use super::fields::Key;

/// Why a metric has no value: `crate::text::reasons` words it on the page, and the metric
/// is `null` in JSON: never NaN, infinity or a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// A divisor is zero; the payload names the quantity ("cash cost per kWh").
    ZeroDivisor(&'static str),
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
    /// it ([`super::metrics::evaluate_static`]).
    NotProjected,
}
