//! The page's sections and cards: each reads the scenario's figures and lays them out.

pub(super) mod compare_card;
pub(super) mod comparison_view;
pub(super) mod cost_per_btc_card;
pub(super) mod drivers_section;
pub(super) mod history_section;
pub(super) mod map_section;
pub(super) mod methodology;
pub(super) mod metric_value;
pub(super) mod network_card;
pub(super) mod notice;
pub(super) mod per_mw_table;
pub(super) mod time_section;
pub(super) mod time_table;
