//! kWhich: what a kilowatt-hour earns mining bitcoin, and what it would earn leased to AI.
//!
//! [`model`] is the economics, the share-link codec and the formatting: pure Rust, no web
//! dependency, tested natively. [`ui`] is the Leptos page over it, compiled only for Wasm.
#![forbid(unsafe_code)]

pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod ui;
