//! A chart as a file to print or post: the chart's own drawing (what the page shows) framed
//! by its title, its notes (subtitle, outlook), a colour key where the page has one, and
//! the source line, each wrapped to the file's width so that nothing is clipped, in a
//! file of a given size in CSS pixels (`width` and `height` set, so it opens at that size).
//! The same markup is the SVG download and the image the PNG downloads are drawn from.
//!
//! Text cannot be measured here (no fonts outside the browser), so a line's width is
//! estimated from its characters, generously: [`EM_SHARE`] of the font size each, more than
//! system-ui's Latin, Vietnamese and Arabic letters take.

use crate::model::export::html::{escape_attr, escape_into};

/// Estimated advance of a character, in hundredths of the font size.
pub const EM_SHARE: i32 = 62;
/// Left-to-right isolate and its end (Unicode's LRI and PDI): a link inside an Arabic line
/// keeps its own order (`?v=1&lang=ar`, not `v=1&lang=ar?`).
pub const LRI: char = '\u{2066}';
pub const PDI: char = '\u{2069}';

/// The file's margin, and each kind of line: font size and line height, in CSS pixels.
const MARGIN: i32 = 32;
const TITLE: (i32, i32) = (30, 38);
const NOTE: (i32, i32) = (19, 26);
const LEGEND: (i32, i32) = (18, 28);
const SOURCE: (i32, i32) = (15, 21);
/// The side of a legend swatch, and the room between swatch, name and the next item.
const SWATCH: i32 = 16;
const SWATCH_GAP: i32 = 8;
const ITEM_GAP: i32 = 24;

/// A link (or any text) kept left to right inside a line of either direction.
pub fn isolate_ltr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 6);
    out.push(LRI);
    out.push_str(text);
    out.push(PDI);
    out
}

/// Estimated width of `text` at `font` px; the isolates take no room.
pub fn text_width(text: &str, font: i32) -> i32 {
    let chars = text.chars().filter(|c| *c != LRI && *c != PDI).count();
    i32::try_from(chars).unwrap_or(i32::MAX).saturating_mul(font).saturating_mul(EM_SHARE) / 100
}

/// `text` broken into lines no wider than `width` at `font`, at spaces. A word wider than a
/// line (a link) is broken before each `&`, or anywhere as a last resort; an isolated
/// link's pieces are each isolated again.
pub fn wrap(text: &str, width: i32, font: i32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        for piece in pieces(word, width, font) {
            let joined = if line.is_empty() { piece.clone() } else { [line.as_str(), " ", &piece].concat() };
            if line.is_empty() || text_width(&joined, font) <= width {
                line = joined;
            } else {
                lines.push(std::mem::replace(&mut line, piece));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A word as pieces that fit `width`: itself when it does.
fn pieces(word: &str, width: i32, font: i32) -> Vec<String> {
    if text_width(word, font) <= width {
        return vec![word.to_string()];
    }
    let isolated = word.starts_with(LRI);
    let bare: String = word.chars().filter(|c| *c != LRI && *c != PDI).collect();
    // Whole characters a line holds, at least one.
    let most = usize::try_from((width.saturating_mul(100) / font.max(1).saturating_mul(EM_SHARE)).max(1)).unwrap_or(1);
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for part in before_amps(&bare) {
        if current.chars().count() + part.chars().count() <= most {
            current.push_str(&part);
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        // A part longer than a line: cut it into lines' worth of characters.
        let chars: Vec<char> = part.chars().collect();
        for chunk in chars.chunks(most) {
            let chunk: String = chunk.iter().collect();
            if chunk.chars().count() == most {
                out.push(chunk);
            } else {
                current = chunk;
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if isolated {
        out.iter().map(|p| isolate_ltr(p)).collect()
    } else {
        out
    }
}

/// `?v=1&lang=ar` as `?v=1` and `&lang=ar`: each `&` starts a piece.
fn before_amps(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in text.chars() {
        match out.last_mut() {
            Some(last) if c != '&' => last.push(c),
            _ => out.push(c.to_string()),
        }
    }
    out
}

/// A numbered key ("1 Colocation pays back   2 GPU life ends") in lines no wider than
/// `width` at `font`: an item is never broken across lines unless it is wider than one.
pub fn numbered_key(items: &[(String, String)], width: i32, font: i32) -> Vec<String> {
    // Inside an item, no-break spaces; between items, two more and a space, where `wrap`
    // breaks.
    let joined: Vec<String> =
        items.iter().map(|(n, label)| [n.as_str(), " ", label].concat().replace(' ', "\u{a0}")).collect();
    let lines = wrap(&joined.join("\u{a0}\u{a0} "), width, font);
    lines.iter().map(|l| l.replace('\u{a0}', " ").trim_end().to_string()).collect()
}

/// A chart as the page holds it (its `<svg>`'s markup), taken apart for its file: the
/// words it keeps for the file (its `chart-title`, `chart-subtitle` and `chart-source`
/// texts, or its `<title>` when it has no `chart-title`), its `viewBox`, and the drawing
/// without those words, its `<title>` and its `<desc>` (read by the page only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageChart {
    pub title: Option<String>,
    pub notes: Vec<String>,
    pub source: Option<String>,
    pub view: (i32, i32, i32, i32),
    pub drawing: String,
}

/// Takes `svg` (an `<svg …>…</svg>` element's markup, as the browser writes it) apart;
/// `None` when it is not one or has no `viewBox` of four numbers.
pub fn page_chart(svg: &str) -> Option<PageChart> {
    // The browser writes a no-break space (an amount's, `٤٫٠٣ مليون دولار`) as `&nbsp;`,
    // which XML does not know: an SVG file with one would not open.
    let svg = &svg.replace("&nbsp;", "\u{a0}");
    let open_end = svg.find('>')?;
    let open = svg.get(..open_end)?;
    let inner = svg.get(open_end + 1..svg.rfind("</svg>")?)?;
    let view_box = attribute(open, "viewBox")?;
    let numbers: Vec<i32> = view_box.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    let view = match numbers.as_slice() {
        [x, y, w, h] => (*x, *y, *w, *h),
        _ => return None,
    };
    let mut chart = PageChart { title: None, notes: Vec::new(), source: None, view, drawing: String::new() };
    let mut fallback_title = None;
    let mut rest = inner;
    // Each `<text …>…</text>`, `<title>` and `<desc>` in turn: kept, or taken out.
    while let Some(start) = next_element(rest) {
        let (before, from) = rest.split_at(start);
        chart.drawing.push_str(before);
        let tag = if from.starts_with("<text") {
            "text"
        } else if from.starts_with("<title") {
            "title"
        } else {
            "desc"
        };
        let close = format!("</{tag}>");
        let Some(end) = from.find(&close).map(|e| e + close.len()) else {
            chart.drawing.push_str(from);
            rest = "";
            break;
        };
        let element = &from[..end];
        let head_end = element.find('>').unwrap_or(0);
        let content = plain_text(&element[head_end + 1..element.len() - close.len()]);
        let class = attribute(&element[..head_end], "class").unwrap_or_default();
        match (tag, class.split_whitespace().next()) {
            ("text", Some("chart-title")) => chart.title = Some(content),
            ("text", Some("chart-subtitle")) => chart.notes.push(content),
            ("text", Some("chart-source")) => chart.source = Some(content),
            ("text", _) => chart.drawing.push_str(element),
            ("title", _) => fallback_title = fallback_title.or(Some(content)),
            _ => {}
        }
        rest = &from[end..];
    }
    chart.drawing.push_str(rest);
    chart.notes.retain(|n| !n.is_empty());
    chart.title = chart.title.filter(|t| !t.is_empty()).or(fallback_title);
    Some(chart)
}

/// Where the next `<text`, `<title` or `<desc` element starts in `markup`.
fn next_element(markup: &str) -> Option<usize> {
    ["<text ", "<text>", "<title", "<desc"].iter().filter_map(|t| markup.find(t)).min()
}

/// The value of `name="…"` in a tag's markup.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = [" ", name, "=\""].concat();
    let start = tag.find(&key)? + key.len();
    let len = tag.get(start..)?.find('"')?;
    Some(tag.get(start..start + len)?.to_string())
}

/// An element's content as text: comments and tags dropped, the markup's escapes read.
fn plain_text(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = rest[lt..].find('>').map_or("", |gt| &rest[lt + gt + 1..]);
    }
    out.push_str(rest);
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The words around a chart in its file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChartWords {
    /// States the finding.
    pub title: String,
    /// The subtitle (what is measured, in what unit) and any note (the outlook).
    pub notes: Vec<String>,
    /// The colour key: each swatch's class (`mining`, `revenue`, …) and its name.
    pub legend: Vec<(String, String)>,
    /// The snapshot's date, kWhich and the scenario's link (isolated, see [`isolate_ltr`]).
    pub source: String,
}

/// The chart's own drawing: the inside of its `<svg>` and the `viewBox` (x, y, width,
/// height) the page shows of it.
pub struct Body<'a> {
    pub markup: &'a str,
    pub view: (i32, i32, i32, i32),
}

/// A file `width` px wide, and `height` px high or as high as the chart at its proportions
/// needs, shown `scale` times that size (2 for print: the same drawing, twice the pixels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    pub width: i32,
    pub height: Option<i32>,
    pub scale: i32,
}

/// Where each part of a file goes, in CSS pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub width: i32,
    pub height: i32,
    /// The title's lines, then the notes' lines: (baseline y, class, text).
    pub lines: Vec<(i32, &'static str, String)>,
    /// Each legend item: its swatch's left x (in a left-to-right reading), its top y, class
    /// and name.
    pub legend: Vec<(i32, i32, String, String)>,
    /// The chart's box: x, y, width, height.
    pub body: (i32, i32, i32, i32),
}

/// Lays out `words` around a chart whose drawing is `view_w` × `view_h` in a `frame`.
pub fn layout(words: &ChartWords, view_w: i32, view_h: i32, frame: Frame) -> Layout {
    let inner = frame.width.saturating_sub(2 * MARGIN).max(1);
    let mut lines: Vec<(i32, &'static str, String)> = Vec::new();
    let mut y = MARGIN;
    for line in wrap(&words.title, inner, TITLE.0) {
        y += TITLE.1;
        lines.push((y - (TITLE.1 - TITLE.0) / 2 - TITLE.0 / 5, "chart-title", line));
    }
    for note in &words.notes {
        for line in wrap(note, inner, NOTE.0) {
            y += NOTE.1;
            lines.push((y - (NOTE.1 - NOTE.0) / 2 - NOTE.0 / 5, "chart-subtitle", line));
        }
    }
    // Legend items flow in rows.
    let mut legend = Vec::new();
    let mut x = 0;
    if !words.legend.is_empty() {
        y += LEGEND.1 / 3;
    }
    let mut row_top = y;
    for (k, (class, name)) in words.legend.iter().enumerate() {
        let item = SWATCH + SWATCH_GAP + text_width(name, LEGEND.0).min(inner - SWATCH - SWATCH_GAP);
        if k == 0 || x + item > inner {
            row_top = y;
            y += LEGEND.1;
            x = 0;
        }
        legend.push((MARGIN + x, row_top + (LEGEND.1 - SWATCH) / 2, class.clone(), name.clone()));
        x += item + ITEM_GAP;
    }
    let header = y + 12;
    let source = wrap(&words.source, inner, SOURCE.0);
    let footer = 12 + SOURCE.1 * i32::try_from(source.len()).unwrap_or(0) + MARGIN / 2;
    let (body_h, height) = match frame.height {
        Some(h) => ((h - header - footer).max(1), h),
        None => {
            let h = (i64::from(inner) * i64::from(view_h.max(1)) / i64::from(view_w.max(1))) as i32;
            (h, header + h + footer)
        }
    };
    let mut y = header + body_h + 12;
    for line in source {
        y += SOURCE.1;
        lines.push((y - (SOURCE.1 - SOURCE.0) / 2 - SOURCE.0 / 5, "chart-source", line));
    }
    Layout { width: frame.width, height, lines, legend, body: (MARGIN, header, inner, body_h) }
}

/// The size in pixels of the file `compose` writes for a drawing `view` (width, height).
pub fn file_size(words: &ChartWords, view: (i32, i32), frame: Frame) -> (i32, i32) {
    let l = layout(words, view.0, view.1, frame);
    let scale = frame.scale.max(1);
    (l.width.saturating_mul(scale), l.height.saturating_mul(scale))
}

/// The file's own rules: white paper, and its words' sizes (after the chart's, which set
/// every `text`).
const FILE_STYLE: &str =
    ".chart-title{font-size:30px;font-weight:700;fill:#14171a}.chart-subtitle{font-size:19px;fill:#4f5862}\
.key-name{font-size:18px;fill:#14171a}.chart-source{font-size:15px;fill:#4f5862}\
rect.swatch.revenue{fill:#b35c00}rect.swatch.margin{fill:#0b57d0}";

/// The file: `body` framed by `words` in `frame`, with `style` (the chart's rules outside
/// the page) applying inside the body. `rtl`: the words read right to left, each line
/// starting at the right margin.
pub fn compose(words: &ChartWords, body: &Body, frame: Frame, style: &str, rtl: bool) -> String {
    let (vx, vy, vw, vh) = body.view;
    let l = layout(words, vw, vh, frame);
    let mut out = String::with_capacity(body.markup.len() + 4096);
    let n = |v: i32| v.to_string();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    let scale = frame.scale.max(1);
    out.push_str(
        &[n(l.width * scale), "\" height=\"".into(), n(l.height * scale), "\" viewBox=\"0 0 ".into()].concat(),
    );
    out.push_str(&[n(l.width), " ".into(), n(l.height), "\">".into()].concat());
    out.push_str("<style>svg{font-family:system-ui,sans-serif}");
    out.push_str(style);
    out.push_str(FILE_STYLE);
    out.push_str("</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    // A line starts at the left margin, or the right one in Arabic (`start` is then the
    // text's right end).
    let (start_x, dir) = if rtl { (l.width - MARGIN, "rtl") } else { (MARGIN, "ltr") };
    for (y, class, text) in &l.lines {
        out.push_str(&format!(
            "<text class=\"{class}\" x=\"{start_x}\" y=\"{y}\" direction=\"{dir}\" text-anchor=\"start\">"
        ));
        escape_into(&mut out, text);
        out.push_str("</text>");
    }
    for (x, y, class, name) in &l.legend {
        // Mirrored in Arabic: the swatch at the right, its name to its left.
        let (sx, tx) =
            if rtl { (l.width - x - SWATCH, l.width - x - SWATCH - SWATCH_GAP) } else { (*x, x + SWATCH + SWATCH_GAP) };
        let ty = y + SWATCH - 2;
        out.push_str(&format!(
            "<rect class=\"swatch {}\" x=\"{sx}\" y=\"{y}\" width=\"{SWATCH}\" height=\"{SWATCH}\" rx=\"3\"/>\
<text class=\"key-name\" x=\"{tx}\" y=\"{ty}\" direction=\"{dir}\" text-anchor=\"start\">",
            escape_attr(class)
        ));
        escape_into(&mut out, name);
        out.push_str("</text>");
    }
    let (bx, by, bw, bh) = l.body;
    out.push_str(&format!(
        "<svg class=\"body\" x=\"{bx}\" y=\"{by}\" width=\"{bw}\" height=\"{bh}\" viewBox=\"{vx} {vy} {vw} {vh}\" \
preserveAspectRatio=\"xMidYMid meet\" direction=\"ltr\">"
    ));
    out.push_str(body.markup);
    out.push_str("</svg></svg>");
    out
}

#[cfg(test)]
mod tests;
