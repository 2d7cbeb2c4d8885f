//! Laws of the model, over links and scenarios drawn at random:
//!
//! - any text read as a link gives a scenario, metrics, JSON and page text, never a panic;
//! - a valid scenario survives `to_query` and `from_query` unchanged, with no warning;
//! - dearer electricity never raises a margin; a higher difficulty never raises hashprice.

use proptest::prelude::*;
use rust_decimal::Decimal;

use kwhich::model::format::figure_text;
use kwhich::model::metrics::InvalidKeys;
use kwhich::model::presets::{ASICS, GPUS};
use kwhich::model::share_link::plain;
use kwhich::model::view::{Lang, Section, Sections, Theme, View};
use kwhich::model::{evaluate, evaluate_with_invalid, from_query, json, to_query, Key, MetricId, Metrics, Scenario};

// ---------------------------------------------------------------------------------------
// Links

/// Link keys: the contract's, the display keys, tracking keys and a few strangers.
fn link_key() -> impl Strategy<Value = String> {
    let mut names: Vec<String> = Key::ALL.iter().map(|k| k.name().to_string()).collect();
    names.extend(
        ["v", "asic", "gpu", "lang", "embed", "theme", "show", "edit", "utm_source", "fbclid", "gclid", "BTC", "k%77h"]
            .map(String::from),
    );
    names.push("live".into());
    prop_oneof![
        6 => proptest::sample::select(names),
        1 => "[a-z_%]{0,6}",
        1 => any::<String>(),
    ]
}

/// Display values, switches and numbers that are not quite numbers.
const WORDS: [&str; 14] =
    ["en", "ar", "vi", "dark", "light", "auto", "0", "1", "-0", "compare,btc", "mw,,", "NaN", "inf", "1e999"];

/// Values: numbers of every shape, preset ids, display values and junk.
fn link_value() -> impl Strategy<Value = String> {
    let words: Vec<String> =
        ASICS.iter().map(|p| p.id).chain(GPUS.iter().map(|p| p.id)).chain(WORDS).map(String::from).collect();
    prop_oneof![
        4 => "[-+]?[0-9]{0,32}(\\.[0-9]{0,32})?([eE][-+]?[0-9]{1,4})?",
        2 => (any::<i64>(), 0u32..=28).prop_map(|(m, scale)| Decimal::new(m, scale).to_string()),
        2 => proptest::sample::select(words),
        1 => "[0-9.,%+eE-]{0,12}",
        1 => any::<String>(),
    ]
}

/// A link as a person, a tracker or a broken copy-paste might hand it over.
fn link() -> impl Strategy<Value = String> {
    let pairs = proptest::collection::vec((link_key(), link_value(), any::<bool>()), 0..12).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v, with_eq)| if with_eq { format!("{k}={v}") } else { k })
            .collect::<Vec<_>>()
            .join("&")
    });
    let prefix = prop_oneof![Just(""), Just("?"), Just("https://example.com/kwhich/?"), Just("/k/?"), Just("#")];
    prop_oneof![
        3 => (prefix, pairs, "(#[a-z]{0,4})?").prop_map(|(p, q, f)| format!("{p}{q}{f}")),
        1 => any::<String>(),
        1 => proptest::collection::vec(any::<u8>(), 0..64).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

/// A zero with a sign, or page text that reads as one ("-0.00", "−$0").
fn check_no_negative_zero(metrics: &Metrics, context: &str) {
    for (id, figure) in metrics.iter() {
        if let Ok(value) = figure {
            assert!(!(value.is_zero() && value.is_sign_negative()), "{context}: {} is -0", id.key());
            assert_ne!(plain(value), "-0", "{context}: {}", id.key());
        }
        let text = figure_text(id, figure);
        let signed = text.contains('-') || text.contains('−');
        assert!(!signed || text.chars().any(|c| ('1'..='9').contains(&c)), "{context}: {} reads {text}", id.key());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn any_link_gives_an_answer(link in link()) {
        let (scenario, warnings) = from_query(&link);
        let metrics = evaluate(&scenario);
        check_no_negative_zero(&metrics, &link);

        // The evaluator's JSON parses, with every metric and every warning in it.
        let report = json::report(&scenario, &metrics, &warnings);
        let parsed: serde_json::Value = serde_json::from_str(&report).expect("the report is JSON");
        prop_assert_eq!(parsed["metrics"].as_object().map(|m| m.len()), Some(MetricId::COUNT));
        prop_assert_eq!(parsed["warnings"].as_array().map(|w| w.len()), Some(warnings.len()));
        for warning in &warnings {
            prop_assert!(!warning.to_string().is_empty());
        }

        // Whatever was read is a valid scenario: it writes a link that reads back as itself.
        let written = to_query(&scenario);
        let (back, again) = from_query(&written);
        prop_assert!(again.is_empty(), "{} → {}: {:?}", link, written, again);
        prop_assert_eq!(&back, &scenario);
        prop_assert_eq!(to_query(&back), written);
    }

    #[test]
    fn any_link_survives_invalid_inputs(link in link(), bits in any::<u32>()) {
        let (scenario, _) = from_query(&link);
        let invalid = Key::ALL
            .iter()
            .filter(|k| bits & (1 << k.index()) != 0)
            .fold(InvalidKeys::default(), |set, k| set.with(*k));
        let metrics = evaluate_with_invalid(&scenario, invalid);
        check_no_negative_zero(&metrics, &link);
    }
}

// ---------------------------------------------------------------------------------------
// Valid scenarios

/// A value for `key` inside its range, or `None` to leave the key at its default. Draws
/// favour round numbers, the ends of the range and long decimals.
fn value_for(key: Key) -> BoxedStrategy<Option<Decimal>> {
    let field = key.field();
    let (lo, hi) = (field.min.value(), field.max.value());
    let span = hi - lo;
    prop_oneof![
        2 => Just(None),
        4 => (0i64..=1_000_000, 0u32..=6)
            .prop_map(move |(t, dp)| Some((lo + span * Decimal::new(t, 6)).round_dp(dp))),
        1 => Just(Some(lo)),
        1 => Just(Some(hi)),
        1 => (1u32..=28).prop_map(move |k| Some(lo + Decimal::new(1, k))),
        1 => (1u32..=12).prop_map(move |k| Some(hi - Decimal::new(1, k))),
        1 => (any::<i64>(), 0u32..=28).prop_map(|(m, scale)| Some(Decimal::new(m, scale))),
    ]
    // Out of range (an open end, a fraction of a month): keep the default instead.
    .prop_map(move |v| v.filter(|v| field.contains(*v)))
    .boxed()
}

fn view() -> impl Strategy<Value = View> {
    let show = prop_oneof![Just(None), (0u8..32).prop_map(Some)];
    (0usize..3, 0usize..3, any::<[bool; 3]>(), show).prop_map(|(lang, theme, [embed, edit, live], show)| View {
        lang: [Lang::En, Lang::Ar, Lang::Vi][lang],
        theme: [Theme::Auto, Theme::Light, Theme::Dark][theme],
        embed,
        edit,
        live,
        show: show.map(|bits| {
            Section::ALL
                .into_iter()
                .enumerate()
                .filter(|(n, _)| bits & (1 << n) != 0)
                .fold(Sections::empty(), |set, (_, s)| set.with(s))
        }),
    })
}

/// A valid scenario: presets first, then each key drawn inside its range.
fn scenario() -> impl Strategy<Value = Scenario> {
    let values: Vec<BoxedStrategy<Option<Decimal>>> = Key::ALL.iter().map(|k| value_for(*k)).collect();
    (0..ASICS.len(), 0..GPUS.len(), values, view()).prop_map(|(asic, gpu, values, view)| {
        let mut s = Scenario::default();
        s.set_asic(&ASICS[asic]);
        s.set_gpu(&GPUS[gpu]);
        for (key, value) in Key::ALL.into_iter().zip(values) {
            if let Some(v) = value {
                // In range by construction; only subsidy plus fees of zero is refused.
                if s.set(key, Some(v)).is_err() {
                    assert!(matches!(key, Key::Sub | Key::Fee) && v.is_zero(), "{key}={v} refused");
                }
            }
        }
        s.view = view;
        s
    })
}

/// A value for `key` inside its range, always given.
fn some_value_for(key: Key) -> impl Strategy<Value = Decimal> {
    value_for(key).prop_filter_map("the key's default", |v| v)
}

/// `scenario` with `key` set to `value`.
fn with(scenario: &Scenario, key: Key, value: Decimal) -> Scenario {
    let mut s = scenario.clone();
    s.set(key, Some(value)).expect("in range");
    s
}

const MARGINS: [MetricId; 6] = [
    MetricId::MiningMarginUsdPerKwh,
    MetricId::ColoMarginUsdPerKwh,
    MetricId::GpuMarginUsdPerKwh,
    MetricId::MiningMarginUsdPerMwYear,
    MetricId::ColoMarginUsdPerMwYear,
    MetricId::GpuMarginUsdPerMwYear,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn valid_scenarios_round_trip(s in scenario()) {
        let written = to_query(&s);
        let (back, warnings) = from_query(&written);
        prop_assert!(warnings.is_empty(), "{}: {:?}", written, warnings);
        prop_assert_eq!(&back, &s, "{}", written);
        prop_assert_eq!(to_query(&back), written.clone());
        prop_assert!(written == "v=1" || written.starts_with("v=1&"));
        prop_assert!(!written.contains("=-0&") && !written.ends_with("=-0"), "{}", written);
        check_no_negative_zero(&evaluate(&s), &written);
    }

    #[test]
    fn dearer_power_never_raises_a_margin(
        s in scenario(),
        a in some_value_for(Key::Kwh),
        b in some_value_for(Key::Kwh),
    ) {
        let (cheap, dear) = if a <= b { (a, b) } else { (b, a) };
        let at_cheap = evaluate(&with(&s, Key::Kwh, cheap));
        let at_dear = evaluate(&with(&s, Key::Kwh, dear));
        for id in MARGINS {
            if let (Ok(m_cheap), Ok(m_dear)) = (at_cheap.get(id), at_dear.get(id)) {
                prop_assert!(m_dear <= m_cheap, "{}: {} at kwh={} but {} at kwh={}", id.key(), m_cheap, cheap, m_dear, dear);
            }
        }
    }

    #[test]
    fn harder_difficulty_never_raises_hashprice(
        s in scenario(),
        a in some_value_for(Key::Diff),
        b in some_value_for(Key::Diff),
    ) {
        let (easy, hard) = if a <= b { (a, b) } else { (b, a) };
        let at_easy = evaluate(&with(&s, Key::Diff, easy));
        let at_hard = evaluate(&with(&s, Key::Diff, hard));
        for id in [MetricId::HashpriceBtcPerPhDay, MetricId::HashpriceUsdPerPhDay] {
            if let (Ok(h_easy), Ok(h_hard)) = (at_easy.get(id), at_hard.get(id)) {
                prop_assert!(h_hard <= h_easy, "{}: {} at diff={} but {} at diff={}", id.key(), h_easy, easy, h_hard, hard);
            }
        }
    }
}

/// The ends of each key's range, and the values just inside an open end.
fn extremes(key: Key) -> Vec<Decimal> {
    let field = key.field();
    let tiny = Decimal::new(1, 28);
    let mut values = vec![field.min.value(), field.max.value(), field.min.value() + tiny, field.max.value() - tiny];
    values.retain(|v| field.contains(*v));
    values
}

#[test]
fn extreme_inputs_alone_and_in_pairs_never_panic() {
    let presets: Vec<Scenario> = ASICS
        .iter()
        .zip(GPUS.iter().cycle())
        .map(|(asic, gpu)| {
            let mut s = Scenario::default();
            s.set_asic(asic);
            s.set_gpu(gpu);
            s
        })
        .collect();
    for key in Key::ALL {
        for value in extremes(key) {
            for base in &presets {
                let s = with(base, key, value);
                let metrics = evaluate(&s);
                check_no_negative_zero(&metrics, &format!("{key}={value}"));
                let report = json::report(&s, &metrics, &[]);
                serde_json::from_str::<serde_json::Value>(&report).expect("the report is JSON");
                let written = to_query(&s);
                assert_eq!(from_query(&written), (s, vec![]), "{written}");
            }
            for other in Key::ALL {
                for other_value in extremes(other) {
                    let mut s = with(&Scenario::default(), key, value);
                    if s.set(other, Some(other_value)).is_err() {
                        continue; // subsidy and fees both zero
                    }
                    // Values only: the page text of each figure is checked above and by the laws.
                    for (id, figure) in evaluate(&s).iter() {
                        let negative_zero = figure.is_ok_and(|v| v.is_zero() && v.is_sign_negative());
                        assert!(!negative_zero, "{key}={value}&{other}={other_value}: {} is -0", id.key());
                    }
                }
            }
        }
    }
}
