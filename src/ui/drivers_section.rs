//! "What moves the answer": mining's all-in margin per kWh and the best AI path's as each
//! input steps down and up (the tornado), the inputs that move them most first.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::download_bar::download_chart;
use super::state::SettledCtx;
use super::time_section::path_name;
use super::tornado_svg::{views, TornadoSvg, TornadoView, TOP, WIDTH};
use crate::model::analysis::drivers::{drivers, Driver, Drivers};
use crate::model::chart::scale::Rect;
use crate::model::chart::tornado::grouped_tornado;
use crate::model::error::ModelError;
use crate::model::fields::Key;
use crate::model::link::share_link::plain;
use crate::model::view::Section;
use crate::model::Path;
use crate::model::{to_query, Scenario, SNAPSHOT_DATE};
use crate::text::fields::label;
use crate::text::format::usd_tick;
use crate::text::{num, t, tf};

/// Each row: room for its label, then a bar for mining and one for the AI path.
const ROW_H: i32 = 300;
const LABEL_H: i32 = 110;

/// What the tornado shows, under its title.
fn subtitle() -> &'static str {
    t("All-in margin per kWh, USD, each input 20 % lower (pale) and higher (solid); lives ±1 year")
}

/// The row's label: the input and its step.
fn row_label(key: Key) -> String {
    match key {
        Key::Life | Key::Glife | Key::Clife => tf("{label}, ±1 year", &[("label", label(key))]),
        _ => tf("{label}, ±20 %", &[("label", label(key))]),
    }
}

fn plain_of(figure: Result<Decimal, ModelError>) -> String {
    figure.map(plain).unwrap_or_default()
}

/// The tornado of `d` for `scenario`, or `None` when neither base margin is known.
fn tornado_view(scenario: &Scenario, d: &Drivers) -> Option<TornadoView> {
    let ai_path = d.base.ai.ok().map_or(Path::Colo, |(p, _)| p);
    let f = |v: Result<Decimal, ModelError>| v.ok().and_then(|v| v.to_f64());
    let ends = |r: &Driver, of: &dyn Fn(&crate::model::analysis::drivers::Outcome) -> Result<Decimal, ModelError>| {
        (r.low.map(|e| of(&e.outcome)), r.high.map(|e| of(&e.outcome)))
    };
    let mining = |o: &crate::model::analysis::drivers::Outcome| o.mining;
    let ai = |o: &crate::model::analysis::drivers::Outcome| o.ai_margin();
    let rows: Vec<Vec<(Option<f64>, Option<f64>)>> = d
        .rows
        .iter()
        .map(|r| [ends(r, &mining), ends(r, &ai)].into_iter().map(|(l, h)| (l.and_then(f), h.and_then(f))).collect())
        .collect();
    let count = i32::try_from(d.rows.len()).unwrap_or(0);
    let plot = Rect::new(200, TOP, WIDTH - 400, ROW_H.saturating_mul(count));
    let geometry = grouped_tornado(&[f(d.base.mining)?, f(d.base.ai_margin())?], &rows, plot, LABEL_H)?;
    let values = d
        .rows
        .iter()
        .map(|r| {
            [ends(r, &mining), ends(r, &ai)]
                .into_iter()
                .map(|(l, h)| (l.map(plain_of).unwrap_or_default(), h.map(plain_of).unwrap_or_default()))
                .collect()
        })
        .collect();
    let title = match d.rows.first() {
        Some(r) => tf("{label} moves the answer most", &[("label", label(r.key))]),
        None => t("No input moves the answer").to_string(),
    };
    Some(TornadoView {
        title,
        subtitle: subtitle(),
        source: tf(
            "Source: kWhich, network snapshot {date}; scenario {link}",
            &[("date", &num(SNAPSHOT_DATE)), ("link", &["?", &to_query(scenario)].concat())],
        ),
        ticks: geometry.ticks.iter().map(|t| (t.at, usd_tick(t.value, geometry.decimals))).collect(),
        rows: d.rows.iter().map(|r| (row_label(r.key), r.key.field().name)).collect(),
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
    let chart = Memo::new(move |_| scenario.with(|s| data.with(|d| tornado_view(s, d))));
    let ai_name = move || data.with(|d| path_name(d.base.ai.ok().map_or(Path::Colo, |(p, _)| p)));
    let download = move |_| {
        let height = chart.with_untracked(|c| c.as_ref().map_or(TOP, |c| c.height));
        let (page, file) = views(height);
        scenario.with_untracked(|s| download_chart(s, "drivers", &page, &file));
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
                    {move || tf("Bottom bar: {path}, the better AI path", &[("path", ai_name())])}
                </p>
                <TornadoSvg view=chart/>
            </figure>
            <div class="downloads">
                <button type="button" on:click=download>{t("Tornado (SVG)")}</button>
            </div>
        </section>
    }
}
