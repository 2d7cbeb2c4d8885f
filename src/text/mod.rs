//! What a reader reads, in the reader's language: the one presentation layer over the
//! model, which speaks none (it carries keys, numbers and typed reasons).
//!
//! A message's id is its English text, written where it is used: `t("Inputs")`,
//! `tf("{n} years", &[("n", &years)])`. English is therefore compiled in and costs nothing
//! more; Arabic and Vietnamese are catalogs (`lang/ar.txt`, `lang/vi.txt`, copied into the
//! build) that the page fetches before it mounts when the link asks for them, so the
//! English first load carries neither. `tests/text_catalogs.rs` reads every `t("…")` and
//! `tf("…")` in `src/` and fails when a catalog lacks one, has one no code uses, or drops
//! a `{placeholder}`: each language is complete or the build is red.
//!
//! The evaluator never installs a catalog, so its JSON stays English.
#![forbid(unsafe_code)]

pub mod answer_html;
pub mod catalog;
pub mod chart_file;
pub mod compare_charts;
pub mod comparison_table;
pub mod embed_facts;
pub mod fields;
pub mod format;
pub mod headline;
pub mod history;
pub mod live;
pub mod map_svg;
pub mod paths;
pub mod power;
pub mod reasons;
pub mod saved;
pub mod search;
pub mod site;
pub mod time_charts;
pub mod tornado;

use std::sync::OnceLock;

/// Marks a message id kept in a table and translated where it is shown (`t(label)`): the
/// catalog test reads `n!("…")` as it reads `t("…")`.
macro_rules! n {
    ($id:literal) => {
        $id
    };
}
pub(crate) use n;

pub use catalog::Catalog;

use crate::model::edit::number_style::NumberStyle;
use crate::model::view::Lang;

/// The language the page reads in, set once before it mounts (a change of language reloads
/// the page with the new `lang=`, so no text ever has to change under a reader's eyes).
static CATALOG: OnceLock<Catalog> = OnceLock::new();

/// Makes `catalog` the language of every message from now on, in Western digits when
/// `latin_digits` (`nu=latn`) and the language has digits of its own (Arabic). Only the
/// first call counts: false when a catalog was already installed.
pub fn install(catalog: Catalog, latin_digits: bool) -> bool {
    let latin = latin_digits && catalog.style().zero != '0';
    CATALOG.set(if latin { catalog.in_latin_digits() } else { catalog }).is_ok()
}

/// The language messages are read in: English until a catalog is installed.
pub fn lang() -> Lang {
    CATALOG.get().map_or(Lang::En, Catalog::lang)
}

/// How the page writes numbers: the current language's way, or its catalog's digits.
pub fn number_style() -> NumberStyle {
    CATALOG.get().map_or(NumberStyle::EN, Catalog::style)
}

/// How `lang` writes numbers.
pub fn style_of(lang: Lang) -> NumberStyle {
    match lang {
        Lang::En => NumberStyle::EN,
        Lang::Ar => NumberStyle::AR,
        Lang::Vi => NumberStyle::VI,
    }
}

/// The message `id` (its English text) in the current language. An id a catalog lacks
/// reads in English: the catalog test keeps that from shipping.
#[inline(never)]
pub fn t(id: &'static str) -> &'static str {
    CATALOG.get().and_then(|c| c.get(id)).unwrap_or(id)
}

/// The message `id` in the current language with each `{name}` replaced by its value.
#[inline(never)]
pub fn tf(id: &'static str, args: &[(&str, &str)]) -> String {
    fill(t(id), args)
}

/// `template` with each `{name}` of `args` replaced (once each, in any order).
#[inline(never)]
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], &after[close + 1..])) {
            Some((name, tail)) if args.iter().any(|(n, _)| *n == name) => {
                let value = args.iter().find(|(n, _)| *n == name).map_or("", |(_, v)| *v);
                out.push_str(value);
                rest = tail;
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where a line of text starts in a chart `width` units wide, and its `text-anchor`: 10
/// units in from the left edge, or the right edge in Arabic, as a glyph's box reaches a
/// little past its origin. (The stylesheet turns an Arabic label's anchor with its
/// direction, so "end" here sets its right end there.)
pub fn line_start(width: i32) -> (i32, &'static str) {
    if lang().rtl() {
        (width.saturating_sub(LINE_INSET), "end")
    } else {
        (LINE_INSET, "start")
    }
}

/// How far in from a chart's edge a line of its text starts ([`line_start`]).
pub const LINE_INSET: i32 = 10;

/// A number written the English way (`-1,234.5`) in the current language's digits and marks.
#[inline(never)]
pub fn num(english: &str) -> String {
    number_style().localize(english)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_fills_placeholders_by_name() {
        assert_eq!(fill("{a} and {b}", &[("b", "2"), ("a", "1")]), "1 and 2");
        assert_eq!(fill("{n} {n}", &[("n", "x")]), "x x");
        // A brace that names no argument stays as it is.
        assert_eq!(fill("{x} {", &[("n", "1")]), "{x} {");
        assert_eq!(tf("{n} years", &[("n", "6.7")]), "6.7 years");
    }
}
