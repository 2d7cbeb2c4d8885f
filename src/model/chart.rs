//! Geometry of the per-kWh bar chart: pure numbers, so the SVG component only binds them.
//! Pixels are presentation, not money, hence `f64` here and nowhere else in the model.
//!
//! The other charts' geometry sits in the submodules: scales and plot areas, nice ticks,
//! SVG path strings, line charts over months, the decision map's heatmap and the tornado.
//! They speak in whole chart units (tenths of a CSS pixel) so the page writes integers.

pub mod duration;
pub mod heatmap;
pub mod line;
pub mod path;
pub mod place;
pub mod scale;
pub mod ticks;
pub mod time;
pub mod tornado;

/// One horizontal bar, in the chart's own units (the SVG viewBox).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Always ≥ 0; a negative value grows left from the zero line.
    pub width: f64,
    pub negative: bool,
}

/// Where the zero line sits and each value's bar, for a plot area `[left, left + span]`.
/// A value that is missing (the figure could not be computed) has no bar.
#[derive(Clone, Debug, PartialEq)]
pub struct BarLayout {
    pub zero_x: f64,
    pub bars: Vec<Option<Bar>>,
}

/// Lays out horizontal bars that share one scale. Zero is always on the scale, so a
/// negative margin reads as a bar to the left of the axis.
pub fn horizontal_bars(values: &[Option<f64>], left: f64, span: f64) -> BarLayout {
    let finite = values.iter().flatten().copied().filter(|v| v.is_finite());
    let (low, high) = finite.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let range = high - low;
    let scale = if range > 0.0 { span / range } else { 0.0 };
    let zero_x = left + (-low) * scale;
    let bars = values
        .iter()
        .map(|v| {
            v.filter(|v| v.is_finite()).map(|v| {
                let end = zero_x + v * scale;
                Bar { x: zero_x.min(end), width: (end - zero_x).abs(), negative: v < 0.0 }
            })
        })
        .collect();
    BarLayout { zero_x, bars }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_scales_positive_bars_from_the_left_edge() {
        let layout = horizontal_bars(&[Some(1.0), Some(4.0), None], 10.0, 200.0);
        assert_eq!(layout.zero_x, 10.0);
        assert_eq!(layout.bars[0], Some(Bar { x: 10.0, width: 50.0, negative: false }));
        assert_eq!(layout.bars[1], Some(Bar { x: 10.0, width: 200.0, negative: false }));
        assert_eq!(layout.bars[2], None);
    }

    #[test]
    fn it_puts_negative_bars_left_of_zero() {
        // Range −1 … 3 over 100 units: zero sits a quarter of the way in.
        let layout = horizontal_bars(&[Some(-1.0), Some(3.0)], 0.0, 100.0);
        assert_eq!(layout.zero_x, 25.0);
        assert_eq!(layout.bars[0], Some(Bar { x: 0.0, width: 25.0, negative: true }));
        assert_eq!(layout.bars[1], Some(Bar { x: 25.0, width: 75.0, negative: false }));
    }

    #[test]
    fn it_draws_nothing_wide_when_every_value_is_zero() {
        let layout = horizontal_bars(&[Some(0.0), Some(f64::NAN)], 5.0, 100.0);
        assert_eq!(layout.zero_x, 5.0);
        assert_eq!(layout.bars[0], Some(Bar { x: 5.0, width: 0.0, negative: false }));
        assert_eq!(layout.bars[1], None);
    }
}
