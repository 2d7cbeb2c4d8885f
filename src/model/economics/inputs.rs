//! The scenario as the formulas read it: each input in its unit, or the reason it cannot be
//! used ([`InvalidKeys`]: an input being edited and not valid yet).

use crate::model::error::ModelError;
use crate::model::fields::Key;
use crate::model::scenario::{for_each_input, Scenario};
use crate::model::units::*;

use super::fleet::{self, FleetModel};
use super::path::Path;
use crate::model::figure::Figure;
use crate::model::site::Own;

/// The keys whose input is being edited and is not valid: figures that need one of them
/// say so instead of using a stale or default value. One bit a key, in as many words as
/// the key table needs, so a new key can never fall off the end of the set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InvalidKeys([u64; INVALID_WORDS]);

const INVALID_WORDS: usize = Key::COUNT.div_ceil(64);

impl InvalidKeys {
    pub fn with(mut self, key: Key) -> Self {
        self.0[key.index() / 64] |= 1 << (key.index() % 64);
        self
    }

    /// The set with `key` no longer marked: for figures that set that key themselves (a
    /// decision map's cells give their own power and bitcoin prices).
    pub fn without(mut self, key: Key) -> Self {
        self.0[key.index() / 64] &= !(1 << (key.index() % 64));
        self
    }

    pub fn contains(self, key: Key) -> bool {
        self.0[key.index() / 64] & 1 << (key.index() % 64) != 0
    }

    /// True when no key is marked.
    pub fn is_empty(self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
}

/// Reads the scenario through [`InvalidKeys`]: an input marked invalid makes every figure
/// that needs it an [`ModelError::InvalidInput`], and leaves the others as they are.
pub struct Inputs<'a> {
    scenario: &'a Scenario,
    invalid: InvalidKeys,
}

macro_rules! checked_inputs {
    ($($fn:ident: $key:ident => $unit:ident;)*) => {
        $(
            pub fn $fn(&self) -> Figure<$unit> {
                self.check(Key::$key)?;
                Ok(self.scenario.$fn())
            }
        )*
    };
}

impl<'a> Inputs<'a> {
    pub fn new(scenario: &'a Scenario, invalid: InvalidKeys) -> Self {
        Inputs { scenario, invalid }
    }

    /// The scenario itself, for what is not a figure (how many months to project).
    pub fn scenario(&self) -> &'a Scenario {
        self.scenario
    }

    /// The keys read as unknown.
    pub fn invalid(&self) -> InvalidKeys {
        self.invalid
    }

    fn check(&self, key: Key) -> Result<(), ModelError> {
        if self.invalid.contains(key) {
            Err(ModelError::InvalidInput(key))
        } else {
            Ok(())
        }
    }

    for_each_input!(checked_inputs);

    /// The hashprice override, if one is set.
    pub fn hp(&self) -> Figure<Option<UsdPerPhDay>> {
        self.check(Key::Hp)?;
        Ok(self.scenario.hp())
    }

    /// The fleet's efficiency: the ASIC's, `w / th`, or a mix's blend (`asic`, `th` and `w`
    /// are then unused).
    #[inline(always)]
    pub fn eff(&self) -> Figure<JoulesPerTerahash> {
        match self.scenario.mix() {
            Some(mix) => fleet::blend(mix),
            None => self.w()?.per_hashrate(self.th()?),
        }
    }

    /// The fleet's models: the ASIC at share 1, or each model of the mix.
    pub fn fleet(&self) -> Vec<FleetModel> {
        match self.scenario.mix() {
            Some(mix) => fleet::mix_models(mix),
            None => vec![FleetModel { id: None, share: rust_decimal::Decimal::ONE, eff: self.eff() }],
        }
    }

    /// The years of the path's life: `life`, `clife` or `glife` (the one place that says
    /// which key is whose life).
    #[inline(always)]
    pub fn life_of(&self, path: Path) -> Figure<Years> {
        match path {
            // An owned fleet earns for the years it has left.
            Path::Mining if self.scenario.own() == Own::Fleet => self.rlife(),
            Path::Mining => self.life(),
            Path::Colo => self.clife(),
            Path::Gpu => self.glife(),
        }
    }

    /// The months the path stands idle before it earns: none for mining, `conv` (the
    /// conversion for AI) for the others.
    #[inline(always)]
    pub fn idle_of(&self, path: Path) -> Figure<u32> {
        match path {
            Path::Mining => Ok(0),
            Path::Colo | Path::Gpu => self.conv()?.count(),
        }
    }
}
