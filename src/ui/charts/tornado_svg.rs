//! The tornado chart drawn from [`crate::model::chart::tornado::grouped_tornado`]'s
//! geometry: one row per input, a bar pair per series, each from its own base line.

use leptos::prelude::*;

use crate::model::chart::tornado::GroupedTornado;
use crate::text::t;

/// Chart units: 2,600 wide like the map; the height follows the rows.
pub const WIDTH: i32 = 2600;
/// Room above the plot for the value axis.
pub const TOP: i32 = 160;

/// The page's view of a chart `height` high (the downloaded file frames it with the title,
/// the key and the source line, `text::chart_file`).
fn page_view(height: i32) -> String {
    format!("0 0 {WIDTH} {height}")
}

/// Everything the tornado shows, in words and chart units.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoView {
    /// States the finding.
    pub title: String,
    /// What is measured, in what unit.
    pub subtitle: &'static str,
    /// The snapshot's date, kWhich and the scenario's link.
    pub source: String,
    pub geometry: GroupedTornado,
    /// Per row: its label ("Bitcoin price, ±20 %") and the link key (`data-key`).
    pub rows: Vec<(String, &'static str)>,
    /// Per series: its path's name (`mining`, `colo`, `gpu`) for its colour.
    pub series: Vec<&'static str>,
    /// Per row, per series: the plain values down and up, for `data-value`.
    pub values: Vec<Vec<(String, String)>>,
    /// Tick labels in dollars, with their x.
    pub ticks: Vec<(i32, String)>,
    /// Chart height, in chart units.
    pub height: i32,
}

/// The tornado: bars pale for the input stepped down, solid for up.
#[component]
pub fn TornadoSvg(
    /// The chart, recomputed as the scenario changes.
    view: Memo<Option<TornadoView>>,
) -> impl IntoView {
    let view_box = move || view.with(|v| page_view(v.as_ref().map_or(TOP, |v| v.height)));
    // Each row's name starts where the reader's lines start: the right edge in Arabic (the
    // stylesheet turns the anchor for right-to-left text, see style/main.css).
    // (20 units in from the edge: an Arabic glyph overhangs its advance.)
    let (label_x, label_anchor) = crate::text::line_start(WIDTH - 20);
    let body = move || {
        view.with(|v| {
            let v = v.as_ref()?;
            let g = &v.geometry;
            let bottom = v.height - 20;
            let ticks = v
                .ticks
                .iter()
                .map(|(x, t)| {
                    view! {
                        <line class="grid" x1=*x x2=*x y1=TOP - 20 y2=bottom></line>
                        <text class="tick" x=*x y=TOP - 50 text-anchor="middle">{t.clone()}</text>
                    }
                })
                .collect_view();
            let bases = g
                .bases
                .iter()
                .zip(&v.series)
                .map(|(x, s)| {
                    view! {
                        <line class=format!("base {s}") x1=*x x2=*x y1=TOP - 20 y2=bottom></line>
                    }
                })
                .collect_view();
            let rows = g
                .rows
                .iter()
                .zip(&v.rows)
                .zip(&v.values)
                .map(|((row, (label, key)), values)| {
                    let bars = row
                        .series
                        .iter()
                        .zip(&v.series)
                        .zip(values)
                        .map(|((bars, s), (low, high))| {
                            let bar =
                                |r: Option<crate::model::chart::scale::Rect>, end: &'static str, value: &String| {
                                    r.map(|r| view! {
                            <rect class=format!("bar {s} {end}") x=r.x y=r.y width=r.width.max(6) height=r.height
                                data-key=*key data-series=*s data-end=end data-value=value.clone()></rect>
                        })
                                };
                            view! { {bar(bars.low, "low", low)} {bar(bars.high, "high", high)} }
                        })
                        .collect_view();
                    view! {
                        <text class="row-label" x=label_x y=row.label_y text-anchor=label_anchor>{label.clone()}</text>
                        {bars}
                    }
                })
                .collect_view();
            // The words the downloaded file lays out around the chart (`chart_file`).
            Some(view! {
                <text class="chart-title" display="none">{v.title.clone()}</text>
                <text class="chart-subtitle" display="none">{v.subtitle}</text>
                {ticks} {rows} {bases}
                <text class="chart-source" display="none">{v.source.clone()}</text>
            })
        })
    };
    view! {
        <svg class="tornado" data-chart="drivers" viewBox=view_box role="img" direction="ltr" aria-label=move || view.with(|v| v.as_ref().map_or_else(|| t("What moves the answer").to_string(), |v| v.title.clone()))
            xmlns="http://www.w3.org/2000/svg">
            {body}
        </svg>
    }
}
