//! The backtest's two inputs in "History": the month the replayed fleet was bought (`bt`)
//! and its ASIC price then (`btcap`), which a link sets too. What is typed is checked on
//! every keystroke: a valid value enters the link at once (the history follows it), a
//! refused one says under its input why, naming the input and its range, and changes
//! nothing. An empty input takes the default, which its placeholder shows.

use leptos::prelude::*;

use super::number_field::typed_plain;
use crate::model::history::{default_bt, month_text, parse_btcap, parse_month};
use crate::model::link::share_link::plain;
use crate::text::history as words;
use crate::text::number_style;
use crate::ui::hooks::state::{ScenarioCtx, SessionCtx};
use crate::ui::live_text;

/// Which of the two keys an input edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Bt,
    Btcap,
}

impl Which {
    fn name(self) -> &'static str {
        match self {
            Which::Bt => "bt",
            Which::Btcap => "btcap",
        }
    }
}

/// What `text` (as typed, in the reader's digits) means: the key's link value (empty: the
/// default), or why it is refused, in words.
fn read(which: Which, text: &str) -> Result<String, String> {
    let plain_text = typed_plain(text);
    let plain_text = plain_text.trim();
    if plain_text.is_empty() {
        return Ok(String::new());
    }
    match which {
        Which::Bt => parse_month(plain_text).map(month_text).map_err(words::bt_error),
        Which::Btcap => parse_btcap(plain_text).map(|v| plain(v.normalize())).map_err(|e| words::btcap_error(&e)),
    }
}

/// One input: label, text, help with the range, and the error under it.
fn field(which: Which, editable: bool) -> impl IntoView {
    let session: SessionCtx = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let style = number_style();
    // The key's value in the link ("" when the link leaves it to its default).
    let given = Memo::new(move |_| {
        scenario.with(|s| match which {
            Which::Bt => s.bt_link_value().unwrap_or_default(),
            Which::Btcap => s.btcap_given().map(|v| plain(v.normalize())).unwrap_or_default(),
        })
    });
    // A month as the link writes it, in Latin digits: "2022-02" (in Eastern Arabic digits
    // the hyphen would let the two halves swap places in an Arabic line).
    let local = move |link: &str| match which {
        Which::Bt => link.to_string(),
        Which::Btcap => link.parse().map(|v| style.plain(v)).unwrap_or_default(),
    };
    let placeholder = move || {
        scenario.with(|s| match which {
            Which::Bt => month_text(default_bt(s.life())),
            Which::Btcap => style.plain(s.capex().get()),
        })
    };
    let error = RwSignal::new(None::<String>);
    // What the reader typed: kept while it means the link's value or is refused, replaced
    // when the value changes from elsewhere (a link from the browser's history, reset).
    let typed = StoredValue::new(local(&given.get_untracked()));
    let shown = move || {
        let link = given.get();
        let text = typed.get_value();
        if error.get().is_some() || read(which, &text).as_deref() == Ok(link.as_str()) {
            text
        } else {
            let text = local(&link);
            typed.set_value(text.clone());
            text
        }
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        typed.set_value(text.clone());
        match read(which, &text) {
            Ok(value) => {
                error.set(None);
                match which {
                    Which::Bt => session.set_bt(&value),
                    Which::Btcap => session.set_btcap(&value),
                }
            }
            Err(why) => error.set(Some(why)),
        }
    };
    let name = which.name();
    let (label, range, help) = match which {
        Which::Bt => (words::bt_label(), words::bt_range(), words::bt_help()),
        Which::Btcap => (words::btcap_label(), words::btcap_range(), words::btcap_help()),
    };
    let id = ["f-", name].concat();
    let help_id = [name, "-help"].concat();
    let error_id = [name, "-error"].concat();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type="text"
                inputmode=if which == Which::Bt { "numeric" } else { "decimal" }
                dir=(which == Which::Bt).then_some("ltr")
                autocomplete="off"
                spellcheck="false"
                placeholder=placeholder
                readonly=!editable
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=format!("{help_id} {error_id}")
                prop:value=shown
                on:input=on_input
            />
            // A number's range stays on one line (`.range`); the month's is a phrase that wraps.
            <p class="help" id=help_id>{help}" "<span class=(which == Which::Btcap).then_some("range")>{range}</span></p>
            <p class="error" id=error_id data-error=name aria-live="polite">
                {live_text(move || error.get().unwrap_or_default())}
            </p>
        </div>
    }
}

/// The backtest's inputs, `bt` and `btcap`.
#[component]
pub fn BacktestFields(
    /// False makes the inputs read-only (an embed with `edit=0`).
    #[prop(default = true)]
    editable: bool,
) -> impl IntoView {
    view! { <div class="backtest-inputs">{field(Which::Bt, editable)}{field(Which::Btcap, editable)}</div> }
}
