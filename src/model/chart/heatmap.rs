//! The decision map's geometry: a grid of `nx × ny` cells tiling the plot over two axes
//! (x: electricity price, y: bitcoin price), nice ticks on both, the scenario's own mark
//! and lines drawn over the cells (mining's break-even, the target cost), clipped to the
//! plot. What each cell holds is computed elsewhere; this only says where things go.
//!
//! Cell `(i, j)` is column `i` from the left and row `j` from the bottom, and covers the
//! `i`-th of `nx` equal slices of the x domain and the `j`-th of `ny` of the y domain; it
//! stands for the values at its centre (see [`crate::model::analysis::map_range`]).

use super::path::clipped_polyline;
use super::scale::{slice_edge, LinearScale, Rect};
use super::ticks::{nice_ticks, Fit, Tick};

/// One cell of the grid, in whole chart units. Neighbouring cells share their edges
/// exactly, so the grid shows no seams.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Column, from the left (x's low end).
    pub i: usize,
    /// Row, from the bottom (y's low end).
    pub j: usize,
    pub rect: Rect,
}

/// The grid's geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct Heatmap {
    pub plot: Rect,
    pub nx: usize,
    pub ny: usize,
    pub x: LinearScale,
    pub y: LinearScale,
    /// Nice values inside the x domain, placed on x.
    pub x_ticks: Vec<Tick>,
    pub x_decimals: u32,
    /// Nice values inside the y domain, placed on y.
    pub y_ticks: Vec<Tick>,
    pub y_decimals: u32,
}

impl Heatmap {
    /// A grid of `nx × ny` cells over `x_domain × y_domain` filling `plot`. The domains
    /// are kept as given (the grid's ends are the map's ranges); the ticks are the nice
    /// values inside them. A grid with no columns or rows has no cells.
    pub fn new(nx: usize, ny: usize, x_domain: (f64, f64), y_domain: (f64, f64), plot: Rect) -> Heatmap {
        let xt = nice_ticks(x_domain.0, x_domain.1, Fit::Within);
        let yt = nice_ticks(y_domain.0, y_domain.1, Fit::Within);
        let x = LinearScale::horizontal(xt.domain, plot);
        let y = LinearScale::vertical(yt.domain, plot);
        Heatmap {
            plot,
            nx,
            ny,
            x,
            y,
            x_ticks: xt.place(&x),
            x_decimals: xt.decimals(),
            y_ticks: yt.place(&y),
            y_decimals: yt.decimals(),
        }
    }

    /// Cell `(i, j)`, or `None` outside the grid.
    pub fn cell(&self, i: usize, j: usize) -> Option<Cell> {
        if i >= self.nx || j >= self.ny {
            return None;
        }
        let (x0, x1) = (
            slice_edge(self.plot.x, self.plot.width, i, self.nx),
            slice_edge(self.plot.x, self.plot.width, i + 1, self.nx),
        );
        // Row 0 at the bottom: its lower edge is the plot's bottom.
        let bottom = self.plot.bottom();
        let (y0, y1) =
            (slice_edge(bottom, -self.plot.height, j + 1, self.ny), slice_edge(bottom, -self.plot.height, j, self.ny));
        Some(Cell { i, j, rect: Rect::new(x0, y0, x1.saturating_sub(x0), y1.saturating_sub(y0)) })
    }

    /// Every cell in reading order: the top row (highest y) first, each row left to right.
    pub fn cells(&self) -> Vec<Cell> {
        (0..self.ny).rev().flat_map(|j| (0..self.nx).filter_map(move |i| self.cell(i, j))).collect()
    }

    /// The data x at the centre of column `i` (the value its cells stand for).
    pub fn column_value(&self, i: usize) -> f64 {
        centre(self.x.domain(), i, self.nx)
    }

    /// The data y at the centre of row `j`.
    pub fn row_value(&self, j: usize) -> f64 {
        centre(self.y.domain(), j, self.ny)
    }

    /// Where a data point falls on the map (the scenario's own mark), or `None` when it
    /// lies outside the domains or is not finite. A point on an edge stays on it.
    pub fn point(&self, x: f64, y: f64) -> Option<(i32, i32)> {
        let within = |v: f64, (lo, hi): (f64, f64)| {
            let slack = (hi - lo).abs() * 1e-9;
            v.is_finite() && v >= lo.min(hi) - slack && v <= lo.max(hi) + slack
        };
        if !within(x, self.x.domain()) || !within(y, self.y.domain()) {
            return None;
        }
        let px = self.x.px(x).clamp(self.plot.x, self.plot.right());
        let py = self.y.px(y).clamp(self.plot.y, self.plot.bottom());
        Some((px, py))
    }

    /// A line through data points (`None` breaks it), clipped to the plot.
    pub fn polyline(&self, points: &[Option<(f64, f64)>]) -> String {
        let mapped = points.iter().map(|p| p.map(|(x, y)| (self.x.map(x), self.y.map(y))));
        clipped_polyline(mapped, self.plot)
    }

    /// A contour through one crossing per column: `crossings[i]` is the y where the
    /// quantity crosses its threshold at column `i`'s centre value (the bitcoin price
    /// at which mining's margin is 0, say), `None` where it does not cross. The line runs
    /// through the column centres, broken at `None`, and where it reaches the first or
    /// last column it is extended straight (by its end segment's slope) to the plot's
    /// edge, so it spans the whole map. Parts above or below the plot are clipped.
    pub fn column_line(&self, crossings: &[Option<f64>]) -> String {
        let n = crossings.len().min(self.nx);
        let mut points: Vec<Option<(f64, f64)>> =
            crossings.iter().take(n).enumerate().map(|(i, c)| c.map(|y| (self.column_value(i), y))).collect();
        let (lo, hi) = self.x.domain();
        // Half a column back from the first centre and forward from the last.
        if let (Some(Some(a)), Some(Some(b))) = (points.first(), points.get(1)) {
            let start = (lo, a.1 - (b.1 - a.1) / 2.0);
            points.insert(0, Some(start));
        }
        if n == self.nx && n >= 2 {
            if let [.., Some(a), Some(b)] = points.as_slice() {
                let end = (hi, b.1 + (b.1 - a.1) / 2.0);
                points.push(Some(end));
            }
        }
        self.polyline(&points)
    }
}

impl Heatmap {
    /// A contour through one crossing per row, as [`Heatmap::column_line`] is per column:
    /// `crossings[j]` is the x where the quantity crosses its threshold at row `j`'s centre
    /// value (the power price at which mining's margin is 0 at that bitcoin price, say).
    /// Extended half a row to the plot's bottom and top edges, clipped to the plot.
    pub fn row_line(&self, crossings: &[Option<f64>]) -> String {
        let n = crossings.len().min(self.ny);
        let mut points: Vec<Option<(f64, f64)>> =
            crossings.iter().take(n).enumerate().map(|(j, c)| c.map(|x| (x, self.row_value(j)))).collect();
        let (lo, hi) = self.y.domain();
        if let (Some(Some(a)), Some(Some(b))) = (points.first(), points.get(1)) {
            let start = (a.0 - (b.0 - a.0) / 2.0, lo);
            points.insert(0, Some(start));
        }
        if n == self.ny && n >= 2 {
            if let [.., Some(a), Some(b)] = points.as_slice() {
                let end = (b.0 + (b.0 - a.0) / 2.0, hi);
                points.push(Some(end));
            }
        }
        self.polyline(&points)
    }
}

/// The centre of slice `k` of `n` of `(lo, hi)`.
fn centre((lo, hi): (f64, f64), k: usize, n: usize) -> f64 {
    lo + (k as f64 + 0.5) * (hi - lo) / n.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 4 × 3 grid over kWh 0 … 0.15 and BTC 21,250 … 255,000 in a 1000 × 600 plot at (100, 50).
    fn small() -> Heatmap {
        Heatmap::new(4, 3, (0.0, 0.15), (21_250.0, 255_000.0), Rect::new(100, 50, 1000, 600))
    }

    #[test]
    fn it_tiles_the_plot_with_cells() {
        let map = small();
        // Columns 250 wide from x = 100; rows 200 high, row 0 at the bottom (450 … 650).
        let cases: [((usize, usize), Option<Rect>); 6] = [
            ((0, 0), Some(Rect::new(100, 450, 250, 200))),
            ((3, 0), Some(Rect::new(850, 450, 250, 200))),
            ((1, 2), Some(Rect::new(350, 50, 250, 200))),
            ((2, 1), Some(Rect::new(600, 250, 250, 200))),
            ((4, 0), None),
            ((0, 3), None),
        ];
        for ((i, j), want) in cases {
            assert_eq!(map.cell(i, j).map(|c| c.rect), want, "({i}, {j})");
        }
        let order: Vec<(usize, usize)> = map.cells().iter().map(|c| (c.i, c.j)).collect();
        assert_eq!(order[..5], [(0, 2), (1, 2), (2, 2), (3, 2), (0, 1)]);
        assert_eq!(order.len(), 12);
    }

    #[test]
    fn it_rounds_edges_without_seams() {
        // 3 columns over 100 units: edges 0, 33.3 → 33, 66.7 → 67, 100.
        let map = Heatmap::new(3, 1, (0.0, 1.0), (0.0, 1.0), Rect::new(0, 0, 100, 10));
        let widths: Vec<(i32, i32)> = map.cells().iter().map(|c| (c.rect.x, c.rect.width)).collect();
        assert_eq!(widths, [(0, 33), (33, 34), (67, 33)]);
        // 40 × 40 over 2800 × 2800: each cell 70 × 70, the last ending at the plot's edge.
        let big = Heatmap::new(40, 40, (0.0, 0.15), (21_250.0, 255_000.0), Rect::new(0, 0, 2800, 2800));
        let cells = big.cells();
        assert_eq!(cells.len(), 1600);
        assert!(cells.iter().all(|c| c.rect.width == 70 && c.rect.height == 70));
        assert_eq!(big.cell(39, 0).map(|c| (c.rect.right(), c.rect.bottom())), Some((2800, 2800)));
        assert_eq!(big.cell(0, 39).map(|c| (c.rect.x, c.rect.y)), Some((0, 0)));
    }

    #[test]
    fn it_ticks_both_axes_inside_the_domain() {
        let map = small();
        // x: 0, 0.05, 0.1, 0.15 at 100 + v/0.15 · 1000.
        let x: Vec<(String, i32)> = map.x_ticks.iter().map(|t| (t.value.to_string(), t.at)).collect();
        assert_eq!(x, [("0", 100), ("0.05", 433), ("0.1", 767), ("0.15", 1100)].map(|(v, a)| (v.to_string(), a)));
        assert_eq!(map.x_decimals, 2);
        // y: 50 k … 250 k at 650 − (v − 21,250)/233,750 · 600.
        let y: Vec<(String, i32)> = map.y_ticks.iter().map(|t| (t.value.to_string(), t.at)).collect();
        let want = [("50000", 576), ("100000", 448), ("150000", 320), ("200000", 191), ("250000", 63)];
        assert_eq!(y, want.map(|(v, a)| (v.to_string(), a)));
        assert_eq!(map.y_decimals, 0);
    }

    #[test]
    fn it_marks_the_scenario() {
        let map = small();
        type Case = ((f64, f64), Option<(i32, i32)>);
        let cases: [Case; 6] = [
            // The default scenario: 0.05 USD/kWh, 85,000 USD → (433.3, 650 − 63,750/233,750 · 600).
            ((0.05, 85_000.0), Some((433, 486))),
            // Corners stay on the plot.
            ((0.0, 21_250.0), Some((100, 650))),
            ((0.15, 255_000.0), Some((1100, 50))),
            ((0.16, 85_000.0), None),
            ((0.05, 1e9), None),
            ((f64::NAN, 85_000.0), None),
        ];
        for ((x, y), want) in cases {
            assert_eq!(map.point(x, y), want, "({x}, {y})");
        }
        assert!((map.column_value(0) - 0.01875).abs() < 1e-15);
        assert!((map.row_value(2) - 216_041.666_666_666_7).abs() < 1e-6);
    }

    #[test]
    fn it_draws_column_contours_clipped() {
        // 4 columns over x 0 … 4 (centres 0.5, 1.5, 2.5, 3.5), y 0 … 10, plot 400 × 100:
        // x px = 100 · v, y px = 100 − 10 · v.
        let map = Heatmap::new(4, 4, (0.0, 4.0), (0.0, 10.0), Rect::new(0, 0, 400, 100));
        let cases: [(&[Option<f64>], &str); 5] = [
            // y = 2x + 1 at the centres: 2, 4, 6, 8; extended to x = 0 (y 1) and x = 4 (y 9).
            (&[Some(2.0), Some(4.0), Some(6.0), Some(8.0)], "M0 90L50 80L150 60L250 40L350 20L400 10"),
            // Rising out of the top: y = 4x, 2 … 14, extended to 0 and 16; cut at y = 10 (x 2.5).
            (&[Some(2.0), Some(6.0), Some(10.0), Some(14.0)], "M0 100L50 80L150 40L250 0"),
            // A gap: no extension where a run does not reach the edge.
            (&[Some(2.0), None, Some(6.0), Some(8.0)], "M50 80h0M250 40L350 20L400 10"),
            (&[None, None, None, None], ""),
            // Fewer crossings than columns: no extension at the right.
            (&[Some(2.0), Some(4.0)], "M0 90L50 80L150 60"),
        ];
        for (crossings, want) in cases {
            assert_eq!(map.column_line(crossings), want, "{crossings:?}");
        }
    }

    #[test]
    fn it_draws_row_contours_clipped() {
        // 4 rows over y 0 … 4 (centres 0.5 … 3.5), x 0 … 10, plot 100 × 400:
        // x px = 10 · v, y px = 400 − 100 · v.
        let map = Heatmap::new(4, 4, (0.0, 10.0), (0.0, 4.0), Rect::new(0, 0, 100, 400));
        let cases: [(&[Option<f64>], &str); 4] = [
            // x = 2y + 1 at the centres: 2, 4, 6, 8; extended to y = 0 (x 1) and y = 4 (x 9).
            (&[Some(2.0), Some(4.0), Some(6.0), Some(8.0)], "M10 400L20 350L40 250L60 150L80 50L90 0"),
            // Upright: the same x on every row, edge to edge.
            (&[Some(5.0), Some(5.0), Some(5.0), Some(5.0)], "M50 400L50 350L50 250L50 150L50 50L50 0"),
            // Leaving the plot on the right: x = 4y, cut at x = 10 (y 2.5).
            (&[Some(2.0), Some(6.0), Some(10.0), Some(14.0)], "M0 400L20 350L60 250L100 150"),
            (&[None, None, None, None], ""),
        ];
        for (crossings, want) in cases {
            assert_eq!(map.row_line(crossings), want, "{crossings:?}");
        }
    }

    #[test]
    fn it_survives_an_empty_grid() {
        let map = Heatmap::new(0, 0, (0.0, 0.0), (f64::NAN, f64::INFINITY), Rect::new(0, 0, 100, 100));
        assert!(map.cells().is_empty());
        assert_eq!(map.column_line(&[Some(1.0)]), "");
        assert_eq!(map.row_line(&[Some(1.0)]), "");
        assert!(map.x_ticks.len() >= 2);
    }
}
