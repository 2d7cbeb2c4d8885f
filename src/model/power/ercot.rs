//! `data/ercot_hb_north_2025_hourly.csv` as SPEC.md's 100 buckets: ERCOT's real-time price
//! at the North hub, each hour of 2025 (see `data/README.md`; attribution
//! [`super::ATTRIBUTION`]).
//!
//! Each bucket is kept as the exact sum of its sorted prices, in 10^-4 USD/MWh (the file's
//! prices have at most four decimals), and its mean is that sum over the bucket's hours: no
//! digit of the file is rounded before the model divides. One table of 400 bytes rather than
//! one line of code a row: the first screen's model reads it when a link names the profile,
//! and a table weighs less there. `tests::it_holds_the_data_file_bucket_for_bucket` re-reads
//! the CSV, sorts it and compares every sum.

use rust_decimal::Decimal;

use super::BUCKETS;
use crate::model::error::ModelError;
use crate::model::figure::Figure;

/// Hours in the file: the year 2025 in Central time, 8,760 UTC hours.
pub const HOURS: usize = 8760;

/// Bucket `b`'s hours, sorted ascending: indices `floor((b−1)·N/100)` to `floor(b·N/100) − 1`.
pub fn bucket_range(b: usize, n: usize) -> core::ops::Range<usize> {
    (b * n / BUCKETS)..((b + 1) * n / BUCKETS)
}

/// The sum of each bucket's prices, in 10^-4 USD/MWh, dearest last.
#[rustfmt::skip]
static SUMS: [i32; BUCKETS] = [
    -8197275, -1651475, -50800, 1624275, 3908625, 6046300, 7873050, 9265575, 10355250, 11155500,
    11669525, 12446725, 12850550, 13503775, 13920425, 14220675, 14771625, 14933875, 15434775, 15757500,
    15821375, 16277650, 16342950, 16747475, 16988875, 17045650, 17472850, 17475000, 17854300, 18064500,
    18074675, 18472750, 18433775, 18823950, 18984075, 18921550, 19296325, 19207000, 19581600, 19726000,
    19672025, 20074225, 20012800, 20412325, 20608475, 20545700, 20959925, 20887575, 21316225, 21557375,
    21516825, 21997825, 22026275, 22540925, 22820350, 22828400, 23376775, 23366475, 23896150, 24173850,
    24190775, 24797500, 24886225, 25546750, 25916625, 25982700, 26675050, 26765575, 27516725, 27975875,
    28177400, 29007625, 29244475, 30125475, 30699450, 30895400, 31872000, 32088475, 33185000, 33969500,
    34437325, 35669950, 36219575, 37824750, 38914050, 39706725, 41643125, 42703700, 45074725, 47546650,
    49608850, 52854625, 55412925, 59824300, 65040825, 70156300, 78709175, 89443975, 107601800, 232632800,
];

/// The 100 bucket prices `r_b`, USD/MWh, ascending: each bucket's sum over its hours.
pub fn buckets() -> Figure<[Decimal; BUCKETS]> {
    let mut out = [Decimal::ZERO; BUCKETS];
    for (b, slot) in out.iter_mut().enumerate() {
        let hours = Decimal::from(bucket_range(b, HOURS).len());
        // 87 or 88 hours and a sum of at most 10 digits: the quotient cannot fail.
        *slot = Decimal::new(i64::from(SUMS[b]), 4).checked_div(hours).ok_or(ModelError::Overflow)?.normalize();
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
