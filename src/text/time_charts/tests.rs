//! The Time charts' words and figures: the outlook each chart assumes, the plotted figures and
//! when (and why not) each path pays back.

use super::*;
use crate::model::from_query;
use crate::model::{evaluate_over_time, Evaluation, MetricId as M};

fn of(link: &str) -> (Scenario, Metrics, Projection) {
    let (scenario, _) = from_query(link);
    let Evaluation { metrics, projection } = evaluate_over_time(&scenario, Default::default());
    (scenario, metrics, projection)
}

#[test]
fn it_states_the_outlook_each_chart_assumes_with_its_input() {
    let (scenario, _, projection) = of("?v=1");
    let margin = margin_chart(&scenario, &projection);
    let parts: Vec<(Key, &str)> = margin.outlook.iter().map(|a| (a.key, a.text.as_str())).collect();
    assert_eq!(
        parts,
        [
            (Key::Dg, "difficulty +2 %/month"),
            (Key::Pg, "bitcoin flat"),
            (Key::Blk, "halving Apr 2028"),
            (Key::Gd, "GPU rent −15 %/year"),
            (Key::Ce, "lease +2 %/year"),
        ]
    );
    assert_eq!(
        margin.outlook_text(),
        "Outlook: difficulty +2 %/month, bitcoin flat, halving Apr 2028, GPU rent −15 %/year, lease +2 %/year"
    );
    // The cash chart adds the months the AI paths wait.
    let (scenario, metrics, projection) = of("?v=1&dg=0&pg=-10.5&blk=1100000&mo=12&conv=3");
    let cash = cash_chart(&scenario, &projection, &metrics);
    let texts: Vec<&str> = cash.outlook.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(texts[..3], ["difficulty flat", "bitcoin −10.5 %/year", "no halving before Nov 2026"]);
    assert_eq!(cash.outlook.last(), Some(&Assumption { key: Key::Conv, text: "AI conversion 3 months".into() }));
}

#[test]
fn it_plots_the_exact_figures_it_labels() {
    let (scenario, metrics, projection) = of("?v=1");
    let cash = cash_chart(&scenario, &projection, &metrics);
    let mining = &cash.series[0];
    assert_eq!(mining.key, Path::Mining.name());
    assert_eq!(mining.values[0].as_deref(), Some("-1261904.7619047619047619047619"));
    // Plotted in millions straight from the decimal, never through its text.
    let first = cash.geometry.lines[0].points[0].as_ref().map(|p| p.y);
    assert!(first.is_some_and(|y| y > cash.geometry.zero_y), "capex below zero: {first:?}");
    assert_eq!(cash.title, "Only AI colocation (Jan 2034) pays back within its life");
    let labels: Vec<&str> = cash.markers.iter().map(|(_, l)| l.as_str()).collect();
    assert!(labels.contains(&"Colocation pays back"), "{labels:?}");
    let margin = margin_chart(&scenario, &projection);
    assert!(margin.markers.iter().any(|(_, l)| l == "Halving, Apr 2028"));
    assert_eq!(snapshot_date(), "22 Nov 2025");
    assert_eq!(snapshot_date(), day_label(SNAPSHOT_MONTH, 22));
    assert!(margin.title.starts_with("Mining's margin per kWh turns negative in "), "{}", margin.title);
    assert!(margin.source.starts_with("Source: kWhich, network snapshot "));
    // The link reads left to right inside an Arabic line.
    assert!(margin.source.ends_with("scenario \u{2066}?v=1\u{2069}"), "{:?}", margin.source);
}

#[test]
fn it_says_when_each_path_pays_back() {
    let (scenario, metrics, _) = of("?v=1");
    assert_eq!(payback_text(&metrics, Path::Colo), "month 98, Jan 2034");
    assert_eq!(payback_text(&metrics, Path::Mining), "not within its life");
    let today = crate::model::evaluate_static(&scenario, Default::default());
    assert_eq!(payback_text(&today, Path::Colo), "—");
    assert_eq!(
        finding(&metrics),
        "Mining does not pay back within its life; AI colocation pays back in month 98 (Jan 2034); GPU cloud \
does not pay back within its life."
    );
    // An owned fleet costs mining nothing: no "month 0" payback.
    let (scenario, metrics, projection) = of("?v=1&own=fleet");
    assert_eq!(metrics.get(Path::Mining.payback_months()), Ok(Decimal::ZERO));
    // Nor on the cash chart: no marker at month 0, and colocation is not "only".
    let cash = cash_chart(&scenario, &projection, &metrics);
    assert!(cash.markers.iter().all(|(_, l)| l != "Mining pays back"), "{:?}", cash.markers);
    assert!(cash.title.starts_with("AI colocation ("), "{}", cash.title);
    assert!(cash.title.ends_with(") pays back within its life"), "{}", cash.title);
    let (s, m, p) = of("?v=1&own=fleet&colo=20");
    assert_eq!(cash_chart(&s, &p, &m).title, "No path that spends capital pays back within its life");
    assert!(finding(&metrics).starts_with("Mining spends no capital to pay back; AI colocation pays back in month "));
}

#[test]
fn it_says_why_a_payback_at_todays_figures_is_not_reached_over_the_life() {
    // Today's margin needs longer than the life.
    let (scenario, metrics, _) = of("?v=1");
    assert_eq!(
        payback_why(&scenario, &metrics, Path::Mining).as_deref(),
        Some("Bitcoin mining: today's margin would take 6.7 years to return the capex, longer than its 4-year life.")
    );
    // Colocation pays back over its life: nothing to explain.
    assert_eq!(payback_why(&scenario, &metrics, Path::Colo), None);
    // Within the life at today's margin, but the difficulty eats the margin first.
    let (scenario, metrics, _) = of("?v=1&kwh=0.02&pg=20");
    let why = payback_why(&scenario, &metrics, Path::Mining);
    assert_eq!(
        why.as_deref(),
        Some(
            "Bitcoin mining: 2.9 years at today's margin, but the outlook lowers the margin month by month and \
its 4-year life ends before the capex is back."
        ),
    );
    // With the difficulty flat it pays back (month 26): nothing to explain.
    let (scenario, metrics, _) = of("?v=1&kwh=0.02&pg=20&dg=0");
    assert_eq!(metrics.get(Path::Mining.payback_months()), Ok(Decimal::from(26)));
    assert_eq!(payback_why(&scenario, &metrics, Path::Mining), None);
}

#[test]
fn it_marks_when_each_model_of_a_mix_switches_off() {
    let (s, _) = crate::model::from_query("kwh=0.03&mix=s19jpro:50,s21:50");
    let chart = margin_chart(&s, &crate::model::project(&s));
    let labels: Vec<&str> = chart.markers.iter().map(|(_, l)| l.as_str()).collect();
    // The S19j Pro idles from month 15, the S21 from month 30 (the worked table in
    // src/model/economics/site/tests.rs), beside the halving of month 29.
    assert!(labels.contains(&format!("S19j Pro off, {}", month_label(15)).as_str()), "{labels:?}");
    assert!(labels.contains(&format!("S21 off, {}", month_label(30)).as_str()), "{labels:?}");
    // A single model has no such marker.
    let (one, _) = crate::model::from_query("kwh=0.03");
    let chart = margin_chart(&one, &crate::model::project(&one));
    assert!(chart.markers.iter().all(|(_, l)| !l.contains(" off, ")));
}

#[test]
fn it_draws_the_plan_beside_the_paths_on_the_cash_chart() {
    let (scenario, metrics, projection) = of("?v=1&own=site&ai=40&aip=gpu&mo=240");
    let cash = cash_chart(&scenario, &projection, &metrics);
    let keys: Vec<&str> = cash.series.iter().map(|s| s.key).collect();
    assert_eq!(keys, ["mining", "colo", "gpu", "plan"]);
    let plan = &cash.series[3];
    assert_eq!(plan.label, "Plan 40 %");
    assert!(cash.subtitle.ends_with("; Plan 40 %: 40 % of the site to GPU cloud, 60 % mining"), "{}", cash.subtitle);
    // Each month the model's weighing, exactly; plotted and labelled at its end.
    for (point, value) in projection.shown().iter().zip(&plan.values) {
        let want = crate::model::economics::site::plan_cum(&scenario, point).ok().map(plain);
        assert_eq!(value, &want, "month {}", point.month);
    }
    assert_eq!(cash.geometry.lines.len(), 4);
    assert!(cash.end_labels[3].is_some(), "the plan's line is named at its end");
    // At month 240, past every life: the plan's lifetime cash per MW (100 MW).
    let end: Decimal = plan.values[240].as_deref().and_then(|v| v.parse().ok()).unwrap_or_default();
    let lifetime = metrics.get(M::PlanSiteLifetimeCashUsd).unwrap_or_default() / Decimal::ONE_HUNDRED;
    assert!((end - lifetime).abs() < Decimal::new(1, 6), "{end} vs {lifetime}");
    // No plan at ai=0, and none on a comparison's side.
    let (scenario, metrics, projection) = of("?v=1&own=site");
    assert_eq!(cash_chart(&scenario, &projection, &metrics).series.len(), 3);
    let (scenario, metrics, projection) = of("?v=1&ai=40");
    assert_eq!(paths_cash_chart(&scenario, &projection, &metrics).series.len(), 3);
}
