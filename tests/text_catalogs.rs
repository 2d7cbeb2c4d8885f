//! Every message the code can show exists in every language, with the same placeholders,
//! and no catalog keeps a message the code no longer has.
//!
//! The ids are read from the source itself: each `t("…")`, `tf("…", …)` and `n!("…")`
//! literal in `src/` (the model names what it divides by with a `Quantity`, which
//! `src/text/reasons.rs` words with `t("…")` like any other message). A message written any
//! other way would read in English on an Arabic or Vietnamese page; the browser tests look
//! for English left on those pages. The catalogs are those of every language of `Lang::ALL`
//! but English, so a new language is checked as soon as it exists.
//!
//! `KWHICH_MISSING=lang/ar.txt cargo test --test text_catalogs` prints the blocks a catalog
//! lacks, in its format, with the English as a stand-in to translate.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use kwhich::model::view::Lang;
use kwhich::text::Catalog;

/// Every language with a catalog, and where it is: all but English, whose ids are its words.
fn catalogs() -> Vec<(Lang, String)> {
    Lang::ALL.into_iter().filter(|l| *l != Lang::En).map(|l| (l, format!("lang/{}.txt", l.name()))).collect()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Reads the Rust string literal that starts at `s[0] == '"'`: its value and its length.
fn literal(s: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = s.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                '0' => out.push('\0'),
                'u' => {
                    let mut hex = String::new();
                    for (_, c) in chars.by_ref() {
                        match c {
                            '{' => {}
                            '}' => break,
                            c => hex.push(c),
                        }
                    }
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                // A line continuation: the newline and the next line's indentation go.
                '\n' => {
                    let rest = &s[i + 2..];
                    let skip = rest.len() - rest.trim_start().len();
                    for _ in 0..rest[..skip].chars().count() {
                        chars.next();
                    }
                }
                _ => return None,
            },
            c => out.push(c),
        }
    }
    None
}

/// Where `call` (`t(`) starts a call in `text`, by itself or at the end of a path
/// (`crate::text::t(`): not the end of a longer name (`set(`) nor a method (`.t(`).
fn calls<'a>(text: &'a str, call: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(call).map(|(i, _)| i).filter(move |&i| {
        let before = text[..i].chars().next_back();
        // A method (`.t(`) or a longer name is not ours; a path (`text::t(`) is.
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
    })
}

/// Every message id of the source, with the first file that uses it.
fn ids_in_source() -> BTreeMap<String, String> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut ids = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(root()).unwrap().display().to_string();
        let mut add = |id: String| {
            ids.entry(id).or_insert_with(|| name.clone());
        };
        for call in ["t(", "tf(", "n!("] {
            for at in calls(&text, call) {
                let rest = text[at + call.len()..].trim_start();
                if rest.starts_with('"') {
                    let (id, _) = literal(rest).unwrap_or_else(|| panic!("{name}: unreadable literal after {call}"));
                    add(id);
                }
            }
        }
    }
    ids
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        match rest[open + 1..].find('}') {
            Some(close) => {
                let name = &rest[open + 1..open + 1 + close];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.insert(name);
                }
                rest = &rest[open + 1 + close + 1..];
            }
            None => break,
        }
    }
    out
}

#[test]
fn it_finds_messages_in_the_source() {
    let ids = ids_in_source();
    for id in ["Inputs", "{n} years", "Market & network", "Electricity price", "difficulty", "never"] {
        assert!(ids.contains_key(id), "{id} not found among {} ids", ids.len());
    }
    assert!(ids.len() > 300, "{} ids", ids.len());
}

#[test]
fn it_reads_literals_as_rust_does() {
    assert_eq!(literal(r#""a \"b\" \u{2212}1""#), Some(("a \"b\" −1".to_string(), 19)));
    assert_eq!(literal("\"one \\\n        two\""), Some(("one two".to_string(), 19)));
    let found: Vec<usize> = calls("a t(x) crate::text::t(y) set(z) s.t(w) (t(v)", "t(").collect();
    assert_eq!(found, [2, 20, 40]);
}

#[test]
fn every_language_has_every_message() {
    let ids = ids_in_source();
    let mut problems = Vec::new();
    for (lang, path) in catalogs() {
        let path = path.as_str();
        let text: &'static str = std::fs::read_to_string(root().join(path)).unwrap_or_default().leak();
        let catalog = match Catalog::parse(lang, text) {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!("{path}: {e:?}"));
                continue;
            }
        };
        let missing: Vec<&String> = ids.keys().filter(|id| catalog.get(id).is_none()).collect();
        if std::env::var("KWHICH_MISSING").is_ok_and(|p| p == path) {
            for id in &missing {
                println!("# {}\n{id}\n{id}\n", ids[*id]);
            }
        }
        for id in missing {
            problems.push(format!("{path}: no translation of {id:?} ({})", ids[id]));
        }
        for id in catalog.ids() {
            match catalog.get(id) {
                _ if !ids.contains_key(id) => problems.push(format!("{path}: {id:?} is used nowhere")),
                Some(tr) if placeholders(tr) != placeholders(id) => {
                    problems.push(format!("{path}: {id:?} and {tr:?} have different placeholders"))
                }
                Some(tr) if tr.trim().is_empty() => problems.push(format!("{path}: {id:?} is empty")),
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn every_language_has_a_catalog_and_a_boot_message() {
    // The page's first words, before the Wasm, are index.html's: a pattern that picks the
    // link's language and a table of messages, both listing the languages besides English.
    // Written out there (a few bytes fewer than deriving one from the other), so checked
    // here against `Lang::ALL`.
    let html = std::fs::read_to_string(root().join("index.html")).unwrap();
    let langs: Vec<&str> = catalogs().iter().map(|(l, _)| l.name()).collect();
    let pattern = html.split("[?&]lang=(").nth(1).and_then(|p| p.split(')').next()).unwrap_or_default();
    assert_eq!(pattern.split('|').collect::<Vec<_>>(), langs, "index.html's lang= pattern against Lang::ALL");
    let table = html.split("var say = {").nth(1).and_then(|t| t.split("}[lang]").next()).unwrap_or_default();
    let keys: Vec<&str> = table.lines().filter_map(|l| l.trim().split_once(": [")).map(|(k, _)| k).collect();
    assert_eq!(keys, langs, "index.html's boot messages against Lang::ALL");
    for (_, path) in catalogs() {
        assert!(root().join(&path).is_file(), "{path} is missing");
    }
}

/// The catalog of `lang`, read as the page reads it.
fn catalog_of(lang: Lang) -> Catalog {
    let text: &'static str =
        std::fs::read_to_string(root().join(format!("lang/{}.txt", lang.name()))).unwrap_or_default().leak();
    Catalog::parse(lang, text).unwrap()
}

#[test]
fn vietnamese_dates_and_the_halving_read_as_the_vietnamese_press_writes_them() {
    let vi = catalog_of(Lang::Vi);
    let say = |id: &str, args: &[(&str, &str)]| kwhich::text::fill(vi.get(id).unwrap_or(id), args);
    let may = vi.get("May").unwrap_or("May");
    assert_eq!(say("{month} {year}", &[("month", may), ("year", "2027")]), "tháng 5/2027");
    let nov = vi.get("Nov").unwrap_or("Nov");
    assert_eq!(say("{day} {month} {year}", &[("day", "22"), ("month", nov), ("year", "2025")]), "22/11/2025");
    let minute = [("day", "25"), ("month", nov), ("year", "2026"), ("hour", "14"), ("minute", "03")];
    assert_eq!(say("{day} {month} {year} {hour}:{minute} UTC", &minute), "14:03 UTC ngày 25/11/2026");
    assert_eq!(say("Halving, {date}", &[("date", "tháng 4/2028")]), "Đợt halving tháng 4/2028");
    // No abbreviated month ("thg 5") and no English "Halving" opening a message.
    for id in vi.ids() {
        let text = vi.get(id).unwrap_or_default();
        assert!(!text.contains("thg"), "{id:?} → {text:?}");
        assert!(!text.starts_with("Halving"), "{id:?} → {text:?}");
    }
}

#[test]
fn arabic_names_the_dollar_in_one_word() {
    // "USD" beside "دولار" on one page reads as two currencies.
    let ar = catalog_of(Lang::Ar);
    for id in ar.ids() {
        let text = ar.get(id).unwrap_or_default();
        assert!(!text.contains("USD"), "{id:?} → {text:?}");
    }
}

#[test]
fn arabic_writes_its_numbers_in_its_own_digits() {
    // One kind of digits on a page: `nu=latn` turns these into 0–9 as it does the figures
    // (Catalog::in_latin_digits), so a Latin number here would stay Latin on an Eastern
    // page. Codes keep theirs: a number right after a Latin letter or digit, `=` or `-`,
    // maybe with a space between (S21, HTTP 429, CC BY-NC 4.0, cmp=1, ercot-n-2025). Link values the reader
    // types as such, and the names of the digits themselves, are Latin on purpose.
    let link_values = ["it takes 0 or 1", "nu takes only latn (the digits 0–9)", "Western (0123)"];
    let ar = catalog_of(Lang::Ar);
    for id in ar.ids().filter(|id| !link_values.iter().any(|v| id.contains(v))) {
        let text: Vec<char> = ar.get(id).unwrap_or_default().chars().collect();
        let code = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || "=.,-".contains(*c));
        for (i, c) in text.iter().enumerate() {
            let before = |k: usize| i.checked_sub(k).and_then(|j| text.get(j));
            let in_code = code(before(1)) || (before(1) == Some(&' ') && code(before(2)));
            assert!(!c.is_ascii_digit() || in_code, "{id:?}: a Latin digit in {:?}", ar.get(id));
            assert!(!"⁰¹²³⁴⁵⁶⁷⁸⁹".contains(*c), "{id:?}: a superscript in {:?}", ar.get(id));
        }
    }
}
