//! "What moves the answer": mining's all-in margin per kWh and the better AI path's as each
//! input moves across its plausible range (the tornado), the ten that move them most first
//! and the rest a click away.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::model::analysis::drivers::{drivers, Driver, Drivers};
use crate::model::chart::scale::Rect;
use crate::model::chart::tornado::grouped_tornado;
use crate::model::error::ModelError;
use crate::model::link::share_link::plain;
use crate::model::view::Section;
use crate::model::Path;
use crate::model::Scenario;
use crate::text::format::usd_tick;
use crate::text::paths::path_name;
use crate::text::tornado::{input_label, row_label, subtitle, SHOWN};
use crate::text::{n, num, t, tf};
use crate::ui::charts::chart_downloads::ChartDownloads;
use crate::ui::charts::tornado_svg::{TornadoSvg, TornadoView, TOP, WIDTH};
use crate::ui::hooks::state::SettledCtx;

/// Each row: room for its label, then a bar for mining and one for the AI path.
const ROW_H: i32 = 300;
const LABEL_H: i32 = 110;

fn plain_of(figure: Result<Decimal, ModelError>) -> String {
    figure.map(plain).unwrap_or_default()
}

/// The tornado of `d`'s first `shown` rows for `scenario`, or `None` when neither base
/// margin is known.
fn tornado_view(scenario: &Scenario, d: &Drivers, shown: usize) -> Option<TornadoView> {
    let rows = &d.rows[..shown.min(d.rows.len())];
    let ai_path = d.base.ai.ok().map_or(Path::Colo, |(p, _)| p);
    let f = |v: Result<Decimal, ModelError>| v.ok().and_then(|v| v.to_f64());
    let ends = |r: &Driver, of: &dyn Fn(&crate::model::analysis::drivers::Outcome) -> Result<Decimal, ModelError>| {
        (r.low.map(|e| of(&e.outcome)), r.high.map(|e| of(&e.outcome)))
    };
    let mining = |o: &crate::model::analysis::drivers::Outcome| o.mining;
    let ai = |o: &crate::model::analysis::drivers::Outcome| o.ai_margin();
    let plotted: Vec<Vec<(Option<f64>, Option<f64>)>> = rows
        .iter()
        .map(|r| [ends(r, &mining), ends(r, &ai)].into_iter().map(|(l, h)| (l.and_then(f), h.and_then(f))).collect())
        .collect();
    let count = i32::try_from(rows.len()).unwrap_or(0);
    let plot = Rect::new(200, TOP, WIDTH - 400, ROW_H.saturating_mul(count));
    let geometry = grouped_tornado(&[f(d.base.mining)?, f(d.base.ai_margin())?], &plotted, plot, LABEL_H)?;
    let values = rows
        .iter()
        .map(|r| {
            [ends(r, &mining), ends(r, &ai)]
                .into_iter()
                .map(|(l, h)| (l.map(plain_of).unwrap_or_default(), h.map(plain_of).unwrap_or_default()))
                .collect()
        })
        .collect();
    let title = match d.rows.first() {
        Some(r) => tf("{label} moves the answer most", &[("label", input_label(r.input))]),
        None => t("No input moves the answer").to_string(),
    };
    Some(TornadoView {
        title,
        subtitle: subtitle(),
        source: crate::text::time_charts::source_line(scenario),
        ticks: geometry.ticks.iter().map(|t| (t.at, usd_tick(t.value, geometry.decimals))).collect(),
        rows: rows.iter().map(|r| (row_label(r.input), r.input.name())).collect(),
        series: vec![Path::Mining.name(), ai_path.name()],
        values,
        height: plot.bottom() + 20,
        geometry,
    })
}

/// The tornado's card: the finding, the chart, its key and download.
#[component]
pub fn DriversSection() -> impl IntoView {
    // The settled scenario, a frame after typing (see use_settled).
    let SettledCtx(settled) = expect_context();
    let scenario = Memo::new(move |_| settled.with(|(s, _)| s.clone()));
    let data = Memo::new(move |_| settled.with(|(s, invalid)| drivers(s, *invalid)));
    // The ten largest rows; every row once the reader asks.
    let all = RwSignal::new(false);
    let shown = move || if all.get() { usize::MAX } else { SHOWN };
    let chart = Memo::new(move |_| {
        let shown = shown();
        scenario.with(|s| data.with(|d| tornado_view(s, d, shown)))
    });
    let count = move || data.with(|d| d.rows.len());
    let toggle = move || {
        (count() > SHOWN).then(|| {
            let text = move || match all.get() {
                true => tf("Show the {n} largest", &[("n", &num(&SHOWN.to_string()))]),
                false => tf("Show all {n} inputs", &[("n", &num(&count().to_string()))]),
            };
            view! {
                <button type="button" class="more" aria-pressed=move || if all.get() { "true" } else { "false" }
                    on:click=move |_| all.update(|a| *a = !*a)>{text}</button>
            }
        })
    };
    let ai_name = move || data.with(|d| path_name(d.base.ai.ok().map_or(Path::Colo, |(p, _)| p)));
    // The file's colour key: the page's key line above the chart.
    let legend = move || {
        let ai = data.with_untracked(|d| d.base.ai.ok().map_or(Path::Colo, |(p, _)| p));
        vec![
            (Path::Mining.name().to_string(), t("Top bar: mining").to_string()),
            (
                ai.name().to_string(),
                tf("Bottom bar: {path}, the better AI path at this scenario, on every row", &[("path", path_name(ai))]),
            ),
        ]
    };
    view! {
        <section class="card drivers" aria-labelledby="drivers-title" data-section=Section::Drivers.name()>
            <h2 id="drivers-title">{t("What moves the answer")}</h2>
            <figure class="chart wide">
                <figcaption class="chart-caption">
                    <strong>{move || chart.with(|c| c.as_ref().map(|c| c.title.clone()))}</strong>" "
                    <span>{subtitle()}</span>
                </figcaption>
                <p class="key-line">
                    <span class="key mining"></span>{t("Top bar: mining")}" "
                    <span class="key ai" data-path=move || data.with(|d| d.base.ai.ok().map(|(p, _)| p.name()))></span>
                    {move || tf("Bottom bar: {path}, the better AI path at this scenario, on every row", &[("path", ai_name())])}
                </p>
                <TornadoSvg view=chart/>
            </figure>
            <div class="downloads">
                {toggle}
                <ChartDownloads id="drivers" svg_label=n!("Tornado (SVG)") legend=legend/>
            </div>
        </section>
    }
}
