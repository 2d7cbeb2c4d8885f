use rust_decimal::RoundingStrategy;
use rust_decimal_macros::dec;

use super::*;

fn cents(figure: Figure) -> Decimal {
    figure.map_or(dec!(-999999999), |d| d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

fn month(year: i32, m: u8) -> YearMonth {
    YearMonth::new(year, m).unwrap_or_else(|| panic!("{year}-{m}"))
}

fn hashprice_of(year: i32, m: u8) -> Figure {
    let i = index_of(month(year, m)).unwrap_or_else(|| panic!("{year}-{m} in the data"));
    data::months()[i as usize].hashprice()
}

#[test]
fn it_holds_the_data_file_row_for_row() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/btc_monthly.csv"))
        .unwrap_or_else(|e| panic!("data/btc_monthly.csv: {e}"));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("month,btc_usd,difficulty_t,fees_btc_per_block,subsidy_btc"));
    let rows: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    assert_eq!((rows.len(), data::months().len()), (data::COUNT, data::COUNT), "one table row a CSV row");
    for ((when, m), row) in months().zip(&rows) {
        let cells: Vec<&str> = row.split(',').collect();
        let read = |i: usize| cells[i].parse::<Decimal>().unwrap_or_else(|e| panic!("{row}: {e}"));
        assert_eq!(cells[0], month_text(when), "{row}");
        assert_eq!((m.btc, m.diff, m.fee, m.sub), (read(1), read(2), read(3), read(4)), "{row}");
    }
    assert_eq!((month_text(first_month()), month_text(last_month())), ("2016-01".into(), "2026-02".into()));
    assert_eq!((data::FIRST_TEXT, data::LAST_TEXT), ("2016-01", "2026-02"));
}

#[test]
fn it_gives_the_data_readmes_hashprices_to_the_cent() {
    // data/README.md: 2024-06 $55.07, 2024-08 $43.50, 2025-11 $39.76, 2026-02 $32.25.
    let cases =
        [((2024, 6), dec!(55.07)), ((2024, 8), dec!(43.50)), ((2025, 11), dec!(39.76)), ((2026, 2), dec!(32.25))];
    for ((year, m), want) in cases {
        assert_eq!(cents(hashprice_of(year, m)), want, "{year}-{m}");
    }
    // The all-time low of the data is its last month; the peak is December 2017.
    let all: Vec<(YearMonth, Decimal)> = months().map(|(w, m)| (w, m.hashprice().unwrap_or(Decimal::MAX))).collect();
    let low = all.iter().min_by_key(|(_, h)| *h).map(|(w, _)| *w);
    assert_eq!(low, Some(month(2026, 2)));
}

#[test]
fn it_reads_and_refuses_months() {
    assert_eq!(parse_month("2022-02"), Ok(month(2022, 2)));
    assert_eq!(parse_month("2016-01"), Ok(month(2016, 1)));
    assert_eq!(parse_month("2026-02"), Ok(month(2026, 2)));
    for outside in ["2015-12", "2026-03", "1999-01", "9999-12"] {
        assert_eq!(parse_month(outside), Err(MonthError::OutsideData), "{outside}");
    }
    for bad in
        ["2022-2", "2022-13", "2022-00", "22-02", "2022", "", "2022-02-01", "abcd-ef", "+022-02", "2022_02", "2022-1a"]
    {
        assert_eq!(parse_month(bad), Err(MonthError::NotAMonth), "{bad}");
    }
    let mut s = Scenario::default();
    assert_eq!(s.set_bt(Some(month(2015, 12))), Err(MonthError::OutsideData));
    assert_eq!(s.bt_given(), None);
    assert_eq!(s.set_btcap(Some(dec!(10001))), Err(FieldError::OutOfRange));
    assert_eq!(s.set_btcap(Some(dec!(-1))), Err(FieldError::OutOfRange));
    assert_eq!(parse_btcap("10000"), Ok(dec!(10000)));
    assert_eq!(parse_btcap("1,5"), Err(FieldError::Comma));
}

#[test]
fn it_defaults_bt_to_the_last_month_less_the_life_and_btcap_to_capex() {
    let mut s = Scenario::default();
    // 2026-02 less 48 months.
    assert_eq!(s.bt(), month(2022, 2));
    assert_eq!(s.btcap().get(), dec!(14));
    let _ = s.set(Key::Life, Some(dec!(2.99)));
    // floor(12 · 2.99) = 35 months back.
    assert_eq!(s.bt(), month(2023, 3));
    let _ = s.set(Key::Life, Some(dec!(50)));
    assert_eq!(s.bt(), first_month(), "a life longer than the data starts at its first month");
    let _ = s.set(Key::Capex, Some(dec!(20)));
    assert_eq!(s.btcap().get(), dec!(20));
    assert_eq!(s.set_btcap(Some(dec!(5))), Ok(()));
    assert_eq!(s.btcap().get(), dec!(5));
}

/// pue 1, pool 0, uptime 100 %, opx 0, site 0, an S21 (17.5 J/TH), three months of life.
fn plain_scenario(kwh: Decimal, bt: YearMonth, btcap: Decimal) -> Scenario {
    let mut s = Scenario::default();
    for (key, value) in [
        (Key::Pue, dec!(1)),
        (Key::Pool, dec!(0)),
        (Key::Up, dec!(100)),
        (Key::Opx, dec!(0)),
        (Key::Site, dec!(0)),
        (Key::Life, dec!(0.25)),
        (Key::Kwh, kwh),
    ] {
        s.set(key, Some(value)).unwrap_or_else(|e| panic!("{key}: {e:?}"));
    }
    s.set_bt(Some(bt)).unwrap_or_else(|e| panic!("bt: {e:?}"));
    s.set_btcap(Some(btcap)).unwrap_or_else(|e| panic!("btcap: {e:?}"));
    s
}

#[test]
fn it_backtests_a_fleet_that_pays_back_worked_by_hand() {
    // Bought June 2024 at $2/TH: capex 2 · 10^6 / 17.5 = $114,285.71 per MW. Each month
    // earns (hashprice / (24 · 17.5) − 0.05) · 730,000:
    //   2024-06  55.0713 / 420 = 0.131122 → $59,219.14, cumulative −55,066.57
    //   2024-07  49.8901 / 420 = 0.118786 → $50,213.77, cumulative  −4,852.81
    //   2024-08  43.5033 / 420 = 0.103579 → $39,112.89, cumulative  34,260.08: paid back.
    let s = plain_scenario(dec!(0.05), month(2024, 6), dec!(2));
    let h = evaluate_history(&s, InvalidKeys::default());
    let b = &h.backtest;
    assert_eq!(b.months, Ok(3));
    assert_eq!(cents(b.capex), dec!(114285.71));
    let cum: Vec<Decimal> = b.cum.iter().map(|c| cents(*c)).collect();
    assert_eq!(cum, [dec!(-114285.71), dec!(-55066.57), dec!(-4852.81), dec!(34260.08)]);
    assert_eq!(cents(b.cash()), dec!(34260.08));
    assert_eq!(b.payback_months(), Ok(dec!(3)));
    // The history's months carry the same figures, and nothing outside the backtest.
    let carried: Vec<(String, Decimal)> =
        h.months.iter().filter_map(|m| Some((month_text(m.month), cents(m.cum?)))).collect();
    assert_eq!(
        carried,
        [("2024-06".into(), dec!(-55066.57)), ("2024-07".into(), dec!(-4852.81)), ("2024-08".into(), dec!(34260.08))]
    );
}

#[test]
fn it_backtests_a_fleet_that_never_pays_back_worked_by_hand() {
    // Bought December 2025 at $14/TH with power at $0.09: capex $800,000 per MW. Three
    // months of life, and the data ends with them:
    //   2025-12  37.8553 / 420 = 0.090132 → $96.05
    //   2026-01  39.2973 / 420 = 0.093565 → $2,602.39
    //   2026-02  32.2525 / 420 = 0.076792 < 0.09: the machines stand idle, $0.
    let s = plain_scenario(dec!(0.09), month(2025, 12), dec!(14));
    let b = evaluate_history(&s, InvalidKeys::default()).backtest;
    assert_eq!(b.months, Ok(3));
    let cum: Vec<Decimal> = b.cum.iter().map(|c| cents(*c)).collect();
    assert_eq!(cum, [dec!(-800000), dec!(-799903.95), dec!(-797301.56), dec!(-797301.56)]);
    assert_eq!(b.payback_months(), Err(ModelError::NeverPaysBack));
    // Four years of life from December 2025: the data holds three months of them.
    let mut longer = s.clone();
    let _ = longer.set(Key::Life, Some(dec!(4)));
    assert_eq!(evaluate_history(&longer, InvalidKeys::default()).backtest.months, Ok(3));
}

#[test]
fn it_names_what_it_cannot_compute() {
    let s = Scenario::default();
    let h = evaluate_history(&s, InvalidKeys::default().with(Key::Kwh));
    assert_eq!(h.backtest.cash(), Err(ModelError::InvalidInput(Key::Kwh)));
    assert_eq!(h.backtest.payback_months(), Err(ModelError::InvalidInput(Key::Kwh)));
    // Hashprice needs none of the scenario's inputs.
    assert!(h.months.iter().all(|m| m.hashprice.is_ok()));
    let h = evaluate_history(&s, InvalidKeys::default().with(Key::Capex));
    assert_eq!(h.backtest.capex, Err(ModelError::InvalidInput(Key::Capex)));
    let mut given = s.clone();
    let _ = given.set_btcap(Some(dec!(10)));
    assert!(evaluate_history(&given, InvalidKeys::default().with(Key::Capex)).backtest.capex.is_ok());
}

#[test]
fn it_refuses_bt_outside_the_data_by_name_and_keeps_the_default() {
    use crate::model::link::share_link::{Fallback, Refusal, Warning};
    use crate::model::{from_query, to_query};
    let (s, warnings) = from_query("bt=2015-12&btcap=10001&life=2");
    assert_eq!(s.bt(), month(2024, 2), "2026-02 less 24 months");
    assert_eq!(s.btcap().get(), dec!(14));
    assert_eq!(
        warnings,
        [
            Warning::Invalid {
                key: "bt".into(),
                value: "2015-12".into(),
                reason: Refusal::BacktestMonth(MonthError::OutsideData),
                fallback: Fallback::DefaultMonth,
            },
            Warning::Invalid {
                key: "btcap".into(),
                value: "10001".into(),
                reason: Refusal::BacktestCapex,
                fallback: Fallback::Value("14".into()),
            },
        ]
    );
    let said: Vec<String> = warnings.iter().map(crate::text::reasons::warning).collect();
    assert_eq!(
        said[0],
        "bt=2015-12 ignored: the history runs from 2016-01 to 2026-02; using the data's last month less the ASIC life."
    );
    let (kept, warnings) = from_query("bt=2019-05&b=1&bt=x");
    assert_eq!(kept.bt(), month(2019, 5), "{warnings:?}");
    let (_, warnings) = from_query("bt=2022-2");
    assert!(matches!(&warnings[..], [Warning::Invalid { reason: Refusal::BacktestMonth(MonthError::NotAMonth), .. }]));
    assert_eq!(to_query(&s), "v=1&life=2");
}

#[test]
fn it_writes_bt_and_btcap_only_when_they_differ_from_their_defaults() {
    use crate::model::{from_link, from_query, to_query, Link};
    let cases = [
        // A given month stays put when `life` changes: it is written even when it is
        // today's default.
        ("bt=2022-02", "v=1&bt=2022-02"),
        ("bt=2022-02&life=3", "v=1&life=3&bt=2022-02"),
        ("btcap=14", "v=1&btcap=14"),
        ("btcap=14&capex=20", "v=1&capex=20&btcap=14"),
        ("btcap=3.50&bt=2019-05", "v=1&bt=2019-05&btcap=3.5"),
        ("bt=&btcap=", "v=1"),
    ];
    for (link, want) in cases {
        let (s, warnings) = from_query(link);
        assert!(warnings.is_empty(), "{link}: {warnings:?}");
        assert_eq!(to_query(&s), want, "{link}");
        assert_eq!(to_query(&from_query(want).0), want, "{want} round trip");
    }
    // Side B of a comparison reads its own, and clears A's with an empty value.
    let (link, warnings) = from_link("bt=2019-05&b.bt=&b.btcap=2");
    assert!(warnings.is_empty(), "{warnings:?}");
    let Link::Compare(c) = link else { panic!("a comparison") };
    assert_eq!((c.a().bt(), c.b().bt()), (month(2019, 5), month(2022, 2)));
    assert_eq!(c.b().btcap().get(), dec!(2));
}

#[test]
fn it_finds_the_halvings_and_the_all_time_low_in_the_data() {
    let halvings: Vec<String> = halvings().into_iter().map(|i| month_text(first_month().plus_months(i))).collect();
    assert_eq!(halvings, ["2016-07", "2020-05", "2024-04"]);
    let low = all_time_low().map(|(i, h)| (month_text(first_month().plus_months(i)), cents(Ok(h))));
    assert_eq!(low, Some(("2026-02".into(), dec!(32.25))));
}
