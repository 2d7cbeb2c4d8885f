//! The numeric inputs of the scenario contract: key, label, unit, default and range.
//!
//! One table drives the share-link codec, the evaluator's JSON and the page's fields, so a
//! key's meaning is written once.

use core::fmt;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A numeric input of the share link, in SPEC.md's order (which is also the order of the
/// keys in a written link).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumCount, strum::VariantArray)]
pub enum Key {
    Btc,
    Diff,
    Sub,
    Fee,
    Hp,
    Th,
    W,
    Kwh,
    Opx,
    Up,
    Pool,
    Pue,
    Capex,
    Site,
    Life,
    Colo,
    Gpue,
    Gph,
    Util,
    Gkw,
    Gcap,
    Gopx,
    Gfit,
    Tgt,
    Mo,
    Dg,
    Pg,
    Gd,
    Ce,
    Blk,
    Dr,
    Conv,
    Glife,
    Clife,
    Mw,
}

/// Where a field sits on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Market,
    Fleet,
    Colocation,
    GpuCloud,
    Target,
    /// How the inputs drift month by month, how long each asset lasts, and what money costs.
    Outlook,
}

impl Group {
    pub const ALL: [Group; 6] =
        [Group::Market, Group::Fleet, Group::Colocation, Group::GpuCloud, Group::Target, Group::Outlook];
}

/// One end of a valid range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Inclusive(Decimal),
    Exclusive(Decimal),
}

impl Bound {
    pub fn value(self) -> Decimal {
        match self {
            Bound::Inclusive(d) | Bound::Exclusive(d) => d,
        }
    }
}

/// What the contract says of one numeric key.
#[derive(Debug)]
pub struct Field {
    pub key: Key,
    /// The link key, as written in a URL.
    pub name: &'static str,
    pub group: Group,
    /// `None` only for `hp`, which is absent unless given.
    pub default: Option<Decimal>,
    pub min: Bound,
    pub max: Bound,
    /// Months and block heights are whole numbers.
    pub whole: bool,
}

/// Why a value is not valid for its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Nothing was typed.
    Empty,
    /// The text is not a plain decimal number.
    NotANumber,
    /// A `,` was used: links and inputs take `.` as the decimal separator.
    Comma,
    /// A fractional value where a whole number is needed.
    NotWhole,
    /// Outside the field's range.
    OutOfRange,
    /// Subsidy plus fees would be zero: no reward, so no hashprice.
    RewardNotPositive,
    /// More digits than a 96-bit decimal keeps (28): it would be rounded, not read.
    TooManyDigits,
}

impl Field {
    /// Is `value` inside this field's range?
    pub fn contains(&self, value: Decimal) -> bool {
        let above = match self.min {
            Bound::Inclusive(m) => value >= m,
            Bound::Exclusive(m) => value > m,
        };
        let below = match self.max {
            Bound::Inclusive(m) => value <= m,
            Bound::Exclusive(m) => value < m,
        };
        above && below && (!self.whole || value.fract().is_zero())
    }

    /// Parses what a person typed or a link holds, and checks the range.
    pub fn parse(&self, text: &str) -> Result<Decimal, FieldError> {
        let value = parse_decimal(text)?;
        if self.whole && !value.fract().is_zero() {
            return Err(FieldError::NotWhole);
        }
        if !self.contains(value) {
            return Err(FieldError::OutOfRange);
        }
        Ok(value)
    }
}

/// Reads a plain decimal: optional sign, digits with one optional `.`, and an optional
/// exponent (`1e9`), as SPEC.md's ranges are written. Nothing else: no spaces inside, no
/// `NaN`, no `inf`, no thousands separators.
pub fn parse_decimal(text: &str) -> Result<Decimal, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldError::Empty);
    }
    if text.contains(',') {
        return Err(FieldError::Comma);
    }
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let digits = mantissa.strip_prefix(['+', '-']).unwrap_or(mantissa);
    let dots = digits.bytes().filter(|&b| b == b'.').count();
    let has_digit = digits.bytes().any(|b| b.is_ascii_digit());
    if dots > 1 || !has_digit || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(FieldError::NotANumber);
    }
    // A decimal keeps 28 places and about 29 digits; more would be rounded silently (and
    // could round an out-of-range value into range), so they are refused instead.
    // Trailing zeros after the point carry no digit of the value.
    let exact = if mantissa.contains('.') { mantissa.trim_end_matches('0').trim_end_matches('.') } else { mantissa };
    let read_exact = || Decimal::from_str_exact(exact).map_err(|_| FieldError::TooManyDigits);
    read_exact()?;
    let value = match exponent {
        None => read_exact()?,
        Some(exp) => {
            let exp_digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
            if exp_digits.is_empty() || exp_digits.len() > 3 || !exp_digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(FieldError::NotANumber);
            }
            // Too large is out of every range; too small needs more than 28 places.
            let too_far = if exp.starts_with('-') { FieldError::TooManyDigits } else { FieldError::OutOfRange };
            Decimal::from_scientific(text).map_err(|_| too_far)?
        }
    };
    // A typed "-0" is zero, and zero is never shown with a sign.
    Ok(value.normalize())
}

impl Key {
    /// Every key in the enum's order: derived from the enum, so a new key cannot be left out.
    pub const ALL: [Key; <Self as strum::EnumCount>::COUNT] = all_variants!(Key, Key::Btc);

    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn field(self) -> &'static Field {
        &FIELDS[self.index()]
    }

    pub fn name(self) -> &'static str {
        self.field().name
    }

    pub fn from_name(name: &str) -> Option<Key> {
        FIELDS.iter().find(|f| f.name == name).map(|f| f.key)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

use Bound::{Exclusive as Ex, Inclusive as In};

macro_rules! field {
    ($key:ident, $name:literal, $group:ident, $default:expr, $min:expr, $max:expr) => {
        field!($key, $name, $group, $default, $min, $max, false)
    };
    ($key:ident, $name:literal, $group:ident, $default:expr, $min:expr, $max:expr, $whole:expr) => {
        Field {
            key: Key::$key,
            name: $name,
            group: Group::$group,
            default: $default,
            min: $min,
            max: $max,
            whole: $whole,
        }
    };
}

/// SPEC.md's input tables, row for row. The defaults are the late-November 2025 snapshot
/// (Hashrate Index and market figures of late November 2025): bitcoin near $85,000, difficulty 155 T, subsidy 3.125 BTC, fees about
/// 0.02 BTC a block, an Antminer S21 and an H100 at $2 per GPU-hour.
static FIELDS: [Field; Key::COUNT] = [
    field!(Btc, "btc", Market, Some(dec!(85000)), Ex(dec!(0)), In(dec!(10000000))),
    field!(Diff, "diff", Market, Some(dec!(155)), Ex(dec!(0)), In(dec!(1000000))),
    field!(Sub, "sub", Market, Some(dec!(3.125)), In(dec!(0)), In(dec!(50))),
    field!(Fee, "fee", Market, Some(dec!(0.02)), In(dec!(0)), In(dec!(1000))),
    field!(Hp, "hp", Market, None, Ex(dec!(0)), In(dec!(100000))),
    field!(Th, "th", Fleet, Some(dec!(200)), Ex(dec!(0)), In(dec!(100000))),
    field!(W, "w", Fleet, Some(dec!(3500)), Ex(dec!(0)), In(dec!(1000000))),
    field!(Kwh, "kwh", Market, Some(dec!(0.05)), In(dec!(0)), In(dec!(10))),
    field!(Opx, "opx", Market, Some(dec!(0.005)), In(dec!(0)), In(dec!(10))),
    field!(Up, "up", Fleet, Some(dec!(97)), Ex(dec!(0)), In(dec!(100))),
    field!(Pool, "pool", Fleet, Some(dec!(2)), In(dec!(0)), Ex(dec!(100))),
    field!(Pue, "pue", Fleet, Some(dec!(1.05)), In(dec!(1)), In(dec!(3))),
    field!(Capex, "capex", Fleet, Some(dec!(14)), In(dec!(0)), In(dec!(10000))),
    field!(Site, "site", Fleet, Some(dec!(500000)), In(dec!(0)), In(dec!(1000000000))),
    field!(Life, "life", Fleet, Some(dec!(4)), Ex(dec!(0)), In(dec!(50))),
    field!(Colo, "colo", Colocation, Some(dec!(140)), In(dec!(0)), In(dec!(10000))),
    field!(Gpue, "gpue", Colocation, Some(dec!(1.3)), In(dec!(1)), In(dec!(3))),
    field!(Gph, "gph", GpuCloud, Some(dec!(2.00)), In(dec!(0)), In(dec!(1000))),
    field!(Util, "util", GpuCloud, Some(dec!(70)), In(dec!(0)), In(dec!(100))),
    field!(Gkw, "gkw", GpuCloud, Some(dec!(1.275)), Ex(dec!(0)), In(dec!(100))),
    field!(Gcap, "gcap", GpuCloud, Some(dec!(37500)), In(dec!(0)), In(dec!(10000000))),
    field!(Gopx, "gopx", GpuCloud, Some(dec!(15)), In(dec!(0)), In(dec!(100))),
    field!(Gfit, "gfit", Colocation, Some(dec!(10000000)), In(dec!(0)), In(dec!(1000000000))),
    field!(Tgt, "tgt", Target, Some(dec!(50000)), Ex(dec!(0)), In(dec!(10000000))),
    field!(Mo, "mo", Outlook, Some(dec!(120)), In(dec!(1)), In(dec!(240)), true),
    field!(Dg, "dg", Outlook, Some(dec!(2)), In(dec!(-50)), In(dec!(100))),
    field!(Pg, "pg", Outlook, Some(dec!(0)), In(dec!(-99)), In(dec!(1000))),
    field!(Gd, "gd", Outlook, Some(dec!(-15)), In(dec!(-99)), In(dec!(1000))),
    field!(Ce, "ce", Outlook, Some(dec!(2)), In(dec!(-50)), In(dec!(100))),
    field!(Blk, "blk", Outlook, Some(dec!(925000)), In(dec!(0)), In(dec!(10000000)), true),
    field!(Dr, "dr", Outlook, Some(dec!(12)), In(dec!(0)), In(dec!(100))),
    field!(Conv, "conv", Outlook, Some(dec!(9)), In(dec!(0)), In(dec!(60)), true),
    field!(Glife, "glife", Outlook, Some(dec!(5)), Ex(dec!(0)), In(dec!(50))),
    field!(Clife, "clife", Outlook, Some(dec!(12)), Ex(dec!(0)), In(dec!(50))),
    field!(Mw, "mw", Outlook, Some(dec!(100)), Ex(dec!(0)), In(dec!(100000))),
];

/// What is usually seen or paid for a key: a valid value outside gets a hint beside its field
/// (docs/LINKS.md, "Usual ranges"), and a pause in typing does not put it in the link (only
/// leaving the field or Enter does). Sources: the snapshot's market (late November 2025), the
/// ASICs and GPUs of the preset tables, published PUEs and colocation rates.
static USUAL: [(Key, Decimal, Decimal); 11] = [
    // Bitcoin has not been below $1,000 since 2017; a million is ten times its high.
    (Key::Btc, dec!(1000), dec!(1000000)),
    // From flare gas and curtailed hydro (1 ¢) to 1 USD/kWh, about 13 times a typical
    // industrial price ([`TYPICAL_POWER_PRICE`]).
    (Key::Kwh, dec!(0.01), dec!(1)),
    (Key::Opx, dec!(0), dec!(0.1)),
    // A hashrate and a power draw of one machine, from the oldest preset to the largest.
    (Key::Th, dec!(10), dec!(2000)),
    (Key::W, dec!(500), dec!(20000)),
    (Key::Pue, dec!(1), dec!(2)),
    (Key::Capex, dec!(1), dec!(100)),
    (Key::Colo, dec!(20), dec!(500)),
    (Key::Gpue, dec!(1), dec!(2)),
    (Key::Gph, dec!(0.1), dec!(20)),
    (Key::Dr, dec!(0), dec!(40)),
];

/// A typical industrial electricity price (USD/kWh): what an implausible power price is
/// compared with ("4.5 USD/kWh is about 60 times a typical industrial price").
pub const TYPICAL_POWER_PRICE: Decimal = dec!(0.075);

/// Where a valid value sits against its key's usual range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unusual {
    /// Below the usual range, whose lower end this is.
    Below(Decimal),
    /// Above the usual range, whose upper end this is.
    Above(Decimal),
}

impl Key {
    /// The usual range of this key's values, if the table gives one.
    pub fn usual(self) -> Option<(Decimal, Decimal)> {
        USUAL.iter().find(|(k, _, _)| *k == self).map(|&(_, low, high)| (low, high))
    }

    /// Whether `value` lies outside what is usually seen for this key.
    pub fn unusual(self, value: Decimal) -> Option<Unusual> {
        let (low, high) = self.usual()?;
        if value < low {
            Some(Unusual::Below(low))
        } else if value > high {
            Some(Unusual::Above(high))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests;
