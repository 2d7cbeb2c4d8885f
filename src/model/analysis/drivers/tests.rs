use rust_decimal_macros::dec;

use super::*;
use crate::model::from_query;

fn scenario(query: &str) -> Scenario {
    let (s, warnings) = from_query(query);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    s
}

fn row(d: &Drivers, key: Key) -> Option<&Driver> {
    d.rows.iter().find(|r| r.input == Input::Key(key))
}

/// Within 1e-20 of a 40-digit worked value.
fn close(a: Figure, b: Decimal) -> bool {
    a.is_ok_and(|a| (a - b).abs() < dec!(0.00000000000000000001))
}

#[test]
fn it_gives_every_input_its_own_plausible_range() {
    // One range per key, checked by the compiler; a few worth pinning: bitcoin ±40 %,
    // power ±30 %, PUE ±0.1 (not ±20 %: 1.3 would span 1.04 to 1.56), difficulty growth
    // ±1 point a month, lives ±1 year.
    assert_eq!(range(Key::Btc), Range::Share(dec!(0.4)));
    assert_eq!(range(Key::Kwh), Range::Share(dec!(0.3)));
    assert_eq!(range(Key::Pue), Range::Amount(dec!(0.1)));
    assert_eq!(range(Key::Gpue), Range::Amount(dec!(0.1)));
    assert_eq!(range(Key::Dg), Range::Amount(dec!(1)));
    assert_eq!(range(Key::Life), Range::Years(dec!(1)));
    // Every key is tried, and every key's range has two ends inside its valid range (or
    // one, for the subsidy), at the default and at a scenario of other values.
    assert_eq!(DRIVER_KEYS.to_vec(), Key::ALL.to_vec());
    for query in ["", "kwh=0&hp=40&up=100&pool=0&life=1"] {
        let s = scenario(query);
        for key in Key::ALL {
            let Some((low, high)) = range_ends(&s, key) else {
                assert_eq!(s.get(key), None, "{query}: {key} has a value but no range");
                continue;
            };
            assert!(low < high || (key == Key::Sub && low < s.get(key).unwrap_or_default()), "{query}: {key}");
            let (low, high) = (into_range(key, low), into_range(key, high));
            assert!(low.is_some() || high.is_some(), "{query}: {key} has no end in its valid range");
        }
    }
}

#[test]
fn it_moves_each_input_across_its_range() {
    // (link, key, low, high): clamped at an inclusive bound, dropped past an exclusive one.
    type Case = (&'static str, Key, Option<Decimal>, Option<Decimal>);
    let cases: [Case; 14] = [
        ("", Key::Btc, Some(dec!(51000)), Some(dec!(119000))),
        ("", Key::Kwh, Some(dec!(0.035)), Some(dec!(0.065))),
        // Free power moves up by 30 % of the default 0.05; down it stays at 0, no end.
        ("kwh=0", Key::Kwh, None, Some(dec!(0.015))),
        // Uptime 97 ± 5 points: 102 stops at 100.
        ("", Key::Up, Some(dec!(92)), Some(dec!(100))),
        ("", Key::Pool, Some(dec!(1)), Some(dec!(3))),
        // Pool 99.5: 100.5 is past the exclusive 100.
        ("pool=99.5", Key::Pool, Some(dec!(98.5)), None),
        // PUE 1.05 ± 0.1: 0.95 stops at 1.
        ("", Key::Pue, Some(dec!(1)), Some(dec!(1.15))),
        ("", Key::Gpue, Some(dec!(1.2)), Some(dec!(1.4))),
        ("", Key::Life, Some(dec!(3)), Some(dec!(5))),
        ("life=1", Key::Life, Some(dec!(0.5)), Some(dec!(2))),
        ("", Key::Clife, Some(dec!(11)), Some(dec!(13))),
        // The subsidy halves, never doubles.
        ("", Key::Sub, Some(dec!(1.5625)), None),
        ("util=10&gph=20", Key::Util, Some(dec!(0)), Some(dec!(25))),
        ("hp=40", Key::Hp, Some(dec!(24)), Some(dec!(56))),
    ];
    for (query, key, low, high) in cases {
        let d = drivers(&scenario(query), InvalidKeys::default());
        let Some(r) = row(&d, key) else { panic!("{query}: no row for {key}") };
        assert_eq!((r.low.map(|e| e.value), r.high.map(|e| e.value)), (low, high), "{query} {key}");
    }
}

#[test]
fn it_evaluates_each_end_as_the_evaluator_does() {
    // Default: bitcoin at 51,000 and 119,000 gives mining −0.045868 and 0.015812 all-in per
    // kWh (`kwhich eval "?btc=51000"`); a lease of 112 and 168 gives colocation 0.017890
    // and 0.076899.
    let d = drivers(&scenario(""), InvalidKeys::default());
    let Some(btc) = row(&d, Key::Btc) else { panic!("btc") };
    let (Some(low), Some(high)) = (btc.low, btc.high) else { panic!("btc ends") };
    assert!(close(low.outcome.mining, dec!(-0.0458676228142579249851329528)));
    assert!(close(high.outcome.mining, dec!(0.0158116481454116188656735032)));
    let Some(colo) = row(&d, Key::Colo) else { panic!("colo") };
    let (Some(low), Some(high)) = (colo.low, colo.high) else { panic!("colo ends") };
    assert!(close(low.outcome.ai_margin(), dec!(0.017889591382742067673574523)));
    assert!(close(high.outcome.ai_margin(), dec!(0.076899075049759981266830582)));
    assert_eq!(high.outcome.ai.map(|a| a.0), Ok(Path::Colo));
    // Machines 5 % heavier earn less per kWh and cost less per MW: −0.012150 and −0.017632.
    let Some(w) = row(&d, Key::W) else { panic!("w") };
    let (Some(low), Some(high)) = (w.low, w.high) else { panic!("w ends") };
    assert!(close(low.outcome.mining, dec!(-0.0121499483393985407179498655)));
    assert!(close(high.outcome.mining, dec!(-0.0176319273775406594641972166)));
    // At the base colocation wins; neither bitcoin end hands it to mining.
    assert_eq!(d.base.winner().map(|w| w.0), Ok(Path::Colo));
    assert!(!btc.flips(&d.base));
}

#[test]
fn it_keeps_each_rows_ai_path_the_scenarios_better_one() {
    // GPU cloud at 2.35 USD an hour earns a little less all-in than colocation: colocation
    // is the row's AI path at both ends of every input, even where GPU cloud would win
    // (the GPU price 30 % higher). GPU inputs then move nothing on the chart.
    for (query, path) in [("gph=2.35", Path::Colo), ("gph=2.4", Path::Gpu), ("", Path::Colo)] {
        let d = drivers(&scenario(query), InvalidKeys::default());
        assert_eq!(d.base.ai.map(|a| a.0), Ok(path), "{query}");
        for r in &d.rows {
            for end in [r.low, r.high].into_iter().flatten() {
                assert_eq!(end.outcome.ai.map(|a| a.0), Ok(path), "{query}: {:?}", r.input);
            }
        }
    }
    let d = drivers(&scenario("gph=2.35"), InvalidKeys::default());
    assert!(row(&d, Key::Gph).is_none(), "the GPU price does not move colocation");
    // With GPU cloud the better path, the lease moves nothing shown.
    let d = drivers(&scenario("gph=2.4"), InvalidKeys::default());
    assert!(row(&d, Key::Colo).is_none());
    assert!(row(&d, Key::Gph).is_some());
}

#[test]
fn it_sorts_by_impact_and_leaves_out_what_moves_nothing() {
    for query in ["", "kwh=0.03&btc=120000", "hp=45", "gph=4&util=90", "kwh=0"] {
        let s = scenario(query);
        let d = drivers(&s, InvalidKeys::default());
        let impacts: Vec<Decimal> = d.rows.iter().map(|r| r.impact(&d.base)).collect();
        assert!(impacts.windows(2).all(|w| w[0] >= w[1]), "{query}: {impacts:?}");
        for r in &d.rows {
            assert!(
                matches!(r.input, Input::Key(key) if DRIVER_KEYS.contains(&key)),
                "{query}: a flat price has no strike row"
            );
            assert!(r.impact(&d.base) > Decimal::ZERO || r.flips(&d.base), "{query}: {:?}", r.input);
        }
        // The target, the outlook and the site size never move an all-in margin.
        for key in [Key::Tgt, Key::Mo, Key::Dr, Key::Conv, Key::Mw] {
            assert!(row(&d, key).is_none(), "{query}: {key}");
        }
    }
    // Default: bitcoin's ±40 % moves mining most (0.0617), before the lease and the
    // difficulty; the AI hall's PUE, ±0.1 only, no longer tops the list.
    let d = drivers(&scenario(""), InvalidKeys::default());
    let keys: Vec<Input> = d.rows.iter().take(3).map(|r| r.input).collect();
    assert_eq!(keys, [Key::Btc, Key::Colo, Key::Diff].map(Input::Key));
    assert!(d.rows.iter().position(|r| r.input == Input::Key(Key::Gpue)) > Some(3));
    // With a given hashprice, the bitcoin price, difficulty, subsidy and fees move nothing.
    let d = drivers(&scenario("hp=45"), InvalidKeys::default());
    for key in [Key::Btc, Key::Diff, Key::Sub, Key::Fee] {
        assert!(row(&d, key).is_none(), "hp=45: {key}");
    }
    assert!(row(&d, Key::Hp).is_some());
    assert!(row(&drivers(&scenario(""), InvalidKeys::default()), Key::Hp).is_none());
}

#[test]
fn it_marks_a_step_that_hands_the_win_to_another_path() {
    // Bitcoin at 150,000: mining earns 0.0449 all-in against colocation's 0.0474, so +40 %
    // makes mining the winner.
    let d = drivers(&scenario("btc=150000"), InvalidKeys::default());
    let Some(btc) = row(&d, Key::Btc) else { panic!("btc") };
    assert!(btc.flips(&d.base));
    assert_eq!(btc.high.map(|e| e.outcome.winner().map(|w| w.0)), Some(Ok(Path::Mining)));
    assert_eq!(d.base.winner().map(|w| w.0), Ok(Path::Colo));
}

#[test]
fn it_skips_the_input_being_edited_and_says_why_figures_are_missing() {
    let s = scenario("");
    let d = drivers(&s, InvalidKeys::default().with(Key::Colo));
    assert!(row(&d, Key::Colo).is_none());
    assert_eq!(d.base.ai, Err(ModelError::InvalidInput(Key::Colo)));
    assert_eq!(d.base.winner(), Err(ModelError::InvalidInput(Key::Colo)));
    // Mining still moves with the bitcoin price.
    assert!(row(&d, Key::Btc).is_some_and(|r| r.high.is_some_and(|e| e.outcome.mining.is_ok())));
}

fn strike(d: &Drivers) -> Option<&Driver> {
    d.rows.iter().find(|r| r.input == Input::Strike)
}

#[test]
fn it_moves_the_strike_a_cent_either_way_with_a_profile_on() {
    // Flat: no strike row (it caps nothing), even with a credit to earn.
    for query in ["", "drc=40", "kwh=0.03"] {
        assert!(strike(&drivers(&scenario(query), InvalidKeys::default())).is_none(), "{query}");
    }
    // ERCOT 2025 at auto: the strike in force is break-even (0.0707… USD/kWh by default);
    // a cent below stops mining sooner, a cent above caps nothing, so the high end is the
    // base itself. Each end equals the evaluator with that strike typed.
    let s = scenario("pp=ercot-n-2025");
    let d = drivers(&s, InvalidKeys::default());
    let Some(r) = strike(&d) else { panic!("no strike row at auto") };
    let breakeven = evaluate_static(&s, InvalidKeys::default()).get(MetricId::BreakevenPowerPriceUsdPerKwh);
    let Ok(breakeven) = breakeven else { panic!("break-even") };
    let (Some(low), Some(high)) = (r.low, r.high) else { panic!("strike ends: {r:?}") };
    assert_eq!(low.value, (breakeven - dec!(0.01)).normalize());
    assert_eq!(high.value, (breakeven + dec!(0.01)).normalize());
    for end in [low, high] {
        let typed = scenario(&format!("pp=ercot-n-2025&strike={}", end.value));
        let m = evaluate_static(&typed, InvalidKeys::default());
        assert_eq!(end.outcome.mining, m.get(MetricId::MiningAllinMarginUsdPerKwh), "strike {}", end.value);
    }
    assert_eq!(high.outcome, d.base, "above break-even the strike caps nothing");
    assert!(low.outcome.mining.is_ok_and(|low| d.base.mining.is_ok_and(|base| low < base)), "{low:?}");
    assert!(r.impact(&d.base) > Decimal::ZERO);
    // A fixed strike moves ±1 ¢ around itself, and stops at the valid range's −1.
    let d = drivers(&scenario("pp=ercot-n-2025&strike=0.04"), InvalidKeys::default());
    let Some(r) = strike(&d) else { panic!("no strike row at 0.04") };
    assert_eq!((r.low.map(|e| e.value), r.high.map(|e| e.value)), (Some(dec!(0.03)), Some(dec!(0.05))));
    // At −1 (the floor) the low end is the base itself, so only the high end is tried
    // (mining runs in no hour at either: the row moves nothing and is not shown).
    let s = scenario("pp=ercot-n-2025&strike=-1");
    let metrics = evaluate_static(&s, InvalidKeys::default());
    let Some(r) = strike_row(&s, &metrics, InvalidKeys::default(), Ok(Path::Colo)) else { panic!("strike at −1") };
    assert_eq!((r.low.map(|e| e.value), r.high.map(|e| e.value)), (None, Some(dec!(-0.99))));
    assert!(strike(&drivers(&s, InvalidKeys::default())).is_none());
    // With a profile the credit is a row too (its range reaches 20 USD per kW-year).
    let d = drivers(&scenario("pp=ercot-n-2025"), InvalidKeys::default());
    assert_eq!(row(&d, Key::Drc).and_then(|r| r.high).map(|e| e.value), Some(dec!(20)));
}
