//! Downloads of the scenario: its figures as CSV and as the evaluator's JSON, and each
//! chart as a standalone SVG for print or a social post.

use leptos::prelude::*;

use crate::model::export::{csv, json};
use crate::model::{evaluate_over_time, InvalidKeys};
use crate::model::{Link, Scenario};
use crate::text::t;
use crate::ui::charts::line_chart_svg::{FILE_VIEW, PAGE_VIEW};
use crate::ui::hooks::state::{LinkCtx, ScenarioCtx};
use crate::ui::web;

/// The rules a chart needs outside the page: the light palette, with the page's own
/// colours (its theme) kept where the file is shown inside it.
const CHART_STYLE: &str = "<style>svg{font-family:system-ui,sans-serif;background:#fff}\
text{fill:#14171a;font-size:80px}.chart-title{font-size:120px;font-weight:700}\
.chart-subtitle,.chart-source,.tick{fill:#4f5862}.chart-source{font-size:62px}\
.grid{stroke:#e3e6ea;stroke-width:4}.zero{stroke:#14171a;stroke-width:8}\
.marker{stroke:#4f5862;stroke-width:5;stroke-dasharray:20 16}.band{fill:#4f5862;fill-opacity:.12}\
.line{fill:none;stroke-width:14;stroke-linejoin:round;stroke-linecap:round}.point{fill-opacity:0}\
.mining .line{stroke:#d55e00}.colo .line{stroke:#0072b2;stroke-dasharray:40 20}\
.gpu .line{stroke:#009e73;stroke-dasharray:8 16}.mining text{fill:#d55e00}.colo text{fill:#0072b2}\
.gpu text{fill:#007a5a}\
.hashprice .line{stroke:#14171a}.hashprice text{fill:#14171a}.reference .line,.cash .line{stroke:#4f5862;\
stroke-dasharray:24 16}.reference text,.cash text{fill:#4f5862}.s9 .line{stroke:#e69f00}.s9 text{fill:#9a6a00}\
.s19 .line{stroke:#56b4e9}.s19 text{fill:#1f6f9a}.s21 .line{stroke:#cc79a7}.s21 text{fill:#a04d7f}\
.projected .line,.strike .line{stroke:#d55e00;stroke-dasharray:40 20}.projected text,.strike text{fill:#d55e00}\
.price .line{stroke:#14171a}.ai-price .line{stroke:#0072b2;stroke-dasharray:40 20}.ai-price text{fill:#0072b2}\
.cells .mining,.swatch.mining,rect.mining{fill:#d55e00}.cells .colo,rect.colo{fill:#0072b2}\
rect.gpu{fill:#009e73}rect.none{fill:#888}.s0{fill-opacity:.14}.s1{fill-opacity:.4}.s2{fill-opacity:.68}\
.s3{fill-opacity:1}.frame{fill:none;stroke:#14171a;stroke-width:4}.axis{stroke:#4f5862;stroke-width:4}\
.breakeven{fill:none;stroke:#14171a;stroke-width:10}.target{fill:none;stroke:#14171a;stroke-width:10;\
stroke-dasharray:30 20}.mark{fill:#fff;stroke:#14171a;stroke-width:12}.region{font-weight:700;\
paint-order:stroke;stroke:#fff;stroke-width:16}.low{fill-opacity:.45}.base{stroke:#14171a;stroke-width:6}\
.muted{fill:#4f5862}</style>";

/// In an Arabic file, each label reads right to left, its anchor turned so that it sits
/// where the geometry put it (as the page's stylesheet does under `[dir=rtl]`).
const RTL_STYLE: &str = "<style>text{direction:rtl}text:not([text-anchor]),text[text-anchor=start]\
{text-anchor:end}text[text-anchor=end]{text-anchor:start}</style>";

/// The file name for `link` ending in `suffix`: `kwhich-kwh-0.03_asic-s21xp-figures.csv`,
/// `kwhich-mine-vs-ai-lease.json` (see [`csv::file_stem`]).
fn file_name(link: &Link, suffix: &str) -> String {
    format!("kwhich-{}{suffix}", csv::file_stem(link))
}

/// The page's chart `id` as a standalone SVG file: its `page_view` widened to `file_view`,
/// which takes in the title above and the source line below.
fn chart_file(id: &str, page_view: &str, file_view: &str) -> Option<String> {
    let svg = document().query_selector(&format!("svg[data-chart=\"{id}\"]")).ok()??;
    let html = svg.outer_html().replacen(page_view, file_view, 1);
    let close = html.find('>')?;
    let rtl = if crate::text::lang().rtl() { RTL_STYLE } else { "" };
    Some(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}{CHART_STYLE}{rtl}{}",
        &html[..=close],
        &html[close + 1..]
    ))
}

/// Offers the page's chart `id` as an SVG file named after the chart and the scenario.
pub fn download_chart(scenario: &Scenario, id: &str, page_view: &str, file_view: &str) {
    if let Some(text) = chart_file(id, page_view, file_view) {
        let stem = csv::file_stem(&Link::Single(scenario.clone()));
        let name = format!("kwhich-{id}-{stem}.svg");
        web::download(&name, "image/svg+xml", &text);
    }
}

/// CSV, JSON and SVG downloads of what is on screen.
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
        web::download(&file_name(&Link::Single(s), "-months.csv"), CSV, &csv::months(&e.projection));
    };
    let download_json = move |_| {
        let (s, e) = evaluated();
        let text = json::report_with_projection(&s, &e.metrics, &e.projection, &[]);
        web::download(&file_name(&Link::Single(s), ".json"), JSON, &text);
    };
    let download_svg =
        move |id: &'static str| move |_| scenario.with_untracked(|s| download_chart(s, id, PAGE_VIEW, FILE_VIEW));
    view! {
        <div class="downloads" role="group" aria-label=t("Downloads")>
            <button type="button" on:click=download_figures>{t("Figures (CSV)")}</button>
            <button type="button" on:click=download_months>{t("Month by month (CSV)")}</button>
            <button type="button" on:click=download_json>{t("Download JSON")}</button>
            <button type="button" on:click=download_svg("margin-chart")>{t("Margin chart (SVG)")}</button>
            <button type="button" on:click=download_svg("cash-chart")>{t("Cash chart (SVG)")}</button>
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
    // Both sides of the link in the address bar, evaluated as `kwhich eval` does.
    let evaluated = move || {
        link.with_untracked(|l| match l {
            Link::Compare(c) => Some((
                l.clone(),
                c.clone(),
                evaluate_over_time(c.a(), InvalidKeys::default()),
                evaluate_over_time(c.b(), InvalidKeys::default()),
            )),
            Link::Single(_) => None,
        })
    };
    let download_figures = move |_| {
        if let Some((l, c, a, b)) = evaluated() {
            web::download(&file_name(&l, "-figures.csv"), CSV, &csv::comparison_figures(&c, &a.metrics, &b.metrics));
        }
    };
    let download_months = move |_| {
        if let Some((l, _, a, b)) = evaluated() {
            web::download(&file_name(&l, "-months.csv"), CSV, &csv::comparison_months(&a.projection, &b.projection));
        }
    };
    let download_json = move |_| {
        if let Some((l, c, a, b)) = evaluated() {
            web::download(&file_name(&l, ".json"), JSON, &json::comparison_report(&c, &a.metrics, &b.metrics, &[]));
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
