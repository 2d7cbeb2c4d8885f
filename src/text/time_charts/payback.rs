//! When (and why not) each path pays back: the section's headline and each path's payback words.

use super::*;

/// The headline: does each path pay back within its life, and when. A path that spends no
/// capital (mining with the fleet owned) has none to pay back: it says so, not "month 0".
pub fn finding(metrics: &Metrics) -> String {
    let payback = |path: Path| match metrics.get(path.payback_months()) {
        Ok(_) if !super::cash::spends_capital(metrics, path) => t("spends no capital to pay back").to_string(),
        Ok(m) => match m.to_u32() {
            Some(month) => {
                tf("pays back in month {n} ({date})", &[("n", &number(m, 0)), ("date", &month_label(month))])
            }
            None => t("pays back").to_string(),
        },
        Err(_) => t("does not pay back within its life").to_string(),
    };
    let (mining, colo, gpu) = (payback(Path::Mining), payback(Path::Colo), payback(Path::Gpu));
    tf(
        "Mining {mining}; AI colocation {colo}; GPU cloud {gpu}.",
        &[("mining", &mining), ("colo", &colo), ("gpu", &gpu)],
    )
}

/// A path's payback over its life as a table cell reads it: "month 98, Jan 2034", "not
/// within its life", or "—" while the projection is not there.
pub fn payback_text(metrics: &Metrics, path: Path) -> String {
    match metrics.get(path.payback_months()) {
        Ok(m) => match m.to_u32() {
            Some(month) => tf("month {n}, {date}", &[("n", &num(&month.to_string())), ("date", &month_label(month))]),
            None => num(&plain(m)),
        },
        // The time model's chunk is still loading: no figure yet, as any other missing one.
        Err(ModelError::NotProjected) => "—".to_string(),
        Err(_) => t("not within its life").to_string(),
    }
}

/// Why a path that pays back at today's figures does not over its life, in one line, or
/// `None` where the two agree (or a figure is missing): today's margin would need longer
/// than the life, or the outlook lowers the margin before the capex is back.
pub fn payback_why(scenario: &Scenario, metrics: &Metrics, path: Path) -> Option<String> {
    let years = metrics.get(path.payback_years()).ok()?;
    if metrics.get(path.payback_months()) != Err(ModelError::NeverPaysBack) {
        return None;
    }
    let life = scenario.get(match path {
        Path::Mining => Key::Life,
        Path::Colo => Key::Clife,
        Path::Gpu => Key::Glife,
    })?;
    let args = [("path", path_name(path)), ("years", &number(years, 1)), ("life", &num(&plain(life)))];
    Some(if years > life {
        tf(
            "{path}: today's margin would take {years} years to return the capex, longer than its {life}-year life.",
            &args,
        )
    } else {
        tf(
            "{path}: {years} years at today's margin, but the outlook lowers the margin month by month and its {life}-year life ends before the capex is back.",
            &args,
        )
    })
}
