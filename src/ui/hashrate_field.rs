//! Network hashrate as an alternative to difficulty, for people who know that figure.

use leptos::prelude::*;

use super::state::{InputErrors, MetricsCtx, ScenarioCtx};
use crate::model::fields::{parse_decimal, FieldError};
use crate::model::format::grouped;
use crate::model::network::difficulty_from_hashrate;
use crate::model::{Key, MetricId};

/// Edits `diff` through the network hashrate it implies (EH/s).
#[component]
pub fn HashrateField(
    /// False makes the input read-only.
    #[prop(default = true)]
    editable: bool,
) -> impl IntoView {
    let ScenarioCtx(scenario) = expect_context();
    let InputErrors(errors) = expect_context();
    let MetricsCtx(metrics) = expect_context();
    let message = RwSignal::new(None::<String>);
    // The message stands while the difficulty is marked invalid: a reset, a valid
    // difficulty typed beside it or a valid hashrate clears both.
    let local_error = Memo::new(move |_| errors.with(|e| e.get(Key::Diff)).and(message.get()));
    let current = Memo::new(move |_| {
        metrics.with(|m| m.get(MetricId::NetworkHashrateEhS).map(|h| h.round_dp(1).normalize().to_string()).unwrap_or_default())
    });
    let typed = StoredValue::new(current.get_untracked());
    let diff = Memo::new(move |_| scenario.with(|s| s.diff().get()));
    // Keep what is typed ("1073.", "1073.74") while it means the current difficulty or is
    // invalid; show the rounded figure when the difficulty changes from elsewhere.
    let shown = move || {
        let now = current.get();
        let diff = diff.get();
        let text = typed.get_value();
        let same = parse_decimal(&text).ok().and_then(|eh| difficulty_from_hashrate(eh).ok()) == Some(diff);
        if local_error.get().is_some() || same {
            text
        } else {
            typed.set_value(now.clone());
            now
        }
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        typed.set_value(text.clone());
        let diff = parse_decimal(&text)
            .map_err(|_| FieldError::NotANumber)
            .and_then(|eh| difficulty_from_hashrate(eh).map_err(|_| FieldError::OutOfRange))
            .and_then(|d| if Key::Diff.field().contains(d) { Ok(d) } else { Err(FieldError::OutOfRange) });
        match diff {
            Ok(d) => {
                message.set(None);
                scenario.update(|s| {
                    let _ = s.set(Key::Diff, Some(d));
                });
                errors.maybe_update(|e| e.set(Key::Diff, None));
            }
            Err(e) => {
                let why = if e == FieldError::NotANumber { "is not a number" } else { "is out of range" };
                message.set(Some(format!(
                    "Network hashrate {why}; it must be > 0 and ≤ {} EH/s (difficulty up to 1,000,000 T).",
                    grouped(rust_decimal_macros::dec!(7158278.8), None)
                )));
                errors.maybe_update(|es| es.set(Key::Diff, Some(e)));
            }
        }
    };
    view! {
        <div class="field" class:invalid=move || local_error.get().is_some()>
            <label for="f-hashrate">"or network hashrate"<span class="unit">"EH/s"</span></label>
            <input id="f-hashrate" name="hashrate" type="text" inputmode="decimal" autocomplete="off"
                readonly=!editable
                aria-invalid=move || if local_error.get().is_some() { "true" } else { "false" }
                aria-describedby="hashrate-help hashrate-error"
                prop:value=shown on:input=on_input/>
            <p class="help" id="hashrate-help">"Sets the difficulty: hashrate · 600 s / 2^32."</p>
            <p class="error" id="hashrate-error" aria-live="polite">{move || local_error.get()}</p>
        </div>
    }
}
