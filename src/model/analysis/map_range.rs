//! The decision map's two axes: which electricity prices and bitcoin prices it spans for
//! a scenario, and the value each cell stands for. Exact decimals, so a cell's `data-kwh`
//! and `data-btc` are values a link can carry and the evaluator can check.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::error::{ModelError, Quantity};
use crate::model::fields::Key;
use crate::model::scenario::Scenario;

/// Power prices span 0 to this multiple of the scenario's: wide enough to reach mining's
/// break-even in most scenarios (a margin of a few cents per kWh at the default).
pub const KWH_HIGH_MULTIPLE: Decimal = dec!(3);
/// … and at least to 0.15 USD/kWh, three times the default price, from cheap hydro to
/// retail power: with free or nearly free power three times the price is no axis (or one
/// that ends long before mining's break-even, about 0.07 USD/kWh at the default).
pub const KWH_HIGH_AT_LEAST: Decimal = dec!(0.15);
/// Bitcoin prices span from a quarter of the scenario's (a deep bear market) …
pub const BTC_LOW_MULTIPLE: Decimal = dec!(0.25);
/// … to three times it, capped at the link's maximum for `btc` so that every cell is a
/// valid link.
pub const BTC_HIGH_MULTIPLE: Decimal = dec!(3);

/// One axis: from `low` to `high`, split into equal cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AxisRange {
    pub low: Decimal,
    pub high: Decimal,
}

impl AxisRange {
    /// The value cell `k` of `n` stands for: its centre, `low + (2k + 1) · (high − low) / 2n`.
    /// Centres, not edges, so no cell sits on `kwh = 0` or on the range's ends, and each
    /// value lies strictly inside the key's valid range. With `n = 40` the division by 80
    /// is exact for any decimal range.
    pub fn sample(&self, k: usize, n: usize) -> crate::model::figure::Figure {
        if n == 0 {
            return Err(ModelError::ZeroDivisor(Quantity::NumberOfCells));
        }
        let odd = Decimal::from(k).checked_mul(dec!(2)).and_then(|v| v.checked_add(Decimal::ONE));
        let twice_n = Decimal::from(n).checked_mul(dec!(2));
        let span = self.high.checked_sub(self.low);
        let offset = odd
            .zip(span)
            .and_then(|(odd, span)| odd.checked_mul(span))
            .zip(twice_n)
            .and_then(|(a, b)| a.checked_div(b))
            .ok_or(ModelError::Overflow)?;
        self.low.checked_add(offset).map(|v| v.normalize()).ok_or(ModelError::Overflow)
    }

    /// The range in `f64`, for the chart's scale (pixels, not money).
    pub fn to_f64(&self) -> Option<(f64, f64)> {
        use rust_decimal::prelude::ToPrimitive;
        self.low.to_f64().zip(self.high.to_f64())
    }
}

/// The decision map's axes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapRanges {
    /// Electricity price, USD/kWh: x.
    pub kwh: AxisRange,
    /// Bitcoin price, USD: y.
    pub btc: AxisRange,
}

/// The decision map's ranges for a scenario:
///
/// - `kwh`: 0 … 3 × the scenario's price ([`KWH_HIGH_MULTIPLE`]), but at least 0 … 0.15
///   ([`KWH_HIGH_AT_LEAST`]); never above the link's maximum (10 USD/kWh).
/// - `btc`: 0.25 × … 3 × the scenario's price, the top capped at the link's maximum
///   (10,000,000 USD), so at that maximum the axis is 2,500,000 … 10,000,000.
///
/// The scenario's own point is then inside the map (on its top edge when `btc` is at its
/// maximum, on its left edge when power is free), every cell's values are valid link
/// values, and both spans are positive. A very small bitcoin price gives a very narrow
/// but still finite axis, with ticks to match.
pub fn map_ranges(s: &Scenario) -> Result<MapRanges, ModelError> {
    let kwh = s.kwh().get();
    let btc = s.btc().get();
    let kwh_max = Key::Kwh.field().max.value();
    let btc_max = Key::Btc.field().max.value();
    let kwh_high = kwh.checked_mul(KWH_HIGH_MULTIPLE).ok_or(ModelError::Overflow)?.max(KWH_HIGH_AT_LEAST);
    let btc_low = btc.checked_mul(BTC_LOW_MULTIPLE).ok_or(ModelError::Overflow)?;
    let btc_high = btc.checked_mul(BTC_HIGH_MULTIPLE).ok_or(ModelError::Overflow)?;
    Ok(MapRanges {
        kwh: AxisRange { low: Decimal::ZERO, high: kwh_high.min(kwh_max).normalize() },
        btc: AxisRange { low: btc_low.normalize(), high: btc_high.min(btc_max).normalize() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_query;

    fn scenario(query: &str) -> Scenario {
        let (s, warnings) = from_query(query);
        assert!(warnings.is_empty(), "{query}: {warnings:?}");
        s
    }

    #[test]
    fn it_spans_the_scenario() {
        // (link, kwh low … high, btc low … high), worked by hand.
        type Case = (&'static str, (Decimal, Decimal), (Decimal, Decimal));
        let cases: [Case; 8] = [
            // The default: 0.05 USD/kWh, 85,000 USD.
            ("", (dec!(0), dec!(0.15)), (dec!(21250), dec!(255000))),
            ("kwh=0.045&btc=100000", (dec!(0), dec!(0.15)), (dec!(25000), dec!(300000))),
            // Free power, and power so cheap that 3 × would end before mining's break-even:
            // the span reaches 0.15 all the same; at 0.06, 3 × is wider.
            ("kwh=0", (dec!(0), dec!(0.15)), (dec!(21250), dec!(255000))),
            ("kwh=0.01", (dec!(0), dec!(0.15)), (dec!(21250), dec!(255000))),
            ("kwh=0.06", (dec!(0), dec!(0.18)), (dec!(21250), dec!(255000))),
            // At the maxima: 3 × 10 and 3 × 10,000,000 are capped.
            ("kwh=10&btc=10000000", (dec!(0), dec!(10)), (dec!(2500000), dec!(10000000))),
            // 4 USD/kWh: 12 is capped at 10; btc 4,000,000: 12 M capped at 10 M.
            ("kwh=4&btc=4000000", (dec!(0), dec!(10)), (dec!(1000000), dec!(10000000))),
            // Tiny prices: power still spans 0 … 0.15; bitcoin a narrow, positive span.
            ("kwh=0.0001&btc=0.01", (dec!(0), dec!(0.15)), (dec!(0.0025), dec!(0.03))),
        ];
        for (query, kwh, btc) in cases {
            let Ok(r) = map_ranges(&scenario(query)) else { panic!("{query}") };
            assert_eq!((r.kwh.low, r.kwh.high), kwh, "{query}");
            assert_eq!((r.btc.low, r.btc.high), btc, "{query}");
        }
    }

    #[test]
    fn it_samples_cell_centres() {
        let kwh = AxisRange { low: dec!(0), high: dec!(0.15) };
        let btc = AxisRange { low: dec!(21250), high: dec!(255000) };
        let cases: [(&AxisRange, usize, usize, Decimal); 6] = [
            // 0.15 / 80 = 0.001875.
            (&kwh, 0, 40, dec!(0.001875)),
            (&kwh, 39, 40, dec!(0.148125)),
            (&kwh, 13, 40, dec!(0.050625)),
            // 21,250 + 233,750 / 80 = 21,250 + 2,921.875.
            (&btc, 0, 40, dec!(24171.875)),
            (&btc, 39, 40, dec!(252078.125)),
            // One cell: the middle.
            (&btc, 0, 1, dec!(138125)),
        ];
        for (axis, k, n, want) in cases {
            assert_eq!(axis.sample(k, n), Ok(want), "{k} of {n}");
        }
        assert_eq!(kwh.sample(0, 0), Err(ModelError::ZeroDivisor(Quantity::NumberOfCells)));
        assert_eq!(btc.to_f64(), Some((21250.0, 255000.0)));
    }

    #[test]
    fn it_gives_cells_that_links_accept() {
        // Every sample of the extreme ranges parses back as a valid link value.
        for query in ["", "kwh=0", "kwh=10&btc=10000000", "kwh=0.0001&btc=0.01"] {
            let Ok(r) = map_ranges(&scenario(query)) else { panic!("{query}") };
            for k in [0, 1, 20, 39] {
                let (Ok(kwh), Ok(btc)) = (r.kwh.sample(k, 40), r.btc.sample(k, 40)) else { panic!("{query}") };
                let link = format!("kwh={kwh}&btc={btc}");
                let (s, warnings) = from_query(&link);
                assert!(warnings.is_empty(), "{link}: {warnings:?}");
                assert_eq!((s.kwh().get(), s.btc().get()), (kwh, btc), "{link}");
            }
        }
    }
}
