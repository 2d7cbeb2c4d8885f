//! The table of a comparison: every figure of A and of B, B − A and the better side, by the
//! section of the single page that shows it. Written here as HTML text, pure and tested
//! natively, so that the page binds one string instead of a component per cell (which
//! would cost the Wasm several times as much).

use rust_decimal::Decimal;

use super::format::{figure_text_with, metric_cell_text};
use super::reasons::model_error;
use super::{fields, n, t, tf};
use crate::model::fields::Key;
use crate::model::link::comparison::{better_side, difference, Comparison, Link, Side};
use crate::model::link::embed::escape_attr;
use crate::model::link::share_link::{plain, to_query};
use crate::model::view::{Section, Sections};
use crate::model::{MetricId as M, Metrics};

use crate::model::figure::Figure;
type Rows = &'static [(&'static str, M)];

/// The figures compared, by section, each with its name (a unit the cells omit is in the
/// group's title). A metric added later (the time figures) is one more line here.
pub const GROUPS: [(Section, &str, Rows); 5] = [
    (
        Section::Compare,
        n!("What a kWh earns (USD per kWh)"),
        &[
            (n!("Mining revenue"), M::MiningRevenueUsdPerKwh),
            (n!("Mining margin"), M::MiningMarginUsdPerKwh),
            (n!("AI colocation revenue"), M::ColoRevenueUsdPerKwh),
            (n!("AI colocation margin"), M::ColoMarginUsdPerKwh),
            (n!("GPU cloud revenue"), M::GpuRevenueUsdPerKwh),
            (n!("GPU cloud margin"), M::GpuMarginUsdPerKwh),
            (n!("Colocation revenue vs mining"), M::ColoVsMiningRevenueMultiple),
            (n!("GPU cloud revenue vs mining"), M::GpuVsMiningRevenueMultiple),
        ],
    ),
    (
        Section::Btc,
        n!("Cost to mine one BTC"),
        &[
            (n!("Energy"), M::EnergyCostPerBtcUsd),
            (n!("Cash (energy + other)"), M::CashCostPerBtcUsd),
            (n!("All-in, fleet only (ASICs depreciated, no site)"), M::AllinCostPerBtcUsd),
            (n!("Target"), M::TargetCostPerBtcUsd),
            (n!("Highest power price for the target, per kWh"), M::TargetMaxPowerPriceUsdPerKwh),
            (n!("Efficiency needed for the target"), M::TargetRequiredEfficiencyJPerTh),
            (n!("Break-even power price, per kWh"), M::BreakevenPowerPriceUsdPerKwh),
            (n!("Energy per BTC"), M::EnergyKwhPerBtc),
        ],
    ),
    (
        Section::PerMw,
        n!("Per MW of facility power"),
        &[
            (n!("Mining capex"), M::MiningCapexUsdPerMw),
            (n!("AI colocation capex"), M::ColoCapexUsdPerMw),
            (n!("GPU cloud capex"), M::GpuCapexUsdPerMw),
            (n!("Mining margin a year"), M::MiningMarginUsdPerMwYear),
            (n!("AI colocation margin a year"), M::ColoMarginUsdPerMwYear),
            (n!("GPU cloud margin a year"), M::GpuMarginUsdPerMwYear),
            (n!("Mining payback"), M::MiningPaybackYears),
            (n!("AI colocation payback"), M::ColoPaybackYears),
            (n!("GPU cloud payback"), M::GpuPaybackYears),
            (n!("Mining's flexibility a year"), M::MiningFlexibilityUsdPerMwYear),
        ],
    ),
    (
        Section::Network,
        n!("Network"),
        &[
            (n!("Hashprice"), M::HashpriceUsdPerPhDay),
            (n!("Hashprice in bitcoin"), M::HashpriceBtcPerPhDay),
            (n!("Network hashrate"), M::NetworkHashrateEhS),
            (n!("ASIC efficiency"), M::AsicEfficiencyJPerTh),
            (n!("Cash cost per kWh"), M::MiningCashCostUsdPerKwh),
            (n!("Hours mining runs"), M::MiningRunSharePct),
            (n!("Mining's power price when it runs, per kWh"), M::MiningPowerPriceUsdPerKwh),
        ],
    ),
    (
        Section::Time,
        n!("Over time"),
        &[
            (n!("Mining payback, projected (months)"), M::MiningPaybackMonths),
            (n!("AI colocation payback, projected (months)"), M::ColoPaybackMonths),
            (n!("GPU cloud payback, projected (months)"), M::GpuPaybackMonths),
            (n!("Mining cash over its life, per MW"), M::MiningLifetimeCashUsdPerMw),
            (n!("AI colocation cash over its life, per MW"), M::ColoLifetimeCashUsdPerMw),
            (n!("GPU cloud cash over its life, per MW"), M::GpuLifetimeCashUsdPerMw),
            (n!("Mining NPV per MW"), M::MiningNpvUsdPerMw),
            (n!("AI colocation NPV per MW"), M::ColoNpvUsdPerMw),
            (n!("GPU cloud NPV per MW"), M::GpuNpvUsdPerMw),
            (n!("Mining IRR"), M::MiningIrrPct),
            (n!("AI colocation IRR"), M::ColoIrrPct),
            (n!("GPU cloud IRR"), M::GpuIrrPct),
            (n!("Mining all-in margin per kWh (fleet and site)"), M::MiningAllinMarginUsdPerKwh),
            (n!("AI colocation all-in margin per kWh (fleet and site)"), M::ColoAllinMarginUsdPerKwh),
            (n!("GPU cloud all-in margin per kWh (fleet and site)"), M::GpuAllinMarginUsdPerKwh),
            (n!("Mining site capex"), M::MiningSiteCapexUsd),
            (n!("AI colocation site capex"), M::ColoSiteCapexUsd),
            (n!("GPU cloud site capex"), M::GpuSiteCapexUsd),
            (n!("Mining site margin a year"), M::MiningSiteMarginUsdPerYear),
            (n!("AI colocation site margin a year"), M::ColoSiteMarginUsdPerYear),
            (n!("GPU cloud site margin a year"), M::GpuSiteMarginUsdPerYear),
            (n!("Mining site NPV"), M::MiningSiteNpvUsd),
            (n!("AI colocation site NPV"), M::ColoSiteNpvUsd),
            (n!("GPU cloud site NPV"), M::GpuSiteNpvUsd),
            (n!("Mining site cash over its life"), M::MiningSiteLifetimeCashUsd),
            (n!("AI colocation site cash over its life"), M::ColoSiteLifetimeCashUsd),
            (n!("GPU cloud site cash over its life"), M::GpuSiteLifetimeCashUsd),
            (n!("Plan: site capex"), M::PlanSiteCapexUsd),
            (n!("Plan: site margin a year"), M::PlanSiteMarginUsdPerYear),
            (n!("Plan: site NPV"), M::PlanSiteNpvUsd),
            (n!("Plan: site cash over its life"), M::PlanSiteLifetimeCashUsd),
        ],
    ),
];

/// The metrics compared in `sections`, in the table's order.
pub fn compared(sections: Sections) -> impl Iterator<Item = (&'static str, M)> {
    GROUPS.into_iter().filter(move |(s, _, _)| sections.contains(*s)).flat_map(|(_, _, rows)| rows.iter().copied())
}

/// The side whose figure is the best of all sides' (`figures` in side order): with two
/// sides, the better one; with more, the one better than every other, if one is.
pub fn best_side(id: M, figures: &[Figure]) -> Option<Side> {
    match figures {
        [a, b] => better_side(id, *a, *b),
        _ => figures.iter().enumerate().find_map(|(i, fi)| {
            let beats_all =
                figures.iter().enumerate().all(|(j, fj)| i == j || better_side(id, *fi, *fj) == Some(Side::A));
            beats_all.then(|| Side::ALL.get(i).copied()).flatten()
        }),
    }
}

/// How many of the figures in `sections` are best on each side (`metrics` in side order).
pub fn best_counts(sections: Sections, metrics: &[&Metrics]) -> Vec<usize> {
    let mut counts = vec![0; metrics.len()];
    for (_, id) in compared(sections) {
        let figures: Vec<Figure> = metrics.iter().map(|m| m.get(id)).collect();
        if let Some(count) = best_side(id, &figures).and_then(|side| counts.get_mut(side.index())) {
            *count += 1;
        }
    }
    counts
}

/// How many of the figures in `sections` are better on A, and how many on B.
pub fn better_counts(sections: Sections, a: &Metrics, b: &Metrics) -> (usize, usize) {
    compared(sections).fold((0, 0), |(on_a, on_b), (_, id)| match better_side(id, a.get(id), b.get(id)) {
        Some(Side::A) => (on_a + 1, on_b),
        Some(Side::B) => (on_a, on_b + 1),
        _ => (on_a, on_b),
    })
}

/// B − A as the figure reads, signed with `+` or `−`: `+$0.0120`, `−1.3×`; "—" when a side
/// has no figure.
pub fn difference_text(id: M, difference: Figure) -> String {
    match difference {
        Ok(d) if d.is_zero() => metric_cell_text(id, Decimal::ZERO),
        Ok(d) => {
            let text = metric_cell_text(id, d.abs());
            [if d.is_sign_negative() { "−" } else { "+" }, &text].concat()
        }
        Err(_) => "—".to_string(),
    }
}

/// "Electricity price 0.03 USD/kWh; ASIC model s21xp": B's inputs where they differ from
/// A, empty when the sides are equal.
pub fn changes_text(comparison: &Comparison) -> String {
    changes_text_of(comparison, Side::B)
}

/// A side's inputs where they differ from A, as [`changes_text`] words B's.
pub fn changes_text_of(comparison: &Comparison, side: Side) -> String {
    let parts: Vec<String> = comparison
        .changes_of(side)
        .into_iter()
        .map(|(name, value)| {
            let (label, unit) = match (name, Key::from_name(name)) {
                ("asic", _) => (t("ASIC model"), ""),
                ("gpu", _) => (t("GPU model"), ""),
                (_, Some(key)) => (fields::label(key), fields::unit(key)),
                (_, None) => (name, ""),
            };
            // Numbers as the reader writes them; preset ids as the link does.
            let value = match value.parse::<Decimal>() {
                Ok(_) => super::num(&value),
                Err(_) => value,
            };
            match (value.is_empty(), unit.is_empty()) {
                (true, _) => tf("{label} computed", &[("label", label)]),
                (false, true) => [label, " ", &value].concat(),
                (false, false) => [label, " ", &value, " ", unit].concat(),
            }
        })
        .collect();
    parts.join(t("; "))
}

/// Appends `parts` to `out`: one loop instead of a copy inlined at every piece (smaller Wasm).
#[inline(never)]
pub(crate) fn put(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// `<td data-scenario=…>` with the figure in a `data-metric` element carrying its exact
/// value (or its reason), ticked when it is the better one.
fn side_cell(out: &mut String, side: Side, id: M, figure: Figure, better: bool) {
    let (class, tick) = if better { ("\" class=\"better", " ✓") } else { ("", "") };
    let value = figure.map(plain).unwrap_or_default();
    let reason = figure.err().map(|e| escape_attr(&model_error(&e))).unwrap_or_default();
    let text = escape_attr(&figure_text_with(id, figure, metric_cell_text));
    put(out, &["<td data-scenario=\"", side.name(), class, "\"><span class=\"metric\" data-metric=\"", id.key()]);
    put(out, &["\" data-value=\"", &value]);
    if !reason.is_empty() {
        put(out, &["\" data-reason=\"", &reason, "\" title=\"", &reason]);
    }
    put(out, &["\">", &text, "</span>", tick, "</td>"]);
}

/// The last side's letter, for "A to D".
fn last_letter(sides: usize) -> &'static str {
    crate::text::compare_charts::letter(Side::ALL[sides.clamp(1, 4) - 1])
}

/// The card's title: "A and B side by side", or "A to C side by side" with more sides.
pub fn card_title(sides: usize) -> String {
    match sides {
        0..=2 => t("A and B side by side").to_string(),
        n => tf("A to {last} side by side", &[("last", last_letter(n))]),
    }
}

/// What the card shows below its controls, as HTML: which side is better how often, what
/// each side changes, each side's own link (`data-scenario-link`, opening the full page:
/// `page` is its address without a query; in a new tab from an embed), and the table.
/// `metrics` are the sides' own, in order.
pub fn card_html(page: &str, comparison: &Comparison, metrics: &[&Metrics]) -> String {
    let view = *comparison.view();
    let sections = view.sections();
    let sides = comparison.sides();
    let count = sides.len().min(metrics.len());
    let mut out = String::with_capacity(16_000);
    // Every word is escaped as it goes in: no markup may come from a catalog or a link.
    let answer = match metrics {
        [a, b] => {
            let (on_a, on_b) = better_counts(sections, a, b);
            let (on_a, on_b) = (on_a.to_string(), on_b.to_string());
            let (on_a, on_b) = (super::num(&on_a), super::num(&on_b));
            tf("B is better on {b} of these figures, A on {a}.", &[("b", &on_b), ("a", &on_a)])
        }
        _ => {
            let counts = best_counts(sections, metrics);
            let parts: Vec<String> = sides
                .iter()
                .zip(&counts)
                .map(|((side, _), n)| {
                    [crate::text::compare_charts::letter(*side), " ", &super::num(&n.to_string())].concat()
                })
                .collect();
            tf("Best on these figures: {counts}.", &[("counts", &parts.join(t("; ")))])
        }
    };
    put(&mut out, &["<p class=\"answer\">", &escape_attr(&answer), "</p>"]);
    let pinned = if view.embed { String::new() } else { escape_attr(t("A is pinned; the inputs edit B.")) };
    put(&mut out, &["<p class=\"note\">", &pinned]);
    if !view.embed {
        out.push(' ');
    }
    let changes = changes_text(comparison);
    if changes.is_empty() {
        out.push_str(&escape_attr(t("B equals A: change an input to see what differs.")));
    } else {
        out.push_str(&escape_attr(&tf("B differs from A in: {changes}.", &[("changes", &changes)])));
    }
    for (side, _) in sides.iter().skip(2) {
        let changes = changes_text_of(comparison, *side);
        let letter = crate::text::compare_charts::letter(*side);
        let text = match changes.is_empty() {
            true => tf("{side} equals A.", &[("side", letter)]),
            false => tf("{side} differs from A in: {changes}.", &[("side", letter), ("changes", &changes)]),
        };
        put(&mut out, &[" ", &escape_attr(&text)]);
    }
    out.push_str("</p>");
    let target = if view.embed { "\" target=\"_blank\" rel=\"noopener" } else { "" };
    let full = Link::Compare(comparison.clone()).without_embed();
    out.push_str("<p class=\"side-links\">");
    for (n, (side, _)) in sides.iter().enumerate() {
        let text = match side {
            Side::A => t("A on its own").to_string(),
            Side::B => t("B on its own").to_string(),
            side => tf("{side} on its own", &[("side", crate::text::compare_charts::letter(*side))]),
        };
        let end = if n + 1 == sides.len() { "</a></span></p>" } else { "</a></span> · " };
        let query = match &full {
            Link::Compare(c) => c.side_query(*side).unwrap_or_default(),
            Link::Single(s) => to_query(s),
        };
        let href = escape_attr(&[page, "?", &query].concat());
        let text = escape_attr(&text);
        put(&mut out, &["<span data-scenario-link=\"", side.name(), "\"><a href=\"", &href, target, "\">", &text, end]);
    }
    let caption = escape_attr(
        &[
            t("✓ marks the better side: more earned, less spent, sooner paid back."),
            " ",
            t("A ratio against mining gets no ✓: it also rises when mining earns less."),
        ]
        .concat(),
    );
    // A table wider than a phone scrolls in its own box, which the keyboard reaches and a
    // screen reader names.
    let region = match count {
        0..=2 => t("A and B, as a table").to_string(),
        n => tf("A to {last}, as a table", &[("last", last_letter(n))]),
    };
    let region = escape_attr(&region);
    put(&mut out, &["<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"", &region, "\">"]);
    put(&mut out, &["<table><caption>", &caption, "</caption><thead><tr><th scope=\"col\">"]);
    put(&mut out, &[&escape_attr(t("Figure")), "</th>"]);
    for (side, _) in sides.iter().take(count) {
        put(&mut out, &["<th scope=\"col\">", crate::text::compare_charts::letter(*side), "</th>"]);
    }
    for (side, _) in sides.iter().take(count).skip(1) {
        put(&mut out, &["<th scope=\"col\">", crate::text::compare_charts::letter(*side), " − A</th>"]);
    }
    out.push_str("</tr></thead>");
    out.push_str(&rows_html(sections, &metrics[..count]));
    out.push_str("</table></div>");
    out
}

/// The attribute naming the metric of a side's difference from A: `data-difference` for
/// B − A, `data-difference-c` and `data-difference-d` for C − A and D − A.
fn difference_attr(side: Side) -> &'static str {
    match side {
        Side::C => "data-difference-c",
        Side::D => "data-difference-d",
        _ => "data-difference",
    }
}

/// The table's row groups for `sections`: a `<tbody>` each, headed by its title; a row per
/// figure with a cell a side (`metrics` in side order), then each side's difference from
/// A, and `data-better` naming the best side, if one is.
pub fn rows_html(sections: Sections, metrics: &[&Metrics]) -> String {
    let mut out = String::with_capacity(12_000 * metrics.len().max(2) / 2);
    let colspan = (2 * metrics.len()).to_string();
    for (section, title, rows) in GROUPS {
        if !sections.contains(section) {
            continue;
        }
        let title = escape_attr(t(title));
        put(&mut out, &["<tbody><tr class=\"group\"><th colspan=\"", &colspan, "\" scope=\"rowgroup\">", &title]);
        out.push_str("</th></tr>");
        for (label, id) in rows {
            let figures: Vec<Figure> = metrics.iter().map(|m| m.get(*id)).collect();
            let better = best_side(*id, &figures);
            match better {
                Some(side) => put(&mut out, &["<tr data-better=\"", side.name(), "\">"]),
                None => out.push_str("<tr>"),
            }
            put(&mut out, &["<th scope=\"row\">", &escape_attr(t(label)), "</th>"]);
            for (side, figure) in Side::ALL.into_iter().zip(&figures) {
                side_cell(&mut out, side, *id, *figure, better == Some(side));
            }
            let Some(a) = figures.first() else { continue };
            for (side, figure) in Side::ALL.into_iter().zip(&figures).skip(1) {
                let d = difference(*a, *figure);
                let (value, text) = (d.map(plain).unwrap_or_default(), escape_attr(&difference_text(*id, d)));
                put(&mut out, &["<td ", difference_attr(side), "=\"", id.key(), "\" data-value=\"", &value, "\">"]);
                put(&mut out, &[&text, "</td>"]);
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody>");
    }
    out
}

#[cfg(test)]
mod tests;
