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
}

impl<'a> MapGrid<'a> {
    /// The grid over `scenario`, reading it through `invalid` (which should not hold `kwh`
    /// or `btc`: every cell sets both).
    pub fn new(scenario: &'a Scenario, invalid: InvalidKeys) -> Self {
        let i = Inputs::new(scenario, invalid);
        let fixed = Fixed::new(&i);
        let margins = fixed.margins(&Moving::now(&i));
        let allin = Allin::new(&i, capexes(&i, fixed.eff));
        let colo = allin.colo(margins.colo_margin);
        MapGrid { scenario, invalid, allin, colo, gpu_revenue: margins.gpu_revenue }
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
        let fixed = Fixed::new(&Inputs::new(&at, self.invalid));
        let gpu = self.allin.gpu(fixed.gpu_margin(self.gpu_revenue));
        Ok(MapColumn { fixed, gpu })
    }

    /// The all-in margins per kWh of mining, colocation and GPU cloud, in `Path::ALL` order.
    pub fn cell(&self, row: &MapRow, column: &MapColumn) -> [Figure; 3] {
        [self.allin.mining(column.fixed.mining_margin(row.revenue)), self.colo, column.gpu]
    }
}
