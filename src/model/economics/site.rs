//! What each path's capex holds under `own` (SPEC.md, "Site"), and the plan: `ai` % of
//! the site converted to the AI path `aip`, the rest mining.

use rust_decimal::Decimal;

use crate::model::figure::{add, fig, mul, sub, Figure};
use crate::model::scenario::Scenario;
use crate::model::site::{AiPath, Own};

use super::inputs::Inputs;
use super::metric::MetricId;
use super::path::Path;
use super::projection::ProjectionPoint;

/// The site's part of mining's capex per MW: `site` for a new build, 0 when it is owned.
pub fn mining_site_cost(i: &Inputs) -> Figure {
    match i.scenario().own() {
        Own::None => Ok(i.site()?.get()),
        Own::Site | Own::Fleet => Ok(Decimal::ZERO),
    }
}

/// The AI hall per facility MW: `gfit` for a new build; with the site owned, `gfit − site`,
/// never below 0 (a `gfit` below `site` is named in the link's warnings).
pub fn ai_fit_out(i: &Inputs) -> Figure {
    let gfit = i.gfit()?.get();
    match i.scenario().own() {
        Own::None => Ok(gfit),
        Own::Site | Own::Fleet => Ok(sub(gfit, i.site()?.get())?.max(Decimal::ZERO)),
    }
}

/// Is the fleet paid for (mining capex 0, `rlife` years left)?
pub fn fleet_owned(i: &Inputs) -> bool {
    i.scenario().own() == Own::Fleet
}

/// The path the converted share takes.
pub fn ai_path(aip: AiPath) -> Path {
    match aip {
        AiPath::Colo => Path::Colo,
        AiPath::Gpu => Path::Gpu,
    }
}

/// `(1 − a) · mining + a · ai` with `a = ai/100`; a term whose weight is 0 is not needed
/// (at `ai=0` the plan is all mining, whatever the AI path's figure).
pub fn weighted(a: Figure, mining: Figure, ai: Figure) -> Figure {
    let a = a?;
    let rest = sub(Decimal::ONE, a)?;
    let mining_part = if rest.is_zero() { Ok(Decimal::ZERO) } else { mul(rest, mining?) };
    let ai_part = if a.is_zero() { Ok(Decimal::ZERO) } else { mul(a, ai?) };
    fig(|| add(mining_part?, ai_part?))
}

/// Is a plan set: some of the site converted (`ai` above 0)? The cash chart then shows the
/// plan's line beside the paths'.
pub fn plan_set(scenario: &Scenario) -> bool {
    scenario.ai().get() > Decimal::ZERO
}

/// The plan's cumulative cash per MW at the end of a month of the projection: mining's and
/// the AI path's weighted by `ai`, as `plan_site_lifetime_cash_usd` weighs their lifetime
/// cash. Each path's cumulative cash stays once its life has ended, so past both lives the
/// plan's is `plan_site_lifetime_cash_usd / mw`.
pub fn plan_cum(scenario: &Scenario, point: &ProjectionPoint) -> Figure {
    let ai = ai_path(scenario.aip());
    weighted(Ok(scenario.ai().fraction()), point.cum(Path::Mining), point.cum(ai))
}

/// A path's site metric of one kind (`Path::site_capex`, …).
pub type SiteMetric = fn(Path) -> MetricId;

/// Each plan metric and the site metric of one path it weighs.
pub fn plan_metrics() -> [(MetricId, SiteMetric); 4] {
    [
        (MetricId::PlanSiteCapexUsd, Path::site_capex),
        (MetricId::PlanSiteMarginUsdPerYear, Path::site_margin),
        (MetricId::PlanSiteNpvUsd, Path::site_npv),
        (MetricId::PlanSiteLifetimeCashUsd, Path::site_lifetime_cash),
    ]
}

#[cfg(test)]
mod tests;
