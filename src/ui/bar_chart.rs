//! The per-kWh bar chart, drawn as SVG from [`crate::model::chart`]'s geometry.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::state::MetricsCtx;
use crate::model::chart::horizontal_bars;
use crate::model::format::usd;
use crate::model::MetricId as M;

const PATHS: [(&str, M, M); 3] = [
    ("Mining", M::MiningRevenueUsdPerKwh, M::MiningMarginUsdPerKwh),
    ("Colocation", M::ColoRevenueUsdPerKwh, M::ColoMarginUsdPerKwh),
    ("GPU cloud", M::GpuRevenueUsdPerKwh, M::GpuMarginUsdPerKwh),
];
const WIDTH: f64 = 360.0;
const LABEL_W: f64 = 78.0;
const VALUE_W: f64 = 58.0;
const ROW_H: f64 = 40.0;
const BAR_H: f64 = 13.0;

/// Revenue and margin per kWh of each path, on one scale with zero marked.
#[component]
pub fn BarChart() -> impl IntoView {
    let MetricsCtx(metrics) = expect_context();
    let height = ROW_H * 3.0 + 8.0;
    let chart = move || {
        let figures: Vec<_> = metrics.with(|m| {
            PATHS.iter().flat_map(|(_, rev, mar)| [m.get(*rev), m.get(*mar)]).collect()
        });
        let values: Vec<Option<f64>> = figures.iter().map(|f| f.ok().and_then(|d| d.to_f64())).collect();
        let layout = horizontal_bars(&values, LABEL_W, WIDTH - LABEL_W - VALUE_W);
        let zero = layout.zero_x;
        let rows = PATHS.iter().enumerate().map(|(row, (name, _, _))| {
            let y = 4.0 + row as f64 * ROW_H;
            let bars = (0..2).map(|k| {
                let i = row * 2 + k;
                let by = y + k as f64 * (BAR_H + 2.0);
                let class = if k == 0 { "bar revenue" } else { "bar margin" };
                let label = figures[i].map(|d| usd(d, 3)).unwrap_or_else(|_| "—".into());
                layout.bars[i].map(|b| {
                    let text_x = if b.negative { b.x - 3.0 } else { b.x + b.width + 3.0 };
                    let anchor = if b.negative { "end" } else { "start" };
                    view! {
                        <rect class=class x=b.x y=by width=b.width.max(0.5) height=BAR_H rx="2"></rect>
                        <text class="bar-value" x=text_x y=by + BAR_H - 3.0 text-anchor=anchor>{label}</text>
                    }
                })
            }).collect_view();
            view! {
                <text class="bar-label" x="0" y=y + BAR_H + 2.0>{*name}</text>
                {bars}
            }
        }).collect_view();
        view! {
            {rows}
            <line class="axis" x1=zero x2=zero y1="0" y2=height></line>
        }
    };
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby="chart-title">
                <title id="chart-title">"Revenue and margin per kWh for mining, AI colocation and GPU cloud"</title>
                {chart}
            </svg>
            <figcaption>
                <span class="key revenue"></span>" revenue per kWh "
                <span class="key margin"></span>" margin per kWh"
            </figcaption>
        </figure>
    }
}
