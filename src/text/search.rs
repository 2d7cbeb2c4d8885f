//! Matching what a reader types in "Find an input" against the labels: case aside, and
//! Vietnamese accents aside (many type `gia dien` for `giá điện`).

/// Vietnamese accented letters, lower then upper case, and the plain letters they fold to,
/// pair by pair. A table of the page's own languages rather than Rust's Unicode case
/// tables, which cost several KB of Wasm (English and Vietnamese need only these; Arabic
/// has no case).
const FROM: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ\
ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";
const TO: &str = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd\
aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";

/// `text` with ASCII letters lower-cased and each Vietnamese accented letter as its plain
/// lower-case letter.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            c if c.is_ascii() => c,
            c => FROM.chars().position(|f| f == c).and_then(|i| TO.chars().nth(i)).unwrap_or(c),
        })
        .collect()
}

/// True when `label` holds `query` (already folded), or nothing is searched.
pub fn matches(query: &str, label: &str) -> bool {
    query.is_empty() || fold(label).contains(query)
}

/// True when an input is found by `query` (folded): by its label, or by what it means
/// ([`super::fields::search_words`]: "curtail" finds the uptime, "MW" the site power).
pub fn finds_key(query: &str, key: crate::model::Key) -> bool {
    let words = super::fields::search_words(key);
    matches(query, super::fields::label(key)) || (!words.is_empty() && fold(words).contains(query))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Key;

    #[test]
    fn it_finds_an_input_by_what_it_means() {
        for (query, key) in [
            ("curtail", Key::Up),
            ("halving", Key::Blk),
            ("power", Key::Kwh),
            ("mw", Key::Mw),
            ("electricity", Key::Kwh),
        ] {
            assert!(finds_key(&fold(query), key), "{query} finds {key}");
        }
        assert!(!finds_key("curtail", Key::Kwh));
        assert!(!finds_key("halving", Key::Kwh));
        assert!(finds_key("", Key::Kwh), "nothing searched shows everything");
    }

    #[test]
    fn it_folds_case_and_vietnamese_accents() {
        assert_eq!(FROM.chars().count(), TO.chars().count());
        assert_eq!(fold("Giá ĐIỆN"), "gia dien");
        assert!(matches(&fold("dien"), "Giá điện"));
        assert!(matches(&fold("Điện"), "Giá điện"));
        assert!(matches(&fold("كهرباء"), "سعر الكهرباء"));
        assert!(matches(&fold("ELECTRICITY"), "Electricity price"));
        assert!(!matches(&fold("lease"), "Electricity price"));
        assert!(matches("", "anything"));
    }
}
