//! Units as types: each input of the scenario is one of these, so a price per kWh cannot be
//! passed where a price per TH is meant. Private fields; `new` and `get` at the edges.

use rust_decimal::Decimal;

use super::error::ModelError;

macro_rules! unit {
    ($(#[$doc:meta])* $name:ident, $symbol:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Decimal);

        impl $name {
            /// The unit as written beside a number.
            pub const SYMBOL: &'static str = $symbol;

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
    UsdPerBtc, "USD/BTC");
unit!(/// Network difficulty in trillions (T = 10^12).
    Difficulty, "T");
unit!(/// Bitcoin paid per block (subsidy or fees).
    BtcPerBlock, "BTC/block");
unit!(/// Hashprice in dollars.
    UsdPerPhDay, "USD per PH/s per day");
unit!(/// Hashprice in bitcoin.
    BtcPerPhDay, "BTC per PH/s per day");
unit!(/// Hashrate of one machine.
    TerahashPerSecond, "TH/s");
unit!(/// Power of one machine.
    Watts, "W");
unit!(/// IT power of one GPU with its share of the server.
    Kilowatts, "kW");
unit!(/// Energy per terahash: the efficiency of an ASIC.
    JoulesPerTerahash, "J/TH");
unit!(/// A price or a cost per kilowatt-hour at the facility meter.
    UsdPerKwh, "USD/kWh");
unit!(/// A share in percent (0 to 100).
    Percent, "%");
unit!(/// Power usage effectiveness: facility power over IT power, at least 1.
    Pue, "ratio");
unit!(/// ASIC price per TH/s.
    UsdPerTerahash, "USD/TH");
unit!(/// A build cost per facility megawatt.
    UsdPerMegawatt, "USD/MW");
unit!(/// A span of years.
    Years, "years");
unit!(/// A colocation lease per kW of IT load a month.
    UsdPerKwMonth, "USD per kW-month");
unit!(/// A GPU rental price.
    UsdPerGpuHour, "USD per GPU-hour");
unit!(/// An amount of dollars.
    Usd, "USD");

impl Percent {
    /// The share as a fraction: 97 % is 0.97.
    pub fn fraction(self) -> Decimal {
        // Dividing by a non-zero constant cannot fail for inputs inside SPEC.md's ranges,
        // and `Decimal` division by 100 only shifts the scale.
        self.0 / Decimal::ONE_HUNDRED
    }
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
