//! "History": hashprice month by month since 2016, what each ASIC generation and the
//! scenario's fleet earned per kWh against its cash cost, and the backtest of a fleet like
//! this one bought in `bt`. The words come from `crate::text::history`; the geometry from
//! the line chart's; this file only binds them.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::model::chart::line::LineChart;
use crate::model::error::ModelError;
use crate::model::history::{self as model, evaluate_history, History};
use crate::model::link::share_link::plain;
use crate::model::view::Section;
use crate::model::Projection;
use crate::model::{to_query, Scenario};
use crate::model::{InvalidKeys, MetricId, Path};
use crate::text::format::{number, usd, usd_tick};
use crate::text::history as words;
use crate::text::reasons::model_error;
use crate::text::time_charts::{end_labels, label_boxes, marked, LineChartView, Series, PLOT};
use crate::text::{n, num, t, tf};
use crate::ui::charts::chart_downloads::ChartDownloads;
use crate::ui::charts::line_chart_svg::LineChartSvg;
use crate::ui::fields::backtest_fields::BacktestFields;
use crate::ui::hooks::state::{MetricsCtx, ProjectionCtx, ScenarioCtx, SettledCtx};
use crate::ui::web;

type Figure = Result<Decimal, ModelError>;

/// One line: its class (colour), its label and its values by month index.
fn series(key: &'static str, label: String, values: &[Figure]) -> Series {
    Series { key, label, values: values.iter().map(|v| v.ok().map(plain)).collect(), side: None }
}

fn floats(series: &[Series], scale: f64) -> Vec<Vec<Option<f64>>> {
    let read = |v: &Option<String>| v.as_deref().and_then(|t| t.parse::<Decimal>().ok()?.to_f64()).map(|v| v / scale);
    series.iter().map(|s| s.values.iter().map(read).collect()).collect()
}

/// Geometry, labels and words of a chart of `series` over months `0 ..= horizon`.
fn chart(
    id: &'static str,
    title: String,
    subtitle: &str,
    series: Vec<Series>,
    scale: f64,
    marks: Vec<(u32, String)>,
    cap: Option<f64>,
) -> LineChartView {
    let mut values = floats(&series, scale);
    if let Some(cap) = cap {
        values.iter_mut().flatten().flatten().for_each(|v| *v = v.min(cap));
    }
    let refs: Vec<&[Option<f64>]> = values.iter().map(Vec::as_slice).collect();
    let horizon = values.iter().map(|v| v.len()).max().unwrap_or(1).saturating_sub(1).max(1) as u32;
    let geometry = LineChart::new(&refs, horizon, PLOT);
    let dp = geometry.y_decimals;
    let y_labels = geometry
        .y_ticks
        .iter()
        .map(|t| (t.at, if scale > 1.0 { number(t.value, dp) } else { usd_tick(t.value, dp) }))
        .collect();
    let end_labels = end_labels(&geometry, &series);
    let markers = marked(&geometry, marks, &label_boxes(&end_labels, &series, &[]));
    LineChartView {
        id,
        title,
        subtitle: subtitle.to_string(),
        outlook: Vec::new(),
        source: String::new(),
        x_labels: Vec::new(),
        y_labels,
        markers,
        bands: Vec::new(),
        end_labels,
        series,
        geometry,
    }
}

/// Januaries labelled by year, on a chart whose month 0 is the data's first.
fn with_years(mut view: LineChartView, source: &str) -> LineChartView {
    let ticks = view.geometry.time_ticks(model::first_month());
    view.x_labels = ticks.ticks.iter().map(|t| (t.x, num(&t.date.year().to_string()))).collect();
    view.source = source.to_string();
    view
}

fn hashprice_chart(history: &History, today: Figure, source: &str) -> LineChartView {
    let hp: Vec<Figure> = history.months.iter().map(|m| m.hashprice).collect();
    // One network line, named by the title: no label at its end to crowd a phone's width.
    let mut lines = vec![series("hashprice", String::new(), &hp)];
    if let Ok(now) = today {
        lines.push(series("reference", words::scenario_hashprice_label(now), &vec![Ok(now); hp.len()]));
    }
    let month = |i: u32| model::first_month().plus_months(i);
    let mut marks: Vec<(u32, String)> =
        model::halvings().into_iter().map(|i| (i, words::halving_label(month(i)))).collect();
    let low = model::all_time_low().map(|(i, h)| (i, (month(i), h)));
    let title = match (low, history.months.last()) {
        (Some((_, low)), Some(last)) => {
            words::hashprice_title(model::first_month(), (last.month, last.hashprice.unwrap_or(low.1)), low)
        }
        _ => t("Hashprice").to_string(),
    };
    if let Some((i, low)) = low {
        marks.push((i, words::low_label(low)));
    }
    with_years(chart("hashprice-chart", title, words::hashprice_subtitle(), lines, 1.0, marks, None), source)
}

fn revenue_chart(scenario: &Scenario, invalid: InvalidKeys, history: &History, source: &str) -> LineChartView {
    let mut lines: Vec<Series> = ["s9", "s19", "s21"]
        .into_iter()
        .zip(model::GENERATIONS)
        .map(|(key, (name, eff))| series(key, name.to_string(), &model::revenue_at(scenario, invalid, eff)))
        .collect();
    let fleet: Vec<Figure> = history.months.iter().map(|m| m.revenue).collect();
    lines.push(series("mining", words::fleet_label().to_string(), &fleet));
    let cash = scenario.kwh().get().checked_add(scenario.opx().get()).ok_or(ModelError::Overflow);
    lines.push(series("cash", words::cash_label().to_string(), &vec![cash; fleet.len()]));
    let months: Vec<_> = history.months.iter().map(|m| m.month).collect();
    let fleet_values: Vec<Option<Decimal>> = fleet.iter().map(|f| f.ok()).collect();
    let title = match cash {
        Ok(cash) => words::revenue_title(&months, &fleet_values, cash),
        Err(_) => t("Mining revenue per kWh").to_string(),
    };
    // The peaks of 2017 and 2021 would flatten the rest: the axis stops at eight times the
    // cash cost (the points keep their exact values).
    let cap = cash.ok().filter(|c| !c.is_zero()).and_then(|c| c.checked_mul(Decimal::from(8)));
    let generations: Vec<String> = model::GENERATIONS.iter().map(|(n, e)| words::generation_label(n, *e)).collect();
    let subtitle = cap.map_or_else(|| t("Mining revenue per kWh").to_string(), words::revenue_subtitle);
    let subtitle = [subtitle, generations.join(", ")].join(". ");
    with_years(chart("revenue-chart", title, &subtitle, lines, 1.0, Vec::new(), cap.and_then(|c| c.to_f64())), source)
}

fn backtest_chart(history: &History, projection: &Projection, source: &str) -> LineChartView {
    let b = &history.backtest;
    let projected: Vec<Figure> = projection.points().iter().take(b.cum.len()).map(|p| p.cum(Path::Mining)).collect();
    let lines = vec![
        series("mining", words::backtest_label(b.start), &b.cum),
        series("projected", words::projection_label().to_string(), &projected),
    ];
    let marks = b.payback_months().ok().and_then(|k| k.to_u32()).map(|k| (k, words::paid_back_label().to_string()));
    let mut view = chart(
        "backtest-chart",
        words::backtest_title(b),
        words::backtest_subtitle(),
        lines,
        1e6,
        marks.into_iter().collect(),
        None,
    );
    let ticks = crate::model::chart::time::month_ticks(view.geometry.horizon);
    view.x_labels = ticks.into_iter().map(|k| (view.geometry.month_x(k), words::months_after(k))).collect();
    view.source = source.to_string();
    view
}

/// `text` with each of `ltr` in it set apart as a left-to-right run (`<bdi dir="ltr">`).
fn isolated(text: &str, ltr: &[&str]) -> Vec<AnyView> {
    words::ltr_runs(text, ltr)
        .into_iter()
        .map(|(run, is_ltr)| match is_ltr {
            true => view! { <bdi dir="ltr">{run.to_string()}</bdi> }.into_any(),
            false => run.to_string().into_any(),
        })
        .collect()
}

/// A backtest figure with its `data-metric`, or "—" with why it has none.
fn figure(key: &'static str, value: Figure, text: impl Fn(Decimal) -> String) -> impl IntoView {
    let reason = value.err().map(|e| model_error(&e));
    let shown = value.map_or_else(|_| "—".to_string(), &text);
    view! {
        <span class="metric" data-metric=key data-value=value.map(plain).unwrap_or_default() data-reason=reason.clone() title=reason>{shown}</span>
    }
}

/// The history section: the finding, three charts, each with the data's attribution, and
/// the downloads.
#[component]
pub fn HistorySection() -> impl IntoView {
    let SettledCtx(settled) = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let MetricsCtx(metrics) = expect_context();
    let ProjectionCtx(projection) = expect_context();
    let editable = scenario.with_untracked(|s| s.view.edit);
    let history = Memo::new(move |_| settled.with(|(s, invalid)| evaluate_history(s, *invalid)));
    let source = Memo::new(move |_| {
        let link = crate::text::chart_file::isolate_ltr(&["?", &settled.with(|(s, _)| to_query(s))].concat());
        tf("{source}; kWhich, scenario {link}", &[("source", words::attribution()), ("link", &link)])
    });
    let today = Memo::new(move |_| metrics.with(|m| m.get(MetricId::HashpriceUsdPerPhDay)));
    let hashprice = Memo::new(move |_| history.with(|h| source.with(|s| hashprice_chart(h, today.get(), s))));
    let revenue =
        Memo::new(move |_| settled.with(|(sc, inv)| history.with(|h| source.with(|s| revenue_chart(sc, *inv, h, s)))));
    let backtest = Memo::new(move |_| history.with(|h| projection.with(|p| source.with(|s| backtest_chart(h, p, s)))));
    let answer = move || {
        history.with(|h| {
            let b = &h.backtest;
            let months = b.months.map(Decimal::from);
            view! {
                <p class="answer">{words::finding(b)}</p>
                <p>
                    {t("Months replayed")}": "{figure("backtest_months", months, |m| number(m, 0))}<br/>
                    {t("Cash per MW at the end")}": "{figure("backtest_cash_usd_per_mw", b.cash(), |v| usd(v, 0))}<br/>
                    {t("Payback month")}": "{figure("backtest_payback_months", b.payback_months(), |m| number(m, 0))}
                </p>
            }
        })
    };
    // The generations' names and efficiencies, written left to right inside an Arabic
    // subtitle: isolated, as the data's name in the attribution.
    let generations: Vec<String> = model::GENERATIONS.iter().map(|(n, e)| words::generation_label(n, *e)).collect();
    let figure_of = move |view: Memo<LineChartView>| {
        let generations = generations.clone();
        let subtitle = move || {
            let runs: Vec<&str> = generations.iter().map(String::as_str).collect();
            view.with(|v| isolated(&v.subtitle, &runs))
        };
        view! {
            <figure class="chart wide">
                <figcaption class="chart-caption">
                    <strong>{move || view.with(|v| v.title.clone())}</strong>" "
                    <span>{subtitle}</span>
                </figcaption>
                <LineChartSvg view=view/>
                <p class="attribution" data-attribution="">{isolated(words::attribution(), &[words::DATA_NAME])}</p>
            </figure>
        }
    };
    let download_csv = move |_| {
        scenario.with_untracked(|s| {
            let h = evaluate_history(s, InvalidKeys::default());
            let name = ["kwhich-history-", &to_query(s).replace(['&', '='], "_"), ".csv"].concat();
            web::download(&name, "text/csv", &model::csv::report(s, &h));
        })
    };
    view! {
        <section class="card history" aria-labelledby="history-title" data-section=Section::History.name()>
            <h2 id="history-title">{t("History")}</h2>
            {answer}
            {figure_of(hashprice)}
            {figure_of(revenue)}
            <BacktestFields editable=editable/>
            {figure_of(backtest)}
            <div class="downloads" role="group" aria-label=t("Downloads")>
                <button type="button" on:click=download_csv>{t("History (CSV)")}</button>
                <ChartDownloads id="hashprice-chart" svg_label=n!("Hashprice chart (SVG)")/>
                <ChartDownloads id="revenue-chart" svg_label=n!("Revenue chart (SVG)")/>
                <ChartDownloads id="backtest-chart" svg_label=n!("Backtest chart (SVG)")/>
            </div>
        </section>
    }
}
