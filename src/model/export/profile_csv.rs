//! The price profile as a CSV download (Power by the hour): one row a bucket, dearest first,
//! with the price the site pays there and whether mining runs, and the profile's source.

use rust_decimal::Decimal;

use super::csv::{field, BOM};
use super::entries::Value;

/// `share_of_hours_pct,usd_per_kwh,mining_runs,source`: bucket `k` of `prices` (the scaled
/// prices, dearest first) as the share of the year's hours up to its end, its price, 1 where
/// mining runs (after the `stopped` dearest), and the source line on every row (an analyst
/// who keeps one row keeps the attribution).
pub fn profile(prices: &[Decimal], stopped: u32, source: &str) -> String {
    let mut out = String::from(BOM);
    out.push_str("share_of_hours_pct,usd_per_kwh,mining_runs,source\r\n");
    for (k, price) in (1_u32..).zip(prices) {
        let runs = u8::from(k > stopped);
        let cells = [
            Value::Number(Decimal::from(k)),
            Value::Number(*price),
            Value::Number(Decimal::from(runs)),
            Value::Text(source.to_string()),
        ];
        let row: Vec<String> = cells.iter().map(field).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn it_writes_a_row_a_bucket_with_where_mining_runs() {
        let text = profile(&[dec!(0.3), dec!(0.05), dec!(-0.01)], 1, "ERCOT, 2025");
        assert_eq!(
            text,
            "\u{feff}share_of_hours_pct,usd_per_kwh,mining_runs,source\r\n1,0.3,0,\"ERCOT, 2025\"\r\n\
             2,0.05,1,\"ERCOT, 2025\"\r\n3,-0.01,1,\"ERCOT, 2025\"\r\n"
        );
    }
}
