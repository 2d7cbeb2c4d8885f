//! The fixture corpus: a published link keeps its meaning.
//!
//! `tests/fixtures/corpus/links.txt` holds 649 links (hand-picked edges, then links drawn by
//! `scripts/corpus-links.py`: every key, presets, refused values, display keys, comparisons).
//! `outputs.jsonl.gz` holds what `kwhich eval` printed for each when the corpus was made
//! (one compact JSON object a line, numbers exactly as printed), and `sha256.txt` a digest of
//! each exact output as printed today.
//!
//! Two checks:
//! - **meaning**: every value stored for a link (scenario, metric, warning, month of the
//!   projection) is printed again, to the last digit, under the same key. An extension of the
//!   contract may add keys (a new metric, a new section); it may change no stored value.
//! - **bytes**: each output is byte for byte what `sha256.txt` says. A reshaping of the
//!   code must keep it; an extension that adds keys rewrites the digests, and only after the
//!   meaning check has passed:
//!
//! ```sh
//! KWHICH_CORPUS_WRITE=digests cargo test --release --test corpus   # after adding keys
//! ```
//!
//! (`KWHICH_CORPUS_WRITE=all` writes the stored outputs anew too: for a new corpus only, since
//! it would forget what the old links meant.)

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::Command;

use kwhich::model::export::json::compact;
use serde_json::Value;
use sha2::{Digest, Sha256};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

fn links() -> Vec<String> {
    let text = std::fs::read_to_string(dir().join("links.txt")).expect("links.txt");
    text.lines().map(str::to_string).collect()
}

/// `kwhich eval` of every link, in one process per link as a user runs it.
fn outputs(links: &[String]) -> Vec<String> {
    links
        .iter()
        .map(|link| {
            let out = Command::new(env!("CARGO_BIN_EXE_kwhich")).args(["eval", link]).output().expect("kwhich runs");
            assert_eq!(out.status.code(), Some(0), "{link:?}");
            String::from_utf8(out.stdout).expect("UTF-8")
        })
        .collect()
}

/// Parses JSON with every number kept as its text (a string), so that two outputs are
/// compared digit for digit rather than as `f64`s.
fn parse_exact(json: &str) -> Value {
    let (mut quoted, mut in_string, mut escaped, mut in_number) = (String::new(), false, false, false);
    for c in compact(json).chars() {
        if in_string {
            quoted.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        let numeric = c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E');
        if in_number && !numeric {
            quoted.push('"');
            in_number = false;
        }
        if !in_number && (c.is_ascii_digit() || c == '-') {
            quoted.push_str("\"#");
            in_number = true;
        }
        if c == '"' {
            in_string = true;
        }
        quoted.push(c);
    }
    if in_number {
        quoted.push('"');
    }
    serde_json::from_str(&quoted).expect("the output is JSON")
}

/// Where `now` fails to keep every value of `then`: the first path that differs.
fn kept(then: &Value, now: &Value, path: &str) -> Result<(), String> {
    match (then, now) {
        (Value::Object(a), Value::Object(b)) => {
            let lost: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
            if !lost.is_empty() {
                return Err(format!("{path}: no longer prints {lost:?}"));
            }
            a.iter().try_for_each(|(k, v)| kept(v, &b[k], &format!("{path}.{k}")))
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Err(format!("{path}: {} entries, stored {}", b.len(), a.len()));
            }
            a.iter().zip(b).enumerate().try_for_each(|(i, (x, y))| kept(x, y, &format!("{path}[{i}]")))
        }
        _ if then == now => Ok(()),
        _ => Err(format!("{path}: stored {then}, now {now}")),
    }
}

fn digest(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn stored() -> Vec<String> {
    let file = std::fs::File::open(dir().join("outputs.jsonl.gz")).expect("outputs.jsonl.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut text).expect("gzip");
    text.lines().map(str::to_string).collect()
}

fn write_stored(outputs: &[String]) {
    let file = std::fs::File::create(dir().join("outputs.jsonl.gz")).expect("create");
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::best());
    for out in outputs {
        writeln!(gz, "{}", compact(out)).expect("write");
    }
    gz.finish().expect("gzip");
}

fn write_digests(outputs: &[String]) {
    let lines: Vec<String> = outputs.iter().map(|o| digest(o)).collect();
    std::fs::write(dir().join("sha256.txt"), lines.join("\n") + "\n").expect("write");
}

#[test]
fn it_keeps_the_meaning_of_every_earlier_link() {
    let links = links();
    assert!(links.len() >= 500, "the corpus holds at least 500 links");
    let now = outputs(&links);
    let write = std::env::var("KWHICH_CORPUS_WRITE").unwrap_or_default();
    if write == "all" {
        write_stored(&now);
        write_digests(&now);
    }
    let then = stored();
    assert_eq!(then.len(), links.len(), "one stored output a link");
    let mut failures = Vec::new();
    for ((link, then), now) in links.iter().zip(&then).zip(&now) {
        if let Err(why) = kept(&parse_exact(then), &parse_exact(now), "") {
            failures.push(format!("{link:?}: {why}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} links changed meaning:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
    if write == "digests" {
        write_digests(&now);
    }
    // Byte for byte: what a reshaping of the code keeps.
    let digests: Vec<String> = BufReader::new(std::fs::File::open(dir().join("sha256.txt")).expect("sha256.txt"))
        .lines()
        .map(|l| l.expect("line"))
        .collect();
    assert_eq!(digests.len(), links.len(), "one digest a link");
    let changed: Vec<&String> =
        links.iter().zip(&now).zip(&digests).filter(|((_, out), d)| &digest(out) != *d).map(|((l, _), _)| l).collect();
    assert!(
        changed.is_empty(),
        "{} outputs are not byte for byte the same (same meaning: a key was added? then KWHICH_CORPUS_WRITE=digests), first: {:?}",
        changed.len(),
        &changed[..changed.len().min(5)]
    );
}

#[test]
fn the_meaning_check_sees_a_changed_digit_a_lost_key_and_a_lost_month() {
    let then = parse_exact(r#"{"a": 1.50, "b": [1, -2e3], "c": "x"}"#);
    assert_eq!(kept(&then, &parse_exact(r#"{"a": 1.50, "b": [1, -2e3], "c": "x", "d": 4}"#), ""), Ok(()));
    assert!(kept(&then, &parse_exact(r#"{"a": 1.5, "b": [1, -2e3], "c": "x"}"#), "").is_err(), "1.50 vs 1.5");
    assert!(kept(&then, &parse_exact(r#"{"a": 1.50, "b": [1, -2e3]}"#), "").is_err(), "c lost");
    assert!(kept(&then, &parse_exact(r#"{"a": 1.50, "b": [1, -2e3, 5], "c": "x"}"#), "").is_err(), "length");
    assert_eq!(compact("{ \"a b\" : [1, 2] }"), "{\"a b\":[1,2]}");
}
