//! A query's text: the query part of what was pasted, percent-decoding and -encoding, and
//! the keys trackers add.

/// Keys read and ignored without a word: they come from trackers, not from people.
pub(super) fn is_tracking(key: &str) -> bool {
    key.starts_with("utm_") || key == "fbclid" || key == "gclid"
}

/// The query part of a full URL, a `?query` or a bare query, without its `#fragment`.
pub(super) fn query_of(input: &str) -> &str {
    let input = input.trim();
    let input = input.split_once('#').map_or(input, |(before, _)| before);
    match input.split_once('?') {
        Some((_, query)) => query,
        // An address with no `?` has no scenario in it; anything else is a bare query,
        // whatever its values hold (`note=a/b` is a key to name, not a path).
        None if is_address(input) => "",
        None => input,
    }
}

/// Text that starts as an address does (`https://host/…`, `/path`, `./path`, or a host and
/// path with no `=` or `&` before the first `/`), rather than as `key=value`.
fn is_address(text: &str) -> bool {
    let head = text.split(['&', '=']).next().unwrap_or(text);
    text.starts_with('/') || text.starts_with("./") || text.starts_with("../") || head.contains('/')
}

/// Decodes `%XX` and `+` as a browser's form decoder does; bad escapes stay as written.
pub(super) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Escapes a value for a link. Link values are numbers, ids and comma lists (a `mix` of
/// `ID:SHARE` entries), so only the odd character a person typed by hand needs it.
pub(in crate::model::link) fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b',' | b'~' | b':') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}
