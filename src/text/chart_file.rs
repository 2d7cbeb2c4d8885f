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
mod tests {
    use super::*;

    #[test]
    fn it_estimates_widths_and_wraps_at_spaces() {
        // 10 characters at 20 px: 10 · 20 · 0.62 = 124.
        assert_eq!(text_width("abcdefghij", 20), 124);
        assert_eq!(text_width(&isolate_ltr("abcdefghij"), 20), 124);
        // 12.4 px a character at 20 px: 100 px holds 8 characters.
        assert_eq!(wrap("one two three four", 100, 20), ["one two", "three", "four"]);
        assert_eq!(wrap("  ", 100, 20), Vec::<String>::new());
        // A long link breaks before its `&`s, each piece isolated again.
        let source = ["scenario ", &isolate_ltr("?v=1&lang=ar&kwh=0.03")].concat();
        let want: Vec<String> = ["scenario".to_string()]
            .into_iter()
            .chain(["?v=1&lang=ar", "&kwh=0.03"].iter().map(|p| isolate_ltr(p)))
            .collect();
        // 155 px: 12 characters at 20 px.
        assert_eq!(wrap(&source, 155, 20), want);
        // A word with nothing to break at is cut at the line's length.
        assert_eq!(wrap("abcdefghijklmnopq", 100, 20), ["abcdefgh", "ijklmnop", "q"]);
    }

    #[test]
    fn it_takes_a_page_chart_apart() {
        let svg = "<svg class=\"line-chart\" viewBox=\"0 330 3600 1680\" role=\"img\"><title id=\"t\">Page title</title>\
<desc id=\"d\">Desc</desc><text class=\"chart-title\" x=\"0\">Mining &amp; <!---->AI</text>\
<text class=\"chart-subtitle\" x=\"0\">USD</text><text class=\"chart-subtitle outlook\">Outlook</text>\
<line class=\"zero\"></line><text class=\"tick\" x=\"5\">$1</text><text class=\"chart-source\">Source: \u{2066}?v=1&amp;lang=ar\u{2069}</text></svg>";
        let chart = page_chart(svg).expect("a chart");
        assert_eq!(chart.title.as_deref(), Some("Mining & AI"));
        assert_eq!(chart.notes, ["USD", "Outlook"]);
        assert_eq!(chart.source.as_deref(), Some("Source: \u{2066}?v=1&lang=ar\u{2069}"));
        assert_eq!(chart.view, (0, 330, 3600, 1680));
        assert_eq!(chart.drawing, "<line class=\"zero\"></line><text class=\"tick\" x=\"5\">$1</text>");
        // No chart-title: the `<title>` names it.
        let bars = page_chart(
            "<svg viewBox=\"0 0 3600 1280\"><title id=\"c\">Revenue &lt;per kWh&gt;</title><rect></rect></svg>",
        );
        assert_eq!(bars.as_ref().and_then(|b| b.title.as_deref()), Some("Revenue <per kWh>"));
        assert_eq!(bars.map(|b| b.drawing).as_deref(), Some("<rect></rect>"));
        assert_eq!(page_chart("<svg viewBox=\"0 0 1\"></svg>"), None);
        assert_eq!(page_chart("<div></div>"), None);
    }

    #[test]
    fn it_keys_numbered_labels_without_breaking_an_item() {
        let items =
            [("1".to_string(), "Colocation pays back".to_string()), ("2".to_string(), "GPU life ends".to_string())];
        // 40 characters at 10 px (6.2 each: 248) hold both, three spaces apart (22 + 3 +
        // 15 = 40).
        assert_eq!(numbered_key(&items, 248, 10), ["1 Colocation pays back   2 GPU life ends"]);
        // 25 characters hold one item a line.
        assert_eq!(numbered_key(&items, 155, 10), ["1 Colocation pays back", "2 GPU life ends"]);
        assert_eq!(numbered_key(&[], 155, 10), Vec::<String>::new());
    }

    #[test]
    fn it_frames_a_chart_with_wrapped_words_inside_the_file() {
        let words = ChartWords {
            title: "Only AI colocation (Jan 2034) pays back within its life".into(),
            notes: vec!["USD per MW of facility power".into()],
            legend: vec![
                ("mining".into(), "Top bar: mining".into()),
                ("colo".into(), "Bottom bar: AI colocation".into()),
            ],
            source: ["Source: kWhich, network snapshot 2025-11-22; scenario ", &isolate_ltr("?v=1")].concat(),
        };
        // 600 wide: 536 inside the margins, 28 characters of the title at 30 px (18.6 each).
        let l = layout(&words, 3600, 1680, Frame { width: 600, height: None, scale: 1 });
        let titles: Vec<&str> =
            l.lines.iter().filter(|(_, c, _)| *c == "chart-title").map(|(_, _, t)| t.as_str()).collect();
        assert_eq!(titles, ["Only AI colocation (Jan", "2034) pays back within its", "life"]);
        // Lines of 38 from the margin (32), baselines 4 + 6 above each line's end; the
        // note's line is 26. Then the legend, a third of its line below: both items on one
        // row (16 + 8 + 167 + 24 + 16 + 8 + 279 = 518 ≤ 536), swatches 6 into the row.
        let ys: Vec<i32> = l.lines.iter().map(|(y, _, _)| *y).collect();
        assert_eq!(ys[..4], [60, 98, 136, 166]);
        assert_eq!(l.legend.iter().map(|(x, y, _, _)| (*x, *y)).collect::<Vec<_>>(), [(32, 187), (247, 187)]);
        // The body 12 below the legend's row (181 + 28), 536 × 1680/3600 = 250 high; the
        // source (59 characters at 9.3 px: two lines) below it.
        assert_eq!(l.body, (32, 221, 536, 250));
        assert_eq!(l.height, 221 + 250 + 12 + 2 * 21 + 16);
        // Every line fits the width inside the margins.
        for (_, class, text) in &l.lines {
            let font = match *class {
                "chart-title" => 30,
                "chart-subtitle" => 19,
                _ => 15,
            };
            assert!(text_width(text, font) <= 536, "{text}");
        }
        // A fixed frame gives the body what the words leave.
        let square = layout(&words, 3600, 1680, Frame { width: 1080, height: Some(1080), scale: 1 });
        assert_eq!(square.height, 1080);
        assert_eq!(square.body.1 + square.body.3 + 12 + 21 + 16, 1080);
    }

    #[test]
    fn it_writes_a_file_of_its_size_reading_in_the_readers_direction() {
        let words = ChartWords { title: "T & t".into(), source: "S".into(), ..ChartWords::default() };
        let body = Body { markup: "<line class=\"zero\"/>", view: (0, 330, 3600, 1680) };
        let ltr = compose(&words, &body, Frame { width: 1200, height: Some(675), scale: 1 }, ".zero{}", false);
        assert!(ltr.contains("width=\"1200\" height=\"675\" viewBox=\"0 0 1200 675\""), "{ltr}");
        assert!(
            ltr.contains(
                "<text class=\"chart-title\" x=\"32\" y=\"60\" direction=\"ltr\" text-anchor=\"start\">T &amp; t</text>"
            ),
            "{ltr}"
        );
        assert!(ltr.contains("viewBox=\"0 330 3600 1680\" preserveAspectRatio=\"xMidYMid meet\" direction=\"ltr\"><line class=\"zero\"/></svg></svg>"));
        let rtl = compose(&words, &body, Frame { width: 1200, height: Some(675), scale: 2 }, "", true);
        assert!(rtl.contains("x=\"1168\" y=\"60\" direction=\"rtl\""), "{rtl}");
        // Twice the pixels, the same drawing.
        assert!(rtl.contains("width=\"2400\" height=\"1350\" viewBox=\"0 0 1200 675\""), "{rtl}");
        assert_eq!(file_size(&words, (3600, 1680), Frame { width: 1200, height: Some(675), scale: 2 }), (2400, 1350));
        let natural = file_size(&words, (3600, 1680), Frame { width: 1200, height: None, scale: 1 });
        assert!(ltr.len() > 100 && natural.0 == 1200 && natural.1 > 500, "{natural:?}");
    }
}
