//! The field table: key order, defaults and usual ranges inside the valid ones, plain decimals.

use super::*;

#[test]
fn it_keeps_the_table_in_key_order() {
    for (i, field) in FIELDS.iter().enumerate() {
        assert_eq!(field.key.index(), i, "{}", field.name);
        assert_eq!(Key::from_name(field.name), Some(field.key));
    }
}

#[test]
fn it_has_every_default_inside_its_range() {
    for field in &FIELDS {
        if let Some(d) = field.default {
            assert!(field.contains(d), "{} default {d}", field.name);
        }
    }
}

#[test]
fn it_parses_plain_decimals_only() {
    let ok = [
        ("0.1000000000000000000000000000000", "0.1"),
        ("1.0000000000000000000000000001", "1.0000000000000000000000000001"),
        ("0.05", "0.05"),
        (".5", "0.5"),
        ("-0", "0"),
        ("1e9", "1000000000"),
        ("2.50", "2.5"),
        (" 7 ", "7"),
        ("+3", "3"),
    ];
    for (text, want) in ok {
        assert_eq!(parse_decimal(text).map(|d| d.to_string()), Ok(want.to_string()), "{text}");
    }
    let bad = [
        ("", FieldError::Empty),
        ("abc", FieldError::NotANumber),
        ("NaN", FieldError::NotANumber),
        ("inf", FieldError::NotANumber),
        ("1.2.3", FieldError::NotANumber),
        ("1,5", FieldError::Comma),
        ("1 000", FieldError::NotANumber),
        ("1e", FieldError::NotANumber),
        ("1e99999", FieldError::NotANumber),
        ("1e40", FieldError::OutOfRange),
        ("1e-40", FieldError::TooManyDigits),
        ("-0.00000000000000000000000000001", FieldError::TooManyDigits),
        ("36.00000000000000000000000000001", FieldError::TooManyDigits),
        ("123456789012345678901234567890", FieldError::TooManyDigits),
        ("-", FieldError::NotANumber),
        (".", FieldError::NotANumber),
    ];
    for (text, want) in bad {
        assert_eq!(parse_decimal(text), Err(want), "{text}");
    }
}

#[test]
fn it_has_usual_ranges_inside_the_valid_ones_and_flags_what_lies_outside() {
    for (key, low, high) in USUAL {
        assert!(key.field().contains(low) || low == dec!(0), "{key} usual low {low}");
        assert!(key.field().contains(high) && low < high, "{key} usual high {high}");
    }
    assert_eq!(Key::Kwh.unusual(dec!(4.5)), Some(Unusual::Above(dec!(1))));
    assert_eq!(Key::Kwh.unusual(dec!(1)), None);
    assert_eq!(Key::Kwh.unusual(dec!(0)), Some(Unusual::Below(dec!(0.01))));
    assert_eq!(Key::Btc.unusual(dec!(85)), Some(Unusual::Below(dec!(1000))));
    assert_eq!(Key::Btc.unusual(dec!(1000001)), Some(Unusual::Above(dec!(1000000))));
    assert_eq!(Key::Pue.unusual(dec!(2.1)), Some(Unusual::Above(dec!(2))));
    assert_eq!(Key::Mo.unusual(dec!(240)), None, "a key without a usual range");
    for key in Key::ALL {
        if let (Some((low, high)), Some(default)) = (key.usual(), key.field().default) {
            assert!(low <= default && default <= high, "{key}'s default is unusual");
        }
    }
}

#[test]
fn it_checks_open_and_closed_ends() {
    let pool = Key::Pool.field();
    assert_eq!(pool.parse("0"), Ok(dec!(0)));
    assert_eq!(pool.parse("99.9"), Ok(dec!(99.9)));
    assert_eq!(pool.parse("100"), Err(FieldError::OutOfRange));
    let btc = Key::Btc.field();
    assert_eq!(btc.parse("0"), Err(FieldError::OutOfRange));
    assert_eq!(Key::Mo.field().parse("1.5"), Err(FieldError::NotWhole));
}
