//! Comparison links: B as the keys where it differs from A, presets inherited and
//! overridden, equal sides, warnings named per side, and what is better and by how much.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::model::evaluate;
use crate::model::link::share_link::from_query;
use crate::model::link::share_link::tests::{invalid, repeated, unknown};
use crate::model::view::{Lang, Theme};

mod differences;

/// A single link that must read without a warning.
fn single(link: &str) -> Scenario {
    let (scenario, warnings) = from_query(link);
    assert!(warnings.is_empty(), "{link}: {warnings:?}");
    scenario
}

/// The comparison a link holds; a single scenario fails the test.
fn comparison(link: &str) -> (Comparison, Vec<Warning>) {
    match from_link(link) {
        (Link::Compare(c), warnings) => (c, warnings),
        (Link::Single(s), _) => panic!("{link}: read as the single scenario {}", to_query(&s)),
    }
}

#[test]
fn it_reads_a_link_without_b_keys_as_a_single_scenario_as_before() {
    let links = [
        "",
        "?v=1",
        "https://example.com/kwhich/?v=1&btc=90000&kwh=0.045#compare",
        "asic=s21xp&th=250&gpu=b200&lang=ar&embed=1&show=btc&edit=0&theme=dark",
        "btc=abc&foo=1&kwh=0.04&kwh=0.05&asic=s99&utm_source=x",
        "B.kwh=0.03&a.kwh=0.04&bkwh=1&b_kwh=1",
        "kwh=0.03&note=a/b",
    ];
    for link in links {
        let (scenario, warnings) = from_query(link);
        assert_eq!(from_link(link), (Link::Single(scenario), warnings), "{link}");
    }
}

#[test]
fn it_reads_b_as_a_with_its_own_keys() {
    // (link, A's own link, B's own link, the link written back)
    let cases = [
        // One key differs; every other key of B is A's.
        ("btc=90000&b.kwh=0.03", "btc=90000", "btc=90000&kwh=0.03", "v=1&btc=90000&b.kwh=0.03"),
        ("b.kwh=0.03&btc=90000", "btc=90000", "btc=90000&kwh=0.03", "v=1&btc=90000&b.kwh=0.03"),
        ("https://example.com/kwhich/?v=1&kwh=0.05&b.kwh=0.03#compare", "", "kwh=0.03", "v=1&b.kwh=0.03"),
        // B's keys are written in the inputs' order, whatever the link's.
        ("b.tgt=40000&b.btc=90000&b.hp=38", "", "btc=90000&hp=38&tgt=40000", "v=1&b.btc=90000&b.hp=38&b.tgt=40000"),
        // A different preset fills B's fields from it...
        (
            "asic=s21xp&kwh=0.04&b.asic=s19xp",
            "asic=s21xp&kwh=0.04",
            "asic=s19xp&kwh=0.04",
            "v=1&asic=s21xp&kwh=0.04&b.asic=s19xp",
        ),
        // ...unless B gives them too.
        ("asic=s21xp&b.asic=s19xp&b.th=150", "asic=s21xp", "asic=s19xp&th=150", "v=1&asic=s21xp&b.asic=s19xp&b.th=150"),
        // Without its own preset, B has A's preset and A's figures, given or filled.
        (
            "asic=s21xp&th=250&b.kwh=0.03",
            "asic=s21xp&th=250",
            "asic=s21xp&th=250&kwh=0.03",
            "v=1&asic=s21xp&th=250&b.kwh=0.03",
        ),
        ("asic=s21xp&th=250&b.th=270", "asic=s21xp&th=250", "asic=s21xp", "v=1&asic=s21xp&th=250&b.th=270"),
        // A preset B gives fills its fields even when it is A's: B drops A's `th=250`.
        ("asic=s21xp&th=250&b.asic=s21xp", "asic=s21xp&th=250", "asic=s21xp", "v=1&asic=s21xp&th=250&b.th=270"),
        ("gpu=b200&b.gpu=h100&b.gph=2.5", "gpu=b200", "gph=2.5", "v=1&gpu=b200&b.gpu=h100&b.gph=2.5"),
        // B back at the defaults says so key by key.
        (
            "asic=s21xp&kwh=0.03&b.asic=s21&b.kwh=0.05",
            "asic=s21xp&kwh=0.03",
            "",
            "v=1&asic=s21xp&kwh=0.03&b.asic=s21&b.kwh=0.05",
        ),
        // `b.hp=`: B computes the hashprice that A overrides.
        ("hp=40&b.hp=", "hp=40", "", "v=1&hp=40&b.hp="),
        ("hp=40&b.hp=%20", "hp=40", "", "v=1&hp=40&b.hp="),
        ("hp=40&b.hp=38", "hp=40", "hp=38", "v=1&hp=40&b.hp=38"),
        // A zero subsidy waits for B's fee when A's fee is zero.
        ("fee=0&b.sub=0&b.fee=0.5", "fee=0", "sub=0&fee=0.5", "v=1&fee=0&b.sub=0&b.fee=0.5"),
        // Display keys are the link's: both sides are shown alike, and B's own link says so.
        (
            "kwh=0.03&lang=ar&embed=1&b.kwh=0.04&show=btc&theme=dark",
            "kwh=0.03&lang=ar&embed=1&show=btc&theme=dark",
            "kwh=0.04&lang=ar&embed=1&show=btc&theme=dark",
            "v=1&kwh=0.03&lang=ar&embed=1&show=btc&theme=dark&b.kwh=0.04",
        ),
        // Escapes and numbers as a single link reads them.
        ("b%2Ekwh=%2B0.030&%62.btc=9e4", "", "kwh=0.03&btc=90000", "v=1&b.btc=90000&b.kwh=0.03"),
        // `cmp=1` beside a `b.` key is redundant and not written back.
        ("cmp=1&b.kwh=0.04", "", "kwh=0.04", "v=1&b.kwh=0.04"),
    ];
    for (link, a, b, written) in cases {
        let (c, warnings) = comparison(link);
        assert!(warnings.is_empty(), "{link}");
        assert_eq!(c.a(), &single(a), "{link}: side A");
        assert_eq!(c.b(), &single(b), "{link}: side B");
        assert_eq!(c.to_query(), written, "{link}");
        // Written, it reads back as itself.
        assert_eq!(from_link(written), (Link::Compare(c.clone()), vec![]), "{written}");
        // Side A's link is where the comparison link starts.
        assert!(written.starts_with(&to_query(c.a())), "{written}");
        assert_eq!(c.len(), 2, "{link}");
        for (side, scenario) in c.sides() {
            assert_eq!(c.side_query(side).map(|q| single(&q)).as_ref(), Some(scenario), "{link}: side {}", side.name());
        }
    }
}

#[test]
fn it_marks_a_comparison_of_equal_sides() {
    // (link, both sides' link, the link written back)
    let cases = [
        ("cmp=1", "", "v=1&cmp=1"),
        ("?v=1&kwh=0.03&cmp=1", "kwh=0.03", "v=1&kwh=0.03&cmp=1"),
        ("cmp=1&kwh=0.03&lang=vi", "kwh=0.03&lang=vi", "v=1&kwh=0.03&lang=vi&cmp=1"),
        // B given exactly as A is still a comparison, of equal sides.
        ("kwh=0.03&b.kwh=0.03", "kwh=0.03", "v=1&kwh=0.03&cmp=1"),
        ("asic=s19xp&b.asic=s19xp&b.w=3010", "asic=s19xp", "v=1&asic=s19xp&cmp=1"),
    ];
    for (link, both, written) in cases {
        let (c, warnings) = comparison(link);
        assert!(warnings.is_empty(), "{link}");
        assert_eq!((c.a(), c.b()), (&single(both), &single(both)), "{link}");
        assert_eq!(c.to_query(), written, "{link}");
        assert_eq!(c, Comparison::pinned(single(both)), "{link}");
    }
}

#[test]
fn it_names_what_it_ignores_on_b_and_leaves_a_alone() {
    let whole = |key: &str, value: &str| {
        invalid(
            &format!("b.{key}"),
            value,
            &format!("{key} is for the whole link and takes no \"b.\""),
            &format!("the link's {key}"),
        )
    };
    let asics = "s21xph, a16xp, s21xp, s21pro, s21, m60s, m66s, s19xp, s19jpro";
    // (link, A's own link, B's own link, warnings)
    let cases = [
        // A bad value on B: B keeps A's value, which the warning names; A is untouched.
        (
            "kwh=0.03&b.kwh=abc&b.btc=90000",
            "kwh=0.03",
            "kwh=0.03&btc=90000",
            vec![invalid("b.kwh", "abc", "not a number", "0.03")],
        ),
        ("b.kwh=11", "", "", vec![invalid("b.kwh", "11", "Electricity price must be ≥ 0 and ≤ 10 USD/kWh", "0.05")]),
        ("hp=40&b.hp=abc", "hp=40", "hp=40", vec![invalid("b.hp", "abc", "not a number", "40")]),
        (
            "b.hp=0",
            "",
            "",
            vec![invalid(
                "b.hp",
                "0",
                "Hashprice override must be > 0 and ≤ 100,000 USD per PH/s per day",
                "the computed hashprice",
            )],
        ),
        // Subsidy and fees both zero on B: B's fee falls back to A's.
        ("b.sub=0&b.fee=0", "", "sub=0", vec![invalid("b.fee", "0", "subsidy plus fees must be above zero", "0.02")]),
        // A bad value on A: A falls back, and B, which does not give that key, has A's value.
        ("kwh=abc&b.kwh=0.04", "", "kwh=0.04", vec![invalid("kwh", "abc", "not a number", "0.05")]),
        ("btc=abc&b.kwh=0.04", "", "kwh=0.04", vec![invalid("btc", "abc", "not a number", "85000")]),
        // An unknown preset on B: B keeps A's.
        (
            "asic=s21xp&b.asic=s99&b.kwh=0.03",
            "asic=s21xp",
            "asic=s21xp&kwh=0.03",
            vec![invalid("b.asic", "s99", &format!("not a known ASIC ({asics})"), "s21xp")],
        ),
        (
            "gpu=b200&b.gpu=h800",
            "gpu=b200",
            "gpu=b200",
            vec![invalid("b.gpu", "h800", "not a known GPU (b200, h200, h100, a100, l40s, rtx4090)", "b200")],
        ),
        // Unknown keys under `b.`.
        ("b.foo=1&kwh=0.03", "kwh=0.03", "kwh=0.03", vec![unknown("b.foo")]),
        ("b.=1", "", "", vec![unknown("b.")]),
        ("b.b.kwh=1", "", "", vec![unknown("b.b.kwh")]),
        ("b.utm_source=x&b.BTC=1", "", "", vec![unknown("b.utm_source"), unknown("b.BTC")]),
        // Display keys, the version and the marker belong to the whole link.
        ("lang=ar&b.lang=vi", "lang=ar", "lang=ar", vec![whole("lang", "vi")]),
        (
            "b.theme=dark&b.embed=1&b.show=btc&b.edit=0",
            "",
            "",
            vec![whole("theme", "dark"), whole("embed", "1"), whole("show", "btc"), whole("edit", "0")],
        ),
        ("b.v=1", "", "", vec![whole("v", "1")]),
        ("b.cmp=1", "", "", vec![whole("cmp", "1")]),
        // Repeated keys: the first counts, on each side alone.
        ("b.kwh=0.03&b.kwh=0.04", "", "kwh=0.03", vec![repeated("b.kwh", "0.04")]),
        ("b.kwh=0.03&b.k%77h=0.04", "", "kwh=0.03", vec![repeated("b.kwh", "0.04")]),
        ("kwh=0.03&b.kwh=0.04&kwh=0.05", "kwh=0.03", "kwh=0.04", vec![repeated("kwh", "0.05")]),
        ("b.asic=s19xp&b.asic=s21xp", "", "asic=s19xp", vec![repeated("b.asic", "s21xp")]),
        ("cmp=1&cmp=1", "", "", vec![repeated("cmp", "1")]),
        (
            "cmp=0&b.kwh=0.04",
            "",
            "kwh=0.04",
            vec![invalid("cmp", "0", "only cmp=1 exists (a comparison whose sides are equal)", "no cmp")],
        ),
        // Trackers stay silent beside a comparison.
        ("b.kwh=0.04&utm_source=news&fbclid=x", "", "kwh=0.04", vec![]),
    ];
    for (link, a, b, want) in cases {
        let (c, warnings) = comparison(link);
        assert_eq!(warnings, want, "{link}");
        assert_eq!(c.a(), &single(a), "{link}: side A");
        assert_eq!(c.b(), &single(b), "{link}: side B");
    }
    // A warning about B reads with B's key as the link spells it.
    let (_, warnings) = comparison("kwh=0.03&b.kwh=abc");
    assert_eq!(crate::text::reasons::warning(&warnings[0]), "b.kwh=abc ignored: not a number; using 0.03.");
    assert_eq!(warnings[0].key(), "b.kwh");
    let (_, warnings) = comparison("b.lang=ar");
    assert_eq!(
        crate::text::reasons::warning(&warnings[0]),
        "b.lang=ar ignored: lang is for the whole link and takes no \"b.\"; using the link's lang."
    );
    assert_eq!(crate::text::reasons::warning(&comparison("b.foo=1").1[0]), "Unknown key \"b.foo\" ignored.");
}

#[test]
fn it_reads_an_invalid_marker_alone_as_a_single_scenario() {
    let reason = "only cmp=1 exists (a comparison whose sides are equal)";
    let cases = [
        ("cmp=0&kwh=0.03", vec![invalid("cmp", "0", reason, "no cmp")]),
        ("cmp=yes", vec![invalid("cmp", "yes", reason, "no cmp")]),
        ("cmp", vec![invalid("cmp", "", reason, "no cmp")]),
        // The first `cmp` counts.
        ("cmp=0&cmp=1", vec![invalid("cmp", "0", reason, "no cmp"), repeated("cmp", "1")]),
    ];
    for (link, want) in cases {
        let (read, warnings) = from_link(link);
        assert!(matches!(read, Link::Single(_)), "{link}");
        assert_eq!(warnings, want, "{link}");
    }
}

#[test]
fn it_keeps_one_view_for_both_sides() {
    let mut b = single("kwh=0.03&lang=vi&theme=light");
    b.view.embed = true;
    let c = Comparison::new(single("lang=ar"), b);
    assert_eq!(c.b().view, c.a().view);
    assert_eq!(c.to_query(), "v=1&lang=ar&b.kwh=0.03");
    let mut c = c;
    let mut view = *c.view();
    view.theme = Theme::Dark;
    c.set_view(view);
    assert_eq!((c.a().view.theme, c.b().view.theme), (Theme::Dark, Theme::Dark));
    c.set_side(Side::B, single("kwh=0.02&lang=vi"));
    assert_eq!(c.b().view.lang, Lang::Ar);
    assert_eq!(c.to_query(), "v=1&lang=ar&theme=dark&b.kwh=0.02");
    assert_eq!(c.side_query(Side::B).as_deref(), Some("v=1&kwh=0.02&lang=ar&theme=dark"));
    assert_eq!(c.side_query(Side::C), None);
    assert_eq!(c.clone().into_side(Side::B), single("kwh=0.02&lang=ar&theme=dark"));
    assert_eq!(Link::Compare(c.clone()).view(), c.view());
    assert_eq!(Link::Compare(c.clone()).to_query(), c.to_query());
}

#[test]
fn it_reads_c_and_d_each_as_a_with_its_own_keys_in_order() {
    // (link, each side's own link A to D, the link written back)
    let cases: [(&str, &[&str], &str); 10] = [
        // Each side inherits from A as B does, and takes its own keys.
        (
            "kwh=0.045&b.kwh=0.03&c.kwh=0.02&d.btc=90000",
            &["kwh=0.045", "kwh=0.03", "kwh=0.02", "kwh=0.045&btc=90000"],
            "v=1&kwh=0.045&b.kwh=0.03&c.kwh=0.02&d.btc=90000",
        ),
        // Written in order (A, then b., c., d.), whatever the link's.
        (
            "d.kwh=0.01&c.kwh=0.02&b.kwh=0.03&kwh=0.04",
            &["kwh=0.04", "kwh=0.03", "kwh=0.02", "kwh=0.01"],
            "v=1&kwh=0.04&b.kwh=0.03&c.kwh=0.02&d.kwh=0.01",
        ),
        // Presets: C's preset fills its fields unless it gives them; D without one has A's.
        (
            "asic=s21xp&th=250&b.kwh=0.03&c.asic=s19xp&c.w=3000&d.kwh=0.02",
            &["asic=s21xp&th=250", "asic=s21xp&th=250&kwh=0.03", "asic=s19xp&w=3000", "asic=s21xp&th=250&kwh=0.02"],
            "v=1&asic=s21xp&th=250&b.kwh=0.03&c.asic=s19xp&c.w=3000&d.kwh=0.02",
        ),
        ("gpu=b200&c.gpu=h100", &["gpu=b200", "gpu=b200", "gpu=h100"], "v=1&gpu=b200&cmp=1&c.gpu=h100"),
        // `c.hp=`: C computes the hashprice that A overrides.
        ("hp=40&b.hp=38&c.hp=", &["hp=40", "hp=38", ""], "v=1&hp=40&b.hp=38&c.hp="),
        // Sides keep their order: a C without a B gives a B equal to A; a D without a C, a
        // C equal to A. A side with no key of its own writes its marker.
        ("kwh=0.04&c.kwh=0.03", &["kwh=0.04", "kwh=0.04", "kwh=0.03"], "v=1&kwh=0.04&cmp=1&c.kwh=0.03"),
        (
            "kwh=0.04&b.kwh=0.03&d.kwh=0.02",
            &["kwh=0.04", "kwh=0.03", "kwh=0.04", "kwh=0.02"],
            "v=1&kwh=0.04&b.kwh=0.03&c.cmp=1&d.kwh=0.02",
        ),
        // Markers: `c.cmp=1` and `d.cmp=1` give sides equal to A.
        ("kwh=0.04&c.cmp=1", &["kwh=0.04", "kwh=0.04", "kwh=0.04"], "v=1&kwh=0.04&cmp=1&c.cmp=1"),
        ("d.cmp=1&b.kwh=0.03", &["", "kwh=0.03", "", ""], "v=1&b.kwh=0.03&c.cmp=1&d.cmp=1"),
        // A side given exactly as A is still there, equal to A; display keys are the link's.
        (
            "kwh=0.03&lang=vi&c.kwh=0.03&d.kwh=0.02",
            &["kwh=0.03&lang=vi", "kwh=0.03&lang=vi", "kwh=0.03&lang=vi", "kwh=0.02&lang=vi"],
            "v=1&kwh=0.03&lang=vi&cmp=1&c.cmp=1&d.kwh=0.02",
        ),
    ];
    for (link, sides, written) in cases {
        let (c, warnings) = comparison(link);
        assert!(warnings.is_empty(), "{link}: {warnings:?}");
        assert_eq!(c.len(), sides.len(), "{link}");
        for ((side, scenario), want) in c.sides().into_iter().zip(sides) {
            assert_eq!(scenario, &single(want), "{link}: side {}", side.name());
            // Each side read alone, as its own link, equals that side.
            assert_eq!(c.side_query(side).map(|q| single(&q)).as_ref(), Some(scenario), "{link}: {}", side.name());
        }
        assert_eq!(c.to_query(), written, "{link}");
        assert_eq!(from_link(written), (Link::Compare(c.clone()), vec![]), "{written}");
        assert!(written.starts_with(&to_query(c.a())), "{written}");
    }
}

#[test]
fn it_names_what_it_ignores_on_c_and_d_and_leaves_the_other_sides_alone() {
    let whole = |prefix: &str, key: &str, value: &str| {
        invalid(
            &format!("{prefix}{key}"),
            value,
            &format!("{key} is for the whole link and takes no \"{prefix}\""),
            &format!("the link's {key}"),
        )
    };
    let cmp = "only cmp=1 exists (a comparison whose sides are equal)";
    // (link, how many sides, C's own link, warnings)
    let cases = [
        // A refused value on C keeps A's value there; B and D are untouched.
        (
            "kwh=0.04&b.kwh=0.03&c.kwh=abc&c.btc=90000&d.kwh=0.02",
            4,
            "kwh=0.04&btc=90000",
            vec![invalid("c.kwh", "abc", "not a number", "0.04")],
        ),
        (
            "asic=s21xp&c.asic=s99",
            3,
            "asic=s21xp",
            vec![invalid(
                "c.asic",
                "s99",
                "not a known ASIC (s21xph, a16xp, s21xp, s21pro, s21, m60s, m66s, s19xp, s19jpro)",
                "s21xp",
            )],
        ),
        ("d.kwh=11", 4, "", vec![invalid("d.kwh", "11", "Electricity price must be ≥ 0 and ≤ 10 USD/kWh", "0.05")]),
        // Display keys and the version are the whole link's, named with the side's prefix.
        ("lang=ar&c.lang=vi&d.theme=dark", 4, "lang=ar", vec![whole("c.", "lang", "vi"), whole("d.", "theme", "dark")]),
        ("c.v=1&c.embed=1", 3, "", vec![whole("c.", "v", "1"), whole("c.", "embed", "1")]),
        // Unknown keys and repeated ones, per side.
        ("c.foo=1&c.b.kwh=1&d.c.kwh=1", 4, "", vec![unknown("c.foo"), unknown("c.b.kwh"), unknown("d.c.kwh")]),
        ("c.kwh=0.03&c.kwh=0.04&kwh=0.02", 3, "kwh=0.03", vec![repeated("c.kwh", "0.04")]),
        ("c.cmp=1&c.cmp=1", 3, "", vec![repeated("c.cmp", "1")]),
        // A marker other than 1 is refused; the side's other keys still make it.
        ("c.cmp=2&c.kwh=0.03", 3, "kwh=0.03", vec![invalid("c.cmp", "2", cmp, "no cmp")]),
        ("b.kwh=0.03&d.cmp=0", 2, "", vec![invalid("d.cmp", "0", cmp, "no cmp")]),
    ];
    for (link, count, c_link, want) in cases {
        let (c, warnings) = comparison(link);
        assert_eq!(warnings, want, "{link}");
        assert_eq!(c.len(), count, "{link}");
        if count > 2 {
            assert_eq!(c.side(Side::C), Some(&single(c_link)), "{link}: side C");
        }
        // B has A's values but for its own `b.` keys.
        let b_keys = if link.contains("b.kwh=0.03") { "&kwh=0.03" } else { "" };
        let mut b = c.a().clone();
        b.set(Key::Kwh, Some(if b_keys.is_empty() { c.a().kwh().get() } else { dec!(0.03) })).ok();
        assert_eq!(c.b(), &b, "{link}: B");
    }
    // A refused marker alone makes no side: the link is a single scenario that names it.
    let (read, warnings) = from_link("kwh=0.03&c.cmp=yes");
    assert_eq!(read, Link::Single(single("kwh=0.03")));
    assert_eq!(warnings, vec![invalid("c.cmp", "yes", cmp, "no cmp")]);
    // `C.kwh` and `e.kwh` are no side's.
    let (read, warnings) = from_link("C.kwh=0.03&e.kwh=1");
    assert!(matches!(read, Link::Single(_)));
    assert_eq!(warnings, vec![unknown("C.kwh"), unknown("e.kwh")]);
    let (_, warnings) = comparison("c.lang=ar");
    assert_eq!(
        crate::text::reasons::warning(&warnings[0]),
        "c.lang=ar ignored: lang is for the whole link and takes no \"c.\"; using the link's lang."
    );
}

#[test]
fn it_tells_the_first_module_which_links_may_compare() {
    for link in ["", "?v=1&kwh=0.04", "B.kwh=1&a.kwh=2&bkwh=3&e.kwh=4", "kwh=0.03&note=a/b"] {
        assert!(!may_compare(link), "{link}");
        assert!(matches!(from_link(link).0, Link::Single(_)), "{link}");
    }
    for link in ["b.kwh=0.03", "c.kwh=0.03", "?d.cmp=1", "cmp=1", "b%2Ekwh=1", "cmp=0", "c.cmp=2"] {
        assert!(may_compare(link), "{link}");
    }
}
