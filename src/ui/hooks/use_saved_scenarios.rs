//! Scenarios kept in this browser's `localStorage`, as plain text (see [`crate::model::edit::saved`]).
//! Only the full page calls this: an embed never touches storage.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use crate::model::edit::saved::{read, write, Saved, StoreError, STORAGE_KEY};

/// What [`use_saved_scenarios`] gives: the list as last read or written, and why the
/// browser refused the last attempt, if it did.
#[derive(Clone, Copy)]
pub struct UseSavedScenariosReturn {
    pub list: RwSignal<Vec<Saved>>,
    pub problem: RwSignal<Option<StoreError>>,
}

fn kind(error: JsValue) -> StoreError {
    error.dyn_into::<DomException>().map_or(StoreError::Refused, |e| StoreError::from_exception(&e.name()))
}

// Asking for `localStorage` throws a SecurityError where storage is turned off.
fn storage() -> Result<Storage, StoreError> {
    window().local_storage().map_err(kind)?.ok_or(StoreError::Disabled)
}

fn load() -> Result<Vec<Saved>, StoreError> {
    let text = storage()?.get_item(STORAGE_KEY).map_err(kind)?;
    Ok(read(&text.unwrap_or_default()))
}

fn store(list: &[Saved]) -> Result<(), StoreError> {
    let storage = storage()?;
    if list.is_empty() {
        storage.remove_item(STORAGE_KEY).map_err(kind)
    } else {
        storage.set_item(STORAGE_KEY, &write(list)).map_err(kind)
    }
}

impl UseSavedScenariosReturn {
    /// Reads the stored list afresh (another tab may have changed it), applies `edit` and
    /// stores the result. On a refusal the list stays as stored and `problem` says why.
    pub fn change(self, edit: impl FnOnce(&mut Vec<Saved>)) -> bool {
        let outcome = load().and_then(|mut list| {
            edit(&mut list);
            store(&list).map(|()| list)
        });
        match outcome {
            Ok(list) => {
                self.list.set(list);
                self.problem.set(None);
                true
            }
            Err(problem) => {
                self.problem.set(Some(problem));
                false
            }
        }
    }
}

/// Reads the saved scenarios once, when called.
pub fn use_saved_scenarios() -> UseSavedScenariosReturn {
    let (list, problem) = match load() {
        Ok(list) => (list, None),
        Err(problem) => (Vec::new(), Some(problem)),
    };
    UseSavedScenariosReturn { list: RwSignal::new(list), problem: RwSignal::new(problem) }
}
