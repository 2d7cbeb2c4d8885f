//! One numeric input: parse on every keystroke, show why a value is refused, keep the
//! rest of the scenario working.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;

use crate::model::edit::draft::Source;
use crate::model::fields::parse_decimal;
use crate::model::view::PowerUnit;
use crate::model::Key;
use crate::text::fields::{error_text, help, label, range_text, unit, unusual_hint};
use crate::text::{number_style, t};
use crate::ui::fields::power_unit_picker::PowerUnitPicker;
use crate::ui::hooks::state::{ScenarioCtx, SessionCtx};
use crate::ui::live_text;
use rust_decimal::Decimal;

/// What a person typed, as the draft reads it: plain digits with `.` for decimals, the way
/// a link writes numbers (`0,05` typed in Vietnamese is `0.05`, `٠٫٠٥` in Arabic too). A
/// thousands separator, which the language's style refuses, reaches the draft as a `,`: the
/// draft refuses that with the same reason ([`crate::model::fields::FieldError::Comma`]).
pub fn typed_plain(text: &str) -> String {
    number_style().delocalize(text).unwrap_or_else(|_| ",".to_string())
}

/// How long a reader must stop typing for a usual value to enter the link (leaving the
/// field or Enter puts any valid value there at once).
const PAUSE: Duration = Duration::from_millis(1000);

thread_local! {
    static PAUSE_TIMER: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
}

/// Tells the session once typing into `key` has paused: each keystroke restarts the wait.
pub fn pause_after_typing(session: SessionCtx, key: Key) {
    let next = set_timeout_with_handle(move || session.pause(key), PAUSE).ok();
    if let Some(before) = PAUSE_TIMER.with(|t| t.replace(next)) {
        before.clear();
    }
}

/// A labelled input for one link key, with its unit, range, one-line help and error.
#[component]
pub fn NumberField(
    /// The link key this input edits.
    key: Key,
    /// False makes the input read-only (an embed with `edit=0`).
    #[prop(default = true)]
    editable: bool,
) -> impl IntoView {
    let session: SessionCtx = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let field = key.field();
    let style = number_style();
    let value = Memo::new(move |_| scenario.with(|s| s.get(key)));
    // The power price is shown and typed in the unit the link's `pu=` names; every other
    // key in its own. The draft always reads USD/kWh.
    let power_unit = Memo::new(move |_| match key {
        Key::Kwh => scenario.with(|s| s.view.power_unit),
        _ => PowerUnit::UsdPerKwh,
    });
    let in_unit = move |v: Decimal| power_unit.get_untracked().shown(v).unwrap_or(v);
    let in_field = Memo::new(move |_| value.get().map(|v| power_unit.get().shown(v).unwrap_or(v)));
    let error = Memo::new(move |_| session.with(|s| s.draft().error_of(key, Source::Field)));
    // What the person typed: kept while it means the scenario's value ("0.050", "1e6") or
    // while it is invalid, replaced when the value changes from elsewhere (preset, reset).
    // Shown in the language's digits and decimal mark.
    let typed = StoredValue::new(value.get_untracked().map(|v| style.plain(in_unit(v))).unwrap_or_default());
    let shown = move || {
        let value = in_field.get();
        let text = typed.get_value();
        let same = match value {
            None => text.trim().is_empty(),
            Some(v) => parse_decimal(&typed_plain(&text)).ok() == Some(v),
        };
        if error.get().is_some() || same {
            text
        } else {
            let text = value.map(|v| style.plain(v)).unwrap_or_default();
            typed.set_value(text.clone());
            text
        }
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        // What was typed first: the input's text is read back when the scenario changes.
        typed.set_value(text.clone());
        let plain = typed_plain(&text);
        let unit = power_unit.get_untracked();
        // In USD/kWh for the draft: exact, a power of ten.
        let usd = match parse_decimal(&plain).ok().and_then(|v| unit.to_usd_per_kwh(v)) {
            Some(v) if unit != PowerUnit::UsdPerKwh => v.to_string(),
            _ => plain,
        };
        session.type_text(key, Source::Field, &usd);
        pause_after_typing(session, key);
    };
    let id = format!("f-{}", field.name);
    let help_id = format!("{}-help", field.name);
    let error_id = format!("{}-error", field.name);
    let message = move || error.get().map(|e| error_text(field, &e)).unwrap_or_default();
    // A valid value far from what anyone pays or sees: a hint, not a refusal.
    let hint =
        move || value.get().filter(|_| error.get().is_none()).and_then(|v| unusual_hint(key, v)).unwrap_or_default();
    let hint_id = format!("{}-hint", field.name);
    let placeholder = if field.default.is_none() { t("computed") } else { "" };
    let label_for = id.clone();
    let unit = unit(key);
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=label_for>
                {label(key)}
                {(!unit.is_empty() && key != Key::Kwh).then(|| view! { <span class="unit">{unit}</span> })}
            </label>
            {(key == Key::Kwh).then(|| view! { <PowerUnitPicker editable=editable/> })}
            <input
                id=id
                name=field.name
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                placeholder=placeholder
                readonly=!editable
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=format!("{help_id} {error_id} {hint_id}")
                prop:value=shown
                on:input=on_input
            />
            <p class="help" id=help_id>{help(key)}" "<span class="range">{range_text(field)}</span></p>
            <p class="error" id=error_id data-error=field.name aria-live="polite">{live_text(message)}</p>
            <p class="hint" id=hint_id data-hint=field.name>{live_text(hint)}</p>
        </div>
    }
}
