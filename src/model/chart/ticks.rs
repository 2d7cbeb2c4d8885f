//! "Nice" axis ticks: multiples of 1, 2 or 5 × 10ⁿ, four to seven of them, as a reader
//! expects on a printed chart. Values come back as exact decimals, so `0.02` is `0.02` and
//! the page formats it in the reader's language; the model writes no words.

use rust_decimal::Decimal;

use super::scale::{finite, px, LinearScale};

/// The fewest and most ticks an axis shows. Fewer than four and the reader cannot judge
/// the scale; more than seven and the labels crowd at 360 px.
pub const MIN_TICKS: usize = 4;
pub const MAX_TICKS: usize = 7;

/// A span narrower than this (absolute, or relative to the values' size) is treated as
/// zero wide: the ticks would need more digits than a reader (or a `Decimal`) can hold.
const MIN_SPAN: f64 = 1e-18;
const MIN_RELATIVE_SPAN: f64 = 1e-9;
/// Absorbs the rounding of `v / step` (0.3 / 0.1 = 2.9999999999999996).
const SLACK: f64 = 1e-9;

/// How the ticks relate to the data's interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The ticks cover the interval and become the axis's domain (a line chart's y axis:
    /// the first and last ticks are the plot's bottom and top).
    Cover,
    /// The ticks lie inside the interval, which stays the domain (a heatmap's axes, whose
    /// ends are set by the grid).
    Within,
}

/// An axis's ticks, from low to high.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    /// The distance between ticks, normalised (`0.02`, `5000`).
    pub step: Decimal,
    /// Each tick's value, exact, normalised.
    pub values: Vec<Decimal>,
    /// The interval the axis spans: the outer ticks for [`Fit::Cover`], the (sanitised)
    /// input for [`Fit::Within`]. Build the scale on this.
    pub domain: (f64, f64),
    /// The same values in `f64`, for placing them.
    raw: Vec<f64>,
}

/// One tick placed on its axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tick {
    pub value: Decimal,
    /// Position along the axis, in chart units (x for a horizontal axis, y for a vertical one).
    pub at: i32,
}

impl Ticks {
    /// How many decimal places the labels need so that every tick reads exactly
    /// (`0.02` → 2, `0.5` → 1, `5000` → 0).
    pub fn decimals(&self) -> u32 {
        self.step.scale()
    }

    /// Each tick with its position on `scale`.
    pub fn place(&self, scale: &LinearScale) -> Vec<Tick> {
        self.values.iter().zip(&self.raw).map(|(&value, &raw)| Tick { value, at: px(scale.map(raw)) }).collect()
    }
}

/// Nice ticks for the interval `lo … hi` (either order; NaN ends are ignored, infinite
/// ones pinned to ±10²⁴).
///
/// Among steps of 1, 2 or 5 × 10ⁿ it keeps those giving [`MIN_TICKS`]–[`MAX_TICKS`] ticks
/// and picks the tightest: with [`Fit::Cover`] the one covering the least beyond the data,
/// with [`Fit::Within`] the one spreading furthest across it; on a tie, the larger step
/// (fewer labels). When no step gives four (possible only for `Within`), two or three will do.
/// Ticks are multiples of the step, so zero is a tick whenever the interval crosses it.
///
/// An interval of zero width (one value, or all values equal) is widened to reach zero,
/// and `0 … 0` becomes `0 … 1`, so an axis always has a scale to read.
pub fn nice_ticks(lo: f64, hi: f64, fit: Fit) -> Ticks {
    let (lo, hi) = widen(lo, hi);
    let span = hi - lo;
    // 10^e0 ≤ span < 10^(e0+1); by a loop, as `log10` would add a libm routine to the Wasm.
    let mut e0: i32 = -20;
    while e0 < 30 && 10f64.powi(e0 + 1) <= span {
        e0 += 1;
    }
    // Steps below 10^(e0−1) give more than 10 ticks, above 5 · 10^(e0+1) fewer than 2.
    let mut best: Option<((u8, f64, f64), Candidate)> = None;
    for e in (e0 - 1)..=(e0 + 1) {
        for m in [1_i64, 2, 5] {
            let step = m as f64 * 10f64.powi(e);
            let (a, b) = match fit {
                Fit::Cover => ((lo / step + SLACK).floor(), (hi / step - SLACK).ceil()),
                Fit::Within => ((lo / step - SLACK).ceil(), (hi / step + SLACK).floor()),
            };
            let count = b - a + 1.0;
            let tier = if (MIN_TICKS as f64..=MAX_TICKS as f64).contains(&count) {
                0
            } else if (2.0..MIN_TICKS as f64).contains(&count) {
                1
            } else if count <= MAX_TICKS as f64 {
                2
            } else {
                continue;
            };
            let covered = (b - a) * step;
            let tightness = match fit {
                Fit::Cover => covered,
                Fit::Within => -covered,
            };
            let key = (tier, tightness, -step);
            let candidate = Candidate { m, e, first: a as i64, count: count.max(0.0) as i64, step };
            if best.as_ref().is_none_or(|(k, _)| key.partial_cmp(k).is_some_and(|o| o.is_lt())) {
                best = Some((key, candidate));
            }
        }
    }
    let Some((_, c)) = best else {
        // Unreachable: the largest step always gives at most two ticks.
        return Ticks { step: Decimal::ONE, values: Vec::new(), domain: (lo, hi), raw: Vec::new() };
    };
    let ks = c.first..c.first.saturating_add(c.count);
    // Each value fits a Decimal: |k · step| ≤ 2 · 10²⁴ and the step has at most 21 places.
    // A value that did not would only lose its tick, never a figure.
    let (values, raw): (Vec<Decimal>, Vec<f64>) =
        ks.filter_map(|k| decimal(i128::from(k) * i128::from(c.m), c.e).map(|d| (d, k as f64 * c.step))).unzip();
    let domain = match fit {
        Fit::Cover => (c.first as f64 * c.step, (c.first + c.count - 1) as f64 * c.step),
        Fit::Within => (lo, hi),
    };
    Ticks { step: decimal(i128::from(c.m), c.e).unwrap_or(Decimal::ONE), values, domain, raw }
}

struct Candidate {
    m: i64,
    e: i32,
    first: i64,
    count: i64,
    step: f64,
}

/// `n × 10^e` as a normalised decimal.
fn decimal(n: i128, e: i32) -> Option<Decimal> {
    let d = if e >= 0 {
        let scaled = 10_i128.checked_pow(e.unsigned_abs()).and_then(|p| n.checked_mul(p))?;
        Decimal::try_from_i128_with_scale(scaled, 0).ok()?
    } else {
        Decimal::try_from_i128_with_scale(n, e.unsigned_abs()).ok()?
    };
    Some(d.normalize())
}

/// Sanitises the ends and widens an interval too narrow to tick.
fn widen(lo: f64, hi: f64) -> (f64, f64) {
    let (lo, hi) = match (finite(lo), finite(hi)) {
        (Some(a), Some(b)) => (a.min(b), a.max(b)),
        (Some(v), None) | (None, Some(v)) => (v, v),
        (None, None) => (0.0, 0.0),
    };
    let narrow = |lo: f64, hi: f64| hi - lo < MIN_SPAN.max(lo.abs().max(hi.abs()) * MIN_RELATIVE_SPAN);
    if !narrow(lo, hi) {
        return (lo, hi);
    }
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    if narrow(lo, hi) {
        (0.0, 1.0)
    } else {
        (lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn values(t: &Ticks) -> Vec<String> {
        t.values.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn it_covers_the_data_with_nice_steps() {
        // (lo, hi, step, ticks, domain): worked by hand from the rule "4–7 ticks, least
        // overshoot, then the larger step".
        type Case = (f64, f64, &'static str, &'static [&'static str], (f64, f64));
        let cases: [Case; 10] = [
            // 0…100: step 10 gives 11 ticks, 20 gives 6 (exact fit), 50 gives 3.
            (0.0, 100.0, "20", &["0", "20", "40", "60", "80", "100"], (0.0, 100.0)),
            // 0…10.1: step 2 covers 0…12 (7 ticks), 5 covers 0…15: 2 overshoots less.
            (0.0, 10.1, "2", &["0", "2", "4", "6", "8", "10", "12"], (0.0, 12.0)),
            // 0…130: step 20 needs 8 ticks; 50 covers 0…150 with 4.
            (0.0, 130.0, "50", &["0", "50", "100", "150"], (0.0, 150.0)),
            // 0…7: step 1 needs 8, 2 covers 0…8 with 5.
            (0.0, 7.0, "2", &["0", "2", "4", "6", "8"], (0.0, 8.0)),
            // −1.4…3.2 crosses zero: steps 1 (−2…4, 7 ticks) and 2 (−2…4, 4 ticks) cover the
            // same, so the larger step wins; zero is a tick.
            (-1.4, 3.2, "2", &["-2", "0", "2", "4"], (-2.0, 4.0)),
            // Negative only: −0.3…0 in steps of 0.1 (4 ticks; 0.05 covers the same with 7).
            (-0.3, 0.0, "0.1", &["-0.3", "-0.2", "-0.1", "0"], (-0.3, 0.0)),
            // Margins per kWh: 0…0.045 in steps of 0.01 (0…0.05, 6 ticks; 0.02 covers 0…0.06).
            (0.0, 0.045, "0.01", &["0", "0.01", "0.02", "0.03", "0.04", "0.05"], (0.0, 0.05)),
            // Cash per MW, a J-curve: −2.4 M … 3.1 M. Steps of 1 M need −3 M … 4 M, 8 ticks;
            // 2 M covers −4 M … 4 M with 5.
            (
                -2_400_000.0,
                3_100_000.0,
                "2000000",
                &["-4000000", "-2000000", "0", "2000000", "4000000"],
                (-4_000_000.0, 4_000_000.0),
            ),
            // Reversed ends read the same.
            (100.0, 0.0, "20", &["0", "20", "40", "60", "80", "100"], (0.0, 100.0)),
            // 0.3 / 0.1 rounds below 3 in f64; the slack keeps 0.3 a tick, not 0.2.
            (0.3, 0.7, "0.1", &["0.3", "0.4", "0.5", "0.6", "0.7"], (0.3, 0.7)),
        ];
        for (lo, hi, step, want, domain) in cases {
            let t = nice_ticks(lo, hi, Fit::Cover);
            assert_eq!(t.step.to_string(), step, "{lo}…{hi}");
            assert_eq!(values(&t), want, "{lo}…{hi}");
            assert!((t.domain.0 - domain.0).abs() < 1e-12 && (t.domain.1 - domain.1).abs() < 1e-12, "{lo}…{hi}");
        }
    }

    #[test]
    fn it_keeps_ticks_within_a_fixed_interval() {
        // The decision map's axes: 0 … 3 × 0.05 USD/kWh and 0.25 … 3 × 85,000 USD.
        let cases: [(f64, f64, &[&str]); 4] = [
            // 0…0.15: step 0.02 gives 8 ticks (0…0.14); 0.05 gives 4 reaching the end.
            (0.0, 0.15, &["0", "0.05", "0.1", "0.15"]),
            // 0…0.135: 0.02 gives 0…0.12 (7 ticks); 0.05 would give 3.
            (0.0, 0.135, &["0", "0.02", "0.04", "0.06", "0.08", "0.1", "0.12"]),
            // 21,250 … 255,000: 50,000 gives 50 k…250 k (5 ticks); 20,000 would need 12.
            (21_250.0, 255_000.0, &["50000", "100000", "150000", "200000", "250000"]),
            // btc at its maximum: 2.5 M … 10 M; steps of 1 M need 8 ticks, 2 M give 4 M … 10 M.
            (2_500_000.0, 10_000_000.0, &["4000000", "6000000", "8000000", "10000000"]),
        ];
        for (lo, hi, want) in cases {
            let t = nice_ticks(lo, hi, Fit::Within);
            assert_eq!(values(&t), want, "{lo}…{hi}");
            assert_eq!(t.domain, (lo, hi));
        }
    }

    #[test]
    fn it_gives_an_axis_to_degenerate_data() {
        let cases: [(f64, f64, (f64, f64)); 6] = [
            (0.0, 0.0, (0.0, 1.0)),
            (5.0, 5.0, (0.0, 5.0)),
            (-3.0, -3.0, (-3.0, 0.0)),
            (f64::NAN, f64::NAN, (0.0, 1.0)),
            (f64::NAN, 2.0, (0.0, 2.0)),
            (1e-30, 2e-30, (0.0, 1.0)),
        ];
        for (lo, hi, domain) in cases {
            let t = nice_ticks(lo, hi, Fit::Cover);
            assert_eq!(t.domain, domain, "{lo}…{hi}");
            assert!((MIN_TICKS..=MAX_TICKS).contains(&t.values.len()), "{lo}…{hi}: {:?}", values(&t));
        }
    }

    #[test]
    fn it_pins_huge_values() {
        let t = nice_ticks(-1e300, f64::INFINITY, Fit::Cover);
        // ±10²⁴ in steps of 5 · 10²³ (5 ticks; 10²⁴ would give 3).
        assert!((t.domain.0 + 1e24).abs() < 1e10 && (t.domain.1 - 1e24).abs() < 1e10);
        assert_eq!(t.step, dec!(500000000000000000000000));
        assert_eq!(values(&t).first().map(String::as_str), Some("-1000000000000000000000000"));
        assert!(t.values.contains(&Decimal::ZERO));
    }

    #[test]
    fn it_tells_the_labels_how_many_decimals() {
        assert_eq!(nice_ticks(0.0, 0.045, Fit::Cover).decimals(), 2);
        // 0…1.3: steps of 0.2 need 8 ticks, 0.5 give 0…1.5.
        assert_eq!(nice_ticks(0.0, 1.3, Fit::Cover).decimals(), 1);
        assert_eq!(nice_ticks(0.0, 100.0, Fit::Cover).decimals(), 0);
        assert_eq!(nice_ticks(0.0, 0.045, Fit::Cover).step, dec!(0.01));
    }

    #[test]
    fn it_places_ticks_on_a_scale() {
        let t = nice_ticks(0.0, 100.0, Fit::Cover);
        let y = LinearScale::new(t.domain, (1000.0, 0.0));
        let placed: Vec<(String, i32)> = t.place(&y).iter().map(|t| (t.value.to_string(), t.at)).collect();
        let want = [("0", 1000), ("20", 800), ("40", 600), ("60", 400), ("80", 200), ("100", 0)];
        assert_eq!(placed, want.map(|(v, a)| (v.to_string(), a)));
    }
}
