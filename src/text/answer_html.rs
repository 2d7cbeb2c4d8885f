//! The answer as HTML, written before the app: the page's boot module (src/ui/boot.rs,
//! no Leptos) computes today's figures from the link and puts this string into `#app` in
//! one `innerHTML`, so the reader sees the answer while the rest of the page (the Leptos
//! app, a Wasm chunk) is still on its way. The app then replaces it in one frame with the
//! same markup: the header, the headline, "What a kWh earns", "Cost to mine one BTC" and
//! "Per MW", each figure in a `span.metric` with the page's `data-metric`/`data-value`/
//! `data-reason` contract and the text the components write. The bar chart keeps its room
//! (an empty drawing of its size) until the app draws it.
//!
//! Every word is escaped as it goes in: no markup may come from a catalog or a link.

use crate::model::link::embed::escape_attr;
use crate::model::link::share_link::plain;
use crate::model::view::{Lang, Section};
use crate::model::{MetricId as M, Scenario};
use crate::model::{Metrics, Path};
use crate::text::embed_facts::{facts_text, NetworkDate};
use crate::text::format::{figure_text_with, metric_cell_text, metric_text};
use crate::text::headline::headline;
use crate::text::paths::path_name;
use crate::text::reasons::model_error;
use crate::text::{t, tf};

use super::comparison_table::put;

/// Each language under its own name (the page's picker, src/ui/fields/language_picker.rs).
pub const LANGUAGE_NAMES: [(Lang, &str); 3] = [(Lang::En, "English"), (Lang::Ar, "العربية"), (Lang::Vi, "Tiếng Việt")];

/// The answer for `scenario`, whose today's figures are `metrics`: the full page's header
/// and results, or an embed's title and the cards it shows. Empty when the first card an
/// embed shows is not one written here (the app writes it).
pub fn answer_html(scenario: &Scenario, metrics: &Metrics) -> String {
    let view = scenario.view;
    let mut out = String::with_capacity(8_000);
    let headline = view
        .title
        .map(|title| ["<p class=\"headline\" data-title=\"\">", &escape_attr(title.as_str()), "</p>"].concat());
    if view.embed {
        let sections = view.sections();
        // The cards written here, in the page's order, up to the first one that is not.
        let cards: Vec<Section> = Section::ALL
            .into_iter()
            .filter(|s| sections.contains(*s) || (*s == Section::Network && view.live))
            .take_while(|s| matches!(s, Section::Compare | Section::Btc | Section::PerMw))
            .collect();
        if cards.is_empty() {
            return out;
        }
        out.push_str("<main class=\"embed\" id=\"results\" tabindex=\"-1\" data-layout=\"embed\">");
        out.push_str("<h1 class=\"embed-title\">kWhich</h1>");
        out.push_str(headline.as_deref().unwrap_or_default());
        // What the figures rest on: the app writes the same (src/ui/embed_bar.rs).
        let facts = facts_text(scenario, NetworkDate::of(scenario));
        put(&mut out, &["<p class=\"embed-facts\" data-facts=\"\">", &escape_attr(&facts), "</p>"]);
        for card in cards {
            card_html(&mut out, card, metrics, !scenario.own().site_owned());
        }
        out.push_str("</main>");
        return out;
    }
    header_html(&mut out, view.lang);
    out.push_str("<main class=\"layout\" data-layout=\"full\"><section class=\"results\" id=\"results\" tabindex=\"-1\" aria-label=\"");
    put(&mut out, &[&escape_attr(t("Results")), "\">"]);
    out.push_str(headline.as_deref().unwrap_or_default());
    for card in [Section::Compare, Section::Btc, Section::PerMw] {
        card_html(&mut out, card, metrics, !scenario.own().site_owned());
    }
    out.push_str("</section></main>");
    out
}

/// The header as the app draws it: the name, the tagline, the language picker and the
/// share buttons (they answer once the app is there, a moment later).
fn header_html(out: &mut String, lang: Lang) {
    out.push_str("<header class=\"top\"><div class=\"brand\"><h1>kWhich</h1><p class=\"tagline\">");
    let tagline = t("What a kilowatt-hour earns mining bitcoin, and what it would earn leased to AI.");
    put(out, &[&escape_attr(tagline), "</p></div><div class=\"language\"><label for=\"lang-select\">"]);
    put(out, &[&escape_attr(t("Language")), "</label><select id=\"lang-select\">"]);
    for (l, name) in LANGUAGE_NAMES {
        let selected = if l == lang { " selected" } else { "" };
        put(out, &["<option value=\"", l.name(), "\" lang=\"", l.name(), "\"", selected, ">", name, "</option>"]);
    }
    out.push_str("</select></div><div class=\"share\">");
    for label in [t("Copy link"), t("Reset to snapshot"), t("Compare")] {
        put(out, &["<button type=\"button\">", &escape_attr(label), "</button>"]);
    }
    for (panel, label) in [("saved-panel", t("Save")), ("embed-panel", t("Embed"))] {
        put(out, &["<button type=\"button\" aria-controls=\"", panel, "\" aria-expanded=\"false\">"]);
        put(out, &[&escape_attr(label), "</button>"]);
    }
    out.push_str("<span class=\"status\" role=\"status\" aria-live=\"polite\"></span></div></header>");
}

/// A figure in a `span.metric`: its text (`cell`: without the unit its column names), its
/// exact value, or why it has none.
fn metric_html(out: &mut String, metrics: &Metrics, id: M, cell: bool) {
    let figure = metrics.get(id);
    let text = figure_text_with(id, figure, if cell { metric_cell_text } else { metric_text });
    let value = figure.map(plain).unwrap_or_default();
    put(out, &["<span class=\"metric\" data-metric=\"", id.key(), "\" data-value=\"", &value, "\""]);
    if let Err(error) = figure {
        let reason = escape_attr(&model_error(&error));
        put(out, &[" data-reason=\"", &reason, "\" title=\"", &reason, "\""]);
    }
    put(out, &[">", &escape_attr(&text), "</span>"]);
}

/// `template` (a message in the reader's language) with each `{name}` replaced by the
/// figure `figures` names, as the page's `with_figures` writes it.
fn with_figures(out: &mut String, metrics: &Metrics, template: &str, figures: &[(&str, M)]) {
    let mut rest = template;
    while let Some((open, close)) = rest.find('{').and_then(|o| Some((o, o + rest[o..].find('}')?))) {
        let name = &rest[open + 1..close];
        let Some(&(_, id)) = figures.iter().find(|(n, _)| *n == name) else { break };
        out.push_str(&escape_attr(&rest[..open]));
        metric_html(out, metrics, id, false);
        rest = &rest[close + 1..];
    }
    out.push_str(&escape_attr(rest));
}

/// `new_build`: the link owns nothing (`own=none`), so the per-MW note is the one written
/// here; an owner's note (what is not counted) is the app's, a moment later.
fn card_html(out: &mut String, card: Section, metrics: &Metrics, new_build: bool) {
    match card {
        Section::Compare => compare_html(out, metrics),
        Section::Btc => btc_html(out, metrics),
        Section::PerMw => per_mw_html(out, metrics, new_build),
        _ => {}
    }
}

/// "What a kWh earns" (src/ui/sections/compare_card.rs).
fn compare_html(out: &mut String, metrics: &Metrics) {
    let answer = headline(metrics);
    out.push_str("<section class=\"card compare\" aria-labelledby=\"compare-title\" data-section=\"compare\">");
    put(out, &["<h2 id=\"compare-title\">", &escape_attr(t("What a kWh earns")), "</h2>"]);
    // The sentence over each life comes with the time model, after the app (as on the page).
    put(out, &["<p class=\"answer\">", &escape_attr(&answer), "</p><p class=\"note\" data-over-life=\"\"></p>"]);
    let region = escape_attr(t("What a kWh earns, as a table"));
    put(
        out,
        &["<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"", &region, "\"><table><thead><tr>"],
    );
    for head in [t("Path"), t("Revenue per kWh"), t("Margin per kWh"), t("Revenue vs mining")] {
        put(out, &["<th scope=\"col\">", &escape_attr(head), "</th>"]);
    }
    out.push_str("</tr></thead><tbody>");
    let rows = [
        (path_name(Path::Mining), M::MiningRevenueUsdPerKwh, M::MiningMarginUsdPerKwh, None),
        (path_name(Path::Colo), M::ColoRevenueUsdPerKwh, M::ColoMarginUsdPerKwh, Some(M::ColoVsMiningRevenueMultiple)),
        (path_name(Path::Gpu), M::GpuRevenueUsdPerKwh, M::GpuMarginUsdPerKwh, Some(M::GpuVsMiningRevenueMultiple)),
    ];
    for (name, revenue, margin, multiple) in rows {
        put(out, &["<tr><th scope=\"row\">", &escape_attr(name), "</th><td>"]);
        metric_html(out, metrics, revenue, true);
        out.push_str("</td><td>");
        metric_html(out, metrics, margin, true);
        out.push_str("</td><td>");
        match multiple {
            Some(id) => metric_html(out, metrics, id, false),
            None => put(out, &["<span class=\"muted\">", &escape_attr(t("baseline")), "</span>"]),
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></div>");
    // The chart's room, drawn by the app (src/ui/charts/bar_chart.rs: 3600 × 1280 units).
    out.push_str("<figure class=\"chart\"><svg viewBox=\"0 0 3600 1280\" aria-hidden=\"true\"></svg><figcaption><span class=\"key revenue\"></span> ");
    put(out, &[&escape_attr(t("revenue per kWh")), " <span class=\"key margin\"></span> "]);
    put(out, &[&escape_attr(t("margin per kWh")), "</figcaption></figure></section>"]);
}

/// "Cost to mine one BTC" (src/ui/sections/cost_per_btc_card.rs).
fn btc_html(out: &mut String, metrics: &Metrics) {
    let (good, verdict) = match (metrics.get(M::CashCostPerBtcUsd), metrics.get(M::TargetCostPerBtcUsd)) {
        (Ok(cash), Ok(target)) => {
            let meets = cash <= target;
            let (cash, target) = (metric_text(M::CashCostPerBtcUsd, cash), metric_text(M::TargetCostPerBtcUsd, target));
            let args = [("cash", cash.as_str()), ("target", target.as_str())];
            let text = match meets {
                true => tf("Cash cost {cash} meets the {target} target.", &args),
                false => tf("Cash cost {cash} misses the {target} target.", &args),
            };
            (meets, text)
        }
        _ => (false, t("The cash cost needs valid inputs.").to_string()),
    };
    out.push_str("<section class=\"card btc\" aria-labelledby=\"btc-title\" data-section=\"btc\">");
    put(out, &["<h2 id=\"btc-title\">", &escape_attr(t("Cost to mine one BTC")), "</h2>"]);
    let class = if good { "verdict good" } else { "verdict" };
    put(out, &["<p class=\"", class, "\">", &escape_attr(&verdict), "</p><dl class=\"figures\">"]);
    let figures = [
        (t("Energy"), M::EnergyCostPerBtcUsd),
        (t("Cash (energy + other)"), M::CashCostPerBtcUsd),
        (t("All-in, fleet only (ASICs depreciated, no site)"), M::AllinCostPerBtcUsd),
        (t("Target"), M::TargetCostPerBtcUsd),
    ];
    for (name, id) in figures {
        put(out, &["<div><dt>", &escape_attr(name), "</dt><dd>"]);
        metric_html(out, metrics, id, false);
        out.push_str("</dd></div>");
    }
    out.push_str("</dl><ul class=\"solver\"><li>");
    let unreachable = metrics.get(M::TargetMaxPowerPriceUsdPerKwh).is_ok_and(|p| p.is_sign_negative() && !p.is_zero());
    let highest = match unreachable {
        true => t("Highest power price that meets the target with this fleet: {price} (below zero: unreachable, even free power misses it)."),
        false => t("Highest power price that meets the target with this fleet: {price}."),
    };
    with_figures(out, metrics, highest, &[("price", M::TargetMaxPowerPriceUsdPerKwh)]);
    out.push_str("</li><li>");
    with_figures(
        out,
        metrics,
        t("Efficiency needed at this cash cost ({cost}): {efficiency} or better."),
        &[("cost", M::MiningCashCostUsdPerKwh), ("efficiency", M::TargetRequiredEfficiencyJPerTh)],
    );
    out.push_str("</li><li>");
    with_figures(
        out,
        metrics,
        t("Break-even power price: {price}; break-even bitcoin price: the cash cost above."),
        &[("price", M::BreakevenPowerPriceUsdPerKwh)],
    );
    out.push_str("</li><li>");
    with_figures(out, metrics, t("Energy per BTC: {energy}."), &[("energy", M::EnergyKwhPerBtc)]);
    out.push_str("</li></ul></section>");
}

const PER_MW: [(Path, M, M, M, M); 3] = [
    (Path::Mining, M::MiningCapexUsdPerMw, M::MiningMarginUsdPerMwYear, M::MiningPaybackYears, M::MiningPaybackMonths),
    (Path::Colo, M::ColoCapexUsdPerMw, M::ColoMarginUsdPerMwYear, M::ColoPaybackYears, M::ColoPaybackMonths),
    (Path::Gpu, M::GpuCapexUsdPerMw, M::GpuMarginUsdPerMwYear, M::GpuPaybackYears, M::GpuPaybackMonths),
];

/// "Per MW of facility power" (src/ui/sections/per_mw_table.rs); the projected payback is "—" until
/// the time model is there, as on the page.
fn per_mw_html(out: &mut String, metrics: &Metrics, new_build: bool) {
    out.push_str("<section class=\"card mw\" aria-labelledby=\"mw-title\" data-section=\"mw\">");
    put(out, &["<h2 id=\"mw-title\">", &escape_attr(t("Per MW of facility power")), "</h2>"]);
    let region = escape_attr(t("Per MW, as a table"));
    put(
        out,
        &["<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"", &region, "\"><table><thead><tr>"],
    );
    let heads = [
        t("Path"),
        t("Capex per MW"),
        t("Margin per MW a year"),
        t("Payback at today's figures"),
        t("Payback, projected"),
    ];
    for head in heads {
        put(out, &["<th scope=\"col\">", &escape_attr(head), "</th>"]);
    }
    out.push_str("</tr></thead><tbody>");
    for (name, capex, margin, payback, projected) in PER_MW {
        put(out, &["<tr><th scope=\"row\">", &escape_attr(path_name(name)), "</th><td>"]);
        metric_html(out, metrics, capex, true);
        out.push_str("</td><td>");
        metric_html(out, metrics, margin, true);
        out.push_str("</td><td>");
        metric_html(out, metrics, payback, false);
        out.push_str("</td><td>");
        metric_html(out, metrics, projected, false);
        out.push_str("</td></tr>");
    }
    // The same words as `text::site::capex_note(Own::None)`, kept here so that an owner's
    // notes stay out of the first load's module.
    let note = match new_build {
        true => t("Mining capex is ASICs plus the site; AI paths add the data-hall fit-out, and GPU cloud the GPUs. Payback at today's figures is capex over today's margin (“never” when it is not positive); projected, it follows the outlook month by month over each asset's life."),
        false => "",
    };
    out.push_str("</tbody></table></div><p class=\"note\" data-payback-why=\"\"></p>");
    put(out, &["<p class=\"note\">", &escape_attr(note), "</p></section>"]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate_static;
    use crate::model::{from_link, Link};

    fn answer(link: &str) -> String {
        let (Link::Single(scenario), _) = from_link(link) else { panic!("a single scenario") };
        answer_html(&scenario, &evaluate_static(&scenario, Default::default()))
    }

    /// Every `data-metric="KEY" data-value="VALUE"` in `html`.
    fn figures(html: &str) -> Vec<(String, String)> {
        html.split("data-metric=\"")
            .skip(1)
            .map(|rest| {
                let key = rest.split('"').next().unwrap_or_default().to_string();
                let value = rest.split("data-value=\"").nth(1).and_then(|v| v.split('"').next()).unwrap_or_default();
                (key, value.to_string())
            })
            .collect()
    }

    #[test]
    fn it_writes_each_figure_of_the_first_screen_at_full_precision() {
        let link = "?v=1&kwh=0.045&btc=91000";
        let (Link::Single(scenario), _) = from_link(link) else { panic!("a single scenario") };
        let metrics = evaluate_static(&scenario, Default::default());
        let html = answer(link);
        let found = figures(&html);
        // 8 compare, 4 + 5 cost per BTC, 4 × 3 per MW.
        assert_eq!(found.len(), 29, "{found:?}");
        for (key, value) in &found {
            let id = M::ALL.into_iter().find(|m| m.key() == key).unwrap_or_else(|| panic!("unknown metric {key}"));
            assert_eq!(*value, metrics.get(id).map(plain).unwrap_or_default(), "{key}");
        }
        assert!(html.contains("data-metric=\"gpu_payback_months\" data-value=\"\" data-reason=\""), "{html}");
        assert!(html.starts_with("<header class=\"top\">"), "{html}");
        assert!(html.contains("<option value=\"en\" lang=\"en\" selected>English</option>"));
    }

    #[test]
    fn it_writes_the_embed_cards_asked_for_and_stops_at_one_it_cannot_write() {
        let html = answer("?v=1&embed=1&show=btc,network");
        assert!(html.starts_with("<main class=\"embed\""), "{html}");
        assert!(html.contains("data-section=\"btc\"") && !html.contains("data-section=\"compare\""));
        assert!(!html.contains("<header"));
        let facts = "<p class=\"embed-facts\" data-facts=\"\">Network snapshot of 22 Nov 2025 · bitcoin $85,000 · \
power $0.05 per kWh · Antminer S21 · colocation lease $140 per kW-month</p>";
        assert!(html.contains(&["<h1 class=\"embed-title\">kWhich</h1>", facts].concat()), "{html}");
        assert!(!answer("?v=1&show=btc").contains("data-facts"), "the full page has its inputs in view");
        assert_eq!(answer("?v=1&embed=1&show=network,inputs"), "");
        assert_eq!(answer("?v=1&embed=1&show=time"), "");
    }

    #[test]
    fn it_writes_a_new_builds_capex_note_and_leaves_an_owners_to_the_app() {
        // The app's words for a new build, the same.
        let note = escape_attr(crate::text::site::capex_note(crate::model::site::Own::None));
        assert!(answer("?v=1").contains(&["<p class=\"note\">", &note, "</p>"].concat()));
        for link in ["?v=1&own=site", "?v=1&own=fleet"] {
            let html = answer(link);
            assert!(!html.contains("plus the site"), "{link}: {html}");
            assert!(html.contains("<p class=\"note\"></p></section>"), "{link}: {html}");
        }
    }

    #[test]
    fn it_escapes_the_headline() {
        let html = answer("?v=1&title=%3Cb%3EA%20%26%20B%22");
        assert!(html.contains("<p class=\"headline\" data-title=\"\">&lt;b&gt;A &amp; B&quot;</p>"), "{html}");
    }

    #[test]
    fn it_says_why_a_figure_is_missing() {
        let html = answer("?v=1&kwh=0.5");
        assert!(html.contains("data-reason=\""), "{html}");
        assert!(!html.contains("NaN") && !html.contains("-0\""));
    }
}
