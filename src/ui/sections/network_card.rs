//! Hashprice and the implied network hashrate, with the snapshot's date.

use leptos::prelude::*;

use crate::model::view::Section;

use crate::model::{MetricId as M, SNAPSHOT_DATE};
use crate::text::{t, tf};
use crate::ui::fields::live_button::LiveButton;
use crate::ui::hooks::state::ScenarioCtx;
use crate::ui::sections::metric_value::MetricValue;

/// The network side of the scenario, with "Use today's network" (in an embed only when
/// its link says `live=1`).
#[component]
pub fn NetworkCard() -> impl IntoView {
    let ScenarioCtx(scenario) = expect_context();
    let live = scenario.with_untracked(|s| !s.view.embed || s.view.live);
    let source = move || {
        if scenario.with(|s| s.hp().is_some()) {
            t("Hashprice set by hand (hp); the BTC figure divides it by the bitcoin price.").to_string()
        } else {
            tf(
                "Computed from price, difficulty, subsidy and fees. Default network snapshot: {date}.",
                &[("date", &crate::text::num(SNAPSHOT_DATE))],
            )
        }
    };
    view! {
        <section class="card network" aria-labelledby="network-title" data-section=Section::Network.name()>
            <h2 id="network-title">{t("Network")}</h2>
            <dl class="figures">
                <div><dt>{t("Hashprice")}</dt><dd><MetricValue id=M::HashpriceUsdPerPhDay/></dd></div>
                <div><dt>{t("Hashprice in bitcoin")}</dt><dd><MetricValue id=M::HashpriceBtcPerPhDay/></dd></div>
                <div><dt>{t("Network hashrate")}</dt><dd><MetricValue id=M::NetworkHashrateEhS/></dd></div>
                <div><dt>{t("ASIC efficiency")}</dt><dd><MetricValue id=M::AsicEfficiencyJPerTh/></dd></div>
                <div><dt>{t("Cash cost per kWh")}</dt><dd><MetricValue id=M::MiningCashCostUsdPerKwh/></dd></div>
            </dl>
            <p class="note">{source}</p>
            {live.then(|| view! { <LiveButton/> })}
        </section>
    }
}
