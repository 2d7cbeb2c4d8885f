use rust_decimal_macros::dec;

use super::*;
use crate::model::link::share_link::{from_query, to_query, Fallback, Refusal, Warning};

fn ascending() -> String {
    (1..=100).map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

#[test]
fn it_reads_pq_with_named_reasons() {
    let ok = parse_pq(&ascending()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((ok[0], ok[99]), (dec!(1), dec!(100)));
    let with = |i: usize, v: &str| {
        let mut parts: Vec<String> = (1..=100).map(|i| i.to_string()).collect();
        parts[i - 1] = v.to_string();
        parts.join(",")
    };
    assert_eq!(parse_pq("1,2,3"), Err(ProfileError::Count(3)));
    assert_eq!(parse_pq(""), Err(ProfileError::Count(0)));
    assert_eq!(parse_pq(&format!("{},101", ascending())), Err(ProfileError::Count(101)));
    assert_eq!(parse_pq(&with(7, "x")), Err(ProfileError::NotANumber(7)));
    assert_eq!(parse_pq(&with(100, "100001")), Err(ProfileError::OutOfRange(100)));
    assert_eq!(parse_pq(&with(1, "-1001")), Err(ProfileError::OutOfRange(1)));
    assert_eq!(parse_pq(&with(50, "3")), Err(ProfileError::NotAscending(50)));
    let negative = vec!["-1000"; 99].join(",") + ",1";
    assert_eq!(parse_pq(&negative), Err(ProfileError::MeanNotPositive));
    assert!(parse_pq(&(vec!["-1000"; 50].join(",") + "," + &vec!["1000.5"; 50].join(","))).is_ok());
}

#[test]
fn it_reads_strike_auto_or_a_number_in_range() {
    assert_eq!(parse_strike("auto"), Ok(None));
    assert_eq!(parse_strike("0.03"), Ok(Some(dec!(0.03))));
    assert_eq!(parse_strike("-1"), Ok(Some(dec!(-1))));
    assert_eq!(parse_strike("10.01"), Err(FieldError::OutOfRange));
    assert_eq!(parse_strike("Auto"), Err(FieldError::NotANumber));
}

#[test]
fn it_round_trips_a_custom_profile_through_the_link() {
    let link = format!("v=1&pp=custom&pq={}&strike=0.04", ascending().replace("100", "100.25"));
    let (scenario, warnings) = from_query(&link);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(scenario.profile().custom().map(|b| b[99]), Some(dec!(100.25)));
    assert_eq!(scenario.strike(), Some(dec!(0.04)));
    assert_eq!(to_query(&scenario), link);
    assert_eq!(from_query(&to_query(&scenario)).0, scenario);
    let (ercot, warnings) = from_query("strike=auto&pp=ercot-n-2025&drc=12.5&firm=0.004");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(to_query(&ercot), "v=1&drc=12.5&firm=0.004&pp=ercot-n-2025");
}

#[test]
fn it_names_what_it_refuses_and_keeps_the_rest() {
    let invalid = |link: &str| -> Vec<(String, Refusal, Fallback)> {
        from_query(link)
            .1
            .into_iter()
            .filter_map(|w| match w {
                Warning::Invalid { key, reason, fallback, .. } => Some((key, reason, fallback)),
                _ => None,
            })
            .collect()
    };
    let flat = || Fallback::Value("flat".into());
    assert_eq!(invalid("pp=hourly"), vec![("pp".into(), Refusal::Profile, flat())]);
    assert_eq!(invalid("pp=custom"), vec![("pp".into(), Refusal::CustomNeedsBuckets, flat())]);
    assert_eq!(
        invalid("pp=custom&pq=1,2"),
        vec![
            ("pq".into(), Refusal::ProfileBuckets(ProfileError::Count(2)), Fallback::NoBuckets),
            ("pp".into(), Refusal::CustomNeedsBuckets, flat())
        ]
    );
    assert_eq!(
        invalid(&format!("pq={}", ascending())),
        vec![("pq".into(), Refusal::BucketsNeedCustom, Fallback::NoBuckets)]
    );
    let auto = || Fallback::Value("auto".into());
    assert_eq!(invalid("strike=0.03"), vec![("strike".into(), Refusal::StrikeNeedsProfile, auto())]);
    assert_eq!(
        invalid("pp=ercot-n-2025&strike=11"),
        vec![("strike".into(), Refusal::Strike(FieldError::OutOfRange), auto())]
    );
    assert_eq!(invalid("pp=flat&strike=auto"), vec![]);
    // The rest of the link is read: the profile stays, and so does every other key.
    let (s, _) = from_query("pp=ercot-n-2025&strike=x&kwh=0.04");
    assert_eq!((s.profile(), s.kwh().get()), (&Profile::ErcotNorth2025, dec!(0.04)));
}

#[test]
fn it_drops_the_strike_with_a_flat_price() {
    let (mut s, _) = from_query("pp=ercot-n-2025&strike=0.02");
    assert_eq!(s.set_strike(Some(dec!(11))), Err(PowerError::StrikeOutOfRange));
    s.set_profile(Profile::Flat);
    assert_eq!(s.strike(), None);
    assert_eq!(s.set_strike(Some(dec!(0.02))), Err(PowerError::StrikeNeedsProfile));
    assert_eq!(to_query(&s), "v=1");
}

#[test]
fn it_reads_a_comparisons_sides_with_their_own_profiles() {
    let link = "pp=ercot-n-2025&strike=0.03&b.pp=flat";
    let (parsed, warnings) = crate::model::from_link(link);
    assert!(warnings.is_empty(), "{warnings:?}");
    let crate::model::Link::Compare(c) = &parsed else { panic!("a comparison") };
    assert_eq!((c.a().strike(), c.b().strike()), (Some(dec!(0.03)), None));
    assert!(c.b().profile().is_flat());
    assert_eq!(crate::model::from_link(&parsed.to_query()).0, parsed);
}
