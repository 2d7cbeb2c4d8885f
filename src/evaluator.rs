//! What the evaluator prints for a link, in one place for both of its front ends: the
//! command line (`kwhich eval`, src/bin/kwhich.rs) and the JavaScript module (js/, built as
//! `kwhich-model.js`). The warnings read in English: no catalog is installed for either.

use crate::model::export::json;
use crate::model::{evaluate, evaluate_over_time, from_link, Comparison, Evaluation, InvalidKeys, Link, Metrics};
use crate::text::reasons;

/// The report for one link, pretty-printed, as `kwhich eval LINK` prints it: a scenario's,
/// or a comparison's for a comparison link.
pub fn report(link: &str) -> String {
    let (link, warnings) = from_link(link);
    let warnings: Vec<String> = warnings.iter().map(reasons::warning).collect();
    match link {
        Link::Single(scenario) => {
            let Evaluation { metrics, projection } = evaluate_over_time(&scenario, InvalidKeys::default());
            json::report_with_projection(&scenario, &metrics, &projection, &warnings)
        }
        Link::Compare(c) => json::comparison_report(&c, &side_metrics(&c), &warnings),
    }
}

/// The comparison report for a link: a comparison link's, or for a single scenario that
/// scenario against itself (as `cmp=1` gives it: two equal sides, every difference 0).
pub fn comparison_report(link: &str) -> String {
    let (link, warnings) = from_link(link);
    let warnings: Vec<String> = warnings.iter().map(reasons::warning).collect();
    let comparison = match link {
        Link::Single(scenario) => Comparison::pinned(scenario),
        Link::Compare(c) => c,
    };
    json::comparison_report(&comparison, &side_metrics(&comparison), &warnings)
}

/// Each side's metrics, in order.
fn side_metrics(comparison: &Comparison) -> Vec<Metrics> {
    comparison.sides().into_iter().map(|(_, scenario)| evaluate(scenario)).collect()
}
