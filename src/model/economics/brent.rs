//! Brent's method on a bracketed root, in checked decimal arithmetic: the rate-of-return
//! search's last step.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::error::{ModelError, Quantity as Q};

// The search's arithmetic: a product rounded towards zero at the 28th place is a step, not
// an answer (see `figure`).
use crate::model::figure::{add, div_rounded as div, mul_rounded as mul, sub, Figure};

const EPSILON: Decimal = dec!(0.0000000000000000000000000001);
const TWO: Decimal = dec!(2);
pub(super) const HALF: Decimal = dec!(0.5);
/// Enough for Brent's method on a bracket of width below 1, which halves at least every
/// third step here; reaching it means something unexpected, and says so.
pub(super) const MAX_STEPS: u32 = 400;

/// Brent's method (Brent 1973, "Algorithms for minimization without derivatives", ch. 4;
/// as `zbrent` in Numerical Recipes): inverse quadratic interpolation or the secant when they
/// make progress, halving the bracket otherwise. `f(a)` and `f(b)` must have opposite signs.
/// A step whose arithmetic fails halves instead, and so does the step after three that did
/// not halve the bracket between them, so it ends within about three times the halvings a
/// plain bisection would need.
pub(super) fn brent(
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
