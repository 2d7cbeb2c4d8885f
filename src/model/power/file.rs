//! A reader's own year of prices: a CSV of hourly prices (one price a row, or `time,price`;
//! USD/MWh; an optional header; at least 672 rows, four weeks) read into numbers
//! ([`parse_prices`]) and reduced to SPEC.md's 100 buckets ([`reduce`]), which the link
//! carries as `pq`. Pure: the page reads the file's text and hands it here.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{ProfileError, BUCKETS, BUCKET_MAX, BUCKET_MIN};
use crate::model::fields::parse_decimal;

/// The fewest hours a file must hold: four weeks.
pub const MIN_ROWS: usize = 672;

/// Decimal places a bucket keeps in the link (USD/MWh: a thousandth of a cent per kWh).
pub const BUCKET_PLACES: u32 = 2;

/// Why a file was refused; rows count from 1, the header included, as a spreadsheet shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Nothing but blank lines (or a header alone).
    Empty,
    /// Fewer than [`MIN_ROWS`] prices: how many there were.
    TooFewRows(usize),
    /// This row has no price: not one or two comma-separated fields, or the price does not
    /// read as a plain decimal (`.` as the separator).
    NotAPrice(usize),
    /// This row's price lies outside −1,000 to 100,000 USD/MWh.
    OutOfRange(usize),
    /// The prices' mean is zero or negative: no price level to scale.
    MeanNotPositive,
}

/// The price of one row: the last of one or two comma-separated fields, quotes and spaces
/// trimmed.
fn price_field(line: &str) -> Option<&str> {
    let mut fields = line.split(',');
    let first = fields.next()?;
    let price = match (fields.next(), fields.next()) {
        (None, _) => first,
        (Some(second), None) => second,
        _ => return None,
    };
    Some(price.trim().trim_matches('"').trim())
}

/// Reads the prices of a file, USD/MWh, in its order. Blank lines are skipped; a first row
/// whose price is not a number is a header.
pub fn parse_prices(text: &str) -> Result<Vec<Decimal>, FileError> {
    let mut prices = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let row = i + 1;
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        let value = price_field(line).map(parse_decimal);
        match value {
            Some(Ok(v)) if (BUCKET_MIN..=BUCKET_MAX).contains(&v) => prices.push(v),
            Some(Ok(_)) => return Err(FileError::OutOfRange(row)),
            // A header: the first row with text, whose price field is not a number.
            Some(Err(_)) if prices.is_empty() && row == first_row(text) => {}
            _ => return Err(FileError::NotAPrice(row)),
        }
    }
    match prices.len() {
        0 => Err(FileError::Empty),
        n if n < MIN_ROWS => Err(FileError::TooFewRows(n)),
        _ => Ok(prices),
    }
}

/// The number of the first row that is not blank.
fn first_row(text: &str) -> usize {
    text.lines().position(|l| !l.trim().trim_start_matches('\u{feff}').is_empty()).map_or(1, |i| i + 1)
}

/// The 100 buckets of a year of prices (SPEC.md): sorted ascending, bucket `b` (0-based
/// here) the mean of sorted indices `floor(b·N/100)` to `floor((b+1)·N/100) − 1`, each
/// rounded to [`BUCKET_PLACES`] (half away from zero; rounding keeps the order).
pub fn reduce(prices: &[Decimal]) -> Result<[Decimal; BUCKETS], FileError> {
    let mut exact = reduce_exact(prices)?;
    for b in exact.iter_mut() {
        *b = b.round_dp_with_strategy(BUCKET_PLACES, RoundingStrategy::MidpointAwayFromZero).normalize();
    }
    super::check_mean(&exact).map_err(|_: ProfileError| FileError::MeanNotPositive)?;
    Ok(exact)
}

/// The bucket means before rounding (a decimal's 28 digits).
pub fn reduce_exact(prices: &[Decimal]) -> Result<[Decimal; BUCKETS], FileError> {
    if prices.len() < MIN_ROWS {
        return Err(FileError::TooFewRows(prices.len()));
    }
    let mut sorted = prices.to_vec();
    sorted.sort_unstable();
    let mut out = [Decimal::ZERO; BUCKETS];
    for (b, slot) in out.iter_mut().enumerate() {
        let range = super::ercot::bucket_range(b, sorted.len());
        let hours = Decimal::from(range.len());
        let sum = sorted[range].iter().try_fold(Decimal::ZERO, |a, p| a.checked_add(*p));
        // At least 6 hours a bucket, each of at most 100,000: neither can fail.
        *slot = sum.and_then(|s| s.checked_div(hours)).ok_or(FileError::MeanNotPositive)?;
    }
    Ok(out)
}

/// A file's text to the link's `pq` buckets: [`parse_prices`] then [`reduce`].
pub fn buckets_of_file(text: &str) -> Result<[Decimal; BUCKETS], FileError> {
    reduce(&parse_prices(text)?)
}

#[cfg(test)]
mod tests;
