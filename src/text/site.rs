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

/// What the per-MW table's capex counts under `own`, and how its two paybacks read. Only a
/// new build's note is written before the app (src/text/answer_html.rs): an owner's waits
/// for it.
pub fn capex_note(own: Own) -> &'static str {
    match own {
        Own::None => t("Mining capex is ASICs plus the site; AI paths add the data-hall fit-out, and GPU cloud the GPUs. Payback at today's figures is capex over today's margin (“never” when it is not positive); projected, it follows the outlook month by month over each asset's life."),
        Own::Site => t("Your site is paid for, so no path counts it: mining capex is the ASICs alone; AI paths count the data-hall fit-out beyond the site, and GPU cloud the GPUs. Payback at today's figures is capex over today's margin (“never” when it is not positive); projected, it follows the outlook month by month over each asset's life."),
        Own::Fleet => t("Your site and fleet are paid for: mining capex is 0, and mining earns for the fleet's remaining life; AI paths count the data-hall fit-out beyond the site, and GPU cloud the GPUs. Payback at today's figures is capex over today's margin (“never” when it is not positive); projected, it follows the outlook month by month over each asset's life."),
    }
}

/// Under the cost per BTC, with the fleet owned: what the all-in cost still counts
/// (SPEC.md's `allin_cost_per_btc_usd` depreciates `capex` whatever `own` says).
pub fn allin_cost_note(own: Own) -> Option<&'static str> {
    (own == Own::Fleet).then(|| {
        t("All-in still depreciates the ASICs at the inputs' price per TH, as if the fleet were bought today; for a fleet already paid, the cash cost is what each BTC costs.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_says_what_each_owner_counts_per_mw() {
        assert!(capex_note(Own::None).starts_with("Mining capex is ASICs plus the site;"));
        assert!(capex_note(Own::Site)
            .starts_with("Your site is paid for, so no path counts it: mining capex is the ASICs alone;"));
        assert!(capex_note(Own::Fleet).starts_with("Your site and fleet are paid for: mining capex is 0,"));
        for own in [Own::Site, Own::Fleet] {
            assert!(!capex_note(own).contains("plus the site"), "{own:?}");
        }
        assert_eq!(allin_cost_note(Own::Site), None);
        assert!(allin_cost_note(Own::Fleet).is_some_and(|n| n.contains("depreciates the ASICs")));
    }
}
