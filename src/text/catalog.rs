//! A language's messages as data: `lang/ar.txt` and `lang/vi.txt`.
//!
//! The format is made for translators and for a parser of a few lines: a block per
//! message, blocks apart by a blank line, the English id on the block's first line and the
//! translation on its second; a line starting with `#` is a comment.
//!
//! ```text
//! # Arabic
//! Inputs
//! المدخلات
//! ```

use crate::model::edit::number_style::NumberStyle;
use crate::model::view::Lang;

/// One language's messages, sorted by id for a binary search, and how it writes numbers.
#[derive(Clone, Debug)]
pub struct Catalog {
    lang: Lang,
    entries: Vec<(&'static str, &'static str)>,
    style: NumberStyle,
}

/// Why a catalog file cannot be read; the line is counted from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// A block with an id and no translation, or with more than two lines.
    Block { line: usize },
    /// The same id twice.
    Duplicate { line: usize },
}

impl Catalog {
    /// Reads a catalog file (see the module's documentation).
    pub fn parse(lang: Lang, text: &'static str) -> Result<Catalog, CatalogError> {
        let mut entries = Vec::new();
        let mut block: Vec<(usize, &'static str)> = Vec::with_capacity(2);
        let mut lines = text.lines().enumerate().map(|(n, l)| (n + 1, l.trim_end_matches('\r')));
        loop {
            let next = lines.next();
            match next {
                Some((_, line)) if line.starts_with('#') => {}
                Some((n, line)) if !line.trim().is_empty() => block.push((n, line)),
                _ => {
                    match block.as_slice() {
                        [] => {}
                        [(_, id), (_, text)] => entries.push((*id, *text)),
                        [(n, _), ..] => return Err(CatalogError::Block { line: *n }),
                    }
                    block.clear();
                    if next.is_none() {
                        break;
                    }
                }
            }
        }
        entries.sort_by(|a, b| a.0.cmp(b.0));
        if let Some(pair) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
            let line = text.lines().position(|l| l == pair[0].0).map_or(0, |n| n + 1);
            return Err(CatalogError::Duplicate { line });
        }
        Ok(Catalog { lang, entries, style: super::style_of(lang) })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How the page writes numbers with this catalog: the language's way, or the digits
    /// [`Catalog::with_digits`] chose.
    pub fn style(&self) -> NumberStyle {
        self.style
    }

    /// The catalog in Western digits (`nu=latn`): its figures in [`NumberStyle::EN`], and
    /// each number its translators wrote in Eastern Arabic digits ("الشهر ٠", "٨٦٬٤٠٠") in
    /// `0`–`9` with `,` and `.`, so that one page never mixes two kinds of digits. (The
    /// Arabic catalog writes every number in its own digits; tests/text_catalogs.rs checks.)
    pub fn in_latin_digits(mut self) -> Catalog {
        for entry in &mut self.entries {
            if entry.1.contains(|c| ('\u{660}'..='\u{66C}').contains(&c)) {
                let latin = entry.1.chars().map(|c| match c {
                    '\u{660}'..='\u{669}' => char::from_u32(c as u32 - 0x630).unwrap_or(c),
                    '\u{66B}' => '.',
                    '\u{66C}' => ',',
                    c => c,
                });
                // Once per message for the page's life, as every message is.
                entry.1 = String::leak(latin.collect());
            }
        }
        self.style = NumberStyle::EN;
        self
    }

    /// The translation of `id`, if the catalog has one.
    pub fn get(&self, id: &str) -> Option<&'static str> {
        self.entries.binary_search_by(|(k, _)| (*k).cmp(id)).ok().map(|i| self.entries[i].1)
    }

    /// Every id the catalog translates.
    pub fn ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|(id, _)| *id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_reads_blocks_and_comments() {
        let text = "# Vietnamese\nInputs\nThông số\n\n# a note\n{n} years\n{n} năm\r\n\n\n";
        let c = Catalog::parse(Lang::Vi, text).unwrap();
        assert_eq!(c.get("Inputs"), Some("Thông số"));
        assert_eq!(c.get("{n} years"), Some("{n} năm"));
        assert_eq!(c.get("Outputs"), None);
        assert_eq!(c.ids().count(), 2);
    }

    #[test]
    fn it_writes_the_numbers_of_its_messages_in_western_digits_when_asked() {
        let text = "A\n٨٦٬٤٠٠ · ١٠^١٥ / ٦٠٠ ث، الشهر ٠؛ ١٫٠٥ S21 XP\n\nB\nبلا أرقام\n";
        let own = Catalog::parse(Lang::Ar, text).unwrap();
        assert_eq!(own.style(), NumberStyle::AR);
        assert_eq!(own.get("A"), Some("٨٦٬٤٠٠ · ١٠^١٥ / ٦٠٠ ث، الشهر ٠؛ ١٫٠٥ S21 XP"));
        let latin = own.in_latin_digits();
        assert_eq!(latin.get("A"), Some("86,400 · 10^15 / 600 ث، الشهر 0؛ 1.05 S21 XP"));
        assert_eq!(latin.get("B"), Some("بلا أرقام"));
        assert_eq!(latin.style(), NumberStyle::EN);
    }

    #[test]
    fn it_names_the_line_of_a_broken_block() {
        assert_eq!(Catalog::parse(Lang::Vi, "A\nB\n\nC\n").unwrap_err(), CatalogError::Block { line: 4 });
        assert_eq!(Catalog::parse(Lang::Vi, "A\nB\nC\n").unwrap_err(), CatalogError::Block { line: 1 });
        assert_eq!(Catalog::parse(Lang::Vi, "A\nB\n\nA\nC\n").unwrap_err(), CatalogError::Duplicate { line: 1 });
    }
}
