//! Laws of the chart geometry, over data drawn at random (NaN, infinities, huge and tiny
//! values, empty and one-point series included):
//!
//! - nice ticks: four to seven when they cover, evenly spaced multiples of the step,
//!   covering the data and zero when it crosses, never NaN;
//! - line charts, heatmaps and tornados: every coordinate inside the plot, paths made of
//!   whole numbers only, never a panic;
//! - the decision map's ranges: positive spans whose cell values are valid link values.

use proptest::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use kwhich::model::analysis::map_range::map_ranges;
use kwhich::model::chart::heatmap::Heatmap;
use kwhich::model::chart::line::{end_label_boxes, Anchor, LineChart, MarkerSpec};
use kwhich::model::chart::place::{is_clear, overlaps};
use kwhich::model::chart::scale::{Rect, MAX_ABS};
use kwhich::model::chart::ticks::{nice_ticks, Fit, MAX_TICKS, MIN_TICKS};
use kwhich::model::chart::time::SNAPSHOT_MONTH;
use kwhich::model::chart::tornado::tornado;
use kwhich::model::from_query;

/// Any f64 a computation might hand a chart, weighted towards ordinary values.
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => -1e7..1e7_f64,
        2 => -0.1..0.1_f64,
        1 => any::<f64>(),
        1 => prop::sample::select(vec![0.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300, -1e300, 5e-324]),
    ]
}

fn series() -> impl Strategy<Value = Vec<Option<f64>>> {
    prop::collection::vec(prop::option::weighted(0.8, value()), 0..30)
}

fn plot() -> impl Strategy<Value = Rect> {
    (0..1000_i32, 0..1000_i32, 0..4000_i32, 0..3000_i32).prop_map(|(x, y, w, h)| Rect::new(x, y, w, h))
}

/// The numbers of a path's `d`, checking that it holds nothing but `M`, `L`, `h0`,
/// spaces and whole numbers.
fn path_numbers(d: &str) -> Vec<i32> {
    assert!(d.chars().all(|c| "MLh -0123456789".contains(c)), "{d}");
    let cleaned = d.replace("h0", " ").replace(['M', 'L'], " ");
    cleaned.split_whitespace().map(|n| n.parse::<i32>().unwrap_or_else(|_| panic!("{n} in {d}"))).collect()
}

fn inside(r: Rect, x: i32, y: i32) -> bool {
    (r.x..=r.right()).contains(&x) && (r.y..=r.bottom()).contains(&y)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn nice_ticks_cover_the_data(lo in value(), hi in value()) {
        let t = nice_ticks(lo, hi, Fit::Cover);
        prop_assert!((MIN_TICKS..=MAX_TICKS).contains(&t.values.len()), "{lo} {hi}: {:?}", t.values);
        prop_assert!(t.domain.0.is_finite() && t.domain.1.is_finite() && t.domain.0 < t.domain.1);
        for w in t.values.windows(2) {
            prop_assert_eq!(w[1] - w[0], t.step);
        }
        for v in [lo, hi].into_iter().filter(|v| !v.is_nan()) {
            let v = v.clamp(-MAX_ABS, MAX_ABS);
            let slack = (t.domain.1 - t.domain.0) * 1e-9;
            prop_assert!(t.domain.0 - slack <= v && v <= t.domain.1 + slack, "{v} outside {:?}", t.domain);
        }
        if lo.min(hi) < 0.0 && lo.max(hi) > 0.0 {
            prop_assert!(t.values.contains(&Decimal::ZERO));
        }
        let first = t.values.first().and_then(|d| d.to_f64()).unwrap_or(f64::NAN);
        prop_assert!((first - t.domain.0).abs() <= (t.domain.1 - t.domain.0) * 1e-9);
    }

    #[test]
    fn nice_ticks_within_stay_inside(lo in value(), hi in value()) {
        let t = nice_ticks(lo, hi, Fit::Within);
        prop_assert!((2..=MAX_TICKS).contains(&t.values.len()), "{lo} {hi}: {:?}", t.values);
        let slack = (t.domain.1 - t.domain.0) * 1e-9;
        for v in t.values.iter().filter_map(|d| d.to_f64()) {
            prop_assert!(t.domain.0 - slack <= v && v <= t.domain.1 + slack, "{v} outside {:?}", t.domain);
        }
    }

    #[test]
    fn line_charts_stay_in_the_plot(
        a in series(),
        b in series(),
        horizon in 0..40_u32,
        plot in plot(),
        months in prop::collection::vec((0..60_u32, 0..2000_i32), 0..5),
        line_height in 0..200_i32,
    ) {
        let chart = LineChart::new(&[&a, &b], horizon, plot);
        prop_assert!(inside(plot, plot.x, chart.zero_y));
        for t in &chart.y_ticks {
            prop_assert!(inside(plot, plot.x, t.at));
        }
        for line in &chart.lines {
            let numbers = path_numbers(&line.path);
            for xy in numbers.chunks(2) {
                prop_assert!(xy.len() == 2 && inside(plot, xy[0], xy[1]), "{} in {plot:?}", line.path);
            }
            for p in line.points.iter().flatten() {
                prop_assert!(inside(plot, p.x, p.y) && p.month <= horizon);
            }
        }
        let marks: Vec<MarkerSpec> = months.iter().map(|&(month, label_width)| MarkerSpec { month, label_width }).collect();
        for (m, spec) in chart.markers(&marks, line_height, &[]).iter().zip(&marks) {
            prop_assert_eq!(m.is_some(), spec.month <= horizon);
        }
        // Labels of one and of two lines: apart, and within the plot's height when it holds
        // them all.
        let heights = [line_height, line_height.saturating_mul(2)];
        let labels = chart.end_labels(&heights, 40);
        for label in labels.iter().flatten() {
            prop_assert!(inside(plot, plot.x, label.line_y));
        }
        let boxes = end_label_boxes(&labels, &[(10, heights[0]), (10, heights[1])]);
        if heights.iter().sum::<i32>() <= plot.height {
            for (i, r) in boxes.iter().enumerate() {
                prop_assert!(r.y >= plot.y - 1 && r.bottom() <= plot.bottom() + 1, "{r:?} leaves {plot:?}");
                for other in &boxes[i + 1..] {
                    // Placed in fractions and drawn at whole units, two labels may share one
                    // unit's row (however short they are: a shrunken box would vanish).
                    let shared = r.bottom().min(other.bottom()) - r.y.max(other.y);
                    let side_by_side = r.right() <= other.x || other.right() <= r.x;
                    prop_assert!(side_by_side || shared <= 1, "{r:?} overlaps {other:?}");
                }
            }
        }
        for t in chart.time_ticks(SNAPSHOT_MONTH).ticks {
            prop_assert!(t.month <= horizon && inside(plot, t.x, plot.y));
        }
        if let Some(band) = chart.band(0, 9) {
            prop_assert!(band.x >= plot.x && band.right() <= plot.right());
        }
    }

    #[test]
    fn marker_labels_keep_clear_of_each_other_and_the_lines(
        a in series(),
        b in series(),
        horizon in 1..40_u32,
        plot in plot(),
        months in prop::collection::vec((0..40_u32, 0..3000_i32), 0..8),
        line_height in 1..200_i32,
    ) {
        let chart = LineChart::new(&[&a, &b], horizon, plot);
        let marks: Vec<MarkerSpec> = months.iter().map(|&(month, label_width)| MarkerSpec { month, label_width }).collect();
        let placed = chart.markers(&marks, line_height, &[]);
        let lines = chart.segments();
        // Each label's box (a rule without room gets a number instead, whose last resort,
        // a plot with no clear square, may overlap).
        let boxes: Vec<Rect> = placed
            .iter()
            .zip(&marks)
            .filter_map(|(m, spec)| {
                let m = (*m).filter(|m| m.key.is_none())?;
                let width = spec.label_width;
                let x = match m.anchor {
                    Anchor::Start => m.label_x,
                    Anchor::End => m.label_x - width,
                    Anchor::Middle => m.label_x - width / 2,
                };
                Some(Rect::new(x, m.label_y - line_height / 2, width, line_height))
            })
            .collect();
        for (i, r) in boxes.iter().enumerate() {
            prop_assert!(is_clear(*r, plot, &lines, &[]), "{r:?} crosses a line or leaves {plot:?}");
            for other in &boxes[i + 1..] {
                prop_assert!(!overlaps(*r, *other), "{r:?} overlaps {other:?}");
            }
        }
    }

    #[test]
    fn heatmaps_tile_and_clip(
        nx in 0..45_usize,
        ny in 0..45_usize,
        x in (value(), value()),
        y in (value(), value()),
        plot in plot(),
        crossings in prop::collection::vec(prop::option::weighted(0.8, value()), 0..45),
        mark in (value(), value()),
    ) {
        let map = Heatmap::new(nx, ny, x, y, plot);
        let cells = map.cells();
        prop_assert_eq!(cells.len(), nx * ny);
        // Each row's widths add up to the plot's width, each column's heights to its height.
        if nx > 0 && ny > 0 {
            let row: i32 = (0..nx).filter_map(|i| map.cell(i, 0)).map(|c| c.rect.width).sum();
            let column: i32 = (0..ny).filter_map(|j| map.cell(0, j)).map(|c| c.rect.height).sum();
            prop_assert_eq!((row, column), (plot.width, plot.height));
        }
        for c in &cells {
            prop_assert!(inside(plot, c.rect.x, c.rect.y) && inside(plot, c.rect.right(), c.rect.bottom()));
        }
        let d = map.column_line(&crossings);
        for xy in path_numbers(&d).chunks(2) {
            prop_assert!(xy.len() == 2 && inside(plot, xy[0], xy[1]), "{d} in {plot:?}");
        }
        if let Some((px, py)) = map.point(mark.0, mark.1) {
            prop_assert!(inside(plot, px, py));
        }
    }

    #[test]
    fn tornados_stay_in_the_plot(
        base in value(),
        rows in prop::collection::vec((prop::option::weighted(0.9, value()), prop::option::weighted(0.9, value())), 0..12),
        plot in plot(),
    ) {
        let Some(t) = tornado(base, &rows, plot) else {
            prop_assert!(!base.is_finite());
            return Ok(());
        };
        let mut order: Vec<usize> = t.rows.iter().map(|r| r.index).collect();
        order.sort_unstable();
        prop_assert_eq!(order, (0..rows.len()).collect::<Vec<_>>());
        prop_assert!(inside(plot, t.base_x, plot.y));
        for r in &t.rows {
            for bar in [r.low, r.high].into_iter().flatten() {
                prop_assert!(inside(plot, bar.x, bar.y) && inside(plot, bar.right(), bar.bottom()));
                prop_assert!(bar.x == t.base_x || bar.right() == t.base_x);
            }
        }
    }

    #[test]
    fn map_ranges_give_valid_cells(kwh in 0..=100_000_u64, btc in 1..=1_000_000_000_u64, k in 0..40_usize) {
        // kwh 0 … 10 in steps of 0.0001; btc 0.01 … 10,000,000 in cents.
        let link = format!("kwh={}&btc={}", Decimal::new(kwh as i64, 4), Decimal::new(btc as i64, 2));
        let (s, warnings) = from_query(&link);
        prop_assert!(warnings.is_empty());
        let Ok(r) = map_ranges(&s) else { return Err(TestCaseError::fail(format!("no ranges for {link}"))) };
        prop_assert!(r.kwh.low < r.kwh.high && r.btc.low < r.btc.high);
        prop_assert!(r.kwh.low <= s.kwh().get() && s.kwh().get() <= r.kwh.high);
        prop_assert!(r.btc.low <= s.btc().get() && s.btc().get() <= r.btc.high);
        let (Ok(kwh), Ok(btc)) = (r.kwh.sample(k, 40), r.btc.sample(k, 40)) else {
            return Err(TestCaseError::fail(format!("no sample for {link}")));
        };
        let (cell, warnings) = from_query(&format!("kwh={kwh}&btc={btc}"));
        prop_assert!(warnings.is_empty(), "{kwh} {btc}: {warnings:?}");
        prop_assert_eq!((cell.kwh().get(), cell.btc().get()), (kwh, btc));
    }
}
