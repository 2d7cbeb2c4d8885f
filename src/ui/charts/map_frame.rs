//! The map itself, one tab stop: the cells set as one SVG string (1,600 reactive elements
//! would slow every keystroke), a ring on the cell under the pointer or the arrow keys, and
//! a live readout of that cell's figures.

use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use crate::model::analysis::decision_map::{DecisionMap, MapCell};
use crate::model::error::ModelError;
use crate::model::Path;
use crate::text::format::usd;
use crate::text::map_svg::{heatmap, CELL, PAGE_VIEW, PLOT};
use crate::text::paths::path_name;

/// The width of [`PAGE_VIEW`], in map units.
const PAGE_WIDTH: f64 = 2600.0;
use crate::text::{t, tf};

/// A cell's figures as one sentence.
fn readout(c: &MapCell) -> String {
    prices_readout(c.kwh, c.btc, c.best, c.mining)
}

/// What wins at a power price and a bitcoin price, and by how much, as one sentence: a
/// cell's, or the scenario's own.
pub fn prices_readout(
    kwh: Decimal,
    btc: Decimal,
    best: Result<(Path, Decimal), ModelError>,
    mining: Result<Decimal, ModelError>,
) -> String {
    let (kwh, btc) = (usd(kwh, 4), usd(btc, 0));
    match (best, mining) {
        // When mining wins, its margin is the winner's: said once.
        (Ok((Path::Mining, best)), Ok(_)) => tf(
            "At {kwh} per kWh and {btc} per BTC, mining wins: {best} per kWh all-in.",
            &[("kwh", &kwh), ("btc", &btc), ("best", &usd(best, 3))],
        ),
        (Ok((path, best)), Ok(mining)) => tf(
            "At {kwh} per kWh and {btc} per BTC, {path} wins: {best} per kWh all-in (mining {mining}).",
            &[
                ("kwh", &kwh),
                ("btc", &btc),
                ("path", path_name(path)),
                ("best", &usd(best, 3)),
                ("mining", &usd(mining, 3)),
            ],
        ),
        _ => {
            tf("At {kwh} per kWh and {btc} per BTC, no winner: an input is not valid.", &[("kwh", &kwh), ("btc", &btc)])
        }
    }
}

/// The cell `(i, j)` moved by a key, inside an `n × n` grid; `None` for other keys.
fn moved((i, j): (usize, usize), key: &str, n: usize) -> Option<(usize, usize)> {
    let last = n.saturating_sub(1);
    Some(match key {
        "ArrowLeft" => (i.saturating_sub(1), j),
        "ArrowRight" => ((i + 1).min(last), j),
        "ArrowUp" => (i, (j + 1).min(last)),
        "ArrowDown" => (i, j.saturating_sub(1)),
        "Home" => (0, j),
        "End" => (last, j),
        "PageUp" => (i, last),
        "PageDown" => (i, 0),
        _ => return None,
    })
}

/// The decision map with its focus ring and readout.
#[component]
pub fn MapFrame(
    /// The grid (and the microseconds it took), recomputed as the scenario changes.
    map: Memo<(Result<DecisionMap, ModelError>, u32)>,
    /// The cells, lines, axes and legend as SVG markup.
    svg: Memo<String>,
    /// The finding, for screen readers: "At $0.050 per kWh, mining wins above …".
    summary: Memo<String>,
    /// The scenario's own figures as the readout says them: what it opens on, and shows
    /// again when the pointer leaves the map.
    here: Memo<String>,
) -> impl IntoView {
    // The cell under the pointer, a finger or the arrow keys; none until one moves.
    let active = RwSignal::new(None::<(usize, usize)>);
    let with_map = move |f: &dyn Fn(&DecisionMap) -> Option<String>| map.with(|(m, _)| m.as_ref().ok().and_then(f));
    let text = move || match active.get() {
        Some((i, j)) => with_map(&|m| m.cell(i, j).map(readout)).unwrap_or_else(|| summary.get()),
        None => here.get(),
    };
    let ring = move || {
        let (i, j) = active.get()?;
        let rect = map.with(|(m, _)| heatmap(m.as_ref().ok()?)?.cell(i, j))?.rect;
        Some(view! { <rect class="ring" x=rect.x y=rect.y width=rect.width height=rect.height></rect> })
    };
    let on_key = move |ev: KeyboardEvent| {
        let n = map.with_untracked(|(m, _)| m.as_ref().map_or(0, |m| m.n));
        let from = active.get_untracked().or_else(|| map.with_untracked(|(m, _)| m.as_ref().ok()?.point_cell()));
        if let Some(next) = moved(from.unwrap_or((0, 0)), &ev.key(), n) {
            ev.prevent_default();
            active.set(Some(next));
        }
    };
    // The cell under the pointer or finger, from where it is on the map (a label or a line
    // drawn over a cell does not hide it); outside the cells the readout shows the scenario.
    let on_pointer = move |ev: PointerEvent| {
        let Some(frame) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let rect = frame.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        // The map is drawn PAGE_WIDTH units wide, as wide as the frame.
        let scale = PAGE_WIDTH / rect.width();
        let x = (f64::from(ev.client_x()) - rect.left()) * scale - f64::from(PLOT.x);
        let y = (f64::from(ev.client_y()) - rect.top()) * scale - f64::from(PLOT.y);
        let n = map.with_untracked(|(m, _)| m.as_ref().map_or(0, |m| m.n));
        let inside = x >= 0.0 && y >= 0.0 && x < f64::from(PLOT.width) && y < f64::from(PLOT.height);
        let cell = |v: f64| (v / f64::from(CELL)) as usize;
        let at = inside.then(|| (cell(x), n.saturating_sub(1).saturating_sub(cell(y))));
        active.set(at.filter(|(i, _)| *i < n));
    };
    view! {
        <div class="map-frame" tabindex="0" role="group" aria-describedby="map-readout"
            aria-label=t("Decision map: the arrow keys move from cell to cell")
            on:keydown=on_key on:pointermove=on_pointer on:pointerdown=on_pointer
            on:pointerleave=move |ev: PointerEvent| if ev.pointer_type() == "mouse" { active.set(None) }>
            <svg class="decision-map" data-chart="decision-map" viewBox=PAGE_VIEW role="img" direction="ltr"
                aria-label=move || summary.get() xmlns="http://www.w3.org/2000/svg" inner_html=move || svg.get()>
            </svg>
            <svg class="map-overlay" viewBox=PAGE_VIEW aria-hidden="true" direction="ltr">{ring}</svg>
        </div>
        <p class="map-readout" id="map-readout" aria-live="polite">{text}</p>
    }
}
