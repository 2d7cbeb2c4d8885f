//! The page's first module, without Leptos: from the link, today's figures and the answer
//! (src/text/answer_html.rs) written into `#app` in one `innerHTML`, in the link's language.
//! The Leptos app is a Wasm chunk behind the split point [`app`], asked for as soon as the
//! answer is there; it mounts over the answer in one frame with the same markup
//! ([`super::mount`]). The sections below the first screen are chunks of their own, behind
//! the app's split points (src/ui/lazy.rs).
//!
//! The split point is an `extern "C"` import and a `no_mangle` export that the macro writes:
//! that is why this file may hold unsafe code.
#![allow(unsafe_code)]

use wasm_split_helpers::{wasm_split, SplitLoaderError};

use crate::model::link::comparison::may_compare;
use crate::model::view::Lang;
use crate::model::{evaluate_static_flat, from_query, InvalidKeys, Scenario};
use crate::text::answer_html::answer_html;

/// Everything Leptos: the calculator, mounted over the answer.
#[wasm_split(kwhich_app, fallible)]
fn app() -> Result<(), SplitLoaderError> {
    super::mount();
    Ok(())
}

/// Writes the answer for the page's link, then loads and mounts the app. Arabic and
/// Vietnamese first fetch their messages (English is compiled in); the app finds them
/// installed. A catalog that cannot be had leaves the page in English.
pub fn run() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let search = window.location().search().unwrap_or_default();
    // A's keys, which hold the view: the sides of a comparison are the app's to read (the
    // comparison reader stays out of the first module). `None` for a link that may compare.
    let (scenario, _) = from_query(&search);
    let single = (!may_compare(&search)).then_some(());
    let lang = scenario.view.lang;
    if lang == Lang::En {
        return answer_then_app(single.map(|()| &scenario));
    }
    super::web::load_catalog(
        lang,
        Box::new(move |catalog| {
            if let Some(catalog) = catalog {
                crate::text::install(catalog, scenario.view.latin_digits);
            }
            answer_then_app(single.map(|()| &scenario));
        }),
    );
}

fn answer_then_app(single: Option<&Scenario>) {
    if let Some(scenario) = single {
        write_answer(scenario);
    }
    wasm_bindgen_futures::spawn_local(async {
        // index.html turns an uncaught error before the app mounted into "could not load".
        if app().await.is_err() {
            wasm_bindgen::throw_str("kwhich: the app's chunk could not load");
        }
    });
}

/// The answer of a single scenario, with its theme; a comparison waits for the app.
fn write_answer(scenario: &Scenario) {
    // A price profile (its code is the app's: the first module stays small) waits for the
    // app, as a comparison does.
    if !scenario.profile().is_flat() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = crate::text::lang();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-theme", scenario.view.theme.name());
        let _ = html.set_attribute("lang", lang.name());
        let _ = html.set_attribute("dir", if lang.rtl() { "rtl" } else { "ltr" });
    }
    let html = answer_html(scenario, &evaluate_static_flat(scenario, InvalidKeys::default()));
    if html.is_empty() {
        return;
    }
    if let Some(root) = document.get_element_by_id("app") {
        root.set_inner_html(&html);
        let _ = root.set_attribute("data-answer", "");
    }
}
