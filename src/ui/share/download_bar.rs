//! Downloads of the scenario: its figures as CSV and as the evaluator's JSON, and each
//! chart as SVG and PNG files for print or a social post (see `chart_downloads`).

use leptos::prelude::*;

use crate::model::export::{csv, json};
use crate::model::Link;
use crate::model::{evaluate_over_time, Evaluation, InvalidKeys};
use crate::text::{n, t};
use crate::ui::charts::chart_downloads::ChartDownloads;
use crate::ui::hooks::state::{LinkCtx, ScenarioCtx};
use crate::ui::web;

/// The file name for `link` ending in `suffix`: `kwhich-kwh-0.03_asic-s21xp-figures.csv`,
/// `kwhich-mine-vs-ai-lease.json` (see [`csv::file_stem`]).
fn file_name(link: &Link, suffix: &str) -> String {
    format!("kwhich-{}{suffix}", csv::file_stem(link))
}

/// CSV, JSON, SVG and PNG downloads of what is on screen.
#[component]
pub fn DownloadBar() -> impl IntoView {
    let ScenarioCtx(scenario) = expect_context();
    // What the link in the address bar means: the scenario without the inputs being
    // edited, evaluated as `kwhich eval` evaluates it.
    let evaluated = move || scenario.with_untracked(|s| (s.clone(), evaluate_over_time(s, InvalidKeys::default())));
    let download_figures = move |_| {
        let (s, e) = evaluated();
        web::download(&file_name(&Link::Single(s.clone()), "-figures.csv"), CSV, &csv::figures(&s, &e.metrics));
    };
    let download_months = move |_| {
        let (s, e) = evaluated();
        let text = csv::months(&s, &e.projection);
        web::download(&file_name(&Link::Single(s), "-months.csv"), CSV, &text);
    };
    let download_json = move |_| {
        let (s, e) = evaluated();
        let text = json::report_with_projection(&s, &e.metrics, &e.projection, &[]);
        web::download(&file_name(&Link::Single(s), ".json"), JSON, &text);
    };
    view! {
        <div class="downloads" role="group" aria-label=t("Downloads")>
            <button type="button" on:click=download_figures>{t("Figures (CSV)")}</button>
            <button type="button" on:click=download_months>{t("Month by month (CSV)")}</button>
            <button type="button" on:click=download_json>{t("Download JSON")}</button>
            <ChartDownloads id="margin-chart" svg_label=n!("Margin chart (SVG)")/>
            <ChartDownloads id="cash-chart" svg_label=n!("Cash chart (SVG)")/>
        </div>
    }
}

const CSV: &str = "text/csv;charset=utf-8";
const JSON: &str = "application/json";

/// A comparison's downloads: both sides and B − A, as CSV (figures, month by month) and
/// as the JSON `kwhich eval` prints for the comparison link.
#[component]
pub fn ComparisonDownloads() -> impl IntoView {
    let LinkCtx(link) = expect_context();
    // Every side of the link in the address bar, evaluated as `kwhich eval` does.
    let evaluated = move || {
        link.with_untracked(|l| match l {
            Link::Compare(c) => {
                let sides: Vec<Evaluation> =
                    c.sides().into_iter().map(|(_, s)| evaluate_over_time(s, InvalidKeys::default())).collect();
                Some((l.clone(), c.clone(), sides))
            }
            Link::Single(_) => None,
        })
    };
    let metrics = |sides: &[Evaluation]| sides.iter().map(|e| e.metrics.clone()).collect::<Vec<_>>();
    let download_figures = move |_| {
        if let Some((l, c, sides)) = evaluated() {
            web::download(&file_name(&l, "-figures.csv"), CSV, &csv::comparison_figures(&c, &metrics(&sides)));
        }
    };
    let download_months = move |_| {
        if let Some((l, _, sides)) = evaluated() {
            let projections: Vec<_> = sides.iter().map(|e| &e.projection).collect();
            web::download(&file_name(&l, "-months.csv"), CSV, &csv::comparison_months(&projections));
        }
    };
    let download_json = move |_| {
        if let Some((l, c, sides)) = evaluated() {
            web::download(&file_name(&l, ".json"), JSON, &json::comparison_report(&c, &metrics(&sides), &[]));
        }
    };
    view! {
        <div class="downloads" role="group" aria-label=t("Downloads")>
            <button type="button" on:click=download_figures>{t("Figures (CSV)")}</button>
            <button type="button" on:click=download_months>{t("Month by month (CSV)")}</button>
            <button type="button" on:click=download_json>{t("Download JSON")}</button>
        </div>
    }
}
