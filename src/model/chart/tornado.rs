//! A tornado chart: how far one output moves when each input steps down and up, one row
//! per input, the widest swing on top, each bar drawn from the base value's line.

use super::scale::{finite, slice_edge, LinearScale, Rect};
use super::ticks::{nice_ticks, Fit, Tick};

/// One input's row, drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TornadoRow {
    /// The row's position in the input slice.
    pub index: usize,
    /// The row's horizontal band: the full plot width, `plot.height / rows` high.
    pub band: Rect,
    /// From the base line to the output with the input stepped down; `None` when that
    /// output is missing.
    pub low: Option<Rect>,
    /// From the base line to the output with the input stepped up.
    pub high: Option<Rect>,
}

/// A tornado chart's geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    /// Value → x, over nice ticks covering the base and every output.
    pub scale: LinearScale,
    /// The x of the base value: every bar starts here.
    pub base_x: i32,
    pub ticks: Vec<Tick>,
    /// Decimal places that write every tick exactly.
    pub decimals: u32,
    /// Rows from top to bottom, the widest swing first.
    pub rows: Vec<TornadoRow>,
}

/// Bars fill this share of their band (3/5), centred, leaving room between rows.
const BAR_NUM: i64 = 3;
const BAR_DEN: i64 = 5;

/// Lays out a tornado of `rows`, each `(low, high)`: the output with the input stepped
/// down and up, `None` (or NaN) when it could not be computed. `None` when `base` is not
/// finite: there is no line to draw the bars from.
///
/// Rows are ordered by swing, widest first: `|high − low|`, or `|value − base|` when only
/// one of them exists, 0 when neither; equal swings keep their input order. The scale
/// covers the base and every output with nice ticks; values beyond ±10²⁴ are pinned.
pub fn tornado(base: f64, rows: &[(Option<f64>, Option<f64>)], plot: Rect) -> Option<Tornado> {
    if !base.is_finite() {
        return None;
    }
    let base = finite(base)?;
    let clean: Vec<(Option<f64>, Option<f64>)> =
        rows.iter().map(|(l, h)| (l.and_then(finite), h.and_then(finite))).collect();
    let (lo, hi) =
        clean.iter().flat_map(|(l, h)| [*l, *h]).flatten().fold((base, base), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let ticks = nice_ticks(lo, hi, Fit::Cover);
    let scale = LinearScale::horizontal(ticks.domain, plot);
    let base_x = scale.px(base);
    let swing = |(l, h): &(Option<f64>, Option<f64>)| match (l, h) {
        (Some(l), Some(h)) => (h - l).abs(),
        (Some(v), None) | (None, Some(v)) => (v - base).abs(),
        (None, None) => 0.0,
    };
    let mut order: Vec<(usize, f64)> = clean.iter().map(swing).enumerate().collect();
    // A stable sort: equal swings stay in input order.
    order.sort_by(|a, b| b.1.total_cmp(&a.1));
    let n = order.len();
    let placed = order
        .iter()
        .enumerate()
        .filter_map(|(rank, &(index, _))| {
            let (low, high) = clean.get(index).copied()?;
            let top = slice_edge(plot.y, plot.height, rank, n);
            let band =
                Rect::new(plot.x, top, plot.width, slice_edge(plot.y, plot.height, rank + 1, n).saturating_sub(top));
            let bar_h = (i64::from(band.height) * BAR_NUM / BAR_DEN) as i32;
            let bar_y = band.y.saturating_add((band.height - bar_h) / 2);
            let bar = |v: f64| {
                let x = scale.px(v);
                Rect::new(x.min(base_x), bar_y, x.abs_diff(base_x).min(i32::MAX as u32) as i32, bar_h)
            };
            Some(TornadoRow { index, band, low: low.map(bar), high: high.map(bar) })
        })
        .collect();
    Some(Tornado { scale, base_x, ticks: ticks.place(&scale), decimals: ticks.decimals(), rows: placed })
}

/// One series' two bars in a row of a [`GroupedTornado`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeriesBars {
    /// From the series' base line to its value with the input stepped down.
    pub low: Option<Rect>,
    /// From the base line to its value with the input stepped up.
    pub high: Option<Rect>,
}

/// One input's row of a [`GroupedTornado`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupRow {
    /// The whole row: `plot.height / rows` high.
    pub band: Rect,
    /// The baseline of the row's label, above its bars.
    pub label_y: i32,
    /// One pair of bars per series, in the order of the bases.
    pub series: Vec<SeriesBars>,
}

/// A tornado of several outputs per input (mining's margin and the best AI path's), each
/// drawn from its own base line, rows in the order given.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupedTornado {
    /// Value → x, over nice ticks covering every base and every output.
    pub scale: LinearScale,
    /// The x of each series' base value.
    pub bases: Vec<i32>,
    pub ticks: Vec<Tick>,
    pub decimals: u32,
    pub rows: Vec<GroupRow>,
}

/// Lays out `rows` (each a `(low, high)` per series, as many as `bases`) one under another in
/// the order given, so the caller decides what "moves most" means. Each row's band has
/// `label_h` units on top for its label, and below it one slot per series, the bar filling
/// 3/5 of its slot. A missing or NaN value has no bar; a series whose base is not finite
/// has no bars at all. `None` when no base is finite.
pub fn grouped_tornado(
    bases: &[f64],
    rows: &[Vec<(Option<f64>, Option<f64>)>],
    plot: Rect,
    label_h: i32,
) -> Option<GroupedTornado> {
    let clean_bases: Vec<Option<f64>> = bases.iter().map(|b| if b.is_finite() { finite(*b) } else { None }).collect();
    let first = clean_bases.iter().flatten().next().copied()?;
    let values = rows.iter().flat_map(|r| r.iter().flat_map(|(l, h)| [*l, *h])).flatten().filter_map(finite);
    let (lo, hi) =
        values.chain(clean_bases.iter().flatten().copied()).fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let ticks = nice_ticks(lo, hi, Fit::Cover);
    let scale = LinearScale::horizontal(ticks.domain, plot);
    let n = rows.len();
    let slots = i32::try_from(bases.len().max(1)).unwrap_or(1);
    let placed = rows
        .iter()
        .enumerate()
        .map(|(k, row)| {
            let top = slice_edge(plot.y, plot.height, k, n);
            let band =
                Rect::new(plot.x, top, plot.width, slice_edge(plot.y, plot.height, k + 1, n).saturating_sub(top));
            let slot_h = band.height.saturating_sub(label_h).max(0) / slots;
            let bar_h = (i64::from(slot_h) * BAR_NUM / BAR_DEN) as i32;
            let series = clean_bases
                .iter()
                .enumerate()
                .map(|(s, base)| {
                    let Some(base) = base else { return SeriesBars { low: None, high: None } };
                    let base_x = scale.px(*base);
                    let y = top + label_h + slot_h * s as i32 + (slot_h - bar_h) / 2;
                    let bar = |v: Option<f64>| {
                        let x = scale.px(finite(v?)?);
                        Some(Rect::new(x.min(base_x), y, x.abs_diff(base_x).min(i32::MAX as u32) as i32, bar_h))
                    };
                    let (l, h) = row.get(s).copied().unwrap_or((None, None));
                    SeriesBars { low: bar(l), high: bar(h) }
                })
                .collect();
            GroupRow { band, label_y: top + label_h * 4 / 5, series }
        })
        .collect();
    let base_xs = clean_bases.iter().map(|b| b.map_or(plot.x, |b| scale.px(b))).collect();
    Some(GroupedTornado { scale, bases: base_xs, ticks: ticks.place(&scale), decimals: ticks.decimals(), rows: placed })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOT: Rect = Rect { x: 1000, y: 100, width: 2000, height: 900 };

    #[test]
    fn it_sorts_rows_by_swing_and_draws_from_the_base() {
        // Mining's all-in margin, base 0.012 USD/kWh. Power price ±20%: 0.022 … 0.002;
        // bitcoin ±20%: −0.004 … 0.028; pool fee: 0.0115 … 0.0125; a row with no figures.
        // Values −0.004 … 0.028 with the base: steps of 0.01 cover −0.01 … 0.03 (5 ticks),
        // 0.005 would need 9. x = 1000 + (v + 0.01)/0.04 · 2000 = 1500 + 50,000 v.
        let rows =
            [(Some(0.022), Some(0.002)), (Some(-0.004), Some(0.028)), (Some(0.0115), Some(0.0125)), (None, None)];
        let Some(t) = tornado(0.012, &rows, PLOT) else { panic!("finite base") };
        assert_eq!(t.base_x, 2100);
        let ticks: Vec<(String, i32)> = t.ticks.iter().map(|t| (t.value.to_string(), t.at)).collect();
        let want = [("-0.01", 1000), ("0", 1500), ("0.01", 2000), ("0.02", 2500), ("0.03", 3000)];
        assert_eq!(ticks, want.map(|(v, x)| (v.to_string(), x)));
        assert_eq!(t.decimals, 2);
        // Swings: 0.032 (bitcoin), 0.020 (power), 0.001 (pool), 0 (none).
        assert_eq!(t.rows.iter().map(|r| r.index).collect::<Vec<_>>(), [1, 0, 2, 3]);
        // Bands of 225 from y = 100; bars 135 high, 45 below the band's top.
        let bitcoin = t.rows[0];
        assert_eq!(bitcoin.band, Rect::new(1000, 100, 2000, 225));
        // Down: −0.004 → x 1300, a bar 1300 … 2100. Up: 0.028 → x 2900, 2100 … 2900.
        assert_eq!(bitcoin.low, Some(Rect::new(1300, 145, 800, 135)));
        assert_eq!(bitcoin.high, Some(Rect::new(2100, 145, 800, 135)));
        // Power, second band (325 … 550): down 0.022 → 2600; up 0.002 → 1600.
        let power = t.rows[1];
        assert_eq!(power.low, Some(Rect::new(2100, 370, 500, 135)));
        assert_eq!(power.high, Some(Rect::new(1600, 370, 500, 135)));
        // Pool: 0.0115 → 2075, 0.0125 → 2125.
        assert_eq!(t.rows[2].low, Some(Rect::new(2075, 595, 25, 135)));
        assert_eq!((t.rows[3].low, t.rows[3].high), (None, None));
        assert_eq!(t.rows[3].band.bottom(), 1000);
    }

    #[test]
    fn it_keeps_input_order_for_equal_swings_and_one_sided_rows() {
        // Swings: row 0 |1 − 0| = 1; row 1 only high, |3 − 1| = 2; row 2 |2 − 1| = 1; row 3 NaN only.
        let rows = [(Some(0.0), Some(1.0)), (None, Some(3.0)), (Some(2.0), Some(1.0)), (Some(f64::NAN), None)];
        let Some(t) = tornado(1.0, &rows, PLOT) else { panic!("finite base") };
        assert_eq!(t.rows.iter().map(|r| r.index).collect::<Vec<_>>(), [1, 0, 2, 3]);
        assert_eq!(t.rows[0].low, None);
        assert_eq!(t.rows[3].low, None);
    }

    #[test]
    fn it_groups_two_series_per_row_in_the_given_order() {
        // Mining's margin from −0.015, the best AI path's from 0.045. Row 0 moves only the
        // AI (0.015 … 0.075), row 1 only mining (−0.03 … 0.0). Values −0.03 … 0.075: steps
        // of 0.02 cover −0.04 … 0.08 (7 ticks), x = 1000 + (v + 0.04) / 0.12 · 2000.
        let rows = vec![
            vec![(Some(-0.015), Some(-0.015)), (Some(0.015), Some(0.075))],
            vec![(Some(-0.03), Some(0.0)), (Some(0.045), None)],
        ];
        let Some(t) = grouped_tornado(&[-0.015, 0.045], &rows, PLOT, 150) else { panic!("finite bases") };
        assert_eq!(t.scale.domain(), (-0.04, 0.08));
        assert_eq!(t.bases, [1417, 2417]);
        assert_eq!(t.ticks.len(), 7);
        // Bands of 450 from y = 100: a label of 150, then two slots of 150, bars 90 high.
        let r0 = &t.rows[0];
        assert_eq!((r0.band, r0.label_y), (Rect::new(1000, 100, 2000, 450), 220));
        // Mining does not move: zero-width bars on its base line.
        assert_eq!(r0.series[0].low, Some(Rect::new(1417, 280, 0, 90)));
        // AI: 0.015 → 1917, 0.075 → 2917.
        assert_eq!(r0.series[1].low, Some(Rect::new(1917, 430, 500, 90)));
        assert_eq!(r0.series[1].high, Some(Rect::new(2417, 430, 500, 90)));
        // Row 1, given second, stays second though it swings less: −0.03 → 1167, 0 → 1667.
        let r1 = &t.rows[1];
        assert_eq!(r1.series[0].low, Some(Rect::new(1167, 730, 250, 90)));
        assert_eq!(r1.series[0].high, Some(Rect::new(1417, 730, 250, 90)));
        assert_eq!(r1.series[1].high, None);
    }

    #[test]
    fn it_survives_degenerate_groups() {
        assert_eq!(grouped_tornado(&[f64::NAN], &[vec![(Some(1.0), None)]], PLOT, 100), None);
        assert_eq!(grouped_tornado(&[], &[], PLOT, 100), None);
        // One base missing: that series has no bars; huge values are pinned.
        let rows = vec![vec![(Some(1.0), Some(2.0)), (Some(-1e300), Some(f64::INFINITY))]];
        let Some(t) = grouped_tornado(&[1.5, f64::NAN], &rows, PLOT, 100) else { panic!("one finite base") };
        assert_eq!(t.rows[0].series[1], SeriesBars { low: None, high: None });
        assert!(t.rows[0].series[0].low.is_some());
        // More label than band: bars of no height, never negative.
        let Some(t) = grouped_tornado(&[0.0], &[vec![(Some(1.0), Some(2.0))]], Rect::new(0, 0, 100, 50), 80) else {
            panic!("finite base")
        };
        assert_eq!(t.rows[0].series[0].high.map(|r| r.height), Some(0));
    }

    #[test]
    fn it_survives_degenerate_input() {
        assert_eq!(tornado(f64::NAN, &[(Some(1.0), Some(2.0))], PLOT), None);
        // No rows: an axis around the base alone (0 … 5), no bars.
        let Some(t) = tornado(5.0, &[], PLOT) else { panic!("finite base") };
        assert!(t.rows.is_empty());
        assert_eq!(t.scale.domain(), (0.0, 5.0));
        assert_eq!(t.base_x, 3000);
        // No swing at all: zero-width bars on the base line.
        let Some(t) = tornado(0.0, &[(Some(0.0), Some(0.0))], PLOT) else { panic!("finite base") };
        assert_eq!(t.rows[0].low.map(|r| (r.x, r.width)), Some((1000, 0)));
        // Huge: pinned, finite.
        let Some(t) = tornado(1e300, &[(Some(-1e300), Some(f64::INFINITY))], PLOT) else { panic!("finite base") };
        assert_eq!(t.base_x, 3000);
        assert_eq!(t.rows[0].low.map(|r| (r.x, r.width)), Some((1000, 2000)));
    }
}
