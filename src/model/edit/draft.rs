//! The scenario being edited: the scenario the figures show (every valid keystroke), the one
//! the link holds (only values the reader settled on), and the text of every input that is
//! not valid yet. Every editing rule lives here (which input owns an error, the subsidy and
//! fee that wait for each other, a preset filling its fields, reset, when a typed value
//! enters the link), so the page holds one value of this type and only calls its methods.

use rust_decimal::Decimal;

use crate::model::economics::network::difficulty_from_hashrate;
use crate::model::fields::{parse_decimal, FieldError, Key};
use crate::model::history::MonthError;
use crate::model::power::{PowerError, Profile};
use crate::model::presets::{AsicPreset, GpuPreset};
use crate::model::scenario::Scenario;
use crate::model::view::PowerUnit;
use crate::model::InvalidKeys;

/// The input a person typed into: a key's own field, or the network-hashrate field that
/// edits the difficulty through a conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Field,
    Hashrate,
}

/// Why the text typed for a key was refused, which input it came from, and the text
/// itself (kept so a subsidy refused for a zero fee can be applied once the fee changes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub error: FieldError,
    pub source: Source,
    pub text: String,
}

/// Why the link does not hold what an input shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Held {
    /// The text is not valid.
    Invalid,
    /// The value is valid but the reader has not settled on it yet.
    Typing,
}

/// A scenario under edit.
///
/// Two scenarios: `scenario` takes each valid value as it is typed (the figures follow every
/// keystroke), `settled` only once the reader has settled on it ([`Draft::settle`]: they left
/// the field or pressed Enter; [`Draft::pause`]: they stopped typing a usual value). The link
/// is written from `settled`, so it never holds a prefix of what is being typed ("85" on the
/// way to "85,000"). An input that is not valid holds its settled value in both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    scenario: Scenario,
    settled: Scenario,
    errors: Vec<(Key, InputError)>,
}

/// Reads a typed network hashrate (EH/s) as the difficulty it means, checked against the
/// difficulty's range.
pub fn difficulty_from_hashrate_text(text: &str) -> Result<Decimal, FieldError> {
    let eh = parse_decimal(text)?;
    let diff = difficulty_from_hashrate(eh).map_err(|_| FieldError::OutOfRange)?;
    if Key::Diff.field().contains(diff) {
        Ok(diff)
    } else {
        Err(FieldError::OutOfRange)
    }
}

/// What the text typed into `source` for `key` means: a value, `None` for an emptied input
/// whose key has no default (`hp`: computed), or why it is refused.
pub fn read_input(key: Key, source: Source, text: &str) -> Result<Option<Decimal>, FieldError> {
    let field = key.field();
    match source {
        Source::Hashrate => difficulty_from_hashrate_text(text).map(Some),
        Source::Field if text.trim().is_empty() && field.default.is_none() => Ok(None),
        Source::Field => field.parse(text).map(Some),
    }
}

impl Draft {
    pub fn new(scenario: Scenario) -> Self {
        Draft { settled: scenario.clone(), scenario, errors: Vec::new() }
    }

    /// The last valid scenario, typing included: what the figures show.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario the reader settled on: what the link holds.
    pub fn settled(&self) -> &Scenario {
        &self.settled
    }

    /// The inputs whose text the link does not hold, each with why and the value the link
    /// holds instead: those not valid (in the order they were typed into), then those
    /// still being typed (valid, not settled yet).
    pub fn held_instead(&self) -> Vec<(Key, Held, Option<Decimal>)> {
        let mut held: Vec<_> = self.errors.iter().map(|(k, _)| (*k, Held::Invalid, self.settled.get(*k))).collect();
        for key in Key::ALL {
            if self.scenario.get(key) != self.settled.get(key) {
                held.push((key, Held::Typing, self.settled.get(key)));
            }
        }
        held
    }

    /// The reader settled on what they typed (they left the field or pressed Enter): every
    /// valid value typed enters the link. An invalid input's value already is its settled one.
    pub fn settle(&mut self) {
        if self.settled != self.scenario {
            self.settled = self.scenario.clone();
        }
    }

    /// The reader stopped typing into `key` for a moment: its value enters the link only if
    /// it is valid and usual. "85" on the way to "85,000" is a bitcoin price nobody has seen
    /// since 2017: it waits for the reader to leave the field (or press Enter).
    pub fn pause(&mut self, key: Key) {
        let usual = self.scenario.get(key).is_none_or(|v| key.unusual(v).is_none());
        if usual && self.error(key).is_none() {
            self.settle();
        }
    }

    /// Copies `keys` from the scenario into the settled one; if the settled one cannot take
    /// them (a subsidy and a fee that only make sense together), it takes the whole scenario.
    fn settle_keys(&mut self, keys: &[Key]) {
        let mut next = self.settled.clone();
        let copied = keys.iter().try_for_each(|k| next.set(*k, self.scenario.get(*k)));
        self.settled = if copied.is_ok() { next } else { self.scenario.clone() };
    }

    fn error(&self, key: Key) -> Option<&InputError> {
        self.errors.iter().find(|(k, _)| *k == key).map(|(_, e)| e)
    }

    /// The error of `key` if `source` caused it: each input shows only its own.
    pub fn error_of(&self, key: Key, source: Source) -> Option<FieldError> {
        self.error(key).filter(|e| e.source == source).map(|e| e.error.clone())
    }

    /// The keys whose input is not valid right now.
    pub fn invalid_keys(&self) -> InvalidKeys {
        self.errors.iter().fold(InvalidKeys::default(), |set, (k, _)| set.with(*k))
    }

    fn set_error(&mut self, key: Key, error: Option<InputError>) {
        self.errors.retain(|(k, _)| *k != key);
        if let Some(error) = error {
            self.errors.push((key, error));
        }
    }

    /// A person typed `text` into `source` for `key`: the scenario takes the value, or the
    /// key is marked invalid with why. A subsidy refused because the fee was zero (or the
    /// reverse) is applied as soon as its partner makes it valid.
    pub fn type_text(&mut self, key: Key, source: Source, text: &str) {
        let outcome = read_input(key, source, text).and_then(|value| self.scenario.set(key, value));
        let accepted = outcome.is_ok();
        if !accepted {
            // Not the prefix typed before ("2" on the way to "20"): the value the reader
            // settled on, which the link holds. Kept if the partner no longer allows it.
            let _ = self.scenario.set(key, self.settled.get(key));
        }
        self.set_error(key, outcome.err().map(|error| InputError { error, source, text: text.to_string() }));
        let partner = match key {
            Key::Sub => Key::Fee,
            Key::Fee => Key::Sub,
            _ => return,
        };
        let waiting = self.error(partner).filter(|e| e.error == FieldError::RewardNotPositive);
        if let (true, Some(waiting)) = (accepted, waiting) {
            let (source, text) = (waiting.source, waiting.text.clone());
            self.type_text(partner, source, &text);
        }
    }

    /// Picks an ASIC: its hashrate and power fill their fields, replacing what was typed.
    pub fn pick_asic(&mut self, preset: &'static AsicPreset) {
        self.scenario.set_asic(preset);
        self.settled.set_asic(preset);
        self.clear_errors(&AsicPreset::FILLS);
    }

    /// Picks a GPU: its power, capex and rental price fill their fields.
    pub fn pick_gpu(&mut self, preset: &'static GpuPreset) {
        self.scenario.set_gpu(preset);
        self.settled.set_gpu(preset);
        self.clear_errors(&GpuPreset::FILLS);
    }

    /// Sets what of the site is no number (`own`, `mix`, `aip`): chosen, not typed, so it
    /// enters the link at once.
    pub fn set_site(&mut self, set: &dyn Fn(&mut Scenario)) {
        set(&mut self.scenario);
        set(&mut self.settled);
    }

    fn clear_errors(&mut self, keys: &[Key]) {
        self.errors.retain(|(k, _)| !keys.contains(k));
    }

    /// Shows and reads the power price in `unit` (a display key: no number changes).
    pub fn set_power_unit(&mut self, unit: PowerUnit) {
        self.scenario.view.power_unit = unit;
        self.settled.view.power_unit = unit;
    }

    /// Sets the power price's profile and mining's strike (`None`: auto; a flat price drops
    /// it). They enter the link at once; a strike outside −1 to 10 USD/kWh, or one with a flat
    /// price, is refused and nothing changes.
    pub fn set_power(&mut self, profile: Profile, strike: Option<Decimal>) -> Result<(), PowerError> {
        let strike = if profile.is_flat() { None } else { strike };
        let mut next = self.scenario.clone();
        next.set_profile(profile.clone());
        next.set_strike(strike)?;
        self.scenario = next;
        self.settled.set_profile(profile);
        self.settled.set_strike(strike)
    }

    /// Back to the snapshot, keeping how the scenario is shown (theme, language).
    pub fn reset(&mut self) {
        let view = self.scenario.view;
        self.scenario = Scenario::default();
        self.scenario.view = view;
        self.settled = self.scenario.clone();
        self.errors.clear();
    }

    /// Takes `next` as the scenario, its values set from outside the inputs (today's
    /// network): the inputs of `keys` lose their errors, and a subsidy or fee refused while
    /// its partner was zero is tried again. They enter the link at once; a value being
    /// typed elsewhere meanwhile does not.
    pub fn accept(&mut self, next: Scenario, keys: &[Key]) {
        self.scenario = next;
        self.clear_errors(keys);
        let mut settled: Vec<Key> = keys.to_vec();
        for key in [Key::Sub, Key::Fee] {
            let waiting = self.error(key).filter(|e| e.error == FieldError::RewardNotPositive).cloned();
            if let Some(waiting) = waiting {
                self.type_text(key, waiting.source, &waiting.text);
                settled.push(key);
            }
        }
        self.settle_keys(&settled);
    }

    /// Sets several keys at once, all or none: on the first value refused the draft is
    /// unchanged and that key and why are returned. Their inputs' errors are cleared.
    pub fn set_all(&mut self, values: &[(Key, Decimal)]) -> Result<(), (Key, FieldError)> {
        let mut next = self.scenario.clone();
        for (key, value) in values {
            next.set(*key, Some(*value)).map_err(|e| (*key, e))?;
        }
        self.scenario = next;
        let keys: Vec<Key> = values.iter().map(|(k, _)| *k).collect();
        self.clear_errors(&keys);
        self.settle_keys(&keys);
        Ok(())
    }

    /// Sets the backtest's month `bt` from what was typed (`YYYY-MM`; empty: the default).
    /// It has no input of the key table and nothing to wait for: a valid month enters the
    /// link at once; a refused one changes nothing.
    pub fn set_bt_text(&mut self, text: &str) -> Result<(), MonthError> {
        self.scenario.set_bt_text(text)?;
        self.settled.set_bt_text(text)
    }

    /// Sets the backtest's ASIC price `btcap` from what was typed (empty: `capex`), as
    /// [`Draft::set_bt_text`] does.
    pub fn set_btcap_text(&mut self, text: &str) -> Result<(), FieldError> {
        self.scenario.set_btcap_text(text)?;
        self.settled.set_btcap_text(text)
    }
}

#[cfg(test)]
mod tests;
