//! The per-kWh bar chart, drawn as SVG from [`crate::model::chart`]'s geometry.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use crate::model::chart::horizontal_bars;
use crate::model::MetricId as M;
use crate::model::Path;
use crate::text::format::usd;
use crate::text::headline::per_kwh_title;
use crate::text::paths::short_name;
use crate::text::{n, t};
use crate::ui::charts::chart_downloads::ChartDownloads;
use crate::ui::hooks::state::MetricsCtx;

const PATHS: [(Path, M, M); 3] = [
    (Path::Mining, M::MiningRevenueUsdPerKwh, M::MiningMarginUsdPerKwh),
    (Path::Colo, M::ColoRevenueUsdPerKwh, M::ColoMarginUsdPerKwh),
    (Path::Gpu, M::GpuRevenueUsdPerKwh, M::GpuMarginUsdPerKwh),
];
// Chart units are tenths of a CSS pixel at natural size, so coordinates are whole numbers:
// writing an f64 would pull the float formatter into the Wasm.
const WIDTH: f64 = 3600.0;

/// Room for the paths' names on the left and the values right of the bars: wider outside
/// English, whose names and dollars (`0,845 US$`, `٠٫٨٤٥ دولار`) are longer.
fn room() -> (f64, f64) {
    match crate::text::lang() {
        crate::model::view::Lang::En => (780.0, 580.0),
        _ => (1150.0, 950.0),
    }
}
const ROW_H: f64 = 400.0;
const BAR_H: f64 = 130.0;
const GAP: f64 = 20.0;

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// The file's colour key: the page's caption below the chart.
fn legend() -> Vec<(String, String)> {
    vec![("revenue".into(), t("revenue per kWh").into()), ("margin".into(), t("margin per kWh").into())]
}

/// Revenue and margin per kWh of each path, on one scale with zero marked, and its files.
#[component]
pub fn BarChart() -> impl IntoView {
    let MetricsCtx(metrics) = expect_context();
    let height = px(ROW_H * 3.0 + 80.0);
    let chart = move || {
        let figures: Vec<_> =
            metrics.with(|m| PATHS.iter().flat_map(|(_, rev, mar)| [m.get(*rev), m.get(*mar)]).collect());
        let values: Vec<Option<f64>> = figures.iter().map(|f| f.ok().and_then(|d| d.to_f64())).collect();
        let (label_w, value_w) = room();
        let layout = horizontal_bars(&values, label_w, WIDTH - label_w - value_w);
        let zero = px(layout.zero_x);
        let rows = PATHS
            .iter()
            .enumerate()
            .map(|(row, (name, _, _))| {
                let y = 40.0 + row as f64 * ROW_H;
                let bars = (0..2)
                    .map(|k| {
                        let i = row * 2 + k;
                        let by = y + k as f64 * (BAR_H + GAP);
                        let class = if k == 0 { "bar revenue" } else { "bar margin" };
                        // A figure that cannot be computed has no bar, and so no label.
                        layout.bars[i].zip(figures[i].ok()).map(|(b, figure)| {
                    let label = usd(figure, 3);
                    let text_x = px(if b.negative { b.x - 30.0 } else { b.x + b.width + 30.0 });
                    let anchor = if b.negative { "end" } else { "start" };
                    view! {
                        <rect class=class x=px(b.x) y=px(by) width=px(b.width.max(5.0)) height=px(BAR_H) rx="20"></rect>
                        <text class="bar-value" x=text_x y=px(by + BAR_H - 30.0) text-anchor=anchor>{label}</text>
                    }
                })
                    })
                    .collect_view();
                view! {
                    <text class="bar-label" x="0" y=px(y + BAR_H + 20.0)>{short_name(*name)}</text>
                    {bars}
                }
            })
            .collect_view();
        // The file's title states the finding, as the other charts' do; the page's caption
        // is the headline above.
        let title = metrics.with(per_kwh_title);
        view! {
            <text class="chart-title" display="none">{title}</text>
            {rows}
            <line class="axis" x1=zero x2=zero y1="0" y2=height></line>
        }
    };
    view! {
        <figure class="chart">
            // Left to right in every language: the bars grow from zero to the right.
            <svg viewBox=format!("0 0 {} {height}", px(WIDTH)) role="img" aria-labelledby="chart-title" direction="ltr"
                data-chart="per-kwh" xmlns="http://www.w3.org/2000/svg">
                <title id="chart-title">{t("Revenue and margin per kWh for mining, AI colocation and GPU cloud")}</title>
                {chart}
            </svg>
            <figcaption>
                <span class="key revenue"></span>" "{t("revenue per kWh")}" "
                <span class="key margin"></span>" "{t("margin per kWh")}
            </figcaption>
        </figure>
        <div class="downloads" role="group" aria-label=t("Downloads")>
            <ChartDownloads id="per-kwh" svg_label=n!("Per-kWh chart (SVG)") legend=legend/>
        </div>
    }
}
