//! A path's cash over its life: the outlay at month 0, then one cash flow a month. Payback,
//! lifetime cash, net present value and internal rate of return, in checked decimal
//! arithmetic and without floats.
//!
//! The rate of return's search is `irr.rs`, beside this file.
//!
//! Yearly rates become monthly factors once: `(1 + r)^(1/12)` by Newton's method on the
//! twelfth power, then month `m` is discounted by that factor's `m`-th power, built by
//! multiplication (Horner's scheme), never by a root per month.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

// The search's arithmetic: a product or quotient rounded towards zero at the 28th place is
// a step of a search or a sum of discounted cash, not a figure read as zero.
use crate::model::error::{ModelError, Quantity as Q};
use crate::model::figure::{add, div_rounded as div, mul_rounded as mul, sub, Figure};
use crate::model::units::Rate;

/// `1 + pct/100`.
fn growth(pct: Decimal) -> Figure {
    Rate::new(pct).factor()
}

/// The twelfth root of `x > 0` by Newton's method: the monthly factor of a yearly one.
pub(crate) fn twelfth_root(x: Decimal) -> Figure {
    if x <= Decimal::ZERO {
        return Err(ModelError::ZeroDivisor(Q::YearlyGrowthFactor));
    }
    // From 1, the first step lands above the root (or starts there, for `x < 1`); from
    // above, Newton's steps on the convex `r^12 − x` fall monotonically onto it.
    let mut r = Decimal::ONE;
    for _ in 0..200 {
        let r11 = power(r, 11)?;
        let step = div(sub(mul(r11, r)?, x)?, mul(dec!(12), r11)?, Q::TwelfthRootSlope)?;
        r = sub(r, step)?;
        if step.abs() < dec!(0.0000000000000000000000001) {
            return Ok(r);
        }
    }
    Err(ModelError::NoConvergence)
}

/// `x^n` by repeated squaring.
pub(crate) fn power(x: Decimal, mut n: u32) -> Figure {
    let (mut result, mut base) = (Decimal::ONE, x);
    while n > 0 {
        if n & 1 == 1 {
            result = mul(result, base)?;
        }
        n >>= 1;
        if n > 0 {
            base = mul(base, base)?;
        }
    }
    Ok(result)
}

/// The monthly discount factor at the yearly rate `rate_pct`: `(1 + rate/100)^(−1/12)`.
pub fn monthly_discount(rate_pct: Decimal) -> Figure {
    div(Decimal::ONE, twelfth_root(growth(rate_pct)?)?, Q::MonthlyGrowthFactor)
}

/// The yearly rate in percent whose monthly discount factor is `v`: `100 · (v^−12 − 1)`.
pub(crate) fn yearly_rate_pct(v: Decimal) -> Figure {
    let yearly = power(div(Decimal::ONE, v, Q::MonthlyDiscountFactor)?, 12)?;
    mul(sub(yearly, Decimal::ONE)?, Decimal::ONE_HUNDRED)
}

/// The outlay and monthly cash flows of one path over its life, in USD per MW.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashFlows {
    /// Capex per MW, paid at month 0.
    pub capex: Decimal,
    /// `flows[m − 1]` is the cash of month `m`, for `m` from 1 to the end of the life;
    /// never negative (a path stands idle rather than lose cash).
    pub flows: Vec<Decimal>,
}

impl CashFlows {
    /// Cumulative cash `cum(m) = −capex + Σ_{k ≤ m} cf(k)` for `m` from 0 to the end of the
    /// life; an overflow ends the list with its error.
    pub fn cumulative(&self) -> impl Iterator<Item = Figure> + '_ {
        let start = core::iter::once(Ok(-self.capex));
        start.chain(self.flows.iter().scan(Ok(-self.capex), |cum: &mut Figure, cf| {
            *cum = cum.and_then(|c| add(c, *cf));
            Some(*cum)
        }))
    }

    /// The first month whose cumulative cash is at least zero.
    pub fn payback_months(&self) -> Result<u32, ModelError> {
        for (month, cum) in (0u32..).zip(self.cumulative()) {
            if cum? >= Decimal::ZERO {
                return Ok(month);
            }
        }
        Err(ModelError::NeverPaysBack)
    }

    /// Cumulative cash at the end of the life.
    pub fn lifetime_cash(&self) -> Figure {
        self.flows.iter().try_fold(-self.capex, |cum, cf| add(cum, *cf))
    }

    /// `−capex + Σ cf(m) · v^m`, the sum by Horner's scheme: one multiplication and one
    /// addition a month.
    pub(crate) fn npv_at(&self, v: Decimal) -> Figure {
        let present = self.flows.iter().rev().try_fold(Decimal::ZERO, |acc, cf| mul(add(acc, *cf)?, v))?;
        sub(present, self.capex)
    }

    /// Net present value at the yearly discount rate `rate_pct` (in %):
    /// `−capex + Σ cf(m) / (1 + rate/100)^(m/12)`.
    pub fn npv(&self, rate_pct: Decimal) -> Figure {
        self.npv_at(monthly_discount(rate_pct)?)
    }
}
#[cfg(test)]
pub(super) mod tests {
    use super::*;

    #[test]
    fn it_finds_twelfth_roots() {
        // The yearly factors the model meets: −99 % to +10,000 %.
        for yearly in [dec!(0.01), dec!(0.85), dec!(1), dec!(1.1), dec!(2), dec!(11), dec!(101)] {
            let r = twelfth_root(yearly).unwrap_or_else(|e| panic!("{yearly}: {e:?}"));
            let back = power(r, 12).unwrap_or_else(|e| panic!("{yearly}: {e:?}"));
            assert!((back - yearly).abs() < dec!(0.0000000000000000000000001) * yearly, "{yearly}: {r}^12 = {back}");
        }
        assert_eq!(twelfth_root(Decimal::ZERO), Err(ModelError::ZeroDivisor(Q::YearlyGrowthFactor)));
    }

    #[test]
    fn it_raises_to_a_power_whose_result_fits_even_when_the_next_square_would_not() {
        // 10^15 squared overflows 28 digits: x^1, x^0 and (10^7)^3 never square past what
        // they need.
        let big = dec!(1000000000000000);
        assert_eq!(power(big, 1), Ok(big));
        assert_eq!(power(big, 0), Ok(Decimal::ONE));
        assert_eq!(power(dec!(10000000), 3), Ok(dec!(1000000000000000000000)));
        assert_eq!(power(dec!(1.1), 2), Ok(dec!(1.21)));
    }

    /// Cash flows for a test: the outlay, then the flows month by month.
    pub(in crate::model::economics) fn flows(capex: Decimal, flows: &[Decimal]) -> CashFlows {
        CashFlows { capex, flows: flows.to_vec() }
    }

    /// Is `got` within 10^−12 of the worked figure `want`, relative to it?
    pub(in crate::model::economics) fn close(got: Figure, want: &str) -> bool {
        let want: Decimal = want.parse().unwrap_or_else(|e| panic!("{want}: {e}"));
        got.is_ok_and(|g| (g - want).abs() <= want.abs() * dec!(0.000000000001))
    }

    #[test]
    fn it_pays_back_discounts_and_sums() {
        let cash = flows(dec!(100), &[dec!(0), dec!(0), dec!(121)]);
        let cum: Vec<Figure> = cash.cumulative().collect();
        assert_eq!(cum, vec![Ok(dec!(-100)), Ok(dec!(-100)), Ok(dec!(-100)), Ok(dec!(21))]);
        assert_eq!(cash.payback_months(), Ok(3));
        assert_eq!(cash.lifetime_cash(), Ok(dec!(21)));
        // −100 + 121 / 1.12^(3/12)
        assert!(close(cash.npv(dec!(12)), "17.6199159297448213582449395369686340096"));
        assert_eq!(cash.npv(Decimal::ZERO), Ok(dec!(21)));
        assert_eq!(flows(dec!(100), &[dec!(99)]).payback_months(), Err(ModelError::NeverPaysBack));
        assert_eq!(flows(Decimal::ZERO, &[]).payback_months(), Ok(0));
    }
}
