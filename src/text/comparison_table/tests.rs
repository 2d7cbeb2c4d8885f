//! The comparison table: every metric once, signed differences, the better side, the card.

use super::*;
use crate::model::{evaluate, from_query, MetricId, ModelError};
use rust_decimal_macros::dec;

fn all() -> Sections {
    Section::ALL.into_iter().fold(Sections::empty(), Sections::with)
}

#[test]
fn it_compares_every_metric_once_on_the_full_page() {
    let ids: Vec<M> = compared(all()).map(|(_, id)| id).collect();
    let mut sorted = ids.clone();
    sorted.sort_by_key(|id| *id as usize);
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "a metric twice");
    assert_eq!(sorted, MetricId::ALL.to_vec(), "every metric");
}

#[test]
fn it_names_the_two_all_ins_apart() {
    // Per BTC "all-in" counts the ASICs alone; per kWh it counts the site too: each
    // label says which, so one word never means two things on one page.
    let label = |want: M| compared(all()).find(|(_, id)| *id == want).map(|(l, _)| l).unwrap_or_default();
    assert!(label(M::AllinCostPerBtcUsd).contains("fleet only"));
    for path in crate::model::Path::ALL {
        assert!(label(path.allin_margin()).ends_with("all-in margin per kWh (fleet and site)"), "{path:?}");
    }
}

#[test]
fn it_writes_signed_differences() {
    let cases = [
        (M::MiningMarginUsdPerKwh, Ok(Decimal::new(12, 3)), "+$0.0120"),
        (M::CashCostPerBtcUsd, Ok(Decimal::new(-12344, 1)), "−$1,234"),
        (M::ColoVsMiningRevenueMultiple, Ok(Decimal::new(-13, 1)), "−1.3×"),
        (M::GpuPaybackYears, Ok(Decimal::ZERO), "0.0 years"),
        (M::GpuPaybackYears, Err(ModelError::MarginNotPositive), "—"),
    ];
    for (id, d, want) in cases {
        assert_eq!(difference_text(id, d), want, "{id:?}");
    }
}

#[test]
fn it_writes_each_sides_exact_figure_and_marks_the_better_one() {
    let (a, _) = from_query("?kwh=0.045");
    let (b, _) = from_query("?kwh=0.03");
    let (a, b) = (evaluate(&a), evaluate(&b));
    let html = rows_html(Sections::empty().with(Section::Compare), &[&a, &b]);
    assert_eq!(html.matches("<tbody>").count(), 1);
    assert_eq!(html.matches("data-scenario=\"a\"").count(), 8);
    // Mining margin: A 0.06281… − 0.05 …; B is 0.015 more (kWh 0.045 → 0.03), and better.
    let margin = |m: &Metrics| m.get(M::MiningMarginUsdPerKwh).map(plain).unwrap_or_default();
    let row = format!(
        "<tr data-better=\"b\"><th scope=\"row\">Mining margin</th><td data-scenario=\"a\"><span class=\"metric\" \
data-metric=\"mining_margin_usd_per_kwh\" data-value=\"{}\">",
        margin(&a)
    );
    assert!(html.contains(&row), "{html}");
    assert!(html.contains(&format!(
        "<td data-scenario=\"b\" class=\"better\"><span class=\"metric\" data-metric=\"mining_margin_usd_per_kwh\" \
data-value=\"{}\">",
        margin(&b)
    )));
    assert!(html.contains("data-difference=\"mining_margin_usd_per_kwh\" data-value=\"0.015\">+$0.0150</td>"));
    // Colocation's margin does not depend on the power price: no better side.
    assert!(html.contains("<tr><th scope=\"row\">AI colocation margin</th>"));
    // Cheaper power: B earns the higher mining and GPU margins; colocation (power billed at
    // cost) brings A more revenue per kWh. A's higher multiple over mining is only mining
    // doing worse: shown, never ticked nor counted.
    assert_eq!(better_counts(Sections::empty().with(Section::Compare), &a, &b), (1, 2));
    for id in [M::ColoVsMiningRevenueMultiple, M::GpuVsMiningRevenueMultiple] {
        let row = html.split("<tr").find(|r| r.contains(id.key())).unwrap_or_default();
        assert!(row.starts_with("><th scope=\"row\">"), "{}: no better side in {row}", id.key());
        assert!(!row.contains('✓') && !row.contains("better"), "{row}");
        assert!(row.contains(&format!("data-difference=\"{}\"", id.key())), "shown: {row}");
    }
}

#[test]
fn it_says_what_b_changes_in_words() {
    let cases = [
        ("?v=1&kwh=0.04&cmp=1", ""),
        ("?v=1&kwh=0.045&b.kwh=0.03", "Electricity price 0.03 USD/kWh"),
        (
            "?v=1&asic=s19xp&b.asic=s21xp&b.capex=18&b.hp=40",
            "Hashprice override 40 USD per PH/s per day; ASIC model s21xp; ASIC price 18 USD/TH",
        ),
        ("?v=1&hp=40&b.hp=", "Hashprice override computed"),
    ];
    for (link, want) in cases {
        let (crate::model::Link::Compare(c), _) = crate::model::from_link(link) else { panic!("{link}") };
        assert_eq!(changes_text(&c), want, "{link}");
    }
}

#[test]
fn it_writes_the_card_with_each_sides_own_link() {
    let page = "https://user.github.io/kwhich/";
    for (link, embed) in [("?v=1&kwh=0.045&b.kwh=0.03", false), ("?v=1&kwh=0.045&b.kwh=0.03&embed=1&show=mw", true)] {
        let (crate::model::Link::Compare(c), _) = crate::model::from_link(link) else { panic!("{link}") };
        let (a, b) = (evaluate(c.a()), evaluate(c.b()));
        let html = card_html(page, &c, &[&a, &b]);
        let target = if embed { "\" target=\"_blank\" rel=\"noopener\">" } else { "\">" };
        for (side, query) in [("a", "v=1&amp;kwh=0.045"), ("b", "v=1&amp;kwh=0.03")] {
            let want = format!("<span data-scenario-link=\"{side}\"><a href=\"{page}?{query}{target}");
            assert!(html.contains(&want), "{link}: {want} in {html}");
        }
        assert!(html.contains("B differs from A in: Electricity price 0.03 USD/kWh."));
        assert_eq!(html.contains("A is pinned"), !embed, "{link}");
        assert!(html.contains("Per MW of facility power"), "{link}");
        assert_eq!(html.contains("What a kWh earns"), !embed, "{link}: only the sections shown");
    }
}

#[test]
fn it_gives_a_missing_figure_its_reason() {
    let (a, _) = from_query("?gph=0");
    let (a, b) = (evaluate(&a), evaluate(&Default::default()));
    let html = rows_html(Sections::empty().with(Section::PerMw), &[&a, &b]);
    let reason = "never: the margin is not positive";
    assert!(html.contains(&format!(
        "data-metric=\"gpu_payback_years\" data-value=\"\" data-reason=\"{reason}\" title=\"{reason}\">never</span>"
    )));
    assert!(html.contains("data-difference=\"gpu_payback_years\" data-value=\"\">—</td>"), "{html}");
}

#[test]
fn it_writes_a_column_for_each_of_four_sides_and_marks_the_best() {
    let page = "https://user.github.io/kwhich/";
    let link = "?v=1&kwh=0.045&b.kwh=0.03&c.kwh=0.02&d.cmp=1";
    let (crate::model::Link::Compare(c), _) = crate::model::from_link(link) else { panic!("{link}") };
    let metrics: Vec<Metrics> = c.sides().into_iter().map(|(_, s)| evaluate(s)).collect();
    let refs: Vec<&Metrics> = metrics.iter().collect();
    let html = card_html(page, &c, &refs);
    for (side, query) in
        [("a", "v=1&amp;kwh=0.045"), ("b", "v=1&amp;kwh=0.03"), ("c", "v=1&amp;kwh=0.02"), ("d", "v=1&amp;kwh=0.045")]
    {
        let want = format!("<span data-scenario-link=\"{side}\"><a href=\"{page}?{query}\">");
        assert!(html.contains(&want), "{want} in {html}");
    }
    assert!(html.contains("<th scope=\"col\">C</th><th scope=\"col\">D</th><th scope=\"col\">B − A</th>"), "{html}");
    assert!(html.contains("<th scope=\"col\">C − A</th><th scope=\"col\">D − A</th></tr>"));
    assert!(html.contains("colspan=\"8\""));
    assert!(html.contains("C differs from A in: Electricity price 0.02 USD/kWh. D equals A."), "{html}");
    assert!(html.contains("aria-label=\"A to D, as a table\""));
    // The cheapest power, C's, is best for the mining margin; C − A and D − A beside B − A.
    let row = html.split("<tr").find(|r| r.contains("Mining margin<")).unwrap_or_default();
    assert!(row.starts_with(" data-better=\"c\">"), "{row}");
    assert!(row.contains("<td data-scenario=\"c\" class=\"better\">"), "{row}");
    assert!(row.contains("data-difference=\"mining_margin_usd_per_kwh\" data-value=\"0.015\""), "{row}");
    assert!(row.contains("data-difference-c=\"mining_margin_usd_per_kwh\" data-value=\"0.025\""), "{row}");
    assert!(row.contains("data-difference-d=\"mining_margin_usd_per_kwh\" data-value=\"0\""), "{row}");
    // Two sides sharing the best figure: none is marked (A and D are equal; colocation's
    // margin does not move with the power price at all).
    let colo = html.split("<tr").find(|r| r.contains("AI colocation margin<")).unwrap_or_default();
    assert!(colo.starts_with("><th"), "{colo}");
    let counts = best_counts(c.view().sections(), &refs);
    assert_eq!(counts.len(), 4);
    assert_eq!(counts[3], 0, "D equals A: never best alone");
    assert!(
        html.contains(&format!("Best on these figures: A {}; B {}; C {}; D 0.", counts[0], counts[1], counts[2])),
        "{html}"
    );
    // Two sides write exactly what they always have.
    let two = &refs[..2];
    let (crate::model::Link::Compare(ab), _) = crate::model::from_link("?v=1&kwh=0.045&b.kwh=0.03") else { panic!() };
    let html = card_html(page, &ab, two);
    assert!(html.contains("<th scope=\"col\">B</th><th scope=\"col\">B − A</th></tr>"));
    assert!(!html.contains("data-difference-c") && html.contains("colspan=\"4\""));
    assert_eq!(best_side(M::MiningMarginUsdPerKwh, &[Ok(dec!(1)), Ok(dec!(2))]), Some(Side::B));
    assert_eq!(best_side(M::MiningMarginUsdPerKwh, &[Ok(dec!(1)), Ok(dec!(3)), Ok(dec!(3))]), None);
    assert_eq!(best_side(M::MiningPaybackYears, &[Ok(dec!(3)), Ok(dec!(2)), Ok(dec!(1))]), Some(Side::C));
}
