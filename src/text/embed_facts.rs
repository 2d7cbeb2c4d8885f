//! The line under an embed's title: when its network figures are from and the few inputs
//! its figures rest on (bitcoin price, power price, ASIC, colocation lease), in the
//! reader's language. The boot module writes it into the first answer
//! ([`super::answer_html`]) and the app writes the same text from here, so a reader never
//! sees it change as the app mounts.

use rust_decimal::Decimal;

use super::format::{number, usd};
use super::time_charts::{day_label, snapshot_date};
use super::{t, tf};
use crate::model::chart::time::YearMonth;
use crate::model::edit::live::UtcMinute;
use crate::model::fields::Key;
use crate::model::Scenario;

/// Where the scenario's network figures (difficulty, subsidy, fees, block height, and no
/// hashprice override) come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetworkDate {
    /// The snapshot the defaults are ([`crate::model::SNAPSHOT_DATE`]).
    Snapshot,
    /// "Use today's network", read in this visit: the day, as [`today`] words it.
    Today(String),
    /// Set in the link: neither the snapshot's nor read in this visit.
    Set,
}

impl NetworkDate {
    /// The snapshot when the scenario's network is the snapshot's, else set in the link
    /// (what a link alone can tell: today's reading is known only to the visit that made it).
    pub fn of(scenario: &Scenario) -> NetworkDate {
        match scenario.network_is_snapshot() {
            true => NetworkDate::Snapshot,
            false => NetworkDate::Set,
        }
    }
}

/// The source line under a chart shown alone: kWhich, the snapshot's day, the scenario's
/// link (without the embed's display keys).
pub fn source_line(scenario: &Scenario) -> String {
    // Isolated left to right (U+2066 … U+2069): in Arabic a link's `?` would move to its end.
    let link = ["\u{2066}?", &crate::model::to_query(&scenario.without_embed()), "\u{2069}"].concat();
    tf("Source: kWhich, network snapshot {date}; scenario {link}", &[("date", &snapshot_date()), ("link", &link)])
}

/// The day of a reading of today's network, for [`NetworkDate::Today`] (written by the app
/// alone: the first load never has a reading).
pub fn today(at: &UtcMinute) -> String {
    YearMonth::new(i32::from(at.year), at.month).map(|m| day_label(m, at.day)).unwrap_or_default()
}

/// `value` to at least `min` and at most 4 decimal places, as many as it has: `$0.045`,
/// `$0.05`, `$85,000`.
fn usd_as_given(value: Decimal, min: u32) -> String {
    usd(value, value.normalize().scale().clamp(min, 4))
}

/// "Network snapshot of 22 Nov 2025 · bitcoin $85,000 · power $0.045 per kWh · Antminer
/// S21 XP · colocation lease $140 per kW-month".
pub fn facts_text(scenario: &Scenario, network: NetworkDate) -> String {
    let network = match network {
        NetworkDate::Snapshot => tf("Network snapshot of {date}", &[("date", &snapshot_date())]),
        NetworkDate::Today(day) => tf("Today's network, {date}", &[("date", &day)]),
        NetworkDate::Set => t("Network figures set in the link").to_string(),
    };
    let value = |key: Key| scenario.get(key).unwrap_or_default();
    let preset = scenario.asic();
    let asic = match value(Key::Th) == preset.th && value(Key::W) == preset.w {
        true => preset.model.to_string(),
        false => {
            let efficiency = value(Key::W).checked_div(value(Key::Th)).map(|e| number(e, 1)).unwrap_or_default();
            tf("ASIC at {efficiency} J/TH", &[("efficiency", &efficiency)])
        }
    };
    tf(
        "{network} · bitcoin {btc} · power {power} per kWh · {asic} · colocation lease {lease} per kW-month",
        &[
            ("network", &network),
            ("btc", &usd_as_given(value(Key::Btc), 0)),
            ("power", &usd_as_given(value(Key::Kwh), 2)),
            ("asic", &asic),
            ("lease", &usd_as_given(value(Key::Colo), 0)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_query;

    #[test]
    fn it_dates_the_network_and_names_the_inputs_the_figures_rest_on() {
        let (scenario, _) = from_query("?v=1&kwh=0.045&asic=s21xp&btc=91000.5&colo=121");
        assert_eq!(
            facts_text(&scenario, NetworkDate::of(&scenario)),
            "Network snapshot of 22 Nov 2025 · bitcoin $91,000.5 · power $0.045 per kWh · Antminer S21 XP · \
colocation lease $121 per kW-month"
        );
        let (defaults, _) = from_query("");
        assert!(facts_text(&defaults, NetworkDate::of(&defaults)).contains("bitcoin $85,000 · power $0.05 per kWh"));
    }

    #[test]
    fn it_says_when_the_network_is_not_the_snapshot() {
        for link in ["?diff=160", "?fee=0.1", "?hp=40", "?blk=930000", "?sub=6.25"] {
            let (scenario, _) = from_query(link);
            assert_eq!(NetworkDate::of(&scenario), NetworkDate::Set, "{link}");
            assert!(facts_text(&scenario, NetworkDate::Set).starts_with("Network figures set in the link · "));
        }
        let (scenario, _) = from_query("?btc=90000&kwh=0.03");
        assert_eq!(NetworkDate::of(&scenario), NetworkDate::Snapshot);
        let at = UtcMinute { year: 2026, month: 12, day: 7, hour: 14, minute: 3 };
        assert!(facts_text(&scenario, NetworkDate::Today(today(&at))).starts_with("Today's network, 7 Dec 2026 · "));
    }

    #[test]
    fn it_sources_a_chart_with_the_full_calculators_link_isolated_left_to_right() {
        let (scenario, _) = from_query("?kwh=0.045&embed=1&show=margin-chart&lang=ar");
        assert_eq!(
            source_line(&scenario),
            "Source: kWhich, network snapshot 22 Nov 2025; scenario \u{2066}?v=1&kwh=0.045&lang=ar\u{2069}"
        );
    }

    #[test]
    fn it_names_a_fleet_off_its_preset_by_its_efficiency() {
        let (scenario, _) = from_query("?asic=s21&w=3000");
        assert!(facts_text(&scenario, NetworkDate::Snapshot).contains(" · ASIC at 15.0 J/TH · "));
    }
}
