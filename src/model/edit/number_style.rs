//! How a language writes numbers: its digits, its decimal mark and its thousands separator.
//! Links and `data-value` never use this: they are always plain (`1234.5`).
//!
//! - English: `1,234,567.89`.
//! - Vietnamese: `1.234.567,89` (the Vietnamese business press; the browser's `Intl` gives
//!   the same for `vi`).
//! - Arabic: Eastern Arabic digits with the Arabic decimal and thousands marks,
//!   `١٬٢٣٤٬٥٦٧٫٨٩`, as readers in the Gulf and Egypt read them (the article kWhich was
//!   built around ran there). Typed input accepts Latin digits too.

use rust_decimal::Decimal;

use crate::model::fields::FieldError;

/// Digits, decimal mark and grouping of one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    /// The character for the digit zero; the others follow it in Unicode.
    pub zero: char,
    pub decimal: char,
    pub group: char,
}

impl NumberStyle {
    pub const EN: NumberStyle = NumberStyle { zero: '0', decimal: '.', group: ',' };
    pub const VI: NumberStyle = NumberStyle { zero: '0', decimal: ',', group: '.' };
    /// U+0660 ARABIC-INDIC DIGIT ZERO, U+066B ARABIC DECIMAL SEPARATOR, U+066C ARABIC
    /// THOUSANDS SEPARATOR.
    pub const AR: NumberStyle = NumberStyle { zero: '\u{660}', decimal: '\u{66B}', group: '\u{66C}' };

    /// Rewrites a number written the English way (`-1,234.5`, as [`super::format`]
    /// writes them) in this style. Anything that is not a digit, `.` or `,` stays.
    pub fn localize(self, english: &str) -> String {
        if self == NumberStyle::EN {
            return english.to_string();
        }
        english
            .chars()
            .map(|c| match c {
                '.' => self.decimal,
                ',' => self.group,
                '0'..='9' => char::from_u32(self.zero as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
                c => c,
            })
            .collect()
    }

    /// Reads what a person typed in this language as plain link text (`0,05` → `0.05` in
    /// Vietnamese, `٠٫٠٥` → `0.05` in Arabic), for the field parser. Latin and Eastern
    /// Arabic digits are both read. Only the language's own decimal mark counts as one
    /// (Arabic also takes `.`, as Arabic text with Latin digits writes it); the mark that
    /// the language uses to group thousands, and a space between digits, are refused
    /// ([`FieldError::Comma`]) rather than guessed: to a Vietnamese reader `85.000` is
    /// eighty-five thousand, and reading it as 85 would be silently wrong.
    pub fn delocalize(self, typed: &str) -> Result<String, FieldError> {
        if self == NumberStyle::EN {
            return Ok(typed.to_string());
        }
        let trimmed = typed.trim();
        let mut out = String::with_capacity(trimmed.len());
        for c in trimmed.chars() {
            let arabic_digit = ('\u{660}'..='\u{669}').contains(&c) || ('\u{6F0}'..='\u{6F9}').contains(&c);
            match c {
                _ if arabic_digit => {
                    let zero = if c >= '\u{6F0}' { 0x6F0 } else { 0x660 };
                    out.push(char::from_u32('0' as u32 + (c as u32 - zero)).unwrap_or(c));
                }
                _ if c == self.decimal => out.push('.'),
                // Arabic text with Latin digits marks decimals with a point.
                '.' if self == NumberStyle::AR => out.push('.'),
                // A grouping mark of either script, or a space inside the number.
                '.' | ',' | '\u{66C}' | '\u{60C}' | '\'' | '’' => return Err(FieldError::Comma),
                c if c.is_whitespace() => return Err(FieldError::Comma),
                c => out.push(c),
            }
        }
        Ok(out)
    }

    /// A value as a field shows it: plain digits in this style, no grouping.
    pub fn plain(self, value: Decimal) -> String {
        self.localize(&value.normalize().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn it_writes_each_languages_digits_and_marks() {
        let cases = [
            (NumberStyle::EN, "-1,234,567.89", "-1,234,567.89"),
            (NumberStyle::VI, "-1,234,567.89", "-1.234.567,89"),
            (NumberStyle::AR, "-1,234,567.89", "-١٬٢٣٤٬٥٦٧٫٨٩"),
            (NumberStyle::VI, "$0.0771/kWh", "$0,0771/kWh"),
        ];
        for (style, english, want) in cases {
            assert_eq!(style.localize(english), want, "{english}");
        }
        assert_eq!(NumberStyle::VI.plain(dec!(0.050)), "0,05");
        assert_eq!(NumberStyle::AR.plain(dec!(85000)), "٨٥٠٠٠");
    }

    #[test]
    fn it_reads_typed_numbers_back_as_link_text() {
        let ok = [
            (NumberStyle::VI, "0,05", "0.05"),
            (NumberStyle::VI, " 85000 ", "85000"),
            (NumberStyle::AR, "٠٫٠٥", "0.05"),
            (NumberStyle::AR, "0.05", "0.05"),
            (NumberStyle::AR, "۸۵۰۰۰", "85000"),
            (NumberStyle::EN, "0,05", "0,05"),
        ];
        for (style, typed, want) in ok {
            assert_eq!(style.delocalize(typed), Ok(want.to_string()), "{typed}");
        }
        // Thousands separators are refused, never read as a decimal mark: `85.000` is
        // eighty-five thousand to a Vietnamese reader, `85,000` to an Arabic one.
        let refused = [
            (NumberStyle::VI, "85.000"),
            (NumberStyle::VI, "0.05"),
            (NumberStyle::VI, "85 000"),
            (NumberStyle::VI, "85\u{a0}000"),
            (NumberStyle::AR, "85,000"),
            (NumberStyle::AR, "٨٥٬٠٠٠"),
            (NumberStyle::AR, "٠,٠٥"),
            (NumberStyle::AR, "٨٥ ٠٠٠"),
        ];
        for (style, typed) in refused {
            assert_eq!(style.delocalize(typed), Err(FieldError::Comma), "{typed}");
        }
        // Each language's own text reads back to the value.
        for style in [NumberStyle::EN, NumberStyle::VI, NumberStyle::AR] {
            let text = style.plain(dec!(-1234.5678));
            assert_eq!(style.delocalize(&text).map(|t| t.parse::<Decimal>().ok()), Ok(Some(dec!(-1234.5678))));
        }
    }
}
