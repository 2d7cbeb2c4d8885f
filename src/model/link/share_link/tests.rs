//! The share-link codec against SPEC.md's "Share link" section: defaults, notices, fallbacks
//! key by key, presets, percent-encoding, the shortest link and the round trip.

use rust_decimal_macros::dec;

use super::*;
use crate::model::fields::Bound;
use crate::model::view::{PowerUnit, Title, View};

mod fallbacks;
mod writing;

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
