//! kWhich: what a kilowatt-hour earns mining bitcoin, and what it would earn leased to AI.
//!
//! [`model`] is the economics and the share-link codec, speaking no human language; [`text`]
//! is every word and number a reader reads, in English, Arabic or Vietnamese. Both are pure
//! Rust with no web dependency, tested natively. [`ui`] is the Leptos page over it, compiled only for Wasm.
// The page's split points (src/ui/lazy.rs) are the one place allowed unsafe code: the
// macro that splits the Wasm writes `extern "C"` imports. The model and the text forbid it.
#![deny(unsafe_code)]

pub mod evaluator;
pub mod model;
pub mod text;

#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod ui;
