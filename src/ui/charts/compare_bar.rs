//! While comparing: swap which side the inputs edit, stop comparing and keep one side, add
//! a scenario C or D (B as it stands, kept while the inputs go on editing B), or take one
//! out.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::Side;
use crate::text::t;
use crate::ui::hooks::state::SessionCtx;
use crate::ui::web;

/// "Swap A and B", "Stop comparing: keep A" (B, and C or D where they are), "Add scenario
/// C" (then D; none past four), "Remove C", "Remove D".
#[component]
pub fn CompareBar() -> impl IntoView {
    let session: SessionCtx = expect_context();
    let sides = move || session.with(|s| s.sides());
    let (four, no_c, no_d) = (move || sides() >= 4, move || sides() < 3, move || sides() < 4);
    // One listener for the buttons, which say what they do in `data-act`: fewer
    // handlers, less Wasm.
    let act = move |ev: leptos::ev::MouseEvent| {
        let act =
            ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.get_attribute("data-act"));
        // Each offers Undo beside "Copy link" (crate::ui::share::share_bar).
        match act.as_deref() {
            Some("swap") => session.swap(),
            Some("add") => session.add_side(),
            Some("remove-c") => session.remove_side(Side::C),
            Some("remove-d") => session.remove_side(Side::D),
            // "a" … "d": stop comparing and keep that side.
            Some(keep) => {
                if let Some(side) = Side::ALL.into_iter().find(|s| s.name() == keep) {
                    session.keep(side);
                    // The focused button goes with the comparison: hand focus to the results.
                    web::focus("results");
                }
            }
            None => {}
        }
    };
    view! {
        <div class="compare-bar" role="group" aria-label=t("Comparison") on:click=act>
            <button type="button" data-act="swap">{t("Swap A and B")}</button>
            <button type="button" data-act="a">{t("Stop comparing: keep A")}</button>
            <button type="button" data-act="b">{t("Stop comparing: keep B")}</button>
            <button type="button" data-act="c" hidden=no_c>{t("Stop comparing: keep C")}</button>
            <button type="button" data-act="d" hidden=no_d>{t("Stop comparing: keep D")}</button>
            <button type="button" data-act="add" hidden=four>
                {move || if sides() == 3 { t("Add scenario D") } else { t("Add scenario C") }}
            </button>
            <button type="button" data-act="remove-c" hidden=no_c>{t("Remove C")}</button>
            <button type="button" data-act="remove-d" hidden=no_d>{t("Remove D")}</button>
        </div>
    }
}
