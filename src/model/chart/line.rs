//! A line chart over months: several series on one x axis (months `0 ..= horizon`) and one
//! y axis that always includes zero, with the annotations a reader needs on the chart
//! itself: a zero line, vertical rules at events (the halving, the end of an asset's life,
//! payback), shaded spans of months (an AI conversion) and labels at the lines' ends.

use super::path::polyline;
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
}

impl Anchor {
    /// The `text-anchor` attribute's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::End => "end",
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
    /// Each label sits right of its rule, `line_height / 4` away, or left of it when it
    /// would run past the plot's right edge. Labels that would overlap another take the
    /// next line down: the first line's middle is `line_height / 2` below the plot's top.
    pub fn markers(&self, marks: &[MarkerSpec], line_height: i32) -> Vec<Option<Marker>> {
        let pad = line_height / 4;
        let mut order: Vec<(usize, MarkerSpec)> = marks.iter().copied().enumerate().collect();
        order.sort_by_key(|(_, m)| m.month);
        // Horizontal extents already placed on each line.
        let mut rows: Vec<Vec<(i32, i32)>> = Vec::new();
        let mut out = vec![None; marks.len()];
        for (i, mark) in order {
            if mark.month > self.horizon {
                continue;
            }
            let x = self.month_x(mark.month);
            let width = mark.label_width.max(0);
            let (after, before) = (x.saturating_add(pad), x.saturating_sub(pad));
            let (anchor, label_x, extent) = if after.saturating_add(width) <= self.plot.right() {
                (Anchor::Start, after, (after, after.saturating_add(width)))
            } else {
                (Anchor::End, before, (before.saturating_sub(width), before))
            };
            let free = |row: &Vec<(i32, i32)>| {
                row.iter().all(|&(a, b)| extent.1.saturating_add(pad) <= a || b.saturating_add(pad) <= extent.0)
            };
            let row = match rows.iter().position(free) {
                Some(r) => r,
                None => {
                    rows.push(Vec::new());
                    rows.len() - 1
                }
            };
            if let Some(placed) = rows.get_mut(row) {
                placed.push(extent);
            }
            let label_y =
                self.plot.y.saturating_add(line_height / 2).saturating_add((row as i32).saturating_mul(line_height));
            let marker =
                Marker { month: mark.month, x, top: self.plot.y, bottom: self.plot.bottom(), label_x, label_y, anchor };
            if let Some(slot) = out.get_mut(i) {
                *slot = Some(marker);
            }
        }
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

    /// A label beside each line's last point (in series order; `None` for a series with
    /// no value): `gap` right of it, vertically at the point, moved apart so that no two
    /// labels' middles are closer than `line_height`, and kept within the plot's height.
    /// Crowded labels are spread evenly around their mean, as a designer would. A line that
    /// runs to the horizon ends on the plot's right edge, so its label sits in the margin
    /// right of the plot: leave room for it. Labels are moved apart by height alone, even
    /// when their lines end at different months.
    pub fn end_labels(&self, line_height: i32, gap: i32) -> Vec<Option<EndLabel>> {
        let ends: Vec<Option<Point>> = self.lines.iter().map(|l| l.points.iter().rev().find_map(|p| *p)).collect();
        let targets: Vec<(usize, f64)> =
            ends.iter().enumerate().filter_map(|(i, p)| p.map(|p| (i, f64::from(p.y)))).collect();
        let placed =
            spread(&targets, f64::from(line_height.max(0)), f64::from(self.plot.y), f64::from(self.plot.bottom()));
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

/// Moves labels (index, wanted middle y) apart so that middles are at least `h` apart
/// and every label lies within `top … bottom`, changing the wanted positions as little
/// as possible: overlapping labels merge into a group centred on their mean.
fn spread(targets: &[(usize, f64)], h: f64, top: f64, bottom: f64) -> Vec<(usize, f64)> {
    let mut sorted: Vec<(usize, f64)> = targets.to_vec();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    // Each group: (sum of wanted middles, members in order); its first middle follows.
    let mut groups: Vec<(f64, Vec<usize>)> = sorted.iter().map(|&(i, y)| (y, vec![i])).collect();
    let (lo, hi) = (top + h / 2.0, bottom - h / 2.0);
    let first = |(sum, members): &(f64, Vec<usize>)| -> f64 {
        let n = members.len() as f64;
        let want = sum / n - (n - 1.0) * h / 2.0;
        // Within the plot: the group's last middle at most `hi`, its first at least `lo`.
        want.min(hi - (n - 1.0) * h).max(lo)
    };
    // Each merge removes a group, so this ends after at most `targets.len()` passes.
    loop {
        let overlap = groups.windows(2).position(|w| match w {
            [a, b] => first(a) + a.1.len() as f64 * h > first(b) + 1e-9,
            _ => false,
        });
        match overlap {
            Some(k) if k + 1 < groups.len() => {
                let next = groups.remove(k + 1);
                if let Some(g) = groups.get_mut(k) {
                    g.0 += next.0;
                    g.1.extend(next.1);
                }
            }
            _ => break,
        }
    }
    groups
        .iter()
        .flat_map(|g| {
            let start = first(g);
            g.1.iter().enumerate().map(move |(k, &i)| (i, start + k as f64 * h))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plot 600 … 3400 × 200 … 2000 in chart units: 2800 wide, 1800 high.
    const PLOT: Rect = Rect { x: 600, y: 200, width: 2800, height: 1800 };

    #[test]
    fn it_lays_out_lines_with_gaps() {
        // Two series over months 0 … 4; values −1 … 3.5 with zero. Steps of 1 cover
        // −1 … 4 (6 ticks), steps of 2 cover −2 … 4: the tighter wins.
        // y = 2000 − (v + 1)/5 · 1800 = 2000 − 360 (v + 1); x = 600 + k · 700.
        let a = [Some(0.0), Some(1.0), None, Some(3.5), Some(2.0)];
        let b = [Some(-1.0), Some(f64::NAN), Some(-0.5), None, None, Some(9.0)];
        let chart = LineChart::new(&[&a, &b], 4, PLOT);
        assert_eq!(chart.y.domain(), (-1.0, 4.0));
        let ticks: Vec<(String, i32)> = chart.y_ticks.iter().map(|t| (t.value.to_string(), t.at)).collect();
        let want = [("-1", 2000), ("0", 1640), ("1", 1280), ("2", 920), ("3", 560), ("4", 200)];
        assert_eq!(ticks, want.map(|(v, y)| (v.to_string(), y)));
        assert_eq!(chart.y_decimals, 0);
        assert_eq!(chart.zero_y, 1640);
        // a: (600, 1640) (1300, 1280), a gap at month 2, (2700, 380) (3400, 920).
        assert_eq!(chart.lines[0].path, "M600 1640L1300 1280M2700 380L3400 920");
        assert_eq!(chart.lines[0].points[3], Some(Point { month: 3, x: 2700, y: 380 }));
        assert_eq!(chart.lines[0].points[2], None);
        // b: month 0 at (600, 2000), month 1 NaN, month 2 at (2000, 1820): two dots.
        // Month 5 (the 9.0) is past the horizon and does not stretch the axis.
        assert_eq!(chart.lines[1].path, "M600 2000h0M2000 1820h0");
        assert_eq!(chart.lines[1].points.len(), 5);
    }

    #[test]
    fn it_survives_degenerate_series() {
        type Case = (&'static [Option<f64>], u32, (f64, f64), i32, &'static str);
        let cases: [Case; 6] = [
            // Nothing at all: axis 0 … 1, zero at the bottom.
            (&[], 12, (0.0, 1.0), 2000, ""),
            (&[None, None], 12, (0.0, 1.0), 2000, ""),
            // One point at month 0 with horizon 0: a dot at the left edge.
            (&[Some(5.0)], 0, (0.0, 5.0), 2000, "M600 200h0"),
            // All equal: 0 … 5, a flat line at the top.
            (&[Some(5.0), Some(5.0)], 1, (0.0, 5.0), 2000, "M600 200L3400 200"),
            // Negative only: −3 … 0, zero at the top.
            (&[Some(-3.0), Some(-1.5)], 1, (-3.0, 0.0), 200, "M600 2000L3400 1100"),
            // Huge values are pinned at ±10²⁴ (steps of 5 · 10²³, ticks ±10²⁴).
            (&[Some(-1e300), Some(f64::INFINITY)], 1, (-1e24, 1e24), 1100, "M600 2000L3400 200"),
        ];
        for (values, horizon, domain, zero_y, path) in cases {
            let chart = LineChart::new(&[values], horizon, PLOT);
            let (lo, hi) = chart.y.domain();
            assert!((lo - domain.0).abs() <= 1e-9 * domain.0.abs() && (hi - domain.1).abs() <= 1e-9 * domain.1.abs());
            assert_eq!(chart.zero_y, zero_y, "{values:?}");
            assert_eq!(chart.lines[0].path, path, "{values:?}");
        }
        assert!(LineChart::new(&[], 10, PLOT).lines.is_empty());
    }

    #[test]
    fn it_places_markers_and_stacks_crowded_labels() {
        // Horizon 120: x = 600 + m · 2800/120. Line height 100, so pad 25 and the first
        // label line's middle at 250.
        let chart = LineChart::new(&[&[Some(1.0)]], 120, PLOT);
        let marks = [
            MarkerSpec { month: 29, label_width: 400 }, // x = 1276.67 → 1277; label 1302 … 1702
            MarkerSpec { month: 36, label_width: 300 }, // x = 1440; label 1465 … 1765 overlaps: line 2
            MarkerSpec { month: 60, label_width: 300 }, // x = 2000; label 2025 … 2325: line 1 again
            MarkerSpec { month: 115, label_width: 300 }, // x = 3283.33; 3308 + 300 > 3400: left of the rule
            MarkerSpec { month: 121, label_width: 10 }, // past the horizon
        ];
        let got = chart.markers(&marks, 100);
        let want = [
            Some((1277, 1302, 250, Anchor::Start)),
            Some((1440, 1465, 350, Anchor::Start)),
            Some((2000, 2025, 250, Anchor::Start)),
            Some((3283, 3258, 250, Anchor::End)),
            None,
        ];
        for (m, w) in got.iter().zip(want) {
            assert_eq!(m.map(|m| (m.x, m.label_x, m.label_y, m.anchor)), w);
        }
        assert_eq!(got[0].map(|m| (m.top, m.bottom)), Some((200, 2000)));
        assert_eq!(Anchor::End.as_str(), "end");
    }

    #[test]
    fn it_shades_bands_within_the_horizon() {
        let chart = LineChart::new(&[&[Some(1.0)]], 120, PLOT);
        let cases: [((u32, u32), Option<Rect>); 4] = [
            // Conversion months 0 … 9: x 600 … 810.
            ((0, 9), Some(Rect::new(600, 200, 210, 1800))),
            // Cut at the horizon: 110 … 120 → 3167 … 3400.
            ((110, 200), Some(Rect::new(3167, 200, 233, 1800))),
            ((9, 9), None),
            ((130, 140), None),
        ];
        for ((from, to), want) in cases {
            assert_eq!(chart.band(from, to), want, "{from}…{to}");
        }
    }

    #[test]
    fn it_ticks_the_time_axis() {
        use crate::model::chart::time::SNAPSHOT_MONTH;
        let chart = LineChart::new(&[&[Some(1.0)]], 120, PLOT);
        let axis = chart.time_ticks(SNAPSHOT_MONTH);
        assert!(axis.by_year);
        let got: Vec<(u32, i32, i32)> = axis.ticks.iter().map(|t| (t.month, t.x, t.date.year())).collect();
        // Januaries of even years; x = 600 + m · 23.33.
        assert_eq!(got, [(2, 647, 2026), (26, 1207, 2028), (50, 1767, 2030), (74, 2327, 2032), (98, 2887, 2034)]);
        let short = LineChart::new(&[&[Some(1.0)]], 6, PLOT).time_ticks(SNAPSHOT_MONTH);
        assert!(!short.by_year);
        assert_eq!(short.ticks.iter().map(|t| t.month).collect::<Vec<_>>(), [0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(Some(short.ticks[2].date), YearMonth::new(2026, 1));
    }

    #[test]
    fn it_labels_line_ends_apart() {
        // Three series ending at month 4 (x = 3400); y as in the first test: −2 … 4.
        // Ends at 1.0 → y 1100, 1.1 → 1070, 3.9 → 230; line height 100, gap 40.
        let a = [Some(0.0), Some(1.0)];
        let b = [Some(0.0), Some(1.1)];
        let c = [Some(-2.0), Some(3.9)];
        let none: [Option<f64>; 2] = [None, None];
        let chart = LineChart::new(&[&a, &b, &c, &none], 1, PLOT);
        assert_eq!(chart.y.domain(), (-2.0, 4.0));
        let labels = chart.end_labels(100, 40);
        // a and b crowd (1100 and 1070): centred on 1085, 100 apart → 1035 (b) and 1135 (a).
        // c wants 230, 20 below the top's limit of 250 (200 + 100/2): held at 250.
        assert_eq!(labels[0], Some(EndLabel { x: 3440, y: 1135, line_y: 1100 }));
        assert_eq!(labels[1], Some(EndLabel { x: 3440, y: 1035, line_y: 1070 }));
        assert_eq!(labels[2], Some(EndLabel { x: 3440, y: 250, line_y: 230 }));
        assert_eq!(labels[3], None);
    }

    #[test]
    fn it_spreads_labels_into_groups() {
        // (targets, h, top, bottom) → middles, worked by hand.
        type Case = (&'static [(usize, f64)], f64, f64, f64, &'static [(usize, f64)]);
        let cases: [Case; 5] = [
            // Apart already.
            (&[(0, 100.0), (1, 300.0)], 100.0, 0.0, 1000.0, &[(0, 100.0), (1, 300.0)]),
            // Three at one place: 400, 500, 600 around 500.
            (&[(0, 500.0), (1, 500.0), (2, 500.0)], 100.0, 0.0, 1000.0, &[(0, 400.0), (1, 500.0), (2, 600.0)]),
            // Chain: 500 and 550 merge around 525 (475, 575), which then crowds 600:
            // all three around 550 → 450, 550, 650.
            (&[(0, 500.0), (1, 550.0), (2, 600.0)], 100.0, 0.0, 1000.0, &[(0, 450.0), (1, 550.0), (2, 650.0)]),
            // At the bottom: two wanting 990 stack up from the limit 950 → 850, 950.
            (&[(0, 990.0), (1, 990.0)], 100.0, 0.0, 1000.0, &[(0, 850.0), (1, 950.0)]),
            // Not enough room (3 × 100 in 150): stacked from the top limit, 50.
            (&[(0, 10.0), (1, 20.0), (2, 30.0)], 100.0, 0.0, 150.0, &[(0, 50.0), (1, 150.0), (2, 250.0)]),
        ];
        for (targets, h, top, bottom, want) in cases {
            assert_eq!(spread(targets, h, top, bottom), want, "{targets:?}");
        }
    }
}
