//! The decision map: over power and bitcoin prices, which use of a kWh earns most once
//! its capex is counted, with mining's break-even and target lines and the scenario's mark.

use leptos::prelude::*;

use super::download_bar::download_chart;
use super::map_frame::MapFrame;
use super::state::{DraftCtx, MetricsCtx, ScenarioCtx};
use super::time_section::path_name;
use super::web;
use crate::model::decision_map::{decision_map, mining_wins, winner, MiningWins, MAP_CELLS};
use crate::model::draft::Draft;
use crate::model::format::usd;
use crate::model::map_svg::{file_caption, map_svg, MapWords, FILE_VIEW, PAGE_VIEW};
use crate::model::view::Section;
use crate::model::{to_query, SNAPSHOT_DATE};

/// The map's own words.
pub const WORDS: MapWords = MapWords {
    x_title: "Electricity price, USD per kWh",
    y_title: "Bitcoin price, USD",
    paths: ["Mining", "AI colocation", "GPU cloud"],
    breakeven: "Mining breaks even",
    target: "Mining meets the target cost",
    point: "This scenario",
    shades: "Darker: a higher all-in margin; palest: the winner loses money",
};

const SUBTITLE: &str = "The path with the highest all-in margin per kWh (after capex), other inputs as set";

/// The decision map's card: the finding, the map, its readout and its download.
#[component]
pub fn MapSection() -> impl IntoView {
    let ScenarioCtx(scenario) = expect_context();
    let MetricsCtx(metrics) = expect_context();
    let DraftCtx(draft) = expect_context();
    // The grid and how long it took, in whole microseconds (`data-grid-us`, for the
    // benchmark: an integer costs no float formatting in the Wasm).
    let map = Memo::new(move |_| {
        let invalid = draft.with(Draft::invalid_keys);
        let start = web::now();
        let map = scenario.with(|s| decision_map(s, invalid, MAP_CELLS));
        (map, ((web::now() - start) * 1000.0).clamp(0.0, 1e9) as u32)
    });
    let finding = Memo::new(move |_| {
        scenario.with(|s| {
            let power = usd(s.kwh().get(), 3);
            match metrics.with(|m| mining_wins(s, m)) {
                Ok(MiningWins::Above(btc)) => {
                    format!("At {power} per kWh, mining wins above {} per BTC", usd(btc, 0))
                }
                Ok(MiningWins::Always) => format!("At {power} per kWh, mining wins at any bitcoin price"),
                Ok(MiningWins::Never) => format!("At {power} per kWh, mining wins at no bitcoin price"),
                Err(_) => "The map needs valid inputs to name a winner".to_string(),
            }
        })
    });
    // For screen readers and for everyone: who wins here, and where mining would.
    let summary = move || {
        let here = metrics.with(|m| match winner(m) {
            Ok((path, margin)) => format!("Here {} wins, {} per kWh all-in. ", path_name(path), usd(margin, 3)),
            Err(_) => String::new(),
        });
        let wins = scenario.with(|s| match metrics.with(|m| mining_wins(s, m)) {
            Ok(MiningWins::Above(btc)) => format!("Mining wins above {} per BTC at today's power price.", usd(btc, 0)),
            Ok(MiningWins::Always) => "Mining wins at any bitcoin price at today's power price.".to_string(),
            Ok(MiningWins::Never) => "Mining wins at no bitcoin price at today's power price.".to_string(),
            Err(_) => String::new(),
        });
        here + &wins
    };
    let source = move || {
        scenario.with(|s| format!("Source: kWhich, network snapshot {SNAPSHOT_DATE}; scenario ?{}", to_query(s)))
    };
    let svg = Memo::new(move |_| {
        map.with(|(m, _)| match m {
            Ok(m) => {
                let mut text = finding.with(|f| file_caption(f, SUBTITLE, &source()));
                text.push_str(&map_svg(m, &WORDS));
                text
            }
            Err(_) => String::new(),
        })
    });
    let download = move |_| scenario.with_untracked(|s| download_chart(s, "decision-map", PAGE_VIEW, FILE_VIEW));
    view! {
        <section class="card map" aria-labelledby="map-title" data-section=Section::Map.name()>
            <h2 id="map-title">"Decision map"</h2>
            <p class="answer" id="map-summary" data-grid-us=move || map.with(|m| m.1)>{summary}</p>
            <figure class="chart wide">
                <figcaption class="chart-caption">
                    <strong>{move || finding.get()}</strong>" "
                    <span>{SUBTITLE}</span>
                </figcaption>
                <MapFrame map=map svg=svg summary=finding/>
            </figure>
            <div class="downloads">
                <button type="button" on:click=download>"Map (SVG)"</button>
            </div>
        </section>
    }
}
