//! The words of "Power by the hour": why a link's profile or strike was refused, why a
//! reader's price file was, and what the profile's figures are called.

use rust_decimal::Decimal;

use super::format::{number, usd};
use super::{num, t, tf};
use crate::model::chart::duration::DurationCurve;
use crate::model::fields::FieldError;
use crate::model::power::file::{FileError, MIN_ROWS};
use crate::model::power::{Profile, ProfileError, ATTRIBUTION};
use crate::model::view::PowerUnit;
use crate::model::Refusal;

/// Why `pp`, `pq` or `strike` was refused; `None` for another key's refusal.
pub fn refusal(reason: &Refusal) -> Option<String> {
    Some(match reason {
        Refusal::Profile => t("the price profiles are flat, ercot-n-2025 and custom").to_string(),
        Refusal::CustomNeedsBuckets => t("pp=custom needs pq: 100 bucket prices").to_string(),
        Refusal::ProfileBuckets(e) => buckets_error(e),
        Refusal::BucketsNeedCustom => t("pq is read only with pp=custom").to_string(),
        Refusal::Strike(FieldError::OutOfRange) => t("the strike must be auto or from −1 to 10 USD/kWh").to_string(),
        Refusal::Strike(_) => t("the strike must be auto or a number").to_string(),
        Refusal::StrikeNeedsProfile => t("a strike needs a price profile: the price is flat").to_string(),
        _ => return None,
    })
}

/// Why a `pq` was refused.
pub fn buckets_error(e: &ProfileError) -> String {
    let at = |n: &usize| num(&n.to_string());
    match e {
        ProfileError::Count(n) => tf("pq needs 100 numbers, not {n}", &[("n", &at(n))]),
        ProfileError::NotANumber(n) => tf("number {n} of pq is not a number", &[("n", &at(n))]),
        ProfileError::OutOfRange(n) => tf("number {n} of pq is outside −1,000 to 100,000 USD/MWh", &[("n", &at(n))]),
        ProfileError::NotAscending(n) => tf("number {n} of pq is below the one before", &[("n", &at(n))]),
        ProfileError::MeanNotPositive => t("the mean of pq is not above zero").to_string(),
    }
}

/// Why a reader's price file was refused, naming the first bad row.
pub fn file_error(e: &FileError) -> String {
    let at = |n: &usize| num(&n.to_string());
    match e {
        FileError::Empty => t("The file holds no prices.").to_string(),
        FileError::TooFewRows(n) => tf(
            "The file holds {n} prices; at least {min} hours (four weeks) are needed.",
            &[("n", &at(n)), ("min", &at(&MIN_ROWS))],
        ),
        FileError::NotAPrice(row) => tf(
            "Row {row} has no price: write one price a row, or time,price, with '.' for decimals.",
            &[("row", &at(row))],
        ),
        FileError::OutOfRange(row) => {
            tf("Row {row}'s price is outside −1,000 to 100,000 USD/MWh.", &[("row", &at(row))])
        }
        FileError::MeanNotPositive => {
            t("The prices' mean is not above zero: there is no price level to scale.").to_string()
        }
    }
}

/// A power price in the reader's chosen unit (`pu`): `$0.037`, `3.7 ¢`, `$36.6/MWh`.
pub fn price_text(usd_per_kwh: Decimal, unit: PowerUnit) -> String {
    match unit {
        PowerUnit::UsdPerKwh => usd(usd_per_kwh, 3),
        PowerUnit::CentsPerKwh => {
            // To a tenth of a cent, without a trailing zero: "5 ¢", "3.7 ¢".
            let cents = unit.shown(usd_per_kwh).unwrap_or(usd_per_kwh).round_dp(1).normalize();
            tf("{n} ¢", &[("n", &number(cents, cents.scale()))])
        }
        PowerUnit::UsdPerMwh => {
            let per_mwh = unit.shown(usd_per_kwh).unwrap_or(usd_per_kwh);
            tf("{n}/MWh", &[("n", &usd(per_mwh, 1))])
        }
    }
}

/// A tick of the duration curve's price axis, `dp` places for USD/kWh (the ticks' own):
/// as [`price_text`] in English; in Arabic and Vietnamese, whose currency words follow the
/// number (`0,05 US$`), the number alone, the subtitle naming the unit, so that the labels
/// keep to the room left of the plot.
pub fn price_tick(usd_per_kwh: Decimal, unit: PowerUnit, dp: u32) -> String {
    match unit {
        // To the ticks' own places (`$0.05`, not `$0.050`): a negative price's tick is
        // the widest label left of the plot.
        PowerUnit::UsdPerKwh if super::lang() == crate::model::view::Lang::En => usd(usd_per_kwh, dp),
        PowerUnit::UsdPerKwh => number(usd_per_kwh, dp),
        _ if super::lang() == crate::model::view::Lang::En => price_text(usd_per_kwh, unit),
        PowerUnit::CentsPerKwh => {
            let cents = unit.shown(usd_per_kwh).unwrap_or(usd_per_kwh).round_dp(1).normalize();
            number(cents, cents.scale())
        }
        PowerUnit::UsdPerMwh => number(unit.shown(usd_per_kwh).unwrap_or(usd_per_kwh), 1),
    }
}

/// A share of the year's hours: `14 %`.
pub fn share_text(percent: u32) -> String {
    tf("{n} %", &[("n", &num(&percent.to_string()))])
}

/// The duration curve's title, stating the finding: where mining stops, what it pays when
/// it runs, and what the AI paths pay every hour.
pub fn curve_title(c: &DurationCurve, unit: PowerUnit) -> String {
    let ai = price_text(c.ai, unit);
    match (c.stopped, c.running_price) {
        (_, None) => tf("Mining runs in no hour at this strike; AI pays {ai}", &[("ai", &ai)]),
        (0, Some(p)) => tf(
            "Mining runs every hour and pays {price} on average; AI pays {ai}",
            &[("price", &price_text(p, unit)), ("ai", &ai)],
        ),
        (stopped, Some(p)) => tf(
            "Mining stops in the dearest {share} of hours and pays {price} on average; AI pays {ai}",
            &[("share", &share_text(stopped)), ("price", &price_text(p, unit)), ("ai", &ai)],
        ),
    }
}

/// The duration curve's subtitle: what is measured, the unit, and where the axis stops.
pub fn curve_subtitle(c: &DurationCurve, unit: PowerUnit) -> String {
    let top = Decimal::from_f64_retain(c.top()).map_or(c.ai, |t| t.round_dp(4));
    tf(
        "The year's power price, each 1 % of the hours, dearest first ({unit}); the axis stops at {top}",
        &[("unit", unit_name(unit)), ("top", &price_text(top, unit))],
    )
}

/// The unit's name as the subtitle writes it.
pub fn unit_name(unit: PowerUnit) -> &'static str {
    match unit {
        PowerUnit::UsdPerKwh => t("USD/kWh"),
        PowerUnit::CentsPerKwh => t("¢/kWh"),
        PowerUnit::UsdPerMwh => t("USD/MWh"),
    }
}

/// The label of the cap's line: the price mining runs up to.
pub fn cap_label(c: &DurationCurve, unit: PowerUnit, fixed_strike: bool) -> String {
    let price = price_text(c.cap, unit);
    match fixed_strike {
        true => tf("Strike {price}", &[("price", &price)]),
        false => tf("Break-even {price}", &[("price", &price)]),
    }
}

/// The label of the AI paths' line.
pub fn ai_label(c: &DurationCurve, unit: PowerUnit) -> String {
    tf("AI pays {price}", &[("price", &price_text(c.ai, unit))])
}

/// The shaded span's label.
pub fn stopped_label() -> &'static str {
    t("Mining stops")
}

/// The profile's source, under the chart and in its files.
pub fn attribution(profile: &Profile) -> &'static str {
    match profile {
        Profile::ErcotNorth2025 => ATTRIBUTION,
        _ => t("Prices from the reader's own file, reduced to 100 buckets"),
    }
}

/// The profile's name in the picker.
pub fn profile_label(profile: &Profile) -> &'static str {
    match profile {
        Profile::Flat => t("Flat: the same price every hour"),
        Profile::ErcotNorth2025 => t("ERCOT North hub, 2025"),
        Profile::Custom(_) => t("My own file"),
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::model::chart::duration::duration_curve;
    use crate::model::{from_query, InvalidKeys};

    fn curve(link: &str) -> DurationCurve {
        let (s, _) = from_query(link);
        match duration_curve(&s, InvalidKeys::default()) {
            Some(Ok(c)) => c,
            other => panic!("{link}: {other:?}"),
        }
    }

    #[test]
    fn it_states_the_finding_in_the_chosen_unit() {
        let c = curve("pp=ercot-n-2025");
        assert_eq!(
            curve_title(&c, PowerUnit::CentsPerKwh),
            "Mining stops in the dearest 14 % of hours and pays 3.7 ¢ on average; AI pays 5 ¢"
        );
        assert_eq!(
            curve_title(&c, PowerUnit::UsdPerKwh),
            "Mining stops in the dearest 14 % of hours and pays $0.037 on average; AI pays $0.050"
        );
        assert_eq!(price_text(dec!(0.0366), PowerUnit::UsdPerMwh), "$36.6/MWh");
        let never = curve("pp=ercot-n-2025&strike=-1");
        assert_eq!(curve_title(&never, PowerUnit::CentsPerKwh), "Mining runs in no hour at this strike; AI pays 5 ¢");
        let all = curve("pp=ercot-n-2025&kwh=0.001");
        assert_eq!(all.stopped, 0);
        assert!(curve_title(&all, PowerUnit::CentsPerKwh).starts_with("Mining runs every hour and pays 0.1 ¢"));
        assert_eq!(cap_label(&c, PowerUnit::CentsPerKwh, false), "Break-even 7.2 ¢");
        assert_eq!(ai_label(&c, PowerUnit::CentsPerKwh), "AI pays 5 ¢");
        assert_eq!(attribution(&Profile::ErcotNorth2025), "ERCOT real-time settlement point prices, HB_NORTH, 2025");
    }

    #[test]
    fn it_names_the_first_bad_row_of_a_file() {
        assert_eq!(
            file_error(&FileError::NotAPrice(12)),
            "Row 12 has no price: write one price a row, or time,price, with '.' for decimals."
        );
        assert_eq!(
            file_error(&FileError::TooFewRows(300)),
            "The file holds 300 prices; at least 672 hours (four weeks) are needed."
        );
        assert_eq!(buckets_error(&ProfileError::NotAscending(7)), "number 7 of pq is below the one before");
    }
}
