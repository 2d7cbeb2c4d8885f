//! The decision map: over power and bitcoin prices, which use of a kWh earns most once
//! its capex is counted, with mining's break-even and target lines and the scenario's mark.

use leptos::prelude::*;

use crate::model::analysis::decision_map::{decision_map, mining_wins, winner, MiningWins, MAP_CELLS};
use crate::model::evaluate_static;
use crate::model::view::{Chart, Lang, Section};
use crate::text::embed_facts::source_line;
use crate::text::format::usd;
use crate::text::map_svg::{file_caption, map_svg, MapWords};
use crate::text::paths::path_name;
use crate::text::{lang, n, t, tf};
use crate::ui::charts::chart_downloads::ChartDownloads;
use crate::ui::charts::map_frame::{prices_readout, MapFrame};
use crate::ui::hooks::state::SettledCtx;
use crate::ui::web;

/// The map's own words, in the reader's language.
pub(crate) fn words() -> MapWords {
    MapWords {
        x_title: t("Electricity price, USD per kWh"),
        // Outside English the bitcoin ticks are thousands without a dollar sign.
        y_title: match lang() {
            Lang::En => t("Bitcoin price, USD"),
            _ => t("Bitcoin price, thousands of USD"),
        },
        // Short names: they sit on the map and side by side in its legend.
        paths: [t("Mining"), t("Colocation"), t("GPU cloud")],
        breakeven: t("Mining breaks even"),
        target: t("Mining meets the target cost"),
        point: t("This scenario"),
        shades: t("Darker: a higher all-in margin; palest: the winner loses"),
    }
}

/// What the map shows, under its title.
fn subtitle() -> &'static str {
    t("The path with the highest all-in margin per kWh (after capex), other inputs as set")
}

/// The decision map's card: the finding, the map, its readout and its download.
#[component]
pub fn MapSection(
    /// The map alone (`show=map-chart`): its caption, the map and the source line.
    #[prop(optional)]
    alone: bool,
) -> impl IntoView {
    // The settled scenario (a frame after typing: see use_settled) and today's figures of it,
    // so that the map, its finding and its summary always speak of one scenario.
    let SettledCtx(settled) = expect_context();
    let scenario = Memo::new(move |_| settled.with(|(s, _)| s.clone()));
    let metrics = Memo::new(move |_| settled.with(|(s, invalid)| evaluate_static(s, *invalid)));
    // The grid and how long it took, in whole microseconds (`data-grid-us`, for the
    // benchmark: an integer costs no float formatting in the Wasm).
    let map = Memo::new(move |_| {
        let invalid = settled.with(|(_, invalid)| *invalid);
        let start = web::now();
        let map = scenario.with(|s| decision_map(s, invalid, MAP_CELLS));
        (map, ((web::now() - start) * 1000.0).clamp(0.0, 1e9) as u32)
    });
    let finding = Memo::new(move |_| {
        scenario.with(|s| {
            let power = usd(s.kwh().get(), 3);
            match metrics.with(|m| mining_wins(s, m)) {
                Ok(MiningWins::Above(btc)) => tf(
                    "At {power} per kWh, mining wins above {btc} per BTC",
                    &[("power", &power), ("btc", &usd(btc, 0))],
                ),
                Ok(MiningWins::Always) => {
                    tf("At {power} per kWh, mining wins at any bitcoin price", &[("power", &power)])
                }
                Ok(MiningWins::Never) => {
                    tf("At {power} per kWh, mining wins at no bitcoin price", &[("power", &power)])
                }
                Err(_) => t("The map needs valid inputs to name a winner").to_string(),
            }
        })
    });
    // For screen readers and for everyone: who wins here, and where mining would.
    let summary = move || {
        let here = metrics.with(|m| match winner(m) {
            Ok((path, margin)) => tf(
                "Here {path} wins, {margin} per kWh all-in.",
                &[("path", path_name(path)), ("margin", &usd(margin, 3))],
            ),
            Err(_) => String::new(),
        });
        let wins = scenario.with(|s| match metrics.with(|m| mining_wins(s, m)) {
            Ok(MiningWins::Above(btc)) => {
                tf("Mining wins above {btc} per BTC at today's power price.", &[("btc", &usd(btc, 0))])
            }
            Ok(MiningWins::Always) => t("Mining wins at any bitcoin price at today's power price.").to_string(),
            Ok(MiningWins::Never) => t("Mining wins at no bitcoin price at today's power price.").to_string(),
            Err(_) => String::new(),
        });
        match (here.is_empty(), wins.is_empty()) {
            (false, false) => [here, wins].join(" "),
            _ => here + &wins,
        }
    };
    // The readout opens on the scenario itself, not on the grid cell nearest to it.
    let here = Memo::new(move |_| {
        let text = scenario.with(|s| {
            metrics.with(|m| {
                let mining = m.get(crate::model::Path::Mining.allin_margin());
                prices_readout(s.kwh().get(), s.btc().get(), winner(m), mining)
            })
        });
        tf("{point}: {readout}", &[("point", t("This scenario")), ("readout", &text)])
    });
    let source = move || scenario.with(crate::text::time_charts::source_line);
    let svg = Memo::new(move |_| {
        map.with(|(m, _)| match m {
            Ok(m) => {
                let mut text = finding.with(|f| file_caption(f, subtitle(), &source()));
                text.push_str(&map_svg(m, &words()));
                text
            }
            Err(_) => String::new(),
        })
    });
    if alone {
        return view! {
            <figure class="chart wide alone" data-section=Chart::Map.name()>
                <figcaption class="chart-caption">
                    <strong>{move || finding.get()}</strong>" "
                    <span>{subtitle()}</span>
                </figcaption>
                <MapFrame map=map svg=svg summary=finding here=here/>
                <p class="note chart-source-line">{move || scenario.with(source_line)}</p>
            </figure>
        }
        .into_any();
    }
    view! {
        <section class="card map" aria-labelledby="map-title" data-section=Section::Map.name()>
            <h2 id="map-title">{t("Decision map")}</h2>
            <p class="answer" id="map-summary" data-grid-us=move || map.with(|m| m.1)>{summary}</p>
            <p class="note" data-map-own=move || scenario.with(|s| s.own().name())>
                {move || crate::text::site::map_kind(scenario.with(|s| s.own()))}
            </p>
            <figure class="chart wide">
                <figcaption class="chart-caption">
                    <strong>{move || finding.get()}</strong>" "
                    <span>{subtitle()}</span>
                </figcaption>
                <MapFrame map=map svg=svg summary=finding here=here/>
            </figure>
            <div class="downloads">
                <ChartDownloads id="decision-map" svg_label=n!("Map (SVG)")/>
            </div>
        </section>
    }
    .into_any()
}
