//! The words of "Power by the hour": why a link's profile or strike was refused, why a
//! reader's price file was, and what the profile's figures are called.

use crate::model::fields::FieldError;
use crate::model::power::file::{FileError, MIN_ROWS};
use crate::model::power::ProfileError;
use crate::model::Refusal;

use super::{num, t, tf};

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
