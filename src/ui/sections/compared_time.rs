//! While comparing, "Over time" for every side: the margin per kWh and the cash per MW of
//! each path, A's lines solid and B's, C's and D's each in its own dash over them
//! ([`crate::text::compare_charts`]), each chart with its SVG and PNG downloads. Every side
//! is evaluated over time from the comparison's link, once the time model's chunk is there;
//! until then the section waits empty, as "Over time" does. Below them, for each other
//! side, A's decision map with the cells outlined where that side's winner differs, each
//! with the same downloads.

use leptos::prelude::*;

use super::map_section::words;
use crate::model::analysis::decision_map::{decision_map, decision_map_over, winner_changes, MAP_CELLS};
use crate::model::link::comparison::Side;
use crate::model::{Comparison, InvalidKeys, Link};
use crate::text::compare_charts::{compared_cash_chart, compared_heading, compared_margin_chart};
use crate::text::compare_charts::{map_changes_subtitle, map_changes_title, source_line};
use crate::text::map_svg::{changes_svg, file_caption, map_svg_with, PAGE_VIEW};
use crate::text::n;
use crate::text::time_charts::LineChartView;
use crate::ui::charts::chart_downloads::ChartDownloads;
use crate::ui::charts::line_chart_svg::LineChartSvg;
use crate::ui::hooks::state::{LinkCtx, TimeModelCtx};

/// One chart with its caption and its files (`svg_label` names the SVG button).
fn figure(chart: LineChartView, svg_label: &'static str) -> impl IntoView {
    let (title, subtitle, id) = (chart.title.clone(), chart.subtitle.clone(), chart.id);
    let view = Memo::new(move |_| chart.clone());
    view! {
        <figure class="chart wide">
            <figcaption class="chart-caption"><strong>{title}</strong>" "<span>{subtitle}</span></figcaption>
            <LineChartSvg view=view/>
            <div class="downloads" role="group" aria-label=crate::text::t("Downloads")>
                <ChartDownloads id=id svg_label=svg_label compared=true/>
            </div>
        </figure>
    }
}

/// The compared map of `side` (its `data-chart`): B's keeps the name it has had since
/// comparisons had two sides.
fn map_id(side: Side) -> &'static str {
    match side {
        Side::A | Side::B => "compared-map",
        Side::C => "compared-map-c",
        Side::D => "compared-map-d",
    }
}

/// For each side after A, A's decision map, the side's over A's prices and the outlines
/// where their winners differ: the side, the title and the SVG's inside (with the file's
/// caption); a side whose map cannot be drawn is left out.
fn compared_maps(c: &Comparison) -> Vec<(Side, String, String)> {
    let Ok(a) = decision_map(c.a(), InvalidKeys::default(), MAP_CELLS) else { return Vec::new() };
    let source = source_line(c);
    c.sides()
        .into_iter()
        .skip(1)
        .filter_map(|(side, scenario)| {
            let other = decision_map_over(scenario, InvalidKeys::default(), MAP_CELLS, a.ranges).ok()?;
            let changes = winner_changes(&a, &other);
            let title = map_changes_title(side, changes.len(), a.cells().len());
            let overlay = [
                changes_svg(&a, &other, side.name(), &changes),
                file_caption(&title, &map_changes_subtitle(side), &source),
            ]
            .concat();
            Some((side, title, map_svg_with(&a, &words(), &overlay)))
        })
        .collect()
}

/// Both sides' charts over time, while comparing.
#[component]
pub fn ComparedTime() -> impl IntoView {
    let LinkCtx(link) = expect_context();
    let TimeModelCtx(model) = expect_context();
    let charts = Memo::new(move |_| {
        let over_time = model.get()?;
        link.with(|l| match l {
            Link::Compare(c) => {
                let sides = c.sides();
                let evaluated: Vec<_> = sides.iter().map(|(_, s)| over_time(s, InvalidKeys::default())).collect();
                let figures: Vec<_> = sides
                    .iter()
                    .zip(&evaluated)
                    .map(|((side, s), e)| (*side, (*s, &e.projection, &e.metrics)))
                    .collect();
                Some((compared_margin_chart(c, &figures)?, compared_cash_chart(c, &figures)?, sides.len()))
            }
            Link::Single(_) => None,
        })
    });
    let maps = Memo::new(move |_| {
        link.with(|l| match l {
            Link::Compare(c) => compared_maps(c),
            Link::Single(_) => Vec::new(),
        })
    });
    let map_figures = move || {
        maps.get()
            .into_iter()
            .map(|(side, title, svg)| {
                let id = map_id(side);
                view! {
                    <figure class="chart wide" data-compared-map=side.name()>
                        <figcaption class="chart-caption">
                            <strong>{title.clone()}</strong>" "<span>{map_changes_subtitle(side)}</span>
                        </figcaption>
                        <svg class="decision-map" data-chart=id viewBox=PAGE_VIEW role="img" direction="ltr"
                            aria-label=title xmlns="http://www.w3.org/2000/svg" inner_html=svg></svg>
                        <div class="downloads" role="group" aria-label=crate::text::t("Downloads")>
                            <ChartDownloads id=id svg_label=n!("Map (SVG)") compared=true/>
                        </div>
                    </figure>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card time" aria-labelledby="compared-time-title" data-compared-time="">
            <h2 id="compared-time-title">{move || compared_heading(link.with(|l| match l {
                Link::Compare(c) => c.len(),
                Link::Single(_) => 2,
            }))}</h2>
            {move || charts.get().map(|(margins, cash, _)| view! {
                {figure(margins, n!("Margin chart (SVG)"))}{figure(cash, n!("Cash chart (SVG)"))}
            })}
            {map_figures}
        </section>
    }
}
