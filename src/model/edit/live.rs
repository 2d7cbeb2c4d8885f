//! Today's network from a mempool.space REST API: what its four endpoints answered, turned
//! into the link's units and checked against the key table before anything is applied,
//! so that a reading fills `btc`, `diff`, `fee` and `blk` all together or not at all.
//!
//! The page's JavaScript does the four requests, checks each answer's shape and reports in
//! one line of facts (`public/kwhich-live.js`): no words, so that the page can say them in
//! the reader's language (`crate::text::live`). This module reads that line into typed
//! values, so every conversion and refusal is tested natively. Reading the JSON in Rust
//! instead (gloo-net, futures-util, gloo-timers, serde, serde-wasm-bindgen) added 18 KB to
//! the gzipped first load, and the button's progress and the UTC time in Rust about 3 KB
//! more (README, "Measured").

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

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
    /// Reads `2026-11-25T14:03Z` (what the page's script writes); anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
        let mut date = date.split('-');
        let mut time = time.split(':');
        // Fixed widths: the script pads every part, so a shorter one is not its report.
        fn part<T: core::str::FromStr>(text: Option<&str>, width: usize) -> Option<T> {
            text.filter(|t| t.len() == width && t.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()
        }
        let minute = UtcMinute {
            year: part(date.next(), 4)?,
            month: part(date.next(), 2)?,
            day: part(date.next(), 2)?,
            hour: part(time.next(), 2)?,
            minute: part(time.next(), 2)?,
        };
        let in_range = (1..=12).contains(&minute.month)
            && (1..=31).contains(&minute.day)
            && minute.hour < 24
            && minute.minute < 60;
        (in_range && date.next().is_none() && time.next().is_none()).then_some(minute)
    }
}

/// Where and when a reading came from: the API's host and the minute it answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// `mempool.space`, or `host:port`.
    pub host: String,
    pub at: UtcMinute,
}

/// What the four endpoints answered, each value as the text of its JSON number or string.
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
    /// From the report's code for it.
    fn from_code(code: &str) -> Option<Self> {
        match code {
            "price" => Some(Endpoint::Price),
            "difficulty" => Some(Endpoint::Difficulty),
            "fees" => Some(Endpoint::Fees),
            "height" => Some(Endpoint::Height),
            _ => None,
        }
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

/// Why no reading came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The build names no API (no `kwhich-api` meta tag).
    NoApi,
    /// The page's live-data script did not load.
    NoScript,
    /// The first of the four requests that failed.
    Request { endpoint: Endpoint, host: String, problem: Problem },
    /// A report this module cannot read.
    Unreadable,
}

/// Reads the page's report of the four requests, tab-separated: `ok`, the host, the minute
/// (`2026-11-25T14:03Z`), then the four values in [`Reading`]'s order; or `error`, a kind
/// (`noapi`, `noscript`, or `timeout`, `offline`, `limited`, `server`, `http`, `malformed`
/// followed by the endpoint, the host and, for `timeout`, the seconds or, for `server` and
/// `http`, the status).
pub fn read_report(line: &str) -> Result<Reading, Failure> {
    let mut parts = line.split('\t');
    let kind = parts.next().unwrap_or("");
    let mut next = || parts.next().unwrap_or("");
    match kind {
        "ok" => {
            let host = next();
            let at = UtcMinute::parse(next()).ok_or(Failure::Unreadable)?;
            let source = Source { host: host.to_string(), at };
            let mut value = || next().to_string();
            Ok(Reading { source, price_usd: value(), difficulty: value(), total_fee_sat: value(), height: value() })
        }
        "error" => Err(read_failure(next(), next(), next(), next()).unwrap_or(Failure::Unreadable)),
        _ => Err(Failure::Unreadable),
    }
}

/// The failure `kind` names, with its endpoint, host and detail where it has them.
fn read_failure(kind: &str, endpoint: &str, host: &str, detail: &str) -> Option<Failure> {
    let problem = match kind {
        "noapi" => return Some(Failure::NoApi),
        "noscript" => return Some(Failure::NoScript),
        "timeout" => Problem::Timeout { seconds: detail.parse().ok()? },
        "offline" => Problem::Offline,
        "limited" => Problem::Limited,
        "server" => Problem::Server { status: detail.parse().ok()? },
        "http" => Problem::Http { status: detail.parse().ok()? },
        "malformed" => Problem::Malformed,
        _ => return None,
    };
    let endpoint = Endpoint::from_code(endpoint)?;
    (!host.is_empty()).then(|| Failure::Request { endpoint, host: host.to_string(), problem })
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
