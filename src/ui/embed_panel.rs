//! The embed snippet for journalists: an iframe of the current scenario plus a resize script.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::LinkCtx;
use super::web;
use crate::model::embed::{snippet, EmbedOptions};
use crate::model::view::{Section, Sections, Theme};
use crate::text::fields::section_title;
use crate::text::t;

/// Lets an author pick the sections, editing and theme, and copies the snippet.
#[component]
pub fn EmbedPanel(
    /// True while the panel is folded away: the snippet is not rebuilt on every edit then.
    hidden: RwSignal<bool>,
) -> impl IntoView {
    let LinkCtx(link) = expect_context();
    let sections = RwSignal::new(Sections::EMBED_DEFAULT);
    let editable = RwSignal::new(true);
    let theme = RwSignal::new(Theme::Auto);
    let live = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);
    let code = move || {
        if hidden.get() {
            return String::new();
        }
        let options =
            EmbedOptions { sections: sections.get(), editable: editable.get(), theme: theme.get(), live: live.get() };
        let title = t("kWhich: what a kWh earns mining bitcoin, and leased to AI");
        link.with(|l| snippet(&web::page_base(), l, &options, title))
    };
    // The checkboxes hold their own state; one listener on the fieldset reads the one that
    // changed (fewer reactive bindings, less Wasm).
    let boxes = Section::ALL.into_iter().map(|section| {
        let id = format!("embed-{}", section.name());
        let label_for = id.clone();
        view! {
            <label for=label_for class="check">
                <input type="checkbox" id=id value=section.name() checked=Sections::EMBED_DEFAULT.contains(section)/>
                {section_title(section)}
            </label>
        }
    }).collect_view();
    let on_section = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        if let Some(section) = Section::from_name(&input.value()) {
            sections.update(|s| *s = s.toggled(section, input.checked()));
        }
    };
    view! {
        <section class="card embed-panel" aria-labelledby="embed-title">
            <h2 id="embed-title">{t("Embed this scenario")}</h2>
            <fieldset on:change=on_section>
                <legend>{t("Sections")}</legend>
                {boxes}
            </fieldset>
            <label class="check" for="embed-edit">
                <input type="checkbox" id="embed-edit" checked on:change=move |ev| editable.set(event_target_checked(&ev))/>
                {t("Readers may edit the inputs")}
            </label>
            <label class="check" for="embed-live">
                <input type="checkbox" id="embed-live" on:change=move |ev| live.set(event_target_checked(&ev))/>
                {t("Readers may load today's network (shows the Network card)")}
            </label>
            <label for="embed-theme">{t("Theme")}</label>
            <select id="embed-theme" on:change=move |ev| {
                if let Some(t) = Theme::from_name(&event_target_value(&ev)) { theme.set(t) }
            }>
                <option value="auto">{t("Follow the reader's setting")}</option>
                <option value="light">{t("Light")}</option>
                <option value="dark">{t("Dark")}</option>
            </select>
            <label for="embed-code">{t("Paste this into the article's HTML")}</label>
            <textarea id="embed-code" readonly rows="6" prop:value=code></textarea>
            <button type="button" on:click=move |_| web::copy(&code(), Box::new(move |ok| copied.set(Some(ok))))>{t("Copy embed code")}</button>
            <span class="status" role="status">{move || match copied.get() {
                Some(true) => t("Embed code copied."),
                Some(false) => t("Copy failed: select the code and copy it."),
                None => "",
            }}</span>
        </section>
    }
}
