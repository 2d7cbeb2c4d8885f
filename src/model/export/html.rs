//! Text inside HTML or SVG markup: the one escaper for element content and attribute
//! values (always written in double quotes), for every writer of markup (the embed
//! snippet, the saved list, the comparison card, the map's SVG).

/// Appends `text` to `out` with `&`, `<`, `>` and `"` escaped: safe as element content and
/// inside a double-quoted attribute value, in HTML and in XML.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// `text` escaped as [`escape_into`] escapes it.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_escapes_markup_and_quotes_only() {
        let cases = [
            ("kWhich: “a” & <b>\"c\"</b>", "kWhich: “a” &amp; &lt;b&gt;&quot;c&quot;&lt;/b&gt;"),
            ("?v=1&kwh=0.03", "?v=1&amp;kwh=0.03"),
            ("&amp;", "&amp;amp;"),
            ("it's مقارنة · Đào", "it's مقارنة · Đào"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(escape_attr(text), want, "{text:?}");
        }
        let mut out = String::from("<p>");
        escape_into(&mut out, "a<b");
        assert_eq!(out, "<p>a&lt;b");
    }
}
