//! Scenarios kept in the browser: a name and a link query each, stored as plain text under
//! one key, one scenario a line (`QUERY<tab>NAME`). No JSON: a query never holds a tab or
//! a line break, and a name is cleaned of them, so the text reads back exactly.

use super::comparison::{from_link, Link};
use super::comparison_table::put;
use super::embed::escape_attr;

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

    /// What to tell the person: what happened and what still works.
    pub fn message(self) -> &'static str {
        match self {
            StoreError::Disabled => {
                "This browser does not allow this page to store anything, so nothing can be saved here. The calculator works as before: copy the link to keep a scenario."
            }
            StoreError::Full => {
                "The browser's storage for this page is full, so this was not saved. Delete a saved scenario, or copy the link to keep it."
            }
            StoreError::Refused => {
                "The browser refused to save this. The calculator works as before: copy the link to keep a scenario."
            }
        }
    }
}

/// A name as it is kept: tabs and line breaks become spaces, spaces at the ends go, and
/// at most [`NAME_MAX`] characters stay.
pub fn clean_name(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.trim().chars().take(NAME_MAX).collect::<String>().trim_end().to_string()
}

/// The first "Scenario N" (or "Comparison N") that no kept entry is called.
pub fn default_name(list: &[Saved], comparison: bool) -> String {
    let stem = if comparison { "Comparison " } else { "Scenario " };
    (1..=list.len() + 1)
        .map(|n| format!("{stem}{n}"))
        .find(|name| list.iter().all(|s| s.name != *name))
        .unwrap_or_else(|| stem.trim_end().to_string())
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

/// The list as HTML items, for a list that handles its buttons' clicks itself: each entry a
/// link to the full page (`page`, the address without a query) and Rename and Delete
/// buttons with `data-act` and `data-i` (its index). Names are escaped: they are typed text.
pub fn list_html(list: &[Saved], page: &str) -> String {
    if list.is_empty() {
        return "<li class=\"note\">Nothing saved yet. Saved scenarios stay in this browser only; share one \
with its link.</li>"
            .to_string();
    }
    let mut out = String::new();
    for (i, saved) in list.iter().enumerate() {
        let (i, href, name) =
            (i.to_string(), escape_attr(&[page, "?", &saved.query].concat()), escape_attr(&saved.name));
        let kind = match from_link(&saved.query).0 {
            Link::Compare(_) => " <span class=\"muted\">(comparison)</span>",
            Link::Single(_) => "",
        };
        put(&mut out, &["<li><a href=\"", &href, "\">", &name, "</a>", kind]);
        put(&mut out, &["<button type=\"button\" data-act=\"rename\" data-i=\"", &i, "\">Rename</button>"]);
        put(&mut out, &["<button type=\"button\" data-act=\"delete\" data-i=\"", &i, "\">Delete</button></li>"]);
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
    fn it_skips_lines_it_cannot_read() {
        let text = "v=1&kwh=0.03\tGood\nno tab here\n\tno query\r\nv=1\tWindows line\r\n";
        assert_eq!(read(text), vec![saved("Good", "v=1&kwh=0.03"), saved("Windows line", "v=1")]);
    }

    #[test]
    fn it_names_a_new_entry_after_the_first_free_number() {
        assert_eq!(default_name(&[], false), "Scenario 1");
        assert_eq!(default_name(&[saved("Scenario 1", "v=1")], false), "Scenario 2");
        assert_eq!(default_name(&[saved("Scenario 2", "v=1")], true), "Comparison 1");
        let taken = [saved("Scenario 1", "v=1"), saved("Scenario 3", "v=1")];
        assert_eq!(default_name(&taken, false), "Scenario 2");
    }

    #[test]
    fn it_lists_entries_as_html_with_names_escaped() {
        let page = "https://user.github.io/kwhich/";
        assert!(list_html(&[], page).contains("Nothing saved yet"));
        let list = [saved("<b>\"Cheap\" & cheerful</b>", "v=1&kwh=0.03"), saved("Two", "v=1&b.kwh=0.02")];
        let html = list_html(&list, page);
        assert_eq!(
            html,
            "<li><a href=\"https://user.github.io/kwhich/?v=1&amp;kwh=0.03\">&lt;b&gt;&quot;Cheap&quot; &amp; cheerful\
&lt;/b&gt;</a><button type=\"button\" data-act=\"rename\" data-i=\"0\">Rename</button><button type=\"button\" \
data-act=\"delete\" data-i=\"0\">Delete</button></li><li><a href=\"https://user.github.io/kwhich/?v=1&amp;b.kwh=0.02\">\
Two</a> <span class=\"muted\">(comparison)</span><button type=\"button\" data-act=\"rename\" data-i=\"1\">Rename\
</button><button type=\"button\" data-act=\"delete\" data-i=\"1\">Delete</button></li>"
        );
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
        assert!(StoreError::Full.message().contains("full"));
    }
}
