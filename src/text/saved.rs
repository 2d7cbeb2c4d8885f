//! Saved scenarios in words: why the browser would not keep them, the name a new entry is
//! offered, and the list as HTML. The model keeps the entries and their stored text
//! ([`crate::model::edit::saved`]).

use super::{num, t, tf};
use crate::model::edit::saved::{first_free_name, Saved, StoreError};
use crate::model::export::html::escape_attr;
use crate::model::link::comparison::{from_link, Link};

/// What to tell the person: what happened and what still works.
pub fn store_error(error: &StoreError) -> &'static str {
    match error {
        StoreError::Disabled => t(
            "This browser does not allow this page to store anything, so nothing can be saved here. The calculator works as before: copy the link to keep a scenario.",
        ),
        StoreError::Full => t(
            "The browser's storage for this page is full, so this was not saved. Delete a saved scenario, or copy the link to keep it.",
        ),
        StoreError::Refused => {
            t("The browser refused to save this. The calculator works as before: copy the link to keep a scenario.")
        }
    }
}

/// The first "Scenario N" (or "Comparison N") in the reader's language that no kept entry
/// is called.
pub fn default_name(list: &[Saved], comparison: bool) -> String {
    first_free_name(list, |n| {
        let n = num(&n.to_string());
        match comparison {
            true => tf("Comparison {n}", &[("n", &n)]),
            false => tf("Scenario {n}", &[("n", &n)]),
        }
    })
}

/// The list as HTML items, for a list that handles its buttons' clicks itself: each entry a
/// link to the full page (`page`, the address without a query) and Rename and Delete
/// buttons with `data-act` and `data-i` (its index). Names are escaped: they are typed
/// text; so are the catalog's words, which no HTML may come from.
pub fn list_html(list: &[Saved], page: &str) -> String {
    if list.is_empty() {
        let note = t("Nothing saved yet. Saved scenarios stay in this browser only; share one with its link.");
        return ["<li class=\"note\">", &escape_attr(note), "</li>"].concat();
    }
    let rename = escape_attr(t("Rename"));
    let delete = escape_attr(t("Delete"));
    let comparison = [" <span class=\"muted\">", &escape_attr(t("(comparison)")), "</span>"].concat();
    let mut out = String::new();
    for (i, saved) in list.iter().enumerate() {
        let (i, href, name) =
            (i.to_string(), escape_attr(&[page, "?", &saved.query].concat()), escape_attr(&saved.name));
        let kind = match from_link(&saved.query).0 {
            Link::Compare(_) => comparison.as_str(),
            Link::Single(_) => "",
        };
        put(&mut out, &["<li><a href=\"", &href, "\">", &name, "</a>", kind]);
        put(&mut out, &["<button type=\"button\" data-act=\"rename\" data-i=\"", &i, "\">", &rename, "</button>"]);
        put(&mut out, &["<button type=\"button\" data-act=\"delete\" data-i=\"", &i, "\">", &delete, "</button></li>"]);
    }
    out
}

/// Appends `parts` to `out`: one loop instead of a copy inlined at every piece (smaller Wasm).
#[inline(never)]
fn put(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(name: &str, query: &str) -> Saved {
        Saved { name: name.into(), query: query.into() }
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
        assert_eq!(
            list_html(&[], page),
            "<li class=\"note\">Nothing saved yet. Saved scenarios stay in this browser only; share one with its \
link.</li>"
        );
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
    fn it_says_why_storage_failed_and_what_still_works() {
        assert!(store_error(&StoreError::Full).contains("full"));
        for error in [StoreError::Disabled, StoreError::Full, StoreError::Refused] {
            assert!(store_error(&error).contains("copy the link"), "{error:?}");
        }
    }
}
