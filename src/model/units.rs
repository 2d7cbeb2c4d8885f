//! Units as types: each input of the scenario is one of these, so a price per kWh cannot be
//! passed where a price per TH is meant. Private fields; `new` and `get` at the edges.

use rust_decimal::Decimal;

use super::error::ModelError;

macro_rules! unit {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Decimal);

        impl $name {
            pub const fn new(value: Decimal) -> Self {
                Self(value)
            }

            pub const fn get(self) -> Decimal {
                self.0
            }
        }
    };
}

unit!(/// Price of one bitcoin, or a cost per bitcoin mined.
    UsdPerBtc);
unit!(/// Network difficulty in trillions (T = 10^12).
    Difficulty);
unit!(/// Bitcoin paid per block (subsidy or fees).
    BtcPerBlock);
unit!(/// Hashprice in dollars.
    UsdPerPhDay);
unit!(/// Hashprice in bitcoin.
    BtcPerPhDay);
unit!(/// Hashrate of one machine.
    TerahashPerSecond);
unit!(/// Power of one machine.
    Watts);
unit!(/// IT power of one GPU with its share of the server.
    Kilowatts);
unit!(/// Energy per terahash: the efficiency of an ASIC.
    JoulesPerTerahash);
unit!(/// A price or a cost per kilowatt-hour at the facility meter.
    UsdPerKwh);
unit!(/// A share in percent (0 to 100).
    Percent);
unit!(/// Power usage effectiveness: facility power over IT power, at least 1.
    Pue);
unit!(/// ASIC price per TH/s.
    UsdPerTerahash);
unit!(/// A build cost per facility megawatt.
    UsdPerMegawatt);
unit!(/// A span of years.
    Years);
unit!(/// A colocation lease per kW of IT load a month.
    UsdPerKwMonth);
unit!(/// A GPU rental price.
    UsdPerGpuHour);
unit!(/// An amount of dollars.
    Usd);
unit!(/// A whole number of months.
    Months);
unit!(/// Facility power of a site.
    Megawatts);
unit!(/// A block height: blocks mined since the genesis block.
    BlockHeight);

impl Percent {
    /// The share as a fraction: 97 % is 0.97.
    pub fn fraction(self) -> Decimal {
        // Dividing by a non-zero constant cannot fail for inputs inside SPEC.md's ranges,
        // and `Decimal` division by 100 only shifts the scale.
        self.0 / Decimal::ONE_HUNDRED
    }
}

impl Months {
    /// The count as an integer; an error only for a value no link can hold (a fraction or
    /// beyond `u32`), never a silent zero.
    pub fn count(self) -> Result<u32, ModelError> {
        whole(self.0)
    }
}

impl BlockHeight {
    /// The height as an integer; an error only for a value no link can hold.
    pub fn height(self) -> Result<u64, ModelError> {
        if !self.0.fract().is_zero() {
            return Err(ModelError::NotWhole(self.0));
        }
        u64::try_from(self.0).map_err(|_| ModelError::Overflow)
    }
}

impl Years {
    /// Whole months in the span, `floor(12 · years)`, at most `cap`.
    pub fn whole_months(self, cap: u32) -> Result<u32, ModelError> {
        let months = self.0.checked_mul(Decimal::from(12)).ok_or(ModelError::Overflow)?.floor();
        Ok(whole(months)?.min(cap))
    }
}

/// A non-negative whole decimal as a `u32`.
fn whole(value: Decimal) -> Result<u32, ModelError> {
    if !value.fract().is_zero() {
        return Err(ModelError::NotWhole(value));
    }
    u32::try_from(value).map_err(|_| ModelError::Overflow)
}

impl Watts {
    /// Efficiency of a machine drawing `self` at `rate`: W / (TH/s) = J/TH.
    pub fn per_hashrate(self, rate: TerahashPerSecond) -> Result<JoulesPerTerahash, ModelError> {
        if rate.0.is_zero() {
            return Err(ModelError::ZeroDivisor("hashrate per machine"));
        }
        self.0.checked_div(rate.0).map(JoulesPerTerahash).ok_or(ModelError::Overflow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn it_turns_watts_per_hashrate_into_efficiency() {
        let eff = Watts::new(dec!(3500)).per_hashrate(TerahashPerSecond::new(dec!(200)));
        assert_eq!(eff, Ok(JoulesPerTerahash::new(dec!(17.5))));
        let zero = Watts::new(dec!(1)).per_hashrate(TerahashPerSecond::new(Decimal::ZERO));
        assert_eq!(zero, Err(ModelError::ZeroDivisor("hashrate per machine")));
    }

    #[test]
    fn it_reads_percent_as_a_fraction() {
        assert_eq!(Percent::new(dec!(97)).fraction(), dec!(0.97));
    }
}
