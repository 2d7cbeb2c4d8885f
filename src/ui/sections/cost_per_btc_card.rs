//! The cost to mine one bitcoin against the target, with the solver's answers in words.

use leptos::prelude::*;

use crate::model::view::Section;

use crate::model::MetricId as M;
use crate::text::format::metric_text;
use crate::text::site::allin_cost_note;
use crate::text::{t, tf};
use crate::ui::hooks::state::{MetricsCtx, ScenarioCtx};
use crate::ui::sections::metric_value::{with_figures, MetricValue};

/// Energy, cash and all-in cost per BTC against the target; the power price and the
/// efficiency that would meet it; break-even power and bitcoin prices.
#[component]
pub fn CostPerBtcCard() -> impl IntoView {
    let MetricsCtx(metrics) = expect_context();
    // With the fleet owned, what the all-in cost still counts (SPEC.md's formula).
    let ScenarioCtx(scenario) = expect_context();
    let verdict = Memo::new(move |_| {
        metrics.with(|m| match (m.get(M::CashCostPerBtcUsd), m.get(M::TargetCostPerBtcUsd)) {
            (Ok(cash), Ok(target)) => {
                let meets = cash <= target;
                let (cash, target) =
                    (metric_text(M::CashCostPerBtcUsd, cash), metric_text(M::TargetCostPerBtcUsd, target));
                let args = [("cash", cash.as_str()), ("target", target.as_str())];
                let text = match meets {
                    true => tf("Cash cost {cash} meets the {target} target.", &args),
                    false => tf("Cash cost {cash} misses the {target} target.", &args),
                };
                (meets, text)
            }
            _ => (false, t("The cash cost needs valid inputs.").to_string()),
        })
    });
    // A memo, so the sentence (and the figure in it) is rebuilt only when this flips.
    let unreachable = Memo::new(move |_| {
        metrics.with(|m| m.get(M::TargetMaxPowerPriceUsdPerKwh).is_ok_and(|p| p.is_sign_negative() && !p.is_zero()))
    });
    let highest = move || {
        let template = match unreachable.get() {
            true => t("Highest power price that meets the target with this fleet: {price} (below zero: unreachable, even free power misses it)."),
            false => t("Highest power price that meets the target with this fleet: {price}."),
        };
        with_figures(template, &[("price", M::TargetMaxPowerPriceUsdPerKwh)])
    };
    view! {
        <section class="card btc" aria-labelledby="btc-title" data-section=Section::Btc.name()>
            <h2 id="btc-title">{t("Cost to mine one BTC")}</h2>
            <p class="verdict" class:good=move || verdict.with(|v| v.0)>{move || verdict.with(|v| v.1.clone())}</p>
            <dl class="figures">
                <div><dt>{t("Energy")}</dt><dd><MetricValue id=M::EnergyCostPerBtcUsd/></dd></div>
                <div><dt>{t("Cash (energy + other)")}</dt><dd><MetricValue id=M::CashCostPerBtcUsd/></dd></div>
                <div><dt>{t("All-in, fleet only (ASICs depreciated, no site)")}</dt><dd><MetricValue id=M::AllinCostPerBtcUsd/></dd></div>
                <div><dt>{t("Target")}</dt><dd><MetricValue id=M::TargetCostPerBtcUsd/></dd></div>
            </dl>
            {move || allin_cost_note(scenario.with(|s| s.own())).map(|note| view! { <p class="note" data-allin-note="">{note}</p> })}
            <ul class="solver">
                <li>{highest}</li>
                <li>{with_figures(
                    t("Efficiency needed at this cash cost ({cost}): {efficiency} or better."),
                    &[("cost", M::MiningCashCostUsdPerKwh), ("efficiency", M::TargetRequiredEfficiencyJPerTh)],
                )}</li>
                <li>{with_figures(
                    t("Break-even power price: {price}; break-even bitcoin price: the cash cost above."),
                    &[("price", M::BreakevenPowerPriceUsdPerKwh)],
                )}</li>
                <li>{with_figures(t("Energy per BTC: {energy}."), &[("energy", M::EnergyKwhPerBtc)])}</li>
            </ul>
        </section>
    }
}
