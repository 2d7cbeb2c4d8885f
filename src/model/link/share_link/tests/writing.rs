//! Writing links: only the version by default, differing keys in order, plain numbers, round trips.

use super::*;

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
