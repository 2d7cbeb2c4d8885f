//! Power by the hour (SPEC.md, "Power by the hour (v1 extension)"): the link's price
//! profile (`pp`, `pq`) and mining's strike (`strike`), held beside the numeric inputs as
//! the backtest's keys are. A profile is 100 buckets `r_1 ≤ … ≤ r_100` (USD/MWh), each the
//! mean price of 1 % of the year's hours: ERCOT's North hub in 2025 ([`ercot`]), or a
//! reader's own file reduced the same way ([`file`]) and carried in the link as `pq`.
//!
//! The economics of a profile (scaling to `kwh`, which buckets run, the sums) are in
//! `economics/profile.rs`; this file only reads and writes the keys.

pub mod ercot;
pub mod file;

use std::sync::Arc;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::fields::{parse_decimal, FieldError};
use super::figure::{add, Figure};
use super::link::share_link::plain;
use super::scenario::Scenario;

/// How many buckets a profile has: each 1 % of the year's hours.
pub const BUCKETS: usize = 100;

/// The line ERCOT's data is shown with, wherever the profile is drawn or written.
pub const ATTRIBUTION: &str = "ERCOT real-time settlement point prices, HB_NORTH, 2025";

/// A bucket price's range, USD/MWh (SPEC.md: −1,000 to 100,000).
pub const BUCKET_MIN: Decimal = dec!(-1000);
pub const BUCKET_MAX: Decimal = dec!(100000);
/// `strike`'s range when a number, USD/kWh (SPEC.md: −1 to 10).
pub const STRIKE_MIN: Decimal = dec!(-1);
pub const STRIKE_MAX: Decimal = dec!(10);

/// The price profile of the site's power.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// Every hour at `kwh`: every earlier figure.
    #[default]
    Flat,
    /// ERCOT's real-time price at the North hub, 2025 (`ercot-n-2025`).
    ErcotNorth2025,
    /// A reader's own 100 bucket prices (`pp=custom&pq=…`), USD/MWh, checked ascending.
    Custom(Arc<[Decimal; BUCKETS]>),
}

impl Profile {
    /// `pp`'s value for this profile.
    pub fn name(&self) -> &'static str {
        match self {
            Profile::Flat => "flat",
            Profile::ErcotNorth2025 => "ercot-n-2025",
            Profile::Custom(_) => "custom",
        }
    }

    /// The bucket prices `r_b`, USD/MWh, ascending; `None` for a flat price.
    pub fn buckets(&self) -> Option<Figure<[Decimal; BUCKETS]>> {
        match self {
            Profile::Flat => None,
            Profile::ErcotNorth2025 => Some(ercot::buckets()),
            Profile::Custom(r) => Some(Ok(**r)),
        }
    }

    /// A custom profile's buckets as the link gave them.
    pub fn custom(&self) -> Option<&[Decimal; BUCKETS]> {
        match self {
            Profile::Custom(b) => Some(b),
            _ => None,
        }
    }

    /// Is the price flat (every earlier figure as it was)?
    pub fn is_flat(&self) -> bool {
        *self == Profile::Flat
    }
}

/// `pp`, `pq` and `strike` as the scenario holds them. With a flat price there is no strike
/// (`strike` is `None`, auto): a link that gives one with `pp=flat` has it named and ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PowerKeys {
    profile: Profile,
    /// `None`: auto (no cap beyond break-even).
    strike: Option<Decimal>,
}

/// Why a `pq` was refused; positions count from 1, as a reader counts the numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// Not 100 numbers: how many were given.
    Count(usize),
    /// The number at this position does not read as a plain decimal.
    NotANumber(usize),
    /// The number at this position lies outside −1,000 to 100,000 USD/MWh.
    OutOfRange(usize),
    /// The number at this position is below the one before.
    NotAscending(usize),
    /// The mean of the buckets is zero or negative: no price level to scale.
    MeanNotPositive,
}

/// Reads `pq`: 100 comma-separated prices, USD/MWh, each −1,000 to 100,000, ascending,
/// their mean above zero.
pub fn parse_pq(text: &str) -> Result<[Decimal; BUCKETS], ProfileError> {
    let parts: Vec<&str> = text.split(',').collect();
    if parts.len() != BUCKETS {
        return Err(ProfileError::Count(if text.trim().is_empty() { 0 } else { parts.len() }));
    }
    let mut out = [Decimal::ZERO; BUCKETS];
    for (i, part) in parts.iter().enumerate() {
        let value = parse_decimal(part).map_err(|_| ProfileError::NotANumber(i + 1))?;
        if !(BUCKET_MIN..=BUCKET_MAX).contains(&value) {
            return Err(ProfileError::OutOfRange(i + 1));
        }
        if i > 0 && value < out[i - 1] {
            return Err(ProfileError::NotAscending(i + 1));
        }
        out[i] = value;
    }
    check_mean(&out)?;
    Ok(out)
}

/// The buckets' mean is above zero: their sum is (100 numbers of at most 100,000 cannot
/// overflow a decimal).
fn check_mean(buckets: &[Decimal; BUCKETS]) -> Result<(), ProfileError> {
    match buckets.iter().try_fold(Decimal::ZERO, |a, b| add(a, *b)) {
        Ok(s) if s > Decimal::ZERO => Ok(()),
        _ => Err(ProfileError::MeanNotPositive),
    }
}

/// `pq` as a link writes it: the 100 prices, plain decimals, comma-separated.
pub fn pq_text(buckets: &[Decimal; BUCKETS]) -> String {
    buckets.iter().map(|b| plain(*b)).collect::<Vec<_>>().join(",")
}

/// Reads `strike`: `auto` (`None`) or a number from −1 to 10 USD/kWh.
pub fn parse_strike(text: &str) -> Result<Option<Decimal>, FieldError> {
    if text.trim() == "auto" {
        return Ok(None);
    }
    let value = parse_decimal(text)?;
    if !(STRIKE_MIN..=STRIKE_MAX).contains(&value) {
        return Err(FieldError::OutOfRange);
    }
    Ok(Some(value))
}

/// `strike` as a link writes it.
pub fn strike_text(strike: Option<Decimal>) -> String {
    strike.map_or_else(|| "auto".to_string(), plain)
}

/// Why a profile or strike could not be set on the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PowerError {
    /// `pp` names no known profile.
    UnknownProfile,
    /// `pp=custom` without a valid `pq`.
    CustomNeedsBuckets,
    /// A fixed strike with a flat price, where it has nothing to cap.
    StrikeNeedsProfile,
    /// A strike outside −1 to 10 USD/kWh.
    StrikeOutOfRange,
}

impl Scenario {
    /// The price profile.
    pub fn profile(&self) -> &Profile {
        &self.power.profile
    }

    /// Mining's strike, USD/kWh; `None`: auto.
    pub fn strike(&self) -> Option<Decimal> {
        self.power.strike
    }

    /// Sets the profile; a flat price drops the strike (it has nothing to cap).
    pub fn set_profile(&mut self, profile: Profile) {
        if profile.is_flat() {
            self.power.strike = None;
        }
        self.power.profile = profile;
    }

    /// Sets the profile from `pp`'s name; `custom` takes `buckets` (a checked `pq`).
    pub fn set_profile_named(&mut self, name: &str, buckets: Option<[Decimal; BUCKETS]>) -> Result<(), PowerError> {
        let profile = match (name, buckets) {
            ("flat", _) => Profile::Flat,
            ("ercot-n-2025", _) => Profile::ErcotNorth2025,
            ("custom", Some(b)) => Profile::Custom(Arc::new(b)),
            ("custom", None) => return Err(PowerError::CustomNeedsBuckets),
            _ => return Err(PowerError::UnknownProfile),
        };
        self.set_profile(profile);
        Ok(())
    }

    /// Sets the strike (`None`: auto); a fixed strike needs a profile, and a number lies
    /// from −1 to 10 USD/kWh.
    pub fn set_strike(&mut self, strike: Option<Decimal>) -> Result<(), PowerError> {
        if strike.is_some() && self.power.profile.is_flat() {
            return Err(PowerError::StrikeNeedsProfile);
        }
        if strike.is_some_and(|s| !(STRIKE_MIN..=STRIKE_MAX).contains(&s)) {
            return Err(PowerError::StrikeOutOfRange);
        }
        self.power.strike = strike.map(|s| s.normalize());
        Ok(())
    }
}

#[cfg(test)]
mod tests;
