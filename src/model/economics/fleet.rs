//! The fleet's models (SPEC.md, "Site"): one model at share 1 (the ASIC of `asic`, `th` and
//! `w`), or a `mix` of presets, each with its share of the mining power. Today's figures
//! read the fleet as one machine at the blended efficiency `1 / Σ (s_i / eff_i)`; over time
//! each model idles on its own (the projection sums `s_i · max(0, margin_i) · hours`).

use rust_decimal::Decimal;

use crate::model::error::Quantity as Q;
use crate::model::figure::{add, div, fraction_of_percent, mul, Figure};
use crate::model::site::Mix;
use crate::model::units::{JoulesPerTerahash, TerahashPerSecond, Watts};

/// One model of the fleet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FleetModel {
    /// The preset's id, or `None` for the single model of `th` and `w`.
    pub id: Option<&'static str>,
    /// Its share of the mining power, a fraction (1 for a single model).
    pub share: Decimal,
    /// Its efficiency, J/TH.
    pub eff: Figure<JoulesPerTerahash>,
}

/// Each model of a mix, its share a fraction.
pub fn mix_models(mix: &Mix) -> Vec<FleetModel> {
    mix.models()
        .iter()
        .map(|m| FleetModel {
            id: Some(m.preset.id),
            share: fraction_of_percent(m.share_pct),
            eff: Watts::new(m.preset.w).per_hashrate(TerahashPerSecond::new(m.preset.th)),
        })
        .collect()
}

/// The mix's blended efficiency, `1 / Σ (s_i / eff_i)` (J/TH): the efficiency of one machine
/// that draws the fleet's power and makes its hashrate. Computed as
/// `100 / Σ (share_i · th_i / w_i)`, shares in %; a single model is its own efficiency,
/// exactly (so `mix=s21:100` is `asic=s21` to the last digit).
pub fn blend(mix: &Mix) -> Figure<JoulesPerTerahash> {
    if let [only] = mix.models() {
        return Watts::new(only.preset.w).per_hashrate(TerahashPerSecond::new(only.preset.th));
    }
    let hashrate_per_watt = mix.models().iter().try_fold(Decimal::ZERO, |sum, m| {
        add(sum, div(mul(m.share_pct, m.preset.th)?, m.preset.w, Q::AsicEfficiency)?)
    })?;
    Ok(JoulesPerTerahash::new(div(Decimal::ONE_HUNDRED, hashrate_per_watt, Q::AsicEfficiency)?))
}

/// Model `i`'s revenue per kWh as a multiple of the blend's: `blend / eff_i` (revenue per
/// kWh goes as hashes per joule). Exactly 1 for a single model.
pub fn revenue_ratio(blend: Figure<JoulesPerTerahash>, model: &FleetModel) -> Figure {
    let (blend, eff) = (blend?.get(), model.eff?.get());
    if blend == eff {
        return Ok(Decimal::ONE);
    }
    div(blend, eff, Q::AsicEfficiency)
}
