//! The inputs: the few that most readers change in view, every group a click away, and a
//! search by label that opens the groups holding what it finds.

use leptos::prelude::*;

use crate::model::view::Section;
use crate::model::{Group, Key};
use crate::text::fields::group_title;
use crate::text::{t, tf};
use crate::ui::fields::hashrate_field::HashrateField;
use crate::ui::fields::number_field::NumberField;
use crate::ui::fields::power_picker::PowerPicker;
use crate::ui::fields::preset_picker::{PresetKind, PresetPicker};
use crate::ui::fields::site_panel::SitePanel;
use crate::ui::hooks::state::SessionCtx;

/// What most readers change, kept in view above the groups (with the ASIC and GPU pickers).
const KEY_INPUTS: [Key; 3] = [Key::Btc, Key::Kwh, Key::Colo];

/// True when `label` (as the reader reads it) holds what was searched (folded: case and
/// Vietnamese accents aside), or nothing is searched.
fn found(query: &str, label: &str) -> bool {
    crate::text::search::matches(query, label)
}

/// The inputs, with a search over their labels.
#[component]
pub fn InputPanel(
    /// False makes every input read-only (an embed with `edit=0`).
    editable: bool,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let session: SessionCtx = expect_context();
    let term = Memo::new(move |_| query.with(|q| crate::text::search::fold(q.trim())));
    // The labels the search reads besides the fields' own: the hashrate field's, the pickers'.
    let (hashrate, asic, gpu) = (t("or network hashrate"), t("ASIC model"), t("GPU model"));
    let shows = move |label: &'static str| term.with(|q| found(q, label));
    // A key is found by its label or by what it means (`search_words`: "curtail", "MW").
    let key_found = crate::text::search::finds_key;
    let field = move |key: Key| {
        let extra = (key == Key::Diff).then(|| {
            view! { <div class="find" hidden=move || !shows(hashrate)><HashrateField editable=editable/></div> }
        });
        view! {
            <div class="find" hidden=move || !term.with(|q| key_found(q, key))><NumberField key=key editable=editable/></div>
            {extra}
        }
    };
    let picker = move |kind: PresetKind, label: &'static str| {
        view! { <div class="find" hidden=move || !shows(label)><PresetPicker kind=kind editable=editable/></div> }
    };
    let groups = Group::ALL
        .into_iter()
        .map(|group| {
            let keys: Vec<Key> =
                Key::ALL.into_iter().filter(|k| k.field().group == group && !KEY_INPUTS.contains(k)).collect();
            let hashrate = (group == Group::Market).then_some(hashrate);
            let any =
                move || term.with(|q| keys.iter().any(|k| key_found(q, *k)) || hashrate.is_some_and(|h| found(q, h)));
            let keys = Key::ALL.into_iter().filter(|k| k.field().group == group && !KEY_INPUTS.contains(k));
            let any2 = any.clone();
            view! {
                <details class="group" hidden=move || !any() prop:open=move || !term.with(String::is_empty) && any2()>
                    <summary>{group_title(group)}</summary>
                    {(group == Group::Power).then(|| view! { <PowerPicker editable=editable/> })}
                    {keys.into_iter().map(field).collect_view()}
                </details>
            }
        })
        .collect_view();
    let nothing = move || {
        let q = term.get();
        let any_key = Key::ALL.into_iter().any(|k| key_found(&q, k));
        (!q.is_empty() && !any_key && ![hashrate, asic, gpu].into_iter().any(|l| found(&q, l)))
            .then(|| tf("No input is called “{query}”.", &[("query", &q)]))
    };
    view! {
        // `change` comes when a field is left or Enter is pressed after typing: what was
        // typed enters the link then (one listener for every field).
        <section class="inputs" id="inputs" tabindex="-1" aria-labelledby="inputs-title" data-section=Section::Inputs.name()
            on:change=move |_| session.settle()>
            <h2 id="inputs-title">{t("Inputs")}</h2>
            // A read-only embed has nothing to type into, not even a search.
            {editable.then(|| view! {
                <div class="field search">
                    <label for="find-input">{t("Find an input")}</label>
                    <input id="find-input" type="search" autocomplete="off" placeholder=t("electricity, lease, difficulty…")
                        on:input=move |ev| query.set(event_target_value(&ev))/>
                    <p class="help" role="status">{crate::ui::live_text(move || nothing().unwrap_or_default())}</p>
                </div>
            })}
            <SitePanel editable=editable/>
            <fieldset class="group key-inputs">
                <legend>{t("Most changed")}</legend>
                {field(Key::Btc)}
                {field(Key::Kwh)}
                {picker(PresetKind::Asic, asic)}
                {picker(PresetKind::Gpu, gpu)}
                {field(Key::Colo)}
            </fieldset>
            <p class="help">{t("Results follow as you type. Numbers use '.' for decimals.")}</p>
            {groups}
        </section>
    }
}
