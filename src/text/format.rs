//! Numbers as people read them, in the reader's language: rounded by name, grouped by
//! thousands, never `-0`, with the language's digits and marks ([`NumberStyle`]) and its
//! way of writing dollars (`$1,234` in English, `1.234 US$` in Vietnamese). The share link
//! and `data-value` use [`crate::model::link::share_link::plain`] instead: full precision.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{num, t, tf};
use crate::model::error::ModelError;
use crate::model::{MetricId, MetricUnit};

/// Rounds half away from zero to `dp` places (when given) and pads to exactly `dp` places.
pub fn rounded(value: Decimal, dp: u32) -> Decimal {
    let mut r = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r
}

/// `1234567.891` → `1,234,567.891`; with `dp`, rounded to that many places first.
pub fn grouped(value: Decimal, dp: Option<u32>) -> String {
    let value = match dp {
        Some(dp) => rounded(value, dp),
        None if value.is_zero() => Decimal::ZERO,
        None => value,
    };
    let text = value.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    out.push_str(sign);
    for (n, c) in int.chars().enumerate() {
        if n > 0 && (int.len() - n) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A number rounded to `dp` places, grouped, in the reader's digits: `1,234.5`, `1.234,5`,
/// `−1,234.5` (the minus sign, as money has it, not a hyphen).
pub fn number(value: Decimal, dp: u32) -> String {
    signed(value, dp, "{n}")
}

/// Money: `−$1,234` in English, `−1.234 US$` in Vietnamese; the minus sign stays outside.
pub fn usd(value: Decimal, dp: u32) -> String {
    signed(value, dp, t("${n}"))
}

/// Millions of dollars, `value` already in millions: `$4.03M`, `4,03 triệu US$`.
pub fn usd_millions(value: Decimal, dp: u32) -> String {
    signed(value, dp, t("${n}M"))
}

/// `template` (`{n}` the amount: a catalog's way of writing dollars, or the number alone)
/// around `value`'s magnitude rounded to `dp` places, in the reader's digits, with a minus
/// sign in front when it is negative.
fn signed(value: Decimal, dp: u32, template: &str) -> String {
    let text = grouped(value, Some(dp));
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("−", rest),
        None => ("", text.as_str()),
    };
    // The catalogs write an amount's words with no-break spaces (`٤٫٠٣ مليون دولار`,
    // `4,03 triệu US$`): a line ends before or after the whole amount, never inside it.
    let amount = super::fill(template, &[("n", &num(digits))]);
    [sign, &amount].concat()
}

/// A chart tick of dollars: `$0.06` in English; in Arabic and Vietnamese, whose dollars are
/// words after the number (`0,06 US$`), the number alone, the chart's subtitle or axis title
/// naming the unit, so that the labels keep to the room beside the plot.
pub fn usd_tick(value: Decimal, dp: u32) -> String {
    match super::lang() {
        crate::model::view::Lang::En => usd(value, dp),
        _ => number(value, dp),
    }
}

/// A large dollar amount in billions or millions when it is one (`$1.00B`, `$4.03M`), else
/// whole dollars.
pub fn usd_compact(value: Decimal) -> String {
    let billion = Decimal::from(1_000_000_000);
    let million = Decimal::from(1_000_000);
    if value.abs() >= billion {
        signed(value / billion, 2, t("${n}B"))
    } else if value.abs() >= million {
        usd_millions(value / million, 2)
    } else {
        usd(value, 0)
    }
}

/// A metric as it reads on the page, with its unit.
pub fn metric_text(id: MetricId, value: Decimal) -> String {
    match id.unit() {
        MetricUnit::BtcPerPhDay => tf("{n} BTC/PH/day", &[("n", &number(value, 8))]),
        MetricUnit::UsdPerPhDay => tf("{n}/PH/day", &[("n", &usd(value, 2))]),
        MetricUnit::ExahashPerSecond => tf("{n} EH/s", &[("n", &number(value, 0))]),
        MetricUnit::JoulesPerTerahash => tf("{n} J/TH", &[("n", &number(value, 1))]),
        MetricUnit::UsdPerKwh => tf("{n}/kWh", &[("n", &usd(value, 4))]),
        MetricUnit::KwhPerBtc => tf("{n} kWh", &[("n", &number(value, 0))]),
        MetricUnit::UsdPerBtc => usd(value, 0),
        MetricUnit::Multiple => tf("{n}×", &[("n", &number(value, 1))]),
        MetricUnit::UsdPerMw => tf("{n}/MW", &[("n", &usd_compact(value))]),
        MetricUnit::UsdPerMwYear => tf("{n}/MW/yr", &[("n", &usd_compact(value))]),
        MetricUnit::Years => tf("{n} years", &[("n", &number(value, 1))]),
        MetricUnit::Months => tf("{n} months", &[("n", &number(value, 0))]),
        MetricUnit::PercentPerYear | MetricUnit::Percent => tf("{n}%", &[("n", &number(value, 1))]),
        MetricUnit::Usd => usd_compact(value),
        MetricUnit::UsdPerYear => tf("{n}/yr", &[("n", &usd_compact(value))]),
    }
}

/// A metric for a table cell whose column title already names the unit: `$0.0771` for
/// `$0.0771/kWh`, `$1.26M` for `$1.26M/MW`; other units read as in [`metric_text`].
pub fn metric_cell_text(id: MetricId, value: Decimal) -> String {
    match id.unit() {
        MetricUnit::UsdPerKwh => usd(value, 4),
        MetricUnit::UsdPerMw | MetricUnit::UsdPerMwYear | MetricUnit::UsdPerYear => usd_compact(value),
        _ => metric_text(id, value),
    }
}

/// A figure's text, or why it has none: "never" for a payback that is never reached at
/// today's figures, "not within its life" for one the projection never reaches.
pub fn figure_text(id: MetricId, figure: Result<Decimal, ModelError>) -> String {
    figure_text_with(id, figure, metric_text)
}

/// [`figure_text`] with the value written by `text` ([`metric_text`] or [`metric_cell_text`]).
pub fn figure_text_with(
    id: MetricId,
    figure: Result<Decimal, ModelError>,
    text: fn(MetricId, Decimal) -> String,
) -> String {
    match figure {
        Ok(value) => text(id, value),
        Err(ModelError::MarginNotPositive) => t("never").to_string(),
        Err(ModelError::NeverPaysBack) => t("not within its life").to_string(),
        Err(_) => "—".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn it_groups_and_rounds() {
        let cases = [
            (dec!(1234567.891), None, "1,234,567.891"),
            (dec!(1234567.891), Some(0), "1,234,568"),
            (dec!(999.995), Some(2), "1,000.00"),
            (dec!(-0.0004), Some(2), "0.00"),
            (dec!(-1234.5), Some(0), "-1,235"),
            (dec!(12), Some(2), "12.00"),
            (dec!(100), None, "100"),
        ];
        for (value, dp, want) in cases {
            assert_eq!(grouped(value, dp), want, "{value} {dp:?}");
        }
    }

    #[test]
    fn it_writes_money_and_metrics() {
        assert_eq!(usd(dec!(-1234.4), 0), "−$1,234");
        assert_eq!(usd_compact(dec!(4031746.03)), "$4.03M");
        assert_eq!(usd_compact(dec!(-2040630000)), "−$2.04B");
        assert_eq!(metric_text(MetricId::ColoVsMiningRevenueMultiple, dec!(2.5619)), "2.6×");
        assert_eq!(metric_text(MetricId::MiningRevenueUsdPerKwh, dec!(0.077093)), "$0.0771/kWh");
        assert_eq!(figure_text(MetricId::GpuPaybackYears, Err(ModelError::MarginNotPositive)), "never");
        assert_eq!(figure_text(MetricId::GpuPaybackYears, Err(ModelError::Overflow)), "—");
        assert_eq!(metric_cell_text(MetricId::MiningRevenueUsdPerKwh, dec!(0.077093)), "$0.0771");
        assert_eq!(metric_cell_text(MetricId::GpuCapexUsdPerMw, dec!(32624434.39)), "$32.62M");
        assert_eq!(metric_cell_text(MetricId::GpuPaybackYears, dec!(5.61)), "5.6 years");
        assert_eq!(metric_text(MetricId::ColoPaybackMonths, dec!(104)), "104 months");
        assert_eq!(metric_text(MetricId::ColoIrrPct, dec!(9.049)), "9.0%");
        assert_eq!(metric_text(MetricId::GpuSiteCapexUsd, dec!(3262443438.9)), "$3.26B");
        assert_eq!(metric_text(MetricId::ColoSiteMarginUsdPerYear, dec!(-124850769.2)), "−$124.85M/yr");
        assert_eq!(figure_text(MetricId::MiningPaybackMonths, Err(ModelError::NeverPaysBack)), "not within its life");
    }

    #[test]
    fn an_amount_never_breaks_between_its_number_and_its_words() {
        use crate::model::view::Lang;
        use crate::text::chart_file::wrap;
        use crate::text::Catalog;
        let catalogs = [
            (Lang::Ar, include_str!("../../lang/ar.txt"), "٤٫٠٣", ["دولار", "مليون دولار", "مليار دولار"]),
            (Lang::Vi, include_str!("../../lang/vi.txt"), "4,03", ["US$", "triệu US$", "tỷ US$"]),
        ];
        for (lang, text, digits, words) in catalogs {
            let catalog = Catalog::parse(lang, text).unwrap();
            for (id, words) in ["${n}", "${n}M", "${n}B"].into_iter().zip(words) {
                let amount = crate::text::fill(catalog.get(id).unwrap(), &[("n", digits)]);
                assert_eq!(amount, [digits, " ", words].concat().replace(' ', "\u{a0}"), "{lang:?} {id}");
                // Wrapped in a line too narrow for the sentence, the amount stays whole.
                let sentence = ["xx ", &amount, " yy"].concat();
                let lines = wrap(&sentence, chart_file_width(&amount), 20);
                assert!(lines.iter().any(|l| l == &amount), "{lang:?} {id}: {lines:?}");
            }
        }
    }

    /// The width of `text` at 20 px, as the files estimate it.
    fn chart_file_width(text: &str) -> i32 {
        crate::text::chart_file::text_width(text, 20)
    }
}
