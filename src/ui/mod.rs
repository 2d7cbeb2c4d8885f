//! The page: thin Leptos components over [`crate::model`].

mod app;
pub mod boot;
mod charts;
mod fields;
mod hooks;
mod lazy;
mod live_request;
mod sections;
mod share;
mod web;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::view::Lang;
use crate::text::t;

/// Text that follows what `text` reads. Every caller shares one rendering path: a closure
/// given to a view directly is a type of its own, and each costs its own copy of Leptos's
/// rendering code in the Wasm.
pub fn live_text(text: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    boxed_text(Box::new(text))
}

fn boxed_text(text: Box<dyn Fn() -> String + Send + Sync>) -> impl IntoView {
    move || text()
}

/// Replaces the loading placeholder in `#app` with the calculator, in the link's language:
/// Arabic and Vietnamese first fetch their messages (English is compiled in). A catalog that
/// cannot be had leaves the page in English, and says so in `<html lang>`.
pub fn mount() {
    let search = window().location().search().unwrap_or_default();
    let view = *crate::model::from_link(&search).0.view();
    let lang = view.lang;
    // The boot module (boot.rs) has installed the link's catalog already when it could.
    if lang == Lang::En || crate::text::lang() == lang {
        return start();
    }
    web::load_catalog(
        lang,
        Box::new(move |catalog| {
            if let Some(catalog) = catalog {
                crate::text::install(catalog, view.latin_digits);
            }
            start();
        }),
    );
}

/// Sets the document's language, direction, title and description, then mounts.
fn start() {
    let lang = crate::text::lang();
    let document = document();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.name());
        let _ = html.set_attribute("dir", if lang.rtl() { "rtl" } else { "ltr" });
    }
    if lang != Lang::En {
        document.set_title(t("kWhich: what a kWh earns mining bitcoin, and leased to AI"));
        if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
            let description = t("Revenue and margin per kilowatt-hour for bitcoin mining, AI colocation and GPU cloud, the cost to mine one BTC, and payback per MW.");
            let _ = meta.set_attribute("content", description);
        }
    }
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    // The answer the boot module wrote (boot.rs) goes in the same frame the app renders.
    root.set_inner_html("");
    let _ = root.remove_attribute("data-answer");
    let _ = root.set_attribute("data-ready", "");
    leptos::mount::mount_to(root.unchecked_into(), app::App).forget();
}
