//! The internal rate of return of a path's cash flows: the yearly rate at which their net
//! present value is zero, sought on the monthly discount factor, first on integers (quick),
//! then confirmed on exact decimal sums.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::economics::cashflow::{power, yearly_rate_pct, CashFlows};
use crate::model::error::ModelError;

use super::brent::{brent, HALF, MAX_STEPS};
// The search's arithmetic: see `figure`.
use crate::model::figure::{add, mul_rounded as mul, Figure};

/// The monthly discount factors at the ends of the range where a rate of return is sought:
/// `101^(−1/12)` for 10,000 % a year and `0.01^(−1/12)` for −99 % (worked at 40 digits and
/// rounded towards the inside of the range; a test checks them).
const V_AT_MOST_RATE: Decimal = dec!(0.6807273797509788042925888333);
const V_AT_LEAST_RATE: Decimal = dec!(1.4677992676220695409205171148);
const MOST_RATE_PCT: Decimal = dec!(10000);
const LEAST_RATE_PCT: Decimal = dec!(-99);

/// Where the exact search stops: the bracket on the monthly factor is this narrow. Near 1,
/// a 96-bit decimal holds 28 places, so this is a few units of the last.
const EXACT_TOLERANCE: Decimal = dec!(0.00000000000000000000000001);
/// Where the quick search stops: a few units of its factor's resolution, 2^−62.
const QUICK_TOLERANCE: Decimal = dec!(0.000000000000000001);
/// `2^62`: the quick search's monthly factor is an integer in units of `2^−62`.
const Q62: Decimal = dec!(4611686018427387904);

impl CashFlows {
    /// The yearly rate (in %) at which the net present value is zero, between −99 % and
    /// 10,000 %.
    ///
    /// With the outlay first and no negative flow after, the net present value rises with
    /// the monthly factor `v = (1 + r)^(−1/12)`, so the root is unique, and Brent's method
    /// finds it on `v` (Horner's sum, no root per step); then `r = v^−12 − 1`. A decimal
    /// sum costs about 0.25 µs a month, so the search runs first on the same sum in 128-bit
    /// integers (resolution 10^−15 of the capex, coarser above 1 where `v^m` amplifies it),
    /// then two decimal sums either side of its answer, as far as its error can reach,
    /// confirm the bracket, and the secant between them is the answer when it is provably
    /// within 10^−6 USD of the root's NPV (else Brent's method goes on, on decimals, inside
    /// that bracket). Should the bracket not hold, or the integers not fit, the search runs
    /// on decimals alone.
    pub fn irr_pct(&self) -> Figure {
        if self.capex.is_zero() {
            return Err(ModelError::NoOutlay);
        }
        if self.flows.iter().all(Decimal::is_zero) {
            return Err(ModelError::NoCashFlow);
        }
        let v = match self.quick_root() {
            Some(v) => v,
            None => self.exact_root()?,
        };
        // The bracket's ends sit just inside the range, so only the last digit's rounding in
        // `v^−12` could step outside it.
        Ok(yearly_rate_pct(v)?.clamp(LEAST_RATE_PCT, MOST_RATE_PCT))
    }

    /// The fast path: the root on integers, confirmed (and narrowed) on exact sums; `None`
    /// when the integers do not fit or the bracket does not hold.
    fn quick_root(&self) -> Option<Decimal> {
        let months = Decimal::from(self.flows.len());
        let quick = QuickFlows::new(self)?;
        let v = root(|v| quick.npv_at(v), QUICK_TOLERANCE).ok()?;
        confirm(|v| self.npv_at(v), v, quick.reach(v, months)?, months)
    }

    /// The slow path: the root on exact decimal sums alone.
    fn exact_root(&self) -> Figure {
        root(|v| self.npv_at(v), EXACT_TOLERANCE)
    }
}

/// Brackets the root near `v` with exact sums at `v ± δ` (widening `δ` a hundredfold, twice,
/// if they do not bracket it), then narrows it down; `None` if no bracket holds.
///
/// The secant between the ends is off the root by at most `f''/(2 f') · δ^2`, and since
/// `f'' ≤ (L/v) · f'` for a sum of `cf · v^m` with `m ≤ L` (and `v ≥ 0.68`), its NPV is off
/// by at most about `L · |f(hi) − f(lo)| · δ`: below 10^−6 USD, the secant is the answer;
/// otherwise Brent's method on exact sums goes on inside the bracket.
fn confirm(exact: impl Fn(Decimal) -> Figure, v: Decimal, delta: Decimal, months: Decimal) -> Option<Decimal> {
    let mut delta = delta;
    for _ in 0..3 {
        let lo = v.checked_sub(delta)?.max(V_AT_MOST_RATE);
        let hi = v.checked_add(delta)?.min(V_AT_LEAST_RATE);
        let (f_lo, f_hi) = (exact(lo).ok()?, exact(hi).ok()?);
        if f_lo.is_zero() {
            return Some(lo);
        }
        if f_hi.is_zero() {
            return Some(hi);
        }
        if f_lo < Decimal::ZERO && f_hi > Decimal::ZERO {
            let rise = f_hi.checked_sub(f_lo)?;
            let off_by = rise.checked_mul(months)?.checked_mul(delta)?;
            if off_by > dec!(0.000001) {
                return brent(exact, (lo, f_lo), (hi, f_hi), EXACT_TOLERANCE).ok();
            }
            // lo + (hi − lo) · (−f_lo) / (f_hi − f_lo): inside the bracket.
            let share = (-f_lo).checked_div(rise)?;
            return lo.checked_add(hi.checked_sub(lo)?.checked_mul(share)?);
        }
        delta = delta.checked_mul(dec!(100))?;
    }
    None
}

/// The monthly factor in `[V_AT_MOST_RATE, V_AT_LEAST_RATE]` where the increasing `f`
/// crosses zero, to `tolerance`; [`ModelError::RateOutOfRange`] when it does not cross there.
fn root(f: impl Fn(Decimal) -> Figure, tolerance: Decimal) -> Figure {
    let (mut lo, mut hi) = (V_AT_MOST_RATE, V_AT_LEAST_RATE);
    let mut f_lo = f(lo)?;
    if f_lo > Decimal::ZERO {
        return Err(ModelError::RateOutOfRange);
    }
    if f_lo.is_zero() {
        return Ok(lo);
    }
    // Below 1, no partial sum of Horner's scheme exceeds the sum of the flows, which fits.
    // Above 1, each is below the whole: an overflow there means a value beyond any capex,
    // so positive. Halve the bracket until its upper end has a value.
    let mut f_hi = f(hi);
    let mut steps = 0;
    while f_hi == Err(ModelError::Overflow) {
        steps += 1;
        if steps > MAX_STEPS {
            return Err(ModelError::NoConvergence);
        }
        let mid = mul(add(lo, hi)?, HALF)?;
        match f(mid) {
            Err(ModelError::Overflow) if mid > Decimal::ONE => hi = mid,
            Err(e) => return Err(e),
            Ok(value) if value < Decimal::ZERO => (lo, f_lo) = (mid, value),
            Ok(value) => (hi, f_hi) = (mid, Ok(value)),
        }
    }
    let f_hi = f_hi?;
    if f_hi < Decimal::ZERO {
        return Err(ModelError::RateOutOfRange);
    }
    if f_hi.is_zero() {
        return Ok(hi);
    }
    brent(f, (lo, f_lo), (hi, f_hi), tolerance)
}

/// The cash flows as integers for the quick search: units of `10^−k` USD, `k` chosen so
/// that the capex is between 10^15 and 10^16 units. The sum then has room for flows about
/// 1,800 times the capex before it overflows (and the search falls back to decimals), and
/// a flow below one unit counts as none here (the exact sums that confirm the answer still
/// see it).
struct QuickFlows {
    capex: i128,
    flows: Vec<i128>,
}

impl QuickFlows {
    fn new(cash: &CashFlows) -> Option<QuickFlows> {
        // floor(log10(capex)) from the digits of its mantissa and its scale.
        let magnitude = cash.capex.mantissa().checked_ilog10()? as i32 - cash.capex.scale() as i32;
        let k = 15 - magnitude;
        let units = |x: Decimal| -> Option<i128> {
            let shift = k - x.scale() as i32;
            if shift >= 0 {
                x.mantissa().checked_mul(10i128.checked_pow(shift.unsigned_abs())?)
            } else {
                // A mantissa has at most 29 digits: past 10^38 the quotient is 0 anyway.
                Some(10i128.checked_pow(shift.unsigned_abs()).map_or(0, |p| x.mantissa() / p))
            }
        };
        let flows: Vec<i128> = cash.flows.iter().map(|cf| units(*cf)).collect::<Option<_>>()?;
        // Up to a factor of 1, each partial sum of Horner's scheme is at most the sum of the
        // flows: if that fits in 2^63, no overflow below 1, and one above 1 means a positive
        // sum (see `root`).
        let total = flows.iter().try_fold(0i128, |t, cf| t.checked_add(*cf))?;
        (total < 1 << 63).then_some(QuickFlows { capex: units(cash.capex)?, flows })
    }

    /// How far from the quick root `v` the exact one can be: each month's product is
    /// rounded down by less than a unit, grown by at most `v^L` above 1, so the sum is off
    /// by less than `(L + 1) · max(1, v^L)` units; over the slope (from the sum 10^−9 either
    /// side), that is a distance in `v`, taken four times over and at least 10^−22.
    fn reach(&self, v: Decimal, months: Decimal) -> Option<Decimal> {
        let h = dec!(0.000000001);
        let (lo, hi) = (v.checked_sub(h)?.max(V_AT_MOST_RATE), v.checked_add(h)?.min(V_AT_LEAST_RATE));
        let slope = self.npv_at(hi).ok()?.checked_sub(self.npv_at(lo).ok()?)?.checked_div(hi.checked_sub(lo)?)?;
        if slope <= Decimal::ZERO {
            return None;
        }
        // `v^L` above 1, 1 below (`1^L` is exactly 1).
        let growth = power(v.max(Decimal::ONE), u32::try_from(self.flows.len()).ok()?).ok()?;
        let error = (months + Decimal::ONE).checked_mul(growth)?.checked_mul(dec!(4))?;
        Some(error.checked_div(slope)?.max(dec!(0.0000000000000000000001)))
    }

    /// The net present value at the monthly factor `v`, in units: `v` is rounded down to
    /// `2^−62`, each product too, so the sum is a little low, by at most a unit a month
    /// (times `v^m` above 1). An overflow is [`ModelError::Overflow`].
    fn npv_at(&self, v: Decimal) -> Figure {
        let v = i128::try_from(mul(v, Q62)?).map_err(|_| ModelError::Overflow)?;
        let mut acc: i128 = 0;
        for cf in self.flows.iter().rev() {
            let product = acc.checked_add(*cf).and_then(|a| a.checked_mul(v)).ok_or(ModelError::Overflow)?;
            acc = product >> 62;
        }
        let npv = acc.checked_sub(self.capex).ok_or(ModelError::Overflow)?;
        Decimal::try_from_i128_with_scale(npv, 0).map_err(|_| ModelError::Overflow)
    }
}

#[cfg(test)]
mod tests;
