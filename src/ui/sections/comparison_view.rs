//! Two to four scenarios side by side: every figure of each, each side's difference from
//! A, and the better side.

use leptos::prelude::*;

use super::compared_time::ComparedTime;
use crate::model::{evaluate, Link, Metrics};
use crate::text::comparison_table::{card_html, card_title};
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
            Link::Compare(c) => a.with(|a| {
                b.with(|b| {
                    // C's and D's figures, as the link holds them (the inputs edit B).
                    let more: Vec<_> = c.sides().into_iter().skip(2).map(|(_, s)| evaluate(s)).collect();
                    let metrics: Vec<&Metrics> = [a, b].into_iter().chain(&more).collect();
                    card_html(&page, c, &metrics)
                })
            }),
            Link::Single(_) => String::new(),
        })
    };
    let embed = link.with_untracked(|l| l.view().embed);
    view! {
        <section class="card comparison" aria-labelledby="comparison-title" data-comparison="">
            <h2 id="comparison-title">{move || card_title(link.with(|l| match l {
                Link::Compare(c) => c.len(),
                Link::Single(_) => 2,
            }))}</h2>
            {(!embed).then(|| view! { <CompareBar/> })}
            <div inner_html=card></div>
            // An embed's sandbox allows no downloads: on the full page only.
            {(!embed).then(|| view! { <ComparisonDownloads/> })}
        </section>
        // Both sides over time, on the full page (an embed stays compact).
        {(!embed).then(|| view! { <ComparedTime/> })}
    }
}
