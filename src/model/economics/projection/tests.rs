use super::*;
use crate::model::economics::metric::MetricId;
use crate::model::economics::metrics::evaluate;
use crate::model::link::share_link::from_query;

fn scenario(link: &str) -> Scenario {
    let (s, warnings) = from_query(link);
    assert!(warnings.is_empty(), "{link}: {warnings:?}");
    s
}

#[test]
fn it_starts_from_the_scenario_itself() {
    let s = scenario("");
    let projection = project(&s);
    // The charts' horizon is 120 months; the lease's life runs to 9 + 144 = 153.
    assert_eq!(projection.shown().len(), 121);
    assert_eq!(projection.points().len(), 154);
    let now = evaluate(&s);
    let first = &projection.points()[0];
    for path in Path::ALL {
        assert_eq!(first.margin(path), now.get(path.margin()), "{}", path.name());
        assert_eq!(first.cum(path), now.get(path.capex()).map(|c| -c), "{}", path.name());
    }
}

#[test]
fn it_compounds_difficulty_monthly_and_prices_yearly() {
    // Month 12 with dg=2, pg=10, gd=-15, ce=2: difficulty · 1.02^12, price · 1.1,
    // GPU price · 0.85, lease · 1.02; the halving at 1,050,000 is still ahead.
    let s = scenario("?dg=2&pg=10&gd=-15&ce=2&mo=12");
    let projection = project(&s);
    let month12 = &projection.points()[12];
    let expected =
        scenario("?dg=2&pg=10&gd=-15&ce=2&mo=12&diff=196.57747815719452433676288&btc=93500&gph=1.7&colo=142.8");
    let want = evaluate(&expected);
    for path in Path::ALL {
        match (month12.margin(path), want.get(path.margin())) {
            (Ok(a), Ok(b)) => assert!((a - b).abs() <= b.abs() * dec!(0.000000001), "{a} vs {b}"),
            (a, b) => panic!("{}: {a:?} vs {b:?}", path.name()),
        }
    }
}

#[test]
fn it_halves_the_subsidy_when_the_height_passes_1050000() {
    // From 925,000 at 4,380 blocks a month: 1,050,000 is passed in month 29 (1,052,020).
    let s = scenario("?dg=0&pg=0&gd=0&ce=0&mo=40");
    let points = project(&s);
    let after = evaluate(&scenario("?sub=1.5625")).get(MetricId::MiningMarginUsdPerKwh);
    let before = evaluate(&s).get(MetricId::MiningMarginUsdPerKwh);
    assert_eq!(points.points()[28].mining, before);
    // Revenue moves by the reward's ratio, 1.5825 / 3.145: the same to 26 digits.
    match (points.points()[29].mining, after) {
        (Ok(a), Ok(b)) => assert!((a - b).abs() < dec!(0.000000000000000000000001), "{a} vs {b}"),
        (a, b) => panic!("{a:?} vs {b:?}"),
    }
}

#[test]
fn it_runs_as_far_as_the_longest_life_whatever_the_horizon() {
    let cases = [
        // (link, shown, computed): default lives end at 48, 153 and 69.
        ("mo=1", 2, 154),
        ("mo=240", 241, 241),
        ("mo=12&clife=1&glife=1&conv=0&life=1", 13, 13),
        ("mo=1&clife=0.5&glife=0.5&conv=0&life=0.5", 2, 7),
        ("clife=20", 121, 240 + 1),
        ("clife=50&glife=50&life=50&conv=60", 121, 241),
    ];
    for (link, shown, computed) in cases {
        let projection = project(&scenario(link));
        assert_eq!(projection.shown().len(), shown, "{link}");
        assert_eq!(projection.points().len(), computed, "{link}");
    }
}

#[test]
fn it_errs_instead_of_reading_an_unreadable_value_as_zero() {
    // No link holds these, so the scenario is built by hand.
    assert_eq!(Months::new(dec!(1.5)).count(), Err(ModelError::NotWhole(dec!(1.5))));
    assert_eq!(BlockHeight::new(dec!(-1)).height(), Err(ModelError::Overflow));
    assert_eq!(halved(Ok(dec!(3.125)), Err(ModelError::Overflow), 1), Err(ModelError::Overflow));
    assert_eq!(halved(Ok(dec!(3.125)), Ok(1_049_999), 1), Ok(dec!(1.5625)));
}

#[test]
fn it_finds_the_halving_months() {
    // From 925,000 at 4,380 blocks a month: 1,050,000 is passed in month 29 (1,052,020),
    // 1,260,000 in month 77 (1,262,260); the default horizon of 120 months holds both.
    let (s, _) = crate::model::from_query("");
    assert_eq!(halving_months(&s, 120), vec![29, 77]);
    assert_eq!(halving_months(&s, 28), Vec::<u32>::new());
    let (at, _) = crate::model::from_query("?blk=1049999");
    assert_eq!(halving_months(&at, 2), vec![1]);
}

#[test]
fn it_gives_each_path_its_idle_months_its_life_end_and_the_horizon() {
    // (link, horizon, idle months, last month of each life): by default mining earns from
    // month 1 for 4 years, the AI paths after a conversion of 9 months for 12 and 5.
    let cases = [
        ("", 120, [0, 9, 9], [48, 153, 69]),
        ("mo=1&clife=0.5&glife=0.5&conv=0&life=0.5", 1, [0, 0, 0], [6, 6, 6]),
        ("mo=24&conv=3&life=2&clife=1&glife=30", 24, [0, 3, 3], [24, 15, 240]),
    ];
    for (link, horizon, idle, end) in cases {
        let projection = project(&scenario(link));
        assert_eq!(projection.horizon(), Ok(horizon), "{link}");
        for (p, path) in Path::ALL.into_iter().enumerate() {
            assert_eq!(projection.idle_months(path), Ok(idle[p]), "{link} {}", path.name());
            assert_eq!(projection.life_end(path), Ok(end[p]), "{link} {}", path.name());
        }
    }
}

#[test]
fn it_counts_cash_from_the_month_after_the_idle_ones_to_the_end_of_the_life() {
    // Idle for 2 months, the life ending at month 5: months 3, 4 and 5 earn the margin of
    // the month before times the kWh; a losing month earns nothing rather than a loss.
    let hours = Ok(dec!(730000));
    let got: Vec<Figure> = (0..=7).map(|month| cash_of_month(month, Ok(2), Ok(5), Ok(dec!(0.01)), hours)).collect();
    let (idle, earning) = (Ok(Decimal::ZERO), Ok(dec!(7300)));
    assert_eq!(got, vec![idle, idle, idle, earning, earning, earning, idle, idle]);
    assert_eq!(cash_of_month(3, Ok(2), Ok(5), Ok(dec!(-0.01)), hours), Ok(Decimal::ZERO));
}
