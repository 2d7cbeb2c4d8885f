//! What a link may get wrong: unknown and repeated keys, bad values and their fallbacks, presets.

use super::*;

#[test]
fn it_names_unknown_keys_and_keeps_the_rest() {
    let (s, warnings) = from_query("?btc=90000&foo=1&BTC=2&kwh=0.04&bar&=5");
    assert_eq!(warnings, vec![unknown("foo"), unknown("BTC"), unknown("bar"), unknown("")]);
    assert_eq!(value(&s, Key::Btc), Some(dec!(90000)));
    assert_eq!(value(&s, Key::Kwh), Some(dec!(0.04)));
    assert_eq!(crate::text::reasons::warning(&warnings[0]), "Unknown key \"foo\" ignored.");
    assert_eq!(warnings[0].key(), "foo");
}

#[test]
fn it_ignores_tracking_keys_silently() {
    let link = "https://example.com/?utm_source=x&btc=90000&utm_medium=social&utm_campaign=a%20b\
        &fbclid=IwAR0abc&gclid=Cj0KCQ&utm_=&utm_source=again";
    let (s, warnings) = from_query(link);
    assert!(warnings.is_empty());
    assert_eq!(value(&s, Key::Btc), Some(dec!(90000)));
    // Only those: a look-alike is an unknown key like any other.
    let (_, warnings) = from_query("utm=1&fbclid2=1&xgclid=1");
    assert_eq!(warnings, vec![unknown("utm"), unknown("fbclid2"), unknown("xgclid")]);
}

#[test]
fn it_falls_back_for_a_bad_value_alone_and_says_why() {
    let cases = [
        ("btc=abc", invalid("btc", "abc", "not a number", "85000")),
        ("btc=", invalid("btc", "", "no value", "85000")),
        ("btc", invalid("btc", "", "no value", "85000")),
        ("btc=NaN", invalid("btc", "NaN", "not a number", "85000")),
        ("btc=inf", invalid("btc", "inf", "not a number", "85000")),
        ("btc=85,000", invalid("btc", "85,000", "use '.' for decimals and no thousands separators", "85000")),
        ("kwh=0,045", invalid("kwh", "0,045", "use '.' for decimals and no thousands separators", "0.05")),
        ("btc=0", invalid("btc", "0", "Bitcoin price must be > 0 and ≤ 10,000,000 USD", "85000")),
        ("btc=-1", invalid("btc", "-1", "Bitcoin price must be > 0 and ≤ 10,000,000 USD", "85000")),
        ("btc=10000000.01", invalid("btc", "10000000.01", "Bitcoin price must be > 0 and ≤ 10,000,000 USD", "85000")),
        ("kwh=11", invalid("kwh", "11", "Electricity price must be ≥ 0 and ≤ 10 USD/kWh", "0.05")),
        ("pool=100", invalid("pool", "100", "Pool fee must be ≥ 0 and < 100 %", "2")),
        ("pue=0.9", invalid("pue", "0.9", "Mining site overhead (PUE) must be ≥ 1 and ≤ 3 ratio", "1.05")),
        ("up=0", invalid("up", "0", "Mining uptime must be > 0 and ≤ 100 %", "97")),
        ("mo=1.5", invalid("mo", "1.5", "Horizon must be a whole number", "120")),
        ("mo=0", invalid("mo", "0", "Horizon must be a whole number ≥ 1 and ≤ 240 months", "120")),
        ("mo=241", invalid("mo", "241", "Horizon must be a whole number ≥ 1 and ≤ 240 months", "120")),
        ("conv=2.5", invalid("conv", "2.5", "Conversion for AI must be a whole number", "9")),
        ("conv=61", invalid("conv", "61", "Conversion for AI must be a whole number ≥ 0 and ≤ 60 months", "9")),
        ("dr=-1", invalid("dr", "-1", "Discount rate must be ≥ 0 and ≤ 100 % per year", "12")),
        ("glife=0", invalid("glife", "0", "GPU useful life must be > 0 and ≤ 50 years", "5")),
        ("clife=51", invalid("clife", "51", "AI hall fit-out life must be > 0 and ≤ 50 years", "12")),
        ("mw=0", invalid("mw", "0", "Site power must be > 0 and ≤ 100,000 MW", "100")),
        (
            "blk=-1",
            invalid("blk", "-1", "Block height at the start must be a whole number ≥ 0 and ≤ 10,000,000", "925000"),
        ),
        ("dg=-51", invalid("dg", "-51", "Difficulty change must be ≥ -50 and ≤ 100 % per month", "2")),
        (
            "hp=0",
            invalid(
                "hp",
                "0",
                "Hashprice override must be > 0 and ≤ 100,000 USD per PH/s per day",
                "the computed hashprice",
            ),
        ),
        ("site=2e9", invalid("site", "2e9", "Mining site build cost must be ≥ 0 and ≤ 1,000,000,000 USD/MW", "500000")),
        ("btc=1e99999", invalid("btc", "1e99999", "not a number", "85000")),
        (
            "btc=99999999999999999999999999999999",
            invalid("btc", "99999999999999999999999999999999", "more than 28 digits", "85000"),
        ),
        ("v=2", invalid("v", "2", "only version 1 exists", "version 1")),
        ("lang=fr", invalid("lang", "fr", "the languages are en, ar and vi", "en")),
        ("theme=blue", invalid("theme", "blue", "the themes are light, dark and auto", "auto")),
        ("embed=yes", invalid("embed", "yes", "it takes 0 or 1", "0")),
        ("edit=2", invalid("edit", "2", "it takes 0 or 1", "1")),
        ("live=on", invalid("live", "on", "it takes 0 or 1", "0")),
        (
            "show=compare,charts",
            invalid(
                "show",
                "compare,charts",
                "the sections are compare, btc, mw, network, time, inputs, map, drivers and history",
                "the default sections",
            ),
        ),
    ];
    for (bad, want) in cases {
        // The bad key sits between two good ones, which must both survive.
        let link = format!("tgt=45000&{bad}&gph=2.5");
        let (s, warnings) = from_query(&link);
        assert_eq!(warnings, vec![want.clone()], "{link}");
        assert_eq!(value(&s, Key::Tgt), Some(dec!(45000)), "{link}");
        assert_eq!(value(&s, Key::Gph), Some(dec!(2.5)), "{link}");
        assert_eq!(s, read("tgt=45000&gph=2.5"), "{link}: only the bad key falls back");
    }
    assert_eq!(
        invalid("kwh", "11", "Electricity price must be ≥ 0 and ≤ 10 USD/kWh", "0.05").0,
        "kwh=11 ignored: Electricity price must be ≥ 0 and ≤ 10 USD/kWh; using 0.05."
    );
}

#[test]
fn it_accepts_the_ends_of_each_range_that_are_inside_it() {
    for key in Key::ALL {
        let field = key.field();
        for bound in [field.min, field.max] {
            let Bound::Inclusive(end) = bound else { continue };
            // Subsidy plus fees must stay above zero: `sub=0` is fine while the fees are not.
            let link = format!("{}={}", key.name(), plain(end));
            let s = read(&link);
            assert_eq!(value(&s, key), Some(end), "{link}");
        }
    }
}

#[test]
fn it_counts_the_first_of_repeated_keys() {
    let (s, warnings) = from_query("btc=90000&kwh=0.04&btc=95000&btc=abc");
    assert_eq!(value(&s, Key::Btc), Some(dec!(90000)));
    assert_eq!(warnings, vec![repeated("btc", "95000"), repeated("btc", "abc"),]);
    assert_eq!(
        crate::text::reasons::warning(&warnings[0]),
        "btc=95000 ignored: btc is given more than once; the first value counts."
    );
    // A repeated preset or display key, and a key spelt once plainly and once escaped.
    let (s, warnings) = from_query("asic=s21xp&asic=s19jpro&lang=ar&lang=vi&kwh=0.03&kw%68=0.04");
    assert_eq!(s.asic().id, "s21xp");
    assert_eq!(s.view.lang, Lang::Ar);
    assert_eq!(value(&s, Key::Kwh), Some(dec!(0.03)));
    let keys: Vec<&str> = warnings.iter().map(Warning::key).collect();
    assert_eq!(keys, ["asic", "lang", "kwh"]);
}

#[test]
fn it_keeps_subsidy_plus_fees_above_zero() {
    let reason = "subsidy plus fees must be above zero";
    for link in ["sub=0&fee=0", "fee=0&sub=0"] {
        let (s, warnings) = from_query(link);
        assert_eq!(value(&s, Key::Sub), Some(dec!(0)), "{link}");
        assert_eq!(value(&s, Key::Fee), Some(dec!(0.02)), "{link}: fee falls back");
        assert_eq!(warnings, vec![invalid("fee", "0", reason, "0.02")], "{link}");
    }
    assert_eq!(value(&read("sub=0"), Key::Sub), Some(dec!(0)));
    assert_eq!(value(&read("fee=0"), Key::Fee), Some(dec!(0)));
    let s = read("sub=0&fee=0.5");
    assert_eq!((value(&s, Key::Sub), value(&s, Key::Fee)), (Some(dec!(0)), Some(dec!(0.5))));
    // A subsidy that is out of range leaves the default, so a zero fee is fine.
    let (s, warnings) = from_query("sub=51&fee=0");
    assert_eq!((value(&s, Key::Sub), value(&s, Key::Fee)), (Some(dec!(3.125)), Some(dec!(0))));
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].key(), "sub");
}

#[test]
fn it_fills_fields_from_presets_unless_given() {
    for preset in &ASICS {
        let s = read(&format!("asic={}", preset.id));
        assert_eq!((s.asic().id, value(&s, Key::Th), value(&s, Key::W)), (preset.id, Some(preset.th), Some(preset.w)));
    }
    for preset in &GPUS {
        let s = read(&format!("gpu={}", preset.id));
        assert_eq!(s.gpu().id, preset.id);
        assert_eq!(
            (value(&s, Key::Gkw), value(&s, Key::Gcap), value(&s, Key::Gph)),
            (Some(preset.gkw), Some(preset.gcap), Some(preset.gph))
        );
    }
    // A given field wins over the preset, wherever it sits in the link.
    for link in ["asic=s21xp&th=250", "th=250&asic=s21xp"] {
        let s = read(link);
        assert_eq!((value(&s, Key::Th), value(&s, Key::W)), (Some(dec!(250)), Some(dec!(3645))), "{link}");
    }
    for link in ["gpu=b200&gph=4.5", "gph=4.5&gpu=b200"] {
        let s = read(link);
        assert_eq!(
            (value(&s, Key::Gkw), value(&s, Key::Gcap), value(&s, Key::Gph)),
            (Some(dec!(1.79)), Some(dec!(60000)), Some(dec!(4.5))),
            "{link}"
        );
    }
    // A bad field under a preset falls back to the preset's figure, not the contract's.
    let (s, warnings) = from_query("asic=s21xp&w=abc");
    assert_eq!(value(&s, Key::W), Some(dec!(3645)));
    assert_eq!(warnings, vec![invalid("w", "abc", "not a number", "3645")]);
}

#[test]
fn it_names_a_preset_it_does_not_know() {
    let asics = "s21xph, a16xp, s21xp, s21pro, s21, m60s, m66s, s19xp, s19jpro";
    let gpus = "b200, h200, h100, a100, l40s, rtx4090";
    let cases = [
        ("asic=s99", invalid("asic", "s99", &format!("not a known ASIC ({asics})"), "s21")),
        ("asic=", invalid("asic", "", &format!("not a known ASIC ({asics})"), "s21")),
        ("asic=S21XP", invalid("asic", "S21XP", &format!("not a known ASIC ({asics})"), "s21")),
        ("gpu=h800", invalid("gpu", "h800", &format!("not a known GPU ({gpus})"), "h100")),
        ("gpu=%3Cb%3E", invalid("gpu", "<b>", &format!("not a known GPU ({gpus})"), "h100")),
    ];
    for (link, want) in cases {
        let (s, warnings) = from_query(link);
        assert_eq!(warnings, vec![want], "{link}");
        assert_eq!(s, Scenario::default(), "{link}");
    }
    // The fields it would have filled can still be given.
    let (s, warnings) = from_query("asic=nope&th=250&gpu=nope&gph=3");
    assert_eq!((value(&s, Key::Th), value(&s, Key::W)), (Some(dec!(250)), Some(dec!(3500))));
    assert_eq!((value(&s, Key::Gph), value(&s, Key::Gkw)), (Some(dec!(3)), Some(dec!(1.275))));
    assert_eq!(warnings.len(), 2);
}
