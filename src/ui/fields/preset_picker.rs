//! ASIC and GPU pickers: choosing a preset fills its fields and shows its source.

use leptos::prelude::*;

use crate::model::presets::{AsicPreset, GpuPreset, ASICS, GPUS};
use crate::text::fields::{preset_source, PresetSource as Source};
use crate::text::format::usd;
use crate::text::{num, t, tf};
use crate::ui::hooks::state::{ScenarioCtx, SessionCtx};

/// Which preset table a picker shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PresetKind {
    Asic,
    Gpu,
}

/// A `<select>` of presets; picking one fills its fields (`th`, `w` or `gkw`, `gcap`, `gph`).
#[component]
pub fn PresetPicker(
    /// ASIC or GPU.
    kind: PresetKind,
    /// False disables the picker (an embed with `edit=0`).
    #[prop(default = true)]
    editable: bool,
) -> impl IntoView {
    let session: SessionCtx = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let (name, label) = match kind {
        PresetKind::Asic => ("asic", t("ASIC model")),
        PresetKind::Gpu => ("gpu", t("GPU model")),
    };
    let options: Vec<(&'static str, String)> = match kind {
        PresetKind::Asic => {
            ASICS.iter().map(|p| (p.id, format!("{} · {} J/TH", p.model, num(&p.j_per_th().to_string())))).collect()
        }
        PresetKind::Gpu => GPUS
            .iter()
            .map(|p| {
                let price = usd(p.gph, 2);
                (p.id, tf("{model} · {price}/h", &[("model", p.model), ("price", &price)]))
            })
            .collect(),
    };
    // A typed hashrate or power, or a mix of models, is no longer the preset: the picker
    // says "Custom fleet" with the efficiency the page computes.
    let custom = Memo::new(move |_| {
        scenario.with(|s| {
            let typed = s.th().get() != s.asic().th || s.w().get() != s.asic().w || s.mix().is_some();
            (kind == PresetKind::Asic && typed).then(|| {
                let eff = crate::model::economics::inputs::Inputs::new(s, Default::default()).eff();
                let eff = eff.map(|e| e.get().round_dp(1).normalize().to_string()).unwrap_or_default();
                tf("Custom fleet · {eff} J/TH", &[("eff", &num(&eff))])
            })
        })
    });
    let selected = Memo::new(move |_| {
        if custom.with(Option::is_some) {
            return "custom";
        }
        scenario.with(|s| match kind {
            PresetKind::Asic => s.asic().id,
            PresetKind::Gpu => s.gpu().id,
        })
    });
    let source = move || {
        scenario.with(|s| match kind {
            PresetKind::Asic => preset_source(Source::Asic),
            PresetKind::Gpu => preset_source(Source::Gpu(s.gpu().id)),
        })
    };
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        match kind {
            PresetKind::Asic => AsicPreset::by_id(&id).into_iter().for_each(|p| session.pick_asic(p)),
            PresetKind::Gpu => GpuPreset::by_id(&id).into_iter().for_each(|p| session.pick_gpu(p)),
        }
    };
    let id = format!("f-{name}");
    let label_for = id.clone();
    view! {
        <div class="field picker">
            <label for=label_for>{label}</label>
            <select id=id name=name on:change=on_change disabled=!editable prop:value=selected>
                {move || custom.get().map(|text| view! { <option value="custom" disabled=true>{text}</option> })}
                {options.into_iter().map(|(id, text)| view! {
                    <option value=id>{text}</option>
                }).collect_view()}
            </select>
            <p class="help source">{crate::ui::live_text(move || tf("Source: {source}", &[("source", source())]))}</p>
        </div>
    }
}
