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
    //   155e12 (as JavaScript may print a number) → 155 T
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
fn it_reads_the_report_of_the_four_requests() {
    let ok = read_report("ok\tmempool.space\t2026-11-25T14:03Z\t98765\t149301205959699.88\t2993214350\t925123");
    assert_eq!(ok, Ok(reading("98765", "149301205959699.88", "2993214350", "925123")));
    let host = "127.0.0.1:8080".to_string();
    let request = |endpoint, problem| Failure::Request { endpoint, host: host.clone(), problem };
    let cases = [
        (
            "error\ttimeout\tdifficulty\t127.0.0.1:8080\t6",
            request(Endpoint::Difficulty, Problem::Timeout { seconds: 6 }),
        ),
        ("error\toffline\theight\t127.0.0.1:8080", request(Endpoint::Height, Problem::Offline)),
        ("error\tlimited\tprice\t127.0.0.1:8080", request(Endpoint::Price, Problem::Limited)),
        ("error\tserver\tfees\t127.0.0.1:8080\t503", request(Endpoint::Fees, Problem::Server { status: 503 })),
        ("error\thttp\tprice\t127.0.0.1:8080\t404", request(Endpoint::Price, Problem::Http { status: 404 })),
        ("error\tmalformed\tdifficulty\t127.0.0.1:8080", request(Endpoint::Difficulty, Problem::Malformed)),
        ("error\tnoapi", Failure::NoApi),
        ("error\tnoscript", Failure::NoScript),
        // Whatever the script did not write reads as unreadable, never as a half-filled failure.
        ("", Failure::Unreadable),
        ("fine\t1", Failure::Unreadable),
        ("error\tunknown", Failure::Unreadable),
        ("error\ttimeout\tdifficulty\t127.0.0.1:8080", Failure::Unreadable),
        ("error\tserver\tfees\t127.0.0.1:8080\t5xx", Failure::Unreadable),
        ("error\toffline\tblocks\t127.0.0.1:8080", Failure::Unreadable),
        ("error\toffline\theight\t", Failure::Unreadable),
        ("ok\tmempool.space\t25 Nov 2026 14:03 UTC\t1\t1\t1\t1", Failure::Unreadable),
    ];
    for (line, expected) in cases {
        assert_eq!(read_report(line), Err(expected), "{line:?}");
    }
}

#[test]
fn it_reads_the_minute_of_the_answer() {
    let minute = |year, month, day, hour, minute| Some(UtcMinute { year, month, day, hour, minute });
    assert_eq!(UtcMinute::parse("2026-11-25T14:03Z"), minute(2026, 11, 25, 14, 3));
    assert_eq!(UtcMinute::parse("2027-01-01T00:00Z"), minute(2027, 1, 1, 0, 0));
    assert_eq!(UtcMinute::parse("1999-12-31T23:59Z"), minute(1999, 12, 31, 23, 59));
    for bad in [
        "",
        "2026-11-25T14:03",
        "2026-11-25 14:03Z",
        "2026-11-25T14:03:07Z",
        "2026-13-25T14:03Z",
        "2026-00-25T14:03Z",
        "2026-11-32T14:03Z",
        "2026-11-25T24:00Z",
        "2026-11-25T14:60Z",
        "2026-11-5T14:03Z",
        "2026-11-25T+4:03Z",
        "2026-11-25-01T14:03Z",
    ] {
        assert_eq!(UtcMinute::parse(bad), None, "{bad:?}");
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
