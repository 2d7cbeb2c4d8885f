//! Scenarios kept in the browser: a name and a link query each, stored as plain text under
//! one key, one scenario a line (`QUERY<tab>NAME`). No JSON: a query never holds a tab or
//! a line break, and a name is cleaned of them, so the text reads back exactly.
//!
//! Words (the default names, the list's HTML, why storage failed) are the text layer's:
//! `crate::text::saved`.

use crate::model::view::plain_text;

/// The `localStorage` key that holds every saved scenario.
pub const STORAGE_KEY: &str = "kwhich:saved";

/// The longest name kept, in characters: a headline, not a note.
pub const NAME_MAX: usize = 80;

/// One kept scenario or comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub name: String,
    /// The link's query without `?`, as the page writes it.
    pub query: String,
}

/// Why the browser would not keep the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No storage here: turned off, blocked for this site, or a private window that refuses it.
    Disabled,
    /// The storage is full.
    Full,
    /// Any other refusal.
    Refused,
}

impl StoreError {
    /// From the name of the `DOMException` the browser threw.
    pub fn from_exception(name: &str) -> Self {
        match name {
            "SecurityError" => StoreError::Disabled,
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
            _ => StoreError::Refused,
        }
    }
}

/// A name as it is kept: control characters (tabs, line breaks) and bidi controls (a
/// U+202E would show the name reversed) become spaces, as in a link's `title=`
/// ([`plain_text`]); spaces at the ends go, and at most [`NAME_MAX`] characters stay.
pub fn clean_name(text: &str) -> String {
    plain_text(text).trim().chars().take(NAME_MAX).collect::<String>().trim_end().to_string()
}

/// The name `query` is kept under, if it is kept.
pub fn name_of<'a>(list: &'a [Saved], query: &str) -> Option<&'a str> {
    list.iter().find(|s| s.query == query).map(|s| s.name.as_str())
}

/// Keeps `query` under `name`: an entry that holds the same query already takes the new
/// name where it stands (saving again updates, never duplicates); otherwise a new entry
/// goes at the end. True when an entry was updated.
pub fn keep(list: &mut Vec<Saved>, name: String, query: String) -> bool {
    match list.iter_mut().find(|s| s.query == query) {
        Some(entry) => {
            entry.name = name;
            true
        }
        None => {
            list.push(Saved { name, query });
            false
        }
    }
}

/// The first of `name(1)`, `name(2)`, … that no kept entry is called: a new entry's
/// suggested name ("Scenario 2" in English). `name` words the number in the reader's
/// language, so the numbering stays here and the words stay in the text layer. Among
/// `list.len() + 1` names one is always free; `name(list.len() + 1)` is the fallback.
pub fn first_free_name(list: &[Saved], name: impl Fn(usize) -> String) -> String {
    (1..=list.len() + 1)
        .map(&name)
        .find(|candidate| list.iter().all(|s| s.name != *candidate))
        .unwrap_or_else(|| name(list.len() + 1))
}

/// Reads the stored text; a line without a tab or without a query is skipped.
pub fn read(text: &str) -> Vec<Saved> {
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        .filter(|(query, _)| !query.is_empty())
        .map(|(query, name)| Saved { name: clean_name(name), query: query.to_string() })
        .collect()
}

/// The text to store for `list`; [`read`] gives `list` back.
pub fn write(list: &[Saved]) -> String {
    let mut out = String::new();
    for saved in list {
        out.push_str(&saved.query);
        out.push('\t');
        out.push_str(&clean_name(&saved.name));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(name: &str, query: &str) -> Saved {
        Saved { name: name.into(), query: query.into() }
    }

    #[test]
    fn it_round_trips_a_list() {
        let list = vec![
            saved("Power at 3 cents", "v=1&kwh=0.03"),
            saved("S19 XP vs S21 XP", "v=1&asic=s19xp&kwh=0.04&b.asic=s21xp&b.capex=18"),
            saved("مقارنة · so sánh", "v=1&cmp=1"),
        ];
        let text = write(&list);
        assert_eq!(text.lines().count(), 3);
        assert_eq!(read(&text), list);
        assert_eq!(read(""), vec![]);
    }

    #[test]
    fn it_cleans_names() {
        let long = "x".repeat(NAME_MAX + 5);
        let cases = [
            ("  Plan A  ", "Plan A"),
            ("two\tlines\nhere", "two lines here"),
            ("\r\n", ""),
            ("\u{202e}Plan A\u{202c}", "Plan A"),
            ("a\u{2066}b\u{200f}c\u{061c}d", "a b c d"),
            (long.as_str(), &long[..NAME_MAX]),
        ];
        for (text, want) in cases {
            assert_eq!(clean_name(text), want, "{text:?}");
        }
        // A name with a tab or a line break cannot break the list.
        let list = vec![saved("a\tb\nc", "v=1"), saved("d", "v=1&kwh=0.03")];
        assert_eq!(read(&write(&list)), vec![saved("a b c", "v=1"), saved("d", "v=1&kwh=0.03")]);
    }

    #[test]
    fn it_updates_the_entry_of_a_query_saved_again() {
        let mut list = vec![saved("Cheap", "v=1&kwh=0.03"), saved("Dear", "v=1&kwh=0.09")];
        assert_eq!(name_of(&list, "v=1&kwh=0.09"), Some("Dear"));
        assert_eq!(name_of(&list, "v=1"), None);
        assert!(keep(&mut list, "Very cheap".into(), "v=1&kwh=0.03".into()));
        assert_eq!(list, vec![saved("Very cheap", "v=1&kwh=0.03"), saved("Dear", "v=1&kwh=0.09")]);
        assert!(!keep(&mut list, "Default".into(), "v=1".into()));
        assert_eq!(list.len(), 3);
        assert_eq!(list[2], saved("Default", "v=1"));
    }

    #[test]
    fn it_skips_lines_it_cannot_read() {
        let text = "v=1&kwh=0.03\tGood\nno tab here\n\tno query\r\nv=1\tWindows line\r\n";
        assert_eq!(read(text), vec![saved("Good", "v=1&kwh=0.03"), saved("Windows line", "v=1")]);
    }

    #[test]
    fn it_numbers_a_new_entry_after_the_first_free_number() {
        let scenario = |n: usize| format!("Scenario {n}");
        assert_eq!(first_free_name(&[], scenario), "Scenario 1");
        assert_eq!(first_free_name(&[saved("Scenario 1", "v=1")], scenario), "Scenario 2");
        assert_eq!(first_free_name(&[saved("Scenario 2", "v=1")], |n| format!("Comparison {n}")), "Comparison 1");
        let taken = [saved("Scenario 1", "v=1"), saved("Scenario 3", "v=1")];
        assert_eq!(first_free_name(&taken, scenario), "Scenario 2");
        let all = [saved("Scenario 2", "v=1"), saved("Scenario 1", "v=1")];
        assert_eq!(first_free_name(&all, scenario), "Scenario 3");
    }

    #[test]
    fn it_tells_why_storage_failed() {
        let cases = [
            ("SecurityError", StoreError::Disabled),
            ("QuotaExceededError", StoreError::Full),
            ("NS_ERROR_DOM_QUOTA_REACHED", StoreError::Full),
            ("InvalidStateError", StoreError::Refused),
        ];
        for (name, want) in cases {
            assert_eq!(StoreError::from_exception(name), want, "{name}");
        }
    }
}
