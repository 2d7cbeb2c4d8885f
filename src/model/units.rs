//! Units as types: each input of the scenario is one of these, so a price per kWh cannot be
//! passed where a price per TH is meant. Private fields; `new` and `get` at the edges.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::error::{ModelError, Quantity};
use super::figure::{add, div, fraction_of_percent, mul, Figure};

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
unit!(/// A share in percent, 0 to 100: uptime, pool fee, utilisation, an opex share.
    Share);
unit!(/// A signed rate in percent, per month or per year as its key says: a growth rate
    /// (`dg`, `pg`, `gd`, `ce`, −99 and up) or the discount rate `dr`.
    Rate);
unit!(/// Energy drawn at the facility meter per PH/s of hashrate per day.
    KwhPerPhDay);
unit!(/// A margin per facility megawatt over a year.
    UsdPerMwYear);
unit!(/// An amount of dollars a year.
    UsdPerYear);
unit!(/// Hashrate a facility megawatt runs.
    TerahashPerMegawatt);
unit!(/// GPUs a facility megawatt runs.
    GpusPerMegawatt);
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
unit!(/// A payment per kW of load a year: the demand-response credit.
    UsdPerKwYear);
unit!(/// A block height: blocks mined since the genesis block.
    BlockHeight);

impl Share {
    /// The share as a fraction: 97 % is 0.97.
    #[inline(always)]
    pub fn fraction(self) -> Decimal {
        fraction_of_percent(self.0)
    }
}

impl Rate {
    /// The factor this rate multiplies by over its period: `1 + rate/100` (10 % gives 1.1).
    #[inline(always)]
    pub fn factor(self) -> Figure {
        add(Decimal::ONE, fraction_of_percent(self.0))
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
    pub fn per_hashrate(self, rate: TerahashPerSecond) -> Figure<JoulesPerTerahash> {
        if rate.0.is_zero() {
            return Err(ModelError::ZeroDivisor(Quantity::HashratePerMachine));
        }
        self.0.checked_div(rate.0).map(JoulesPerTerahash).ok_or(ModelError::Overflow)
    }
}

impl UsdPerPhDay {
    /// The part of this hashprice that `fraction` (0 to 1) leaves: after the pool's fee.
    #[inline(always)]
    pub fn times(self, fraction: Decimal) -> Figure<UsdPerPhDay> {
        mul(self.0, fraction).map(UsdPerPhDay)
    }

    /// USD per PH/s per day over kWh per PH/s per day: USD per kWh.
    #[inline(always)]
    pub fn per_kwh(self, energy: KwhPerPhDay) -> Figure<UsdPerKwh> {
        div(self.0, energy.0, Quantity::EnergyPerPhDay).map(UsdPerKwh)
    }
}

impl UsdPerKwh {
    /// Two costs per kWh added: power and other opex.
    #[inline(always)]
    pub fn plus(self, other: UsdPerKwh) -> Figure<UsdPerKwh> {
        add(self.0, other.0).map(UsdPerKwh)
    }
}

impl UsdPerMegawatt {
    /// The amount for a whole site: USD per MW × MW = USD.
    #[inline(always)]
    pub fn for_site(self, site: Megawatts) -> Figure<Usd> {
        mul(self.0, site.0).map(Usd)
    }
}

impl JoulesPerTerahash {
    /// The hashrate a facility megawatt runs at this efficiency and `pue`: 10^6 / (eff · PUE).
    #[inline(always)]
    pub fn per_megawatt(self, pue: Pue) -> Figure<TerahashPerMegawatt> {
        div(dec!(1000000), mul(self.0, pue.0)?, Quantity::AsicEfficiency).map(TerahashPerMegawatt)
    }
}

impl Kilowatts {
    /// The GPUs of this IT power a facility megawatt runs: 1,000 / (kW · PUE).
    #[inline(always)]
    pub fn gpus_per_megawatt(self, pue: Pue) -> Figure<GpusPerMegawatt> {
        div(dec!(1000), mul(self.0, pue.0)?, Quantity::ItPowerPerGpu).map(GpusPerMegawatt)
    }
}

impl UsdPerTerahash {
    /// The ASICs of a facility megawatt: USD per TH/s × TH/s per MW = USD per MW.
    #[inline(always)]
    pub fn per_megawatt(self, hashrate: TerahashPerMegawatt) -> Figure<UsdPerMegawatt> {
        mul(self.0, hashrate.0).map(UsdPerMegawatt)
    }
}

impl Usd {
    /// A GPU's price for the GPUs of a facility megawatt: USD per MW.
    #[inline(always)]
    pub fn per_megawatt(self, gpus: GpusPerMegawatt) -> Figure<UsdPerMegawatt> {
        mul(self.0, gpus.0).map(UsdPerMegawatt)
    }
}

impl UsdPerMegawatt {
    /// Two build costs per MW added.
    #[inline(always)]
    pub fn plus(self, other: UsdPerMegawatt) -> Figure<UsdPerMegawatt> {
        add(self.0, other.0).map(UsdPerMegawatt)
    }
}

impl UsdPerMwYear {
    /// The yearly amount for a whole site: USD per MW-year × MW = USD a year.
    #[inline(always)]
    pub fn for_site(self, site: Megawatts) -> Figure<UsdPerYear> {
        mul(self.0, site.0).map(UsdPerYear)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_turns_watts_per_hashrate_into_efficiency() {
        let eff = Watts::new(dec!(3500)).per_hashrate(TerahashPerSecond::new(dec!(200)));
        assert_eq!(eff, Ok(JoulesPerTerahash::new(dec!(17.5))));
        let zero = Watts::new(dec!(1)).per_hashrate(TerahashPerSecond::new(Decimal::ZERO));
        assert_eq!(zero, Err(ModelError::ZeroDivisor(Quantity::HashratePerMachine)));
    }

    #[test]
    fn it_reads_a_share_as_a_fraction() {
        assert_eq!(Share::new(dec!(97)).fraction(), dec!(0.97));
        assert_eq!(Rate::new(dec!(-15)).factor(), Ok(dec!(0.85)));
    }

    #[test]
    fn it_checks_units_through_the_formulas() {
        // $35 per PH/s per day, 98 % kept, over 441 kWh per PH/s per day.
        let kept = UsdPerPhDay::new(dec!(35)).times(dec!(0.98));
        assert_eq!(kept, Ok(UsdPerPhDay::new(dec!(34.30))));
        let revenue = kept.and_then(|k| k.per_kwh(KwhPerPhDay::new(dec!(441))));
        assert_eq!(revenue.map(|r| r.get().round_dp(6)), Ok(dec!(0.077778)));
        let zero = UsdPerPhDay::new(dec!(35)).per_kwh(KwhPerPhDay::new(Decimal::ZERO));
        assert_eq!(zero, Err(ModelError::ZeroDivisor(Quantity::EnergyPerPhDay)));
        assert_eq!(UsdPerKwh::new(dec!(0.05)).plus(UsdPerKwh::new(dec!(0.005))), Ok(UsdPerKwh::new(dec!(0.055))));
        let site = Megawatts::new(dec!(100));
        assert_eq!(UsdPerMegawatt::new(dec!(10000000)).for_site(site), Ok(Usd::new(dec!(1000000000))));
        assert_eq!(UsdPerMwYear::new(dec!(-5)).for_site(site), Ok(UsdPerYear::new(dec!(-500))));
        assert_eq!(UsdPerMegawatt::new(Decimal::MAX).for_site(site), Err(ModelError::Overflow));
    }

    #[test]
    fn it_checks_units_through_the_capex() {
        // 17.5 J/TH at PUE 1.05: 10^6 / 18.375 TH/s per MW; at $14 per TH/s, plus $500,000.
        let density = JoulesPerTerahash::new(dec!(17.5)).per_megawatt(Pue::new(dec!(1.05)));
        let asics = density.and_then(|d| UsdPerTerahash::new(dec!(14)).per_megawatt(d));
        let mining = asics.and_then(|a| a.plus(UsdPerMegawatt::new(dec!(500000))));
        assert_eq!(mining.map(|m| m.get().round_dp(2)), Ok(dec!(1261904.76)));
        // 1.275 kW per GPU at PUE 1.3: 1,000 / 1.6575 GPUs per MW at $37,500.
        let gpus = Kilowatts::new(dec!(1.275)).gpus_per_megawatt(Pue::new(dec!(1.3)));
        let gpu = gpus.and_then(|g| Usd::new(dec!(37500)).per_megawatt(g));
        assert_eq!(gpu.map(|g| g.get().round_dp(2)), Ok(dec!(22624434.39)));
        let zero = JoulesPerTerahash::new(Decimal::ZERO).per_megawatt(Pue::new(Decimal::ONE));
        assert_eq!(zero, Err(ModelError::ZeroDivisor(Quantity::AsicEfficiency)));
    }
}
