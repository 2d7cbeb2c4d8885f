//! The economics: every formula of SPEC.md, in checked decimal arithmetic. Data flows one
//! way through these modules, each importing only those above it:
//!
//! 1. [`figure`]: a number or the reason it has none, and the checked operations;
//! 2. [`inputs`]: the scenario as the formulas read it (each input in its unit, or invalid);
//! 3. [`path`]: mining, colocation, GPU cloud;
//! 4. [`margins`]: the margins per kWh, and [`capex`]: what each path costs per MW;
//! 5. `projection` and `cashflow` (month by month, then each life's cash flows);
//! 6. [`metric`] names the figures and [`metrics`] computes them all; [`grid`] computes
//!    the decision map's cells with the same operations.

pub mod brent;
pub mod capex;
pub mod figure;
pub mod grid;
pub mod inputs;
pub mod irr;
pub mod margins;
pub mod metric;
pub mod metrics;
pub mod path;
