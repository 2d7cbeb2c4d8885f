//! Why a figure could not be computed.

use core::fmt;

use super::fields::Key;

/// Why a metric has no value. Each variant reads as a sentence on the page and the
/// metric is `null` in JSON: never NaN, infinity or a panic.
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
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ZeroDivisor(what) => write!(f, "{what} is zero"),
            Self::Overflow => f.write_str("too large to compute"),
            Self::Underflow => f.write_str("too small to compute (below 28 decimal places)"),
            Self::MarginNotPositive => f.write_str("never: the margin is not positive"),
            Self::InvalidInput(key) => write!(f, "needs a valid {}", key.field().label),
        }
    }
}

impl std::error::Error for ModelError {}
