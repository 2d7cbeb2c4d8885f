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
fn it_places_markers_beside_their_rules_clear_of_the_others() {
    // Horizon 120: x = 600 + m · 2800/120. Line height 100, so a margin of 25 and the
    // first line's middle at 250; one point at month 0, so no series segment; values
    // 0 … 1, so the zero line is the plot's bottom.
    let chart = LineChart::new(&[&[Some(1.0)]], 120, PLOT);
    let marks = [
        // x = 1276.67 → 1277; right of it, 1302 … 1702, across the rule at month 36.
        MarkerSpec { month: 29, label_width: 400 },
        // x = 1440; right of it (1465 … 1765) or left (1115 … 1415) it would overlap the
        // first label on the first line, and on the next two lines with the margin: 400.
        MarkerSpec { month: 36, label_width: 300 },
        MarkerSpec { month: 60, label_width: 300 }, // x = 2000; 2025 … 2325
        // x = 3283.33; 3308 + 300 > 3400: left of the rule, 2958 … 3258.
        MarkerSpec { month: 115, label_width: 300 },
        MarkerSpec { month: 121, label_width: 10 }, // past the horizon
    ];
    let got = chart.markers(&marks, 100, &[]);
    let want = [
        Some((1277, 1302, 250, Anchor::Start)),
        Some((1440, 1465, 400, Anchor::Start)),
        Some((2000, 2025, 250, Anchor::Start)),
        Some((3283, 3258, 250, Anchor::End)),
        None,
    ];
    for (m, w) in got.iter().zip(want) {
        assert_eq!(m.map(|m| (m.x, m.label_x, m.label_y, m.anchor)), w);
        assert_eq!(m.and_then(|m| m.key), None);
    }
    assert_eq!(got[0].map(|m| (m.top, m.bottom)), Some((200, 2000)));
    assert_eq!(Anchor::End.as_str(), "end");
    // A box to avoid (an end label) across the first line on both sides of month 60
    // moves its label down past the box and its margin: 2025 … 2325 × 300 … 400, whose
    // margin reaches up to the box's bottom edge, 275, without overlapping it.
    let avoid = [Rect::new(1600, 200, 800, 75)];
    let got = chart.markers(&marks[2..3], 100, &avoid);
    assert_eq!(got[0].map(|m| (m.label_x, m.label_y)), Some((2025, 350)));
}

#[test]
fn it_keeps_labels_off_the_lines() {
    // All values negative: the zero line is the plot's top, y = 200. A label on the first
    // line (200 … 300, 175 … 325 with its margin) would be struck through: half a line
    // lower (225 … 375 with the margin) it is clear.
    let below = LineChart::new(&[&[Some(-3.0), Some(-1.5)]], 4, PLOT);
    assert_eq!(below.zero_y, 200);
    let got = below.markers(&[MarkerSpec { month: 2, label_width: 600 }], 100, &[]);
    assert_eq!(got[0].map(|m| (m.x, m.label_x, m.label_y, m.anchor)), Some((2000, 2025, 300, Anchor::Start)));

    // Values −1 … 3 (the two others a dot each, at month 0): y = 2000 − 450 (v + 1). A
    // flat series at 2 runs along y = 650, the zero line along 1550. Seven labels at month 2 (x = 2000), each 1,300 wide: both
    // sides fit (2025 … 3325 right, 675 … 1975 left).
    let flat = [Some(2.0); 5];
    let chart = LineChart::new(&[&flat, &[Some(-1.0)], &[Some(3.0)]], 4, PLOT);
    assert_eq!((chart.y.domain(), chart.zero_y), ((-1.0, 3.0), 1550));
    let marks = [MarkerSpec { month: 2, label_width: 1300 }; 7];
    let got: Vec<(i32, i32)> =
        chart.markers(&marks, 100, &[]).iter().flatten().map(|m| (m.label_x, m.label_y)).collect();
    let want = [
        // First line, right then left.
        (2025, 250),
        (1975, 250),
        // 300 and 350 would overlap them with the margin (their boxes end at 300): 400.
        (2025, 400),
        (1975, 400),
        // 450 … 500 overlap those; 550 (475 … 625 with the margin) stays above the line.
        (2025, 550),
        (1975, 550),
        // 600, 650 and 700 would cross the line at 650; 750 (675 … 825) is clear.
        (2025, 750),
    ];
    assert_eq!(got, want);
}

#[test]
fn it_numbers_a_marker_when_its_label_has_no_room() {
    // A plot 1,000 × 400 (x = 250 · month, zero line along the bottom, y = 400): no label
    // 2,000 wide fits, so its rule gets a number, a box 100 square, placed as a label is.
    let plot = Rect::new(0, 0, 1000, 400);
    let chart = LineChart::new(&[&[Some(1.0)]], 4, plot);
    let marks = [
        MarkerSpec { month: 2, label_width: 2000 },
        MarkerSpec { month: 1, label_width: 100 },
        MarkerSpec { month: 2, label_width: 2000 },
    ];
    let got: Vec<_> =
        chart.markers(&marks, 100, &[]).iter().flatten().map(|m| (m.key, m.label_x, m.label_y, m.anchor)).collect();
    assert_eq!(
        got,
        [
            // Month 2 (x = 500), the first numbered (month 1 comes first and keeps its
            // label): right of its rule, 525 … 625 × 0 … 100.
            (Some(1), 525, 50, Anchor::Start),
            // Month 1 (x = 250): right of its rule, 275 … 375.
            (None, 275, 50, Anchor::Start),
            // The second at month 2: left of the rule (375 … 475) comes within the margin
            // of month 1's label and right of it overlaps number 1, down to a middle of
            // 150; at 200 (150 … 250, 125 … 275 with the margin) right of it is clear.
            (Some(2), 525, 200, Anchor::Start),
        ]
    );
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
    let labels = chart.end_labels(&[100, 100, 100, 100], 40);
    assert_eq!(chart.end_x(40), [Some(3440), Some(3440), Some(3440), None]);
    // a and b crowd (1100 and 1070): centred on 1085, 100 apart → 1035 (b) and 1135 (a).
    // c wants 230, 20 below the top's limit of 250 (200 + 100/2): held at 250.
    assert_eq!(labels[0], Some(EndLabel { x: 3440, y: 1135, line_y: 1100 }));
    assert_eq!(labels[1], Some(EndLabel { x: 3440, y: 1035, line_y: 1070 }));
    assert_eq!(labels[2], Some(EndLabel { x: 3440, y: 250, line_y: 230 }));
    assert_eq!(labels[3], None);
    // Their boxes, 300 wide for a, 200 for the others, one line high around each middle.
    let boxes = end_label_boxes(&labels, &[(300, 100), (200, 100), (200, 100), (200, 100)]);
    assert_eq!(
        boxes,
        [Rect::new(3440, 1085, 300, 100), Rect::new(3440, 985, 200, 100), Rect::new(3440, 200, 200, 100)]
    );
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
        let targets: Vec<(usize, f64, f64)> = targets.iter().map(|&(i, y)| (i, y, h)).collect();
        assert_eq!(spread(&targets, top, bottom), want, "{targets:?}");
    }
}

#[test]
fn it_spreads_labels_of_several_lines_by_their_heights() {
    // A label of two lines (200 high) wanting 500 and one of one line (100) wanting 560
    // overlap (400 … 600 and 510 … 610). Stacked, the second's middle is 250 below the
    // group's top: the tops they want are 400 and 310, the group's their mean, 355:
    // middles 455 and 605, each 45 from where it wanted to be.
    assert_eq!(spread(&[(0, 500.0, 200.0), (1, 560.0, 100.0)], 0.0, 1000.0), [(0, 455.0), (1, 605.0)]);
    // Apart already: a two-line label at 300 (200 … 400) and one at 460 (410 … 510).
    assert_eq!(spread(&[(0, 300.0, 200.0), (1, 460.0, 100.0)], 0.0, 1000.0), [(0, 300.0), (1, 460.0)]);
    // The same two at the bottom: held so that the last ends at 1000: 700 … 900 and
    // 900 … 1000, middles 800 and 950.
    assert_eq!(spread(&[(0, 990.0, 200.0), (1, 995.0, 100.0)], 0.0, 1000.0), [(0, 800.0), (1, 950.0)]);
    // Through the chart: a two-line label and a one-line one wanting the same place are
    // stacked without overlapping.
    let a = [Some(0.0), Some(1.0)];
    let chart = LineChart::new(&[&a, &a], 1, PLOT);
    let labels = chart.end_labels(&[200, 100], 40);
    let boxes = end_label_boxes(&labels, &[(300, 200), (300, 100)]);
    assert_eq!(boxes[0].bottom(), boxes[1].y, "{boxes:?}");
}

#[test]
fn it_spreads_each_column_of_end_labels_on_its_own() {
    // a ends at month 2, b and c at month 4 (the horizon), all near 1.0: a's label and b's
    // want the same height 1,400 units apart. By end, a keeps its place; b and c are moved
    // apart as ever, 100 apart around their mean.
    let a = [Some(0.0), Some(0.5), Some(1.0)];
    let b = [Some(-2.0), Some(0.0), Some(0.5), Some(0.8), Some(1.0)];
    let c = [Some(0.0), Some(0.0), Some(0.5), Some(0.8), Some(1.1)];
    let chart = LineChart::new(&[&a, &b, &c], 4, PLOT);
    let labels = chart.end_labels_by_end(&[100, 100, 100], 40);
    let [Some(la), Some(lb), Some(lc)] = [labels[0], labels[1], labels[2]] else { panic!("{labels:?}") };
    assert_eq!((la.x, lb.x, lc.x), (2040, 3440, 3440));
    assert_eq!(la.y, la.line_y, "a's label stays at its line's end");
    assert_eq!(la.line_y, lb.line_y, "a and b end at the same height");
    assert_eq!(lb.y - lc.y, 100, "{lb:?} {lc:?}");
    assert!((lb.y + lc.y - lb.line_y - lc.line_y).abs() <= 1, "centred on their ends");
    // All at once, a's label is pushed off its line's end by b's.
    assert_ne!(chart.end_labels(&[100, 100, 100], 40)[0].map(|l| l.y), Some(la.line_y));
    // A column taller than the plot (two labels of 1,200 in 1,800) is shortened alike to
    // 900 each, stacked from the top: middles 650 and 1,550 (c above b, as its end is).
    let labels = chart.end_labels_by_end(&[100, 1200, 1200], 40);
    assert_eq!((labels[2].map(|l| l.y), labels[1].map(|l| l.y)), (Some(650), Some(1550)));
    assert_eq!(labels[0].map(|l| l.y), Some(la.line_y));
}
