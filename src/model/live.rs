//! Today's network from a mempool.space REST API: what its four endpoints answered, turned
//! into the link's units and checked against the key table before anything is applied,
//! so that a reading fills `btc`, `diff`, `fee` and `blk` all together or not at all.
//!
//! The page's JavaScript does the four requests, checks each answer's shape, words any
//! failure and the time (`public/kwhich-live.js`), and reports in one line of text; this
//! module reads that line, so every conversion and refusal is tested natively. Reading the
//! JSON in Rust instead (gloo-net, futures-util, gloo-timers, serde, serde-wasm-bindgen)
//! added 18 KB to the gzipped first load, and the button's progress, the messages and the
//! UTC time in Rust about 3 KB more (README, "Measured").

use core::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

use super::fields::{parse_decimal, FieldError, Key};
use super::scenario::Scenario;

/// Blocks a day at ten minutes each: the fees are averaged over this many blocks.
pub const FEE_BLOCKS: u32 = 144;

/// T (10^12): `diff` is in T, the API gives the difficulty itself.
const TERA: Decimal = dec!(1000000000000);
/// Satoshis in one bitcoin.
const SATS_PER_BTC: Decimal = dec!(100000000);

/// What the four endpoints answered, each value as the text of its JSON number or string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// Where and when: `mempool.space, 25 Nov 2026 14:03 UTC`.
    pub source: String,
    /// `USD` of `/api/v1/prices`.
    pub price_usd: String,
    /// `currentDifficulty` of `/api/v1/mining/hashrate/3d`: the difficulty itself, not in T.
    pub difficulty: String,
    /// `totalFee` of `/api/v1/mining/reward-stats/144`: satoshis of fees over the last 144 blocks.
    pub total_fee_sat: String,
    /// `/api/blocks/tip/height`.
    pub height: String,
}

/// Reads the page's report of the four requests, tab-separated: `ok`, the source, then the
/// four values in [`Reading`]'s order; or `error` and the sentence that says what failed,
/// which is what comes back as the error.
pub fn read_report(line: &str) -> Result<Reading, String> {
    let mut parts = line.split('\t');
    let kind = parts.next().unwrap_or("");
    let mut next = || parts.next().unwrap_or("").to_string();
    match kind {
        "ok" => {
            Ok(Reading { source: next(), price_usd: next(), difficulty: next(), total_fee_sat: next(), height: next() })
        }
        "error" => Err(next()),
        _ => Err("The page could not read the answer.".to_string()),
    }
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
        match (self.value, field.unit) {
            (Some(v), "") => write!(f, "{} = {}. ", field.label, v.normalize())?,
            (Some(v), unit) => write!(f, "{} = {} {unit}. ", field.label, v.normalize())?,
            (None, _) => {}
        }
        f.write_str(&field.error_text(&self.error))
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
mod tests {
    use super::*;

    fn reading(price_usd: &str, difficulty: &str, total_fee_sat: &str, height: &str) -> Reading {
        let text = String::from;
        Reading {
            source: text("mempool.space, 25 Nov 2026 14:03 UTC"),
            price_usd: text(price_usd),
            difficulty: text(difficulty),
            total_fee_sat: text(total_fee_sat),
            height: text(height),
        }
    }

    #[test]
    fn it_converts_a_reading_to_the_link_units() {
        // Worked by hand (python decimal, 40 digits):
        //   149301205959699.88 → whole 149301205959700 / 10^12 = 149.3012059597 T
        //   2993214350 sat / 144 / 10^8 = 0.20786210763888… → 0.20786211 BTC
        //   fees of exactly 144 · 10^8 sat → 1 BTC; 72 sat → half a satoshi a block → 0.00000001
        //   155e12 (as JavaScript may print a number) → 155 T
        let cases = [
            (
                reading("98765", "149301205959699.88", "2993214350", "925123"),
                Network { btc: dec!(98765), diff: dec!(149.3012059597), fee: dec!(0.20786211), blk: dec!(925123) },
            ),
            (
                reading("43753.456", "155e12", "14400000000", "0"),
                Network { btc: dec!(43753.46), diff: dec!(155), fee: dec!(1), blk: dec!(0) },
            ),
            (
                reading("0.004", "1", "72", "1"),
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
            (reading("1e40", "155e12", "0", "1"), Refused::new(Key::Btc, None, FieldError::OutOfRange)),
            (reading("NaN", "155e12", "0", "1"), Refused::new(Key::Btc, None, FieldError::NotANumber)),
            (reading("1", "1e30", "0", "1"), Refused::new(Key::Diff, None, FieldError::OutOfRange)),
            (reading("1", "155e12", "12abc", "1"), Refused::new(Key::Fee, None, FieldError::NotANumber)),
            (reading("1", "155e12", "", "1"), Refused::new(Key::Fee, None, FieldError::Empty)),
            (reading("1", "155e12", "1.5", "1"), Refused::new(Key::Fee, None, FieldError::NotWhole)),
            (reading("1", "155e12", "0", "925000.5"), Refused::new(Key::Blk, None, FieldError::NotWhole)),
        ];
        for (reading, expected) in cases {
            assert_eq!(reading.to_network(), Err(expected), "{reading:?}");
        }
    }

    #[test]
    fn it_reads_the_report_of_the_four_requests() {
        let ok = read_report("ok\tmempool.space, 25 Nov 2026 14:03 UTC\t98765\t149301205959699.88\t2993214350\t925123");
        assert_eq!(ok, Ok(reading("98765", "149301205959699.88", "2993214350", "925123")));
        let cases = [
            (
                "error\tCould not reach mempool.space for the block height.",
                "Could not reach mempool.space for the block height.",
            ),
            ("", "The page could not read the answer."),
            ("fine\t1", "The page could not read the answer."),
        ];
        for (line, expected) in cases {
            assert_eq!(read_report(line), Err(expected.to_string()), "{line:?}");
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
            "Bitcoin price = 0 USD. Bitcoin price is out of range; it must be > 0 and ≤ 10,000,000 USD."
        );
        let high = Refused::new(Key::Blk, Some(dec!(10000001)), FieldError::OutOfRange);
        assert_eq!(
            high.to_string(),
            "Block height at the start = 10000001. Block height at the start is out of range; it must be a whole number ≥ 0 and ≤ 10,000,000."
        );
        let no_fee = Refused::new(Key::Fee, None, FieldError::NotANumber);
        assert_eq!(no_fee.to_string(), "Transaction fees is not a number; it must be ≥ 0 and ≤ 1,000 BTC/block.");
    }
}
