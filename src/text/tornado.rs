//! "What moves the answer" in words: each row's input and the range it moves across, and
//! what the chart measures.

use rust_decimal::Decimal;

use super::fields::{label, unit};
use super::{num, t, tf};
use crate::model::analysis::drivers::{range, Input, Range, STRIKE_STEP};
use crate::model::fields::Key;
use crate::model::link::share_link::plain;

/// How many rows the chart shows before "Show all".
pub const SHOWN: usize = 10;

/// What the tornado shows, under its title.
pub fn subtitle() -> &'static str {
    t("All-in margin per kWh (fleet and site), USD, with each input at the low (pale) and high (solid) end of its plausible range")
}

/// The input's name, as its field's label reads.
pub fn input_label(input: Input) -> &'static str {
    match input {
        Input::Key(key) => label(key),
        Input::Strike => t("Strike"),
    }
}

/// A row's label: the input and its range, "Bitcoin price, ±40 %", "Mining site overhead
/// (PUE), ±0.1", "Mining uptime, ±5 points", "Block subsidy, halved", "Strike, ±0.01
/// USD/kWh" (in the link's unit, as the other power prices' rows).
pub fn row_label(input: Input) -> String {
    let n = |v: Decimal| num(&plain(v));
    let key = match input {
        Input::Key(key) => key,
        Input::Strike => {
            let unit = unit(Key::Kwh);
            return tf("{label}, ±{n} {unit}", &[("label", t("Strike")), ("n", &n(STRIKE_STEP)), ("unit", unit)]);
        }
    };
    let name = label(key);
    match range(key) {
        Range::Share(share) => {
            let pct = share.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(share);
            tf("{label}, ±{n} %", &[("label", name), ("n", &n(pct))])
        }
        Range::Amount(step) => match key {
            Key::Pue | Key::Gpue => tf("{label}, ±{n}", &[("label", name), ("n", &n(step))]),
            _ if unit(key).starts_with('%') && step == Decimal::ONE => tf("{label}, ±1 point", &[("label", name)]),
            _ if unit(key).starts_with('%') => tf("{label}, ±{n} points", &[("label", name), ("n", &n(step))]),
            _ => tf("{label}, ±{n} {unit}", &[("label", name), ("n", &n(step)), ("unit", unit(key))]),
        },
        Range::Years(step) if step == Decimal::ONE => tf("{label}, ±1 year", &[("label", name)]),
        Range::Years(step) => tf("{label}, ±{n} years", &[("label", name), ("n", &n(step))]),
        Range::Halving => tf("{label}, halved", &[("label", name)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_labels_each_row_with_its_own_range() {
        let cases = [
            (Key::Btc, "Bitcoin price, ±40 %"),
            (Key::Kwh, "Electricity price, ±30 %"),
            (Key::Pue, "Mining site overhead (PUE), ±0.1"),
            (Key::Up, "Mining uptime, ±5 points"),
            (Key::Dg, "Difficulty change, ±1 point"),
            (Key::Conv, "Conversion for AI, ±3 months"),
            (Key::Life, "ASIC depreciation life, ±1 year"),
        ];
        for (key, want) in cases {
            assert_eq!(row_label(Input::Key(key)), want, "{key}");
        }
        assert!(row_label(Input::Key(Key::Sub)).ends_with(", halved"));
        assert_eq!(row_label(Input::Strike), "Strike, ±0.01 USD/kWh");
        // Every key has a label (no range without words).
        for key in Key::ALL {
            assert!(row_label(Input::Key(key)).starts_with(input_label(Input::Key(key))), "{key}");
        }
    }
}
