//! "Your site" (SPEC.md, "Site"): what the reader already owns, the fleet as a list of
//! models with their shares, and the plan: convert N % of the site to AI, its site figures
//! beside all mining and all AI. Each control writes its link key (`own`, `rlife`, `mix`,
//! `ai`, `aip`).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::model::edit::draft::Source;
use crate::model::fields::parse_decimal;
use crate::model::presets::{AsicPreset, ASICS};
use crate::model::site::{AiPath, Mix, MixError, MixModel, Own, MIX_MAX};
use crate::model::{Key, MetricId as M, Path};
use crate::text::paths::path_name;
use crate::text::site::{ai_path_label, mix_refusal, own_label};
use crate::text::{num, t, tf};
use crate::ui::fields::number_field::NumberField;
use crate::ui::hooks::state::{ComparingCtx, ScenarioCtx, SessionCtx};
use crate::ui::live_text;
use crate::ui::sections::metric_value::MetricValue;

/// One row of the fleet as typed: a preset and the share's text.
type Row = (&'static str, String);

/// The rows of a mix, as the editor shows them.
fn rows_of(mix: &Mix) -> Vec<Row> {
    mix.models().iter().map(|m| (m.preset.id, num(&m.share_pct.normalize().to_string()))).collect()
}

/// The mix the rows say, or why they say none.
fn mix_of(rows: &[Row]) -> Result<Mix, MixError> {
    let mut models = Vec::with_capacity(rows.len());
    for (id, share) in rows {
        let preset = AsicPreset::by_id(id).ok_or_else(|| MixError::UnknownModel((*id).to_string()))?;
        let plain = crate::ui::fields::number_field::typed_plain(share);
        let share_pct = parse_decimal(&plain).map_err(|e| MixError::Share((*id).to_string(), e))?;
        models.push(MixModel { preset, share_pct });
    }
    Mix::new(models)
}

/// "Your site".
#[component]
pub fn SitePanel(
    /// False makes every control read-only (an embed with `edit=0`).
    editable: bool,
) -> impl IntoView {
    let session: SessionCtx = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let ComparingCtx(comparing) = expect_context();
    let own = Memo::new(move |_| scenario.with(|s| s.own()));
    let aip = Memo::new(move |_| scenario.with(|s| s.aip()));

    let owns = Own::ALL
        .into_iter()
        .map(|o| {
            view! {
                <label class="choice">
                    <input type="radio" name="own" value=o.name() disabled=!editable
                        prop:checked=move || own.get() == o
                        on:change=move |_| session.set_site(move |s| s.set_own(o))/>
                    {own_label(o)}
                </label>
            }
        })
        .collect_view();

    let ai_paths = AiPath::ALL
        .into_iter()
        .map(|p| {
            view! {
                <label class="choice">
                    <input type="radio" name="aip" value=p.name() disabled=!editable
                        prop:checked=move || aip.get() == p
                        on:change=move |_| session.set_site(move |s| s.set_aip(p))/>
                    {ai_path_label(p)}
                </label>
            }
        })
        .collect_view();

    // The converted share as a slider beside its field; moving it puts it in the link.
    let ai_value = Memo::new(move |_| scenario.with(|s| s.get(Key::Ai).unwrap_or_default().to_string()));
    let on_slide = move |ev| {
        session.type_text(Key::Ai, Source::Field, &event_target_value(&ev));
        session.settle();
    };

    let plan_rows = [
        (t("Site capex"), M::PlanSiteCapexUsd, Path::site_capex as fn(Path) -> M),
        (t("Site margin a year"), M::PlanSiteMarginUsdPerYear, Path::site_margin),
        (t("Site NPV"), M::PlanSiteNpvUsd, Path::site_npv),
        (t("Site cash over its life"), M::PlanSiteLifetimeCashUsd, Path::site_lifetime_cash),
    ];
    // While comparing, every figure sits in its side's column: the plan's table waits.
    let plan = move || {
        (!comparing.get()).then(|| {
            let ai = match aip.get() {
                AiPath::Colo => Path::Colo,
                AiPath::Gpu => Path::Gpu,
            };
            // Each figure's name on a line of its own above its three amounts: in the inputs'
            // column three amounts, never broken inside ("١٢٦٫١٩ مليون دولار"), take the
            // whole width.
            let rows = plan_rows
                .iter()
                .map(|(label, plan, of)| {
                    view! {
                        <tbody>
                            <tr><th scope="rowgroup" colspan="3">{*label}</th></tr>
                            <tr>
                                <td><MetricValue id=*plan/></td>
                                <td><MetricValue id=of(Path::Mining)/></td>
                                <td><MetricValue id=of(ai)/></td>
                            </tr>
                        </tbody>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label=t("The plan, as a table")>
                    <table data-plan="">
                        <caption>{t("Whole site")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("The plan")}</th>
                                <th scope="col">{tf("All {path}", &[("path", path_name(Path::Mining))])}</th>
                                <th scope="col">{tf("All {path}", &[("path", path_name(ai))])}</th>
                            </tr>
                        </thead>
                        {rows}
                    </table>
                </div>
            }
        })
    };

    view! {
        // A fieldset is as wide as its widest content unless told otherwise: the plan's table
        // scrolls in its own frame instead of widening the inputs on a phone.
        <fieldset class="group site" data-site="" style:min-width="0">
            <legend>{t("Your site")}</legend>
            <div class="choices" role="radiogroup" aria-label=t("What you already own")>{owns}</div>
            {move || (own.get() == Own::Fleet).then(|| view! { <NumberField key=Key::Rlife editable=editable/> })}
            <FleetEditor editable=editable/>
            <div class="field">
                <label for="f-ai-slider">{t("Convert this share of the site to AI (colocation / GPU cloud)")}</label>
                <input id="f-ai-slider" type="range" min="0" max="100" step="1" disabled=!editable
                    prop:value=ai_value on:input=on_slide/>
            </div>
            <NumberField key=Key::Ai editable=editable/>
            <div class="choices" role="radiogroup" aria-label=t("The converted share")>{ai_paths}</div>
            {plan}
        </fieldset>
    }
}

/// The fleet: the single model of the ASIC picker, or a list of models with their shares
/// of the power (add, remove, a share a row) and the blended J/TH.
#[component]
fn FleetEditor(editable: bool) -> impl IntoView {
    let session: SessionCtx = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let rows = RwSignal::new(scenario.with_untracked(|s| s.mix().map(rows_of).unwrap_or_default()));
    // A link restored or a reset: the rows follow the scenario's mix when it changes.
    let mix = Memo::new(move |_| scenario.with(|s| s.mix().cloned()));
    Effect::new(move |_| {
        let now = mix.get();
        let typed = rows.with_untracked(|r| mix_of(r).ok());
        if typed != now {
            rows.set(now.as_ref().map(rows_of).unwrap_or_default());
        }
    });
    let problem = RwSignal::new(None::<String>);
    // Every edit of the rows: a valid fleet enters the link at once; otherwise the
    // scenario keeps its last fleet and the rows say why.
    let apply = move |next: Vec<Row>| {
        let result = if next.is_empty() { Ok(None) } else { mix_of(&next).map(Some) };
        rows.set(next);
        match result {
            Ok(mix) => {
                problem.set(None);
                session.set_site(move |s| s.set_mix(mix.clone()));
            }
            Err(e) => problem.set(Some(mix_refusal(&e))),
        }
    };
    let several = move || rows.with(|r| !r.is_empty());
    let start = move |_| {
        let id = scenario.with_untracked(|s| s.asic().id);
        apply(vec![(id, num("100"))]);
    };
    let add = move |_| {
        let mut next = rows.get_untracked();
        let Some(free) = ASICS.iter().find(|p| !next.iter().any(|(id, _)| *id == p.id)) else { return };
        // The new model takes half of the largest share, so the shares still sum to 100.
        let share = |text: &str| parse_decimal(&crate::ui::fields::number_field::typed_plain(text)).ok();
        let largest = next.iter().enumerate().filter_map(|(i, (_, s))| Some((i, share(s)?))).max_by_key(|(_, s)| *s);
        let half = largest.map_or(Decimal::ZERO, |(_, s)| (s / Decimal::TWO).floor());
        if let Some((i, s)) = largest {
            next[i].1 = num(&(s - half).normalize().to_string());
        }
        next.push((free.id, num(&half.normalize().to_string())));
        apply(next);
    };
    let blend = move || {
        scenario.with(|s| {
            let i = crate::model::economics::inputs::Inputs::new(s, Default::default());
            i.eff().map(|e| e.get().round_dp(2).normalize().to_string()).unwrap_or_default()
        })
    };
    let list = move || {
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(n, (id, share))| {
                let pick = move |ev| {
                    let picked = event_target_value(&ev);
                    let mut next = rows.get_untracked();
                    if let (Some(p), Some(row)) = (AsicPreset::by_id(&picked), next.get_mut(n)) {
                        row.0 = p.id;
                    }
                    apply(next);
                };
                let type_share = move |ev| {
                    let mut next = rows.get_untracked();
                    if let Some(row) = next.get_mut(n) {
                        row.1 = event_target_value(&ev);
                    }
                    apply(next);
                };
                let remove = move |_| {
                    let mut next = rows.get_untracked();
                    if n < next.len() {
                        let (_, gone) = next.remove(n);
                        // Its share goes to the first model left, so the shares still sum to 100.
                        let plain = |t: &str| parse_decimal(&crate::ui::fields::number_field::typed_plain(t)).ok();
                        if let (Some(first), Some(g)) = (next.first_mut(), plain(&gone)) {
                            if let Some(f) = plain(&first.1) {
                                first.1 = num(&(f + g).normalize().to_string());
                            }
                        }
                    }
                    apply(next);
                };
                let (select_id, share_id) = (format!("f-mix-{n}"), format!("f-mix-share-{n}"));
                let (select_for, share_for) = (select_id.clone(), share_id.clone());
                view! {
                    <li class="field" data-mix-row=n>
                        <label for=select_for>{tf("Model {n}", &[("n", &num(&(n + 1).to_string()))])}</label>
                        <select id=select_id disabled=!editable prop:value=id on:change=pick>
                            {ASICS.iter().map(|p| view! {
                                <option value=p.id>{format!("{} · {} J/TH", p.model, num(&p.j_per_th().to_string()))}</option>
                            }).collect_view()}
                        </select>
                        <label for=share_for>{t("Share of the mining power (%)")}</label>
                        <input id=share_id type="text" inputmode="decimal" disabled=!editable prop:value=share
                            on:change=type_share/>
                        <button type="button" disabled=!editable on:click=remove>{t("Remove")}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="fleet" data-fleet="">
            {move || match several() {
                false => view! {
                    <button type="button" disabled=!editable on:click=start data-mix-start="">
                        {t("Several ASIC models")}
                    </button>
                }.into_any(),
                true => view! {
                    <ul class="plain">{list}</ul>
                    <button type="button" disabled=!editable || rows.with(|r| r.len() >= MIX_MAX) on:click=add data-mix-add="">
                        {t("Add a model")}
                    </button>
                    <button type="button" disabled=!editable on:click=move |_| apply(Vec::new()) data-mix-single="">
                        {t("One model")}
                    </button>
                    <p class="error" role="alert">{move || problem.get().unwrap_or_default()}</p>
                }.into_any(),
            }}
            <p class="help" data-blend=move || scenario.with(|s| crate::model::economics::inputs::Inputs::new(s, Default::default()).eff().map(|e| crate::model::link::share_link::plain(e.get())).unwrap_or_default())>
                {live_text(move || tf("Fleet efficiency: {eff} J/TH", &[("eff", &num(&blend()))]))}
            </p>
        </div>
    }
}
