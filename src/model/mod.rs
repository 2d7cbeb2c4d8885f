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

pub mod cashflow;
pub mod chart;
pub mod comparison;
pub mod csv;
pub mod decision_map;
pub mod draft;
pub mod drivers;
pub mod economics;
pub mod embed;
pub mod error;
pub mod fields;
pub mod json;
pub mod live;
pub mod map_range;
pub mod network;
pub mod number_style;
pub mod presets;
pub mod projection;
pub mod saved;
pub mod scenario;
pub mod share_link;
pub mod units;
pub mod view;

pub use comparison::{from_link, Comparison, Link, Side};
pub use economics::inputs::InvalidKeys;
pub use economics::metric::{MetricId, MetricUnit};
pub use economics::metrics::{
    evaluate, evaluate_over_time, evaluate_static, evaluate_with_invalid, Evaluation, Metrics,
};
pub use economics::path::Path;
pub use error::ModelError;
pub use fields::{Field, Group, Key};
pub use presets::{AsicPreset, GpuPreset};
pub use projection::{project, project_with_invalid, Projection, ProjectionPoint};
pub use scenario::Scenario;
pub use share_link::{from_query, to_query, Fallback, Refusal, Warning};

/// When the default network figures were read: the late-November 2025 snapshot
/// (Hashrate Index: hashprice all-time low $35.06 on 22 Nov 2025, difficulty 155 T).
pub const SNAPSHOT_DATE: &str = "2025-11-22";
