//! The page's editing state, without the page: the scenario being edited, saved scenarios,
//! live network readings, and how a language writes the numbers typed in.

pub mod draft;
pub mod live;
pub mod number_style;
pub mod saved;
pub mod session;
