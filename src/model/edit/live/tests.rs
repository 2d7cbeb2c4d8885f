use super::*;

fn source() -> Source {
    let at = UtcMinute { year: 2026, month: 11, day: 25, hour: 14, minute: 3 };
    Source { host: "mempool.space".to_string(), at }
}

fn reading(price_usd: &str, difficulty: &str, total_fee_sat: &str, height: &str) -> Reading {
    let text = String::from;
    Reading {
        source: source(),
        price_usd: text(price_usd),
        difficulty: text(difficulty),
        total_fee_sat: text(total_fee_sat),
        height: text(height),
    }
}

#[test]
fn it_converts_a_reading_to_the_link_units() {
    // Worked by hand (python decimal, 40 digits):
    //   149301205959699.88 → whole 149301205959700 / 10^12 = 149.3012059597 T
    //   2993214350 sat / 144 / 10^8 = 0.20786210763888… → 0.20786211 BTC
    //   fees of exactly 144 · 10^8 sat → 1 BTC; 72 sat → half a satoshi a block → 0.00000001
    //   155e12 → 155 T
    let cases = [
        (
            reading("98765", "149301205959699.88", "2993214350", "925123"),
            Network { btc: dec!(98765), diff: dec!(149.3012059597), fee: dec!(0.20786211), blk: dec!(925123) },
        ),
        (
            reading("43753.456", "155e12", "14400000000", "0"),
            Network { btc: dec!(43753.46), diff: dec!(155), fee: dec!(1), blk: dec!(0) },
        ),
        (
            reading("0.004", "1", "72", "1"),
            Network { btc: dec!(0), diff: dec!(0.000000000001), fee: dec!(0.00000001), blk: dec!(1) },
        ),
    ];
    for (reading, expected) in cases {
        assert_eq!(reading.to_network(), Ok(expected), "{reading:?}");
    }
}

#[test]
fn it_refuses_values_no_decimal_or_key_holds() {
    let cases = [
        (reading("1e40", "155e12", "0", "1"), Refused::new(Key::Btc, None, FieldError::OutOfRange)),
        (reading("NaN", "155e12", "0", "1"), Refused::new(Key::Btc, None, FieldError::NotANumber)),
        (reading("1", "inf", "0", "1"), Refused::new(Key::Diff, None, FieldError::NotANumber)),
        (reading("1", "1e30", "0", "1"), Refused::new(Key::Diff, None, FieldError::OutOfRange)),
        (reading("1", "155e12", "12abc", "1"), Refused::new(Key::Fee, None, FieldError::NotANumber)),
        (reading("1", "155e12", "", "1"), Refused::new(Key::Fee, None, FieldError::Empty)),
        (reading("1", "155e12", "1.5", "1"), Refused::new(Key::Fee, None, FieldError::NotWhole)),
        (reading("1", "155e12", "0", "925000.5"), Refused::new(Key::Blk, None, FieldError::NotWhole)),
    ];
    for (reading, expected) in cases {
        assert_eq!(reading.to_network(), Err(expected), "{reading:?}");
    }
}

#[test]
fn it_writes_each_number_as_the_digits_the_api_wrote() {
    let answers = |usd: f64, difficulty: f64, height: f64| {
        Reading::from_answers(
            source(),
            Ok(Prices { usd }),
            Ok(Hashrate { current_difficulty: difficulty }),
            Ok(RewardStats { total_fee: "2993214350".to_string() }),
            Ok(TipHeight(height)),
        )
    };
    // The shortest decimal that is the same float: 43753.456, not its binary value
    // 43753.45599999…, which would round down to the cent; 1e40 out of range, not 41 digits.
    let cases = [
        ((98765.0, 149301205959699.88, 925143.0), ("9.8765e4", "1.4930120595969988e14", "9.25143e5")),
        ((43753.456, 155e12, 0.0), ("4.3753456e4", "1.55e14", "0e0")),
        ((0.005, 1e40, 925000.5), ("5e-3", "1e40", "9.250005e5")),
    ];
    for ((usd, difficulty, height), (usd_text, difficulty_text, height_text)) in cases {
        let expected = reading(usd_text, difficulty_text, "2993214350", height_text);
        assert_eq!(answers(usd, difficulty, height), Ok(expected), "{usd} {difficulty} {height}");
    }
    let read = |usd| answers(usd, 155e12, 1.0).map(|r| r.to_network().map(|n| n.btc));
    assert_eq!(read(43753.456), Ok(Ok(dec!(43753.46))));
    assert_eq!(read(0.005), Ok(Ok(dec!(0.01))));
    assert_eq!(read(1e40), Ok(Err(Refused::new(Key::Btc, None, FieldError::OutOfRange))));
}

// The API's answers, as its documentation shows them (Nov 2026), parsed as the browser
// parses them (JSON first), then read as the page reads them.
const PRICES: &str =
    r#"{"time":1795615200,"USD":98765,"EUR":94321,"GBP":78901,"CAD":138000,"CHF":87000,"AUD":151000,"JPY":15000000}"#;
const HASHRATE: &str = r#"{"hashrates":[{"timestamp":1795392000,"avgHashrate":1.0512e21}],"difficulty":[{"time":1795300000,"height":925056,"difficulty":149301205959699.88,"adjustment":1.0123}],"currentHashrate":1.0735e21,"currentDifficulty":149301205959699.88}"#;
const REWARDS: &str =
    r#"{"startBlock":925000,"endBlock":925143,"totalReward":"45993214350","totalFee":"2993214350","totalTx":"512345"}"#;
const HEIGHT: &str = "925143";
const HOST: &str = "127.0.0.1:8080";

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("the test's JSON")
}

fn read<T: for<'de> Deserialize<'de>>(endpoint: Endpoint, text: &str) -> Result<T, Failure> {
    endpoint.read(HOST, json(text))
}

#[test]
fn it_reads_the_four_answers_into_typed_values() {
    assert_eq!(read(Endpoint::Price, PRICES), Ok(Prices { usd: 98765.0 }));
    assert_eq!(read(Endpoint::Difficulty, HASHRATE), Ok(Hashrate { current_difficulty: 149301205959699.88 }));
    assert_eq!(read(Endpoint::Fees, REWARDS), Ok(RewardStats { total_fee: "2993214350".to_string() }));
    assert_eq!(read(Endpoint::Height, HEIGHT), Ok(TipHeight(925143.0)));
    let reading = Reading::from_answers(
        source(),
        read(Endpoint::Price, PRICES),
        read(Endpoint::Difficulty, HASHRATE),
        read(Endpoint::Fees, REWARDS),
        read(Endpoint::Height, HEIGHT),
    );
    // What tests/browser/live.test.mjs expects the page to fill in.
    let network = reading.map(|r| r.to_network());
    let filled = Network { btc: dec!(98765), diff: dec!(149.3012059597), fee: dec!(0.20786211), blk: dec!(925143) };
    assert_eq!(network, Ok(Ok(filled)));
}

/// Reads `text` as `endpoint`'s answer, keeping only whether it is one.
fn read_as(endpoint: Endpoint, text: &str) -> Result<(), Failure> {
    match endpoint {
        Endpoint::Price => read::<Prices>(endpoint, text).map(drop),
        Endpoint::Difficulty => read::<Hashrate>(endpoint, text).map(drop),
        Endpoint::Fees => read::<RewardStats>(endpoint, text).map(drop),
        Endpoint::Height => read::<TipHeight>(endpoint, text).map(drop),
    }
}

#[test]
fn it_names_an_answer_of_another_shape_malformed() {
    let malformed = |endpoint: Endpoint| Err::<(), _>(endpoint.failed(HOST, Problem::Malformed));
    let cases = [
        (Endpoint::Price, r#"{"time":1795615200,"EUR":94321}"#),
        (Endpoint::Price, r#"{"USD":"98765"}"#),
        (Endpoint::Price, r#"{"USD":null}"#),
        (Endpoint::Price, "null"),
        (Endpoint::Price, "98765"),
        (Endpoint::Difficulty, r#"{"currentHashrate":1.07e21}"#),
        (Endpoint::Difficulty, r#"{"currentDifficulty":true}"#),
        (Endpoint::Fees, r#"{"totalFee":2993214350}"#),
        (Endpoint::Fees, r#"{"totalReward":"45993214350"}"#),
        (Endpoint::Fees, "[]"),
        (Endpoint::Height, r#""925143""#),
        (Endpoint::Height, "null"),
        (Endpoint::Height, r#"{"height":925143}"#),
        (Endpoint::Height, "[925143]"),
    ];
    for (endpoint, text) in cases {
        assert_eq!(read_as(endpoint, text), malformed(endpoint), "{endpoint:?} {text}");
    }
    // A browser parses 1e400 as Infinity (serde_json refuses it outright): not a number the
    // API means.
    use serde::de::value::{Error, F64Deserializer, MapDeserializer};
    for number in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        let bare = F64Deserializer::<Error>::new(number);
        assert_eq!(
            Endpoint::Height.read::<TipHeight, _>(HOST, bare),
            Err(Endpoint::Height.failed(HOST, Problem::Malformed))
        );
        let object = MapDeserializer::<_, Error>::new([("USD", number)].into_iter());
        assert_eq!(
            Endpoint::Price.read::<Prices, _>(HOST, object),
            Err(Endpoint::Price.failed(HOST, Problem::Malformed))
        );
    }
}

#[test]
fn it_reports_the_first_request_that_failed_in_order() {
    let prices = || read::<Prices>(Endpoint::Price, PRICES);
    let hashrate = || read::<Hashrate>(Endpoint::Difficulty, HASHRATE);
    let rewards = || read::<RewardStats>(Endpoint::Fees, REWARDS);
    let height = || read::<TipHeight>(Endpoint::Height, HEIGHT);
    let limited = |e: Endpoint| e.failed(HOST, Problem::Limited);
    let offline = |e: Endpoint| e.failed(HOST, Problem::Offline);
    // Every endpoint limited: the price is named.
    let all = Reading::from_answers(
        source(),
        Err(limited(Endpoint::Price)),
        Err(limited(Endpoint::Difficulty)),
        Err(limited(Endpoint::Fees)),
        Err(limited(Endpoint::Height)),
    );
    assert_eq!(all, Err(limited(Endpoint::Price)));
    let two = Reading::from_answers(
        source(),
        prices(),
        hashrate(),
        Err(limited(Endpoint::Fees)),
        Err(offline(Endpoint::Height)),
    );
    assert_eq!(two, Err(limited(Endpoint::Fees)));
    let last = Reading::from_answers(source(), prices(), hashrate(), rewards(), Err(offline(Endpoint::Height)));
    assert_eq!(last, Err(offline(Endpoint::Height)));
    let good = Reading::from_answers(source(), prices(), hashrate(), rewards(), height());
    assert_eq!(good, Ok(reading("9.8765e4", "1.4930120595969988e14", "2993214350", "9.25143e5")));
}

#[test]
fn it_names_each_status_and_lost_request() {
    assert_eq!(Problem::of_status(200), None);
    assert_eq!(Problem::of_status(429), Some(Problem::Limited));
    assert_eq!(Problem::of_status(500), Some(Problem::Server { status: 500 }));
    assert_eq!(Problem::of_status(503), Some(Problem::Server { status: 503 }));
    assert_eq!(Problem::of_status(404), Some(Problem::Http { status: 404 }));
    assert_eq!(Problem::of_status(204), Some(Problem::Http { status: 204 }));
    assert_eq!(Problem::of_status(301), Some(Problem::Http { status: 301 }));
    assert_eq!(Problem::lost(true, 6), Problem::Timeout { seconds: 6 });
    assert_eq!(Problem::lost(false, 6), Problem::Offline);
    let paths: Vec<&str> = Endpoint::ALL.iter().map(|e| e.path()).collect();
    assert_eq!(
        paths,
        ["/api/v1/prices", "/api/v1/mining/hashrate/3d", "/api/v1/mining/reward-stats/144", "/api/blocks/tip/height"]
    );
}

#[test]
fn it_names_the_api_host_as_a_browser_does() {
    let cases = [
        ("https://mempool.space", Some("mempool.space")),
        ("https://mempool.space/", Some("mempool.space")),
        ("https://Mempool.Space:443/api", Some("mempool.space")),
        ("http://127.0.0.1:47913", Some("127.0.0.1:47913")),
        ("http://127.0.0.1:80", Some("127.0.0.1")),
        ("https://user@mempool.example:8443/x?y#z", Some("mempool.example:8443")),
        ("https://[::1]:8080", Some("[::1]:8080")),
        ("", None),
        ("mempool.space", None),
        ("ftp://mempool.space", None),
        ("https://", None),
        ("https://:443", None),
    ];
    for (base, host) in cases {
        assert_eq!(api_host(base).as_deref(), host, "{base:?}");
    }
}

#[test]
fn it_reads_the_minute_of_the_answer() {
    let minute = |year, month, day, hour, minute| Some(UtcMinute { year, month, day, hour, minute });
    // Worked with Python's datetime from 1970-01-01 plus the milliseconds.
    let cases = [
        (0.0, minute(1970, 1, 1, 0, 0)),
        (59_999.9, minute(1970, 1, 1, 0, 0)),
        (1_795_615_380_000.0, minute(2026, 11, 25, 14, 3)),
        (1_795_615_439_999.0, minute(2026, 11, 25, 14, 3)),
        (1_709_251_140_000.0, minute(2024, 2, 29, 23, 59)),
        (951_782_400_000.0, minute(2000, 2, 29, 0, 0)),
        (4_107_542_400_000.0, minute(2100, 3, 1, 0, 0)),
        (-60_000.0, minute(1969, 12, 31, 23, 59)),
        (-1.0, minute(1969, 12, 31, 23, 59)),
        (253_402_300_799_999.0, minute(9999, 12, 31, 23, 59)),
        (-62_167_219_200_000.0, minute(0, 1, 1, 0, 0)),
        // The year before year 0, and years past 65535: no minute the page could show.
        (-62_167_219_200_001.0, None),
        (2_100_000_000_000_000.0, None),
        (f64::NAN, None),
        (f64::INFINITY, None),
        (f64::NEG_INFINITY, None),
    ];
    for (ms, expected) in cases {
        assert_eq!(UtcMinute::from_unix_ms(ms), expected, "{ms}");
    }
}

#[test]
fn it_applies_all_four_values_or_none() {
    let before = Scenario::default();
    let good = Network { btc: dec!(98765), diff: dec!(149.3012059597), fee: dec!(0.20786211), blk: dec!(925123) };
    let after = good.apply_to(&before).expect("in range");
    for (key, value) in good.values() {
        assert_eq!(after.get(key), Some(value), "{key:?}");
    }
    assert!(good.shown_in(&after) && !good.shown_in(&before));
    // Everything else is the scenario's own.
    assert_eq!(after.get(Key::Kwh), before.get(Key::Kwh));

    let mut zero_subsidy = Scenario::default();
    zero_subsidy.set(Key::Sub, Some(dec!(0))).expect("fee is 0.02");
    let refused = [
        (Network { btc: dec!(0), ..good }, &before, Key::Btc, Some(dec!(0)), FieldError::OutOfRange),
        (Network { diff: dec!(0), ..good }, &before, Key::Diff, Some(dec!(0)), FieldError::OutOfRange),
        (Network { fee: dec!(1001), ..good }, &before, Key::Fee, Some(dec!(1001)), FieldError::OutOfRange),
        (Network { blk: dec!(10000001), ..good }, &before, Key::Blk, Some(dec!(10000001)), FieldError::OutOfRange),
        (Network { fee: dec!(0), ..good }, &zero_subsidy, Key::Fee, Some(dec!(0)), FieldError::RewardNotPositive),
    ];
    for (network, scenario, key, value, error) in refused {
        assert_eq!(network.apply_to(scenario), Err(Refused { key, value, error }), "{network:?}");
    }
}
