//! The history as a spreadsheet: the attribution line the data's licence asks for, then one
//! row a month (hashprice, revenue per kWh of the scenario's fleet and of each generation,
//! the backtest's cumulative cash per MW). Plain decimals at full precision; an empty cell
//! where a figure cannot be computed or lies outside the backtest's months.

use rust_decimal::Decimal;

use super::{month_text, revenue_at, History, ATTRIBUTION, GENERATIONS};
use crate::model::error::ModelError;
use crate::model::link::share_link::plain;
use crate::model::scenario::Scenario;
use crate::model::InvalidKeys;

fn cell(figure: Result<Decimal, ModelError>) -> String {
    figure.map(plain).unwrap_or_default()
}

/// The whole file, CRLF line ends as the other downloads.
pub fn report(scenario: &Scenario, history: &History) -> String {
    let generations: Vec<Vec<Result<Decimal, ModelError>>> =
        GENERATIONS.iter().map(|(_, eff)| revenue_at(scenario, InvalidKeys::default(), *eff)).collect();
    let mut out = format!("\"{ATTRIBUTION}\"\r\nmonth,hashprice_usd_per_ph_day,mining_revenue_usd_per_kwh");
    for (name, eff) in GENERATIONS {
        out.push_str(&format!(
            ",revenue_usd_per_kwh_{}_{}_j_per_th",
            name.replace(' ', "_").to_lowercase(),
            plain(eff)
        ));
    }
    out.push_str(",backtest_cum_usd_per_mw\r\n");
    for (i, m) in history.months.iter().enumerate() {
        out.push_str(&format!("{},{},{}", month_text(m.month), cell(m.hashprice), cell(m.revenue)));
        for g in &generations {
            out.push(',');
            out.push_str(&g.get(i).copied().map(cell).unwrap_or_default());
        }
        out.push(',');
        out.push_str(&m.cum.map(cell).unwrap_or_default());
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::history::evaluate_history;

    #[test]
    fn it_carries_the_attribution_and_a_row_a_month() {
        let s = Scenario::default();
        let h = evaluate_history(&s, InvalidKeys::default());
        let text = report(&s, &h);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "\"Source: Coin Metrics Community Data (CC BY-NC 4.0)\"");
        assert_eq!(
            lines[1],
            "month,hashprice_usd_per_ph_day,mining_revenue_usd_per_kwh,revenue_usd_per_kwh_s9_98_j_per_th,\
revenue_usd_per_kwh_s19j_pro_29.5_j_per_th,revenue_usd_per_kwh_s21_17.5_j_per_th,backtest_cum_usd_per_mw"
        );
        assert_eq!(lines.len(), 2 + 122 + 1);
        let june: Vec<&str> =
            lines.iter().find(|l| l.starts_with("2024-06,")).map_or(vec![], |l| l.split(',').collect());
        assert_eq!(june[1], plain(h.months[101].hashprice.unwrap_or_default()));
        assert!(lines[2].ends_with(','), "2016-01 lies outside the default backtest: {}", lines[2]);
    }
}
