use rust_decimal_macros::dec;

use super::*;

/// `n` rows of `row(i)`, one a line.
fn rows(n: usize, row: impl Fn(usize) -> String) -> String {
    (0..n).map(row).collect::<Vec<_>>().join("\n")
}

#[test]
fn it_reads_one_price_a_row_or_time_and_price_with_an_optional_header() {
    let bare = rows(700, |i| format!("{}", i % 50));
    let timed = format!("time,price\n{}", rows(700, |i| format!("2025-01-01T{:02}:00Z,{}", i % 24, i % 50)));
    let quoted = format!("\u{feff}\"hour\",\"usd\"\r\n{}\r\n\r\n", rows(700, |i| format!("\"t{i}\",\"{}\"", i % 50)));
    let a = parse_prices(&bare).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(a.len(), 700);
    assert_eq!(parse_prices(&timed), Ok(a.clone()));
    assert_eq!(parse_prices(&quoted), Ok(a));
}

#[test]
fn it_names_the_first_bad_row() {
    let mut lines: Vec<String> = (0..700).map(|i| format!("t{i},{i}")).collect();
    lines[9] = "t9,12,5".into();
    lines[20] = "t20,abc".into();
    assert_eq!(parse_prices(&lines.join("\n")), Err(FileError::NotAPrice(10)));
    lines[9] = "t9,1".into();
    assert_eq!(parse_prices(&lines.join("\n")), Err(FileError::NotAPrice(21)));
    lines[20] = "t20,100001".into();
    assert_eq!(parse_prices(&lines.join("\n")), Err(FileError::OutOfRange(21)));
    // A header is only the first row: text further down is a bad row, counted with the header.
    let text = format!("time,price\n1\n2\nx,y\n{}", rows(700, |_| "3".into()));
    assert_eq!(parse_prices(&text), Err(FileError::NotAPrice(4)));
    assert_eq!(parse_prices("1,5"), Err(FileError::TooFewRows(1)));
    assert_eq!(parse_prices(&rows(671, |_| "30".into())), Err(FileError::TooFewRows(671)));
    assert_eq!(parse_prices("time,price\n\n"), Err(FileError::Empty));
    assert_eq!(parse_prices(""), Err(FileError::Empty));
    // Two fields are a time and a price, whatever the time says.
    assert_eq!(parse_prices(&rows(700, |_| "30,5".into())).map(|p| p[0]), Ok(dec!(5)));
}

#[test]
fn it_reduces_a_year_to_100_rounded_ascending_buckets() {
    // 1,000 hours priced 0.001 · i: bucket b holds hours 10b … 10b + 9, mean 0.01b + 0.0045,
    // rounded to the cent, half away from zero.
    let prices: Vec<Decimal> = (0..1000).rev().map(|i| Decimal::new(i, 3)).collect();
    let b = reduce(&prices).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(b[0], dec!(0));
    assert_eq!(b[1], dec!(0.01));
    assert_eq!(b[99], dec!(0.99));
    assert!(b.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(reduce(&vec![dec!(-5); 700]), Err(FileError::MeanNotPositive));
}

#[test]
fn it_reads_the_bundled_year_as_the_ercot_profile_to_the_cent() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/ercot_hb_north_2025_hourly.csv"))
        .unwrap_or_else(|e| panic!("{e}"));
    let b = buckets_of_file(&text).unwrap_or_else(|e| panic!("{e:?}"));
    let ercot = super::super::ercot::buckets().unwrap_or_else(|e| panic!("{e:?}"));
    for (mine, theirs) in b.iter().zip(ercot.iter()) {
        assert!((*mine - *theirs).abs() <= dec!(0.005), "{mine} {theirs}");
    }
    // And it is a valid `pq`.
    assert_eq!(super::super::parse_pq(&super::super::pq_text(&b)), Ok(b));
}
