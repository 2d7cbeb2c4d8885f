//! A path's cash over its life: the outlay at month 0, then one cash flow a month. Payback,
//! lifetime cash, net present value and internal rate of return, in checked decimal
//! arithmetic and without floats.
//!
//! Yearly rates become monthly factors once: `(1 + r)^(1/12)` by Newton's method on the
//! twelfth power, then month `m` is discounted by that factor's `m`-th power, built by
//! multiplication (Horner's scheme), never by a root per month.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

// The search's arithmetic: a product or quotient rounded towards zero at the 28th place is
// a step of a search or a sum of discounted cash, not a figure read as zero.
use super::economics::figure::{add, div_rounded as div, fraction_of_percent, mul_rounded as mul, sub, Figure};
use super::error::{ModelError, Quantity as Q};

/// `1 + pct/100`.
pub(crate) fn growth(pct: Decimal) -> Figure {
    add(Decimal::ONE, fraction_of_percent(pct))
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
fn power(x: Decimal, mut n: u32) -> Figure {
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
fn yearly_rate_pct(v: Decimal) -> Figure {
    let yearly = power(div(Decimal::ONE, v, Q::MonthlyDiscountFactor)?, 12)?;
    mul(sub(yearly, Decimal::ONE)?, Decimal::ONE_HUNDRED)
}

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
const EPSILON: Decimal = dec!(0.0000000000000000000000000001);
const TWO: Decimal = dec!(2);
const HALF: Decimal = dec!(0.5);
/// Enough for Brent's method on a bracket of width below 1, which halves at least every
/// third step here; reaching it means something unexpected, and says so.
const MAX_STEPS: u32 = 400;
/// `2^62`: the quick search's monthly factor is an integer in units of `2^−62`.
const Q62: Decimal = dec!(4611686018427387904);

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
    fn npv_at(&self, v: Decimal) -> Figure {
        let present = self.flows.iter().rev().try_fold(Decimal::ZERO, |acc, cf| mul(add(acc, *cf)?, v))?;
        sub(present, self.capex)
    }

    /// Net present value at the yearly discount rate `rate_pct` (in %):
    /// `−capex + Σ cf(m) / (1 + rate/100)^(m/12)`.
    pub fn npv(&self, rate_pct: Decimal) -> Figure {
        self.npv_at(monthly_discount(rate_pct)?)
    }

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
        let exact = |v: Decimal| self.npv_at(v);
        let months = Decimal::from(self.flows.len());
        let confirmed = QuickFlows::new(self).and_then(|quick| {
            let v = root(|v| quick.npv_at(v), QUICK_TOLERANCE).ok()?;
            confirm(exact, v, quick.reach(v, months)?, months)
        });
        let v = match confirmed {
            Some(v) => v,
            None => root(exact, EXACT_TOLERANCE)?,
        };
        // The bracket's ends sit just inside the range, so only the last digit's rounding in
        // `v^−12` could step outside it.
        Ok(yearly_rate_pct(v)?.clamp(LEAST_RATE_PCT, MOST_RATE_PCT))
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
        let growth =
            if v > Decimal::ONE { power(v, u32::try_from(self.flows.len()).ok()?).ok()? } else { Decimal::ONE };
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

/// Brent's method (Brent 1973, "Algorithms for minimization without derivatives", ch. 4;
/// as `zbrent` in Numerical Recipes): inverse quadratic interpolation or the secant when they
/// make progress, halving the bracket otherwise. `f(a)` and `f(b)` must have opposite signs.
/// A step whose arithmetic fails halves instead, and so does the step after three that did
/// not halve the bracket between them, so it ends within about three times the halvings a
/// plain bisection would need.
fn brent(
    f: impl Fn(Decimal) -> Figure,
    (a, fa): (Decimal, Decimal),
    (b, fb): (Decimal, Decimal),
    tolerance: Decimal,
) -> Figure {
    let (mut a, mut fa, mut b, mut fb) = (a, fa, b, fb);
    let (mut c, mut fc) = (a, fa);
    let mut d = sub(b, a)?;
    let mut e = d;
    let mut width_before = d.abs();
    for step in 0..MAX_STEPS {
        if !fb.is_zero() && !fc.is_zero() && (fb > Decimal::ZERO) == (fc > Decimal::ZERO) {
            (c, fc) = (a, fa);
            d = sub(b, a)?;
            e = d;
        }
        if fc.abs() < fb.abs() {
            (a, fa) = (b, fb);
            (b, fb) = (c, fc);
            (c, fc) = (a, fa);
        }
        let tol = add(mul(mul(TWO, EPSILON)?, b.abs())?, mul(tolerance, HALF)?)?;
        let half = mul(sub(c, b)?, HALF)?;
        if half.abs() <= tol || fb.is_zero() {
            return Ok(b);
        }
        let width = mul(half.abs(), TWO)?;
        let stalled = step % 3 == 2 && {
            let stalled = width > mul(width_before, HALF)?;
            width_before = width;
            stalled
        };
        let interpolated = if stalled || e.abs() < tol || fa.abs() <= fb.abs() {
            None
        } else {
            interpolation(a, fa, b, fb, c, fc, half, e, tol).ok().flatten()
        };
        match interpolated {
            Some(step) => {
                e = d;
                d = step;
            }
            None => {
                d = half;
                e = d;
            }
        }
        (a, fa) = (b, fb);
        b = if d.abs() > tol {
            add(b, d)?
        } else if half > Decimal::ZERO {
            add(b, tol)?
        } else {
            sub(b, tol)?
        };
        fb = f(b)?;
    }
    Err(ModelError::NoConvergence)
}

/// Brent's interpolation step, or `None` when it would not land well inside the bracket
/// or shrink faster than the step before last: the secant through `a` and `b` when
/// `a = c`, else inverse quadratic interpolation through all three points.
#[allow(clippy::too_many_arguments)]
fn interpolation(
    a: Decimal,
    fa: Decimal,
    b: Decimal,
    fb: Decimal,
    c: Decimal,
    fc: Decimal,
    half: Decimal,
    e: Decimal,
    tol: Decimal,
) -> Result<Option<Decimal>, ModelError> {
    let s = div(fb, fa, Q::SearchValueA)?;
    let (p, q) = if a == c {
        (mul(mul(TWO, half)?, s)?, sub(Decimal::ONE, s)?)
    } else {
        let q = div(fa, fc, Q::SearchValueC)?;
        let r = div(fb, fc, Q::SearchValueC)?;
        let left = mul(mul(mul(TWO, half)?, q)?, sub(q, r)?)?;
        let right = mul(sub(b, a)?, sub(r, Decimal::ONE)?)?;
        let p = mul(s, sub(left, right)?)?;
        let q = mul(mul(sub(q, Decimal::ONE)?, sub(r, Decimal::ONE)?)?, sub(s, Decimal::ONE)?)?;
        (p, q)
    };
    if p.is_zero() {
        // A step too small for 28 places (near the root, from a tiny `f(b)`): step by the
        // tolerance instead, towards `c`.
        return Ok(Some(Decimal::ZERO));
    }
    // With `p ≥ 0`, the step `p / q` goes towards `c` exactly when `half · q > 0`.
    let (p, q) = if p > Decimal::ZERO { (p, -q) } else { (-p, q) };
    let inside = sub(mul(mul(dec!(3), half)?, q)?, mul(tol, q)?.abs())?;
    let shrinking = mul(e, q)?.abs();
    let twice = mul(TWO, p)?;
    if twice < inside && twice < shrinking {
        Ok(Some(div(p, q, Q::Interpolation)?))
    } else {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
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

    fn flows(capex: Decimal, flows: &[Decimal]) -> CashFlows {
        CashFlows { capex, flows: flows.to_vec() }
    }

    fn close(got: Figure, want: &str) -> bool {
        let want: Decimal = want.parse().unwrap_or_else(|e| panic!("{want}: {e}"));
        got.is_ok_and(|g| (g - want).abs() <= want.abs() * dec!(0.000000000001))
    }

    #[test]
    fn it_finds_rates_of_return_worked_by_hand() {
        // (capex, flows, yearly rate in %): 100 = 110 · v gives v = 1/1.1 a month, so
        // 1.1^12 − 1; 100 = 121 · v^3 gives 1.21^4 − 1; 1 = 10^5 · v^240 gives 10^(5/20) − 1
        // (flows 10^20 times the capex in the integers' units: decimals alone).
        let mut late = vec![Decimal::ZERO; 239];
        late.push(dec!(100000));
        let cases = [
            (dec!(100), vec![dec!(110)], "213.8428376721"),
            (dec!(100), vec![dec!(0), dec!(0), dec!(121)], "114.358881"),
            (dec!(1), late, "77.82794100389228012254211952"),
        ];
        for (capex, cash, want) in cases {
            let got = flows(capex, &cash).irr_pct();
            assert!(close(got, want), "{capex} {:?}: {got:?}, worked {want}", cash.first());
        }
    }

    #[test]
    fn it_says_why_there_is_no_rate_of_return() {
        let cases = [
            (Decimal::ZERO, vec![dec!(5)], ModelError::NoOutlay),
            (dec!(100), vec![Decimal::ZERO; 12], ModelError::NoCashFlow),
            (dec!(100), vec![], ModelError::NoCashFlow),
            // 1 back on 1,000,000: far below −99 % a year.
            (dec!(1000000), vec![dec!(1)], ModelError::RateOutOfRange),
            // 10^6 a month on 1: far above 10,000 % a year.
            (dec!(1), vec![dec!(1000000); 240], ModelError::RateOutOfRange),
        ];
        for (capex, cash, want) in cases {
            assert_eq!(flows(capex, &cash).irr_pct(), Err(want), "{capex} {cash:?}");
        }
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

    #[test]
    fn it_brackets_the_rate_just_inside_its_range() {
        let most = yearly_rate_pct(V_AT_MOST_RATE).unwrap_or_default();
        let least = yearly_rate_pct(V_AT_LEAST_RATE).unwrap_or_default();
        assert!(most <= MOST_RATE_PCT && MOST_RATE_PCT - most < dec!(0.000000000000000000001), "{most}");
        assert!(least >= LEAST_RATE_PCT && least - LEAST_RATE_PCT < dec!(0.000000000000000000001), "{least}");
    }
}
