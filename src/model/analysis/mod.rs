//! What the page computes from many evaluations of the economics: the decision map
//! (which path wins at each power and bitcoin price) and the drivers of the tornado chart.

pub mod decision_map;
pub mod drivers;
pub mod map_range;
