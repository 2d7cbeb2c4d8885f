//! The plot area and the linear map from data to chart units.
//!
//! Chart units are tenths of a CSS pixel at the chart's natural size, so every coordinate
//! handed to the SVG is a whole number: writing an `f64` there would pull the float
//! formatter into the Wasm. Arithmetic runs in `f64` (pixels are presentation, not money)
//! and ends in [`px`], which never yields NaN.

/// Data values beyond ±10²⁴ are pinned there: far past any figure a chart of this model
/// shows (USD per MW, per kWh), and small enough that a tick `k × step` fits a `Decimal`
/// and a span never overflows to infinity.
pub const MAX_ABS: f64 = 1e24;

/// Rounds a coordinate to whole chart units. NaN gives 0 and infinities saturate, so a
/// coordinate is always a plain integer.
pub fn px(v: f64) -> i32 {
    // `as` saturates at the i32 bounds and maps NaN to 0.
    v.round() as i32
}

/// Pins a data value into ±[`MAX_ABS`]; NaN becomes `None`.
pub fn finite(v: f64) -> Option<f64> {
    if v.is_nan() {
        None
    } else {
        Some(v.clamp(-MAX_ABS, MAX_ABS))
    }
}

/// Edge `k` of `n` equal slices of `length` units from `start` (`length` may be negative,
/// to slice upwards), rounded half up by integer arithmetic, so neighbouring slices share
/// their edges exactly and the last ends at `start + length`. `k` past `n` is the end.
pub fn slice_edge(start: i32, length: i32, k: usize, n: usize) -> i32 {
    if n == 0 {
        return start;
    }
    let (k, n) = (k.min(n) as i128, n as i128);
    // |offset| ≤ |length|, so the sum stays within i32 unless `start + length` does not.
    let offset = (2 * k * i128::from(length) + n).div_euclid(2 * n);
    i32::try_from(i128::from(start) + offset).unwrap_or(if length < 0 { i32::MIN } else { i32::MAX })
}

/// A rectangle in chart units: the plot area of a chart, or a bar or a cell in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    /// Left edge.
    pub x: i32,
    /// Top edge (SVG's y grows downwards).
    pub y: i32,
    /// Always ≥ 0.
    pub width: i32,
    /// Always ≥ 0.
    pub height: i32,
}

impl Rect {
    /// A rectangle; a negative width or height becomes 0.
    pub fn new(x: i32, y: i32, width: i32, height: i32) -> Rect {
        Rect { x, y, width: width.max(0), height: height.max(0) }
    }

    pub fn right(self) -> i32 {
        self.x.saturating_add(self.width)
    }

    pub fn bottom(self) -> i32 {
        self.y.saturating_add(self.height)
    }
}

/// Maps a data interval onto a pixel interval. The range may run backwards, as a y axis
/// does (`range = (bottom, top)`), so larger values sit higher.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl LinearScale {
    /// A scale from `domain` onto `range`. Non-finite ends become 0 and data ends are
    /// pinned into ±[`MAX_ABS`], so [`LinearScale::map`] is finite for finite input.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        let data = |v: f64| finite(v).unwrap_or(0.0);
        let pixel = |v: f64| if v.is_finite() { v } else { 0.0 };
        LinearScale { d0: data(domain.0), d1: data(domain.1), r0: pixel(range.0), r1: pixel(range.1) }
    }

    /// The x scale of a plot area: `domain` from its left edge to its right edge.
    pub fn horizontal(domain: (f64, f64), plot: Rect) -> LinearScale {
        LinearScale::new(domain, (f64::from(plot.x), f64::from(plot.right())))
    }

    /// The y scale of a plot area: the domain's low end at the bottom, its high end at the top.
    pub fn vertical(domain: (f64, f64), plot: Rect) -> LinearScale {
        LinearScale::new(domain, (f64::from(plot.bottom()), f64::from(plot.y)))
    }

    pub fn domain(&self) -> (f64, f64) {
        (self.d0, self.d1)
    }

    pub fn range(&self) -> (f64, f64) {
        (self.r0, self.r1)
    }

    /// Where `v` falls, in chart units, unrounded. Values outside the domain map outside
    /// the range (the caller clips); a domain of zero width puts everything at the
    /// range's midpoint; NaN maps to the domain's start.
    pub fn map(&self, v: f64) -> f64 {
        let v = finite(v).unwrap_or(self.d0);
        let span = self.d1 - self.d0;
        if span == 0.0 {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (v - self.d0) / span * (self.r1 - self.r0)
    }

    /// [`LinearScale::map`] rounded to whole chart units.
    pub fn px(&self, v: f64) -> i32 {
        px(self.map(v))
    }

    /// The data value at chart coordinate `p`: the inverse of [`LinearScale::map`]. A range
    /// of zero width gives the domain's start.
    pub fn invert(&self, p: f64) -> f64 {
        let width = self.r1 - self.r0;
        if width == 0.0 || !p.is_finite() {
            return self.d0;
        }
        self.d0 + (p - self.r0) / width * (self.d1 - self.d0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_maps_domain_onto_range() {
        // x: 0 … 120 months onto 600 … 3400; y: −2 … 6 onto 2000 (bottom) … 200 (top).
        let x = LinearScale::new((0.0, 120.0), (600.0, 3400.0));
        let y = LinearScale::vertical((-2.0, 6.0), Rect::new(600, 200, 2800, 1800));
        let cases: [(&LinearScale, f64, i32); 8] = [
            (&x, 0.0, 600),
            (&x, 120.0, 3400),
            (&x, 30.0, 1300), // 600 + 30/120 · 2800
            (&x, 1.0, 623),   // 600 + 23.33
            (&y, -2.0, 2000),
            (&y, 6.0, 200),
            (&y, 0.0, 1550), // 2000 − 2/8 · 1800
            (&y, 7.0, -25),  // beyond the domain, beyond the range
        ];
        for (scale, v, want) in cases {
            assert_eq!(scale.px(v), want, "{v}");
        }
    }

    #[test]
    fn it_inverts_the_map() {
        let y = LinearScale::vertical((-2.0, 6.0), Rect::new(600, 200, 2800, 1800));
        for (p, want) in [(2000.0, -2.0), (200.0, 6.0), (1550.0, 0.0)] {
            assert!((y.invert(p) - want).abs() < 1e-12, "{p}");
        }
    }

    #[test]
    fn it_never_yields_nan() {
        let flat = LinearScale::new((5.0, 5.0), (0.0, 100.0));
        assert_eq!(flat.px(5.0), 50);
        assert_eq!(flat.px(1e300), 50);
        let wild = LinearScale::new((f64::NEG_INFINITY, f64::NAN), (f64::NAN, 100.0));
        assert_eq!(wild.domain(), (-MAX_ABS, 0.0));
        assert_eq!(wild.range(), (0.0, 100.0));
        assert_eq!(wild.px(f64::NAN), 0);
        let huge = LinearScale::new((-1e300, 1e300), (0.0, 1000.0));
        assert_eq!(huge.px(0.0), 500);
        assert_eq!(huge.px(f64::INFINITY), 1000);
        assert_eq!(px(f64::NAN), 0);
        assert_eq!(px(1e300), i32::MAX);
        assert_eq!(px(-0.4), 0);
    }

    #[test]
    fn it_slices_lengths_into_equal_integer_parts() {
        // 100 in 3: 33.3 → 33, 66.7 → 67; upwards from 650 by 600 in 3: 450, 250, 50.
        let cases: [((i32, i32, usize, usize), i32); 9] = [
            ((0, 100, 0, 3), 0),
            ((0, 100, 1, 3), 33),
            ((0, 100, 2, 3), 67),
            ((0, 100, 3, 3), 100),
            ((0, 100, 7, 3), 100),
            ((650, -600, 1, 3), 450),
            ((650, -600, 3, 3), 50),
            ((5, 100, 1, 0), 5),
            ((i32::MAX, i32::MAX, 1, 1), i32::MAX),
        ];
        for ((start, length, k, n), want) in cases {
            assert_eq!(slice_edge(start, length, k, n), want, "{start} {length} {k}/{n}");
        }
        assert_eq!(slice_edge(0, 1000, usize::MAX, usize::MAX), 1000);
    }

    #[test]
    fn it_keeps_rects_non_negative() {
        let r = Rect::new(10, 20, -5, 30);
        assert_eq!((r.width, r.right(), r.bottom()), (0, 10, 50));
    }
}
