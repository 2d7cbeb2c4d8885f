//! "Power by the hour": the year's price duration curve with the price mining runs up to,
//! the hours it stops in shaded and the price the AI paths pay every hour; the finding in
//! the title, the profile's source under it, and the downloads. Geometry from
//! `model::chart::duration`, words from `text::power`; this file only binds them. With a
//! flat price, the figures and where to choose a profile.

use leptos::prelude::*;

use super::metric_value::MetricValue;
use crate::model::chart::duration::{duration_curve, DurationCurve};
use crate::model::export::{csv, profile_csv};
use crate::model::link::share_link::plain;
use crate::model::view::PowerUnit;
use crate::model::{to_query, Link, MetricId, Scenario};
use crate::text::power::{ai_label, attribution, cap_label, curve_subtitle, curve_title, share_text, stopped_label};
use crate::text::reasons::model_error;
use crate::text::time_charts::{end_labels, LineChartView, Series, PLOT};
use crate::text::{n, t, tf};
use crate::ui::charts::chart_downloads::ChartDownloads;
use crate::ui::charts::line_chart_svg::LineChartSvg;
use crate::ui::hooks::state::{ScenarioCtx, SettledCtx};
use crate::ui::web;

/// The chart's words and geometry for `curve`.
fn chart(scenario: &Scenario, curve: &DurationCurve, unit: PowerUnit, source: String) -> LineChartView {
    let g = curve.geometry(PLOT);
    let text = |v: &rust_decimal::Decimal| Some(plain(*v));
    let series = vec![
        Series { key: "price", label: String::new(), values: curve.prices.iter().map(text).collect(), side: None },
        Series {
            key: "strike",
            label: cap_label(curve, unit, scenario.strike().is_some()),
            values: vec![text(&curve.cap); curve.prices.len()],
            side: None,
        },
        Series {
            key: "ai-price",
            label: ai_label(curve, unit),
            values: vec![text(&curve.ai); curve.prices.len()],
            side: None,
        },
    ];
    let dp = g.chart.y_decimals;
    let y_labels =
        g.chart.y_ticks.iter().map(|tick| (tick.at, crate::text::power::price_tick(tick.value, unit, dp))).collect();
    let end_labels = end_labels(&g.chart, &series);
    LineChartView {
        id: "power-chart",
        title: curve_title(curve, unit),
        subtitle: curve_subtitle(curve, unit),
        outlook: Vec::new(),
        source,
        x_labels: g.x_ticks.iter().map(|(x, pct)| (*x, share_text(*pct))).collect(),
        y_labels,
        markers: Vec::new(),
        bands: g.stopped.map(|r| (r, stopped_label().to_string())).into_iter().collect(),
        end_labels,
        series,
        geometry: g.chart,
    }
}

/// The section: the figures, the chart with its source line, and the downloads.
#[component]
pub fn PowerSection() -> impl IntoView {
    let SettledCtx(settled) = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let curve = Memo::new(move |_| settled.with(|(s, invalid)| duration_curve(s, *invalid)));
    let credit = Memo::new(move |_| settled.with(|(s, _)| attribution(s.profile())));
    let view_of = Memo::new(move |_| {
        let curve = curve.get()?.ok()?;
        settled.with(|(s, _)| {
            let link = ["?", &to_query(s)].concat();
            let source = tf("{source}; kWhich, scenario {link}", &[("source", credit.get()), ("link", &link)]);
            Some(chart(s, &curve, s.view.power_unit, source))
        })
    });
    let svg_view = Memo::new(move |_| view_of.get().unwrap_or_else(empty));
    let download_csv = move |_| {
        scenario.with_untracked(|s| {
            if let Some(Ok(c)) = duration_curve(s, crate::model::InvalidKeys::default()) {
                let stem = csv::file_stem(&Link::Single(s.clone()));
                let text = profile_csv::profile(&c.prices, c.stopped, attribution(s.profile()));
                web::download(&format!("kwhich-power-{stem}.csv"), "text/csv;charset=utf-8", &text);
            }
        })
    };
    let figures = move || {
        view! {
            <p>
                {t("Hours mining runs")}": "<MetricValue id=MetricId::MiningRunSharePct/><br/>
                {t("Mining's power price when it runs, per kWh")}": "<MetricValue id=MetricId::MiningPowerPriceUsdPerKwh/><br/>
                {t("Mining's flexibility a year")}": "<MetricValue id=MetricId::MiningFlexibilityUsdPerMwYear/>
            </p>
        }
    };
    let body = move || {
        match curve.get() {
        // A flat price: the figures (every hour runs, at `kwh`) and where to choose a profile.
        None => view! {
            <p class="note">{t("The price is flat: choose its shape over the year under Inputs, Power price, to see the hours mining would stop in.")}</p>
        }
        .into_any(),
        Some(Err(e)) => view! { <p class="note">{model_error(&e)}</p> }.into_any(),
        Some(Ok(_)) => view! {
            <figure class="chart wide">
                <figcaption class="chart-caption">
                    <strong>{move || svg_view.with(|v| v.title.clone())}</strong>" "
                    <span>{move || svg_view.with(|v| v.subtitle.clone())}</span>
                </figcaption>
                <LineChartSvg view=svg_view/>
                <p class="attribution" data-attribution="">{move || credit.get()}</p>
            </figure>
            <div class="downloads" role="group" aria-label=t("Downloads")>
                <button type="button" on:click=download_csv>{t("Prices by the hour (CSV)")}</button>
                <ChartDownloads id="power-chart" svg_label=n!("Power price chart (SVG)")/>
            </div>
        }
        .into_any(),
    }
    };
    view! {
        <section class="card power" aria-labelledby="power-title" data-section="power">
            <h2 id="power-title">{t("Power by the hour")}</h2>
            {figures}
            {body}
        </section>
    }
}

/// A chart with nothing on it, for the instant the profile is being changed.
fn empty() -> LineChartView {
    let none: Vec<Option<f64>> = Vec::new();
    LineChartView {
        id: "power-chart",
        title: String::new(),
        subtitle: String::new(),
        outlook: Vec::new(),
        source: String::new(),
        geometry: crate::model::chart::line::LineChart::new(&[&none], 1, PLOT),
        series: Vec::new(),
        y_labels: Vec::new(),
        x_labels: Vec::new(),
        markers: Vec::new(),
        bands: Vec::new(),
        end_labels: Vec::new(),
    }
}
