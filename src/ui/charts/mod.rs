//! Charts drawn as SVG from the model's chart geometry; they read no context.

pub(super) mod bar_chart;
pub(super) mod chart_downloads;
pub(super) mod compare_bar;
pub(super) mod line_chart_svg;
pub(super) mod map_frame;
pub(super) mod tornado_svg;
