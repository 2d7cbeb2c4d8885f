//! The decision map (SPEC.md, "Decision map"): over a grid of power prices and bitcoin
//! prices, every other input as in the scenario, which use of a kWh earns most once its
//! capex is counted, mining's own all-in margin, where mining breaks even and where it
//! meets the target cost per BTC.
//!
//! Every cell is [`crate::model::evaluate_static`] of the scenario with `kwh` and `btc` set to the cell's
//! values, so a cell can be checked against `kwhich eval` with those two keys changed;
//! [`MapGrid`] computes it without evaluating 1,600 scenarios from scratch.

use rust_decimal::Decimal;

use crate::model::analysis::map_range::{map_ranges, MapRanges};
use crate::model::economics::grid::MapGrid;
use crate::model::error::{ModelError, Quantity};
use crate::model::fields::Key;
use crate::model::scenario::Scenario;
use crate::model::{InvalidKeys, MetricId, Metrics, Path};

use crate::model::figure::Figure;

/// Cells along each axis of the page's map: 40 × 40 = 1,600 evaluations, each cell about
/// 8 CSS pixels at 360 px.
pub const MAP_CELLS: usize = 40;

/// Shades of a winner's colour: 0 where even the winner loses money all-in, then 1 … 3
/// by thirds of the highest winning margin on the map.
pub const SHADES: u8 = 4;

/// The winner among three all-in margins per kWh given in [`Path::ALL`] order, and its
/// margin. A tie goes to the earlier path: mining, then colocation, then GPU cloud. Any
/// missing margin makes the winner missing too: the best of the others might not be best.
pub fn pick_winner(margins: [Figure; 3]) -> Result<(Path, Decimal), ModelError> {
    let [mining, colo, gpu] = margins;
    let mut best = (Path::Mining, mining?);
    for (path, margin) in [(Path::Colo, colo?), (Path::Gpu, gpu?)] {
        if margin > best.1 {
            best = (path, margin);
        }
    }
    Ok(best)
}

/// The path with the highest all-in margin per kWh in `metrics` (see [`pick_winner`]).
pub fn winner(metrics: &Metrics) -> Result<(Path, Decimal), ModelError> {
    pick_winner(Path::ALL.map(|p| metrics.get(p.allin_margin())))
}

/// The better of the two AI paths (colocation on a tie) and its all-in margin per kWh:
/// what mining has to beat.
pub fn best_ai(metrics: &Metrics) -> Result<(Path, Decimal), ModelError> {
    let colo = metrics.get(MetricId::ColoAllinMarginUsdPerKwh)?;
    let gpu = metrics.get(MetricId::GpuAllinMarginUsdPerKwh)?;
    Ok(if gpu > colo { (Path::Gpu, gpu) } else { (Path::Colo, colo) })
}

/// One cell: the prices it stands for and what the model says there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapCell {
    /// Electricity price, USD/kWh: the centre of the cell's column.
    pub kwh: Decimal,
    /// Bitcoin price, USD: the centre of the cell's row.
    pub btc: Decimal,
    /// `mining_allin_margin_usd_per_kwh` there.
    pub mining: Figure,
    /// The winning path and its all-in margin per kWh.
    pub best: Result<(Path, Decimal), ModelError>,
    /// How dark the winner's colour is, 0 … [`SHADES`] − 1: see [`SHADES`].
    pub shade: u8,
}

/// The grid and the lines drawn over it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionMap {
    pub ranges: MapRanges,
    /// Cells along each axis.
    pub n: usize,
    /// Row `j` (bitcoin price, from the lowest) then column `i` (power price): `j · n + i`.
    cells: Vec<MapCell>,
    /// Per row: the power price at which mining's cash margin per kWh is zero at that
    /// row's bitcoin price (`breakeven_power_price_usd_per_kwh` there). Below it mining
    /// covers its cash costs.
    pub breakeven: Vec<Figure>,
    /// Per row: the power price at which mining's cash cost per BTC equals the target
    /// `tgt` (`target_max_power_price_usd_per_kwh` there).
    pub target: Vec<Figure>,
    /// The scenario's own power and bitcoin prices; `None` while either is being edited
    /// and not valid.
    pub point: Option<(Decimal, Decimal)>,
}

impl DecisionMap {
    /// Cell `(i, j)`: column `i` from the lowest power price, row `j` from the lowest
    /// bitcoin price.
    pub fn cell(&self, i: usize, j: usize) -> Option<&MapCell> {
        if i >= self.n {
            return None;
        }
        self.cells.get(j.checked_mul(self.n)?.checked_add(i)?)
    }

    /// Every cell, row by row from the lowest bitcoin price, each row by power price.
    pub fn cells(&self) -> &[MapCell] {
        &self.cells
    }

    /// The cell whose column and row hold the scenario's own prices (the upper cell on a
    /// shared edge), or `None` when the point is unknown.
    pub fn point_cell(&self) -> Option<(usize, usize)> {
        let (kwh, btc) = self.point?;
        Some((
            slot(kwh, self.ranges.kwh.low, self.ranges.kwh.high, self.n)?,
            slot(btc, self.ranges.btc.low, self.ranges.btc.high, self.n)?,
        ))
    }

    /// Where to name each winner on the map: for every path that wins at least a row's
    /// worth of cells, its winning cell nearest the middle of its cells, so the name sits
    /// inside its own colour. In [`Path::ALL`] order.
    pub fn region_labels(&self) -> Vec<(Path, usize, usize)> {
        Path::ALL
            .into_iter()
            .filter_map(|path| {
                let won: Vec<(usize, usize)> = (0..self.cells.len())
                    .filter(|k| self.cells.get(*k).is_some_and(|c| matches!(c.best, Ok((p, _)) if p == path)))
                    .map(|k| (k % self.n, k / self.n))
                    .collect();
                if won.len() < self.n.max(1) {
                    return None;
                }
                let count = won.len();
                let (si, sj) = won.iter().fold((0, 0), |(a, b), (i, j)| (a + i, b + j));
                let (ci, cj) = (si * 2 / count, sj * 2 / count);
                // Distances in doubled units so the centre needs no fraction.
                let far = |(i, j): &(usize, usize)| (2 * i).abs_diff(ci).pow(2) + (2 * j).abs_diff(cj).pow(2);
                won.iter().min_by_key(|c| far(c)).map(|&(i, j)| (path, i, j))
            })
            .collect()
    }
}

/// The index of the slice of `low … high` (cut into `n`) that holds `v`, or `None` outside.
fn slot(v: Decimal, low: Decimal, high: Decimal, n: usize) -> Option<usize> {
    if v < low || v > high || high <= low {
        return None;
    }
    let k = v.checked_sub(low)?.checked_mul(Decimal::from(n))?.checked_div(high.checked_sub(low)?)?.floor();
    usize::try_from(k.mantissa() / 10_i128.pow(k.scale())).ok().map(|k| k.min(n.saturating_sub(1)))
}

/// The decision map of a scenario with `n × n` cells over [`map_ranges`]. `invalid` are the
/// keys being edited: figures that need one of them are errors, except `kwh` and `btc`,
/// which every cell sets itself. An error only when the ranges cannot be computed or
/// `n` is 0.
pub fn decision_map(scenario: &Scenario, invalid: InvalidKeys, n: usize) -> Result<DecisionMap, ModelError> {
    decision_map_over(scenario, invalid, n, map_ranges(scenario)?)
}

/// [`decision_map`] over given `ranges`: another scenario's, so that two maps share their
/// cells (a comparison's B drawn over A's prices).
pub fn decision_map_over(
    scenario: &Scenario,
    invalid: InvalidKeys,
    n: usize,
    ranges: MapRanges,
) -> Result<DecisionMap, ModelError> {
    if n == 0 {
        return Err(ModelError::ZeroDivisor(Quantity::NumberOfCells));
    }
    let kwhs = (0..n).map(|i| ranges.kwh.sample(i, n)).collect::<Result<Vec<_>, _>>()?;
    let btcs = (0..n).map(|j| ranges.btc.sample(j, n)).collect::<Result<Vec<_>, _>>()?;
    // Every cell sets both keys itself, so they are valid in every cell.
    let grid = MapGrid::new(scenario, invalid.without(Key::Kwh).without(Key::Btc));
    let columns: Vec<_> = kwhs.iter().map(|&kwh| grid.column(kwh)).collect();
    let mut cells = Vec::with_capacity(n * n);
    let mut breakeven = Vec::with_capacity(n);
    let mut target = Vec::with_capacity(n);
    for &btc in &btcs {
        let row = grid.row(btc);
        breakeven.push(row.as_ref().map_err(|e| *e).and_then(|r| r.breakeven));
        target.push(row.as_ref().map_err(|e| *e).and_then(|r| r.target));
        for (&kwh, column) in kwhs.iter().zip(&columns) {
            let margins = match (&row, column) {
                (Ok(row), Ok(column)) => grid.cell(row, column),
                (Err(e), _) | (_, Err(e)) => [Err(*e); 3],
            };
            cells.push(MapCell { kwh, btc, mining: margins[0], best: pick_winner(margins), shade: 0 });
        }
    }
    shade(&mut cells);
    let point = (!invalid.contains(Key::Kwh) && !invalid.contains(Key::Btc))
        .then(|| (scenario.kwh().get(), scenario.btc().get()));
    Ok(DecisionMap { ranges, n, cells, breakeven, target, point })
}

/// The cells `(column, row)` where `b`'s winner is not `a`'s (a winner or none), row by row
/// from the lowest bitcoin price; empty unless the two maps share their cells (the same
/// size over the same ranges: [`decision_map_over`]).
pub fn winner_changes(a: &DecisionMap, b: &DecisionMap) -> Vec<(usize, usize)> {
    if a.n != b.n || a.ranges != b.ranges {
        return Vec::new();
    }
    let path = |c: &MapCell| c.best.ok().map(|(p, _)| p);
    (0..a.cells.len())
        .filter(|&k| a.cells.get(k).map(path) != b.cells.get(k).map(path))
        .map(|k| (k % a.n, k / a.n))
        .collect()
}

/// Shades each cell by its winner's all-in margin: 0 when it is not above zero, else 1 … 3
/// by thirds of the highest winning margin on the map (`⌈3 · m / max⌉`).
fn shade(cells: &mut [MapCell]) {
    let top = cells.iter().filter_map(|c| c.best.ok().map(|(_, m)| m)).fold(Decimal::ZERO, Decimal::max);
    let last = Decimal::from(SHADES - 1);
    for cell in cells.iter_mut() {
        cell.shade = match cell.best {
            Ok((_, m)) if m > Decimal::ZERO => m
                .checked_mul(last)
                .and_then(|v| v.checked_div(top))
                .map(|v| v.ceil().clamp(Decimal::ONE, last))
                .and_then(|v| u8::try_from(v.mantissa() / 10_i128.pow(v.scale())).ok())
                .unwrap_or(SHADES - 1),
            _ => 0,
        };
    }
}

/// Where mining starts to win at the scenario's power price, as the bitcoin price rises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MiningWins {
    /// Mining's all-in margin overtakes the best AI path's above this bitcoin price (USD).
    Above(Decimal),
    /// Mining wins at any bitcoin price: its lead does not depend on the price (a given
    /// hashprice) or the AI paths lose more per kWh than mining does even at a price of 0.
    Always,
    /// Mining wins at no bitcoin price: a given hashprice fixes its margin below the AI's.
    Never,
}

/// The bitcoin price above which mining wins at the scenario's power price, from the
/// scenario's own figures. Mining's all-in margin grows by `1 / energy_kwh_per_btc` for
/// each dollar of bitcoin price (revenue per kWh is `btc / energy_kwh_per_btc`) while the
/// AI paths' do not move, so it meets the best AI path's at
/// `btc + energy_kwh_per_btc · (best AI all-in margin − mining's all-in margin)`.
pub fn mining_wins(scenario: &Scenario, metrics: &Metrics) -> Result<MiningWins, ModelError> {
    let mining = metrics.get(MetricId::MiningAllinMarginUsdPerKwh)?;
    let (_, ai) = best_ai(metrics)?;
    if scenario.hp().is_some() {
        return Ok(if mining >= ai { MiningWins::Always } else { MiningWins::Never });
    }
    let energy = metrics.get(MetricId::EnergyKwhPerBtc)?;
    let gap = ai.checked_sub(mining).ok_or(ModelError::Overflow)?;
    let above = energy
        .checked_mul(gap)
        .and_then(|v| v.checked_add(scenario.btc().get()))
        .ok_or(ModelError::Overflow)?
        .normalize();
    Ok(if above <= Decimal::ZERO { MiningWins::Always } else { MiningWins::Above(above) })
}

#[cfg(test)]
mod tests;
