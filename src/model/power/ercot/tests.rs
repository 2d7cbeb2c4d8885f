use core::str::FromStr;

use rust_decimal::RoundingStrategy;
use rust_decimal_macros::dec;

use super::*;

/// The file's prices, in its order (UTC hours).
fn hours() -> Vec<(String, Decimal)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/ercot_hb_north_2025_hourly.csv"))
        .unwrap_or_else(|e| panic!("data/ercot_hb_north_2025_hourly.csv: {e}"));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("hour_utc,usd_per_mwh"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (hour, price) = l.split_once(',').unwrap_or_else(|| panic!("{l}"));
            (hour.to_string(), Decimal::from_str(price).unwrap_or_else(|e| panic!("{l}: {e}")))
        })
        .collect()
}

fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

#[test]
fn it_holds_the_data_file_bucket_for_bucket() {
    let mut prices: Vec<Decimal> = hours().into_iter().map(|(_, p)| p).collect();
    assert_eq!(prices.len(), HOURS);
    prices.sort();
    for (b, want) in SUMS.iter().enumerate() {
        let range = bucket_range(b, HOURS);
        // SPEC.md: bucket b (1…100) is sorted indices floor((b−1)·N/100) … floor(b·N/100) − 1.
        assert_eq!((range.start, range.end), ((b * HOURS) / 100, ((b + 1) * HOURS) / 100));
        let sum: Decimal = prices[range].iter().sum();
        assert_eq!(sum, Decimal::new(i64::from(*want), 4), "bucket {}", b + 1);
    }
    // The file reduced by the reader's own path (src/model/power/file.rs) gives the same means.
    let exact = super::super::file::reduce_exact(&prices).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(buckets().map(|b| b.map(|d| d.normalize())), Ok(exact.map(|d| d.normalize())));
}

#[test]
fn it_gives_the_data_readmes_figures() {
    // data/README.md: mean 32.0158; median 24.61; min −32.42 (2025-01-05 08:00Z); max 2,087.03
    // (2025-01-15 13:00Z); 235 hours above $100; 224 below $0; without the dearest 5 % (438 h,
    // all ≥ $77.26) the mean of the other 8,322 is $26.75.
    let hours = hours();
    let n = Decimal::from(hours.len());
    let total: Decimal = hours.iter().map(|(_, p)| *p).sum();
    assert_eq!(round(total / n, 4), dec!(32.0158));
    let min = hours.iter().min_by_key(|(_, p)| *p).unwrap_or_else(|| panic!("no hours"));
    let max = hours.iter().max_by_key(|(_, p)| *p).unwrap_or_else(|| panic!("no hours"));
    assert_eq!((min.0.as_str(), round(min.1, 2)), ("2025-01-05T08:00:00Z", dec!(-32.42)));
    assert_eq!((max.0.as_str(), round(max.1, 2)), ("2025-01-15T13:00:00Z", dec!(2087.03)));
    assert_eq!(hours.iter().filter(|(_, p)| *p > dec!(100)).count(), 235);
    assert_eq!(hours.iter().filter(|(_, p)| *p < Decimal::ZERO).count(), 224);
    let mut sorted: Vec<Decimal> = hours.iter().map(|(_, p)| *p).collect();
    sorted.sort();
    assert_eq!(round((sorted[4379] + sorted[4380]) / dec!(2), 2), dec!(24.61));
    let (cheap, dear) = sorted.split_at(HOURS - 438);
    assert!(dear.iter().all(|p| *p >= dec!(77.26)));
    assert_eq!(round(cheap.iter().sum::<Decimal>() / Decimal::from(cheap.len()), 2), dec!(26.75));
    // The buckets are ascending. Their mean r̄ (what `kwh` scales) is $32.0026, not the hours'
    // $32.0158: buckets of 87 and 88 hours weigh their hours a little unevenly (SPEC.md's
    // bucket rule, as is).
    let b = buckets().unwrap_or_else(|e| panic!("{e:?}"));
    assert!(b.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(round(b.iter().sum::<Decimal>() / dec!(100), 4), dec!(32.0026));
}
