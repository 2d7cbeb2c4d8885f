//! The economics of a kilowatt-hour: inputs, presets, the share link and every metric of
//! the scenario contract (SPEC.md), in `rust_decimal` with checked arithmetic.
#![forbid(unsafe_code)]

pub mod cashflow;
pub mod chart;
pub mod comparison;
pub mod csv;
pub mod decision_map;
pub mod draft;
pub mod drivers;
pub mod embed;
pub mod error;
pub mod fields;
pub mod json;
pub mod live;
pub mod map_range;
pub mod metrics;
pub mod network;
pub mod number_style;
pub mod presets;
pub mod projection;
pub mod saved;
pub mod scenario;
pub mod session;
pub mod share_link;
pub mod units;
pub mod view;

pub use comparison::{from_link, Comparison, Link, Side};
pub use error::ModelError;
pub use fields::{Field, Group, Key};
pub use metrics::{
    evaluate, evaluate_over_time, evaluate_static, evaluate_with_invalid, Evaluation, MetricId, Metrics, Path,
};
pub use presets::{AsicPreset, GpuPreset};
pub use projection::{project, project_with_invalid, Projection, ProjectionPoint};
pub use scenario::Scenario;
pub use share_link::{from_query, to_query, Fallback, Refusal, Warning};

/// When the default network figures were read: the late-November 2025 snapshot
/// (Hashrate Index: hashprice all-time low $35.06 on 22 Nov 2025, difficulty 155 T).
pub const SNAPSHOT_DATE: &str = "2025-11-22";
