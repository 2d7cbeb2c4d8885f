//! The inputs: number fields, pickers and the panel that holds them; each writes the draft.

pub(super) mod backtest_fields;
pub(super) mod hashrate_field;
pub(super) mod input_panel;
pub(super) mod language_picker;
pub(super) mod live_button;
pub(super) mod number_field;
pub(super) mod power_picker;
pub(super) mod power_unit_picker;
pub(super) mod preset_picker;
pub(super) mod site_panel;
