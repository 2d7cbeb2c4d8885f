//! The page's shared state, one newtype context per concern.

use leptos::prelude::*;

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

/// The error of each key's input, if its text does not parse or is out of range.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors(Vec<(Key, FieldError)>);

impl FieldErrors {
    pub fn get(&self, key: Key) -> Option<FieldError> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, e)| e.clone())
    }

    /// Records `key`'s error (or its absence); true when that changed anything, so a
    /// keystroke that leaves a field valid does not re-evaluate the scenario a second time.
    pub fn set(&mut self, key: Key, error: Option<FieldError>) -> bool {
        if self.get(key) == error {
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
