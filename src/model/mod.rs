//! The economics of a kilowatt-hour: inputs, presets, the share link and every metric of
//! the scenario contract (SPEC.md), in `rust_decimal` with checked arithmetic.
#![forbid(unsafe_code)]

/// Every variant of an enum that derives strum's `EnumCount` and `VariantArray`, as a
/// constant array in declaration order (`$any` is any one variant): lists such as
/// `Key::ALL` come from the enum itself, so a new variant cannot be left out of them.
macro_rules! all_variants {
    ($t:ty, $any:expr) => {{
        let mut all = [$any; <$t as strum::EnumCount>::COUNT];
        let mut i = 0;
        while i < all.len() {
            all[i] = <$t as strum::VariantArray>::VARIANTS[i];
            i += 1;
        }
        all
    }};
}

// The scenario and its vocabulary, which every folder below reads: the key table, units,
// presets, display keys, the one error type and the checked operations.
pub mod error;
pub mod fields;
pub mod figure;
pub mod history;
pub mod power;
pub mod presets;
pub mod scenario;
pub mod site;
pub mod units;
pub mod view;

// The layers, each importing only the files above and the folders before it (docs/DESIGN.md).
pub mod analysis;
pub mod chart;
pub mod economics;
pub mod edit;
pub mod export;
pub mod link;

pub use economics::inputs::InvalidKeys;
pub use economics::metric::{MetricId, MetricUnit};
pub use economics::metrics::{
    evaluate, evaluate_over_time, evaluate_static, evaluate_static_flat, evaluate_with_invalid, Evaluation, Metrics,
};
pub use economics::path::Path;
pub use economics::projection::{project, project_with_invalid, Projection, ProjectionPoint};
pub use error::ModelError;
pub use fields::{Field, Group, Key};
pub use link::comparison::{from_link, Comparison, Link, Side};
pub use link::share_link::{from_query, to_query, Fallback, Refusal, Warning};
pub use presets::{AsicPreset, GpuPreset};
pub use scenario::Scenario;

/// When the default network figures were read: the late-November 2025 snapshot
/// (Hashrate Index: hashprice all-time low $35.06 on 22 Nov 2025, difficulty 155 T).
pub const SNAPSHOT_DATE: &str = "2025-11-22";
