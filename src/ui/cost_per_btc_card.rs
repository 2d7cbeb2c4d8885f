//! The cost to mine one bitcoin against the target, with the solver's answers in words.

use leptos::prelude::*;

use super::metric_value::MetricValue;
use super::state::{MetricsCtx, ScenarioCtx};
use crate::model::format::{grouped, usd};
use crate::model::MetricId as M;

/// Energy, cash and all-in cost per BTC against the target; the power price and the
/// efficiency that would meet it; break-even power and bitcoin prices.
#[component]
pub fn CostPerBtcCard() -> impl IntoView {
    let MetricsCtx(metrics) = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let verdict = move || {
        metrics.with(|m| match (m.get(M::CashCostPerBtcUsd), m.get(M::TargetCostPerBtcUsd)) {
            (Ok(cash), Ok(target)) if cash <= target => {
                (true, format!("Cash cost {} meets the {} target.", usd(cash, 0), usd(target, 0)))
            }
            (Ok(cash), Ok(target)) => (false, format!("Cash cost {} misses the {} target.", usd(cash, 0), usd(target, 0))),
            _ => (false, "The cash cost needs valid inputs.".to_string()),
        })
    };
    let max_power = move || {
        metrics.with(|m| match m.get(M::TargetMaxPowerPriceUsdPerKwh) {
            Ok(p) if p.is_sign_negative() && !p.is_zero() => {
                "Unreachable with this fleet: even free power costs more than the target in other cash costs.".to_string()
            }
            Ok(p) => format!("With this fleet, power must cost at most {} per kWh to meet the target.", usd(p, 4)),
            Err(e) => format!("Highest power price for the target: {e}."),
        })
    };
    let needed_eff = move || {
        let kwh = scenario.with(|s| s.kwh().get());
        metrics.with(|m| match m.get(M::TargetRequiredEfficiencyJPerTh) {
            Ok(e) => format!("At {} per kWh, ASICs of {} J/TH or better meet it.", usd(kwh, 3), grouped(e, Some(1))),
            Err(e) => format!("Efficiency needed for the target: {e}."),
        })
    };
    view! {
        <section class="card btc" aria-labelledby="btc-title" data-section="btc">
            <h2 id="btc-title">"Cost to mine one BTC"</h2>
            <p class="verdict" class:good=move || verdict().0 aria-live="polite">{move || verdict().1}</p>
            <dl class="figures">
                <div><dt>"Energy"</dt><dd><MetricValue id=M::EnergyCostPerBtcUsd/></dd></div>
                <div><dt>"Cash (energy + other)"</dt><dd><MetricValue id=M::CashCostPerBtcUsd/></dd></div>
                <div><dt>"All-in (with ASIC depreciation)"</dt><dd><MetricValue id=M::AllinCostPerBtcUsd/></dd></div>
                <div><dt>"Target"</dt><dd><MetricValue id=M::TargetCostPerBtcUsd/></dd></div>
            </dl>
            <ul class="solver">
                <li>{max_power}" "<span class="exact">"(" <MetricValue id=M::TargetMaxPowerPriceUsdPerKwh/> ")"</span></li>
                <li>{needed_eff}" "<span class="exact">"(" <MetricValue id=M::TargetRequiredEfficiencyJPerTh/> ")"</span></li>
                <li>"Break-even power price: "<MetricValue id=M::BreakevenPowerPriceUsdPerKwh/>
                    "; break-even bitcoin price: the cash cost above."</li>
                <li>"Energy per BTC: "<MetricValue id=M::EnergyKwhPerBtc/>"."</li>
            </ul>
        </section>
    }
}
