//! The calculator: the full page, or the compact embed when the link says `embed=1`.

use leptos::prelude::*;

use super::fields::input_panel::InputPanel;
use super::fields::language_picker::LanguagePicker;
use super::hooks::state::{
    ComparingCtx, LinkCtx, LiveReadingCtx, MetricsCtx, ProjectionCtx, ScenarioCtx, SettledCtx, TimeModel, TimeModelCtx,
};
use super::hooks::use_embed_height::use_embed_height;
use super::hooks::use_scenario_url::use_scenario_url;
use super::hooks::use_settled::use_settled;
use super::lazy;
use super::sections::compare_card::{CompareCard, KwhChartAlone};
use super::sections::cost_per_btc_card::CostPerBtcCard;
use super::sections::network_card::NetworkCard;
use super::sections::notice::Notice;
use super::sections::per_mw_table::PerMwTable;
use super::share::embed_bar::{EmbedBar, EmbedFacts};
use super::share::share_bar::ShareBar;
use crate::model::economics::projection::Projection;
use crate::model::evaluate_static;
use crate::model::view::{Chart, Section};
use crate::text::t;

/// The whole calculator.
#[component]
pub fn App() -> impl IntoView {
    let url = use_scenario_url();
    let (session, scenario) = (url.session, url.scenario);
    // Two speeds. Today's figures follow every keystroke (a few microseconds natively); the
    // time model (cash flows, NPV, IRR over up to 240 months) and the sections below the
    // first screen (over time, the map, the tornado) follow the settled scenario, a frame
    // later, once for a burst of keystrokes: typing never waits for them. The time model is
    // a chunk loaded after the first screen, and only when a section shown needs it.
    let invalid = Memo::new(move |_| session.with(|s| s.draft().invalid_keys()));
    let settled = use_settled(scenario, invalid);
    let time_model = RwSignal::new(None::<TimeModel>);
    let today = Memo::new(move |_| {
        let invalid = invalid.get();
        scenario.with(|s| evaluate_static(s, invalid))
    });
    let over_time = Memo::new(move |_| {
        let over_time = time_model.get()?;
        Some(settled.with(|(s, invalid)| over_time(s, *invalid)))
    });
    let metrics = Memo::new(move |_| {
        today.with(|t| over_time.with(|o| o.as_ref().map_or_else(|| t.clone(), |o| t.with_projected(&o.metrics))))
    });
    let projection = Memo::new(move |_| {
        over_time.with(|o| o.as_ref().map_or_else(Projection::not_projected, |o| o.projection.clone()))
    });
    provide_context(SettledCtx(settled));
    provide_context(session);
    provide_context(ScenarioCtx(scenario));
    provide_context(MetricsCtx(metrics));
    provide_context(ProjectionCtx(projection));
    provide_context(LinkCtx(url.link));
    provide_context(TimeModelCtx(time_model));
    // While comparing, A and B side by side take the place of the single scenario's cards.
    let comparing = Memo::new(move |_| session.with(|s| s.pinned().is_some()));
    provide_context(ComparingCtx(comparing));
    provide_context(LiveReadingCtx(RwSignal::new(None)));

    let view = scenario.with_untracked(|s| s.view);
    // The theme follows the link; an effect touches only the document element. The language
    // was set before mounting (super::mount): changing it reloads the page.
    let theme = Memo::new(move |_| scenario.with(|s| s.view.theme));
    Effect::new(move |_| {
        let theme = theme.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-theme", theme.name());
        }
    });

    let warnings = url.warnings;
    // `title=`: the scenario's headline, as text (never markup), above the results.
    let headline = move || {
        scenario
            .with(|s| s.view.title)
            .map(|title| view! { <p class="headline" data-title="">{title.as_str().to_string()}</p> })
    };

    if view.embed {
        use_embed_height();
        let (sections, editable) = (view.sections(), view.edit);
        // `live=1` asks for the button, which sits in the network card. A comparison embed
        // shows A and B compactly, then the inputs (B's) if asked for.
        let live = view.live;
        let compared = comparing.get_untracked();
        // Only an embed that shows a figure over time loads the time model; its inputs show
        // the site's plan (its NPV and lifetime cash).
        if compared
            || [Section::Time, Section::PerMw, Section::History, Section::Inputs]
                .into_iter()
                .any(|s| sections.contains(s))
        {
            lazy::load_time_model();
        }
        // One chart alone (`show=kwh-chart`, …): its title, what it rests on, the chart, its
        // source, and the way to the full calculator; at an article column's width.
        if let Some(chart) = view.chart.filter(|_| !compared) {
            if chart != Chart::Kwh && chart != Chart::Map {
                lazy::load_time_model();
            }
            let shown = match chart {
                Chart::Kwh => view! { <KwhChartAlone/> }.into_any(),
                _ => lazy::chart_alone(chart),
            };
            return view! {
                <main class="embed alone" id="results" tabindex="-1" data-layout="embed" data-alone=chart.name()>
                    <h1 class="embed-title">"kWhich"</h1>
                    {headline}
                    <EmbedFacts/>
                    <Notice warnings=warnings/>
                    {shown}
                    <EmbedBar editable=false/>
                </main>
            }
            .into_any();
        }
        let shown = Section::ALL.into_iter().filter(move |s| {
            (sections.contains(*s) || (*s == Section::Network && live)) && (*s == Section::Inputs || !compared)
        });
        return view! {
            <main class="embed" id="results" tabindex="-1" data-layout="embed">
                <h1 class="embed-title">"kWhich"</h1>
                {headline}
                // What the figures rest on, as the boot module wrote it (one scenario's).
                {(!compared).then(|| view! { <EmbedFacts/> })}
                <Notice warnings=warnings/>
                {compared.then(lazy::comparison)}
                {shown.map(|s| section_view(s, editable)).collect_view()}
                <EmbedBar editable=editable/>
            </main>
        }
        .into_any();
    }
    let results = Section::ALL.into_iter().filter(|s| *s != Section::Inputs);

    // Offline after one visit, for the full page only: an embed lives in someone else's
    // article and stores nothing there.
    super::web::register_worker();
    // The sections a click may show (comparing, the embed panel) and those below the first
    // screen: their chunks load now, after the first screen. An embed loads only its own.
    lazy::preload();
    // The per-MW table shows the projected payback: the full page always needs the model.
    lazy::load_time_model();
    view! {
        <header class="top">
            <div class="brand">
                <h1>"kWhich"</h1>
                <p class="tagline">{t("What a kilowatt-hour earns mining bitcoin, and what it would earn leased to AI.")}</p>
            </div>
            <LanguagePicker/>
            <ShareBar/>
        </header>
        <Notice warnings=warnings/>
        <main class="layout" data-layout="full" data-comparing=move || comparing.get().then_some("")>
            <section class="results" id="results" tabindex="-1" aria-label=t("Results")>
                {headline}
                // On a phone the inputs come after every result: a way there from the answer.
                <button type="button" class="jump" on:click=|_| super::web::focus("inputs")>{t("Change inputs")}</button>
                {move || match comparing.get() {
                    true => lazy::comparison(),
                    false => view! {
                        {results.clone().map(|s| section_view(s, true)).collect_view()}
                        {lazy::power_section()}
                    }
                    .into_any(),
                }}
            </section>
            {section_view(Section::Inputs, true)}
        </main>
        {lazy::methodology()}
    }
    .into_any()
}

/// The component that shows `section`; `editable` is false for an embed with `edit=0`.
fn section_view(section: Section, editable: bool) -> AnyView {
    match section {
        Section::Compare => view! { <CompareCard/> }.into_any(),
        Section::Btc => view! { <CostPerBtcCard/> }.into_any(),
        // In the app's own chunk: the boot module wrote the per-MW table before it, and the
        // app replaces it in one frame, so it must not wait for another chunk.
        Section::PerMw => view! { <PerMwTable/> }.into_any(),
        Section::Network => view! { <NetworkCard/> }.into_any(),
        Section::Time | Section::History => lazy::time_section(section),
        Section::Inputs => view! { <InputPanel editable=editable/> }.into_any(),
        Section::Map => lazy::map_section(),
        Section::Drivers => lazy::drivers_section(),
    }
}
