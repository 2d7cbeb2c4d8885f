//! "Power price": the price's shape over the year (flat, ERCOT's North hub in 2025, or the
//! reader's own file of hourly prices), and mining's strike, in the power price's unit.
//! A file is read in the browser and reduced to 100 buckets by the model
//! (`model::power::file`); a file that cannot be used is named by its first bad row and
//! changes nothing.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::fields::parse_decimal;
use crate::model::link::share_link::plain;
use crate::model::power::file::{parse_prices, reduce};
use crate::model::power::Profile;
use crate::text::power::{file_error, profile_label};
use crate::text::{num, t, tf};
use crate::ui::hooks::state::{ScenarioCtx, SessionCtx};

/// The profile picker, the file input for "my own file", and the strike.
#[component]
pub fn PowerPicker(
    /// False disables every control (an embed with `edit=0`).
    editable: bool,
) -> impl IntoView {
    let session: SessionCtx = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    // "My own file" chosen, its file not read yet: the picker shows it, the link does not.
    let wants_file = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let selected = Memo::new(move |_| match wants_file.get() {
        true => "custom",
        false => scenario.with(|s| s.profile().name()),
    });
    let strike = move || scenario.with_untracked(|s| s.strike());
    let on_profile = move |ev| {
        message.set(String::new());
        let profile = match event_target_value(&ev).as_str() {
            "ercot-n-2025" => Profile::ErcotNorth2025,
            "custom" => {
                wants_file.set(true);
                return;
            }
            _ => Profile::Flat,
        };
        wants_file.set(false);
        session.set_power(profile, strike());
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
        // `Blob.text()`: one import, where a FileReader and its events would take a dozen on
        // the first screen's JavaScript.
        let read = wasm_bindgen_futures::JsFuture::from(file.text());
        leptos::task::spawn_local(async move {
            let Some(text) = read.await.ok().and_then(|v| v.as_string()) else {
                message.set(t("The file could not be read.").to_string());
                return;
            };
            match parse_prices(&text).and_then(|prices| Ok((prices.len(), reduce(&prices)?))) {
                Ok((hours, buckets)) => {
                    wants_file.set(false);
                    session.set_power(Profile::Custom(Arc::new(buckets)), strike());
                    message.set(tf("Read {n} hourly prices into 100 buckets.", &[("n", &num(&hours.to_string()))]));
                }
                Err(e) => message.set(file_error(&e)),
            }
        });
    };
    let unit = Memo::new(move |_| scenario.with(|s| s.view.power_unit));
    let strike_text = Memo::new(move |_| match scenario.with(|s| s.strike()) {
        None => t("auto").to_string(),
        Some(s) => plain(unit.get().shown(s).unwrap_or(s)),
    });
    let on_strike = move |ev| {
        let text = event_target_value(&ev);
        let text = text.trim();
        let value = match text {
            "" => Ok(None),
            _ if text == "auto" || text == t("auto") => Ok(None),
            _ => parse_decimal(text).ok().and_then(|v| unit.get_untracked().to_usd_per_kwh(v)).map(Some).ok_or(()),
        };
        let profile = scenario.with_untracked(|s| s.profile().clone());
        let ok = value.is_ok_and(|v| session.set_power(profile, v));
        message.set(match ok {
            true => String::new(),
            false => t("The strike must be auto or a price from −1 to 10 USD/kWh.").to_string(),
        });
    };
    let options = [Profile::Flat, Profile::ErcotNorth2025, Profile::Custom(Arc::new([Default::default(); 100]))];
    view! {
        <div class="field picker power-picker">
            <label for="f-pp">{t("Price over the year")}</label>
            <select id="f-pp" name="pp" on:change=on_profile disabled=!editable prop:value=selected>
                {options.iter().map(|p| view! { <option value=p.name()>{profile_label(p)}</option> }).collect_view()}
            </select>
            <p class="help">{t("Mining can stop in the dearest hours; an AI tenant runs every hour.")}</p>
        </div>
        <div class="field" hidden=move || selected.get() != "custom">
            <label for="f-pfile">{t("My prices (CSV)")}</label>
            <input id="f-pfile" type="file" accept=".csv,.txt,text/csv,text/plain" disabled=!editable on:change=on_file/>
            <p class="help">{t("One price a row, or time,price; USD/MWh; at least 672 hours. The file stays in your browser.")}</p>
        </div>
        <p class="help" role="status" data-power-message="">{crate::ui::live_text(move || message.get())}</p>
        <div class="field" hidden=move || selected.get() == "flat">
            <label for="f-strike">{t("Strike")}</label>
            <input id="f-strike" name="strike" type="text" inputmode="decimal" autocomplete="off" disabled=!editable
                prop:value=strike_text on:change=on_strike/>
            <p class="help">{move || tf("Mining runs only in hours priced at or below this ({unit}); auto: up to its break-even.",
                &[("unit", crate::text::power::unit_name(unit.get()))])}</p>
        </div>
    }
}
