//! The share link: the codec of a scenario's query, comparisons of two scenarios, and the
//! iframe snippet an author pastes. A published link keeps its meaning (tests/corpus.rs).

pub mod comparison;
pub mod embed;
mod power_keys;
pub mod share_link;
