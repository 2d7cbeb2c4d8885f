//! The draft of the inputs: what it settles and when, the errors it keeps on their input,
//! presets, resets and scenarios from outside.

use super::*;
use crate::model::from_query;
use rust_decimal_macros::dec;

fn draft(link: &str) -> Draft {
    Draft::new(from_query(link).0)
}

#[test]
fn it_takes_valid_text_and_marks_invalid_text_on_its_own_input() {
    let mut d = draft("");
    d.type_text(Key::Kwh, Source::Field, "0.03");
    assert_eq!(d.scenario().kwh().get(), dec!(0.03));
    d.settle();
    d.type_text(Key::Kwh, Source::Field, "11");
    assert_eq!(d.scenario().kwh().get(), dec!(0.03), "the last valid value stays");
    assert_eq!(d.error_of(Key::Kwh, Source::Field), Some(FieldError::OutOfRange));
    assert!(d.invalid_keys().contains(Key::Kwh));
    d.type_text(Key::Kwh, Source::Field, "0.04");
    assert_eq!(d.error_of(Key::Kwh, Source::Field), None);
    assert!(d.invalid_keys().is_empty());
}

/// `text` typed key by key, as the input's handler sees it.
fn type_keys(d: &mut Draft, key: Key, text: &str) {
    for end in text.char_indices().map(|(i, c)| i + c.len_utf8()) {
        d.type_text(key, Source::Field, &text[..end]);
    }
}

#[test]
fn it_never_settles_a_prefix_of_what_is_being_typed() {
    for (key, typed, settled) in [
        (Key::Btc, "85,000", dec!(85000)),
        (Key::Btc, "90,000", dec!(85000)),
        (Key::Kwh, "20", dec!(0.05)),
        (Key::Kwh, "0.03", dec!(0.03)),
    ] {
        let mut d = draft("");
        let before = d.settled().clone();
        for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
            d.type_text(key, Source::Field, &typed[..end]);
            assert_eq!(d.settled(), &before, "the link while typing {:?} of {typed:?}", &typed[..end]);
            // A pause after "85" or "2" settles nothing: unusual, or not yet valid.
            if key == Key::Btc || typed == "20" {
                d.pause(key);
                assert_eq!(d.settled(), &before, "a pause after {:?}", &typed[..end]);
            }
        }
        d.settle();
        assert_eq!(d.settled().get(key), Some(settled), "{typed:?} once the field is left");
        assert_eq!(d.scenario().get(key), Some(settled), "the figures of an invalid {typed:?} are the link's");
    }
}

#[test]
fn it_changes_the_power_unit_in_the_link_at_once_and_no_number() {
    let mut d = draft("?kwh=0.045");
    type_keys(&mut d, Key::Btc, "9");
    d.set_power_unit(PowerUnit::CentsPerKwh);
    assert_eq!(crate::model::to_query(d.settled()), "v=1&kwh=0.045&pu=ckwh");
    assert_eq!(d.scenario().btc().get(), dec!(9), "what is being typed stays");
}

#[test]
fn it_settles_a_usual_value_on_a_pause_and_an_unusual_one_on_leaving() {
    let mut d = draft("");
    type_keys(&mut d, Key::Kwh, "0.03");
    assert_eq!(d.scenario().kwh().get(), dec!(0.03), "the figures follow at once");
    assert_eq!(d.settled().kwh().get(), dec!(0.05));
    d.pause(Key::Kwh);
    assert_eq!(d.settled().kwh().get(), dec!(0.03));
    type_keys(&mut d, Key::Kwh, "4.5");
    d.pause(Key::Kwh);
    assert_eq!(d.settled().kwh().get(), dec!(0.03), "4.5 USD/kWh waits for the reader to leave");
    d.settle();
    assert_eq!(d.settled().kwh().get(), dec!(4.5));
}

#[test]
fn it_names_the_invalid_inputs_with_what_the_link_holds_instead() {
    let mut d = draft("?btc=90000");
    type_keys(&mut d, Key::Btc, "85,000");
    type_keys(&mut d, Key::Hp, "x");
    type_keys(&mut d, Key::Kwh, "0.03");
    assert_eq!(
        d.held_instead(),
        vec![
            (Key::Btc, Held::Invalid, Some(dec!(90000))),
            (Key::Hp, Held::Invalid, None),
            (Key::Kwh, Held::Typing, Some(dec!(0.05)))
        ]
    );
    d.settle();
    assert_eq!(d.held_instead().len(), 2, "settled, the power price is the link's");
}

#[test]
fn it_settles_presets_and_outside_values_at_once_but_not_what_is_being_typed() {
    let mut d = draft("");
    type_keys(&mut d, Key::Btc, "85");
    let Some(asic) = AsicPreset::by_id("s21xp") else { panic!("preset") };
    d.pick_asic(asic);
    assert_eq!(d.settled().th().get(), dec!(270));
    let (next, _) = from_query("?diff=160&btc=85");
    d.accept(next, &[Key::Diff]);
    assert_eq!(d.settled().diff().get(), dec!(160));
    assert_eq!(d.settled().btc().get(), dec!(85000), "the bitcoin price being typed stays out");
    d.reset();
    assert_eq!(d.settled(), &Scenario::default());
}

#[test]
fn it_keeps_a_hashrate_error_on_the_hashrate_input() {
    let mut d = draft("");
    d.type_text(Key::Diff, Source::Hashrate, "abc");
    assert_eq!(d.error_of(Key::Diff, Source::Hashrate), Some(FieldError::NotANumber));
    assert_eq!(d.error_of(Key::Diff, Source::Field), None, "the difficulty field shows no error");
    assert!(d.invalid_keys().contains(Key::Diff));
    // A valid difficulty typed in its own field clears it.
    d.type_text(Key::Diff, Source::Field, "150");
    assert_eq!(d.error_of(Key::Diff, Source::Hashrate), None);
    // 1,073.741824 EH/s is 150 T.
    d.type_text(Key::Diff, Source::Hashrate, "1073.741824");
    assert_eq!(d.scenario().diff().get(), dec!(150));
}

#[test]
fn it_applies_a_subsidy_refused_for_a_zero_fee_once_the_fee_changes() {
    let mut d = draft("?fee=0");
    d.type_text(Key::Sub, Source::Field, "0");
    assert_eq!(d.error_of(Key::Sub, Source::Field), Some(FieldError::RewardNotPositive));
    assert_eq!(d.scenario().sub().get(), dec!(3.125));
    d.type_text(Key::Fee, Source::Field, "0.5");
    assert_eq!(d.error_of(Key::Sub, Source::Field), None);
    assert_eq!((d.scenario().sub().get(), d.scenario().fee().get()), (dec!(0), dec!(0.5)));
}

#[test]
fn it_clears_hp_when_emptied() {
    let mut d = draft("?hp=40");
    d.type_text(Key::Hp, Source::Field, " ");
    assert_eq!(d.scenario().hp(), None);
    d.type_text(Key::Kwh, Source::Field, "");
    assert_eq!(d.error_of(Key::Kwh, Source::Field), Some(FieldError::Empty));
}

#[test]
fn it_fills_a_presets_fields_and_drops_their_errors() {
    let mut d = draft("");
    d.type_text(Key::Th, Source::Field, "x");
    d.type_text(Key::Gph, Source::Field, "-1");
    d.type_text(Key::Kwh, Source::Field, "x");
    let (Some(asic), Some(gpu)) = (AsicPreset::by_id("s21xp"), GpuPreset::by_id("b200")) else { panic!("presets") };
    d.pick_asic(asic);
    d.pick_gpu(gpu);
    assert_eq!((d.scenario().th().get(), d.scenario().gph().get()), (dec!(270), dec!(5.00)));
    assert_eq!(d.error_of(Key::Th, Source::Field), None);
    assert_eq!(d.error_of(Key::Gph, Source::Field), None);
    assert!(d.invalid_keys().contains(Key::Kwh), "a key no preset fills keeps its error");
}

#[test]
fn it_resets_to_the_snapshot_and_keeps_the_view() {
    let mut d = draft("?kwh=0.03&theme=dark&asic=s21xp");
    d.type_text(Key::Btc, Source::Field, "x");
    d.reset();
    let mut want = Scenario::default();
    want.view.theme = crate::model::view::Theme::Dark;
    assert_eq!(d, Draft::new(want));
}

#[test]
fn it_accepts_a_scenario_from_outside_and_retries_a_waiting_subsidy() {
    let mut d = draft("?fee=0");
    d.type_text(Key::Sub, Source::Field, "0");
    d.type_text(Key::Btc, Source::Field, "x");
    let (next, _) = from_query("?fee=0.1&btc=90000");
    d.accept(next, &[Key::Btc, Key::Fee]);
    assert_eq!(d.error_of(Key::Btc, Source::Field), None);
    assert_eq!(d.error_of(Key::Sub, Source::Field), None, "the subsidy waiting for a fee is applied");
    assert_eq!((d.scenario().sub().get(), d.scenario().fee().get()), (dec!(0), dec!(0.1)));
}

#[test]
fn it_sets_several_keys_all_or_none() {
    let mut d = draft("");
    d.type_text(Key::Btc, Source::Field, "x");
    let before = d.clone();
    assert_eq!(d.set_all(&[(Key::Btc, dec!(90000)), (Key::Diff, dec!(0))]), Err((Key::Diff, FieldError::OutOfRange)));
    assert_eq!(d, before, "nothing changed");
    assert_eq!(d.set_all(&[(Key::Btc, dec!(90000)), (Key::Diff, dec!(160))]), Ok(()));
    assert_eq!((d.scenario().btc().get(), d.scenario().diff().get()), (dec!(90000), dec!(160)));
    assert_eq!(d.error_of(Key::Btc, Source::Field), None);
}
