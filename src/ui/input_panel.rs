//! The inputs, grouped as the contract groups them.

use leptos::prelude::*;

use crate::model::view::Section;

use super::hashrate_field::HashrateField;
use super::number_field::NumberField;
use super::preset_picker::{PresetKind, PresetPicker};
use crate::model::{Group, Key};

/// The inputs in fieldsets: market & network, fleet, colocation, GPU cloud and target.
/// The projection keys stay in the link but have no chart yet, so no fields either.
#[component]
pub fn InputPanel(
    /// False makes every input read-only (an embed with `edit=0`).
    editable: bool,
) -> impl IntoView {
    let groups = Group::ALL
        .into_iter()
        .filter(|g| *g != Group::Outlook)
        .map(|group| {
            let fields = Key::ALL
                .into_iter()
                .filter(move |k| k.field().group == group)
                .map(move |key| {
                    let extra = match key {
                        Key::Diff => Some(view! { <HashrateField editable=editable/> }.into_any()),
                        _ => None,
                    };
                    let picker = match key {
                        Key::Th => Some(view! { <PresetPicker kind=PresetKind::Asic editable=editable/> }.into_any()),
                        Key::Gph => Some(view! { <PresetPicker kind=PresetKind::Gpu editable=editable/> }.into_any()),
                        _ => None,
                    };
                    view! { {picker} <NumberField key=key editable=editable/> {extra} }
                })
                .collect_view();
            view! {
                <fieldset class="group">
                    <legend>{group.title()}</legend>
                    {fields}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="inputs" aria-labelledby="inputs-title" data-section=Section::Inputs.name()>
            <h2 id="inputs-title">"Inputs"</h2>
            <p class="help">"Results follow as you type. Numbers use '.' for decimals."</p>
            {groups}
        </section>
    }
}
