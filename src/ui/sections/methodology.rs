//! "How we calculate": the contract's formulas and the sources of the figures, on the page.

use leptos::prelude::*;

use crate::model::SNAPSHOT_DATE;
use crate::text::{n, num, t, tf};

const FORMULAS: [(&str, &str); 15] = [
    (n!("Hashprice (BTC per PH/s per day)"), n!("(subsidy + fees) · 86,400 · 10^15 / (difficulty · 10^12 · 2^32), or hp / btc when hashprice is set by hand")),
    (n!("Network hashrate"), n!("difficulty · 10^12 · 2^32 / 600 s")),
    (n!("ASIC efficiency"), n!("power / hashrate (J/TH)")),
    (n!("Mining revenue per kWh"), n!("hashprice USD · (1 − pool fee) / (24 · J/TH · PUE): per kWh at the facility meter")),
    (n!("Cash cost per kWh"), n!("electricity price + other cash cost")),
    (n!("Energy per BTC"), n!("24 · J/TH · PUE / (hashprice BTC · (1 − pool fee))")),
    (n!("Cash cost per BTC"), n!("energy per BTC · cash cost per kWh; also the break-even bitcoin price")),
    (n!("All-in cost per BTC (fleet only)"), n!("cash cost + (ASIC $/TH / (life · 365)) / (hashprice BTC / 1000 · (1 − pool fee) · uptime); the site is not counted")),
    (n!("Highest power price for the target"), n!("target / energy per BTC − other cash cost (negative: unreachable)")),
    (n!("Efficiency needed for the target"), n!("target · hashprice BTC · (1 − pool fee) / (24 · PUE · cash cost per kWh)")),
    (n!("Colocation per kWh"), n!("lease / (730 h · AI PUE), plus power billed at cost for revenue; margin is lease − other cash cost")),
    (n!("GPU cloud per kWh"), n!("price per GPU-hour · share sold / (kW per GPU · AI PUE); margin subtracts cash cost and other opex")),
    (n!("Capex per MW"), n!("mining: $/TH · 10^6 / (J/TH · PUE) + site; colocation: fit-out; GPU: capex per GPU · 1000 / (kW · PUE) + fit-out")),
    (n!("All-in margin per kWh (fleet and site)"), n!("margin per kWh − capex per MW (fleet and site) / (life · 8,760,000 kWh; mining × uptime): the decision map and the tornado rank by it")),
    (n!("Margin per MW-year and payback"), n!("margin per kWh · 8,760,000 (mining × uptime); payback = capex / margin, never when the margin is not positive")),
];

/// The formulas and the sources, folded away until asked for.
#[component]
pub fn Methodology() -> impl IntoView {
    view! {
        <footer>
        <details class="card method" id="method">
            <summary class="method-title">{t("How we calculate")}</summary>
            <dl>
                {FORMULAS.iter().map(|(name, formula)| view! { <dt>{t(name)}</dt><dd><code>{t(formula)}</code></dd> }).collect_view()}
            </dl>
            <h3>{t("Sources")}</h3>
            <ul>
                <li>{tf(
                    "Network snapshot ({date}): Hashrate Index, hashprice all-time low $35.06 on 22 Nov 2025; difficulty 155 T; subsidy 3.125 BTC since April 2024, next halving at block 1,050,000.",
                    &[("date", &num(SNAPSHOT_DATE))],
                )}</li>
                <li>{t("ASIC presets: makers' nameplate hashrate and power. ASIC prices: Hashrate Index ASIC price index, Nov 2025 (S21 XP about $25.70/TH).")}</li>
                <li>{t("GPU presets: DGX power per GPU (H100 10.2 kW / 8, B200 14.3 kW / 8); 8-GPU server prices; rental prices 2025–26 (H100 $1.99–2.50 at smaller clouds).")}</li>
                <li>{t("Colocation leases signed by miners, implied per kW-month of IT load: Core Scientific–CoreWeave $121, Cipher–AWS $102, Cipher–Fluidstack $149, TeraWulf–Fluidstack $154, Hut 8–Fluidstack $159. Gross-to-IT power 1.25–1.45.")}</li>
                <li>{t("Site costs: mining $300k–800k per MW; AI-grade halls $8–15 million per MW.")}</li>
            </ul>
            <p class="note">{t("Every figure is a planning estimate from the inputs above; change any input to test your own case.")}</p>
        </details>
        </footer>
    }
}
