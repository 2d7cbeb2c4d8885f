//! The site's words (SPEC.md, "Site"): what the reader owns, the fleet's mix, the plan, and
//! why a link's `mix` or a site cost was not used as given.

use super::{t, tf};
use crate::model::site::{AiPath, MixError, Own, MIX_MAX};

/// `asic`, `th` or `w` beside `mix`.
pub fn ignored_for_mix(key: &str, value: &str) -> String {
    tf("{key}={value} ignored: the fleet's mix sets the efficiency.", &[("key", key), ("value", value)])
}

/// `gfit` below `site` with the site owned.
pub fn fit_out_below_site(gfit: &str, site: &str) -> String {
    tf(
        "gfit={gfit} is below site={site}: with the site owned, the AI hall beyond it costs 0.",
        &[("gfit", gfit), ("site", site)],
    )
}

/// Why a `mix` was refused.
pub fn mix_refusal(error: &MixError) -> String {
    match error {
        MixError::Empty => t("no models").to_string(),
        MixError::NotIdShare(entry) => tf("\"{entry}\" is not ID:SHARE", &[("entry", entry)]),
        MixError::UnknownModel(id) => tf("\"{id}\" is not a known ASIC", &[("id", id)]),
        MixError::Repeated(id) => tf("{id} is named more than once", &[("id", id)]),
        MixError::TooMany => tf("at most {n} models", &[("n", &super::num(&MIX_MAX.to_string()))]),
        MixError::Share(id, _) => tf("the share of {id} is not a number", &[("id", id)]),
        MixError::ShareOutOfRange(id) => tf("the share of {id} must be above 0 and at most 100", &[("id", id)]),
        MixError::Sum(sum) => {
            tf("the shares sum to {sum}, not 100", &[("sum", &super::num(&sum.normalize().to_string()))])
        }
    }
}

/// What the reader owns, as the site choice offers it.
pub fn own_label(own: Own) -> &'static str {
    match own {
        Own::None => t("New build"),
        Own::Site => t("I own the site"),
        Own::Fleet => t("I own the site and the fleet"),
    }
}

/// The converted share's AI path.
pub fn ai_path_label(aip: AiPath) -> &'static str {
    match aip {
        AiPath::Colo => t("Colocation"),
        AiPath::Gpu => t("GPU cloud"),
    }
}

/// Which map the decision map is: a new build's, or an owner's (what is owned is not paid
/// again, so the cells weigh other capex).
pub fn map_kind(own: Own) -> &'static str {
    match own {
        Own::None => t("A new build's map: every path pays for its site."),
        Own::Site => t("An owner's map: the site is paid, so no path pays for it again."),
        Own::Fleet => t("An owner's map: the site and the fleet are paid; mining runs for the fleet's remaining life."),
    }
}
