//! The page: thin Leptos components over [`crate::model`].

mod app;
mod bar_chart;
mod compare_bar;
mod compare_card;
mod comparison_view;
mod cost_per_btc_card;
mod download_bar;
mod drivers_section;
mod embed_bar;
mod embed_panel;
mod hashrate_field;
mod input_panel;
mod line_chart_svg;
mod live_button;
mod map_frame;
mod map_section;
mod methodology;
mod metric_value;
mod network_card;
mod notice;
mod number_field;
mod per_mw_table;
mod preset_picker;
mod saved_scenarios;
mod share_bar;
mod state;
mod time_section;
mod time_table;
mod tornado_svg;
mod use_embed_height;
mod use_saved_scenarios;
mod use_scenario_url;
mod web;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Replaces the loading placeholder in `#app` with the calculator.
pub fn mount() {
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    root.set_inner_html("");
    let _ = root.set_attribute("data-ready", "");
    leptos::mount::mount_to(root.unchecked_into(), app::App).forget();
}
