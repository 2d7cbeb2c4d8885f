//! The embed snippet for journalists: an iframe of the current scenario plus a resize script.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::link::embed::{snippet, EmbedOptions, ResizeScript};
use crate::model::view::{Lang, Section, Sections, Theme, Title, TitleError, TITLE_MAX};
use crate::text::fields::section_title;
use crate::text::{lang, t, tf, Catalog};
use crate::ui::fields::language_picker::NAMES;
use crate::ui::hooks::state::{LinkCtx, SessionCtx};
use crate::ui::web;

/// The iframe's accessible name when the embed has no headline (in the embed's language).
const FRAME_TITLE: &str = "kWhich: what a kWh earns mining bitcoin, and leased to AI";

/// Lets an author pick the sections, editing and theme, and copies the snippet.
#[component]
pub fn EmbedPanel(
    /// True while the panel is folded away: the snippet is not rebuilt on every edit then.
    hidden: RwSignal<bool>,
) -> impl IntoView {
    let LinkCtx(link) = expect_context();
    let session: SessionCtx = expect_context();
    let held = move || session.with(|s| crate::text::fields::held_instead(&s.draft().held_instead()));
    let sections = RwSignal::new(Sections::EMBED_DEFAULT);
    let editable = RwSignal::new(true);
    let theme = RwSignal::new(Theme::Auto);
    let live = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);
    // The article's language, the page's to begin with; another one's messages are fetched
    // for the iframe's name.
    let embed_lang = RwSignal::new(lang());
    let other = RwSignal::new(None::<Catalog>);
    let headline = RwSignal::new(link.with_untracked(|l| l.view().title));
    let headline_error = RwSignal::new(false);
    let code = move || {
        if hidden.get() {
            return String::new();
        }
        let options = EmbedOptions {
            sections: sections.get(),
            editable: editable.get(),
            theme: theme.get(),
            live: live.get(),
            lang: embed_lang.get(),
            title: headline.get(),
        };
        let name = match (headline.get(), embed_lang.get()) {
            (Some(title), _) => title.as_str().to_string(),
            (None, l) if l == lang() => t(FRAME_TITLE).to_string(),
            (None, Lang::En) => FRAME_TITLE.to_string(),
            (None, _) => other.with(|c| c.as_ref().and_then(|c| c.get(FRAME_TITLE)).unwrap_or(FRAME_TITLE).to_string()),
        };
        // The hashed resize script and its integrity, as the build wrote them into the page.
        let script = ResizeScript::from_meta(&web::embed_script());
        link.with(|l| snippet(&web::page_base(), l, &options, &name, &script))
    };
    let on_lang = move |ev| {
        let Some(chosen) = Lang::from_name(&event_target_value(&ev)) else {
            return;
        };
        embed_lang.set(chosen);
        if chosen != Lang::En
            && chosen != lang()
            && other.with_untracked(|c| c.as_ref().map(Catalog::lang)) != Some(chosen)
        {
            web::load_catalog(chosen, Box::new(move |catalog| other.set(catalog)));
        }
    };
    let on_headline = move |ev| match Title::new(&event_target_value(&ev)) {
        Ok(title) => {
            headline.set(Some(title));
            headline_error.set(false);
        }
        Err(TitleError::Empty) => {
            headline.set(None);
            headline_error.set(false);
        }
        Err(TitleError::TooLong) => headline_error.set(true),
    };
    let languages = NAMES
        .into_iter()
        .map(|(l, name)| view! { <option value=l.name() lang=l.name() selected=l == lang()>{name}</option> })
        .collect_view();
    let max = TITLE_MAX.to_string();
    let too_long = tf(
        "The headline is longer than {max} characters; the embed keeps the last one that fit.",
        &[("max", &crate::text::num(&max))],
    );
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
            <label for="embed-lang">{t("Language of the article")}</label>
            <select id="embed-lang" on:change=on_lang>{languages}</select>
            <label for="embed-headline">{t("Headline (optional)")}</label>
            <input id="embed-headline" type="text" maxlength=max autocomplete="off"
                prop:value=headline.get_untracked().map(|t| t.as_str().to_string()).unwrap_or_default()
                aria-invalid=move || if headline_error.get() { "true" } else { "false" }
                aria-describedby="embed-headline-error" on:input=on_headline/>
            <p class="error" id="embed-headline-error" aria-live="polite">{move || headline_error.get().then(|| too_long.clone())}</p>
            <label for="embed-theme">{t("Theme")}</label>
            <select id="embed-theme" on:change=move |ev| {
                if let Some(t) = Theme::from_name(&event_target_value(&ev)) { theme.set(t) }
            }>
                <option value="auto">{t("Follow the reader's setting")}</option>
                <option value="light">{t("Light")}</option>
                <option value="dark">{t("Dark")}</option>
            </select>
            <label for="embed-code">{t("Paste this into the article's HTML")}</label>
            <p class="note" id="embed-held" data-held="">{crate::ui::live_text(held)}</p>
            // Code reads left to right in every language.
            <textarea id="embed-code" dir="ltr" readonly rows="6" prop:value=code aria-describedby="embed-held"></textarea>
            <button type="button" on:click=move |_| web::copy(&code(), Box::new(move |ok| copied.set(Some(ok))))>{t("Copy embed code")}</button>
            <span class="status" role="status">{move || match copied.get() {
                Some(true) => t("Embed code copied."),
                Some(false) => t("Copy failed: select the code and copy it."),
                None => "",
            }}</span>
        </section>
    }
}
