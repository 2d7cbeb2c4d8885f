//! Two scenarios side by side: every figure of A and of B, B − A, and the better side.

use leptos::prelude::*;

use crate::model::{evaluate, Link};
use crate::text::comparison_table::card_html;
use crate::text::t;
use crate::ui::charts::compare_bar::CompareBar;
use crate::ui::hooks::state::{LinkCtx, MetricsCtx, SessionCtx};
use crate::ui::share::download_bar::ComparisonDownloads;
use crate::ui::web;

/// A and B with the differences and each side's own link, in the sections the view shows;
/// on the full page, with the controls to swap the sides or stop comparing, and the
/// comparison's downloads.
#[component]
pub fn ComparisonView() -> impl IntoView {
    let LinkCtx(link) = expect_context();
    let session: SessionCtx = expect_context();
    let MetricsCtx(b) = expect_context();
    // A's figures; B's stand in for the moment nothing is pinned, as the view goes.
    let a = Memo::new(move |_| session.with(|s| s.pinned().map(evaluate)).unwrap_or_else(|| b.get()));
    let page = web::page_base();
    // One string for the text, the links and the table: a component per cell would cost
    // the Wasm several times as much. B's figures mark its invalid inputs as the page does.
    let card = move || {
        link.with(|l| match l {
            Link::Compare(c) => a.with(|a| b.with(|b| card_html(&page, c, a, b))),
            Link::Single(_) => String::new(),
        })
    };
    let embed = link.with_untracked(|l| l.view().embed);
    view! {
        <section class="card comparison" aria-labelledby="comparison-title" data-comparison="">
            <h2 id="comparison-title">{t("A and B side by side")}</h2>
            {(!embed).then(|| view! { <CompareBar/> })}
            <div inner_html=card></div>
            // An embed's sandbox allows no downloads: on the full page only.
            {(!embed).then(|| view! { <ComparisonDownloads/> })}
        </section>
    }
}
