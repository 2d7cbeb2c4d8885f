//! Writing a scenario as the shortest link: the keys that differ from a base, in SPEC.md's
//! order, then the display keys that are not at their default.

use super::*;

/// The inputs that take `base` to `scenario`, as link keys and values: each preset that
/// differs (which fills its keys on `base`), then each key whose value still differs, in
/// SPEC.md's order with `asic` just before `th` and `gpu` just before `gph`. Reading them
/// onto `base` ([`Given::apply`]) gives `scenario`'s inputs back. An `hp` that `scenario`
/// lacks and `base` has is written empty.
pub(in crate::model::link) fn differing(scenario: &Scenario, base: &Scenario) -> Vec<(&'static str, String)> {
    let mut base = base.clone();
    let mut out = Vec::new();
    for key in Key::ALL {
        if key == Key::Th && scenario.asic() != base.asic() {
            out.push(("asic", scenario.asic().id.to_string()));
            base.set_asic(scenario.asic());
        }
        if key == Key::Gph && scenario.gpu() != base.gpu() {
            out.push(("gpu", scenario.gpu().id.to_string()));
            base.set_gpu(scenario.gpu());
        }
        let value = scenario.get(key);
        if value != base.get(key) {
            out.push((key.name(), value.map_or_else(String::new, plain)));
        }
    }
    out.extend(differing_backtest(scenario, &base));
    out
}

/// `bt` and `btcap` where `scenario` gives another than `base` (a given month is written even
/// when it is today's default: it stays put when `life` changes, the default does not);
/// empty where `base` gives one that `scenario` leaves at its default.
fn differing_backtest(scenario: &Scenario, base: &Scenario) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let bt = scenario.bt_link_value();
    if bt != base.bt_link_value() {
        out.push(("bt", bt.unwrap_or_default()));
    }
    match (scenario.btcap_given(), base.btcap_given()) {
        (given, based) if given == based => {}
        (Some(c), _) => out.push(("btcap", plain(c))),
        (None, _) => out.push(("btcap", String::new())),
    }
    out
}

/// Writes the shortest link for a scenario: `v=1`, then each key whose value differs from
/// its default, in SPEC.md's order, then the display keys that are not at their default.
pub fn to_query(scenario: &Scenario) -> String {
    let mut out = String::from("v=1");
    let mut push = |key: &str, value: &str| {
        out.push('&');
        out.push_str(key);
        out.push('=');
        out.push_str(&percent_encode(value));
    };
    for (key, value) in differing(scenario, &Scenario::default()) {
        push(key, &value);
    }
    let view = &scenario.view;
    if view.lang != Lang::En {
        push("lang", view.lang.name());
    }
    if let Some(title) = &view.title {
        push("title", title.as_str());
    }
    if view.embed {
        push("embed", "1");
    }
    if let Some(show) = view.show {
        push("show", &show.to_link_value());
    }
    if !view.edit {
        push("edit", "0");
    }
    if view.live {
        push("live", "1");
    }
    if view.theme != Theme::Auto {
        push("theme", view.theme.name());
    }
    if view.power_unit != PowerUnit::UsdPerKwh {
        push("pu", view.power_unit.name());
    }
    out
}
