//! A line chart over months: several series on one x axis (months `0 ..= horizon`) and one
//! y axis that always includes zero, with the annotations a reader needs on the chart
//! itself: a zero line, vertical rules at events (the halving, the end of an asset's life,
//! payback), shaded spans of months (an AI conversion) and labels at the lines' ends.

use super::path::polyline;
use super::place::{grow, is_clear, Segment};
use super::scale::{finite, LinearScale, Rect};
use super::ticks::{nice_ticks, Fit, Tick};
use super::time::{month_ticks, year_ticks, YearMonth};

/// Which side of its anchor a label's text runs: the SVG `text-anchor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at `x` and runs right.
    Start,
    /// The text ends at `x`.
    End,
    /// The text is centred on `x`.
    Middle,
}

impl Anchor {
    /// The `text-anchor` attribute's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::End => "end",
            Anchor::Middle => "middle",
        }
    }
}

/// One plotted month of a series, for a focusable point with `data-month`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub month: u32,
    pub x: i32,
    pub y: i32,
}

/// One series, drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The `d` of its `<path>`, broken where a month has no value; empty when none has.
    pub path: String,
    /// Index `k` is month `k` (up to the horizon); `None` where the series has no value.
    pub points: Vec<Option<Point>>,
}

/// A vertical rule at a month, with its label's anchor near the top of the plot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    pub month: u32,
    pub x: i32,
    /// The rule runs from the plot's top to its bottom.
    pub top: i32,
    pub bottom: i32,
    /// Where the label's text is anchored; `label_y` is the middle of its line
    /// (`dominant-baseline="middle"`).
    pub label_x: i32,
    pub label_y: i32,
    pub anchor: Anchor,
    /// Where there was no room for the label: its number, shown at the label's place,
    /// with the label in a numbered key below the chart.
    pub key: Option<u32>,
}

/// An event to mark: its month and its label's width in chart units (the page knows the
/// text; the geometry only needs its extent to keep labels apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkerSpec {
    pub month: u32,
    pub label_width: i32,
}

/// A series' label beside its last point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EndLabel {
    /// The text starts here (`text-anchor="start"`).
    pub x: i32,
    /// The middle of the text's line, moved apart from the other labels when they crowd.
    pub y: i32,
    /// The y of the line's last point; differs from `y` when the label was moved, so the
    /// page may draw a short leader.
    pub line_y: i32,
}

/// A tick on the time axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthTick {
    pub month: u32,
    pub x: i32,
    /// The calendar month it falls on.
    pub date: YearMonth,
}

/// The time axis's ticks and how to label them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeTicks {
    /// On Januaries, every one or more years: label with the year alone. Otherwise the
    /// ticks count from month 0 and need month and year.
    pub by_year: bool,
    pub ticks: Vec<MonthTick>,
}

/// A line chart's geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    pub plot: Rect,
    /// The last month on the x axis.
    pub horizon: u32,
    /// Month → x.
    pub x: LinearScale,
    /// Value → y, over the nice ticks' span.
    pub y: LinearScale,
    pub y_ticks: Vec<Tick>,
    /// Decimal places that write every y tick exactly.
    pub y_decimals: u32,
    /// The y of value 0: always inside the plot.
    pub zero_y: i32,
    /// One per series, in the order given.
    pub lines: Vec<Line>,
}

impl LineChart {
    /// Lays out `series` (value `k` of each is month `k`; `None` or NaN is a gap) over
    /// months `0 ..= horizon` in `plot`. Values after the horizon are left out; values
    /// beyond ±10²⁴ are pinned there. The y axis spans nice ticks covering every value
    /// and zero, so a chart whose values are all missing still has an axis, 0 … 1.
    pub fn new(series: &[&[Option<f64>]], horizon: u32, plot: Rect) -> LineChart {
        let shown = |s: &&[Option<f64>]| -> Vec<Option<f64>> {
            s.iter().take((horizon as usize).saturating_add(1)).map(|v| v.and_then(finite)).collect()
        };
        let values: Vec<Vec<Option<f64>>> = series.iter().map(shown).collect();
        let (lo, hi) =
            values.iter().flatten().flatten().fold((0.0_f64, 0.0_f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        let ticks = nice_ticks(lo, hi, Fit::Cover);
        // A horizon of 0 gets a one-month axis, so month 0 sits at the left edge.
        let x = LinearScale::horizontal((0.0, f64::from(horizon.max(1))), plot);
        let y = LinearScale::vertical(ticks.domain, plot);
        let lines = values
            .iter()
            .map(|vs| {
                let points: Vec<Option<Point>> = (0_u32..)
                    .zip(vs)
                    .map(|(month, v)| v.map(|v| Point { month, x: x.px(f64::from(month)), y: y.px(v) }))
                    .collect();
                let path = polyline(points.iter().map(|p| p.map(|p| (p.x, p.y))));
                Line { path, points }
            })
            .collect();
        LineChart {
            plot,
            horizon,
            x,
            y,
            y_ticks: ticks.place(&y),
            y_decimals: ticks.decimals(),
            zero_y: y.px(0.0),
            lines,
        }
    }

    /// The x of a month (months past the horizon fall right of the plot).
    pub fn month_x(&self, month: u32) -> i32 {
        self.x.px(f64::from(month))
    }

    /// Rules at the given months, in the same order; `None` for a month past the horizon.
    ///
    /// Each label is a box `label_width` wide and `line_height` high, placed beside its
    /// rule (`line_height / 4` away, right of it first) on the highest line, in steps of
    /// half a line down from the plot's top, where it stays within the plot and, with a
    /// margin of `line_height / 4`, crosses no series and no zero line, and overlaps no
    /// label placed before it (in month order) nor any box of `avoid` (the
    /// lines' end labels, a band's label). When no such place exists the rule is numbered
    /// instead (`key`, 1, 2, … in month order): the number, a box `line_height` square, is
    /// placed the same way and the label goes to a key below the chart. A label may cross
    /// another event's dashed rule: were rules kept clear, two events closer than a label's
    /// width would leave neither label a place.
    pub fn markers(&self, marks: &[MarkerSpec], line_height: i32, avoid: &[Rect]) -> Vec<Option<Marker>> {
        let lh = line_height.max(1);
        let pad = lh / 4;
        let mut order: Vec<(usize, MarkerSpec)> = marks.iter().copied().enumerate().collect();
        order.sort_by_key(|(_, m)| m.month);
        let lines = self.segments();
        let mut placed: Vec<Rect> = avoid.to_vec();
        let mut numbered = 0_u32;
        let mut out = vec![None; marks.len()];
        for (i, mark) in order {
            if mark.month > self.horizon {
                continue;
            }
            let x = self.month_x(mark.month);
            let labelled = self.place_beside(x, mark.label_width.max(0), lh, &lines, &placed);
            let (key, spot) = match labelled {
                Some(spot) => (None, spot),
                None => {
                    numbered = numbered.saturating_add(1);
                    let spot = self.place_beside(x, lh, lh, &lines, &placed).unwrap_or_else(|| {
                        // Nowhere clear even for a number: the top line, beside the rule.
                        let top = self.plot.y.saturating_add(lh / 2);
                        let after = x.saturating_add(pad);
                        if after.saturating_add(lh) <= self.plot.right() {
                            (Anchor::Start, after, top, Rect::new(after, top.saturating_sub(lh / 2), lh, lh))
                        } else {
                            let before = x.saturating_sub(pad);
                            (
                                Anchor::End,
                                before,
                                top,
                                Rect::new(before.saturating_sub(lh), top.saturating_sub(lh / 2), lh, lh),
                            )
                        }
                    });
                    (Some(numbered), spot)
                }
            };
            let (anchor, label_x, label_y, area) = spot;
            placed.push(area);
            let marker = Marker {
                month: mark.month,
                x,
                top: self.plot.y,
                bottom: self.plot.bottom(),
                label_x,
                label_y,
                anchor,
                key,
            };
            if let Some(slot) = out.get_mut(i) {
                *slot = Some(marker);
            }
        }
        out
    }

    /// The highest clear place for a box `width` × `lh` beside the rule at `x`, right of it
    /// first: its anchor, its text's x and middle y, and its box.
    fn place_beside(
        &self,
        x: i32,
        width: i32,
        lh: i32,
        lines: &[Segment],
        placed: &[Rect],
    ) -> Option<(Anchor, i32, i32, Rect)> {
        let pad = lh / 4;
        let step = (lh / 2).max(1);
        let (after, before) = (x.saturating_add(pad), x.saturating_sub(pad));
        let mut y = self.plot.y.saturating_add(lh / 2);
        while y.saturating_add(lh / 2) <= self.plot.bottom() {
            let top = y.saturating_sub(lh / 2);
            let sides = [
                (Anchor::Start, after, Rect::new(after, top, width, lh)),
                (Anchor::End, before, Rect::new(before.saturating_sub(width), top, width, lh)),
            ];
            for (anchor, label_x, area) in sides {
                // Within the plot, and a margin clear all round.
                if is_clear(grow(area, pad), grow(self.plot, pad), lines, placed) {
                    return Some((anchor, label_x, y, area));
                }
            }
            y = y.saturating_add(step);
        }
        None
    }

    /// The drawn lines a label must not cross: each series between months that both have
    /// a value, and the zero line.
    pub fn segments(&self) -> Vec<Segment> {
        let mut out: Vec<Segment> = self
            .lines
            .iter()
            .flat_map(|l| {
                l.points.windows(2).filter_map(|w| match w {
                    [Some(a), Some(b)] => Some(Segment::new((a.x, a.y), (b.x, b.y))),
                    _ => None,
                })
            })
            .collect();
        out.push(Segment::new((self.plot.x, self.zero_y), (self.plot.right(), self.zero_y)));
        out
    }

    /// A shaded span from month `from` to month `to` (an AI conversion: months 0 … `conv`),
    /// full plot height, cut at the horizon; `None` when nothing of it is on the chart.
    pub fn band(&self, from: u32, to: u32) -> Option<Rect> {
        let (from, to) = (from.min(self.horizon), to.min(self.horizon));
        if from >= to {
            return None;
        }
        let (x0, x1) = (self.month_x(from), self.month_x(to));
        Some(Rect::new(x0, self.plot.y, x1.saturating_sub(x0), self.plot.height))
    }

    /// The time axis for a projection starting at `start`: Januaries labelled by year when
    /// at least two fall within the horizon, else ticks from month 0.
    pub fn time_ticks(&self, start: YearMonth) -> TimeTicks {
        let (by_year, months) = match year_ticks(start, self.horizon) {
            Some(months) => (true, months),
            None => (false, month_ticks(self.horizon)),
        };
        let ticks = months
            .into_iter()
            .map(|month| MonthTick { month, x: self.month_x(month), date: start.plus_months(month) })
            .collect();
        TimeTicks { by_year, ticks }
    }

    /// The x where each line's label starts (`gap` right of its last point), in series
    /// order; `None` for a series with no value. What room a label's text has to its
    /// right follows: the page wraps the text to it before [`Self::end_labels`].
    pub fn end_x(&self, gap: i32) -> Vec<Option<i32>> {
        self.lines.iter().map(|l| l.points.iter().rev().find_map(|p| *p).map(|p| p.x.saturating_add(gap))).collect()
    }

    /// A label beside each line's last point (in series order; `None` for a series with
    /// no value): `gap` right of it, vertically at the point, moved apart so that no two
    /// labels overlap, `heights[k]` being series `k`'s label's height (a line of text, or
    /// several when its text wraps; 0 when not given), and kept within the plot's height.
    /// Crowded labels are spread evenly around their mean, as a designer would. A line that
    /// runs to the horizon ends on the plot's right edge, so its label sits in the margin
    /// right of the plot: leave room for it. Labels are moved apart by height alone, even
    /// when their lines end at different months.
    pub fn end_labels(&self, heights: &[i32], gap: i32) -> Vec<Option<EndLabel>> {
        let ends: Vec<Option<Point>> = self.lines.iter().map(|l| l.points.iter().rev().find_map(|p| *p)).collect();
        let height = |i: usize| f64::from(heights.get(i).copied().unwrap_or(0).max(0));
        let targets: Vec<(usize, f64, f64)> =
            ends.iter().enumerate().filter_map(|(i, p)| p.map(|p| (i, f64::from(p.y), height(i)))).collect();
        let placed = spread(&targets, f64::from(self.plot.y), f64::from(self.plot.bottom()));
        ends.iter()
            .enumerate()
            .map(|(i, end)| {
                let end = (*end)?;
                let y = placed.iter().find(|(j, _)| *j == i).map_or(end.y, |(_, y)| super::scale::px(*y));
                Some(EndLabel { x: end.x.saturating_add(gap), y, line_y: end.y })
            })
            .collect()
    }
}

impl LineChart {
    /// As [`LineChart::end_labels`], but labels are moved apart only from those of lines
    /// that end at the same month, and a column whose labels are taller together than the
    /// plot has them all shortened alike, so they fit: a chart of several scenarios (their
    /// sides ending at their own horizons) keeps every label within the plot.
    pub fn end_labels_by_end(&self, heights: &[i32], gap: i32) -> Vec<Option<EndLabel>> {
        let ends: Vec<Option<Point>> = self.lines.iter().map(|l| l.points.iter().rev().find_map(|p| *p)).collect();
        let height = |i: usize| f64::from(heights.get(i).copied().unwrap_or(0).max(0));
        let mut out: Vec<Option<EndLabel>> = vec![None; ends.len()];
        let mut xs: Vec<i32> = ends.iter().flatten().map(|p| p.x).collect();
        xs.sort_unstable();
        xs.dedup();
        let (top, bottom) = (f64::from(self.plot.y), f64::from(self.plot.bottom()));
        for x in xs {
            let column: Vec<(usize, f64)> = ends
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.filter(|p| p.x == x).map(|p| (i, f64::from(p.y))))
                .collect();
            let total: f64 = column.iter().map(|(i, _)| height(*i)).sum();
            let shrink = if total > bottom - top && total > 0.0 { (bottom - top) / total } else { 1.0 };
            let targets: Vec<(usize, f64, f64)> = column.iter().map(|&(i, y)| (i, y, height(i) * shrink)).collect();
            for (i, y) in spread(&targets, top, bottom) {
                if let (Some(slot), Some(end)) = (out.get_mut(i), ends.get(i).copied().flatten()) {
                    *slot = Some(EndLabel { x: end.x.saturating_add(gap), y: super::scale::px(y), line_y: end.y });
                }
            }
        }
        out
    }
}

/// The boxes of the lines' end labels, `sizes[k]` (width, height) for series `k`, around
/// each label's middle: what the markers' labels must keep clear of.
pub fn end_label_boxes(labels: &[Option<EndLabel>], sizes: &[(i32, i32)]) -> Vec<Rect> {
    labels
        .iter()
        .zip(sizes)
        .filter_map(|(l, (w, h))| l.map(|l| Rect::new(l.x, l.y.saturating_sub(h / 2), *w, *h)))
        .collect()
}

/// Moves labels (index, wanted middle y, height) apart so that none overlaps another and
/// every label lies within `top … bottom`, changing the wanted positions as little as
/// possible: overlapping labels merge into a group, stacked in order, whose members'
/// wanted positions it matches on average.
fn spread(targets: &[(usize, f64, f64)], top: f64, bottom: f64) -> Vec<(usize, f64)> {
    let mut sorted: Vec<(usize, f64, f64)> = targets.to_vec();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    // Each group: its members (index, wanted middle, height) in order, top to bottom.
    let mut groups: Vec<Vec<(usize, f64, f64)>> = sorted.into_iter().map(|t| vec![t]).collect();
    let height = |g: &[(usize, f64, f64)]| g.iter().map(|m| m.2).sum::<f64>();
    // The group's top: each member's wanted middle less its middle's offset from the top,
    // averaged, then within the plot (its bottom at most `bottom`, its top at least `top`).
    let first = |g: &[(usize, f64, f64)]| -> f64 {
        let mut offset = 0.0;
        let mut sum = 0.0;
        for m in g {
            sum += m.1 - (offset + m.2 / 2.0);
            offset += m.2;
        }
        let want = sum / g.len().max(1) as f64;
        want.min(bottom - height(g)).max(top)
    };
    // Each merge removes a group, so this ends after at most `targets.len()` passes.
    loop {
        let overlap = groups.windows(2).position(|w| match w {
            [a, b] => first(a) + height(a) > first(b) + 1e-9,
            _ => false,
        });
        match overlap {
            Some(k) if k + 1 < groups.len() => {
                let next = groups.remove(k + 1);
                if let Some(g) = groups.get_mut(k) {
                    g.extend(next);
                }
            }
            _ => break,
        }
    }
    groups
        .iter()
        .flat_map(|g| {
            let mut y = first(g);
            g.iter().map(move |m| {
                let middle = y + m.2 / 2.0;
                y += m.2;
                (m.0, middle)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
