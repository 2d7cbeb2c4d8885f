//! The inputs: the few that most readers change in view, every group a click away, and a
//! search by label that opens the groups holding what it finds.

use leptos::prelude::*;

use super::hashrate_field::HashrateField;
use super::number_field::NumberField;
use super::preset_picker::{PresetKind, PresetPicker};
use crate::model::view::Section;
use crate::model::{Group, Key};

/// What most readers change, kept in view above the groups (with the ASIC and GPU pickers).
const KEY_INPUTS: [Key; 3] = [Key::Btc, Key::Kwh, Key::Colo];

/// The network-hashrate field's label, for the search.
const HASHRATE_LABEL: &str = "or network hashrate";

/// True when `label` holds what was searched (case aside), or nothing is searched.
fn found(query: &str, label: &str) -> bool {
    query.is_empty() || label.to_lowercase().contains(query)
}

/// The inputs, with a search over their labels.
#[component]
pub fn InputPanel(
    /// False makes every input read-only (an embed with `edit=0`).
    editable: bool,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let term = Memo::new(move |_| query.with(|q| q.trim().to_lowercase()));
    let shows = move |label: &'static str| term.with(|q| found(q, label));
    let field = move |key: Key| {
        let extra = (key == Key::Diff).then(|| {
            view! { <div class="find" hidden=move || !shows(HASHRATE_LABEL)><HashrateField editable=editable/></div> }
        });
        view! {
            <div class="find" hidden=move || !shows(key.field().label)><NumberField key=key editable=editable/></div>
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
            let labels: Vec<&'static str> = keys
                .iter()
                .map(|k| k.field().label)
                .chain((group == Group::Market).then_some(HASHRATE_LABEL))
                .collect();
            let any = move || term.with(|q| labels.iter().any(|l| found(q, l)));
            let any2 = any.clone();
            view! {
                <details class="group" hidden=move || !any() prop:open=move || !term.with(String::is_empty) && any2()>
                    <summary>{group.title()}</summary>
                    {keys.into_iter().map(field).collect_view()}
                </details>
            }
        })
        .collect_view();
    let nothing = move || {
        let q = term.get();
        let all = Key::ALL.iter().map(|k| k.field().label).chain([HASHRATE_LABEL, "ASIC model", "GPU model"]);
        (!q.is_empty() && !all.into_iter().any(|l| found(&q, l))).then(|| format!("No input is called “{q}”."))
    };
    view! {
        <section class="inputs" aria-labelledby="inputs-title" data-section=Section::Inputs.name()>
            <h2 id="inputs-title">"Inputs"</h2>
            // A read-only embed has nothing to type into, not even a search.
            {editable.then(|| view! {
                <div class="field search">
                    <label for="find-input">"Find an input"</label>
                    <input id="find-input" type="search" autocomplete="off" placeholder="electricity, lease, difficulty…"
                        on:input=move |ev| query.set(event_target_value(&ev))/>
                    <p class="help" role="status">{nothing}</p>
                </div>
            })}
            <fieldset class="group key-inputs">
                <legend>"Most changed"</legend>
                {field(Key::Btc)}
                {field(Key::Kwh)}
                {picker(PresetKind::Asic, "ASIC model")}
                {picker(PresetKind::Gpu, "GPU model")}
                {field(Key::Colo)}
            </fieldset>
            <p class="help">"Results follow as you type. Numbers use '.' for decimals."</p>
            {groups}
        </section>
    }
}
