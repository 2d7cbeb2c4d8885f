//! Downloads: the evaluator's JSON and the CSV, written from typed values.

pub mod csv;
pub mod entries;
pub mod html;
pub mod json;
pub mod profile_csv;
