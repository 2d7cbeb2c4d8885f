//! The page's shared state, one newtype context per concern: one writer (the draft) and
//! read-only memos over it.

use leptos::prelude::*;

use crate::model::economics::projection::Projection;
use crate::model::edit::draft::Draft;
use crate::model::{Evaluation, InvalidKeys};
use crate::model::{Link, Metrics, Scenario};

/// The scenario under edit. Every edit is a method of [`Draft`], called through `update`.
#[derive(Clone, Copy)]
pub struct DraftCtx(pub RwSignal<Draft>);

/// The last valid scenario: what the URL holds and the model evaluates.
#[derive(Clone, Copy)]
pub struct ScenarioCtx(pub Memo<Scenario>);

/// Every metric of the scenario, with the invalid inputs' figures marked as such.
#[derive(Clone, Copy)]
pub struct MetricsCtx(pub Memo<Metrics>);

/// The scenario and its invalid inputs a frame after the last edit: what the sections below
/// the first screen follow (see `use_settled`).
#[derive(Clone, Copy)]
pub struct SettledCtx(pub ReadSignal<(Scenario, InvalidKeys)>);

/// The scenario month by month, each path over its own life.
#[derive(Clone, Copy)]
pub struct ProjectionCtx(pub Memo<Projection>);

/// [`crate::model::evaluate_over_time`], from the chunk that holds it.
pub type TimeModel = fn(&Scenario, InvalidKeys) -> Evaluation;

/// The time model once its chunk is loaded (src/ui/lazy.rs); until then the metrics are
/// today's figures and every figure over time is `NotProjected`.
#[derive(Clone, Copy)]
pub struct TimeModelCtx(pub RwSignal<Option<TimeModel>>);
/// Side A while comparing (the inputs edit B, the draft); `None` for a single scenario.
#[derive(Clone, Copy)]
pub struct PinnedCtx(pub RwSignal<Option<Scenario>>);

/// What the page shows as a link: the scenario, or A and B. The address bar, "Copy link",
/// the embed snippet and "Save" all take it from here.
#[derive(Clone, Copy)]
pub struct LinkCtx(pub Memo<Link>);
