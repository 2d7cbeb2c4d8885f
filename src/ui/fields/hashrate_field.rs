//! Network hashrate as an alternative to difficulty, for people who know that figure.

use leptos::prelude::*;

use crate::model::economics::network::hashrate_from_difficulty;
use crate::model::edit::draft::{difficulty_from_hashrate_text, Source};
use crate::model::Key;
use crate::text::fields::predicate;
use crate::text::format::number;
use crate::text::{num, number_style, t, tf};
use crate::ui::fields::number_field::typed_plain;
use crate::ui::hooks::state::{ScenarioCtx, SessionCtx};

/// The hashrate a difficulty implies, as the field shows it (0.1 EH/s), in the language's
/// digits and decimal mark.
fn shown_hashrate(diff: rust_decimal::Decimal) -> String {
    hashrate_from_difficulty(diff).map(|h| number_style().plain(h.round_dp(1))).unwrap_or_default()
}

/// Edits `diff` through the network hashrate it implies (EH/s).
#[component]
pub fn HashrateField(
    /// False makes the input read-only.
    #[prop(default = true)]
    editable: bool,
) -> impl IntoView {
    let session: SessionCtx = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    // Only errors this field caused: a bad difficulty typed in its own field shows there.
    let error = Memo::new(move |_| session.with(|s| s.draft().error_of(Key::Diff, Source::Hashrate)));
    let diff = Memo::new(move |_| scenario.with(|s| s.diff().get()));
    let typed = StoredValue::new(shown_hashrate(diff.get_untracked()));
    // Keep what is typed ("1073.", "1073.74") while it means the current difficulty or is
    // invalid; show the rounded figure when the difficulty changes from elsewhere.
    let shown = move || {
        let diff = diff.get();
        let text = typed.get_value();
        if error.get().is_some() || difficulty_from_hashrate_text(&typed_plain(&text)).ok() == Some(diff) {
            text
        } else {
            let now = shown_hashrate(diff);
            typed.set_value(now.clone());
            now
        }
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        typed.set_value(text.clone());
        session.type_text(Key::Diff, Source::Hashrate, &typed_plain(&text));
        crate::ui::fields::number_field::pause_after_typing(session, Key::Diff);
    };
    let message = move || {
        error.get().map(|e| {
            let max = hashrate_from_difficulty(Key::Diff.field().max.value()).map(|h| number(h, 1)).unwrap_or_default();
            tf(
                "Network hashrate {problem}; it must be > 0 and ≤ {max} EH/s (difficulty up to {diff} T).",
                &[("problem", predicate(&e)), ("max", &max), ("diff", &num("1,000,000"))],
            )
        })
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for="f-hashrate">{t("or network hashrate")}<span class="unit">"EH/s"</span></label>
            <input id="f-hashrate" name="hashrate" type="text" inputmode="decimal" autocomplete="off"
                readonly=!editable
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby="hashrate-help hashrate-error"
                prop:value=shown on:input=on_input/>
            <p class="help" id="hashrate-help">{t("Sets the difficulty: hashrate · 600 s / 2^32.")}</p>
            <p class="error" id="hashrate-error" data-error="hashrate" aria-live="polite">{crate::ui::live_text(move || message().unwrap_or_default())}</p>
        </div>
    }
}
