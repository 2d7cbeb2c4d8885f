//! Why something is missing or was refused, in words: the model's typed reasons
//! ([`ModelError`], [`Warning`], [`Refusal`]) rendered in the reader's language. The
//! evaluator renders them with no catalog installed, so its JSON reads in English.

use super::fields::{label, range_text};
use super::{n, t, tf};
use crate::model::error::{ModelError, Quantity};
use crate::model::fields::FieldError;
use crate::model::history::{self, MonthError};
use crate::model::link::share_link::{Fallback, Refusal, Warning};
use crate::model::view::{plain_text, Section};
use crate::model::Key;

/// Why a figure has no value, as the page shows it beside "—".
pub fn model_error(error: &ModelError) -> String {
    match error {
        ModelError::ZeroDivisor(what) => tf("{what} is zero", &[("what", quantity(*what))]),
        ModelError::Overflow => t("too large to compute").to_string(),
        ModelError::Underflow => t("too small to compute (below 28 decimal places)").to_string(),
        ModelError::MarginNotPositive => t("never: the margin is not positive").to_string(),
        ModelError::InvalidInput(key) => tf("needs a valid {label}", &[("label", label(*key))]),
        ModelError::NotWhole(value) => {
            tf("{n} is not a whole number", &[("n", &super::num(&value.normalize().to_string()))])
        }
        ModelError::NeverPaysBack => t("never pays back within its life").to_string(),
        ModelError::NoOutlay => t("no rate of return: nothing is invested").to_string(),
        ModelError::NoCashFlow => t("no rate of return: it earns nothing over its life").to_string(),
        ModelError::RateOutOfRange => t("no rate of return between −99 % and 10,000 % a year").to_string(),
        ModelError::NoConvergence => t("the rate of return could not be narrowed down").to_string(),
        ModelError::NotProjected => t("needs the projection over time").to_string(),
        ModelError::MiningNeverRuns => {
            t("mining runs in no hour: every hour's price is above the strike or break-even").to_string()
        }
        ModelError::FlatPrice => t("needs a price profile: the price is flat").to_string(),
    }
}

/// The quantity a formula divides by, in words.
pub fn quantity(quantity: Quantity) -> &'static str {
    t(QUANTITIES[quantity as usize])
}

/// Each [`Quantity`] in words, in the enum's order (one `t` call for all: fewer bytes than a
/// call an arm).
const QUANTITIES: [&str; <Quantity as strum::EnumCount>::COUNT] = [
    n!("bitcoin price"),
    n!("difficulty"),
    n!("energy per PH/s per day"),
    n!("AI site overhead"),
    n!("IT power per GPU"),
    n!("hashprice"),
    n!("energy per BTC"),
    n!("ASIC efficiency"),
    n!("margin per MW-year"),
    n!("ASIC life"),
    n!("fit-out life"),
    n!("GPU life"),
    n!("uptime"),
    n!("bitcoin mined per TH/s"),
    n!("cash cost per kWh"),
    n!("mining revenue per kWh"),
    n!("difficulty step"),
    n!("reward per block"),
    n!("hashrate per machine"),
    n!("yearly growth factor"),
    n!("monthly growth factor"),
    n!("monthly discount factor"),
    n!("twelfth root's slope"),
    n!("f(a)"),
    n!("f(c)"),
    n!("interpolation"),
    n!("number of cells"),
    n!("the price profile's mean"),
    n!("number of hours mining runs"),
];

/// What a link had that could not be used, as the notice (and the evaluator) says it.
pub fn warning(warning: &Warning) -> String {
    match warning {
        Warning::UnknownKey { key } => tf("Unknown key \"{key}\" ignored.", &[("key", &quoted(key))]),
        Warning::Invalid { key, value, reason, fallback } => tf(
            "{key}={value} ignored: {reason}; using {fallback}.",
            &[
                ("key", &quoted(key)),
                ("value", &quoted(value)),
                ("reason", &refusal(reason)),
                ("fallback", &fallback_text(fallback)),
            ],
        ),
        Warning::Repeated { key, value } => tf(
            "{key}={value} ignored: {key} is given more than once; the first value counts.",
            &[("key", &quoted(key)), ("value", &quoted(value))],
        ),
        Warning::IgnoredForMix { key, value } => super::site::ignored_for_mix(&quoted(key), &quoted(value)),
        Warning::FitOutBelowSite { gfit, site, .. } => super::site::fit_out_below_site(gfit, site),
    }
}

/// How many warnings of each kind (unknown key, refused value, repeated key) a notice
/// lists; the rest are counted in one line. A link of 24,000 unknown keys made a notice
/// half a million pixels tall.
pub const NOTICE_PER_KIND: usize = 10;

/// What a notice lists: the first [`NOTICE_PER_KIND`] warnings of each kind in the link's
/// order, and, when that leaves some out, a line that counts them ("and 23,990 more").
pub fn notice(warnings: &[Warning]) -> (Vec<&Warning>, Option<String>) {
    let mut seen = [0_usize; 4];
    let mut shown = Vec::new();
    for w in warnings {
        let kind = match w {
            Warning::UnknownKey { .. } => 0,
            Warning::Invalid { .. } => 1,
            Warning::Repeated { .. } => 2,
            Warning::IgnoredForMix { .. } | Warning::FitOutBelowSite { .. } => 3,
        };
        seen[kind] += 1;
        if seen[kind] <= NOTICE_PER_KIND {
            shown.push(w);
        }
    }
    let left = warnings.len() - shown.len();
    let more = (left > 0).then(|| tf("and {n} more", &[("n", &super::format::number(left.into(), 0))]));
    (shown, more)
}

/// Longest text of a link's quoted as it was given.
const QUOTED_MAX: usize = 80;

/// A key or value from a link as a notice quotes it: [`plain_text`] (a U+202E would turn
/// the sentence around it), cut after [`QUOTED_MAX`] characters.
fn quoted(text: &str) -> String {
    let mut out: String = plain_text(text).chars().take(QUOTED_MAX).collect();
    if text.chars().count() > QUOTED_MAX {
        out.push('…');
    }
    out
}

/// Why a link's value was refused.
pub fn refusal(reason: &Refusal) -> String {
    match reason {
        Refusal::Field(key, error) => field_refusal(*key, error),
        Refusal::Version => t("only version 1 exists").to_string(),
        Refusal::Lang => t("the languages are en, ar and vi").to_string(),
        Refusal::Theme => t("the themes are light, dark and auto").to_string(),
        Refusal::PowerUnit => t("the power price units are kwh, ckwh and mwh").to_string(),
        Refusal::Digits => t("nu takes only latn (the digits 0–9)").to_string(),
        Refusal::ZeroOrOne => t("it takes 0 or 1").to_string(),
        Refusal::Sections => tf("the sections are {list}", &[("list", &section_list())]),
        Refusal::Asic(ids) => tf("not a known ASIC ({ids})", &[("ids", ids)]),
        Refusal::Gpu(ids) => tf("not a known GPU ({ids})", &[("ids", ids)]),
        Refusal::Cmp => t("only cmp=1 exists (a comparison whose sides are equal)").to_string(),
        Refusal::WholeLink { key, prefix } => {
            tf("{key} is for the whole link and takes no \"{prefix}\"", &[("key", key), ("prefix", prefix)])
        }
        Refusal::TitleEmpty => t("the title is empty").to_string(),
        Refusal::TitleTooLong(max) => {
            tf("the title is longer than {max} characters", &[("max", &super::num(&max.to_string()))])
        }
        Refusal::BacktestMonth(MonthError::NotAMonth) => t("not a month written YYYY-MM").to_string(),
        Refusal::BacktestMonth(MonthError::OutsideData) => tf(
            "the history runs from {first} to {last}",
            &[("first", history::data::FIRST_TEXT), ("last", history::data::LAST_TEXT)],
        ),
        Refusal::BacktestCapex => t("the ASIC price paid must be a number from 0 to 10,000").to_string(),
        Refusal::Profile
        | Refusal::CustomNeedsBuckets
        | Refusal::ProfileBuckets(_)
        | Refusal::BucketsNeedCustom
        | Refusal::Strike(_)
        | Refusal::StrikeNeedsProfile => super::power::refusal(reason).unwrap_or_default(),
        Refusal::Own => t("it takes none, site or fleet").to_string(),
        Refusal::AiPath => t("it takes colo or gpu").to_string(),
        Refusal::Mix(error) => super::site::mix_refusal(error),
    }
}

/// What a refused key keeps instead.
fn fallback_text(fallback: &Fallback) -> String {
    match fallback {
        Fallback::Value(value) => value.clone(),
        Fallback::Version1 => t("version 1").to_string(),
        Fallback::DefaultSections => t("the default sections").to_string(),
        Fallback::ComputedHashprice => t("the computed hashprice").to_string(),
        Fallback::NoCmp => t("no cmp").to_string(),
        Fallback::LinkWide(key) => tf("the link's {key}", &[("key", key)]),
        Fallback::AsHashprice => t("A's hashprice override").to_string(),
        Fallback::NoTitle => t("no title").to_string(),
        Fallback::DefaultMonth => t("the data's last month less the ASIC life").to_string(),
        Fallback::LanguageDigits => t("the language's own digits").to_string(),
        Fallback::NoBuckets => t("no custom profile").to_string(),
        Fallback::SingleModel => t("the single ASIC model").to_string(),
    }
}

/// A refused value of a numeric key, in words.
fn field_refusal(key: Key, error: &FieldError) -> String {
    let field = key.field();
    match error {
        FieldError::OutOfRange => {
            tf("{label} must be {range}", &[("label", label(key)), ("range", &range_text(field))])
        }
        FieldError::Empty => t("no value").to_string(),
        FieldError::NotANumber => t("not a number").to_string(),
        FieldError::Comma => t("use '.' for decimals and no thousands separators").to_string(),
        FieldError::NotWhole => tf("{label} must be a whole number", &[("label", label(key))]),
        FieldError::RewardNotPositive => t("subsidy plus fees must be above zero").to_string(),
        FieldError::TooManyDigits => t("more than 28 digits").to_string(),
    }
}

/// Every section's link name, for a message: "compare, btc, mw, network and inputs".
pub fn section_list() -> String {
    let names: Vec<&str> = Section::ALL.into_iter().map(Section::name).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            tf("{list} and {last}", &[("list", &rest.join(", ")), ("last", last)])
        }
        _ => names.concat(),
    }
}

#[cfg(test)]
mod notice_tests {
    use super::*;
    use crate::model::from_query;

    #[test]
    fn it_lists_the_first_few_of_each_kind_and_counts_the_rest() {
        let warnings: Vec<Warning> = (0..24_000).map(|i| Warning::UnknownKey { key: format!("k{i}") }).collect();
        let (shown, more) = notice(&warnings);
        assert_eq!(shown.len(), NOTICE_PER_KIND);
        assert_eq!(shown[9].key(), "k9");
        assert_eq!(more.as_deref(), Some("and 23,990 more"));

        // Each kind keeps its first ten, in the link's order.
        let mut link = String::from("kwh=x&kwh=1&");
        link.extend((0..12).map(|i| format!("u{i}=1&btc=1&")));
        link.extend((0..3).map(|i| format!("pue=bad{i}&")));
        let (_, warnings) = from_query(&link);
        let (shown, more) = notice(&warnings);
        let kinds = |want: fn(&Warning) -> bool| shown.iter().filter(|w| want(w)).count();
        assert_eq!(kinds(|w| matches!(w, Warning::UnknownKey { .. })), 10);
        assert_eq!(kinds(|w| matches!(w, Warning::Invalid { .. })), 2, "kwh=x, pue=bad0: {warnings:?}");
        assert_eq!(kinds(|w| matches!(w, Warning::Repeated { .. })), 10);
        let hidden = warnings.len() - shown.len();
        assert_eq!(more, Some(format!("and {hidden} more")));
        assert!(shown.windows(2).all(|p| {
            let at = |w: &Warning| warnings.iter().position(|x| std::ptr::eq(x, w));
            at(p[0]) < at(p[1])
        }));
        assert_eq!(notice(&warnings[..3]), (warnings[..3].iter().collect(), None));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_query;

    #[test]
    fn it_words_each_quantity_once_in_the_enums_order() {
        use strum::VariantArray;
        let words: Vec<&str> = Quantity::VARIANTS.iter().map(|q| quantity(*q)).collect();
        let distinct: std::collections::BTreeSet<&&str> = words.iter().collect();
        assert_eq!(distinct.len(), words.len(), "{words:?}");
        let named = [
            (Quantity::BitcoinPrice, "bitcoin price"),
            (Quantity::Difficulty, "difficulty"),
            (Quantity::CashCostPerKwh, "cash cost per kWh"),
            (Quantity::HashratePerMachine, "hashrate per machine"),
            (Quantity::Interpolation, "interpolation"),
            (Quantity::NumberOfCells, "number of cells"),
        ];
        for (q, word) in named {
            assert_eq!(quantity(q), word, "{q:?}");
        }
        assert_eq!(model_error(&ModelError::ZeroDivisor(Quantity::Uptime)), "uptime is zero");
    }

    #[test]
    fn it_quotes_what_a_link_gave_without_bidi_controls_and_cut() {
        let (_, warnings) = from_query(&format!("title={}&x\u{202e}y=1", "\u{202e}a".repeat(60)));
        let said: Vec<String> = warnings.iter().map(warning).collect();
        assert!(said.iter().all(|w| !w.contains('\u{202e}')), "{said:?}");
        assert!(said[0].starts_with(&format!("title={}…", " a".repeat(40))), "{}", said[0]);
        assert_eq!(said[1], "Unknown key \"x y\" ignored.");
    }
}
