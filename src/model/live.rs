//! Today's network from a mempool.space REST API: what its four endpoints answer, turned
//! into the link's units and checked against the key table before anything is applied,
//! so that a reading fills `btc`, `diff`, `fee` and `blk` all together or not at all.
//!
//! The page does the requests (`ui/mempool.rs`); this module only reads their values, so
//! the conversions and the refusals are tested natively.

use core::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

use super::fields::{FieldError, Key};
use super::scenario::Scenario;

/// The API the page asks when the build names no other (`KWHICH_API_BASE`).
pub const DEFAULT_API_BASE: &str = "https://mempool.space";

/// Blocks a day at ten minutes each: the fees are averaged over this many blocks.
pub const FEE_BLOCKS: u32 = 144;

/// T (10^12): `diff` is in T, the API gives the difficulty itself.
const TERA: Decimal = dec!(1000000000000);
/// Satoshis in one bitcoin.
const SATS_PER_BTC: Decimal = dec!(100000000);

/// One of the four requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `/api/v1/prices`: `{"time": …, "USD": 98765, "EUR": …}`.
    Prices,
    /// `/api/v1/mining/hashrate/3d`: `{"currentHashrate": …, "currentDifficulty": …, …}`.
    Hashrate,
    /// `/api/v1/mining/reward-stats/144`: `{"totalFee": "…", …}`, satoshis as text.
    RewardStats,
    /// `/api/blocks/tip/height`: the height as a bare number.
    TipHeight,
}

impl Endpoint {
    pub const ALL: [Endpoint; 4] = [Endpoint::Prices, Endpoint::Hashrate, Endpoint::RewardStats, Endpoint::TipHeight];

    /// The path after the API base.
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::Prices => "/api/v1/prices",
            Endpoint::Hashrate => "/api/v1/mining/hashrate/3d",
            Endpoint::RewardStats => "/api/v1/mining/reward-stats/144",
            Endpoint::TipHeight => "/api/blocks/tip/height",
        }
    }

    /// What it gives, as a message names it: "the bitcoin price".
    pub fn what(self) -> &'static str {
        match self {
            Endpoint::Prices => "the bitcoin price",
            Endpoint::Hashrate => "the difficulty",
            Endpoint::RewardStats => "the fees of the last 144 blocks",
            Endpoint::TipHeight => "the block height",
        }
    }
}

/// The host a base URL names, for the page to say where figures came from:
/// `https://mempool.space` → `mempool.space`.
pub fn api_host(base: &str) -> &str {
    let rest = base.split_once("://").map_or(base, |(_, rest)| rest);
    rest.split('/').next().unwrap_or(rest)
}

/// What the four endpoints answered, as their JSON holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// `USD` of [`Endpoint::Prices`].
    pub price_usd: f64,
    /// `currentDifficulty` of [`Endpoint::Hashrate`]: the difficulty itself, not in T.
    pub difficulty: f64,
    /// `totalFee` of [`Endpoint::RewardStats`]: satoshis of fees over the last 144 blocks,
    /// a decimal integer as text.
    pub total_fee_sat: String,
    /// [`Endpoint::TipHeight`].
    pub height: f64,
}

/// The four values in the link's units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Network {
    /// USD, to the cent.
    pub btc: Decimal,
    /// T, from the whole difficulty (so exact to 12 places).
    pub diff: Decimal,
    /// BTC per block, the 144-block average to the satoshi.
    pub fee: Decimal,
    pub blk: Decimal,
}

/// A value of the reading that the scenario cannot take: which key, what it came to in the
/// key's unit (when it is a number at all) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub key: Key,
    pub value: Option<Decimal>,
    pub error: FieldError,
}

impl Refused {
    fn new(key: Key, value: Option<Decimal>, error: FieldError) -> Self {
        Refused { key, value, error }
    }
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = self.key.field();
        match self.value {
            Some(v) => write!(f, "{} {} {}", field.label, v.normalize(), field.unit)?,
            None => write!(f, "{}", field.label)?,
        }
        write!(f, ": {}", field.error_text(&self.error))
    }
}

/// A JSON number to `dp` places, or `None` when no decimal holds it (JSON has no NaN, but a
/// number may still be too large).
fn decimal_of(x: f64, dp: u32) -> Option<Decimal> {
    let scaled = (x * 10f64.powi(i32::try_from(dp).ok()?)).round();
    // A decimal's mantissa is below 2^96 ≈ 7.9e28; `as` saturates, so check first.
    if !scaled.is_finite() || scaled.abs() >= 7.9e28 {
        return None;
    }
    Decimal::try_from_i128_with_scale(scaled as i128, dp).ok().map(|d| d.normalize())
}

impl Reading {
    /// The reading in the link's units, or the first value that is not a number the key
    /// could hold. Ranges are checked by [`Network::apply_to`].
    pub fn to_network(&self) -> Result<Network, Refused> {
        let btc = decimal_of(self.price_usd, 2).ok_or(Refused::new(Key::Btc, None, FieldError::OutOfRange))?;
        let diff = decimal_of(self.difficulty, 0).and_then(|d| d.checked_div(TERA)).ok_or(Refused::new(
            Key::Diff,
            None,
            FieldError::OutOfRange,
        ))?;
        let sats = super::fields::parse_decimal(&self.total_fee_sat).map_err(|e| Refused::new(Key::Fee, None, e))?;
        if !sats.fract().is_zero() {
            return Err(Refused::new(Key::Fee, None, FieldError::NotWhole));
        }
        let fee = sats
            .checked_div(Decimal::from(FEE_BLOCKS))
            .and_then(|s| s.checked_div(SATS_PER_BTC))
            .map(|btc| btc.round_dp_with_strategy(8, RoundingStrategy::MidpointAwayFromZero).normalize())
            .ok_or(Refused::new(Key::Fee, None, FieldError::OutOfRange))?;
        if self.height.fract() != 0.0 {
            return Err(Refused::new(Key::Blk, None, FieldError::NotWhole));
        }
        let blk = decimal_of(self.height, 0).ok_or(Refused::new(Key::Blk, None, FieldError::OutOfRange))?;
        Ok(Network { btc, diff, fee, blk })
    }
}

impl Network {
    /// The keys a reading fills, in the order it fills them.
    pub const KEYS: [Key; 4] = [Key::Btc, Key::Diff, Key::Fee, Key::Blk];

    fn values(&self) -> [(Key, Decimal); 4] {
        [(Key::Btc, self.btc), (Key::Diff, self.diff), (Key::Fee, self.fee), (Key::Blk, self.blk)]
    }

    /// `scenario` with these four values, or the first one its key refuses (out of range,
    /// not whole, or fees that leave subsidy plus fees at zero). `scenario` itself is
    /// never changed: all four or none.
    pub fn apply_to(&self, scenario: &Scenario) -> Result<Scenario, Refused> {
        let mut next = scenario.clone();
        for (key, value) in self.values() {
            next.set(key, Some(value)).map_err(|e| Refused::new(key, Some(value), e))?;
        }
        Ok(next)
    }

    /// Does `scenario` still hold every value of this reading? While it does, the page
    /// names where they came from.
    pub fn shown_in(&self, scenario: &Scenario) -> bool {
        self.values().into_iter().all(|(key, value)| scenario.get(key) == Some(value))
    }
}

/// A UTC time as the page names a reading: `25 Nov 2026 14:03 UTC`, from milliseconds since
/// 1970 (what `Date.now()` gives), minutes rounded down.
pub fn utc_stamp(epoch_ms: i64) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let minutes = epoch_ms.div_euclid(60_000);
    let (days, minute_of_day) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let (year, month, day) = civil_from_days(days);
    let name = MONTHS.get(usize::try_from(month - 1).unwrap_or(0)).copied().unwrap_or("?");
    format!("{day} {name} {year} {:02}:{:02} UTC", minute_of_day / 60, minute_of_day % 60)
}

/// Year, month (1–12) and day of the proleptic Gregorian calendar for a count of days
/// since 1970-01-01 (H. Hinnant's `civil_from_days`, exact for every `i64` day a clock gives).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(price_usd: f64, difficulty: f64, total_fee_sat: &str, height: f64) -> Reading {
        Reading { price_usd, difficulty, total_fee_sat: total_fee_sat.into(), height }
    }

    #[test]
    fn it_converts_a_reading_to_the_link_units() {
        // Worked by hand (python decimal, 40 digits):
        //   149301205959699.88 → whole 149301205959700 / 10^12 = 149.3012059597 T
        //   2993214350 sat / 144 / 10^8 = 0.20786210763888… → 0.20786211 BTC
        //   fees of exactly 144 · 10^8 sat → 1 BTC; 72 sat → half a satoshi a block → 0.00000001
        let cases = [
            (
                reading(98765.0, 149301205959699.88, "2993214350", 925123.0),
                Network { btc: dec!(98765), diff: dec!(149.3012059597), fee: dec!(0.20786211), blk: dec!(925123) },
            ),
            (
                reading(43753.456, 155e12, "14400000000", 0.0),
                Network { btc: dec!(43753.46), diff: dec!(155), fee: dec!(1), blk: dec!(0) },
            ),
            (
                reading(0.004, 1.0, "72", 1.0),
                Network { btc: dec!(0), diff: dec!(0.000000000001), fee: dec!(0.00000001), blk: dec!(1) },
            ),
        ];
        for (reading, expected) in cases {
            assert_eq!(reading.to_network(), Ok(expected), "{reading:?}");
        }
    }

    #[test]
    fn it_refuses_values_no_decimal_or_key_holds() {
        let cases = [
            (reading(1e40, 155e12, "0", 1.0), Refused::new(Key::Btc, None, FieldError::OutOfRange)),
            (reading(-1e300, 155e12, "0", 1.0), Refused::new(Key::Btc, None, FieldError::OutOfRange)),
            (reading(1.0, 1e30, "0", 1.0), Refused::new(Key::Diff, None, FieldError::OutOfRange)),
            (reading(1.0, 155e12, "12abc", 1.0), Refused::new(Key::Fee, None, FieldError::NotANumber)),
            (reading(1.0, 155e12, "", 1.0), Refused::new(Key::Fee, None, FieldError::Empty)),
            (reading(1.0, 155e12, "1.5", 1.0), Refused::new(Key::Fee, None, FieldError::NotWhole)),
            (reading(1.0, 155e12, "0", 925000.5), Refused::new(Key::Blk, None, FieldError::NotWhole)),
        ];
        for (reading, expected) in cases {
            assert_eq!(reading.to_network(), Err(expected), "{reading:?}");
        }
    }

    #[test]
    fn it_applies_all_four_values_or_none() {
        let before = Scenario::default();
        let good = Network { btc: dec!(98765), diff: dec!(149.3012059597), fee: dec!(0.20786211), blk: dec!(925123) };
        let after = good.apply_to(&before).expect("in range");
        for (key, value) in good.values() {
            assert_eq!(after.get(key), Some(value), "{key:?}");
        }
        assert!(good.shown_in(&after) && !good.shown_in(&before));
        // Everything else is the scenario's own.
        assert_eq!(after.get(Key::Kwh), before.get(Key::Kwh));

        let mut zero_subsidy = Scenario::default();
        zero_subsidy.set(Key::Sub, Some(dec!(0))).expect("fee is 0.02");
        let refused = [
            (Network { btc: dec!(0), ..good }, &before, Key::Btc, Some(dec!(0)), FieldError::OutOfRange),
            (Network { diff: dec!(0), ..good }, &before, Key::Diff, Some(dec!(0)), FieldError::OutOfRange),
            (Network { fee: dec!(1001), ..good }, &before, Key::Fee, Some(dec!(1001)), FieldError::OutOfRange),
            (Network { blk: dec!(10000001), ..good }, &before, Key::Blk, Some(dec!(10000001)), FieldError::OutOfRange),
            (Network { fee: dec!(0), ..good }, &zero_subsidy, Key::Fee, Some(dec!(0)), FieldError::RewardNotPositive),
        ];
        for (network, scenario, key, value, error) in refused {
            assert_eq!(network.apply_to(scenario), Err(Refused { key, value, error }), "{network:?}");
        }
    }

    #[test]
    fn it_names_the_refused_value_and_the_range() {
        let zero_price = Refused::new(Key::Btc, Some(dec!(0)), FieldError::OutOfRange);
        assert_eq!(
            zero_price.to_string(),
            "Bitcoin price 0 USD: Bitcoin price is out of range; it must be > 0 and ≤ 10,000,000 USD."
        );
        let no_fee = Refused::new(Key::Fee, None, FieldError::NotANumber);
        assert_eq!(no_fee.to_string(), format!("Transaction fees: {}", Key::Fee.field().error_text(&no_fee.error)));
    }

    #[test]
    fn it_writes_a_utc_stamp() {
        // Epoch milliseconds from python: datetime(…, tzinfo=timezone.utc).timestamp() * 1000.
        let cases = [
            (0, "1 Jan 1970 00:00 UTC"),
            (1_795_615_380_000, "25 Nov 2026 14:03 UTC"),
            (1_795_615_439_999, "25 Nov 2026 14:03 UTC"),
            (951_782_400_000, "29 Feb 2000 00:00 UTC"),
            (4_133_980_740_000, "31 Dec 2100 23:59 UTC"),
            (-1, "31 Dec 1969 23:59 UTC"),
        ];
        for (ms, expected) in cases {
            assert_eq!(utc_stamp(ms), expected, "{ms}");
        }
    }

    #[test]
    fn it_names_the_api_host() {
        assert_eq!(api_host(DEFAULT_API_BASE), "mempool.space");
        assert_eq!(api_host("http://127.0.0.1:8999"), "127.0.0.1:8999");
        assert_eq!(api_host("https://mempool.example.org/mempool"), "mempool.example.org");
    }
}
