//! The documents name files by their paths (`src/model/analysis/drivers.rs`): every such
//! path in README.md, docs/ and the browser tests' README must exist, so that a file moved
//! leaves no reader following an old address.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Paths in `text` that start at one of the repository's top folders, up to the first
/// character that cannot be in one (a backtick, a space, a bracket, …), without a
/// sentence's last full stop or comma.
fn paths_in(text: &str) -> Vec<String> {
    let tops = ["src/", "tests/", "scripts/", "docs/", "lang/", "style/", "benches/"];
    let mut out = Vec::new();
    for (i, _) in text.char_indices() {
        let rest = &text[i..];
        let starts_word =
            text[..i].chars().last().is_none_or(|c| !(c.is_alphanumeric() || c == '/' || c == '_' || c == '.'));
        if !starts_word || !tops.iter().any(|t| rest.starts_with(t)) {
            continue;
        }
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || "/_.-".contains(c))).unwrap_or(rest.len());
        let path = rest[..end].trim_end_matches(['.', ',']);
        // A pattern (`tests/browser/*.test.mjs`) or a placeholder is no file.
        if !path.ends_with('/') && !rest[end..].starts_with('*') && !rest[end..].starts_with('{') {
            out.push(path.to_string());
        }
    }
    out
}

#[test]
fn every_path_the_documents_name_exists() {
    let mut documents = vec![root().join("README.md"), root().join("tests/browser/README.md")];
    for entry in std::fs::read_dir(root().join("docs")).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "md") {
            documents.push(entry.path());
        }
    }
    let mut missing = Vec::new();
    let mut seen = 0;
    for doc in &documents {
        let text = std::fs::read_to_string(doc).unwrap();
        for path in paths_in(&text) {
            seen += 1;
            if !Path::new(&root().join(&path)).exists() {
                missing.push(format!("{}: {path}", doc.strip_prefix(root()).unwrap_or(doc).display()));
            }
        }
    }
    assert!(seen > 20, "the documents name {seen} paths");
    assert!(missing.is_empty(), "paths that do not exist:\n{}", missing.join("\n"));
}

#[test]
fn it_finds_paths_in_prose() {
    let text = "Each input moves (`range` in `src/model/drivers.rs`, one row); see src/text/. And \
tests/browser/*.test.mjs, or lang/{lang}.txt, until scripts/test.";
    assert_eq!(paths_in(text), ["src/model/drivers.rs", "scripts/test"]);
}
