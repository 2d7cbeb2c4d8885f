//! One SVG line chart over months, drawn from [`crate::model::chart::line`]'s geometry: the
//! same thin component for every chart over time, so a chart is its data and words only.

use leptos::prelude::*;

use crate::text::chart_file::numbered_key;
use crate::text::num;
use crate::text::time_charts::{end_label_lines, shown_dates, LineChartView, LABEL_FONT};

/// The numbered key's lines: "1 Colocation pays back   2 GPU life ends", wrapped to the
/// chart's width at the labels' size.
fn key_lines(v: &LineChartView) -> Vec<String> {
    let items: Vec<(String, String)> =
        v.markers.iter().filter_map(|(m, label)| m.key.map(|k| (num(&k.to_string()), label.clone()))).collect();
    numbered_key(&items, 3600, LABEL_FONT)
}

/// The page's `viewBox`: the axes, and the key's lines below when there is one.
fn page_view(v: &LineChartView) -> String {
    let lines = i32::try_from(key_lines(v).len()).unwrap_or(0);
    format!("0 {TOP} 3600 {}", AXES_HEIGHT + KEY_LINE * lines + if lines > 0 { KEY_LINE / 2 } else { 0 })
}

/// What the page shows of the chart, 3,600 units wide (tenths of a CSS pixel at natural
/// size): the plot and its axes from y = 310, 1,700 high (room above the top value's
/// label at the labels' largest size), and the numbered key of the
/// markers whose labels had no room below. The title, subtitle, outlook and source line
/// are the figure's caption on the page; the downloaded file frames the chart with them
/// (`chart_downloads`).
const TOP: i32 = 310;
const AXES_HEIGHT: i32 = 1700;
/// The key's lines, in the labels' size (`LABEL_FONT`), 1.4 lines apart: Arabic's line
/// boxes are taller than Latin's.
const KEY_LINE: i32 = 175;

/// A line chart with its title, axes, marked events and directly labelled lines. A dot each
/// year and at the horizon carries `data-path`, `data-month` and `data-value`.
#[component]
pub fn LineChartSvg(
    /// The chart, recomputed as the scenario changes.
    view: Memo<LineChartView>,
) -> impl IntoView {
    let id = view.with_untracked(|v| v.id);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (title_ref, desc_ref) = (title_id.clone(), desc_id.clone());
    let body = move || {
        view.with(|v| {
            let g = &v.geometry;
            let (left, right, bottom) = (g.plot.x, g.plot.right(), g.plot.bottom());
            let bands = v.bands.iter().map(|(r, label)| {
                view! {
                    <rect class="band" x=r.x y=r.y width=r.width height=r.height></rect>
                    <text class="band-label" x=r.x + 20 y=bottom - 40>{label.clone()}</text>
                }
            }).collect_view();
            let grid = v.y_labels.iter().map(|(y, label)| {
                view! {
                    <line class="grid" x1=left x2=right y1=*y y2=*y></line>
                    <text class="tick" x=left - 30 y=*y text-anchor="end" dominant-baseline="middle">{label.clone()}</text>
                }
            }).collect_view();
            // None overlapping the next; the first clear of the lowest value's label.
            let dates = shown_dates(&v.x_labels, left).into_iter().map(|(x, label, anchor)| {
                view! { <text class="tick" x=x y=bottom + 120 text-anchor=anchor.as_str()>{label}</text> }
            }).collect_view();
            // A rule without room for its label shows its number; the key below names it. The
            // rule carries its month (`data-month`), the label its words.
            let markers = v.markers.iter().map(|(m, label)| {
                let text = m.key.map_or_else(|| label.clone(), |k| num(&k.to_string()));
                view! {
                    <line class="marker" x1=m.x x2=m.x y1=m.top y2=m.bottom data-month=m.month></line>
                    <text class="marker-label" x=m.label_x y=m.label_y text-anchor=m.anchor.as_str()
                        dominant-baseline="middle" data-key=m.key>{text}</text>
                }
            }).collect_view();
            let (kx, kanchor) = crate::text::line_start(3600);
            let key = key_lines(v).into_iter().enumerate().map(|(k, line)| {
                let y = TOP + AXES_HEIGHT + KEY_LINE * (k as i32) + KEY_LINE / 2;
                view! { <text class="marker-label key" x=kx y=y text-anchor=kanchor>{line}</text> }
            }).collect_view();
            let lines = v.series.iter().zip(&g.lines).zip(&v.end_labels).map(|((s, line), end)| {
                // While comparing, A's lines solid and B's dashed (`side-a`, `side-b` in the
                // stylesheet, over the dash a path has on its own chart: colour tells the
                // paths apart there; the page's policy allows no inline style).
                let side = s.side.map(|side| side.name());
                let class = match side {
                    Some(side) => format!("series {} side-{side}", s.key),
                    None => format!("series {}", s.key),
                };
                // A dot a year (and at the horizon) carries the figures; the line between
                // them is one path. Hundreds of monthly dots would make every edit rewrite
                // hundreds of elements, and the months are in the downloads.
                let last = line.points.len().saturating_sub(1);
                let points = line.points.iter().zip(&s.values).enumerate().filter_map(|(k, (p, value))| {
                    if k % 12 != 0 && k != last {
                        return None;
                    }
                    let (p, value) = (p.as_ref()?, value.clone()?);
                    Some(view! {
                        <circle class="point" cx=p.x cy=p.y r="14" data-path=s.key data-side=side data-month=p.month
                            data-value=value></circle>
                    })
                }).collect_view();
                // Its lines (wrapped to the room right of the line's end) centred on the
                // label's middle, 1.2 em apart at whatever size the page sets.
                let label = end.map(|e| {
                    let lines = end_label_lines(&s.label, e.x);
                    // In tenths of an em, written without the float formatter.
                    let up = 6 * lines.len().saturating_sub(1);
                    let first = format!("-{}.{}em", up / 10, up % 10);
                    let tspans = lines.into_iter().enumerate().map(|(k, line)| {
                        let dy = if k == 0 { first.clone() } else { "1.2em".to_string() };
                        view! { <tspan x=e.x dy=dy>{line}</tspan> }
                    }).collect_view();
                    view! { <text class="end-label" x=e.x y=e.y dominant-baseline="middle">{tspans}</text> }
                });
                view! {
                    <g class=class>
                        {(!line.path.is_empty()).then(|| view! { <path class="line" d=line.path.clone()></path> })}
                        {points}
                        {label}
                    </g>
                }
            }).collect_view();
            // The title, subtitle, outlook and source line are the figure's caption on the
            // page; the downloaded file lays them out around the chart (`chart_file`).
            view! {
                <text class="chart-title" display="none">{v.title.clone()}</text>
                <text class="chart-subtitle" display="none">{v.subtitle.clone()}</text>
                // A chart of the past assumes nothing ahead: no "Outlook:" line in its file.
                {(!v.outlook.is_empty()).then(|| view! {
                    <text class="chart-subtitle outlook" display="none">{v.outlook_text()}</text>
                })}
                {bands}
                {grid}
                <line class="zero" x1=left x2=right y1=g.zero_y y2=g.zero_y></line>
                {dates}
                {markers}
                {lines}
                {key}
                <text class="chart-source" display="none">{v.source.clone()}</text>
            }
        })
    };
    // Left to right in every language: time runs to the right, also in Arabic, and each
    // text-anchor means what the geometry meant (`direction`, SVG's own attribute: `dir` is
    // HTML's). The labels inside still read in their own direction.
    view! {
        <svg class="line-chart" data-chart=id viewBox=move || view.with(page_view) role="img" direction="ltr"
            aria-labelledby=title_ref aria-describedby=desc_ref xmlns="http://www.w3.org/2000/svg">
            <title id=title_id>{move || view.with(|v| v.title.clone())}</title>
            <desc id=desc_id>{move || view.with(|v| v.subtitle.clone())}</desc>
            {body}
        </svg>
    }
}
