//! SVG path strings written from whole chart units, so no float is ever formatted, and
//! polylines clipped to a plot area.

use core::fmt::Write;

use super::scale::{px, Rect};

/// An SVG path's `d` attribute, built from whole chart units: `M10 20L30 40`.
/// A subpath of a single point is written `M10 20h0`: with round line caps it shows as a
/// dot, so a month standing alone between gaps stays visible.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathData {
    d: String,
    /// The pen's position, and whether the current subpath has drawn a segment.
    pen: Option<(i32, i32)>,
    drawn: bool,
}

impl PathData {
    pub fn new() -> PathData {
        PathData::default()
    }

    /// Starts a subpath at `(x, y)`.
    pub fn move_to(&mut self, x: i32, y: i32) {
        self.end_subpath();
        // Writing to a String cannot fail.
        let _ = write!(self.d, "M{x} {y}");
        self.pen = Some((x, y));
    }

    /// Draws to `(x, y)`; starts a subpath there when none is open. A segment of zero
    /// length is skipped.
    pub fn line_to(&mut self, x: i32, y: i32) {
        match self.pen {
            None => self.move_to(x, y),
            Some(p) if p == (x, y) => {}
            Some(_) => {
                let _ = write!(self.d, "L{x} {y}");
                self.pen = Some((x, y));
                self.drawn = true;
            }
        }
    }

    /// Ends the current subpath: the next point starts a new one.
    pub fn lift(&mut self) {
        self.end_subpath();
        self.pen = None;
    }

    /// The pen's position, if a subpath is open.
    pub fn pen(&self) -> Option<(i32, i32)> {
        self.pen
    }

    /// The finished `d` attribute; empty when nothing was drawn.
    pub fn finish(mut self) -> String {
        self.end_subpath();
        self.d
    }

    fn end_subpath(&mut self) {
        if self.pen.is_some() && !self.drawn {
            self.d.push_str("h0");
        }
        self.drawn = false;
    }
}

/// A polyline through whole-unit points, broken where a point is `None`.
pub fn polyline(points: impl IntoIterator<Item = Option<(i32, i32)>>) -> String {
    let mut path = PathData::new();
    for point in points {
        match point {
            Some((x, y)) => path.line_to(x, y),
            None => path.lift(),
        }
    }
    path.finish()
}

/// A polyline through points in unrounded chart units, broken where a point is `None` or
/// not finite, and clipped to `clip`: the parts outside are cut at the edge, so a line
/// leaving the plot and coming back is drawn as two pieces.
pub fn clipped_polyline(points: impl IntoIterator<Item = Option<(f64, f64)>>, clip: Rect) -> String {
    let mut path = PathData::new();
    let mut previous: Option<(f64, f64)> = None;
    for point in points {
        let point = point.filter(|(x, y)| x.is_finite() && y.is_finite());
        match (previous, point) {
            (Some(a), Some(b)) => match clip_segment(a, b, clip) {
                Some((start, end)) => {
                    let start = (px(start.0), px(start.1));
                    if path.pen() != Some(start) {
                        path.move_to(start.0, start.1);
                    }
                    path.line_to(px(end.0), px(end.1));
                }
                None => path.lift(),
            },
            (None, Some(b)) if inside(b, clip) => path.move_to(px(b.0), px(b.1)),
            _ => path.lift(),
        }
        previous = point;
    }
    path.finish()
}

fn inside((x, y): (f64, f64), r: Rect) -> bool {
    (f64::from(r.x)..=f64::from(r.right())).contains(&x) && (f64::from(r.y)..=f64::from(r.bottom())).contains(&y)
}

/// The part of the segment `a → b` inside `r` (Liang–Barsky), or `None` when it misses.
pub fn clip_segment(a: (f64, f64), b: (f64, f64), r: Rect) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (left, right, top, bottom) = (f64::from(r.x), f64::from(r.right()), f64::from(r.y), f64::from(r.bottom()));
    // Entry and exit parameters along a → b, and the edge that set each.
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    let (mut entry, mut exit): (Option<Edge>, Option<Edge>) = (None, None);
    let edges = [
        (-dx, a.0 - left, Edge::X(left)),
        (dx, right - a.0, Edge::X(right)),
        (-dy, a.1 - top, Edge::Y(top)),
        (dy, bottom - a.1, Edge::Y(bottom)),
    ];
    for (p, q, edge) in edges {
        if p == 0.0 {
            // Parallel to this edge: inside it or wholly outside.
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 && t > t0 {
                (t0, entry) = (t, Some(edge));
            } else if p > 0.0 && t < t1 {
                (t1, exit) = (t, Some(edge));
            }
        }
    }
    if t0 > t1 || !t0.is_finite() || !t1.is_finite() {
        return None;
    }
    // An end inside stays exact. A cut end is placed on the edge it crosses, its other
    // coordinate interpolated from the segment's end nearer that edge: with an end 10²⁴
    // units away, `a + t · d` would lose the plot's small coordinates to cancellation.
    let cut = |edge: Option<Edge>, end: (f64, f64)| {
        let p = match edge {
            None => end,
            Some(Edge::X(x)) => {
                let near = if (a.0 - x).abs() <= (b.0 - x).abs() { a } else { b };
                (x, near.1 + (x - near.0) * (dy / dx))
            }
            Some(Edge::Y(y)) => {
                let near = if (a.1 - y).abs() <= (b.1 - y).abs() { a } else { b };
                (near.0 + (y - near.1) * (dx / dy), y)
            }
        };
        (p.0.clamp(left, right), p.1.clamp(top, bottom))
    };
    let (start, end) = (cut(entry, a), cut(exit, b));
    if !(start.0.is_finite() && start.1.is_finite() && end.0.is_finite() && end.1.is_finite()) {
        return None;
    }
    Some((start, end))
}

/// A side of the clip rectangle: the line `x = v` or `y = v`.
#[derive(Clone, Copy)]
enum Edge {
    X(f64),
    Y(f64),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_writes_polylines_with_gaps() {
        type Case = (&'static [Option<(i32, i32)>], &'static str);
        let cases: [Case; 7] = [
            (&[], ""),
            (&[None, None], ""),
            (&[Some((0, 10)), Some((5, -3)), Some((10, 7))], "M0 10L5 -3L10 7"),
            (&[Some((0, 0)), None, Some((10, 10)), Some((20, 0))], "M0 0h0M10 10L20 0"),
            (&[Some((0, 0)), Some((10, 10)), None, Some((30, 30))], "M0 0L10 10M30 30h0"),
            // A repeated point adds nothing; a run of one repeated point is still a dot.
            (&[Some((1, 1)), Some((1, 1)), Some((2, 2))], "M1 1L2 2"),
            (&[Some((4, 4)), Some((4, 4))], "M4 4h0"),
        ];
        for (points, want) in cases {
            assert_eq!(polyline(points.iter().copied()), want);
        }
    }

    #[test]
    fn it_clips_segments_to_the_plot() {
        let r = Rect::new(0, 0, 100, 100);
        type Case = ((f64, f64), (f64, f64), Option<((f64, f64), (f64, f64))>);
        let cases: [Case; 6] = [
            // Inside: unchanged.
            ((10.0, 10.0), (90.0, 50.0), Some(((10.0, 10.0), (90.0, 50.0)))),
            // Leaves through the top at x = 50: from (0, 100) to (100, −100), y = 100 − 2x.
            ((0.0, 100.0), (100.0, -100.0), Some(((0.0, 100.0), (50.0, 0.0)))),
            // Crosses the whole plot diagonally from outside: enters at x = 0, leaves at x = 100.
            ((-50.0, 25.0), (150.0, 75.0), Some(((0.0, 37.5), (100.0, 62.5)))),
            // Wholly above.
            ((0.0, -10.0), (100.0, -20.0), None),
            // Vertical, outside to the right.
            ((120.0, 0.0), (120.0, 100.0), None),
            // Misses a corner.
            ((90.0, -20.0), (120.0, 10.0), None),
        ];
        for (a, b, want) in cases {
            assert_eq!(clip_segment(a, b, r), want, "{a:?} → {b:?}");
        }
    }

    #[test]
    fn it_draws_clipped_polylines_in_pieces() {
        let r = Rect::new(0, 0, 100, 100);
        type Case = (&'static [Option<(f64, f64)>], &'static str);
        let cases: [Case; 6] = [
            // Up out of the top at x = 25 and back in at x = 75 (y = 50 − 2x, then y = 2x − 150).
            (&[Some((0.0, 50.0)), Some((50.0, -50.0)), Some((100.0, 50.0))], "M0 50L25 0M75 0L100 50"),
            // A gap, then a point above the plot alone: nothing drawn for it.
            (&[Some((0.0, 0.0)), Some((10.0, 10.0)), None, Some((50.0, -5.0))], "M0 0L10 10"),
            // One point inside alone: a dot.
            (&[None, Some((30.0, 40.0)), None], "M30 40h0"),
            // NaN and infinity are gaps, leaving the corner point and the last one as dots.
            (&[Some((0.0, 0.0)), Some((f64::NAN, 1.0)), Some((5.0, f64::INFINITY)), Some((9.0, 9.0))], "M0 0h0M9 9h0"),
            // Huge but finite: clipped, not overflowed.
            (&[Some((0.0, 50.0)), Some((100.0, -1e30))], "M0 50L0 0"),
            // Far below to inside: 1e24 + (2 − 1e24) cancels to 0 in f64; the cut end
            // stays on the bottom edge.
            (&[Some((0.0, 1e24)), Some((0.0, 2.0))], "M0 100L0 2"),
        ];
        for (points, want) in cases {
            assert_eq!(clipped_polyline(points.iter().copied(), r), want, "{points:?}");
        }
    }
}
