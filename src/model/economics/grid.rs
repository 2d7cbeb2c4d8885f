//! The all-in margins of many scenarios that differ only in the power price and the
//! bitcoin price (the decision map's cells), without evaluating each from scratch: what
//! depends on neither is computed once, what depends on the bitcoin price once per row,
//! what depends on the power price once per column, and each cell ends with the same
//! checked operations, in the same order, as [`super::metrics::evaluate_static`]. So every figure is
//! the evaluator's own, digit for digit and error for error.

use rust_decimal::Decimal;

use crate::model::error::ModelError;
use crate::model::fields::Key;
use crate::model::scenario::Scenario;
use crate::model::units::UsdPerBtc;

use super::capex::{capexes, Allin};
use super::inputs::{Inputs, InvalidKeys};
use super::margins::{breakeven_power, energy_per_btc, target_max_power, Fixed, Moving};
use super::profile::{allin_as_before, flat_allin, mining_allin, mining_with, scaled_of, Scaled};
use crate::model::figure::Figure;

/// What no cell's two keys move.
pub struct MapGrid<'a> {
    scenario: &'a Scenario,
    invalid: InvalidKeys,
    allin: Allin,
    /// Colocation's all-in margin: its lease and capex move with neither price.
    colo: Figure,
    /// GPU revenue per kWh: rental price, utilisation and power per GPU only.
    gpu_revenue: Figure,
    /// Mining's capex per MW (neither price moves it), for the all-in margin with a price
    /// profile or a demand-response credit.
    mining_capex: Figure,
    /// True with a flat price and no credit: mining's all-in margin as before.
    as_before: bool,
}

/// What one bitcoin price gives.
pub struct MapRow {
    /// Mining revenue per kWh.
    revenue: Figure,
    /// `breakeven_power_price_usd_per_kwh`.
    pub breakeven: Figure,
    /// `target_max_power_price_usd_per_kwh`.
    pub target: Figure,
}

/// What one power price gives.
pub struct MapColumn {
    fixed: Fixed,
    gpu: Figure,
    /// The scenario at this power price, and its profile scaled to it (Power by the hour:
    /// each cell decides its running buckets at its own revenue).
    at: Scenario,
    scaled: Option<Figure<Scaled>>,
}

impl<'a> MapGrid<'a> {
    /// The grid over `scenario`, reading it through `invalid` (which should not hold `kwh`
    /// or `btc`: every cell sets both).
    pub fn new(scenario: &'a Scenario, invalid: InvalidKeys) -> Self {
        let i = Inputs::new(scenario, invalid);
        let fixed = Fixed::new(&i);
        let margins = fixed.margins(&Moving::now(&i));
        let capex = capexes(&i, fixed.eff);
        let allin = Allin::new(&i, capex);
        let colo = allin.colo(margins.colo_margin);
        let as_before = allin_as_before(scenario);
        MapGrid { scenario, invalid, allin, colo, gpu_revenue: margins.gpu_revenue, mining_capex: capex[0], as_before }
    }

    /// The scenario with `key` at `value`, or why not.
    fn with(&self, key: Key, value: Decimal) -> Result<Scenario, ModelError> {
        let mut at = self.scenario.clone();
        at.set(key, Some(value)).map_err(|_| ModelError::InvalidInput(key))?;
        Ok(at)
    }

    /// Row figures at bitcoin price `btc`.
    pub fn row(&self, btc: Decimal) -> Result<MapRow, ModelError> {
        let at = self.with(Key::Btc, btc)?;
        let i = Inputs::new(&at, self.invalid);
        let fixed = Fixed::new(&i);
        let m = fixed.margins(&Moving::now(&i));
        let energy = energy_per_btc(&fixed, m.hashprice_btc);
        let target = target_max_power(i.tgt().map(UsdPerBtc::get), energy, fixed.opx);
        Ok(MapRow { revenue: m.revenue, breakeven: breakeven_power(m.revenue, fixed.opx), target })
    }

    /// Column figures at power price `kwh`.
    pub fn column(&self, kwh: Decimal) -> Result<MapColumn, ModelError> {
        let at = self.with(Key::Kwh, kwh)?;
        let i = Inputs::new(&at, self.invalid);
        let fixed = Fixed::new(&i);
        let gpu = self.allin.gpu(fixed.gpu_margin(self.gpu_revenue));
        let scaled = scaled_of(&i);
        Ok(MapColumn { fixed, gpu, at, scaled })
    }

    /// The all-in margins per kWh of mining, colocation and GPU cloud, in `Path::ALL` order.
    pub fn cell(&self, row: &MapRow, column: &MapColumn) -> [Figure; 3] {
        let mining = match self.as_before {
            true => self.allin.mining(column.fixed.mining_margin(row.revenue)),
            false => {
                let i = Inputs::new(&column.at, self.invalid);
                let today = mining_with(&i, &column.fixed, row.revenue, column.scaled.as_ref());
                match today.run_fraction {
                    None => flat_allin(&i, self.allin.mining(today.margin)),
                    Some(_) => mining_allin(&i, &today, self.mining_capex),
                }
            }
        };
        [mining, self.colo, column.gpu]
    }
}
