use rust_decimal_macros::dec;

use super::*;
use crate::model::from_query;

fn scenario(query: &str) -> Scenario {
    let (s, warnings) = from_query(query);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    s
}

fn row(d: &Drivers, key: Key) -> Option<&Driver> {
    d.rows.iter().find(|r| r.key == key)
}

/// Within 1e-20 of a 40-digit worked value.
fn close(a: Figure, b: Decimal) -> bool {
    a.is_ok_and(|a| (a - b).abs() < dec!(0.00000000000000000001))
}

#[test]
fn it_steps_each_input_by_its_rule() {
    // (link, key, low, high): ±20 % of the value (of the default at 0), lives ±1 year but
    // not below half, clamped at an inclusive bound, dropped past an exclusive one.
    type Case = (&'static str, Key, Option<Decimal>, Option<Decimal>);
    let cases: [Case; 12] = [
        ("", Key::Btc, Some(dec!(68000)), Some(dec!(102000))),
        ("", Key::Kwh, Some(dec!(0.04)), Some(dec!(0.06))),
        // Free power steps by a fifth of the default 0.05 and stops at 0.
        ("kwh=0", Key::Kwh, Some(dec!(0)), Some(dec!(0.01))),
        // Uptime 97: 77.6 and 116.4, which stops at 100.
        ("", Key::Up, Some(dec!(77.6)), Some(dec!(100))),
        ("", Key::Pool, Some(dec!(1.6)), Some(dec!(2.4))),
        // Pool 90: 108 is past the exclusive 100.
        ("pool=90", Key::Pool, Some(dec!(72)), None),
        // PUE 1.05: 0.84 stops at 1.
        ("", Key::Pue, Some(dec!(1)), Some(dec!(1.26))),
        ("", Key::Life, Some(dec!(3)), Some(dec!(5))),
        ("life=1", Key::Life, Some(dec!(0.5)), Some(dec!(2))),
        ("", Key::Clife, Some(dec!(11)), Some(dec!(13))),
        ("util=0&gph=10&colo=0", Key::Util, Some(dec!(0)), Some(dec!(14))),
        ("hp=40", Key::Hp, Some(dec!(32)), Some(dec!(48))),
    ];
    for (query, key, low, high) in cases {
        let d = drivers(&scenario(query), InvalidKeys::default());
        let Some(r) = row(&d, key) else { panic!("{query}: no row for {key}") };
        assert_eq!((r.low.map(|e| e.value), r.high.map(|e| e.value)), (low, high), "{query} {key}");
    }
}

#[test]
fn it_evaluates_each_end_worked_by_hand() {
    // Default, worked in 40 digits: bitcoin at 68,000 and 102,000 gives mining −0.030448 and
    // 0.000392 all-in per kWh; a lease of 112 and 168 gives colocation 0.017890 and 0.076899.
    let d = drivers(&scenario(""), InvalidKeys::default());
    let Some(btc) = row(&d, Key::Btc) else { panic!("btc") };
    let (Some(low), Some(high)) = (btc.low, btc.high) else { panic!("btc ends") };
    assert!(close(low.outcome.mining, dec!(-0.030447805074340539022431343)));
    assert!(close(high.outcome.mining, dec!(0.0003918304054942329029718826)));
    let Some(colo) = row(&d, Key::Colo) else { panic!("colo") };
    let (Some(low), Some(high)) = (colo.low, colo.high) else { panic!("colo ends") };
    assert!(close(low.outcome.ai_margin(), dec!(0.017889591382742067673574523)));
    assert!(close(high.outcome.ai_margin(), dec!(0.076899075049759981266830582)));
    assert_eq!(high.outcome.ai.map(|a| a.0), Ok(Path::Colo));
    // Heavier machines earn less per kWh and cost less per MW: −0.001357 and −0.024142.
    let Some(w) = row(&d, Key::W) else { panic!("w") };
    let (Some(low), Some(high)) = (w.low, w.high) else { panic!("w ends") };
    assert!(close(low.outcome.mining, dec!(-0.0013573021080562444362754002)));
    assert!(close(high.outcome.mining, dec!(-0.024141777485334425475365950)));
    // At the base colocation wins; neither bitcoin end hands it to mining.
    assert_eq!(d.base.winner().map(|w| w.0), Ok(Path::Colo));
    assert!(!btc.flips(&d.base));
}

#[test]
fn it_sorts_by_impact_and_leaves_out_what_moves_nothing() {
    for query in ["", "kwh=0.03&btc=120000", "hp=45", "gph=4&util=90", "kwh=0"] {
        let s = scenario(query);
        let d = drivers(&s, InvalidKeys::default());
        let impacts: Vec<Decimal> = d.rows.iter().map(|r| r.impact(&d.base)).collect();
        assert!(impacts.windows(2).all(|w| w[0] >= w[1]), "{query}: {impacts:?}");
        for r in &d.rows {
            assert!(DRIVER_KEYS.contains(&r.key));
            assert!(r.impact(&d.base) > Decimal::ZERO || r.flips(&d.base), "{query}: {:?}", r.key);
        }
        // The target, the outlook and the site size never move an all-in margin.
        for key in [Key::Tgt, Key::Mo, Key::Dr, Key::Conv, Key::Mw] {
            assert!(row(&d, key).is_none(), "{query}: {key}");
        }
    }
    // Default: the AI hall's PUE and the lease top the list (colocation wins, and its
    // margin moves by 0.0615 and 0.0590), before difficulty and bitcoin price (0.0321, 0.0308).
    let d = drivers(&scenario(""), InvalidKeys::default());
    let keys: Vec<Key> = d.rows.iter().take(5).map(|r| r.key).collect();
    assert_eq!(keys, [Key::Gpue, Key::Colo, Key::Gfit, Key::Diff, Key::Btc]);
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
    // Bitcoin at 150,000: mining earns 0.0449 all-in against colocation's 0.0474, so +20 %
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
