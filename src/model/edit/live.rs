//! Today's network from a mempool.space REST API: what its four endpoints answered, turned
//! into the link's units and checked against the key table before anything is applied,
//! so that a reading fills `btc`, `diff`, `fee` and `blk` all together or not at all.
//!
//! The page does the four requests in a Wasm chunk loaded on the first press
//! (`crate::ui::live_request`, with gloo-net); the browser parses each answer's JSON and
//! serde reads it into the typed answers here ([`Endpoint::read`], any serde `Deserializer`:
//! serde-wasm-bindgen's in the page, serde_json's in the tests). Everything the page decides
//! about an answer is here, so every conversion and refusal is tested natively: which
//! status is which failure ([`Problem::of_status`]), which failure is reported
//! ([`Reading::from_answers`]), the API's host ([`api_host`]). No words: the page says them
//! in the reader's language (`crate::text::live`).

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;
use serde::de::{Deserialize, Deserializer, Error as _};

use crate::model::fields::{parse_decimal, FieldError, Key};
use crate::model::scenario::Scenario;

/// Blocks a day at ten minutes each: the fees are averaged over this many blocks.
pub const FEE_BLOCKS: u32 = 144;

/// T (10^12): `diff` is in T, the API gives the difficulty itself.
const TERA: Decimal = dec!(1000000000000);
/// Satoshis in one bitcoin.
const SATS_PER_BTC: Decimal = dec!(100000000);

/// A minute in UTC, as the page's clock read it when the answers came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UtcMinute {
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
}

impl UtcMinute {
    /// The minute of a clock reading in milliseconds since 1970-01-01 00:00 UTC (what
    /// JavaScript's `Date.now()` gives), in the proleptic Gregorian calendar; `None` for a
    /// reading that is not a number or whose year is not 0 to 65535.
    pub fn from_unix_ms(ms: f64) -> Option<Self> {
        // Within ±2^53 ms every whole millisecond is exact; far beyond any year kept here.
        if !(-6.3e16..=6.3e16).contains(&ms) {
            return None;
        }
        // Truncates toward zero: whole minutes, then the days, by the Euclidean division.
        let minutes = (ms / 60_000.0).floor() as i64;
        let (days, minute_of_day) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
        // Days to a civil date (H. Hinnant's `civil_from_days`): eras of 400 years, from
        // 0000-03-01, so the leap day ends a year.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = era * 400 + yoe + i64::from(month <= 2);
        Some(UtcMinute {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
            hour: u8::try_from(minute_of_day / 60).ok()?,
            minute: u8::try_from(minute_of_day % 60).ok()?,
        })
    }
}

/// Where and when a reading came from: the API's host and the minute it answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// `mempool.space`, or `host:port`.
    pub host: String,
    pub at: UtcMinute,
}

/// The host of the API's address (`https://mempool.space` → `mempool.space`), as a browser's
/// `URL.host` gives it: lower case, with the port unless it is the scheme's own; `None`
/// when `base` is no http(s) address. The build writes `base` (scripts/post-build.mjs).
pub fn api_host(base: &str) -> Option<String> {
    let (scheme, rest) = base.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host).to_ascii_lowercase();
    let default_port = match scheme.to_ascii_lowercase().as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let host = host.strip_suffix(default_port).map(str::to_string).unwrap_or(host);
    (!host.is_empty() && !host.starts_with(':')).then_some(host)
}

/// A JSON number the API gave, finite (a browser parses `1e400` as Infinity, which no
/// answer means).
fn finite<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let value = f64::deserialize(d)?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(D::Error::custom("not a finite number"))
    }
}

/// What the page reads of `/api/v1/prices`.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct Prices {
    /// The price of a bitcoin in US dollars.
    #[serde(rename = "USD", deserialize_with = "finite")]
    pub usd: f64,
}

/// What the page reads of `/api/v1/mining/hashrate/3d`.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct Hashrate {
    /// The difficulty itself, not in T.
    #[serde(rename = "currentDifficulty", deserialize_with = "finite")]
    pub current_difficulty: f64,
}

/// What the page reads of `/api/v1/mining/reward-stats/144`.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct RewardStats {
    /// Satoshis of fees over the last 144 blocks, as the string of digits the API gives.
    #[serde(rename = "totalFee")]
    pub total_fee: String,
}

/// `/api/blocks/tip/height`: a bare number (sent as text/plain, read as JSON).
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(transparent)]
pub struct TipHeight(#[serde(deserialize_with = "finite")] pub f64);

/// What the four endpoints answered, each value as the text of its JSON number or string.
/// A number is written as its shortest exact decimal (`9.8765e4`): the digits the API wrote,
/// which [`parse_decimal`] reads back without rounding. (Text, so that the page's code that
/// converts a reading formats no floating-point number: that code would load with the page,
/// not with the requests' chunk.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub source: Source,
    /// `USD` of `/api/v1/prices`.
    pub price_usd: String,
    /// `currentDifficulty` of `/api/v1/mining/hashrate/3d`: the difficulty itself, not in T.
    pub difficulty: String,
    /// `totalFee` of `/api/v1/mining/reward-stats/144`: satoshis of fees over the last 144 blocks.
    pub total_fee_sat: String,
    /// `/api/blocks/tip/height`.
    pub height: String,
}

/// One of the four requests, in the order they are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `/api/v1/prices`.
    Price,
    /// `/api/v1/mining/hashrate/3d`.
    Difficulty,
    /// `/api/v1/mining/reward-stats/144`.
    Fees,
    /// `/api/blocks/tip/height`.
    Height,
}

impl Endpoint {
    /// The four, in the order a failure is reported.
    pub const ALL: [Endpoint; 4] = [Endpoint::Price, Endpoint::Difficulty, Endpoint::Fees, Endpoint::Height];

    /// The path after the API's address.
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::Price => "/api/v1/prices",
            Endpoint::Difficulty => "/api/v1/mining/hashrate/3d",
            Endpoint::Fees => "/api/v1/mining/reward-stats/144",
            Endpoint::Height => "/api/blocks/tip/height",
        }
    }

    /// This request's failure at `host`.
    pub fn failed(self, host: &str, problem: Problem) -> Failure {
        Failure::Request { endpoint: self, host: host.to_string(), problem }
    }

    /// This endpoint's answer, read from its parsed JSON into `T` (one of [`Prices`],
    /// [`Hashrate`], [`RewardStats`], [`TipHeight`]): anything without the fields and types
    /// the API documents (a missing field, a string for a number, `null`) is
    /// [`Problem::Malformed`]. Fields the page does not read are ignored.
    pub fn read<'de, T: Deserialize<'de>, D: Deserializer<'de>>(self, host: &str, json: D) -> Result<T, Failure> {
        T::deserialize(json).map_err(|_| self.failed(host, Problem::Malformed))
    }
}

/// What went wrong with one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No answer within the time limit, in seconds.
    Timeout { seconds: u32 },
    /// No connection to the host.
    Offline,
    /// HTTP 429: the API is limiting requests.
    Limited,
    /// An HTTP 5xx status.
    Server { status: u16 },
    /// Any other status than 200.
    Http { status: u16 },
    /// An answer that is not the JSON the API documents.
    Malformed,
}

impl Problem {
    /// What an HTTP status says: `None` for 200 (the answer is read), else its problem.
    pub fn of_status(status: u16) -> Option<Problem> {
        match status {
            200 => None,
            429 => Some(Problem::Limited),
            500.. => Some(Problem::Server { status }),
            _ => Some(Problem::Http { status }),
        }
    }

    /// A request that got no answer (or whose answer stopped): a timeout when the time limit
    /// of `seconds` had stopped it (`timed_out`), else no connection.
    pub fn lost(timed_out: bool, seconds: u32) -> Problem {
        if timed_out {
            Problem::Timeout { seconds }
        } else {
            Problem::Offline
        }
    }
}

/// Why no reading came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The build names no API (no `kwhich-api` meta tag, or no http(s) address in it).
    NoApi,
    /// The page's code for the requests (its Wasm chunk) did not load.
    NoCode,
    /// The first of the four requests that failed.
    Request { endpoint: Endpoint, host: String, problem: Problem },
}

impl Reading {
    /// The reading from the four answers, or the failure of the first request that failed in
    /// [`Endpoint::ALL`]'s order (all four are asked at once; which one failed first in time
    /// does not matter).
    pub fn from_answers(
        source: Source,
        price: Result<Prices, Failure>,
        difficulty: Result<Hashrate, Failure>,
        fees: Result<RewardStats, Failure>,
        height: Result<TipHeight, Failure>,
    ) -> Result<Reading, Failure> {
        Ok(Reading {
            price_usd: number_text(price?.usd),
            difficulty: number_text(difficulty?.current_difficulty),
            total_fee_sat: fees?.total_fee,
            height: number_text(height?.0),
            source,
        })
    }
}

/// A JSON number as its shortest exact decimal text (`1.4930120595969988e14`, `9.8765e4`),
/// which [`parse_decimal`] reads back without rounding: the digits the API wrote. (Not
/// `Display`, which writes `1e40` as 41 digits, more than a decimal holds: a price of 1e40
/// is out of range, not a number with too many digits.)
fn number_text(value: f64) -> String {
    format!("{value:e}")
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

impl Reading {
    /// The reading in the link's units, or the first value that is not a number the key
    /// could hold. Ranges are checked by [`Network::apply_to`].
    pub fn to_network(&self) -> Result<Network, Refused> {
        let read = |key: Key, text: &str, dp: u32| {
            parse_decimal(text)
                .map(|v| v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
                .map_err(|e| Refused::new(key, None, e))
        };
        let btc = read(Key::Btc, &self.price_usd, 2)?;
        let diff = read(Key::Diff, &self.difficulty, 0)?.checked_div(TERA).ok_or(Refused::new(
            Key::Diff,
            None,
            FieldError::OutOfRange,
        ))?;
        let sats = read(Key::Fee, &self.total_fee_sat, 8)?;
        let blk = read(Key::Blk, &self.height, 8)?;
        for (key, value) in [(Key::Fee, sats), (Key::Blk, blk)] {
            if !value.fract().is_zero() {
                return Err(Refused::new(key, None, FieldError::NotWhole));
            }
        }
        let fee = sats
            .checked_div(Decimal::from(FEE_BLOCKS))
            .and_then(|s| s.checked_div(SATS_PER_BTC))
            .map(|btc| btc.round_dp_with_strategy(8, RoundingStrategy::MidpointAwayFromZero))
            .ok_or(Refused::new(Key::Fee, None, FieldError::OutOfRange))?;
        let normal = Decimal::normalize;
        Ok(Network { btc: normal(&btc), diff: normal(&diff), fee: normal(&fee), blk: normal(&blk) })
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

#[cfg(test)]
mod tests;
