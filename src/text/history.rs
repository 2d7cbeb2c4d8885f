//! The words of the "History" section: its charts' titles, which state the finding, their
//! subtitles, labels and the data's attribution, from the model's history (which speaks no
//! language). The page's component only binds them to the charts' geometry.

use rust_decimal::Decimal;

use super::fields::{bound, predicate, unit};
use super::format::{number, usd};
use super::{num, t, tf};
use crate::model::chart::time::YearMonth;
use crate::model::error::ModelError;
use crate::model::fields::FieldError;
use crate::model::history::{self, Backtest, MonthError};
use crate::model::Key;

/// "Feb 2026".
pub fn month_label(month: YearMonth) -> String {
    super::time_charts::date_label(month)
}

/// The data's attribution, under every chart of the section (its licence asks for it).
pub fn attribution() -> &'static str {
    t("Source: Coin Metrics Community Data (CC BY-NC 4.0)")
}

/// The data's name within [`attribution`], a run of Latin letters set apart from the
/// words around it in Arabic (so its closing parenthesis stays where it belongs).
pub const DATA_NAME: &str = "Coin Metrics Community Data (CC BY-NC 4.0)";

/// `text` cut into runs, each with whether it is one of `ltr` (a name or figure written
/// left to right, such as [`DATA_NAME`] or "S9 (98 J/TH)"), which the page isolates in an
/// Arabic sentence so its parentheses and commas keep their places when lines wrap.
pub fn ltr_runs<'a>(text: &'a str, ltr: &[&str]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let next = ltr.iter().filter(|r| !r.is_empty()).filter_map(|r| Some((rest.find(r)?, r.len()))).min();
        let Some((at, len)) = next else { break };
        let (before, run, after) = (&rest[..at], &rest[at..at + len], &rest[at + len..]);
        if !before.is_empty() {
            out.push((before, false));
        }
        out.push((run, true));
        rest = after;
    }
    if !rest.is_empty() {
        out.push((rest, false));
    }
    out
}

/// The label of the backtest's month, `bt`.
pub fn bt_label() -> &'static str {
    t("Backtest: month bought")
}

/// The label of the backtest's ASIC price, `btcap`.
pub fn btcap_label() -> &'static str {
    t("Backtest: ASIC price then")
}

/// `bt`'s range in words: "a month from 2016-01 to 2026-02, written YYYY-MM".
pub fn bt_range() -> String {
    tf(
        "a month from {first} to {last}, written YYYY-MM",
        &[("first", history::data::FIRST_TEXT), ("last", history::data::LAST_TEXT)],
    )
}

/// `btcap`'s range in words: "≥ 0 and ≤ 10,000 USD/TH".
pub fn btcap_range() -> String {
    let lower = tf("≥ {n}", &[("n", &bound(Decimal::ZERO))]);
    let upper = tf("≤ {n}", &[("n", &bound(history::BTCAP_MAX))]);
    let range = tf("{lower} and {upper}", &[("lower", &lower), ("upper", &upper)]);
    tf("{range} {unit}", &[("range", &range), ("unit", unit(Key::Capex))])
}

/// What an empty `bt` means.
pub fn bt_help() -> &'static str {
    t("Empty: one ASIC life before the data's last month.")
}

/// What an empty `btcap` means.
pub fn btcap_help() -> &'static str {
    t("Empty: the ASIC price of the inputs.")
}

/// Why a typed `bt` was refused, naming the input and its range.
pub fn bt_error(error: MonthError) -> String {
    let problem = match error {
        MonthError::NotAMonth => t("is not a month written YYYY-MM"),
        MonthError::OutsideData => t("is outside the history's months"),
    };
    tf("{label} {problem}; it must be {range}.", &[("label", bt_label()), ("problem", problem), ("range", &bt_range())])
}

/// Why a typed `btcap` was refused, naming the input and its range.
pub fn btcap_error(error: &FieldError) -> String {
    tf(
        "{label} {problem}; it must be {range}.",
        &[("label", btcap_label()), ("problem", predicate(error)), ("range", &btcap_range())],
    )
}

/// A hashprice as the charts write it: `$32.25`.
fn hashprice_text(value: Decimal) -> String {
    usd(value, 2)
}

/// The hashprice chart's title: where the latest month stands against the whole series.
/// `latest` and `low` are (month, hashprice); the low is the all-time low of the data.
pub fn hashprice_title(first: YearMonth, latest: (YearMonth, Decimal), low: (YearMonth, Decimal)) -> String {
    if latest.0 == low.0 {
        tf("Hashprice is at its lowest since {year}", &[("year", &num(&first.year().to_string()))])
    } else {
        tf(
            "Hashprice is {now}; its lowest since {year} was {low} in {date}",
            &[
                ("now", &hashprice_text(latest.1)),
                ("year", &num(&first.year().to_string())),
                ("low", &hashprice_text(low.1)),
                ("date", &month_label(low.0)),
            ],
        )
    }
}

pub fn hashprice_subtitle() -> &'static str {
    t("USD per PH/s per day, month by month (monthly means)")
}

/// The label of the all-time low's marker (its month is where the rule stands).
pub fn low_label(low: (YearMonth, Decimal)) -> String {
    tf("All-time low, {value}", &[("value", &hashprice_text(low.1))])
}

/// The label of the scenario's own hashprice, a line across the chart.
pub fn scenario_hashprice_label(value: Decimal) -> String {
    tf("Today {value}", &[("value", &usd(value, 0))])
}

pub fn halving_label(month: YearMonth) -> String {
    tf("Halving, {date}", &[("date", &month_label(month))])
}

/// The revenue chart's title: when the scenario's fleet last earned its cash cost.
/// `fleet` is its revenue per kWh month by month; `cash` its cash cost per kWh.
pub fn revenue_title(months: &[YearMonth], fleet: &[Option<Decimal>], cash: Decimal) -> String {
    let cash_text = usd(cash, 3);
    let covered = |r: &Option<Decimal>| r.is_some_and(|r| r >= cash);
    match (fleet.last().is_some_and(covered), fleet.iter().rposition(covered)) {
        (true, _) => tf("This fleet still earns more than its cash cost of {cash} per kWh", &[("cash", &cash_text)]),
        (false, None) => tf("This fleet never earned its cash cost of {cash} per kWh", &[("cash", &cash_text)]),
        (false, Some(i)) => tf(
            "This fleet last earned its cash cost of {cash} per kWh in {date}",
            &[("cash", &cash_text), ("date", &months.get(i).map(|m| month_label(*m)).unwrap_or_default())],
        ),
    }
}

/// The revenue chart's subtitle; its axis stops at `cap` so that the cash cost stays legible
/// beside the peaks of 2017 and 2021.
pub fn revenue_subtitle(cap: Decimal) -> String {
    tf(
        "Mining revenue, USD per kWh at the facility meter, with this scenario's PUE and pool fee; the axis stops at {cap}",
        &[("cap", &usd(cap, 2))],
    )
}

pub fn fleet_label() -> &'static str {
    t("This fleet")
}

pub fn cash_label() -> &'static str {
    t("Cash cost")
}

/// A generation with its efficiency, for the revenue chart's subtitle: `S9 (98 J/TH)`.
pub fn generation_label(name: &str, eff: Decimal) -> String {
    tf("{name} ({eff} J/TH)", &[("name", name), ("eff", &num(&eff.normalize().to_string()))])
}

/// The backtest chart's title: did a fleet bought in `bt` pay back, and when.
pub fn backtest_title(backtest: &Backtest) -> String {
    let date = month_label(backtest.start);
    match (backtest.payback_months(), backtest.months) {
        (Ok(k), _) => tf(
            "A fleet like this one bought in {date} paid back in month {n}",
            &[("date", &date), ("n", &number(k, 0))],
        ),
        (Err(ModelError::NeverPaysBack), Ok(l)) => tf(
            "A fleet like this one bought in {date} did not pay back in {n} months",
            &[("date", &date), ("n", &num(&l.to_string()))],
        ),
        (Err(_), _) => tf("A fleet like this one bought in {date}", &[("date", &date)]),
    }
}

pub fn backtest_subtitle() -> &'static str {
    t("Cumulative cash per MW of facility power, in millions of USD, month by month after the purchase")
}

/// The backtest's line: the month bought (`Feb 2022`), short enough for a phone.
pub fn backtest_label(start: YearMonth) -> String {
    month_label(start)
}

/// The projection's line beside it.
pub fn projection_label() -> &'static str {
    t("Today")
}

pub fn paid_back_label() -> &'static str {
    t("Paid back")
}

/// An x label of the backtest: months after the purchase.
pub fn months_after(k: u32) -> String {
    if k > 0 && k % 12 == 0 {
        tf("Year {n}", &[("n", &num(&(k / 12).to_string()))])
    } else {
        tf("Month {n}", &[("n", &num(&k.to_string()))])
    }
}

/// The section's one-line answer beside the backtest's figures.
pub fn finding(backtest: &Backtest) -> String {
    backtest_title(backtest)
}

/// Every month of the data, for the charts' x positions.
pub fn data_months() -> Vec<YearMonth> {
    history::months().map(|(m, _)| m).collect()
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::model::history::{all_time_low, evaluate_history, first_month, last_month, ATTRIBUTION};
    use crate::model::InvalidKeys;
    use crate::model::{from_query, Scenario};

    fn month(year: i32, m: u8) -> YearMonth {
        YearMonth::new(year, m).unwrap_or_else(|| panic!("{year}-{m}"))
    }

    #[test]
    fn it_states_that_hashprice_is_at_its_lowest_since_2016() {
        let low = all_time_low().map(|(i, h)| (first_month().plus_months(i), h));
        let low = low.unwrap_or_else(|| panic!("a low"));
        let latest = (last_month(), low.1);
        assert_eq!(hashprice_title(first_month(), latest, low), "Hashprice is at its lowest since 2016");
        assert_eq!(
            hashprice_title(first_month(), (last_month(), dec!(40)), (month(2025, 11), dec!(39.757))),
            "Hashprice is $40.00; its lowest since 2016 was $39.76 in Nov 2025"
        );
        assert_eq!(low_label(low), "All-time low, $32.25");
        assert_eq!(attribution(), ATTRIBUTION);
    }

    #[test]
    fn it_names_the_backtest_inputs_and_their_ranges_when_refusing() {
        assert_eq!(
            bt_error(MonthError::NotAMonth),
            "Backtest: month bought is not a month written YYYY-MM; it must be a month from 2016-01 to 2026-02, written YYYY-MM."
        );
        assert_eq!(
            bt_error(MonthError::OutsideData),
            "Backtest: month bought is outside the history's months; it must be a month from 2016-01 to 2026-02, written YYYY-MM."
        );
        assert_eq!(
            btcap_error(&FieldError::OutOfRange),
            "Backtest: ASIC price then is out of range; it must be ≥ 0 and ≤ 10,000 USD/TH."
        );
        assert_eq!(ltr_runs(attribution(), &[DATA_NAME]), [("Source: ", false), (DATA_NAME, true)]);
        let ar = "المصدر: Coin Metrics Community Data (CC BY-NC 4.0)";
        assert_eq!(ltr_runs(ar, &[DATA_NAME]), [("المصدر: ", false), (DATA_NAME, true)]);
        let list = "الإيرادات. S9 (98 J/TH)، S21 (17.5 J/TH)";
        assert_eq!(
            ltr_runs(list, &["S21 (17.5 J/TH)", "S9 (98 J/TH)", ""]),
            [("الإيرادات. ", false), ("S9 (98 J/TH)", true), ("، ", false), ("S21 (17.5 J/TH)", true)]
        );
        assert_eq!(ltr_runs("no run", &["x y"]), [("no run", false)]);
    }

    #[test]
    fn it_says_when_the_fleet_last_earned_its_cash_cost() {
        let months = [month(2025, 12), month(2026, 1), month(2026, 2)];
        let title = |fleet: [Option<Decimal>; 3]| revenue_title(&months, &fleet, dec!(0.055));
        assert_eq!(
            title([Some(dec!(0.06)), Some(dec!(0.055)), Some(dec!(0.05))]),
            "This fleet last earned its cash cost of $0.055 per kWh in Jan 2026"
        );
        assert_eq!(
            title([None, None, Some(dec!(0.07))]),
            "This fleet still earns more than its cash cost of $0.055 per kWh"
        );
        assert_eq!(title([Some(dec!(0.01)), None, None]), "This fleet never earned its cash cost of $0.055 per kWh");
        assert_eq!(generation_label("S19j Pro", dec!(29.5)), "S19j Pro (29.5 J/TH)");
        assert_eq!(generation_label("S9", dec!(98)), "S9 (98 J/TH)");
    }

    #[test]
    fn it_says_whether_the_backtest_paid_back() {
        let base = "pue=1&pool=0&up=100&opx=0&site=0&life=0.25";
        let (paid, _) = from_query(&format!("{base}&kwh=0.05&bt=2024-06&btcap=2"));
        let b = evaluate_history(&paid, InvalidKeys::default()).backtest;
        assert_eq!(backtest_title(&b), "A fleet like this one bought in Jun 2024 paid back in month 3");
        let (never, _) = from_query(&format!("{base}&kwh=0.09&bt=2025-12&btcap=14"));
        let b = evaluate_history(&never, InvalidKeys::default()).backtest;
        assert_eq!(backtest_title(&b), "A fleet like this one bought in Dec 2025 did not pay back in 3 months");
        let b = evaluate_history(&Scenario::default(), InvalidKeys::default().with(crate::model::Key::Kwh)).backtest;
        assert_eq!(backtest_title(&b), "A fleet like this one bought in Feb 2022");
        assert_eq!(
            (months_after(0), months_after(12), months_after(18)),
            ("Month 0".into(), "Year 1".into(), "Month 18".into())
        );
    }
}
