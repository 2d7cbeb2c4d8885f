//! While comparing, "Over time" with both sides on each chart: A's lines solid and B's
//! dashed, each path in its one colour on both, on one scale and over the longer of the two
//! horizons, so a reader sees where the scenarios part. Each side's chart is the single
//! scenario's ([`super::time_charts`]); this puts B's lines over A's and scales them together.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::format::{number, usd_tick};
use super::time_charts::{cash_chart, date_labels, label_width, margin_chart, millions_tick, LineChartView, Series};
use super::time_charts::{end_labels, label_boxes, LINE_H, PLOT};
use super::{num, t, tf};
use crate::model::chart::line::{LineChart, MarkerSpec};
use crate::model::economics::projection::Projection;
use crate::model::link::comparison::{Comparison, Side};
use crate::model::{Metrics, Scenario, SNAPSHOT_DATE};

/// One side as the charts need it: its scenario, its projection and its metrics.
pub type SideFigures<'a> = (&'a Scenario, &'a Projection, &'a Metrics);

/// A side as the page names it: "A", "B" (the same in every language, as the table's).
fn letter(side: Side) -> &'static str {
    match side {
        Side::A => "A",
        Side::B => "B",
    }
}

/// The source line of a comparison's chart: the snapshot, kWhich and the comparison's link.
fn source_line(comparison: &Comparison) -> String {
    let link = ["?", &comparison.to_query()].concat();
    tf("Source: kWhich, network snapshot {date}; scenario {link}", &[("date", &num(SNAPSHOT_DATE)), ("link", &link)])
}

/// `a`'s chart with `b`'s lines over it. `scale` divides each value for the geometry (as
/// the single chart plotted it), `tick` writes a y tick.
fn overlay(
    a: LineChartView,
    b: LineChartView,
    source: String,
    scale: Decimal,
    tick: fn(Decimal, u32) -> String,
) -> LineChartView {
    let horizon = a.geometry.horizon.max(b.geometry.horizon);
    let title = tf("A: {a}. B: {b}", &[("a", &a.title), ("b", &b.title)]);
    let subtitle = tf("{subtitle}; A solid, B dashed", &[("subtitle", &a.subtitle)]);
    let marks: Vec<(u32, String)> = a.markers.iter().map(|(m, label)| (m.month, label.clone())).collect();
    let series: Vec<Series> = [(Side::A, a.series), (Side::B, b.series)]
        .into_iter()
        .flat_map(|(side, series)| {
            // A's lines keep their paths' names; B's, in the same colours and dashed, are
            // named "B": the phone's width has no room for six long labels.
            series.into_iter().map(move |s| Series {
                label: if side == Side::A { s.label } else { letter(side).to_string() },
                side: Some(side),
                ..s
            })
        })
        .collect();
    let plotted: Vec<Vec<Option<f64>>> = series
        .iter()
        .map(|s| {
            let value = |v: &Option<String>| v.as_deref()?.parse::<Decimal>().ok()?.checked_div(scale)?.to_f64();
            s.values.iter().map(value).collect()
        })
        .collect();
    let refs: Vec<&[Option<f64>]> = plotted.iter().map(Vec::as_slice).collect();
    let geometry = LineChart::new(&refs, horizon, PLOT);
    let specs: Vec<MarkerSpec> =
        marks.iter().map(|(m, l)| MarkerSpec { month: *m, label_width: label_width(l) }).collect();
    let end_labels = end_labels(&geometry, &series);
    let avoid = label_boxes(&end_labels, &series, &[]);
    let markers =
        geometry.markers(&specs, LINE_H, &avoid).into_iter().zip(marks).filter_map(|(m, (_, l))| Some((m?, l)));
    LineChartView {
        id: a.id,
        title,
        subtitle,
        outlook: a.outlook,
        source,
        x_labels: date_labels(&geometry),
        y_labels: geometry.y_ticks.iter().map(|t| (t.at, tick(t.value, geometry.y_decimals))).collect(),
        markers: markers.collect(),
        bands: Vec::new(),
        end_labels,
        series,
        geometry,
    }
}

/// The margin per kWh of each path, A's and B's, month by month.
pub fn compared_margin_chart(comparison: &Comparison, a: SideFigures, b: SideFigures) -> LineChartView {
    let (sa, pa, _) = a;
    let (sb, pb, _) = b;
    overlay(margin_chart(sa, pa), margin_chart(sb, pb), source_line(comparison), Decimal::ONE, usd_tick)
}

/// Each path's cumulative cash per MW over its own life, A's and B's J-curves.
pub fn compared_cash_chart(comparison: &Comparison, a: SideFigures, b: SideFigures) -> LineChartView {
    let (sa, pa, ma) = a;
    let (sb, pb, mb) = b;
    overlay(
        cash_chart(sa, pa, ma),
        cash_chart(sb, pb, mb),
        source_line(comparison),
        Decimal::from(1_000_000),
        millions_tick,
    )
}

/// The compared map's title: in how many of its cells B's winner differs from A's.
pub fn map_changes_title(changed: usize, total: usize) -> String {
    match changed {
        0 => t("B's winner is A's everywhere on the map").to_string(),
        n => tf(
            "B's winner differs from A's in {n} of {total} cells",
            &[("n", &number(Decimal::from(n), 0)), ("total", &number(Decimal::from(total), 0))],
        ),
    }
}

/// What the compared map shows, under its title.
pub fn map_changes_subtitle() -> &'static str {
    t("A's decision map over A's prices; outlined: where B's most profitable path is another")
}

/// The section's heading while comparing.
pub fn compared_heading() -> &'static str {
    t("A and B over time")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::link::comparison::Link;
    use crate::model::{evaluate_over_time, from_link, Evaluation, InvalidKeys, Path};

    fn compared(link: &str) -> (Comparison, Evaluation, Evaluation) {
        let Link::Compare(c) = from_link(link).0 else { panic!("{link} is not a comparison") };
        let a = evaluate_over_time(c.a(), InvalidKeys::default());
        let b = evaluate_over_time(c.b(), InvalidKeys::default());
        (c, a, b)
    }

    #[test]
    fn it_draws_b_dashed_over_a_with_each_sides_own_values_on_one_scale() {
        let (c, ea, eb) = compared("?mo=24&kwh=0.05&b.kwh=0.03&b.mo=36");
        let chart =
            compared_margin_chart(&c, (c.a(), &ea.projection, &ea.metrics), (c.b(), &eb.projection, &eb.metrics));
        let sides: Vec<(Option<Side>, &str)> = chart.series.iter().map(|s| (s.side, s.key)).collect();
        assert_eq!(
            sides,
            [
                (Some(Side::A), "mining"),
                (Some(Side::A), "colo"),
                (Some(Side::A), "gpu"),
                (Some(Side::B), "mining"),
                (Some(Side::B), "colo"),
                (Some(Side::B), "gpu"),
            ]
        );
        assert_eq!(chart.geometry.horizon, 36, "the longer horizon");
        assert_eq!(chart.geometry.lines.len(), 6);
        for (side, projection) in [(Side::A, &ea.projection), (Side::B, &eb.projection)] {
            let mining = chart.series.iter().find(|s| s.side == Some(side) && s.key == "mining");
            let want: Vec<Option<String>> = projection
                .shown()
                .iter()
                .map(|p| p.margin(Path::Mining).ok().map(crate::model::link::share_link::plain))
                .collect();
            assert_eq!(mining.map(|s| &s.values), Some(&want), "{side:?}");
        }
        assert_eq!(chart.series[0].label, "Mining");
        assert_eq!(chart.series[3].label, "B");
        assert!(chart.subtitle.ends_with("; A solid, B dashed"), "{}", chart.subtitle);
        assert!(chart.title.starts_with("A: Mining"), "{}", chart.title);
        assert!(chart.source.ends_with("scenario ?v=1&mo=24&b.kwh=0.03&b.mo=36"), "{}", chart.source);
        // B's cheaper power keeps its margin above A's every month.
        let at = |side: Side, month: usize| {
            let s = chart.series.iter().find(|s| s.side == Some(side) && s.key == "mining");
            s.and_then(|s| s.values[month].as_deref()?.parse::<Decimal>().ok())
        };
        assert!(at(Side::B, 12) > at(Side::A, 12));
        // One scale: the lower line is lower on the chart (a larger y).
        let y = |i: usize, month: usize| chart.geometry.lines[i].points[month].as_ref().map(|p| p.y);
        assert!(y(3, 12) < y(0, 12));
    }

    #[test]
    fn it_outlines_the_cells_where_bs_winner_differs() {
        use crate::model::analysis::decision_map::{decision_map, decision_map_over, winner_changes, MAP_CELLS};
        use crate::text::map_svg::changes_svg;
        let (c, _, _) = compared("?kwh=0.05&b.asic=s19jpro&b.gph=1.5");
        let a = decision_map(c.a(), InvalidKeys::default(), MAP_CELLS).unwrap_or_else(|e| panic!("{e:?}"));
        let b =
            decision_map_over(c.b(), InvalidKeys::default(), MAP_CELLS, a.ranges).unwrap_or_else(|e| panic!("{e:?}"));
        let changes = winner_changes(&a, &b);
        let svg = changes_svg(&a, &b, &changes);
        assert_eq!(svg.matches("<rect ").count(), changes.len());
        let (i, j) = changes[0];
        let name = |map: &crate::model::analysis::decision_map::DecisionMap| {
            map.cell(i, j).and_then(|c| c.best.ok()).map_or("", |(p, _)| p.name())
        };
        assert!(svg.contains(&format!("data-best=\"{}\" data-best-b=\"{}\"", name(&a), name(&b))), "{svg:.300}");
        assert_ne!(name(&a), name(&b));
        assert_eq!(
            map_changes_title(changes.len(), 1600),
            format!("B's winner differs from A's in {} of 1,600 cells", changes.len())
        );
        assert_eq!(map_changes_title(0, 1600), "B's winner is A's everywhere on the map");
        assert!(changes_svg(&a, &a, &winner_changes(&a, &a)).matches("<rect ").count() == 0);
    }

    #[test]
    fn it_draws_both_j_curves_in_millions() {
        let (c, ea, eb) = compared("?mo=60&b.asic=s19jpro");
        let chart = compared_cash_chart(&c, (c.a(), &ea.projection, &ea.metrics), (c.b(), &eb.projection, &eb.metrics));
        assert_eq!(chart.id, "cash-chart");
        assert_eq!(chart.series.len(), 6);
        let cum = |side: Side| {
            let s = chart.series.iter().find(|s| s.side == Some(side) && s.key == "mining");
            s.and_then(|s| s.values[0].clone())
        };
        let want =
            |e: &Evaluation| e.projection.shown()[0].cum(Path::Mining).ok().map(crate::model::link::share_link::plain);
        assert_eq!((cum(Side::A), cum(Side::B)), (want(&ea), want(&eb)));
        assert_ne!(cum(Side::A), cum(Side::B), "an S19j Pro's capex per MW is not an S21's");
        assert!(chart.y_labels.iter().any(|(_, l)| l.starts_with("$") && l.ends_with('M')), "{:?}", chart.y_labels);
    }
}
