//! The share-link codec against SPEC.md's "Share link" section: defaults, notices, fallbacks
//! key by key, presets, percent-encoding, the shortest link and the round trip.

use rust_decimal_macros::dec;

use super::*;
use crate::model::fields::Bound;
use crate::model::view::{PowerUnit, Title, View};

fn read(link: &str) -> Scenario {
    let (scenario, warnings) = from_query(link);
    assert!(warnings.is_empty(), "{link}: {warnings:?}");
    scenario
}

fn value(scenario: &Scenario, key: Key) -> Option<Decimal> {
    scenario.get(key)
}

/// A warning as the evaluator words it (in English): the tests compare what a reader reads.
/// The comparison-link tests use these too.
#[derive(Clone, Debug)]
pub(crate) struct Said(pub String);

impl PartialEq<Said> for Warning {
    fn eq(&self, said: &Said) -> bool {
        crate::text::reasons::warning(self) == said.0
    }
}

pub(crate) fn invalid(key: &str, value: &str, reason: &str, fallback: &str) -> Said {
    Said(format!("{key}={value} ignored: {reason}; using {fallback}."))
}

pub(crate) fn unknown(key: &str) -> Said {
    Said(format!("Unknown key \"{key}\" ignored."))
}

pub(crate) fn repeated(key: &str, value: &str) -> Said {
    Said(format!("{key}={value} ignored: {key} is given more than once; the first value counts."))
}

#[test]
fn it_reads_no_scenario_as_the_default_one() {
    let links = [
        "",
        "   ",
        "?",
        "&",
        "?&&",
        "#",
        "#btc=1",
        "?#btc=1",
        "https://example.com/kwhich/",
        "https://example.com/kwhich/#inputs",
        "https://example.com/kwhich/?",
        "https://example.com/kwhich/?#btc=1",
        "https://example.com/kwhich/#?btc=1",
        "/kwhich/index.html",
        "?v=1",
        "https://example.com/kwhich/?v=1",
    ];
    for link in links {
        assert_eq!(from_query(link), (Scenario::default(), vec![]), "{link:?}");
    }
}

#[test]
fn it_reads_full_links_queries_and_bare_queries_alike() {
    let links = [
        "https://example.com/kwhich/?v=1&btc=90000&kwh=0.045",
        "http://localhost:8080/?btc=90000&kwh=0.045#compare",
        "/kwhich/?btc=90000&kwh=0.045",
        "?btc=90000&kwh=0.045",
        "btc=90000&kwh=0.045",
        "  kwh=0.045&btc=90000  ",
        "btc=90000&&kwh=0.045&",
    ];
    for link in links {
        let s = read(link);
        assert_eq!(value(&s, Key::Btc), Some(dec!(90000)), "{link}");
        assert_eq!(value(&s, Key::Kwh), Some(dec!(0.045)), "{link}");
        assert_eq!(value(&s, Key::Diff), Some(dec!(155)), "{link}: other keys keep their defaults");
    }
}

#[test]
fn it_keeps_a_bare_query_whose_values_hold_a_slash() {
    // A bare query is not an address because a value has a '/': every key counts.
    for link in ["kwh=0.03&note=a/b", "note=a/b&kwh=0.03", "kwh=0.03&note=https://x/y"] {
        let (s, warnings) = from_query(link);
        assert_eq!(value(&s, Key::Kwh), Some(dec!(0.03)), "{link}");
        assert_eq!(warnings, vec![unknown("note")], "{link}");
    }
    // An address without a query still has no scenario in it.
    for link in ["example.com/kwhich/", "./index.html", "../kwhich/", "//host/kwhich/"] {
        assert_eq!(from_query(link), (Scenario::default(), vec![]), "{link:?}");
    }
}

#[test]
fn it_reads_every_key_of_the_contract() {
    let link = "v=1&btc=120000&diff=160&sub=1.5625&fee=0.05&hp=42&asic=s21xp&th=280&w=3700\
        &kwh=0.04&opx=0.006&up=95&pool=1.5&pue=1.1&capex=16&site=600000&life=3&colo=121&gpue=1.45\
        &gpu=b200&gph=4.5&util=80&gkw=1.8&gcap=61000&gopx=12&gfit=12000000&tgt=45000\
        &mo=48&dg=1.5&pg=10&gd=-20&ce=3&blk=1000000&dr=8&conv=6&glife=4&clife=15&mw=50\
        &lang=vi&embed=1&theme=dark&show=mw,network&edit=0&live=1";
    let s = read(link);
    let want = [
        (Key::Btc, dec!(120000)),
        (Key::Diff, dec!(160)),
        (Key::Sub, dec!(1.5625)),
        (Key::Fee, dec!(0.05)),
        (Key::Hp, dec!(42)),
        (Key::Th, dec!(280)),
        (Key::W, dec!(3700)),
        (Key::Kwh, dec!(0.04)),
        (Key::Opx, dec!(0.006)),
        (Key::Up, dec!(95)),
        (Key::Pool, dec!(1.5)),
        (Key::Pue, dec!(1.1)),
        (Key::Capex, dec!(16)),
        (Key::Site, dec!(600000)),
        (Key::Life, dec!(3)),
        (Key::Colo, dec!(121)),
        (Key::Gpue, dec!(1.45)),
        (Key::Gph, dec!(4.5)),
        (Key::Util, dec!(80)),
        (Key::Gkw, dec!(1.8)),
        (Key::Gcap, dec!(61000)),
        (Key::Gopx, dec!(12)),
        (Key::Gfit, dec!(12000000)),
        (Key::Tgt, dec!(45000)),
        (Key::Mo, dec!(48)),
        (Key::Dg, dec!(1.5)),
        (Key::Pg, dec!(10)),
        (Key::Gd, dec!(-20)),
        (Key::Ce, dec!(3)),
        (Key::Blk, dec!(1000000)),
        (Key::Dr, dec!(8)),
        (Key::Conv, dec!(6)),
        (Key::Glife, dec!(4)),
        (Key::Clife, dec!(15)),
        (Key::Mw, dec!(50)),
    ];
    assert_eq!(want.len(), Key::COUNT);
    for (key, v) in want {
        assert_eq!(value(&s, key), Some(v), "{key}");
    }
    assert_eq!(s.asic().id, "s21xp");
    assert_eq!(s.gpu().id, "b200");
    assert_eq!(s.view.lang, Lang::Vi);
    assert!(s.view.embed && !s.view.edit && s.view.live);
    assert_eq!(s.view.theme, Theme::Dark);
    assert_eq!(s.view.show.map(Sections::to_link_value), Some("mw,network".to_string()));
}

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

#[test]
fn it_decodes_percent_escapes_and_plus() {
    let cases = [
        ("btc=9%30000", Key::Btc, dec!(90000)),
        ("%62tc=90000", Key::Btc, dec!(90000)),
        ("%62%74%63=90000", Key::Btc, dec!(90000)),
        ("kwh=%2B0.04", Key::Kwh, dec!(0.04)),
        ("kwh=+0.04", Key::Kwh, dec!(0.04)),
        ("kwh=%200.04%20", Key::Kwh, dec!(0.04)),
        ("kwh=0%2E04", Key::Kwh, dec!(0.04)),
        ("gd=%2D20", Key::Gd, dec!(-20)),
        ("site=1e6", Key::Site, dec!(1000000)),
        ("site=1E%2B6", Key::Site, dec!(1000000)),
    ];
    for (link, key, want) in cases {
        assert_eq!(value(&read(link), key), Some(want), "{link}");
    }
    let (_, warnings) = from_query("caf%C3%A9=1&%zz=1&x%=1&bad%FF=1");
    assert_eq!(warnings, vec![unknown("café"), unknown("%zz"), unknown("x%"), unknown("bad\u{FFFD}")]);
    let (_, warnings) = from_query("btc=%4&kwh=%E2%82%AC");
    assert_eq!(
        warnings,
        vec![invalid("btc", "%4", "not a number", "85000"), invalid("kwh", "€", "not a number", "0.05")]
    );
    // An escaped `&` or `=` is part of the value, not a separator.
    let (_, warnings) = from_query("lang=en%26btc%3D1");
    assert_eq!(warnings, vec![invalid("lang", "en&btc=1", "the languages are en, ar and vi", "en")]);
}

#[test]
fn it_writes_only_the_version_for_the_default_scenario() {
    assert_eq!(to_query(&Scenario::default()), "v=1");
    // Keys given at their default value, preset figures included, are not written.
    let links = [
        "btc=85000&diff=155.000&sub=3.125&fee=0.02&kwh=0.050&pool=2",
        "asic=s21&gpu=h100&th=200&w=3500&gph=2&gkw=1.275&gcap=37500",
        "asic=s21xp&th=270&w=3645",
        "gpu=b200&gph=5&gkw=1.79&gcap=60000",
        "pg=-0&lang=en&theme=auto&embed=0&edit=1",
        "mo=120&dg=2&gd=-15&ce=2&blk=925000&tgt=50000&gfit=1e7",
        "dr=12&conv=9&glife=5&clife=12&mw=100",
    ];
    for link in links {
        let s = read(link);
        let want = match (s.asic().id, s.gpu().id) {
            ("s21xp", _) => "v=1&asic=s21xp",
            (_, "b200") => "v=1&gpu=b200",
            _ => "v=1",
        };
        assert_eq!(to_query(&s), want, "{link}");
    }
}

#[test]
fn it_writes_only_differing_keys_in_spec_order() {
    let mut s = Scenario::default();
    // Set in reverse order: the link follows SPEC.md, not the order of editing.
    for (key, v) in [
        (Key::Blk, dec!(1050000)),
        (Key::Tgt, dec!(40000)),
        (Key::Gph, dec!(2.5)),
        (Key::Colo, dec!(121)),
        (Key::Kwh, dec!(0.045)),
        (Key::Hp, dec!(38.5)),
        (Key::Btc, dec!(90000)),
    ] {
        assert_eq!(s.set(key, Some(v)), Ok(()), "{key}");
    }
    assert_eq!(to_query(&s), "v=1&btc=90000&hp=38.5&kwh=0.045&colo=121&gph=2.5&tgt=40000&blk=1050000");

    // Presets sit where SPEC.md lists them: `asic` before `th`, `gpu` between `gpue` and `gph`.
    let s = read("gph=4.5&gpue=1.45&gpu=b200&th=250&asic=s21xp&btc=90000");
    assert_eq!(to_query(&s), "v=1&btc=90000&asic=s21xp&th=250&gpue=1.45&gpu=b200&gph=4.5");

    // Display keys come last; sections in their own order whatever the link said.
    let s = read("theme=dark&live=1&show=btc,compare&edit=0&embed=1&lang=ar&kwh=0.03");
    assert_eq!(to_query(&s), "v=1&kwh=0.03&lang=ar&embed=1&show=compare,btc&edit=0&live=1&theme=dark");
}

#[test]
fn it_writes_numbers_plainly() {
    let cases = [
        ("kwh=0.0450", "v=1&kwh=0.045"),
        ("btc=9e4", "v=1&btc=90000"),
        ("btc=90000.000", "v=1&btc=90000"),
        ("site=1E6", "v=1&site=1000000"),
        ("gfit=1.2e7", "v=1&gfit=12000000"),
        ("kwh=.03", "v=1&kwh=0.03"),
        ("kwh=+0.03", "v=1&kwh=0.03"),
        ("dg=-0", "v=1&dg=0"),
        ("dg=-0.0", "v=1&dg=0"),
        ("gd=-20.50", "v=1&gd=-20.5"),
        ("opx=5e-3", "v=1"),
        ("opx=0.0000000000000000000000000001", "v=1&opx=0.0000000000000000000000000001"),
        ("btc=9999999.999999999999999999999", "v=1&btc=9999999.999999999999999999999"),
    ];
    for (link, want) in cases {
        let s = read(link);
        assert_eq!(to_query(&s), want, "{link}");
        assert!(!to_query(&s).contains("-0"), "{link}");
    }
}

/// Links whose scenario must survive writing and reading back unchanged.
const ROUND_TRIPS: [&str; 13] = [
    "",
    "v=1&btc=90000&kwh=0.045&gph=2.5",
    "https://example.com/kwhich/?v=1&btc=85000&diff=155&kwh=0.045&gph=2.5",
    "asic=s21xp&kwh=0.03",
    "asic=s19jpro&th=110&w=3250&gpu=a100&gcap=21000",
    "hp=35.06&sub=1.5625&fee=0",
    "sub=0&fee=0.75",
    "gpu=b200&colo=121&gpue=1.45&util=85.5&gopx=0&gfit=0",
    "mo=120&dg=-50&pg=1000&gd=-99&ce=-50&blk=0",
    "mo=36&blk=1000000&dr=0&conv=0&glife=0.5&clife=20&mw=1.5",
    "mo=240&dr=100&conv=60&glife=50&clife=50&mw=100000",
    "lang=ar&embed=1&show=inputs,mw&edit=0&theme=light&tgt=10000000",
    "embed=1&live=1&diff=149.3012059597&fee=0.20786211&blk=925123",
];

#[test]
fn it_round_trips() {
    for link in ROUND_TRIPS {
        let s = read(link);
        let written = to_query(&s);
        let (back, warnings) = from_query(&written);
        assert!(warnings.is_empty(), "{link} → {written}");
        assert_eq!(back, s, "{link} → {written}");
        assert_eq!(to_query(&back), written, "{link}");
        // The page may prefix the query with its address.
        assert_eq!(read(&format!("https://example.com/kwhich/?{written}#compare")), s, "{link}");
    }
}

#[test]
fn it_round_trips_every_preset_and_view() {
    let views = [
        View::default(),
        View {
            lang: Lang::Ar,
            title: None,
            theme: Theme::Dark,
            embed: true,
            show: None,
            edit: false,
            live: true,
            power_unit: PowerUnit::CentsPerKwh,
            latin_digits: true,
        },
        View {
            lang: Lang::Vi,
            title: Title::new("Hà Nội: 3 ¢ & <b>mining</b>").ok(),
            theme: Theme::Light,
            embed: false,
            show: Some(Section::ALL.into_iter().fold(Sections::empty(), Sections::with)),
            edit: true,
            live: false,
            power_unit: PowerUnit::UsdPerMwh,
            latin_digits: false,
        },
    ];
    for (n, asic) in ASICS.iter().enumerate() {
        for (m, gpu) in GPUS.iter().enumerate() {
            let mut s = Scenario::default();
            s.set_asic(asic);
            s.set_gpu(gpu);
            s.view = views[(n + m) % views.len()];
            if n % 2 == 0 {
                s.set(Key::Th, Some(dec!(123.4))).expect("in range");
            }
            if m % 2 == 1 {
                s.set(Key::Gcap, Some(dec!(0))).expect("in range");
            }
            let written = to_query(&s);
            let (back, warnings) = from_query(&written);
            assert_eq!((back, warnings), (s, vec![]), "{written}");
        }
    }
}

#[test]
fn it_encodes_values_it_cannot_write_plainly() {
    assert_eq!(percent_encode("compare,btc"), "compare,btc");
    assert_eq!(percent_encode("a b&c=d%é"), "a%20b%26c%3Dd%25%C3%A9");
    assert_eq!(percent_decode(&percent_encode("a b&c=d%é+")), "a b&c=d%é+");
}

#[test]
fn it_round_trips_an_embed_with_no_section() {
    // The embed panel can untick every section; the link it writes must read back as that.
    let mut s = read("embed=1");
    s.view.show = Some(Sections::empty());
    let written = to_query(&s);
    assert_eq!(written, "v=1&embed=1&show=");
    assert_eq!(from_query(&written), (s, vec![]));
}

#[test]
fn it_reads_western_digits_and_refuses_any_other_value() {
    let (s, warnings) = crate::model::from_query("?lang=ar&nu=latn");
    assert!(s.view.latin_digits && warnings.is_empty());
    assert_eq!(to_query(&s), "v=1&lang=ar&nu=latn");
    let (s, warnings) = crate::model::from_query("?lang=ar&nu=arab");
    assert!(!s.view.latin_digits);
    assert!(matches!(
        warnings.as_slice(),
        [Warning::Invalid { reason: Refusal::Digits, fallback: Fallback::LanguageDigits, .. }]
    ));
}
