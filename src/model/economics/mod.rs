//! The economics: every formula of SPEC.md, in checked decimal arithmetic. Data flows one
//! way through these modules, each importing only those above it:
//!
//! 1. [`crate::model::figure`]: a number or the reason it has none, and the checked
//!    operations; [`network`]: difficulty and hashrate;
//! 2. [`inputs`]: the scenario as the formulas read it (each input in its unit, or invalid);
//! 3. [`path`]: mining, colocation, GPU cloud;
//! 4. [`margins`]: the margins per kWh, and [`capex`]: what each path costs per MW;
//!    [`profile`]: a price profile's buckets, which run, and mining's sums over them;
//! 4. [`margins`]: the margins per kWh, [`fleet`]: the fleet's models and their blend,
//!    [`capex`]: what each path costs per MW, and [`site`]: that cost under `own`, and
//!    the plan;
//! 5. [`projection`] month by month, then each life's [`cashflow`] and its rate of return
//!    ([`irr`], narrowed by [`brent`]);
//! 6. [`metric`] names the figures and [`metrics`] computes them all; [`grid`] computes
//!    the decision map's cells with the same operations.

pub mod brent;
pub mod capex;
pub mod cashflow;
pub mod fleet;
pub mod grid;
pub mod inputs;
pub mod irr;
pub mod margins;
pub mod metric;
pub mod metrics;
pub mod network;
pub mod path;
pub mod profile;
pub mod projection;
pub mod site;
