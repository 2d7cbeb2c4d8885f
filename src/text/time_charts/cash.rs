//! The cash chart: each path's cumulative cash per MW over its own life (the J-curve), its
//! payback, life ends and the AI conversion marked, and a plan's line beside the paths'.

use super::*;

/// The month a path pays back in over its life, if it does. A path that spends no capital
/// (mining with the fleet owned) has nothing to pay back: `None`, not month 0.
fn payback_month(metrics: &Metrics, path: Path) -> Option<u32> {
    if !spends_capital(metrics, path) {
        return None;
    }
    metrics.get(path.payback_months()).ok()?.to_u32()
}

/// Does the path spend capital (its capex per MW not 0, or not known)?
pub(super) fn spends_capital(metrics: &Metrics, path: Path) -> bool {
    !metrics.get(path.capex()).is_ok_and(|c| c.is_zero())
}

/// The plan's line, `ai` % of the site to the AI path `aip` and the rest mining, month by
/// month as the model weighs it ([`site::plan_cum`]); `None` without a plan (`ai=0`).
fn plan_series(scenario: &Scenario, points: &[ProjectionPoint], scale: Decimal) -> Option<(Series, Vec<Option<f64>>)> {
    if !site::plan_set(scenario) {
        return None;
    }
    let values: Vec<Option<Decimal>> = points.iter().map(|p| site::plan_cum(scenario, p).ok()).collect();
    let plotted = values.iter().map(|v| v.and_then(|v| v.checked_div(scale)?.to_f64())).collect();
    let label = tf("Plan {n} %", &[("n", &num(&plain(scenario.ai().get())))]);
    let texts = values.into_iter().map(|v| v.map(plain)).collect();
    Some((Series { key: "plan", label, values: texts, side: None }, plotted))
}

/// What the plan's line is, after the cash chart's subtitle: "Plan 40 %: 40 % of the site to
/// GPU cloud, 60 % mining".
fn plan_subtitle(scenario: &Scenario, subtitle: &str) -> String {
    let ai = scenario.ai().get();
    let rest = Decimal::ONE_HUNDRED.checked_sub(ai).unwrap_or_default();
    tf(
        "{subtitle}; Plan {n} %: {n} % of the site to {path}, {rest} % mining",
        &[
            ("subtitle", subtitle),
            ("n", &num(&plain(ai))),
            ("path", path_name(site::ai_path(scenario.aip()))),
            ("rest", &num(&plain(rest))),
        ],
    )
}

/// Cumulative cash per MW of each path over its own life: the J-curve, with payback, the
/// end of each life and the AI conversion marked; with a plan (`ai` above 0), the plan's
/// line beside the paths'.
pub fn cash_chart(scenario: &Scenario, projection: &Projection, metrics: &Metrics) -> LineChartView {
    cash_chart_with(scenario, projection, metrics, true)
}

/// The cash chart of the three paths alone, without the plan's line (a comparison's sides).
pub fn paths_cash_chart(scenario: &Scenario, projection: &Projection, metrics: &Metrics) -> LineChartView {
    cash_chart_with(scenario, projection, metrics, false)
}

fn cash_chart_with(scenario: &Scenario, projection: &Projection, metrics: &Metrics, plan: bool) -> LineChartView {
    let points = projection.shown();
    let horizon = horizon_of(points);
    // Plotted in millions of dollars so the ticks read $-4M … $6M; data-value stays exact.
    let scale = Decimal::from(1_000_000);
    let (mut series, mut values) = series_of(points, scale, |p, path| p.cum(path).ok());
    let plan = plan.then(|| plan_series(scenario, points, scale)).flatten();
    let planned = plan.is_some();
    if let Some((s, v)) = plan {
        series.push(s);
        values.push(v);
    }
    let refs: Vec<&[Option<f64>]> = values.iter().map(Vec::as_slice).collect();
    let geometry = LineChart::new(&refs, horizon, PLOT);
    let mut events: Vec<(u32, String)> = Vec::new();
    for path in Path::ALL {
        let (pays_back, life_ends) = match path {
            Path::Mining => (t("Mining pays back"), t("Mining life ends")),
            Path::Colo => (t("Colocation pays back"), t("Colocation life ends")),
            Path::Gpu => (t("GPU pays back"), t("GPU life ends")),
        };
        if let Some(m) = payback_month(metrics, path) {
            events.push((m, pays_back.to_string()));
        }
        if let Ok(end) = projection.life_end(path) {
            events.push((end, life_ends.to_string()));
        }
    }
    let bands: Vec<(Rect, String)> = projection
        .idle_months(Path::Colo)
        .ok()
        .and_then(|conv| geometry.band(0, conv))
        .map(|r| (r, t("AI conversion").to_string()))
        .into_iter()
        .collect();
    let y_labels = geometry.y_ticks.iter().map(|t| (t.at, millions_tick(t.value, geometry.y_decimals))).collect();
    let end_labels = end_labels(&geometry, &series);
    let markers = marked(&geometry, events, &label_boxes(&end_labels, &series, &bands));
    let paying: Vec<String> = Path::ALL
        .into_iter()
        .filter_map(|p| {
            let month = payback_month(metrics, p)?;
            Some(tf("{path} ({date})", &[("path", path_name(p)), ("date", &month_label(month))]))
        })
        .collect();
    // The ticks are in millions without a unit outside English: the subtitle says so.
    let subtitle = match lang() {
        Lang::En => t("USD per MW of facility power, after the capex at month 0; each path over its own life"),
        _ => t("Millions of USD per MW of facility power, after the capex at month 0; each path over its own life"),
    };
    // With a path that spends nothing, the others are not "only" what pays back.
    let all_spend = Path::ALL.into_iter().all(|p| spends_capital(metrics, p));
    let title = match paying.as_slice() {
        [] if all_spend => t("No path pays back within its life").to_string(),
        [] => t("No path that spends capital pays back within its life").to_string(),
        [one] if all_spend => tf("Only {one} pays back within its life", &[("one", one)]),
        [one] => tf("{one} pays back within its life", &[("one", one)]),
        [a, b] => tf("{a} and {b} pay back within their lives", &[("a", a), ("b", b)]),
        [a, b, c, ..] => tf("{a} and {b} and {c} pay back within their lives", &[("a", a), ("b", b), ("c", c)]),
    };
    LineChartView {
        id: "cash-chart",
        title,
        subtitle: if planned { plan_subtitle(scenario, subtitle) } else { subtitle.to_string() },
        outlook: outlook(scenario, horizon, true),
        source: source_line(scenario),
        x_labels: date_labels(&geometry),
        y_labels,
        markers,
        bands,
        end_labels,
        series,
        geometry,
    }
}
