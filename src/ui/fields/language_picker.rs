//! The page's language, kept in the link: choosing one opens the same link with its `lang=`.

use leptos::prelude::*;

use crate::model::view::Lang;
use crate::text::{lang, t};
use crate::ui::hooks::state::LinkCtx;

/// Each language under its own name, so a reader finds theirs whatever the page's.
pub const NAMES: [(Lang, &str); 3] = [(Lang::En, "English"), (Lang::Ar, "العربية"), (Lang::Vi, "Tiếng Việt")];

/// Where a change of language leaves word, for the reloaded page, to focus the picker.
const FOCUS_KEY: &str = "kwhich:focus-language";

/// A select of the three languages. The page reloads in the one chosen (a language's
/// messages load before the page mounts), with every figure and input as before.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let LinkCtx(link) = expect_context();
    let current = lang();
    let on_change = move |ev| {
        let Some(chosen) = Lang::from_name(&event_target_value(&ev)) else {
            return;
        };
        let mut next = link.get_untracked();
        let mut view = *next.view();
        view.lang = chosen;
        next.set_view(view);
        // The page reloads in the new language; the picker takes the focus back there
        // (the tab's session storage carries the wish; nothing is kept beyond the tab).
        if let Ok(Some(session)) = window().session_storage() {
            let _ = session.set_item(FOCUS_KEY, "1");
        }
        let _ = window().location().set_search(&next.to_query());
    };
    if let Ok(Some(session)) = window().session_storage() {
        if session.get_item(FOCUS_KEY).ok().flatten().is_some() {
            let _ = session.remove_item(FOCUS_KEY);
            request_animation_frame(|| crate::ui::web::focus("lang-select"));
        }
    }
    let options = NAMES
        .into_iter()
        .map(|(l, name)| {
            // Each name in its own language and direction, inside a page in another.
            view! { <option value=l.name() lang=l.name() selected=l == current>{name}</option> }
        })
        .collect_view();
    view! {
        <div class="language">
            <label for="lang-select">{t("Language")}</label>
            <select id="lang-select" on:change=on_change>{options}</select>
        </div>
    }
}
