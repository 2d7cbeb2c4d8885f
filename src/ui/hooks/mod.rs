//! State and effects the components share: contexts, the link in the address bar, timers.

pub(super) mod state;
pub(super) mod use_embed_height;
pub(super) mod use_saved_scenarios;
pub(super) mod use_scenario_url;
pub(super) mod use_settled;
