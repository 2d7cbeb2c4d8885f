//! Keeping labels clear of each other and of the lines: boxes, segments and the tests
//! between them, in chart units. A label is a box; a line is a chain of segments; a
//! label may be placed where its box, grown by a margin, touches no segment and no box
//! already placed.

use super::scale::Rect;

/// A straight piece of a drawn line, from `a` to `b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub a: (i32, i32),
    pub b: (i32, i32),
}

impl Segment {
    pub fn new(a: (i32, i32), b: (i32, i32)) -> Segment {
        Segment { a, b }
    }
}

/// `r` grown by `by` on every side (shrunk when `by` is negative, never below zero size).
pub fn grow(r: Rect, by: i32) -> Rect {
    Rect::new(
        r.x.saturating_sub(by),
        r.y.saturating_sub(by),
        r.width.saturating_add(by.saturating_mul(2)),
        r.height.saturating_add(by.saturating_mul(2)),
    )
}

/// Whether two boxes share some area (boxes that only touch along an edge do not).
pub fn overlaps(a: Rect, b: Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// Whether `s` passes through the inside of `r` (a segment along an edge, or touching a
/// corner, does not). Liang–Barsky clipping of the segment against the open box.
pub fn crosses(r: Rect, s: Segment) -> bool {
    let (x0, y0) = (f64::from(s.a.0), f64::from(s.a.1));
    let (dx, dy) = (f64::from(s.b.0) - x0, f64::from(s.b.1) - y0);
    let (left, right) = (f64::from(r.x), f64::from(r.right()));
    let (top, bottom) = (f64::from(r.y), f64::from(r.bottom()));
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    // Each edge as p · t ≤ q: the part of the segment on the box's side of it.
    for (p, q) in [(-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)] {
        if p == 0.0 {
            // Parallel to this edge: inside its side only strictly.
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 >= t1 {
        return false;
    }
    // A piece of positive length lies within the closed box: inside the open box unless
    // it runs along an edge (then its midpoint is on the edge).
    let (mx, my) = (x0 + dx * (t0 + t1) / 2.0, y0 + dy * (t0 + t1) / 2.0);
    mx > left && mx < right && my > top && my < bottom
}

/// Whether `r` is clear: within `bounds`, crossed by none of `lines` and overlapping none
/// of `boxes`.
pub fn is_clear(r: Rect, bounds: Rect, lines: &[Segment], boxes: &[Rect]) -> bool {
    r.x >= bounds.x
        && r.right() <= bounds.right()
        && r.y >= bounds.y
        && r.bottom() <= bounds.bottom()
        && !lines.iter().any(|s| crosses(r, *s))
        && !boxes.iter().any(|b| overlaps(r, *b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const R: Rect = Rect { x: 100, y: 100, width: 200, height: 100 };

    #[test]
    fn it_tells_crossing_segments_from_passing_ones() {
        // Box 100 … 300 × 100 … 200.
        type Case = (((i32, i32), (i32, i32)), bool);
        let cases: [Case; 10] = [
            // Across the middle, horizontally and vertically.
            (((0, 150), (400, 150)), true),
            (((200, 0), (200, 400)), true),
            // Diagonal through a corner region: from (50, 50) to (150, 250) enters at
            // x = 125 (y = 100) and leaves at x = 150 (y = 200).
            (((50, 50), (150, 250)), true),
            // Diagonal that passes the corner outside: (0, 150) to (150, 0) meets x = 100
            // at y = 50, above the box.
            (((0, 150), (150, 0)), false),
            // Wholly inside.
            (((150, 120), (160, 130)), true),
            // Along the top edge, and touching the corner only.
            (((0, 100), (400, 100)), false),
            (((0, 0), (100, 100)), false),
            // Ending before the box.
            (((0, 150), (99, 150)), false),
            // Below it.
            (((0, 201), (400, 201)), false),
            // A segment of zero length inside is a drawn dot (round caps): it counts.
            (((150, 150), (150, 150)), true),
        ];
        for ((a, b), want) in cases {
            assert_eq!(crosses(R, Segment::new(a, b)), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn it_tells_overlapping_boxes() {
        let cases: [(Rect, bool); 4] = [
            (Rect::new(250, 150, 100, 100), true),
            // Touching along the right edge.
            (Rect::new(300, 100, 50, 50), false),
            (Rect::new(0, 0, 1000, 1000), true),
            (Rect::new(0, 201, 1000, 10), false),
        ];
        for (b, want) in cases {
            assert_eq!(overlaps(R, b), want, "{b:?}");
            assert_eq!(overlaps(b, R), want, "{b:?}");
        }
    }

    #[test]
    fn it_keeps_a_clear_box_within_bounds() {
        let bounds = Rect::new(0, 0, 1000, 1000);
        assert!(is_clear(R, bounds, &[], &[]));
        assert!(!is_clear(grow(R, 150), bounds, &[], &[]), "runs above the bounds");
        assert_eq!(grow(R, 10), Rect::new(90, 90, 220, 120));
        assert_eq!(grow(R, -200), Rect::new(300, 300, 0, 0));
        let line = Segment::new((0, 210), (1000, 210));
        assert!(is_clear(R, bounds, &[line], &[]));
        assert!(!is_clear(grow(R, 20), bounds, &[line], &[]));
        assert!(!is_clear(R, bounds, &[], &[Rect::new(290, 190, 50, 50)]));
    }
}
