//! While comparing, "Over time" with both sides on each chart: A's lines solid and B's
//! dashed, each path in its one colour on both, on one scale and over the longer of the two
//! horizons, so a reader sees where the scenarios part. Each side's chart is the single
//! scenario's ([`super::time_charts`]); this puts B's lines over A's and scales them together.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::format::{number, usd_tick};
use super::time_charts::{
    date_labels, label_width, margin_chart, millions_tick, paths_cash_chart, LineChartView, Series,
};
use super::time_charts::{end_labels, end_labels_by_end, label_boxes, LINE_H, PLOT};
use super::{num, t, tf};
use crate::model::chart::line::{LineChart, MarkerSpec};
use crate::model::economics::projection::Projection;
use crate::model::link::comparison::{Comparison, Side};
use crate::model::{Metrics, Scenario, SNAPSHOT_DATE};

/// One side as the charts need it: its scenario, its projection and its metrics.
pub type SideFigures<'a> = (&'a Scenario, &'a Projection, &'a Metrics);

/// A side as the page names it: "A" to "D" (the same in every language, as the table's).
pub fn letter(side: Side) -> &'static str {
    match side {
        Side::A => "A",
        Side::B => "B",
        Side::C => "C",
        Side::D => "D",
    }
}

/// The source line of a comparison's chart: the snapshot, kWhich and the comparison's link.
pub fn source_line(comparison: &Comparison) -> String {
    let link = ["?", &comparison.to_query()].concat();
    tf("Source: kWhich, network snapshot {date}; scenario {link}", &[("date", &num(SNAPSHOT_DATE)), ("link", &link)])
}

/// Each side's line styles, after the subtitle: "A solid, B dashed" and, with C and D,
/// their patterns too.
fn styles_text(subtitle: &str, sides: usize) -> String {
    match sides {
        0..=2 => tf("{subtitle}; A solid, B dashed", &[("subtitle", subtitle)]),
        3 => tf("{subtitle}; A solid, B dashed, C dotted", &[("subtitle", subtitle)]),
        _ => tf("{subtitle}; A solid, B dashed, C dotted, D dash-dotted", &[("subtitle", subtitle)]),
    }
}

/// A's chart with each other side's lines over it. `scale` divides each value for the
/// geometry (as the single chart plotted it), `tick` writes a y tick.
fn overlay(
    charts: Vec<(Side, LineChartView)>,
    source: String,
    scale: Decimal,
    tick: fn(Decimal, u32) -> String,
) -> Option<LineChartView> {
    let count = charts.len();
    let mut charts = charts.into_iter();
    let (_, a) = charts.next()?;
    let rest: Vec<(Side, LineChartView)> = charts.collect();
    let horizon = rest.iter().map(|(_, c)| c.geometry.horizon).fold(a.geometry.horizon, u32::max);
    let mut title = String::new();
    for (side, chart) in &rest {
        title = match side {
            Side::B => tf("A: {a}. B: {b}", &[("a", &a.title), ("b", &chart.title)]),
            side => {
                tf("{title}. {side}: {text}", &[("title", &title), ("side", letter(*side)), ("text", &chart.title)])
            }
        };
    }
    let subtitle = styles_text(&a.subtitle, count);
    let marks: Vec<(u32, String)> = a.markers.iter().map(|(m, label)| (m.month, label.clone())).collect();
    let (id, outlook) = (a.id, a.outlook);
    let series: Vec<Series> = std::iter::once((Side::A, a.series))
        .chain(rest.into_iter().map(|(side, chart)| (side, chart.series)))
        .flat_map(|(side, series)| {
            // A's lines keep their paths' names; the other sides', in the same colours and
            // each side's dash, are named by its letter: the phone's width has no room for
            // a dozen long labels.
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
    // Sides end at their own horizons: with three or four, each column of labels is spread
    // on its own (two sides, as ever, in one).
    let end_labels = if count > 2 { end_labels_by_end(&geometry, &series) } else { end_labels(&geometry, &series) };
    let avoid = label_boxes(&end_labels, &series, &[]);
    let markers =
        geometry.markers(&specs, LINE_H, &avoid).into_iter().zip(marks).filter_map(|(m, (_, l))| Some((m?, l)));
    Some(LineChartView {
        id,
        title,
        subtitle,
        outlook,
        source,
        x_labels: date_labels(&geometry),
        y_labels: geometry.y_ticks.iter().map(|t| (t.at, tick(t.value, geometry.y_decimals))).collect(),
        markers: markers.collect(),
        bands: Vec::new(),
        end_labels,
        series,
        geometry,
    })
}

/// The margin per kWh of each path, every side's, month by month (`sides` in order, A
/// first); `None` without sides.
pub fn compared_margin_chart(comparison: &Comparison, sides: &[(Side, SideFigures)]) -> Option<LineChartView> {
    let charts = sides.iter().map(|(side, (s, p, _))| (*side, margin_chart(s, p))).collect();
    overlay(charts, source_line(comparison), Decimal::ONE, usd_tick)
}

/// Each path's cumulative cash per MW over its own life, every side's J-curves (a plan's
/// line stays on the single scenario's chart, as the plan's table does).
pub fn compared_cash_chart(comparison: &Comparison, sides: &[(Side, SideFigures)]) -> Option<LineChartView> {
    let charts = sides.iter().map(|(side, (s, p, m))| (*side, paths_cash_chart(s, p, m))).collect();
    overlay(charts, source_line(comparison), Decimal::from(1_000_000), millions_tick)
}

/// The compared map's title: in how many of its cells B's winner differs from A's.
pub fn map_changes_title(side: Side, changed: usize, total: usize) -> String {
    let side = letter(side);
    match changed {
        0 => tf("{side}'s winner is A's everywhere on the map", &[("side", side)]),
        n => tf(
            "{side}'s winner differs from A's in {n} of {total} cells",
            &[("side", side), ("n", &number(Decimal::from(n), 0)), ("total", &number(Decimal::from(total), 0))],
        ),
    }
}

/// What `side`'s compared map shows, under its title.
pub fn map_changes_subtitle(side: Side) -> String {
    tf(
        "A's decision map over A's prices; outlined: where {side}'s most profitable path is another",
        &[("side", letter(side))],
    )
}

/// The section's heading while comparing `sides` scenarios.
pub fn compared_heading(sides: usize) -> String {
    match sides {
        0..=2 => t("A and B over time").to_string(),
        n => tf("A to {last} over time", &[("last", letter(Side::ALL[n.min(4) - 1]))]),
    }
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
        let figures =
            [(Side::A, (c.a(), &ea.projection, &ea.metrics)), (Side::B, (c.b(), &eb.projection, &eb.metrics))];
        let chart = compared_margin_chart(&c, &figures).unwrap_or_else(|| panic!("a chart"));
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
        let svg = changes_svg(&a, &b, "b", &changes);
        assert_eq!(svg.matches("<rect ").count(), changes.len());
        let (i, j) = changes[0];
        let name = |map: &crate::model::analysis::decision_map::DecisionMap| {
            map.cell(i, j).and_then(|c| c.best.ok()).map_or("", |(p, _)| p.name())
        };
        assert!(svg.contains(&format!("data-best=\"{}\" data-best-b=\"{}\"", name(&a), name(&b))), "{svg:.300}");
        assert_ne!(name(&a), name(&b));
        assert_eq!(
            map_changes_title(Side::B, changes.len(), 1600),
            format!("B's winner differs from A's in {} of 1,600 cells", changes.len())
        );
        assert_eq!(map_changes_title(Side::B, 0, 1600), "B's winner is A's everywhere on the map");
        assert_eq!(map_changes_title(Side::D, 3, 1600), "D's winner differs from A's in 3 of 1,600 cells");
        assert!(map_changes_subtitle(Side::C).ends_with("where C's most profitable path is another"));
        assert!(changes_svg(&a, &a, "b", &winner_changes(&a, &a)).matches("<rect ").count() == 0);
        // C's outlines name C's winner.
        let svg = changes_svg(&a, &b, "c", &changes);
        assert!(svg.contains(&format!("data-best=\"{}\" data-best-c=\"{}\"", name(&a), name(&b))), "{svg:.300}");
    }

    #[test]
    fn it_draws_both_j_curves_in_millions() {
        let (c, ea, eb) = compared("?mo=60&b.asic=s19jpro");
        let figures =
            [(Side::A, (c.a(), &ea.projection, &ea.metrics)), (Side::B, (c.b(), &eb.projection, &eb.metrics))];
        let chart = compared_cash_chart(&c, &figures).unwrap_or_else(|| panic!("a chart"));
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

    #[test]
    fn it_draws_c_and_d_in_their_own_dashes_over_a_each_with_its_own_values() {
        let link = "?mo=24&kwh=0.05&b.kwh=0.03&c.kwh=0.04&c.mo=30&d.asic=s19jpro";
        let Link::Compare(c) = from_link(link).0 else { panic!("{link} is not a comparison") };
        let evaluated: Vec<Evaluation> =
            c.sides().into_iter().map(|(_, s)| evaluate_over_time(s, InvalidKeys::default())).collect();
        let figures: Vec<(Side, SideFigures)> = c
            .sides()
            .into_iter()
            .zip(&evaluated)
            .map(|((side, s), e)| (side, (s, &e.projection, &e.metrics)))
            .collect();
        let chart = compared_margin_chart(&c, &figures).unwrap_or_else(|| panic!("a chart"));
        let sides: Vec<Option<Side>> = chart.series.iter().map(|s| s.side).collect();
        let want: Vec<Option<Side>> = Side::ALL.into_iter().flat_map(|side| [Some(side); 3]).collect();
        assert_eq!(sides, want);
        let labels: Vec<&str> = chart.series.iter().skip(3).step_by(3).map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["B", "C", "D"]);
        assert_eq!(chart.geometry.horizon, 30, "C's, the longest");
        assert_eq!(chart.geometry.lines.len(), 12);
        for ((side, _), e) in c.sides().into_iter().zip(&evaluated) {
            let gpu = chart.series.iter().find(|s| s.side == Some(side) && s.key == "gpu");
            let want: Vec<Option<String>> = e
                .projection
                .shown()
                .iter()
                .map(|p| p.margin(Path::Gpu).ok().map(crate::model::link::share_link::plain))
                .collect();
            assert_eq!(gpu.map(|s| &s.values), Some(&want), "{side:?}");
        }
        assert!(chart.subtitle.ends_with("; A solid, B dashed, C dotted, D dash-dotted"), "{}", chart.subtitle);
        assert_eq!(chart.title.matches(". C: ").count(), 1, "{}", chart.title);
        assert_eq!(chart.title.matches(". D: ").count(), 1, "{}", chart.title);
        assert_eq!(compared_heading(4), "A to D over time");
        assert_eq!(compared_heading(2), "A and B over time");
        let three = compared_cash_chart(&c, &figures[..3]).unwrap_or_else(|| panic!("a chart"));
        assert!(three.subtitle.ends_with("; A solid, B dashed, C dotted"), "{}", three.subtitle);
        assert_eq!(three.series.len(), 9);
        assert!(compared_cash_chart(&c, &[]).is_none());
        // Every end label within the plot's height: C's column, at its longer horizon, is
        // spread apart from the others'.
        let plot = chart.geometry.plot;
        let labels: Vec<_> = chart.end_labels.iter().flatten().collect();
        assert_eq!(labels.len(), 12);
        for label in &labels {
            assert!(label.y >= plot.y && label.y <= plot.bottom(), "{} outside {}..{}", label.y, plot.y, plot.bottom());
        }
        let columns: std::collections::BTreeSet<i32> = labels.iter().map(|l| l.x).collect();
        assert_eq!(columns.len(), 2, "A, B and D end at 24 months, C at 30");
        // Four sides ending together: twelve labels in one column, closer, all within it.
        let Link::Compare(same) = from_link("?mo=24&kwh=0.05&b.kwh=0.03&c.kwh=0.04&d.asic=s19jpro").0 else {
            panic!("a comparison")
        };
        let evaluated: Vec<Evaluation> =
            same.sides().into_iter().map(|(_, s)| evaluate_over_time(s, InvalidKeys::default())).collect();
        let figures: Vec<(Side, SideFigures)> = same
            .sides()
            .into_iter()
            .zip(&evaluated)
            .map(|((side, s), e)| (side, (s, &e.projection, &e.metrics)))
            .collect();
        let chart = compared_margin_chart(&same, &figures).unwrap_or_else(|| panic!("a chart"));
        let ys: Vec<i32> = chart.end_labels.iter().flatten().map(|l| l.y).collect();
        assert_eq!(ys.len(), 12);
        assert!(ys.iter().all(|y| (plot.y..=plot.bottom()).contains(y)), "{ys:?}");
    }
}
