//! The unit the power price is shown and typed in: USD/kWh, ¢/kWh or USD/MWh (`pu=`).

use leptos::prelude::*;

use crate::model::view::PowerUnit;
use crate::text::t;
use crate::ui::hooks::state::{ScenarioCtx, SessionCtx};

/// A select of the three units, beside the power price's input.
#[component]
pub fn PowerUnitPicker(
    /// False disables the picker (an embed with `edit=0`).
    editable: bool,
) -> impl IntoView {
    let session: SessionCtx = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let current = Memo::new(move |_| scenario.with(|s| s.view.power_unit.name()));
    let on_change = move |ev| {
        if let Some(unit) = PowerUnit::from_name(&event_target_value(&ev)) {
            session.set_power_unit(unit);
        }
    };
    let options = [
        (PowerUnit::UsdPerKwh, t("USD/kWh")),
        (PowerUnit::CentsPerKwh, t("¢/kWh")),
        (PowerUnit::UsdPerMwh, t("USD/MWh")),
    ]
    .map(|(unit, name)| view! { <option value=unit.name()>{name}</option> });
    view! {
        <select class="unit-picker" id="f-pu" data-unit="" dir="ltr" aria-label=t("Unit of the electricity price")
            disabled=!editable prop:value=current on:change=on_change>
            {options.into_iter().collect_view()}
        </select>
    }
}
