//! The few browser calls the page makes, in one place.

use wasm_bindgen::prelude::*;

use crate::model::view::Lang;
use crate::text::Catalog;

#[wasm_bindgen(inline_js = "
export function copy_text(text, done) {
  const ok = () => done(true), fail = () => done(false);
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(ok, fail);
  } else { fail(); }
}
export function post_height(id) {
  if (window.parent === window) return;
  const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ id: id, height: h }, '*');
}
export function register_worker() {
  // sw.js comes from scripts/post-build.mjs. './' resolves against the page, so a build
  // under a sub-path registers its own worker, scoped to that path. No worker, no offline.
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('./sw.js').catch(() => {});
}
export function fetch_text(path, done) {
  // A file of this build (a language's messages), relative to the page's base, as any
  // other file of the build: the service worker answers it offline.
  fetch(new URL(path, document.baseURI).href)
    .then((r) => (r.ok ? r.text() : undefined))
    .then((text) => done(text), () => done(undefined));
}
export function now() { return performance.now(); }
let lastPush = 0;
export function write_query(query, replace) {
  // A settled change is a history entry, so Back returns to the scenario before it; a
  // change within a second of the last entry joins it (a preset, then a field left).
  if (location.search === '?' + query) return;
  const url = location.pathname + '?' + query + location.hash, now = Date.now();
  if (replace || now - lastPush < 1000) history.replaceState(null, '', url);
  else { history.pushState(null, '', url); lastPush = now; }
}
export function on_history(f) { window.addEventListener('popstate', () => f(location.search)); }
export function watch_height(id) {
  let last = -1, timer = 0;
  const send = () => {
    const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== last) { last = h; post_height(id); }
  };
  new ResizeObserver(send).observe(document.documentElement);
  const later = () => { clearTimeout(timer); timer = setTimeout(send, 60); };
  new MutationObserver(later).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  if (document.fonts) document.fonts.ready.then(later);
  addEventListener('load', later);
  addEventListener('message', (e) => {
    if (e.source === parent && e.data === 'kwhich:height?') post_height(id);
  });
}
export function embed_script() {
  const meta = document.querySelector('meta[name=kwhich-embed]');
  return meta ? meta.content : '';
}
")]
extern "C" {
    /// Copies `text`; `done(true)` once the clipboard holds it, `done(false)` if refused.
    fn copy_text(text: &str, done: &JsValue);
    /// Makes the page work offline after this visit (not in an embed: see App).
    pub fn register_worker();
    /// Fetches a file of this build as text: `done(undefined)` when it cannot be had.
    fn fetch_text(path: &str, done: &JsValue);
    /// Reports this document's height to the embedding page whenever it changes, once per
    /// height, and whenever the page's resize script asks. A ResizeObserver reports after
    /// layout (its first callback: no report of a half-mounted page); but Chromium renders
    /// no cross-origin frame that is off-screen, and runs no observer there, so an embed
    /// below the fold would keep its first height: a MutationObserver (a chunk's section,
    /// a figure), the fonts and the load event also report, from a timer once changes
    /// settle, which runs in such a frame. (No comments in the JS: it is in the first load.)
    pub fn watch_height(id: &str);
    /// The `content` of `<meta name="kwhich-embed">`, which scripts/post-build.mjs writes:
    /// the hashed resize script's name and integrity (`ResizeScript::from_meta` reads it),
    /// or "".
    pub fn embed_script() -> String;
    /// Milliseconds from `performance.now()`, for timing the page's own work.
    pub fn now() -> f64;
    /// Writes `query` into the address bar: a new history entry, or in place of the current
    /// one when `replace` (the opening link) or within a second of the last entry.
    pub fn write_query(query: &str, replace: bool);
    #[wasm_bindgen(js_name = on_history)]
    fn on_history_js(f: &JsValue);
}

/// Calls `f` with `location.search` whenever the reader goes Back or Forward.
pub fn on_history(f: Box<dyn Fn(String)>) {
    on_history_js(&Closure::wrap(f).into_js_value());
}

/// Copies `text` to the clipboard and calls `done` with whether it worked.
pub fn copy(text: &str, done: Box<dyn FnOnce(bool)>) {
    // One boxed closure type for every caller: one instantiation in the Wasm.
    let callback = Closure::once_into_js(done);
    copy_text(text, &callback);
}

/// The API's address for "Use today's network", as the build wrote it
/// (`<meta name="kwhich-api">`, scripts/post-build.mjs); `None` without one.
pub fn api_base() -> Option<String> {
    let meta = leptos::prelude::document().query_selector("meta[name=kwhich-api]").ok().flatten()?;
    meta.get_attribute("content")
}

/// A language's catalog (`lang/ar.txt`), read and kept for the page's life; `done` gets
/// `None` when it cannot be fetched or read.
pub fn load_catalog(lang: Lang, done: Box<dyn FnOnce(Option<Catalog>)>) {
    let path = ["lang/", lang.name(), ".txt"].concat();
    let read = move |text: Option<String>| {
        // Read once and kept until the page goes: leaking gives the `&'static str`s that
        // every message is.
        let catalog = text.and_then(|text| Catalog::parse(lang, String::leak(text)).ok());
        done(catalog);
    };
    fetch_text(&path, &Closure::once_into_js(read));
}

/// The page's own address without its query: where share links point.
pub fn page_base() -> String {
    let location = leptos::prelude::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// The embed's id, from the `#fragment` the snippet put on the iframe's address.
pub fn embed_id() -> String {
    let hash = leptos::prelude::window().location().hash().unwrap_or_default();
    hash.trim_start_matches('#').to_string()
}

/// Offers `content` to the reader as a file named `name`, of type `mime`.
pub fn download(name: &str, mime: &str, content: &str) {
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(content, Some(mime)));
    let document = leptos::prelude::document();
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", name);
        if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
            link.click();
        }
    }
    // The address stays valid until the browser has started the download.
    leptos::prelude::set_timeout(move || drop(url), std::time::Duration::from_secs(30));
}

/// Moves the keyboard focus to the element with `id` (one that takes focus), if it exists.
pub fn focus(id: &str) {
    if let Some(el) = leptos::prelude::document().get_element_by_id(id) {
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// Asks for a line of text with the browser's own dialog, offering `default`; `None` when
/// the person cancels (or the browser shows no dialogs).
pub fn ask(message: &str, default: &str) -> Option<String> {
    leptos::prelude::window().prompt_with_message_and_default(message, default).ok().flatten()
}
