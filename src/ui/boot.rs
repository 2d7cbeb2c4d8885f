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

use crate::model::view::Lang;
use crate::model::{evaluate_static, InvalidKeys};
use crate::model::{from_link, Link};
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
    let (link, _) = from_link(&search);
    let lang = link.view().lang;
    if lang == Lang::En {
        return answer_then_app(&link);
    }
    super::web::load_catalog(
        lang,
        Box::new(move |catalog| {
            if let Some(catalog) = catalog {
                crate::text::install(catalog);
            }
            answer_then_app(&link);
        }),
    );
}

fn answer_then_app(link: &Link) {
    write_answer(link);
    wasm_bindgen_futures::spawn_local(async {
        // index.html turns an uncaught error before the app mounted into "could not load".
        if app().await.is_err() {
            wasm_bindgen::throw_str("kwhich: the app's chunk could not load");
        }
    });
}

/// The answer of a single scenario, with its theme; a comparison waits for the app.
fn write_answer(link: &Link) {
    let Link::Single(scenario) = link else {
        return;
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = crate::text::lang();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-theme", scenario.view.theme.name());
        let _ = html.set_attribute("lang", lang.name());
        let _ = html.set_attribute("dir", if lang.rtl() { "rtl" } else { "ltr" });
    }
    let html = answer_html(scenario, &evaluate_static(scenario, InvalidKeys::default()));
    if html.is_empty() {
        return;
    }
    if let Some(root) = document.get_element_by_id("app") {
        root.set_inner_html(&html);
        let _ = root.set_attribute("data-answer", "");
    }
}
