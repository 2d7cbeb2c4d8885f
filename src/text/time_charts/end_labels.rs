//! The lines' own labels at their right ends, wrapped to the room the chart has right of
//! each line's end, so that none runs past the chart's edge in any language (a long name
//! such as "Đám mây GPU" or "Hòa vốn 0,072 US$" takes two lines), and their boxes for the
//! geometry to keep the labels apart.

use super::{Series, LABEL_FONT, LINE_H};
use crate::model::chart::line::{end_label_boxes, EndLabel, LineChart};
use crate::model::chart::scale::Rect;

/// The chart's width in units (see [`super::PLOT`]).
const CHART_WIDTH: i32 = 3600;
/// The room kept between a label's end and the chart's edge.
const EDGE: i32 = 30;
/// A label starts this far right of its line's last point.
pub const END_GAP: i32 = 40;

/// Estimated advance of a character of a bold label, in hundredths of the font size,
/// generous for the sans-serif fonts a page falls back to (DejaVu Sans Bold, the widest
/// of them): narrow letters, wide ones, capitals, digits and Arabic told apart, as one
/// average for all would be either far too wide for "Colocation" or too narrow for
/// "Đám mây GPU".
fn advance(c: char) -> i32 {
    match c {
        ' ' | '\u{a0}' => 36,
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '(' | ')' | '-' => 40,
        'f' | 't' | 'r' => 52,
        'c' | 's' | 'z' => 60,
        'a' | 'e' | 'k' | 'v' | 'x' | 'y' => 68,
        'm' | 'w' | 'M' | 'W' | '%' => 108,
        '0'..='9' | '$' | '+' | '−' => 72,
        c if c.is_uppercase() => 86,
        // Arabic letters, joined, take less room than Latin ones.
        '\u{0600}'..='\u{06ff}' => 55,
        // Combining marks (a decomposed Vietnamese accent) take none.
        '\u{0300}'..='\u{036f}' => 0,
        _ => 72,
    }
}

/// Estimated width of `text` in a bold label at `font`.
pub fn bold_width(text: &str, font: i32) -> i32 {
    let hundredths: i32 = text.chars().map(advance).fold(0, i32::saturating_add);
    hundredths.saturating_mul(font) / 100
}

/// `label` in lines that fit from `x` to the chart's edge at the labels' largest size
/// ([`LABEL_FONT`]): broken at spaces, then after a hyphen ("Break-" "even"), and a word
/// longer than the room, a last resort, between characters. Empty for an empty label.
pub fn end_label_lines(label: &str, x: i32) -> Vec<String> {
    let room = CHART_WIDTH.saturating_sub(EDGE).saturating_sub(x).max(1);
    let fits = |text: &str| bold_width(text, LABEL_FONT) <= room;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Each word whole when it fits a line, else in its hyphenated parts.
    let parts = label.split(' ').filter(|w| !w.is_empty()).flat_map(|word| {
        let whole = fits(word);
        let pieces: Vec<&str> = if whole { vec![word] } else { word.split_inclusive('-').collect() };
        pieces.into_iter().enumerate().map(|(k, p)| (k == 0, p)).collect::<Vec<_>>()
    });
    for (spaced, word) in parts {
        let glue = if spaced { " " } else { "" };
        let joined = if line.is_empty() { word.to_string() } else { [line.as_str(), glue, word].concat() };
        if fits(&joined) {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone, cut where it must be.
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if line.is_empty() || fits(&longer) {
                line = longer;
            } else {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Each series' label's height: its lines, wrapped to the room right of its line's end.
fn heights(geometry: &LineChart, series: &[Series]) -> Vec<i32> {
    geometry
        .end_x(END_GAP)
        .iter()
        .zip(series)
        .map(|(x, s)| {
            let lines = x.map_or(0, |x| end_label_lines(&s.label, x).len());
            LINE_H.saturating_mul(i32::try_from(lines).unwrap_or(0))
        })
        .collect()
}

/// Each series' label beside its line's end, its text wrapped to the room there and the
/// labels kept apart by their heights.
pub fn end_labels(geometry: &LineChart, series: &[Series]) -> Vec<Option<EndLabel>> {
    geometry.end_labels(&heights(geometry, series), END_GAP)
}

/// As [`end_labels`], kept apart only from the labels of lines that end at the same month
/// (a comparison of three or four sides, each ending at its own horizon).
pub fn end_labels_by_end(geometry: &LineChart, series: &[Series]) -> Vec<Option<EndLabel>> {
    geometry.end_labels_by_end(&heights(geometry, series), END_GAP)
}

/// The end labels' boxes: each as wide as its widest line, as high as its lines.
pub fn end_boxes(end_labels: &[Option<EndLabel>], series: &[Series]) -> Vec<Rect> {
    let sizes: Vec<(i32, i32)> = end_labels
        .iter()
        .zip(series)
        .map(|(l, s)| {
            let lines = l.map(|l| end_label_lines(&s.label, l.x)).unwrap_or_default();
            let width = lines.iter().map(|t| bold_width(t, LABEL_FONT)).max().unwrap_or(0);
            (width, LINE_H.saturating_mul(i32::try_from(lines.len()).unwrap_or(0)))
        })
        .collect();
    end_label_boxes(end_labels, &sizes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_wraps_end_labels_to_the_room_right_of_the_plot() {
        // A line to the horizon ends at 2,700: its label starts at 2,740 with 830 units of
        // room, 6.64 em at 125.
        let x = 2700 + END_GAP;
        assert_eq!(end_label_lines("Colocation", x), ["Colocation"]);
        assert_eq!(end_label_lines("Đám mây GPU", x), ["Đám mây", "GPU"]);
        assert_eq!(end_label_lines("Hôm nay 35 US$", x), ["Hôm nay", "35 US$"]);
        assert_eq!(end_label_lines("Hòa vốn 0,072 US$", x), ["Hòa vốn", "0,072 US$"]);
        assert_eq!(end_label_lines("التكلفة النقدية", x), ["التكلفة", "النقدية"]);
        assert_eq!(end_label_lines("", x), Vec::<String>::new());
        assert_eq!(end_label_lines("Break-even $0.072", x), ["Break-even", "$0.072"]);
        // A hyphenated word too long for a line breaks after its hyphen, not inside a part.
        assert_eq!(end_label_lines("Hashprice-weighted", x), ["Hashprice-", "weighted"]);
        // Every line fits; a word longer than the room is cut.
        for label in ["Đám mây GPU", "Hashprice today $35.12", "Supercalifragilistic"] {
            for line in end_label_lines(label, x) {
                assert!(bold_width(&line, LABEL_FONT) <= 3600 - EDGE - x, "{line}");
            }
        }
        assert_eq!(end_label_lines("Supercalifragilistic", x).concat(), "Supercalifragilistic");
        // With no room (a line ending at the chart's edge), a character a line, never none.
        assert_eq!(end_label_lines("ab", 3600), ["a", "b"]);
    }

    #[test]
    fn it_estimates_bold_widths_by_letter() {
        // DejaVu Sans Bold at 125: "Đám mây GPU" is 996 units wide, "Colocation" 750.
        assert!(bold_width("Đám mây GPU", 125) >= 996);
        assert!(bold_width("Colocation", 125) >= 750 && bold_width("Colocation", 125) <= 820);
        // A decomposed accent adds nothing to its letter.
        assert_eq!(bold_width("a\u{301}", 100), bold_width("a", 100));
    }
}
