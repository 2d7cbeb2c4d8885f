use super::*;
use crate::model::economics::cashflow::tests::{close, flows};

#[test]
fn it_finds_rates_of_return_worked_by_hand() {
    // (capex, flows, yearly rate in %): 100 = 110 · v gives v = 1/1.1 a month, so
    // 1.1^12 − 1; 100 = 121 · v^3 gives 1.21^4 − 1; 1 = 10^5 · v^240 gives 10^(5/20) − 1
    // (flows 10^20 times the capex in the integers' units: decimals alone).
    let mut late = vec![Decimal::ZERO; 239];
    late.push(dec!(100000));
    let cases = [
        (dec!(100), vec![dec!(110)], "213.8428376721"),
        (dec!(100), vec![dec!(0), dec!(0), dec!(121)], "114.358881"),
        (dec!(1), late, "77.82794100389228012254211952"),
    ];
    for (capex, cash, want) in cases {
        let got = flows(capex, &cash).irr_pct();
        assert!(close(got, want), "{capex} {:?}: {got:?}, worked {want}", cash.first());
    }
}

#[test]
fn it_says_why_there_is_no_rate_of_return() {
    let cases = [
        (Decimal::ZERO, vec![dec!(5)], ModelError::NoOutlay),
        (dec!(100), vec![Decimal::ZERO; 12], ModelError::NoCashFlow),
        (dec!(100), vec![], ModelError::NoCashFlow),
        // 1 back on 1,000,000: far below −99 % a year.
        (dec!(1000000), vec![dec!(1)], ModelError::RateOutOfRange),
        // 10^6 a month on 1: far above 10,000 % a year.
        (dec!(1), vec![dec!(1000000); 240], ModelError::RateOutOfRange),
    ];
    for (capex, cash, want) in cases {
        assert_eq!(flows(capex, &cash).irr_pct(), Err(want), "{capex} {cash:?}");
    }
}

#[test]
fn it_brackets_the_rate_just_inside_its_range() {
    let most = yearly_rate_pct(V_AT_MOST_RATE).unwrap_or_default();
    let least = yearly_rate_pct(V_AT_LEAST_RATE).unwrap_or_default();
    assert!(most <= MOST_RATE_PCT && MOST_RATE_PCT - most < dec!(0.000000000000000000001), "{most}");
    assert!(least >= LEAST_RATE_PCT && least - LEAST_RATE_PCT < dec!(0.000000000000000000001), "{least}");
}

/// The cash flows of the default scenario's three paths: what the page meets most.
fn default_paths() -> Vec<CashFlows> {
    let projection = crate::model::project(&crate::model::Scenario::default());
    crate::model::Path::ALL.iter().filter_map(|p| projection.cash_flows(*p).ok().cloned()).collect()
}

#[test]
fn it_takes_the_fast_path_and_it_agrees_with_the_slow_one() {
    let cases = default_paths();
    assert_eq!(cases.len(), 3);
    for cash in cases {
        let quick = cash.quick_root();
        let exact = cash.exact_root();
        let (Some(quick), Ok(exact)) = (quick, exact) else { panic!("{quick:?} {exact:?}") };
        // The secant is within 10^−6 USD of the root's NPV; on the factor, far closer than
        // a rate's displayed digits.
        assert!((quick - exact).abs() < dec!(0.000000000000001), "{quick} vs {exact}");
        assert_eq!(cash.irr_pct(), yearly_rate_pct(quick).map(|r| r.clamp(LEAST_RATE_PCT, MOST_RATE_PCT)));
    }
}

#[test]
fn it_confirms_a_bracket_only_when_it_straddles_the_root() {
    let linear = |v: Decimal| Ok(v - dec!(1.05));
    // Both ends above the root even after widening twice: no bracket, so no answer.
    assert_eq!(confirm(linear, dec!(1.3), dec!(0.000000001), dec!(12)), None);
    // Both ends below the root at first, a bracket once widened a hundredfold.
    assert_eq!(confirm(linear, dec!(1.0499), dec!(0.000001), dec!(12)), Some(dec!(1.05)));
    // A straddling bracket: the secant of a line is its root.
    assert_eq!(confirm(linear, dec!(1.05000000001), dec!(0.000000001), dec!(12)), Some(dec!(1.05)));
    // An end exactly on the root is the answer.
    assert_eq!(confirm(linear, dec!(1.04), dec!(0.01), dec!(12)), Some(dec!(1.05)));
    // An end whose sum fails: no answer rather than a guess.
    assert_eq!(confirm(|_| Err(ModelError::Overflow), dec!(1.05), dec!(0.001), dec!(12)), None);
}

#[test]
fn it_narrows_a_wide_bracket_by_brent_rather_than_the_secant() {
    // `v^12 − 2` is curved: over a bracket 0.1 wide its NPV bound is far above 10^−6, so
    // Brent's method goes on, to the root's last digits; the secant alone would be off in
    // the third decimal.
    let curved = |v: Decimal| crate::model::economics::cashflow::power(v, 12).map(|p| p - dec!(2));
    let root = crate::model::economics::cashflow::twelfth_root(dec!(2)).unwrap_or_default();
    let got = confirm(curved, dec!(1.06), dec!(0.1), dec!(12)).unwrap_or_default();
    assert!((got - root).abs() < dec!(0.0000000000000000000001), "{got} vs {root}");
    // A narrow bracket: the secant, within its bound.
    let got = confirm(curved, root, dec!(0.0000000001), dec!(12)).unwrap_or_default();
    assert!((got - root).abs() < dec!(0.000000000000000001), "{got} vs {root}");
}

#[test]
fn it_finds_a_rate_near_minus_90_through_the_overflow_branch() {
    // A fleet that returns almost nothing: 10^10 spent, 10^−10 back after 20 years, so
    // (1 + r)^20 = 10^−20 and r = −90 %. At the bracket's upper end (−99 %) the sum is
    // 10^−10 · 1.4678^240, about 10^30: an overflow, so the bracket is halved until its
    // upper end has a value, moving the lower end up past the midpoints below the root.
    let mut cash = vec![Decimal::ZERO; 239];
    cash.push(dec!(0.0000000001));
    let flows = flows(dec!(10000000000), &cash);
    assert_eq!(flows.npv_at(V_AT_LEAST_RATE), Err(ModelError::Overflow));
    assert_eq!(flows.quick_root(), None, "below the integers' unit: decimals alone");
    assert!(close(flows.irr_pct(), "-90"), "{:?}", flows.irr_pct());
}

#[test]
fn it_halves_an_overflowing_bracket_and_says_when_it_cannot() {
    // Overflows above 1.2, increasing below: the root 1.1 is found by halving first.
    let f = |v: Decimal| if v > dec!(1.2) { Err(ModelError::Overflow) } else { Ok(v - dec!(1.1)) };
    let got = root(f, EXACT_TOLERANCE).unwrap_or_default();
    assert!((got - dec!(1.1)).abs() < dec!(0.0000000000000000000000001), "{got}");
    // A root above every midpoint that has a value: the bracket never gets a value at its
    // upper end, and the search says so.
    let never = |v: Decimal| if v > Decimal::ONE { Err(ModelError::Overflow) } else { Ok(dec!(-1)) };
    assert_eq!(root(never, EXACT_TOLERANCE), Err(ModelError::NoConvergence));
    // An overflow below 1 is not a positive sum: it is passed on.
    let below = |v: Decimal| if v > dec!(0.9) { Err(ModelError::Overflow) } else { Ok(dec!(-1)) };
    assert_eq!(root(below, EXACT_TOLERANCE), Err(ModelError::Overflow));
    // The root exactly at the bracket's lower end (10,000 % a year) is an answer, not out of
    // range.
    assert_eq!(root(|v| Ok(v - V_AT_MOST_RATE), EXACT_TOLERANCE), Ok(V_AT_MOST_RATE));
    // The root exactly at a midpoint.
    let mid = |v: Decimal| {
        if v > dec!(1.2) {
            Err(ModelError::Overflow)
        } else {
            Ok(v - (V_AT_MOST_RATE + V_AT_LEAST_RATE) * HALF)
        }
    };
    assert_eq!(root(mid, EXACT_TOLERANCE), Ok((V_AT_MOST_RATE + V_AT_LEAST_RATE) * HALF));
}

#[test]
fn it_reaches_as_far_as_the_integer_sums_can_be_off() {
    // One month: 100 out, 110 (or 90) back. Capex 100 is 10^15 units, so the integer sum
    // rises by 1.1·10^15 (0.9·10^15) units per unit of `v`, and each month's product can be
    // off by less than a unit, grown by `v^L` above 1: the reach is (L + 1) · growth · 4
    // units over that slope.
    for (flow, v, want) in [
        // v = 1/1.1 below 1: 2 · 1 · 4 / 1.1·10^15.
        (dec!(110), dec!(0.9090909090909090909090909091), dec!(0.0000000000000072727272727273)),
        // v = 1/0.9 above 1: grown by v^1, 2 · 1.111… · 4 / 0.9·10^15.
        (dec!(90), dec!(1.1111111111111111111111111111), dec!(0.0000000000000098765432098765)),
    ] {
        let cash = flows(dec!(100), &[flow]);
        let quick = QuickFlows::new(&cash).unwrap_or_else(|| panic!("{flow}: the integers fit"));
        let reach = quick.reach(v, dec!(1)).unwrap_or_default();
        assert!((reach - want).abs() < want * dec!(0.00001), "{flow}: reach {reach}, worked {want}");
    }
}

#[test]
fn it_gives_up_halving_after_max_steps_midpoints() {
    // Never a value above 1 and always below zero under it: the search halves, asks one
    // midpoint a step, and stops with NoConvergence after exactly MAX_STEPS of them (plus
    // the bracket's two ends).
    let asked = std::cell::Cell::new(0u32);
    let never = |v: Decimal| {
        asked.set(asked.get() + 1);
        if v > Decimal::ONE {
            Err(ModelError::Overflow)
        } else {
            Ok(dec!(-1))
        }
    };
    assert_eq!(root(never, EXACT_TOLERANCE), Err(ModelError::NoConvergence));
    assert_eq!(asked.get(), 2 + MAX_STEPS);
}

#[test]
fn it_takes_the_secant_when_its_bound_is_met_exactly() {
    // A line through 1.05 bracketed 0.0005 either side over 2 months: the bound
    // rise · months · δ = 0.001 · 2 · 0.0005 is exactly 10^−6, within it, so the secant is
    // the answer from the two ends' sums alone, with no further search.
    let asked = std::cell::Cell::new(0u32);
    let linear = |v: Decimal| {
        asked.set(asked.get() + 1);
        Ok(v - dec!(1.05))
    };
    assert_eq!(confirm(linear, dec!(1.05), dec!(0.0005), dec!(2)), Some(dec!(1.05)));
    assert_eq!(asked.get(), 2);
}

#[test]
fn it_answers_a_root_found_exactly_at_a_midpoint() {
    // Overflows above the first midpoint, which is the root: the answer, at once, even
    // though no point above it ever has a value.
    let mid = (V_AT_MOST_RATE + V_AT_LEAST_RATE) * HALF;
    let f = |v: Decimal| if v > mid { Err(ModelError::Overflow) } else { Ok(v - mid) };
    assert_eq!(root(f, EXACT_TOLERANCE), Ok(mid));
}
