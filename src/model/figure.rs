//! A figure is a number or the reason it has none ([`Figure`]), and these are the one set
//! of checked operations every formula of the model uses: an overflow, a zero divisor or a
//! product too small to keep is an error that says so, never a panic, NaN or silent zero.
//!
//! Two kinds of operation, named apart so that the same name never behaves differently by
//! file: [`mul`] and [`div`] give a figure a reader reads, where a non-zero result rounded
//! to zero would be a false answer ([`ModelError::Underflow`]); [`mul_rounded`] and
//! [`div_rounded`] serve the rate-of-return search, where a product rounded towards zero
//! at the 28th place is only a step of the search, not an answer.

use rust_decimal::Decimal;

use crate::model::error::{ModelError, Quantity};

/// A value, or why it could not be computed. `Figure` alone is a plain decimal; the
/// typed figures (`Figure<UsdPerKwh>`) are the units' own operations.
pub type Figure<T = Decimal> = Result<T, ModelError>;

/// `a · b`; an error when the product overflows, or when non-zero factors give a product
/// too small to keep (it would read as a zero it is not).
pub fn mul(a: Decimal, b: Decimal) -> Figure {
    nonzero_unless(a.is_zero() || b.is_zero(), mul_rounded(a, b)?)
}

/// `a / b`, with `divisor` naming `b` when it is zero; an underflow is an error, as in [`mul`].
pub fn div(a: Decimal, b: Decimal, divisor: Quantity) -> Figure {
    nonzero_unless(a.is_zero(), div_rounded(a, b, divisor)?)
}

/// `a / n` for a constant `n ≥ 1`: it can neither divide by zero nor overflow, so no
/// quantity is named; an underflow is still an error, as in [`div`].
pub fn div_by_constant(a: Decimal, n: Constant) -> Figure {
    // `n.0 ≥ 1`, so the quotient is no larger than `a`: `checked_div` cannot fail.
    nonzero_unless(a.is_zero(), a.checked_div(n.0).ok_or(ModelError::Overflow)?)
}

/// `pct / 100`: a percentage as a fraction. Dividing by the constant 100 only shifts the
/// scale (rounding at the 28th place at most), so it cannot fail.
#[inline(always)]
pub fn fraction_of_percent(pct: Decimal) -> Decimal {
    pct / Decimal::ONE_HUNDRED
}

/// A divisor known when the code is written, at least 1.
#[derive(Clone, Copy, Debug)]
pub struct Constant(Decimal);

/// Two: a halving.
pub const TWO: Constant = Constant(Decimal::TWO);
/// One hundred: a percentage.
pub const HUNDRED: Constant = Constant(Decimal::ONE_HUNDRED);

/// `value`, unless it is a zero that only rounding made (`zero_expected` is false).
fn nonzero_unless(zero_expected: bool, value: Decimal) -> Figure {
    if value.is_zero() && !zero_expected {
        Err(ModelError::Underflow)
    } else {
        Ok(value)
    }
}

pub fn add(a: Decimal, b: Decimal) -> Figure {
    a.checked_add(b).ok_or(ModelError::Overflow)
}

pub fn sub(a: Decimal, b: Decimal) -> Figure {
    a.checked_sub(b).ok_or(ModelError::Overflow)
}

/// `a · b` where rounding a tiny product to zero is accepted (the search's steps).
pub fn mul_rounded(a: Decimal, b: Decimal) -> Figure {
    a.checked_mul(b).ok_or(ModelError::Overflow)
}

/// `a / b` where rounding a tiny quotient to zero is accepted (the search's steps).
pub fn div_rounded(a: Decimal, b: Decimal, divisor: Quantity) -> Figure {
    if b.is_zero() {
        return Err(ModelError::ZeroDivisor(divisor));
    }
    a.checked_div(b).ok_or(ModelError::Overflow)
}

/// Names the type of a figure's closure, so `?` inside it knows where to go. Always
/// inlined: a call per closure would cost bytes and say nothing.
#[inline(always)]
pub fn fig<T>(compute: impl FnOnce() -> Figure<T>) -> Figure<T> {
    compute()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    const TINY: Decimal = dec!(0.0000000000000000000000000001);

    #[test]
    fn it_says_why_an_operation_fails() {
        assert_eq!(mul(Decimal::MAX, dec!(2)), Err(ModelError::Overflow));
        assert_eq!(mul(TINY, dec!(0.1)), Err(ModelError::Underflow));
        assert_eq!(mul(Decimal::ZERO, TINY), Ok(Decimal::ZERO));
        assert_eq!(
            div(dec!(1), Decimal::ZERO, Quantity::Difficulty),
            Err(ModelError::ZeroDivisor(Quantity::Difficulty))
        );
        assert_eq!(div(TINY, dec!(10), Quantity::Difficulty), Err(ModelError::Underflow));
        assert_eq!(div(Decimal::ZERO, dec!(10), Quantity::Difficulty), Ok(Decimal::ZERO));
        assert_eq!(add(Decimal::MAX, dec!(1)), Err(ModelError::Overflow));
        assert_eq!(sub(Decimal::MIN, dec!(1)), Err(ModelError::Overflow));
    }

    #[test]
    fn it_rounds_only_where_asked_to() {
        assert_eq!(mul_rounded(TINY, dec!(0.1)), Ok(Decimal::ZERO));
        assert_eq!(div_rounded(TINY, dec!(10), Quantity::Difficulty), Ok(Decimal::ZERO));
        assert_eq!(
            div_rounded(dec!(1), Decimal::ZERO, Quantity::Uptime),
            Err(ModelError::ZeroDivisor(Quantity::Uptime))
        );
    }

    #[test]
    fn it_divides_by_constants_without_naming_a_divisor() {
        assert_eq!(div_by_constant(dec!(3.125), TWO), Ok(dec!(1.5625)));
        assert_eq!(div_by_constant(dec!(97), HUNDRED), Ok(dec!(0.97)));
        assert_eq!(div_by_constant(TINY, TWO), Err(ModelError::Underflow));
        assert_eq!(div_by_constant(Decimal::ZERO, HUNDRED), Ok(Decimal::ZERO));
    }
}
