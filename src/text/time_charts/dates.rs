//! The time axis's labels as a chart at its narrowest shows them: none overlapping the
//! next, and the first clear of the lowest value's label, which ends left of the plot on
//! the same height.

use super::end_labels::bold_width;
use super::LABEL_FONT;
use crate::model::chart::line::Anchor;

/// Room kept between two dates.
const GAP: i32 = 40;

/// The dates of `labels` (x, text) to show, each with its anchor: centred on its tick, or
/// starting there when centred it would reach left of the plot's edge `left`. When dates
/// would overlap (at the labels' largest size), every second one shows, or third, …: the
/// fewest left out that keep the rest apart, evenly.
pub fn shown_dates(labels: &[(i32, String)], left: i32) -> Vec<(i32, String, Anchor)> {
    let placed: Vec<(i32, String, Anchor, i32, i32)> = labels
        .iter()
        .map(|(x, text)| {
            // Measured as bold: wider than the ticks' regular text, so generous.
            let width = bold_width(text, LABEL_FONT);
            let centred_left = x.saturating_sub(width / 2);
            let (anchor, from) = if centred_left < left { (Anchor::Start, *x) } else { (Anchor::Middle, centred_left) };
            (*x, text.clone(), anchor, from, from.saturating_add(width))
        })
        .collect();
    let apart = |kept: &[&(i32, String, Anchor, i32, i32)]| {
        kept.windows(2).all(|w| match w {
            [a, b] => b.3 >= a.4.saturating_add(GAP),
            _ => true,
        })
    };
    (1..=placed.len().max(1))
        .map(|step| placed.iter().step_by(step).collect::<Vec<_>>())
        .find(|kept| apart(kept))
        .unwrap_or_default()
        .into_iter()
        .map(|(x, text, anchor, _, _)| (*x, text.clone(), *anchor))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_keeps_dates_apart_and_the_first_clear_of_the_values() {
        // "2016" is 360 wide at 125 (bold estimate): yearly ticks 214 apart overlap, and so
        // do every other one's (the first, at the plot's left edge, starts there and ends
        // at 920, 68 short of 2018's start): every third shows.
        let labels: Vec<(i32, String)> = (0..6).map(|k| (560 + 214 * k, (2016 + k).to_string())).collect();
        let shown = shown_dates(&labels, 560);
        let got: Vec<(i32, &str, Anchor)> = shown.iter().map(|(x, t, a)| (*x, t.as_str(), *a)).collect();
        assert_eq!(got, [(560, "2016", Anchor::Start), (1202, "2019", Anchor::Middle)]);
        // Ticks far enough apart all show; one 100 right of the edge starts at its tick.
        let labels = [(660, "2026".to_string()), (1500, "2028".to_string()), (2400, "2030".to_string())];
        let anchors: Vec<Anchor> = shown_dates(&labels, 560).into_iter().map(|(_, _, a)| a).collect();
        assert_eq!(anchors, [Anchor::Start, Anchor::Middle, Anchor::Middle]);
    }
}
