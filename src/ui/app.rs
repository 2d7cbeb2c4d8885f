//! The calculator: the full page, or the compact embed when the link says `embed=1`.

use leptos::prelude::*;

use super::compare_card::CompareCard;
use super::cost_per_btc_card::CostPerBtcCard;
use super::embed_bar::EmbedBar;
use super::input_panel::InputPanel;
use super::methodology::Methodology;
use super::network_card::NetworkCard;
use super::notice::Notice;
use super::per_mw_table::PerMwTable;
use super::share_bar::ShareBar;
use super::state::{FieldErrors, InputErrors, MetricsCtx, ScenarioCtx};
use super::use_embed_height::use_embed_height;
use super::use_scenario_url::use_scenario_url;
use crate::model::metrics::evaluate_with_invalid;
use crate::model::view::Section;

/// The whole calculator.
#[component]
pub fn App() -> impl IntoView {
    let url = use_scenario_url();
    let scenario = url.scenario;
    let errors = RwSignal::new(FieldErrors::default());
    let metrics = Memo::new(move |_| {
        let invalid = errors.with(FieldErrors::invalid_keys);
        scenario.with(|s| evaluate_with_invalid(s, invalid))
    });
    provide_context(ScenarioCtx(scenario));
    provide_context(InputErrors(errors));
    provide_context(MetricsCtx(metrics));

    let view = scenario.with_untracked(|s| s.view);
    // The theme follows the link; an effect touches only the document element. `lang` is
    // kept in the link but the texts are English only, so `<html lang>` stays "en": a
    // screen reader must not read English with an Arabic or Vietnamese voice.
    let theme = Memo::new(move |_| scenario.with(|s| s.view.theme));
    Effect::new(move |_| {
        let theme = theme.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-theme", theme.name());
        }
    });

    let sections = view.sections();
    let show = move |s: Section| sections.contains(s);
    let warnings = url.warnings;

    if view.embed {
        use_embed_height();
        let editable = view.edit;
        return view! {
            <main class="embed" id="results" tabindex="-1" data-layout="embed">
                <Notice warnings=warnings/>
                {show(Section::Compare).then(|| view! { <CompareCard/> })}
                {show(Section::Btc).then(|| view! { <CostPerBtcCard/> })}
                {show(Section::PerMw).then(|| view! { <PerMwTable/> })}
                // `live=1` asks for the button, which sits in the network card.
                {(show(Section::Network) || view.live).then(|| view! { <NetworkCard/> })}
                {show(Section::Inputs).then(|| view! { <InputPanel editable=editable/> })}
                <EmbedBar/>
            </main>
        }
        .into_any();
    }

    // Offline after one visit, for the full page only: an embed lives in someone else's
    // article and stores nothing there.
    super::web::register_worker();
    view! {
        <header class="top">
            <div class="brand">
                <h1>"kWhich"</h1>
                <p class="tagline">"What a kilowatt-hour earns mining bitcoin, and what it would earn leased to AI."</p>
            </div>
            <ShareBar/>
        </header>
        <Notice warnings=warnings/>
        <main class="layout" data-layout="full">
            <section class="results" id="results" tabindex="-1" aria-label="Results">
                <CompareCard/>
                <CostPerBtcCard/>
                <PerMwTable/>
                <NetworkCard/>
            </section>
            <InputPanel editable=true/>
        </main>
        <Methodology/>
    }
    .into_any()
}
