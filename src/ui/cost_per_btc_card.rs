//! The cost to mine one bitcoin against the target, with the solver's answers in words.

use leptos::prelude::*;

use crate::model::view::Section;

use super::metric_value::MetricValue;
use super::state::MetricsCtx;
use crate::model::format::metric_text;
use crate::model::MetricId as M;

/// Energy, cash and all-in cost per BTC against the target; the power price and the
/// efficiency that would meet it; break-even power and bitcoin prices.
#[component]
pub fn CostPerBtcCard() -> impl IntoView {
    let MetricsCtx(metrics) = expect_context();
    let verdict = Memo::new(move |_| {
        metrics.with(|m| match (m.get(M::CashCostPerBtcUsd), m.get(M::TargetCostPerBtcUsd)) {
            (Ok(cash), Ok(target)) if cash <= target => (
                true,
                format!(
                    "Cash cost {} meets the {} target.",
                    metric_text(M::CashCostPerBtcUsd, cash),
                    metric_text(M::TargetCostPerBtcUsd, target)
                ),
            ),
            (Ok(cash), Ok(target)) => (
                false,
                format!(
                    "Cash cost {} misses the {} target.",
                    metric_text(M::CashCostPerBtcUsd, cash),
                    metric_text(M::TargetCostPerBtcUsd, target)
                ),
            ),
            _ => (false, "The cash cost needs valid inputs.".to_string()),
        })
    });
    let unreachable = move || {
        metrics.with(|m| m.get(M::TargetMaxPowerPriceUsdPerKwh).is_ok_and(|p| p.is_sign_negative() && !p.is_zero()))
    };
    view! {
        <section class="card btc" aria-labelledby="btc-title" data-section=Section::Btc.name()>
            <h2 id="btc-title">"Cost to mine one BTC"</h2>
            <p class="verdict" class:good=move || verdict.with(|v| v.0)>{move || verdict.with(|v| v.1.clone())}</p>
            <dl class="figures">
                <div><dt>"Energy"</dt><dd><MetricValue id=M::EnergyCostPerBtcUsd/></dd></div>
                <div><dt>"Cash (energy + other)"</dt><dd><MetricValue id=M::CashCostPerBtcUsd/></dd></div>
                <div><dt>"All-in (with ASIC depreciation)"</dt><dd><MetricValue id=M::AllinCostPerBtcUsd/></dd></div>
                <div><dt>"Target"</dt><dd><MetricValue id=M::TargetCostPerBtcUsd/></dd></div>
            </dl>
            <ul class="solver">
                <li>"Highest power price that meets the target with this fleet: "
                    <MetricValue id=M::TargetMaxPowerPriceUsdPerKwh/>
                    {move || if unreachable() { " (below zero: unreachable, even free power misses it)." } else { "." }}</li>
                <li>"Efficiency needed at this cash cost ("<MetricValue id=M::MiningCashCostUsdPerKwh/>"): "
                    <MetricValue id=M::TargetRequiredEfficiencyJPerTh/>" or better."</li>
                <li>"Break-even power price: "<MetricValue id=M::BreakevenPowerPriceUsdPerKwh/>
                    "; break-even bitcoin price: the cash cost above."</li>
                <li>"Energy per BTC: "<MetricValue id=M::EnergyKwhPerBtc/>"."</li>
            </ul>
        </section>
    }
}
