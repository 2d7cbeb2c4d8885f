//! The answer at the top of "What a kWh earns": what each path brings in per kWh and what
//! it keeps ([`headline`], on the first screen), then whether it earns back its capital over
//! its life and, where the decision map and the NPV table name different winners, why
//! ([`over_life`], once the time model is there).

use rust_decimal::Decimal;

use super::format::{metric_cell_text, metric_text, usd};
use super::paths::path_name;
use super::time_charts::payback_why;
use super::{fill, num, t, tf};
use crate::model::analysis::decision_map::winner;
use crate::model::error::ModelError;
use crate::model::fields::Key;
use crate::model::link::share_link::plain;
use crate::model::site::Own;
use crate::model::Scenario;
use crate::model::{MetricId as M, Metrics, Path};

/// The headline's first sentences for `metrics`: the revenue multiples say what each AI
/// path brings in (colocation's revenue includes the power its tenant pays through at
/// cost); the margins say what each path keeps.
pub fn headline(metrics: &Metrics) -> String {
    let (Ok(colo), Ok(gpu)) = (metrics.get(M::ColoVsMiningRevenueMultiple), metrics.get(M::GpuVsMiningRevenueMultiple))
    else {
        return t("Some figures need valid inputs before the paths can be compared.").to_string();
    };
    let kept = |path: Path| metrics.get(path.margin()).map_or_else(|_| "—".to_string(), |m| usd(m, 3));
    tf(
        "Per kWh, AI colocation brings in {colo} mining's revenue (counting the power its tenant pays through at cost) and GPU cloud {gpu}. After power and other cash costs each keeps, per kWh: mining {mining}, colocation {colo_kept}, GPU cloud {gpu_kept}.",
        &[
            ("colo", &metric_text(M::ColoVsMiningRevenueMultiple, colo)),
            ("gpu", &metric_text(M::GpuVsMiningRevenueMultiple, gpu)),
            ("mining", &kept(Path::Mining)),
            ("colo_kept", &kept(Path::Colo)),
            ("gpu_kept", &kept(Path::Gpu)),
        ],
    )
}

/// The per-kWh chart's title, its finding: what mining brings in per kWh and how many
/// times that each AI path does ("Mining brings in $0.077 per kWh; AI colocation 2.6×, GPU
/// cloud 11.0×"); what the chart shows when a figure needs valid inputs.
pub fn per_kwh_title(metrics: &Metrics) -> String {
    let figures = (
        metrics.get(M::MiningRevenueUsdPerKwh),
        metrics.get(M::ColoVsMiningRevenueMultiple),
        metrics.get(M::GpuVsMiningRevenueMultiple),
    );
    let (Ok(mining), Ok(colo), Ok(gpu)) = figures else {
        return t("Revenue and margin per kWh for mining, AI colocation and GPU cloud").to_string();
    };
    tf(
        "Mining brings in {mining} per kWh; AI colocation {colo}, GPU cloud {gpu}",
        &[
            ("mining", &usd(mining, 3)),
            ("colo", &metric_text(M::ColoVsMiningRevenueMultiple, colo)),
            ("gpu", &metric_text(M::GpuVsMiningRevenueMultiple, gpu)),
        ],
    )
}

/// What the figures over each life add to a first-screen card: below the answer
/// (`answer`), [`over_life`]; below the per-MW table, why each payback at today's figures
/// is not reached over the life ([`payback_why`]), one line per path.
pub fn over_life_text(scenario: &Scenario, metrics: &Metrics, answer: bool) -> String {
    if answer {
        return over_life(scenario, metrics);
    }
    let lines: Vec<String> = Path::ALL.into_iter().filter_map(|p| payback_why(scenario, metrics, p)).collect();
    lines.join(" ")
}

/// What the figures over each life add to the headline: which paths earn back their
/// capital, and why the map and the NPV table disagree when they do; empty while a payback
/// is not known.
pub fn over_life(scenario: &Scenario, metrics: &Metrics) -> String {
    let own = scenario.own();
    let sentences: Vec<String> =
        [capital(own, metrics), disagreement(scenario, metrics)].into_iter().flatten().collect();
    match (sentences.is_empty(), owned(own)) {
        (false, Some(owned)) => [owned, &sentences.join(" ")].join(" "),
        _ => sentences.join(" "),
    }
}

/// What an owner's figures leave out (`own`), before what they say: the capital each path
/// counts; `None` for a new build, which counts everything.
pub fn owned(own: Own) -> Option<&'static str> {
    match own {
        Own::None => None,
        Own::Site => Some(t(
            "Your site is paid for, so no path counts it: mining's capital is its ASICs, the AI paths' the hall beyond the site (and GPU cloud's GPUs).",
        )),
        Own::Fleet => Some(t(
            "Your site and fleet are paid for: mining counts no capital and earns for the fleet's remaining life; the AI paths count the hall beyond the site (and GPU cloud's GPUs).",
        )),
    }
}

/// Which paths earn back their capital over their own lives; `None` while a payback is not
/// known (the projection is loading, or an input is invalid). With the fleet owned, mining
/// spends nothing to earn back: the AI paths alone.
fn capital(own: Own, metrics: &Metrics) -> Option<String> {
    let mut paying = Vec::new();
    let mut not = Vec::new();
    let paths: &[Path] = if own == Own::Fleet { &[Path::Colo, Path::Gpu] } else { &Path::ALL };
    for path in paths.iter().copied() {
        match metrics.get(path.payback_months()) {
            Ok(_) => paying.push(path_name(path)),
            Err(ModelError::NeverPaysBack) => not.push(path_name(path)),
            Err(_) => return None,
        }
    }
    Some(match (paying.as_slice(), not.as_slice(), own == Own::Fleet) {
        ([], _, true) => t("Over their lives, neither AI path earns back its capital.").to_string(),
        ([_, _], [], true) => t("Over their lives, both AI paths earn back their capital.").to_string(),
        ([], _, false) => t("Over its life, no path earns back its capital.").to_string(),
        ([one], _, _) => tf("Over its life, only {one} earns back its capital.", &[("one", one)]),
        ([a, b], [c, ..], _) => {
            tf("Over their lives, {a} and {b} earn back their capital; {c} does not.", &[("a", a), ("b", b), ("c", c)])
        }
        _ => t("Over their lives, all three earn back their capital.").to_string(),
    })
}

/// The path with the highest NPV per MW (the first of equals, mining first as on the map).
fn npv_winner(metrics: &Metrics) -> Result<Path, ModelError> {
    let mut best: Option<(Path, Decimal)> = None;
    for path in Path::ALL {
        let npv = metrics.get(path.npv())?;
        if best.is_none_or(|(_, b)| npv > b) {
            best = Some((path, npv));
        }
    }
    best.map(|(p, _)| p).ok_or(ModelError::NotProjected)
}

/// Where the decision map (the highest all-in margin per kWh today) and the NPV table (per
/// MW of capital, discounted) name different paths, why, in one sentence.
pub fn disagreement(scenario: &Scenario, metrics: &Metrics) -> Option<String> {
    let (map, _) = winner(metrics).ok()?;
    let npv = npv_winner(metrics).ok()?;
    if map == npv {
        return None;
    }
    let capex =
        |path: Path| metrics.get(path.capex()).map_or_else(|_| "—".to_string(), |c| metric_cell_text(path.capex(), c));
    let dr = scenario.get(Key::Dr).map(|d| num(&plain(d))).unwrap_or_default();
    // What the all-in margin spreads follows what the reader owns.
    let template = match scenario.own() {
        Own::None => t(
            "The map names {map}, for its all-in margin per kWh today (fleet and site, the capital spread evenly over its life); the NPV table names {npv}, because it counts each MW's capital up front ({map} {map_capex}, {npv} {npv_capex}) and discounts the projected cash at {dr} % a year.",
        ),
        Own::Site => t(
            "The map names {map}, for its all-in margin per kWh today (the capital beyond your site spread evenly over its life); the NPV table names {npv}, because it counts each MW's capital up front ({map} {map_capex}, {npv} {npv_capex}) and discounts the projected cash at {dr} % a year.",
        ),
        Own::Fleet => t(
            "The map names {map}, for its all-in margin per kWh today (no capital for your fleet; the AI paths' capital beyond your site spread evenly over its life); the NPV table names {npv}, because it counts each MW's capital up front ({map} {map_capex}, {npv} {npv_capex}) and discounts the projected cash at {dr} % a year.",
        ),
    };
    Some(fill(
        template,
        &[
            ("map", path_name(map)),
            ("npv", path_name(npv)),
            ("map_capex", &capex(map)),
            ("npv_capex", &capex(npv)),
            ("dr", &dr),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{evaluate, from_query};
    use crate::model::{evaluate_static, InvalidKeys};

    #[test]
    fn it_says_what_each_path_brings_in_keeps_and_earns_back() {
        let (scenario, _) = from_query("?v=1");
        let metrics = evaluate(&scenario);
        assert_eq!(
            headline(&metrics),
            "Per kWh, AI colocation brings in 2.6× mining's revenue (counting the power its tenant pays through at \
cost) and GPU cloud 11.0×. After power and other cash costs each keeps, per kWh: mining $0.022, colocation $0.143, \
GPU cloud $0.663."
        );
        assert_eq!(
            over_life(&scenario, &metrics),
            "Over its life, only AI colocation earns back its capital. The map names AI colocation, for its \
all-in margin per kWh today (fleet and site, the capital spread evenly over its life); the NPV table names Bitcoin mining, \
because it counts each MW's capital up front (AI colocation $10.00M, Bitcoin mining $1.26M) and discounts the \
projected cash at 12 % a year."
        );
    }

    #[test]
    fn it_says_what_each_owner_counts() {
        // A new build counts everything and says nothing more.
        let (scenario, _) = from_query("?v=1");
        let text = over_life(&scenario, &evaluate(&scenario));
        assert!(text.starts_with("Over its life, only AI colocation earns back its capital."), "{text}");
        assert!(text.contains("(fleet and site, the capital spread evenly over its life)"), "{text}");
        // The site owned: said first, and the map's all-in margin spreads no site.
        let (scenario, _) = from_query("?v=1&own=site");
        let text = over_life(&scenario, &evaluate(&scenario));
        assert!(text.starts_with("Your site is paid for, so no path counts it: "), "{text}");
        assert!(text.contains("(the capital beyond your site spread evenly over its life)"), "{text}");
        assert!(!text.contains("fleet and site"), "{text}");
        // Site and fleet owned: mining spends nothing, so only the AI paths earn back.
        let (scenario, _) = from_query("?v=1&own=fleet");
        let metrics = evaluate(&scenario);
        let text = over_life(&scenario, &metrics);
        assert!(text.starts_with("Your site and fleet are paid for: mining counts no capital"), "{text}");
        assert!(text.contains(" Over its life, only AI colocation earns back its capital."), "{text}");
        assert!(!text.contains("Bitcoin mining earn"), "{text}");
        assert_eq!(
            capital(Own::Fleet, &evaluate(&from_query("?v=1&own=fleet&colo=20").0)).as_deref(),
            Some("Over their lives, neither AI path earns back its capital.")
        );
        let cheap = from_query("?v=1&own=fleet&kwh=0.02&dg=0&pg=20&gd=0&gph=3").0;
        assert_eq!(
            capital(Own::Fleet, &evaluate(&cheap)).as_deref(),
            Some("Over their lives, both AI paths earn back their capital.")
        );
        assert!(text.contains("(no capital for your fleet; the AI paths' capital beyond your site spread"), "{text}");
        assert!(text.contains("(AI colocation $9.50M, Bitcoin mining $0)"), "{text}");
        // Nothing known yet: nothing said, the owner's sentence neither.
        assert_eq!(over_life(&scenario, &evaluate_static(&scenario, InvalidKeys::default())), "");
        assert_eq!(owned(Own::None), None);
    }

    #[test]
    fn the_per_kwh_chart_states_its_finding() {
        let (scenario, _) = from_query("?v=1");
        let metrics = evaluate_static(&scenario, InvalidKeys::default());
        assert_eq!(per_kwh_title(&metrics), "Mining brings in $0.077 per kWh; AI colocation 2.6×, GPU cloud 11.0×");
        // An invalid bitcoin price: no multiple, so the chart says what it shows.
        let metrics = evaluate_static(&scenario, InvalidKeys::default().with(Key::Btc));
        assert_eq!(per_kwh_title(&metrics), "Revenue and margin per kWh for mining, AI colocation and GPU cloud");
    }

    #[test]
    fn it_leaves_out_what_it_cannot_know_yet() {
        // Today's figures only (the time model still loading): no word on capital or NPV.
        let (scenario, _) = from_query("?v=1");
        let today = evaluate_static(&scenario, InvalidKeys::default());
        assert_eq!(over_life(&scenario, &today), "");
        assert_eq!(over_life_text(&scenario, &today, false), "");
        // Below the per-MW table: one line per path whose payback is not reached.
        let metrics = evaluate(&scenario);
        let lines = over_life_text(&scenario, &metrics, false);
        assert!(lines.starts_with("Bitcoin mining: today's margin would take 6.7 years"), "{lines}");
        assert!(lines.contains(" GPU cloud: today's margin would take 5.6 years"), "{lines}");
        // The bitcoin price being edited: no multiple to state.
        let none = headline(&evaluate_static(&scenario, InvalidKeys::default().with(Key::Btc)));
        assert_eq!(none, "Some figures need valid inputs before the paths can be compared.");
    }

    #[test]
    fn it_names_every_path_that_earns_back_its_capital_and_agrees_when_the_winners_do() {
        // Cheap power and a rising bitcoin: every path pays back.
        let cases = [
            ("?v=1&kwh=0.02&dg=0&pg=20&gd=0&gph=3", "Over their lives, all three earn back their capital."),
            (
                "?v=1&kwh=0.02&dg=0&pg=20",
                "Over their lives, Bitcoin mining and AI colocation earn back their capital; GPU cloud does not.",
            ),
            ("?v=1&colo=20", "Over its life, no path earns back its capital."),
        ];
        for (link, want) in cases {
            let (scenario, _) = from_query(link);
            let metrics = evaluate(&scenario);
            assert_eq!(capital(Own::None, &metrics).as_deref(), Some(want), "{link}");
        }
        // Where the map and the NPV table agree (mining loses least on both) there is nothing
        // to explain.
        let (scenario, _) = from_query("?v=1&colo=20");
        let metrics = evaluate(&scenario);
        assert_eq!(winner(&metrics).map(|w| w.0), Ok(Path::Mining));
        assert_eq!(npv_winner(&metrics), Ok(Path::Mining));
        assert_eq!(disagreement(&scenario, &metrics), None);
        // GPU cloud leads the map on cheap power, mining the NPV table: the sentence says why.
        let (scenario, _) = from_query("?v=1&kwh=0.02&dg=0&pg=20&gd=0&gph=3&dr=15");
        let why = disagreement(&scenario, &evaluate(&scenario)).unwrap_or_default();
        assert!(why.starts_with("The map names GPU cloud, "), "{why}");
        assert!(why.contains("the NPV table names Bitcoin mining, "), "{why}");
        assert!(why.ends_with("at 15 % a year."), "{why}");
    }
}
