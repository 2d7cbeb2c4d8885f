//! Scenarios kept in this browser: save the scenario (or comparison) on screen under a name,
//! and the list of kept ones, to open, rename or delete.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::edit::saved::{clean_name, keep, name_of, Saved};
use crate::model::Link;
use crate::text::saved::{default_name, list_html, store_error};
use crate::text::{t, tf};
use crate::ui::hooks::state::LinkCtx;
use crate::ui::hooks::use_saved_scenarios::use_saved_scenarios;
use crate::ui::web;

/// "Save this scenario", what became of it, and the list. Mounted when the panel opens, so
/// it reads the list afresh. Names are asked with the browser's own dialog: accessible
/// everywhere, and no form to carry in the Wasm.
#[component]
pub fn SavedScenarios() -> impl IntoView {
    let LinkCtx(link) = expect_context();
    let store = use_saved_scenarios();
    let done = RwSignal::new(String::new());
    // The entry last deleted and where it stood, until the next change: "Undo" puts it back.
    let deleted = RwSignal::new(None::<(usize, Saved)>);
    let comparing = move || link.with(|l| matches!(l, Link::Compare(_)));
    let save = move |_| {
        let query = link.with_untracked(Link::to_query);
        // Saved already: offered its own name, and saving again renames that entry.
        let suggested = store
            .list
            .with_untracked(|l| name_of(l, &query).map_or_else(|| default_name(l, comparing()), str::to_string));
        let ask = if comparing() { t("Name this comparison") } else { t("Name this scenario") };
        let Some(name) = web::ask(ask, &suggested).map(|n| clean_name(&n)) else { return };
        let name = if name.is_empty() { suggested } else { name };
        let mut updated = false;
        if store.change(|list| updated = keep(list, name.clone(), query)) {
            deleted.set(None);
            let args = [("name", name.as_str())];
            done.set(match updated {
                true => tf("Updated “{name}” in this browser.", &args),
                false => tf("Saved “{name}” in this browser.", &args),
            });
        }
    };
    // The list is one string; its buttons say what they do in `data-act` and `data-i`.
    let on_list = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let i = button.get_attribute("data-i").and_then(|i| i.parse::<usize>().ok());
        let Some(item) = i.and_then(|i| store.list.with_untracked(|l| l.get(i).cloned())) else { return };
        let rename = button.get_attribute("data-act").as_deref() == Some("rename");
        let name = if rename { web::ask(t("New name"), &item.name).map(|n| clean_name(&n)) } else { None };
        if rename && name.as_ref().is_none_or(String::is_empty) {
            return;
        }
        let mut removed = None;
        let changed = store.change(|list| {
            let at = list.iter().position(|s| *s == item);
            removed = at.filter(|_| !rename);
            match (name, at.and_then(|at| list.get_mut(at))) {
                (Some(name), Some(entry)) => entry.name = name,
                (None, Some(_)) => drop(at.map(|at| list.remove(at))),
                (_, None) => {}
            }
        });
        if changed {
            deleted.set(removed.map(|at| (at, item)));
            done.set(String::new());
        }
        if changed && !rename {
            // The focused button went with its entry.
            web::focus("save-here");
        }
    };
    let undo = move |_| {
        let Some((at, item)) = deleted.get_untracked() else { return };
        if store.change(|list| list.insert(at.min(list.len()), item)) {
            deleted.set(None);
            done.set(String::new());
        }
    };
    let undo_offer = move || {
        deleted.with(|d| d.as_ref().map(|(_, item)| tf("Deleted “{name}”.", &[("name", &item.name)]))).map(|said| {
            view! { <span data-undo="">{said}" "<button type="button" on:click=undo>{t("Undo")}</button></span> }
        })
    };
    let page = web::page_base();
    let items = move || store.list.with(|l| list_html(l, &page));
    let status = move || store.problem.get().map_or_else(|| done.get(), |p| store_error(&p).to_string());
    view! {
        <section class="card saved-panel" aria-labelledby="saved-title">
            <h2 id="saved-title">{t("Saved in this browser")}</h2>
            <p><button type="button" id="save-here" on:click=save>
                {move || if comparing() { t("Save this comparison") } else { t("Save this scenario") }}
            </button></p>
            <p class="status" role="status" class:problem=move || store.problem.with(Option::is_some)>{status}{undo_offer}</p>
            <ul class="saved-list" on:click=on_list inner_html=items></ul>
        </section>
    }
}
