//! The page's shared state, one newtype context per concern.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::model::fields::FieldError;
use crate::model::metrics::InvalidKeys;
use crate::model::{Key, Metrics, Scenario};

/// The last valid scenario: what the URL holds and the model evaluates.
#[derive(Clone, Copy)]
pub struct ScenarioCtx(pub RwSignal<Scenario>);

/// Inputs whose text is not valid right now, with why.
#[derive(Clone, Copy)]
pub struct InputErrors(pub RwSignal<FieldErrors>);

/// Every metric of the scenario, with the invalid inputs' figures marked as such.
#[derive(Clone, Copy)]
pub struct MetricsCtx(pub Memo<Metrics>);

/// Which input a key's error came from: the key's own field, or the network-hashrate
/// field that edits the difficulty through a conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Field,
    Hashrate,
}

/// Why what a person typed for a key was refused, where, and the text itself (kept so a
/// subsidy refused for a zero fee can be applied once the fee changes).
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    pub error: FieldError,
    pub source: Source,
    pub text: String,
}

/// The inputs whose text is not valid right now.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors(Vec<(Key, InputError)>);

impl FieldErrors {
    pub fn get(&self, key: Key) -> Option<&InputError> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, e)| e)
    }

    /// The error of `key` if it came from `source`: each input shows only its own.
    pub fn error_of(&self, key: Key, source: Source) -> Option<FieldError> {
        self.get(key).filter(|e| e.source == source).map(|e| e.error.clone())
    }

    /// Records `key`'s error (or its absence); true when that changed anything, so a
    /// keystroke that leaves a field valid does not re-evaluate the scenario a second time.
    pub fn set(&mut self, key: Key, error: Option<InputError>) -> bool {
        if self.get(key) == error.as_ref() {
            return false;
        }
        self.0.retain(|(k, _)| *k != key);
        if let Some(error) = error {
            self.0.push((key, error));
        }
        true
    }

    pub fn invalid_keys(&self) -> InvalidKeys {
        self.0.iter().fold(InvalidKeys::default(), |set, (k, _)| set.with(*k))
    }
}

/// Applies what a person typed for `key`: the scenario takes the value, or the key is
/// marked invalid with why. `parsed` is the text already read in the key's own unit.
pub fn apply_input(key: Key, source: Source, text: String, parsed: Result<Option<Decimal>, FieldError>) {
    let ScenarioCtx(scenario) = expect_context();
    let InputErrors(errors) = expect_context();
    let outcome = parsed.and_then(|value| {
        let mut next = scenario.get_untracked();
        next.set(key, value)?;
        scenario.set(next);
        Ok(())
    });
    let accepted = outcome.is_ok();
    errors.maybe_update(|e| e.set(key, outcome.err().map(|error| InputError { error, source, text })));
    // A subsidy refused because the fee was zero (or the reverse) may be valid now.
    let partner = match key {
        Key::Sub => Some(Key::Fee),
        Key::Fee => Some(Key::Sub),
        _ => None,
    };
    if let (true, Some(partner)) = (accepted, partner) {
        let waiting = errors.with_untracked(|e| {
            e.get(partner).filter(|e| e.error == FieldError::RewardNotPositive).map(|e| e.text.clone())
        });
        if let Some(text) = waiting {
            let parsed = partner.field().parse(&text).map(Some);
            apply_input(partner, Source::Field, text, parsed);
        }
    }
}
