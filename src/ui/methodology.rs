//! "How we calculate": the contract's formulas and the sources of the figures, on the page.

use leptos::prelude::*;

use crate::model::SNAPSHOT_DATE;

const FORMULAS: [(&str, &str); 14] = [
    ("Hashprice (BTC per PH/s per day)", "(subsidy + fees) · 86,400 · 10^15 / (difficulty · 10^12 · 2^32), or hp / btc when hashprice is set by hand"),
    ("Network hashrate", "difficulty · 10^12 · 2^32 / 600 s"),
    ("ASIC efficiency", "power / hashrate (J/TH)"),
    ("Mining revenue per kWh", "hashprice USD · (1 − pool fee) / (24 · J/TH · PUE): per kWh at the facility meter"),
    ("Cash cost per kWh", "electricity price + other cash cost"),
    ("Energy per BTC", "24 · J/TH · PUE / (hashprice BTC · (1 − pool fee))"),
    ("Cash cost per BTC", "energy per BTC · cash cost per kWh; also the break-even bitcoin price"),
    ("All-in cost per BTC", "cash cost + (ASIC $/TH / (life · 365)) / (hashprice BTC / 1000 · (1 − pool fee) · uptime)"),
    ("Highest power price for the target", "target / energy per BTC − other cash cost (negative: unreachable)"),
    ("Efficiency needed for the target", "target · hashprice BTC · (1 − pool fee) / (24 · PUE · cash cost per kWh)"),
    ("Colocation per kWh", "lease / (730 h · AI PUE), plus power billed at cost for revenue; margin is lease − other cash cost"),
    ("GPU cloud per kWh", "price per GPU-hour · share sold / (kW per GPU · AI PUE); margin subtracts cash cost and other opex"),
    ("Capex per MW", "mining: $/TH · 10^6 / (J/TH · PUE) + site; colocation: fit-out; GPU: capex per GPU · 1000 / (kW · PUE) + fit-out"),
    ("Margin per MW-year and payback", "margin per kWh · 8,760,000 (mining × uptime); payback = capex / margin, never when the margin is not positive"),
];

/// The formulas and the sources, folded away until asked for.
#[component]
pub fn Methodology() -> impl IntoView {
    view! {
        <footer>
        <details class="card method" id="method">
            <summary class="method-title">"How we calculate"</summary>
            <dl>
                {FORMULAS.iter().map(|(name, formula)| view! { <dt>{*name}</dt><dd><code>{*formula}</code></dd> }).collect_view()}
            </dl>
            <h3>"Sources"</h3>
            <ul>
                <li>{format!("Network snapshot ({SNAPSHOT_DATE}): Hashrate Index, hashprice all-time low $35.06 on 22 Nov 2025; difficulty 155 T; subsidy 3.125 BTC since April 2024, next halving at block 1,050,000.")}</li>
                <li>"ASIC presets: makers' nameplate hashrate and power. ASIC prices: Hashrate Index ASIC price index, Nov 2025 (S21 XP about $25.70/TH)."</li>
                <li>"GPU presets: DGX power per GPU (H100 10.2 kW / 8, B200 14.3 kW / 8); 8-GPU server prices; rental prices 2025–26 (H100 $1.99–2.50 at smaller clouds)."</li>
                <li>"Colocation leases signed by miners, implied per kW-month of IT load: Core Scientific–CoreWeave $121, Cipher–AWS $102, Cipher–Fluidstack $149, TeraWulf–Fluidstack $154, Hut 8–Fluidstack $159. Gross-to-IT power 1.25–1.45."</li>
                <li>"Site costs: mining $300k–800k per MW; AI-grade halls $8–15 million per MW."</li>
            </ul>
            <p class="note">"Every figure is a planning estimate from the inputs above; change any input to test your own case."</p>
        </details>
        </footer>
    }
}
