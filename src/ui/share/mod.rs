//! What leaves the page: links, embeds, downloads and saved scenarios.

pub(super) mod download_bar;
pub(super) mod embed_bar;
pub(super) mod embed_panel;
pub(super) mod saved_scenarios;
pub(super) mod share_bar;
