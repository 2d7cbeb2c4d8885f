//! The share link: a URL or bare query becomes a scenario plus warnings, and a scenario
//! becomes the shortest link (`v=1` plus the keys that differ from their defaults).

use rust_decimal::Decimal;

use crate::model::fields::{FieldError, Key};
use crate::model::history::MonthError;
use crate::model::power::ProfileError;

use super::power_keys::apply_power;
use crate::model::presets::{AsicPreset, GpuPreset, ASICS, GPUS};
use crate::model::scenario::Scenario;
use crate::model::site::{Mix, MixError};
use crate::model::view::{Chart, Lang, PowerUnit, Section, Sections, Theme, Title, TitleError, TITLE_MAX};

mod query_text;
mod site_keys;
mod write;

pub(super) use query_text::percent_encode;
use query_text::{is_tracking, percent_decode, query_of};
use site_keys::apply_site;
pub(super) use write::differing;
pub use write::to_query;

/// Why part of a link was ignored. Each names the key and, where there is one, the value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A key the contract does not know.
    UnknownKey { key: String },
    /// A value that does not parse or lies outside its range; the key keeps `fallback`.
    Invalid { key: String, value: String, reason: Refusal, fallback: Fallback },
    /// The key appeared more than once; the first value counts.
    Repeated { key: String, value: String },
    /// `asic`, `th` or `w` given beside `mix`: the fleet's models set the efficiency.
    IgnoredForMix { key: String, value: String },
    /// A site owned and `gfit` below `site`: the AI fit-out beyond the site floors at 0.
    FitOutBelowSite { key: String, gfit: String, site: String },
}

/// Why a link's value was refused (the presentation layer words it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A numeric key's value, and what is wrong with it.
    Field(Key, FieldError),
    /// `v` other than 1.
    Version,
    /// `lang` other than en, ar, vi.
    Lang,
    /// `theme` other than light, dark, auto.
    Theme,
    /// `pu` other than kwh, ckwh, mwh.
    PowerUnit,
    /// `nu` other than latn.
    Digits,
    /// `embed`, `edit` or `live` other than 0 or 1.
    ZeroOrOne,
    /// `show` naming no known section.
    Sections,
    /// An unknown ASIC preset; the known ids, comma-separated.
    Asic(String),
    /// An unknown GPU preset; the known ids, comma-separated.
    Gpu(String),
    /// `cmp` other than 1.
    Cmp,
    /// A key of the whole link (`lang`, `theme`…) given for side B, C or D (under `prefix`).
    WholeLink { key: String, prefix: &'static str },
    /// `title=` with nothing to show.
    TitleEmpty,
    /// `title=` longer than the given number of characters.
    TitleTooLong(usize),
    /// `bt` not a month of the history's data.
    BacktestMonth(MonthError),
    /// `btcap` not a number from 0 to 10,000.
    BacktestCapex,
    /// `pp` other than flat, ercot-n-2025, custom.
    Profile,
    /// `pp=custom` without a valid `pq`.
    CustomNeedsBuckets,
    /// `pq` not 100 ascending prices, and why.
    ProfileBuckets(ProfileError),
    /// `pq` without `pp=custom`.
    BucketsNeedCustom,
    /// `strike` neither `auto` nor a number from −1 to 10.
    Strike(FieldError),
    /// A fixed `strike` with a flat price.
    StrikeNeedsProfile,
    /// `own` other than none, site, fleet.
    Own,
    /// `aip` other than colo, gpu.
    AiPath,
    /// `mix` not a fleet of known models with shares summing to 100.
    Mix(MixError),
}

/// What a refused key keeps instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// A value as a link writes it (`0.05`, `s21`, `auto`).
    Value(String),
    Version1,
    DefaultSections,
    /// `hp` keeps no value: the hashprice is computed.
    ComputedHashprice,
    /// No `cmp`: the link is read as the sides give it.
    NoCmp,
    /// The whole link's value of this key.
    LinkWide(String),
    /// Side B keeps side A's hashprice override.
    AsHashprice,
    /// The page shows no title.
    NoTitle,
    /// `bt` keeps its default: the data's last month less the ASIC life.
    DefaultMonth,
    /// `nu`: the language's own digits.
    LanguageDigits,
    /// No custom price profile is read from `pq`.
    NoBuckets,
    /// No `mix`: the single model of `asic`, `th` and `w`.
    SingleModel,
}

impl Warning {
    /// The link key this warning is about.
    pub fn key(&self) -> &str {
        match self {
            Warning::UnknownKey { key }
            | Warning::Invalid { key, .. }
            | Warning::Repeated { key, .. }
            | Warning::IgnoredForMix { key, .. }
            | Warning::FitOutBelowSite { key, .. } => key,
        }
    }
}

/// A value as a link writes it: plain decimal, `.` separator, no exponent, no grouping,
/// no trailing zeros, never `-0`.
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Reads a link into a scenario. Never fails: what cannot be used falls back for that key
/// alone and is named in the warnings (tracking keys excepted).
pub fn from_query(input: &str) -> (Scenario, Vec<Warning>) {
    from_pairs(pairs(input))
}

/// The decoded `key=value` pairs of a link, in its order, tracking keys left out.
pub(super) fn pairs(input: &str) -> Vec<(String, String)> {
    query_of(input)
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(raw_key), percent_decode(raw_value))
        })
        .filter(|(key, _)| !is_tracking(key))
        .collect()
}

/// Reads decoded pairs into a scenario, as [`from_query`] does.
pub(super) fn from_pairs(pairs: Vec<(String, String)>) -> (Scenario, Vec<Warning>) {
    let mut warnings = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut given = Given::default();
    let mut scenario = Scenario::default();

    for (key, value) in pairs {
        if seen.contains(&key) {
            warnings.push(Warning::Repeated { key, value });
            continue;
        }
        seen.push(key.clone());
        let invalid = |reason: Refusal, fallback: Fallback| Warning::Invalid {
            key: key.clone(),
            value: value.clone(),
            reason,
            fallback,
        };
        match key.as_str() {
            "v" if value == "1" => {}
            "v" => warnings.push(invalid(Refusal::Version, Fallback::Version1)),
            "asic" => given.asic = Some(value),
            "gpu" => given.gpu = Some(value),
            "bt" | "btcap" => given.backtest.push((key, value)),
            "pp" | "pq" | "strike" => given.power.push((key, value)),
            "own" | "mix" | "aip" => given.site.push((key, value)),
            "lang" => match Lang::from_name(&value) {
                Some(lang) => scenario.view.lang = lang,
                None => warnings.push(invalid(Refusal::Lang, Fallback::Value("en".into()))),
            },
            "title" => match Title::new(&value) {
                Ok(title) => scenario.view.title = Some(title),
                Err(TitleError::Empty) => warnings.push(invalid(Refusal::TitleEmpty, Fallback::NoTitle)),
                Err(TitleError::TooLong) => warnings.push(invalid(Refusal::TitleTooLong(TITLE_MAX), Fallback::NoTitle)),
            },
            "theme" => match Theme::from_name(&value) {
                Some(theme) => scenario.view.theme = theme,
                None => warnings.push(invalid(Refusal::Theme, Fallback::Value("auto".into()))),
            },
            "pu" => match PowerUnit::from_name(&value) {
                Some(unit) => scenario.view.power_unit = unit,
                None => warnings.push(invalid(Refusal::PowerUnit, Fallback::Value("kwh".into()))),
            },
            "nu" => match value.as_str() {
                "latn" => scenario.view.latin_digits = true,
                _ => warnings.push(invalid(Refusal::Digits, Fallback::LanguageDigits)),
            },
            "embed" | "edit" | "live" => match value.as_str() {
                "0" | "1" => {
                    let on = value == "1";
                    match key.as_str() {
                        "embed" => scenario.view.embed = on,
                        "edit" => scenario.view.edit = on,
                        _ => scenario.view.live = on,
                    }
                }
                _ => warnings
                    .push(invalid(Refusal::ZeroOrOne, Fallback::Value(if key == "edit" { "1" } else { "0" }.into()))),
            },
            "show" if Chart::from_name(&value).is_some() => scenario.view.chart = Chart::from_name(&value),
            "show" => match parse_sections(&value) {
                Some(sections) => scenario.view.show = Some(sections),
                None => warnings.push(invalid(Refusal::Sections, Fallback::DefaultSections)),
            },
            _ => match Key::from_name(&key) {
                Some(k) => given.numbers.push((k, value)),
                None => warnings.push(Warning::UnknownKey { key }),
            },
        }
    }
    given.apply(&mut scenario, "", &mut warnings);
    (scenario, warnings)
}

/// The inputs a link gives, as written, before they are applied to a scenario.
#[derive(Clone, Debug, Default)]
pub(super) struct Given {
    pub asic: Option<String>,
    pub gpu: Option<String>,
    pub numbers: Vec<(Key, String)>,
    /// `bt` and `btcap` (src/model/history.rs), after the numbers whose defaults they follow.
    pub backtest: Vec<(String, String)>,
    /// `pp`, `pq` and `strike` (src/model/power.rs), last: a strike needs its profile.
    pub power: Vec<(String, String)>,
    /// `own`, `mix` and `aip` (src/model/site.rs).
    pub site: Vec<(String, String)>,
}

impl Given {
    /// Sets the given inputs on `scenario`; each key not given keeps the scenario's value.
    /// What is refused keeps that value too and is named in `warnings` as `{prefix}{key}`.
    pub(super) fn apply(self, scenario: &mut Scenario, prefix: &str, warnings: &mut Vec<Warning>) {
        let Given { asic, gpu, mut numbers, backtest, power, site } = self;
        // What the fleet's mix makes unused, as given: named once the mix is known.
        let mut efficiency_keys: Vec<(&str, String)> = asic.iter().map(|a| ("asic", a.clone())).collect();
        efficiency_keys
            .extend(numbers.iter().filter(|(k, _)| matches!(k, Key::Th | Key::W)).map(|(k, v)| (k.name(), v.clone())));
        let site_costs_given = !site.is_empty() || numbers.iter().any(|(k, _)| matches!(k, Key::Gfit | Key::Site));
        // Presets first: `asic=` and `gpu=` fill their fields unless those are given.
        if let Some(id) = asic {
            match AsicPreset::by_id(&id) {
                Some(preset) => scenario.set_asic(preset),
                None => warnings.push(Warning::Invalid {
                    key: format!("{prefix}asic"),
                    reason: Refusal::Asic(ids(ASICS.iter().map(|p| p.id))),
                    value: id,
                    fallback: Fallback::Value(scenario.asic().id.into()),
                }),
            }
        }
        if let Some(id) = gpu {
            match GpuPreset::by_id(&id) {
                Some(preset) => scenario.set_gpu(preset),
                None => warnings.push(Warning::Invalid {
                    key: format!("{prefix}gpu"),
                    reason: Refusal::Gpu(ids(GPUS.iter().map(|p| p.id))),
                    value: id,
                    fallback: Fallback::Value(scenario.gpu().id.into()),
                }),
            }
        }

        // `sub` before `fee`: when both are zero, `fee` is the one that falls back. A
        // zero refused because its partner was still zero gets one more try after the
        // partner: reading onto a scenario with no fee, `sub=0&fee=0.5` is valid.
        // In the keys' order, each key once (the first value counts): taken key by key
        // rather than sorted, which spares the first load a sort of its own (2.8 KB of Wasm).
        let mut waiting = Vec::new();
        for key in Key::ALL {
            let Some(at) = numbers.iter().position(|(k, _)| *k == key) else { continue };
            let (key, value) = numbers.swap_remove(at);
            match key.field().parse(&value).and_then(|v| scenario.set(key, Some(v))) {
                Err(FieldError::RewardNotPositive) => waiting.push((key, value)),
                Err(error) => warnings.push(invalid_value(scenario, prefix, key, value, &error)),
                Ok(()) => {}
            }
        }
        for (key, value) in waiting {
            if let Err(error) = key.field().parse(&value).and_then(|v| scenario.set(key, Some(v))) {
                warnings.push(invalid_value(scenario, prefix, key, value, &error));
            }
        }
        for (key, value) in backtest {
            apply_backtest(scenario, prefix, key, value, warnings);
        }
        if !power.is_empty() {
            apply_power(scenario, prefix, power, warnings);
        }
        for (key, value) in site {
            apply_site(scenario, prefix, key, value, warnings);
        }
        if scenario.mix().is_some() {
            for (key, value) in efficiency_keys {
                warnings.push(Warning::IgnoredForMix { key: format!("{prefix}{key}"), value });
            }
        }
        // Side B names it only when its own keys make it so (A's notice has named A's).
        let (gfit, site_cost) = (scenario.gfit().get(), scenario.site().get());
        if scenario.own().site_owned() && gfit < site_cost && (prefix.is_empty() || site_costs_given) {
            warnings.push(Warning::FitOutBelowSite {
                key: format!("{prefix}gfit"),
                gfit: plain(gfit),
                site: plain(site_cost),
            });
        }
    }
}

/// Sets `bt` or `btcap`; an empty value takes the default (which follows `life` or `capex`).
/// What is refused keeps the scenario's value and is named in `warnings`.
fn apply_backtest(scenario: &mut Scenario, prefix: &str, key: String, value: String, warnings: &mut Vec<Warning>) {
    let refused = if key == "bt" {
        let kept = scenario.bt_link_value().map_or(Fallback::DefaultMonth, Fallback::Value);
        scenario.set_bt_text(&value).err().map(|e| (Refusal::BacktestMonth(e), kept))
    } else {
        let refused = scenario.set_btcap_text(&value).is_err();
        refused.then(|| (Refusal::BacktestCapex, Fallback::Value(plain(scenario.btcap().get()))))
    };
    if let Some((reason, fallback)) = refused {
        warnings.push(Warning::Invalid { key: format!("{prefix}{key}"), value, reason, fallback });
    }
}

/// The warning for a refused value: the key keeps what `scenario` holds.
fn invalid_value(scenario: &Scenario, prefix: &str, key: Key, value: String, error: &FieldError) -> Warning {
    let fallback = match scenario.get(key) {
        Some(v) => Fallback::Value(plain(v)),
        None => Fallback::ComputedHashprice,
    };
    Warning::Invalid {
        key: format!("{prefix}{}", key.name()),
        value,
        reason: Refusal::Field(key, error.clone()),
        fallback,
    }
}

fn ids<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(", ")
}

fn parse_sections(value: &str) -> Option<Sections> {
    let mut sections = Sections::empty();
    // `show=` is what `to_query` writes for an embed with every section unticked.
    if value.is_empty() {
        return Some(sections);
    }
    for name in value.split(',') {
        sections = sections.with(Section::from_name(name.trim())?);
    }
    Some(sections)
}

#[cfg(test)]
pub(super) mod tests;
