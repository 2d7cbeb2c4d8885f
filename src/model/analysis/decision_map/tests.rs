use rust_decimal_macros::dec;

use super::*;
use crate::model::evaluate_static;
use crate::model::{evaluate, from_query, to_query};

fn scenario(query: &str) -> Scenario {
    let (s, warnings) = from_query(query);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    s
}

fn map(query: &str) -> DecisionMap {
    match decision_map(&scenario(query), InvalidKeys::default(), MAP_CELLS) {
        Ok(m) => m,
        Err(e) => panic!("{query}: {e:?}"),
    }
}

/// `a` within `1e-20` of `b`, relatively when `b` is large: the model keeps 28 digits,
/// the worked values 40.
fn close(a: Decimal, b: Decimal) -> bool {
    let tolerance = dec!(0.00000000000000000001) * b.abs().max(Decimal::ONE);
    (a - b).abs() <= tolerance
}

/// The scenario's link with `kwh` and `btc` replaced: what a reader pastes into `kwhich eval`.
fn link_with(s: &Scenario, kwh: Decimal, btc: Decimal) -> String {
    let query = to_query(s);
    let kept: Vec<&str> = query.split('&').filter(|p| !p.starts_with("kwh=") && !p.starts_with("btc=")).collect();
    format!("{}&kwh={kwh}&btc={btc}", kept.join("&"))
}

#[test]
fn it_picks_the_highest_all_in_margin_and_breaks_ties_in_path_order() {
    use Path::*;
    let e = ModelError::Overflow;
    type Case = ([Figure; 3], Result<(Path, Decimal), ModelError>);
    let cases: [Case; 9] = [
        ([Ok(dec!(0.03)), Ok(dec!(0.02)), Ok(dec!(0.01))], Ok((Mining, dec!(0.03)))),
        ([Ok(dec!(0.01)), Ok(dec!(0.02)), Ok(dec!(-0.5))], Ok((Colo, dec!(0.02)))),
        ([Ok(dec!(-0.2)), Ok(dec!(-0.3)), Ok(dec!(-0.1))], Ok((Gpu, dec!(-0.1)))),
        // Ties: mining before colocation before GPU cloud.
        ([Ok(dec!(0.02)), Ok(dec!(0.02)), Ok(dec!(0.02))], Ok((Mining, dec!(0.02)))),
        ([Ok(dec!(0.01)), Ok(dec!(0.02)), Ok(dec!(0.020))], Ok((Colo, dec!(0.02)))),
        ([Ok(dec!(0.05)), Ok(dec!(0.01)), Ok(dec!(0.05))], Ok((Mining, dec!(0.05)))),
        // Any missing margin: no winner, with that margin's reason.
        ([Err(e), Ok(dec!(0.02)), Ok(dec!(0.01))], Err(e)),
        (
            [Ok(dec!(0.9)), Ok(dec!(0.02)), Err(ModelError::InvalidInput(Key::Gph))],
            Err(ModelError::InvalidInput(Key::Gph)),
        ),
        ([Ok(dec!(0)), Err(ModelError::Underflow), Err(e)], Err(ModelError::Underflow)),
    ];
    for (margins, want) in cases {
        assert_eq!(pick_winner(margins), want, "{margins:?}");
    }
}

#[test]
fn it_evaluates_every_cell_as_the_evaluator_does() {
    // Every cell of each map against `evaluate` (what `kwhich eval` prints) of the link
    // with the cell's two keys: mining's all-in margin digit for digit, and the winner as
    // the highest of the three printed all-in margins with the tie rule.
    for query in ["", "asic=s21xp&kwh=0.03&gpu=b200", "hp=45&kwh=0.07", "btc=150000&colo=90&gfit=6000000"] {
        let s = scenario(query);
        let m = map(query);
        assert_eq!(m.cells().len(), MAP_CELLS * MAP_CELLS);
        let step = if query.is_empty() { 1 } else { 7 };
        for (k, cell) in m.cells().iter().enumerate().step_by(step) {
            let link = link_with(&s, cell.kwh, cell.btc);
            let metrics = evaluate(&scenario(&link));
            assert_eq!(cell.mining, metrics.get(MetricId::MiningAllinMarginUsdPerKwh), "{link}");
            assert_eq!(cell.best, winner(&metrics), "{link}");
            assert_eq!(Some(cell), m.cell(k % MAP_CELLS, k / MAP_CELLS), "cell {k}");
        }
    }
}

#[test]
fn it_places_cells_at_the_centres_of_the_ranges() {
    // Default: kwh 0 … 0.15 in steps of 0.00375, btc 21,250 … 255,000 in steps of 5,843.75.
    let m = map("");
    let cases: [((usize, usize), (Decimal, Decimal)); 4] = [
        ((0, 0), (dec!(0.001875), dec!(24171.875))),
        ((13, 20), (dec!(0.050625), dec!(141046.875))),
        ((39, 39), (dec!(0.148125), dec!(252078.125))),
        ((39, 0), (dec!(0.148125), dec!(24171.875))),
    ];
    for ((i, j), want) in cases {
        let Some(c) = m.cell(i, j) else { panic!("({i}, {j})") };
        assert_eq!((c.kwh, c.btc), want, "({i}, {j})");
    }
    assert_eq!(m.cell(40, 0), None);
    assert_eq!(m.cell(0, 40), None);
    // Worked in 40 digits: at (0.050625, 141,046.875) mining earns 0.035184 all-in,
    // colocation 0.047394, GPU cloud −0.082526.
    let Some(c) = m.cell(13, 20) else { panic!("(13, 20)") };
    let Ok(mining) = c.mining else { panic!("{:?}", c.mining) };
    assert!(close(mining, dec!(0.035184224276866978786052150)), "{mining}");
    let Ok((Path::Colo, colo)) = c.best else { panic!("{:?}", c.best) };
    assert!(close(colo, dec!(0.047394333216251024470202552)), "{colo}");
}

#[test]
fn it_draws_the_break_even_and_target_lines_where_margin_and_cost_cross() {
    // Worked in 40 digits for the default scenario: row j's bitcoin price is
    // 21,250 + (2j + 1) · 233,750 / 80; mining's revenue per kWh there is
    // btc · hashprice · keep / (24 · eff · pue), and the break-even power price that revenue
    // less opx. The target line is tgt / energy per BTC − opx at every row.
    let m = map("");
    let target = dec!(0.040352405117404076360887097);
    let cases: [(usize, Decimal); 4] = [
        (0, dec!(0.016925053348945033165716356)),
        (7, dec!(0.054028989785621243138467112)),
        (20, dec!(0.12293630031087706165928994)),
        (39, dec!(0.22364698492471248872818485)),
    ];
    for (j, want) in cases {
        let Some(Ok(breakeven)) = m.breakeven.get(j) else { panic!("row {j}") };
        assert!(close(*breakeven, want), "row {j}: {breakeven} vs {want}");
        let Some(Ok(t)) = m.target.get(j) else { panic!("row {j}") };
        assert!(close(*t, target), "row {j}: {t}");
    }
    assert_eq!((m.breakeven.len(), m.target.len()), (MAP_CELLS, MAP_CELLS));

    // And where the lines cross the model: at each row's bitcoin price and the line's
    // power price, mining's cash margin is zero and its cash cost per BTC is the target.
    let s = scenario("");
    for j in [0, 7, 20] {
        let Some(cell) = m.cell(0, j) else { panic!("row {j}") };
        let (Some(Ok(be)), Some(Ok(t))) = (m.breakeven.get(j), m.target.get(j)) else { panic!("row {j}") };
        let at_breakeven = evaluate_static(&scenario(&link_with(&s, *be, cell.btc)), InvalidKeys::default());
        let Ok(margin) = at_breakeven.get(MetricId::MiningMarginUsdPerKwh) else { panic!("row {j}") };
        assert!(margin.abs() < dec!(0.0000000000000000000001), "row {j}: margin {margin}");
        let at_target = evaluate_static(&scenario(&link_with(&s, *t, cell.btc)), InvalidKeys::default());
        let Ok(cost) = at_target.get(MetricId::CashCostPerBtcUsd) else { panic!("row {j}") };
        assert!(close(cost, dec!(50000)), "row {j}: cash cost {cost}");
    }

    // With a given hashprice the margin does not depend on the bitcoin price: both lines are
    // upright, at hp · keep / (24 · eff · pue) − opx = 45 · 0.98 / 441 − 0.005 and at
    // tgt · hp · keep / (btc · 24 · eff · pue) − opx, which falls as the price rises.
    let m = map("hp=45");
    let upright = dec!(0.095000000000000000000000000);
    assert!(m.breakeven.iter().all(|b| b.is_ok_and(|b| close(b, upright))), "{:?}", m.breakeven.first());
    let Some(Ok(t0)) = m.target.first() else { panic!("row 0") };
    // 50,000 · 45 · 0.98 / (24,171.875 · 441) − 0.005.
    assert!(close(*t0, dec!(0.20185197155785391079508727)), "{t0}");
}

#[test]
fn it_says_above_which_bitcoin_price_mining_wins() {
    // Default, worked in 40 digits: mining −0.0150280 all-in, colocation 0.0473943; energy
    // per BTC 1,102,477.36 kWh, so 85,000 + 1,102,477.36 · 0.0624223 = 153,819.195…
    let s = scenario("");
    let Ok(MiningWins::Above(x)) = mining_wins(&s, &evaluate(&s)) else { panic!("default") };
    assert!(close(x, dec!(153819.19535367649874573955)), "{x}");
    // Just above it mining wins the map's cell rule, just below colocation does.
    for (btc, want) in [(x + dec!(1), Path::Mining), (x - dec!(1), Path::Colo)] {
        let at = evaluate_static(&scenario(&format!("btc={}", btc.round_dp(6))), InvalidKeys::default());
        assert_eq!(winner(&at).map(|w| w.0), Ok(want), "btc {btc}");
    }
    let cases: [(&str, Result<MiningWins, ModelError>); 4] = [
        // A given hashprice: mining's margin is fixed, 45 · 0.98 / 441 − 0.055 − capex.
        ("hp=45", Ok(MiningWins::Never)),
        ("hp=100000", Ok(MiningWins::Always)),
        // Everything AI loses money: mining wins at any price.
        ("colo=0&gph=0", Ok(MiningWins::Always)),
        // A fit-out as dear as a link allows: colocation loses 9.5 USD per kWh all-in, far
        // more than mining's 0.092 at a bitcoin price of nothing.
        ("gfit=1000000000&colo=0", Ok(MiningWins::Always)),
    ];
    for (query, want) in cases {
        let s = scenario(query);
        assert_eq!(mining_wins(&s, &evaluate(&s)), want, "{query}");
    }
    // An input being edited: no sentence, and why.
    let s = scenario("");
    let invalid = InvalidKeys::default().with(Key::Gph);
    let metrics = crate::model::evaluate_with_invalid(&s, invalid);
    assert_eq!(mining_wins(&s, &metrics), Err(ModelError::InvalidInput(Key::Gph)));
}

#[test]
fn it_shows_where_mining_and_colocation_each_win_by_default() {
    let m = map("");
    let won = |path: Path| m.cells().iter().filter(|c| c.best.is_ok_and(|(p, _)| p == path)).count();
    let (mining, colo, gpu) = (won(Path::Mining), won(Path::Colo), won(Path::Gpu));
    assert!(mining > 100 && colo > 100, "mining {mining}, colo {colo}");
    assert_eq!((gpu, mining + colo), (0, 1600));
    // Named inside their own colour.
    let labels = m.region_labels();
    assert_eq!(labels.iter().map(|l| l.0).collect::<Vec<_>>(), [Path::Mining, Path::Colo]);
    for (path, i, j) in labels {
        assert_eq!(m.cell(i, j).and_then(|c| c.best.ok()).map(|b| b.0), Some(path));
    }
    // Mining wins up and to the left (dear bitcoin, cheap power): the top-left corner.
    assert_eq!(m.cell(0, 39).and_then(|c| c.best.ok()).map(|b| b.0), Some(Path::Mining));
    assert_eq!(m.cell(39, 0).and_then(|c| c.best.ok()).map(|b| b.0), Some(Path::Colo));
    // The scenario's own cell: kwh 0.05 in column 13 (0.04875 … 0.0525), btc 85,000 in
    // row 10 (79,687.5 … 85,531.25).
    assert_eq!(m.point, Some((dec!(0.05), dec!(85000))));
    assert_eq!(m.point_cell(), Some((13, 10)));
}

#[test]
fn it_shades_by_thirds_of_the_best_margin() {
    // Every shade is one of the four; a winner losing money all-in is shade 0; the best
    // cell is 3; shade rises with the winner's margin.
    for query in ["", "kwh=0.2", "gph=4"] {
        let m = map(query);
        let top = m.cells().iter().filter_map(|c| c.best.ok().map(|b| b.1)).max().unwrap_or_default();
        for c in m.cells() {
            let Ok((_, margin)) = c.best else { panic!("{query}") };
            let want = if margin <= Decimal::ZERO {
                0
            } else if margin * dec!(3) <= top {
                1
            } else if margin * dec!(3) <= top * dec!(2) {
                2
            } else {
                3
            };
            assert_eq!(c.shade, want, "{query}: {margin} of {top}");
        }
    }
    // Where every path loses money, every cell is shade 0.
    let m = map("colo=0&gph=0&btc=1000");
    assert!(m.cells().iter().all(|c| c.shade == 0));
}

#[test]
fn it_stays_finite_and_readable_at_the_extremes() {
    for query in [
        "kwh=0",
        "btc=10000000",
        "kwh=10&btc=10000000",
        "btc=0.01&kwh=0.0001",
        "diff=1000000&btc=0.01",
        "capex=10000&site=1000000000&life=0.01",
        "up=0.0001&gph=1000&util=100",
    ] {
        let s = scenario(query);
        let m = match decision_map(&s, InvalidKeys::default(), MAP_CELLS) {
            Ok(m) => m,
            Err(e) => panic!("{query}: {e:?}"),
        };
        let (kwh, btc) = (m.ranges.kwh, m.ranges.btc);
        assert!(kwh.low < kwh.high && btc.low < btc.high, "{query}: {kwh:?} {btc:?}");
        assert!(kwh.to_f64().is_some_and(|(a, b)| a.is_finite() && b.is_finite()), "{query}");
        for c in m.cells() {
            // Each figure is a number or a reason: never a made-up zero.
            assert!(c.mining.is_ok() || c.best.is_err(), "{query}: {c:?}");
            assert!(c.shade < SHADES);
            let link = link_with(&s, c.kwh, c.btc);
            assert!(from_query(&link).1.is_empty(), "{link}");
        }
        assert!(m.point_cell().is_some(), "{query}: the scenario is on its own map");
        let _ = mining_wins(&s, &evaluate(&s));
    }
    // At the maxima the scenario sits on the map's top edge: bitcoin 2.5 M … 10 M.
    let m = map("btc=10000000");
    assert_eq!(m.point_cell(), Some((13, 39)));
    // Free power: the left edge.
    assert_eq!(map("kwh=0").point_cell().map(|p| p.0), Some(0));
    assert_eq!(
        decision_map(&scenario(""), InvalidKeys::default(), 0),
        Err(ModelError::ZeroDivisor(Quantity::NumberOfCells))
    );
}

#[test]
fn it_keeps_the_map_while_its_own_keys_are_edited() {
    let s = scenario("kwh=0.04");
    // kwh being typed: every cell still has its figures, the scenario's mark has none.
    let m = match decision_map(&s, InvalidKeys::default().with(Key::Kwh), 10) {
        Ok(m) => m,
        Err(e) => panic!("{e:?}"),
    };
    assert!(m.cells().iter().all(|c| c.mining.is_ok() && c.best.is_ok()));
    assert_eq!(m.point, None);
    assert_eq!(m.point_cell(), None);
    // Another key being typed: the figures that need it say so.
    let m = match decision_map(&s, InvalidKeys::default().with(Key::Glife), 10) {
        Ok(m) => m,
        Err(e) => panic!("{e:?}"),
    };
    assert!(m.cells().iter().all(|c| c.mining.is_ok() && c.best == Err(ModelError::InvalidInput(Key::Glife))));
    assert!(m.breakeven.iter().all(Result::is_ok));
    assert!(m.cells().iter().all(|c| c.shade == 0));
    let m = match decision_map(&s, InvalidKeys::default().with(Key::Opx), 10) {
        Ok(m) => m,
        Err(e) => panic!("{e:?}"),
    };
    assert!(m.breakeven.iter().all(|b| *b == Err(ModelError::InvalidInput(Key::Opx))));
    assert!(m.region_labels().is_empty());
}

#[test]
fn it_computes_every_cell_and_line_exactly_as_the_static_evaluator() {
    // The grid shares the work between cells; each figure must still be `evaluate_static`'s
    // own with the cell's two keys set, value for value and reason for reason, including
    // while other keys are being edited and at the extremes.
    let keys = [Key::Opx, Key::Up, Key::Life, Key::Glife, Key::Tgt, Key::Pool, Key::Gph, Key::W];
    let cases: Vec<(&str, InvalidKeys)> = [
        "",
        "asic=s21xp&kwh=0.03&gpu=b200",
        "hp=45&kwh=0.07",
        "kwh=0&btc=10000000",
        "up=0.0001&gph=1000&util=100",
        "capex=10000&site=1000000000&life=0.01",
        "diff=1000000&btc=0.01",
        // Power by the hour: each cell decides its running buckets at its own prices.
        "pp=ercot-n-2025",
        "pp=ercot-n-2025&strike=0.03&drc=25&firm=0.02",
        "drc=40",
    ]
    .into_iter()
    .map(|q| (q, InvalidKeys::default()))
    .chain(keys.into_iter().map(|k| ("kwh=0.04", InvalidKeys::default().with(k))))
    .chain([("", InvalidKeys::default().with(Key::Kwh).with(Key::Btc).with(Key::Up))])
    .collect();
    for (query, invalid) in cases {
        let s = scenario(query);
        let Ok(m) = decision_map(&s, invalid, MAP_CELLS) else { panic!("{query}") };
        let cell_invalid = invalid.without(Key::Kwh).without(Key::Btc);
        for (k, cell) in m.cells().iter().enumerate() {
            let mut at = s.clone();
            assert!(at.set(Key::Kwh, Some(cell.kwh)).is_ok() && at.set(Key::Btc, Some(cell.btc)).is_ok());
            let metrics = evaluate_static(&at, cell_invalid);
            let what = format!("{query} {invalid:?} cell {k}");
            assert_eq!(cell.mining, metrics.get(MetricId::MiningAllinMarginUsdPerKwh), "{what}");
            assert_eq!(cell.best, winner(&metrics), "{what}");
            if k % MAP_CELLS == 0 {
                let j = k / MAP_CELLS;
                assert_eq!(m.breakeven[j], metrics.get(MetricId::BreakevenPowerPriceUsdPerKwh), "{what}");
                assert_eq!(m.target[j], metrics.get(MetricId::TargetMaxPowerPriceUsdPerKwh), "{what}");
            }
        }
    }
}

#[test]
fn it_finds_where_bs_winner_differs_from_as_over_as_prices() {
    let a = scenario("kwh=0.05");
    let b = scenario("kwh=0.05&asic=s19jpro&gph=1.5");
    let a_map = map("kwh=0.05");
    let ranges = a_map.ranges;
    let b_map = match decision_map_over(&b, InvalidKeys::default(), MAP_CELLS, ranges) {
        Ok(m) => m,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(b_map.ranges, a_map.ranges, "B drawn over A's prices");
    let changes = winner_changes(&a_map, &b_map);
    assert!(!changes.is_empty() && changes.len() < MAP_CELLS * MAP_CELLS, "{} cells differ", changes.len());
    for j in 0..MAP_CELLS {
        for i in 0..MAP_CELLS {
            let (ca, cb) = (a_map.cell(i, j), b_map.cell(i, j));
            let path = |c: Option<&MapCell>| c.and_then(|c| c.best.ok()).map(|(p, _)| p);
            // Each cell is B's own figure at those prices, as the evaluator gives it.
            if let Some(c) = cb.filter(|_| i % 13 == 0 && j % 13 == 0) {
                let link = format!("{}&kwh={}&btc={}", to_query(&b), c.kwh, c.btc);
                let m = evaluate(&from_query(&link).0);
                assert_eq!(c.best.ok().map(|(p, _)| p), winner(&m).ok().map(|(p, _)| p), "{link}");
            }
            assert_eq!(changes.contains(&(i, j)), path(ca) != path(cb), "cell {i}, {j}");
        }
    }
    // A map against itself, or against one over other prices, has nothing to show.
    assert!(winner_changes(&a_map, &a_map).is_empty());
    assert_ne!(map("kwh=0.08").ranges, a_map.ranges);
    assert!(winner_changes(&a_map, &map("kwh=0.08")).is_empty());
    assert_ne!(a, b);
}
