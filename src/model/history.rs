//! History (SPEC.md, "History (v1 extension)"): the bitcoin network month by month from
//! 2016-01 ([`data::months`], from `data/btc_monthly.csv`), each month's hashprice and what
//! the scenario's fleet earned per kWh then, and the backtest: a fleet like this one bought
//! in month `bt` at `btcap` USD/TH, month by month over its life or to the data's end.
//!
//! Source: Coin Metrics Community Data, CC BY-NC 4.0 ([`ATTRIBUTION`], shown wherever the
//! series is).

pub mod csv;
pub mod data;
pub mod json;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::chart::time::YearMonth;
use super::economics::network::HASHES_PER_DIFFICULTY;
use super::error::{ModelError, Quantity};
use super::fields::{parse_decimal, FieldError, Key};
use super::figure::{add, div, fraction_of_percent, mul, sub, Figure};
use super::scenario::Scenario;
use super::units::*;
use super::InvalidKeys;

/// The line the data's licence asks for, wherever the series is shown or written.
pub const ATTRIBUTION: &str = "Source: Coin Metrics Community Data (CC BY-NC 4.0)";

/// One month of the network: monthly means (see `data/README.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NetworkMonth {
    /// Mean daily reference price, USD per BTC.
    pub btc: Decimal,
    /// Mean difficulty over the month's blocks, in T (10^12).
    pub diff: Decimal,
    /// Fees per block, BTC.
    pub fee: Decimal,
    /// Subsidy per block, BTC (a halving month blends the two).
    pub sub: Decimal,
}

/// Seconds a day times PH/T (10^15 / 10^12): `R · 86,400 · 10^15 / (diff · 10^12 · 2^32)`
/// is `R · 86,400,000 / (diff · 2^32)`.
const SECONDS_PER_DAY_PH_PER_T: Decimal = dec!(86400000);
/// kWh per MW in a month (730 h · 1,000 kW).
const KWH_PER_MW_MONTH: Decimal = dec!(730000);

impl NetworkMonth {
    /// Hashprice, USD per PH/s per day:
    /// `(sub + fee) · 86,400 · 10^15 / (diff · 10^12 · 2^32) · btc`.
    pub fn hashprice(&self) -> Figure {
        let per_day = mul(add(self.sub, self.fee)?, SECONDS_PER_DAY_PH_PER_T)?;
        let btc_per_ph_day = div(per_day, mul(self.diff, HASHES_PER_DIFFICULTY)?, Quantity::Difficulty)?;
        mul(btc_per_ph_day, self.btc)
    }
}

/// The data's months, first to last.
pub fn months() -> impl Iterator<Item = (YearMonth, NetworkMonth)> {
    (0_u32..).zip(data::months()).map(|(i, m)| (first_month().plus_months(i), m))
}

/// The data's first month (2016-01).
pub fn first_month() -> YearMonth {
    let (year, month) = data::FIRST;
    YearMonth::new(year, month).unwrap_or(super::chart::time::SNAPSHOT_MONTH)
}

/// The data's last month.
pub fn last_month() -> YearMonth {
    first_month().plus_months(last_index())
}

fn last_index() -> u32 {
    u32::try_from(data::COUNT.saturating_sub(1)).unwrap_or(0)
}

/// Where `month` sits in the data: 0 for the first month; `None` outside the data.
pub fn index_of(month: YearMonth) -> Option<u32> {
    let count = |m: YearMonth| i64::from(m.year()) * 12 + i64::from(m.month()) - 1;
    let i = u32::try_from(count(month) - count(first_month())).ok()?;
    (i <= last_index()).then_some(i)
}

/// A month as a link writes it: `2022-02`. Digit by digit: the link reader on the first
/// screen uses it, and the formatting machinery would weigh more.
pub fn month_text(month: YearMonth) -> String {
    let (y, m) = (month.year().clamp(0, 9999).unsigned_abs(), u32::from(month.month()));
    let digit = |d: u32| char::from_digit(d % 10, 10).unwrap_or('0');
    [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), '-', digit(m / 10), digit(m)].iter().collect()
}

/// Why a link's `bt` was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthError {
    /// Not written `YYYY-MM` (four digits, a hyphen, a month 01 to 12).
    NotAMonth,
    /// A month before the data's first or after its last.
    OutsideData,
}

/// Reads `YYYY-MM` and checks that the data holds that month.
pub fn parse_month(text: &str) -> Result<YearMonth, MonthError> {
    parse_month_index(text).map(month_at)
}

/// The data's month `index` (0: the first).
pub fn month_at(index: u16) -> YearMonth {
    first_month().plus_months(u32::from(index))
}

/// Reads `YYYY-MM` as an index into the data, with plain integer arithmetic (the link
/// reader is on the first screen: no parser, no calendar type).
pub fn parse_month_index(text: &str) -> Result<u16, MonthError> {
    let b = text.trim().as_bytes();
    let at = |i: usize| b.get(i).filter(|c| c.is_ascii_digit()).map(|c| i32::from(c - b'0'));
    let number = |from: usize, to: usize| (from..to).try_fold(0, |n, i| Some(n * 10 + at(i)?));
    let (year, month) = match (b.len(), b.get(4), number(0, 4), number(5, 7)) {
        (7, Some(b'-'), Some(y), Some(m)) if (1..=12).contains(&m) => (y, m),
        _ => return Err(MonthError::NotAMonth),
    };
    let (first_year, first_month) = data::FIRST;
    let index = (year - first_year) * 12 + month - i32::from(first_month);
    u16::try_from(index).ok().filter(|i| usize::from(*i) < data::COUNT).ok_or(MonthError::OutsideData)
}

/// The most `btcap` may be, USD/TH (SPEC.md: `≥ 0, ≤ 10,000`).
pub const BTCAP_MAX: Decimal = dec!(10000);

/// Reads a `btcap` value: a plain decimal from 0 to [`BTCAP_MAX`].
pub fn parse_btcap(text: &str) -> Result<Decimal, FieldError> {
    let value = parse_decimal(text)?;
    if value < Decimal::ZERO || value > BTCAP_MAX {
        return Err(FieldError::OutOfRange);
    }
    Ok(value)
}

/// The backtest's own keys as the link gives them; `None` takes the default, which follows
/// other keys (`bt` follows `life`, `btcap` follows `capex`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BacktestKeys {
    /// A month of the data as the link wrote it (checked: `YYYY-MM`). Kept as text, so the
    /// first screen's link reader and writer need no calendar.
    bt: Option<String>,
    btcap: Option<Decimal>,
}

/// `bt`'s default: the data's last month minus `floor(12 · life)` months, or the data's
/// first month when the life reaches further back than the data.
pub fn default_bt(life: Years) -> YearMonth {
    let back = life.whole_months(last_index()).unwrap_or(last_index());
    first_month().plus_months(last_index().saturating_sub(back))
}

impl Scenario {
    /// `bt` as the link gave it (`None`: the default).
    pub fn bt_given(&self) -> Option<YearMonth> {
        self.backtest.bt.as_deref().and_then(|t| parse_month_index(t).ok()).map(month_at)
    }

    /// `btcap` as the link gave it (`None`: `capex`).
    pub fn btcap_given(&self) -> Option<Decimal> {
        self.backtest.btcap
    }

    /// The month the backtest's fleet was bought.
    pub fn bt(&self) -> YearMonth {
        self.bt_given().unwrap_or_else(|| default_bt(self.life()))
    }

    /// The ASIC price paid then, USD/TH.
    pub fn btcap(&self) -> UsdPerTerahash {
        self.backtest.btcap.map_or_else(|| self.capex(), UsdPerTerahash::new)
    }

    /// Sets `bt` (`None`: the default); a month outside the data is refused.
    pub fn set_bt(&mut self, month: Option<YearMonth>) -> Result<(), MonthError> {
        self.set_bt_text(&month.map(month_text).unwrap_or_default())
    }

    /// Sets `bt` from a link's text: empty takes the default; a month outside the data or
    /// not written `YYYY-MM` is refused and the scenario keeps what it had.
    pub fn set_bt_text(&mut self, text: &str) -> Result<(), MonthError> {
        let text = text.trim();
        self.backtest.bt = match text.is_empty() {
            true => None,
            false => parse_month_index(text).map(|_| Some(text.to_string()))?,
        };
        Ok(())
    }

    /// `bt` as the link writes it when given, or `None`.
    pub fn bt_link_value(&self) -> Option<String> {
        self.backtest.bt.clone()
    }

    /// Sets `btcap` from a link's text: empty takes `capex`.
    pub fn set_btcap_text(&mut self, text: &str) -> Result<(), FieldError> {
        let value = match text.trim().is_empty() {
            true => None,
            false => Some(parse_btcap(text)?),
        };
        self.set_btcap(value)
    }

    /// Sets `btcap` (`None`: `capex`); outside 0 … 10,000 is refused.
    pub fn set_btcap(&mut self, value: Option<Decimal>) -> Result<(), FieldError> {
        if let Some(v) = value {
            if v < Decimal::ZERO || v > BTCAP_MAX {
                return Err(FieldError::OutOfRange);
            }
        }
        self.backtest.btcap = value.map(|v| v.normalize());
        Ok(())
    }
}

/// The months (indices into the data) in which the subsidy halved: the first month whose
/// subsidy is below the month before's, when that one was a whole month of the old subsidy.
pub fn halvings() -> Vec<u32> {
    let subs: Vec<Decimal> = data::months().iter().map(|m| m.sub).collect();
    (2..subs.len())
        .filter(|&i| subs[i] < subs[i - 1] && subs[i - 1] == subs[i - 2])
        .filter_map(|i| u32::try_from(i).ok())
        .collect()
}

/// The month (an index into the data) with the lowest hashprice, and that hashprice.
pub fn all_time_low() -> Option<(u32, Decimal)> {
    (0_u32..).zip(data::months()).filter_map(|(i, m)| Some((i, m.hashprice().ok()?))).min_by_key(|(_, h)| *h)
}

/// The ASIC generations the history compares, with their efficiency in J/TH: the S9 at
/// 98 J/TH (as run in 2017–2019), and the S19j Pro and S21 presets' nameplate figures.
pub const GENERATIONS: [(&str, Decimal); 3] = [("S9", dec!(98)), ("S19j Pro", dec!(29.5)), ("S21", dec!(17.5))];

/// One month of the history, for the scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryMonth {
    pub month: YearMonth,
    /// USD per PH/s per day.
    pub hashprice: Figure,
    /// The scenario's fleet's revenue per kWh that month: `hashprice · keep / (24 · eff · pue)`.
    pub revenue: Figure,
    /// The backtest's cumulative cash per MW at the end of this month; `None` outside its months.
    pub cum: Option<Figure>,
}

/// A fleet like the scenario's, bought in `bt` at `btcap`, replayed over the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backtest {
    /// The month bought.
    pub start: YearMonth,
    /// `L = min(floor(12 · life), months of data from bt)`.
    pub months: Result<u32, ModelError>,
    /// Capex per MW: `btcap · 10^6 / (eff · pue) + site`.
    pub capex: Figure,
    /// Cumulative cash per MW, `k = 0 … L` (`cum(0) = −capex`).
    pub cum: Vec<Figure>,
}

impl Backtest {
    /// `backtest_cash_usd_per_mw`: the cumulative cash at `L`.
    pub fn cash(&self) -> Figure {
        let last = self.months?;
        self.cum.get(last as usize).copied().unwrap_or(Err(ModelError::NotProjected))
    }

    /// `backtest_payback_months`: the first `k` in `1 … L` with cumulative cash ≥ 0.
    pub fn payback_months(&self) -> Figure {
        self.months?;
        for (k, cum) in self.cum.iter().enumerate().skip(1) {
            if (*cum)? >= Decimal::ZERO {
                return Ok(Decimal::from(k));
            }
        }
        Err(ModelError::NeverPaysBack)
    }
}

/// The history of a scenario: every month of the data, and the backtest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    pub months: Vec<HistoryMonth>,
    pub backtest: Backtest,
}

/// A scenario's inputs read through [`InvalidKeys`], as the metrics read them.
struct Reads<'a> {
    scenario: &'a Scenario,
    invalid: InvalidKeys,
}

impl Reads<'_> {
    fn get(&self, key: Key) -> Figure {
        if self.invalid.contains(key) {
            return Err(ModelError::InvalidInput(key));
        }
        self.scenario.get(key).ok_or(ModelError::InvalidInput(key))
    }

    /// `eff · pue`: facility W per TH/s.
    fn facility_eff(&self, eff: Figure) -> Figure {
        mul(eff?, self.get(Key::Pue)?)
    }

    /// The fleet's efficiency: `w / th`, or a mix's blend (SPEC.md, "Site").
    fn eff(&self) -> Figure {
        match self.scenario.mix() {
            Some(mix) => Ok(crate::model::economics::fleet::blend(mix)?.get()),
            None => div(self.get(Key::W)?, self.get(Key::Th)?, Quantity::HashratePerMachine),
        }
    }

    fn keep(&self) -> Figure {
        sub(Decimal::ONE, fraction_of_percent(self.get(Key::Pool)?))
    }

    fn btcap(&self) -> Figure {
        match self.scenario.btcap_given() {
            Some(v) => Ok(v),
            None => self.get(Key::Capex),
        }
    }
}

/// Revenue per kWh at hashprice `hashprice` for machines of efficiency `eff` (J/TH):
/// `hashprice · keep / (24 · eff · pue)`.
fn revenue(hashprice: Figure, keep: Figure, facility_eff: Figure) -> Figure {
    div(mul(hashprice?, keep?)?, mul(dec!(24), facility_eff?)?, Quantity::EnergyPerPhDay)
}

/// Each month's revenue per kWh of machines at `eff` J/TH, with the scenario's PUE and pool
/// fee: the generations' lines of the history.
pub fn revenue_at(scenario: &Scenario, invalid: InvalidKeys, eff: Decimal) -> Vec<Figure> {
    let r = Reads { scenario, invalid };
    let (keep, facility) = (r.keep(), r.facility_eff(Ok(eff)));
    months().map(|(_, m)| revenue(m.hashprice(), keep, facility)).collect()
}

/// Capex per MW of the replayed purchase: the fleet, `btcap · 10^6 / (eff · pue)`, plus the
/// site unless it is already owned (`own=site` or `own=fleet`: the fleet is the purchase
/// being replayed, whatever `own` says of today).
fn backtest_capex(btcap: Figure, facility_eff: Figure, site: Figure, site_owned: bool) -> Figure {
    let fleet = div(mul(btcap?, dec!(1000000))?, facility_eff?, Quantity::AsicEfficiency)?;
    if site_owned {
        Ok(fleet)
    } else {
        add(fleet, site?)
    }
}

/// The history of `scenario`, treating the keys in `invalid` as unknown.
pub fn evaluate_history(scenario: &Scenario, invalid: InvalidKeys) -> History {
    let r = Reads { scenario, invalid };
    let facility = r.facility_eff(r.eff());
    let keep = r.keep();
    let cash = r.get(Key::Kwh).and_then(|kwh| add(kwh, r.get(Key::Opx)?));
    let hours = r.get(Key::Up).and_then(|up| mul(fraction_of_percent(up), KWH_PER_MW_MONTH));
    let start = scenario.bt();
    let from = index_of(start).unwrap_or(0);
    let available = last_index().saturating_sub(from).saturating_add(1);
    let months_l = r
        .get(Key::Life)
        .and_then(|life| Years::new(life).whole_months(u32::MAX))
        .map(|life_months| life_months.min(available));
    let capex = backtest_capex(r.btcap(), facility, r.get(Key::Site), scenario.own().site_owned());

    let mut months: Vec<HistoryMonth> = months()
        .map(|(month, m)| {
            let hashprice = m.hashprice().map(|d| d.normalize());
            let revenue = revenue(hashprice, keep, facility).map(|d| d.normalize());
            HistoryMonth { month, hashprice, revenue, cum: None }
        })
        .collect();

    let mut cum = vec![capex.and_then(|c| sub(Decimal::ZERO, c)).map(|d| d.normalize())];
    if let Ok(l) = months_l {
        for k in 1..=l {
            let slot = (from + k - 1) as usize;
            let previous = cum.last().copied().unwrap_or(Err(ModelError::NotProjected));
            let flow = months.get(slot).map_or(Err(ModelError::NotProjected), |m| {
                let margin = sub(m.revenue?, cash?)?;
                mul(margin.max(Decimal::ZERO), hours?)
            });
            let now = previous.and_then(|p| add(p, flow?)).map(|d| d.normalize());
            cum.push(now);
            if let Some(m) = months.get_mut(slot) {
                m.cum = Some(now);
            }
        }
    }
    History { months, backtest: Backtest { start, months: months_l, capex, cum } }
}

#[cfg(test)]
mod tests;
