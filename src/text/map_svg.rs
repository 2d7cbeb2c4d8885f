//! The decision map as one SVG string: 1,600 cells are far cheaper to hand the browser as
//! markup set once than as 1,600 reactive elements, and the string is tested natively.
//! Geometry comes from [`Heatmap`]; the words come from the caller, so that every sentence
//! stays in the page's own texts.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::chart_file::wrap;
use super::format::usd;
use super::LINE_INSET;
use crate::model::analysis::decision_map::DecisionMap;
use crate::model::chart::heatmap::Heatmap;
use crate::model::chart::scale::Rect;
use crate::model::export::html::escape_into;
use crate::model::link::share_link::plain;
use crate::model::Path;

/// Width of the map in its own units; cells are [`CELL`] units square.
pub const WIDTH: i32 = 2600;
/// Height of what the page shows: the plot, the axes and the legend (its last note in up
/// to two lines).
pub const HEIGHT: i32 = 3160;
/// One cell's side in chart units (40 cells: 2,000).
pub const CELL: i32 = 50;
/// Where the cells sit: room on the left for the bitcoin prices, below for power prices.
pub const PLOT: Rect = Rect { x: 470, y: 140, width: 2000, height: 2000 };
/// The page's view (the downloaded file frames it with its words, `text::chart_file`).
pub const PAGE_VIEW: &str = "0 0 2600 3160";

/// The words drawn on the map.
pub struct MapWords {
    /// Below the power axis.
    pub x_title: &'static str,
    /// Above the bitcoin axis.
    pub y_title: &'static str,
    /// Each path's name in [`Path::ALL`] order, in the legend and on its region.
    pub paths: [&'static str; 3],
    pub breakeven: &'static str,
    pub target: &'static str,
    pub point: &'static str,
    /// What darker shades mean.
    pub shades: &'static str,
}

/// The geometry of `map`'s grid in [`PLOT`].
pub fn heatmap(map: &DecisionMap) -> Option<Heatmap> {
    let x = map.ranges.kwh.to_f64()?;
    let y = map.ranges.btc.to_f64()?;
    Some(Heatmap::new(map.n, map.n, x, y, PLOT))
}

/// A Y tick as a reader writes bitcoin prices: `$50k`, `$1.5M`, `$250` in English; in
/// Arabic and Vietnamese, whose dollars are words after the number, thousands alone
/// (`50`, `1.500`), the axis title naming the unit.
pub fn btc_tick(value: Decimal) -> String {
    let thousand = Decimal::from(1000);
    let million = Decimal::from(1_000_000);
    if super::lang() != crate::model::view::Lang::En {
        let thousands = value.checked_div(thousand).unwrap_or(value).normalize();
        return super::format::number(thousands, thousands.scale().min(2));
    }
    let short = |v: Decimal, unit: &str| {
        let mut text = usd(v.normalize(), v.normalize().scale().min(2));
        text.push_str(unit);
        text
    };
    if value.abs() >= million {
        value.checked_div(million).map_or_else(|| usd(value, 0), |v| short(v, "M"))
    } else if value.abs() >= thousand {
        value.checked_div(thousand).map_or_else(|| usd(value, 0), |v| short(v, "k"))
    } else {
        usd(value.normalize(), value.normalize().scale().min(4))
    }
}

fn push_num(out: &mut String, v: i32) {
    out.push_str(&v.to_string());
}

/// `<tag a="1" b="2"` for numeric attributes.
fn open(out: &mut String, tag: &str, attrs: &[(&str, i32)]) {
    out.push('<');
    out.push_str(tag);
    for (name, value) in attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        push_num(out, *value);
        out.push('"');
    }
}

fn text(out: &mut String, class: &str, x: i32, y: i32, anchor: &str, words: &str) {
    open(out, "text", &[("x", x), ("y", y)]);
    out.push_str(" class=\"");
    out.push_str(class);
    out.push_str("\" text-anchor=\"");
    out.push_str(anchor);
    out.push_str("\">");
    escape_into(out, words);
    out.push_str("</text>");
}

/// The inside of the map's `<svg>`: a `<rect>` per cell in reading order (top row first)
/// with `data-kwh`, `data-btc`, `data-value` (mining's all-in margin per kWh, full
/// precision, empty when unknown) and `data-best`, its class the winner and shade
/// (`mining s2`); the winners' names on their regions; the break-even and target lines; the
/// scenario's mark; the axes' ticks and titles; and the legend.
pub fn map_svg(map: &DecisionMap, words: &MapWords) -> String {
    map_svg_with(map, words, "")
}

/// [`map_svg`] with `overlay` (markup, such as [`changes_svg`]'s) drawn over the cells and
/// under the names, lines and mark.
pub fn map_svg_with(map: &DecisionMap, words: &MapWords, overlay: &str) -> String {
    let Some(geometry) = heatmap(map) else { return String::new() };
    let mut out = String::with_capacity(map.cells().len() * 190 + 4000 + overlay.len());
    out.push_str("<g class=\"cells\" shape-rendering=\"crispEdges\">");
    for cell in geometry.cells() {
        let Some(c) = map.cell(cell.i, cell.j) else { continue };
        let r = cell.rect;
        open(&mut out, "rect", &[("x", r.x), ("y", r.y), ("width", r.width), ("height", r.height)]);
        let best = c.best.ok().map_or("", |(p, _)| p.name());
        out.push_str(" class=\"");
        out.push_str(if best.is_empty() { "none" } else { best });
        out.push_str(" s");
        push_num(&mut out, i32::from(c.shade));
        out.push_str("\" data-kwh=\"");
        out.push_str(&plain(c.kwh));
        out.push_str("\" data-btc=\"");
        out.push_str(&plain(c.btc));
        out.push_str("\" data-value=\"");
        if let Ok(v) = c.mining {
            out.push_str(&plain(v));
        }
        out.push_str("\" data-best=\"");
        out.push_str(best);
        out.push_str("\"/>");
    }
    out.push_str("</g>");
    out.push_str(overlay);
    for (path, i, j) in map.region_labels() {
        if let (Some(cell), Some(name)) =
            (geometry.cell(i, j), Path::ALL.iter().position(|p| *p == path).and_then(|k| words.paths.get(k)))
        {
            let (x, y) = (cell.rect.x + cell.rect.width / 2, cell.rect.y + cell.rect.height / 2 + 30);
            let x = x.clamp(PLOT.x + 320, PLOT.right() - 320);
            text(&mut out, &format!("region {}", path.name()), x, y, "middle", name);
        }
    }
    let line = |figures: &[Result<Decimal, crate::model::error::ModelError>]| {
        let xs: Vec<Option<f64>> = figures.iter().map(|f| f.ok().and_then(|v| v.to_f64())).collect();
        geometry.row_line(&xs)
    };
    for (class, d) in [("breakeven", line(&map.breakeven)), ("target", line(&map.target))] {
        if !d.is_empty() {
            out.push_str("<path class=\"");
            out.push_str(class);
            out.push_str("\" d=\"");
            out.push_str(&d);
            out.push_str("\"/>");
        }
    }
    let point = map.point.and_then(|(kwh, btc)| geometry.point(kwh.to_f64()?, btc.to_f64()?));
    if let Some((x, y)) = point {
        open(&mut out, "circle", &[("cx", x), ("cy", y), ("r", 34)]);
        out.push_str(" class=\"mark\"/>");
    }
    open(&mut out, "rect", &[("x", PLOT.x), ("y", PLOT.y), ("width", PLOT.width), ("height", PLOT.height)]);
    out.push_str(" class=\"frame\"/>");
    for t in &geometry.x_ticks {
        open(&mut out, "line", &[("x1", t.at), ("x2", t.at), ("y1", PLOT.bottom()), ("y2", PLOT.bottom() + 24)]);
        out.push_str(" class=\"axis\"/>");
        text(
            &mut out,
            "tick",
            t.at,
            PLOT.bottom() + 120,
            "middle",
            &super::format::usd_tick(t.value, geometry.x_decimals),
        );
    }
    for t in &geometry.y_ticks {
        open(&mut out, "line", &[("x1", PLOT.x - 24), ("x2", PLOT.x), ("y1", t.at), ("y2", t.at)]);
        out.push_str(" class=\"axis\"/>");
        text(&mut out, "tick", PLOT.x - 40, t.at + 32, "end", &btc_tick(t.value));
    }
    text(&mut out, "axis-title", PLOT.x + PLOT.width / 2, PLOT.bottom() + 250, "middle", words.x_title);
    text(&mut out, "axis-title", LINE_INSET, 100, "start", words.y_title);
    legend(&mut out, words);
    out
}

/// Over `a`'s map, an outline on each cell of `changes` (where `b`'s winner differs: see
/// [`crate::model::analysis::decision_map::winner_changes`]), with the cell's prices,
/// `data-best` (A's winner) and `data-best-{side}` (the other side's, `data-best-b` for B;
/// empty for none). Drawn in the text's colour, so it reads on either theme and in the
/// downloaded file.
pub fn changes_svg(a: &DecisionMap, b: &DecisionMap, side: &str, changes: &[(usize, usize)]) -> String {
    let Some(geometry) = heatmap(a) else { return String::new() };
    let mut out = String::from("<g class=\"changes\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"9\">");
    let name = |c: Option<&crate::model::analysis::decision_map::MapCell>| {
        c.and_then(|c| c.best.ok()).map_or("", |(p, _)| p.name())
    };
    for &(i, j) in changes {
        let (Some(cell), Some(ca)) = (geometry.cell(i, j), a.cell(i, j)) else { continue };
        let r = cell.rect;
        open(&mut out, "rect", &[("x", r.x + 5), ("y", r.y + 5), ("width", r.width - 10), ("height", r.height - 10)]);
        out.push_str(" data-kwh=\"");
        out.push_str(&plain(ca.kwh));
        out.push_str("\" data-btc=\"");
        out.push_str(&plain(ca.btc));
        out.push_str("\" data-best=\"");
        out.push_str(name(Some(ca)));
        out.push_str("\" data-best-");
        out.push_str(side);
        out.push_str("=\"");
        out.push_str(name(b.cell(i, j)));
        out.push_str("\"/>");
    }
    out.push_str("</g>");
    out
}

/// The title, subtitle and source line of the downloaded file, never shown on the page
/// (`display="none"`, no stylesheet rule needed): the file takes them from here and lays
/// them out itself (`chart_file`).
pub fn file_caption(title: &str, subtitle: &str, source: &str) -> String {
    let mut out = String::new();
    for (class, words) in [("chart-title", title), ("chart-subtitle", subtitle), ("chart-source", source)] {
        out.push_str("<text class=\"");
        out.push_str(class);
        out.push_str("\" display=\"none\">");
        escape_into(&mut out, words);
        out.push_str("</text>");
    }
    out
}

/// Three swatches with the paths' names, then the lines and the mark, then the shades.
fn legend(out: &mut String, words: &MapWords) {
    let top = PLOT.bottom() + 340;
    let mut x = 0;
    for (path, name) in Path::ALL.into_iter().zip(words.paths) {
        open(out, "rect", &[("x", x), ("y", top), ("width", 70), ("height", 70)]);
        out.push_str(" class=\"");
        out.push_str(path.name());
        out.push_str(" s3\"/>");
        text(out, "legend", x + 95, top + 62, "start", name);
        x += 95 + 52 * i32::try_from(name.chars().count()).unwrap_or(20) + 90;
    }
    // Then break-even and the scenario's mark on one row, the target below: the two lines'
    // names are the longest words of the legend in every language.
    let row = top + 150;
    let line_key = |out: &mut String, class: &str, name: &str, row: i32| {
        open(out, "line", &[("x1", 0), ("x2", 110), ("y1", row + 40), ("y2", row + 40)]);
        out.push_str(" class=\"");
        out.push_str(class);
        out.push_str("\"/>");
        text(out, "legend", 135, row + 62, "start", name);
    };
    line_key(out, "breakeven", words.breakeven, row);
    let x = 135 + 52 * i32::try_from(words.breakeven.chars().count()).unwrap_or(20) + 90;
    open(out, "circle", &[("cx", x + 35), ("cy", row + 40), ("r", 30)]);
    out.push_str(" class=\"mark\"/>");
    text(out, "legend", x + 95, row + 62, "start", words.point);
    line_key(out, "target", words.target, row + 150);
    // What the shades mean, wrapped to the map's width (Vietnamese's takes two lines).
    let shades = wrap(words.shades, WIDTH - 2 * LINE_INSET, SHADES_FONT);
    for (k, line) in (0_i32..).zip(shades) {
        text(out, "legend muted", LINE_INSET, row + 362 + k * 120, "start", &line);
    }
}

/// The legend's size on the page at its largest (`.decision-map text`), for wrapping.
const SHADES_FONT: i32 = 90;

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::model::analysis::decision_map::{decision_map, MAP_CELLS};
    use crate::model::from_query;
    use crate::model::InvalidKeys;

    const WORDS: MapWords = MapWords {
        x_title: "Power, USD/kWh",
        y_title: "Bitcoin, USD",
        paths: ["Mining", "Colo & co", "GPU"],
        breakeven: "Break-even",
        target: "Target",
        point: "This scenario",
        shades: "Darker: more",
    };

    #[test]
    fn it_wraps_a_long_note_within_the_map() {
        // The Vietnamese note on the shades, 86 characters at 90 units (0.62 em each):
        // about 4,800 wide, two lines of the map's 2,580.
        let shades = "Màu đậm hơn: biên lợi nhuận toàn phần cao hơn; nhạt nhất: cả phương án tốt nhất cũng lỗ";
        let (s, _) = from_query("?v=1");
        let Ok(map) = decision_map(&s, InvalidKeys::default(), MAP_CELLS) else { panic!() };
        let text = map_svg(&map, &MapWords { shades, ..WORDS });
        let lines: Vec<&str> = text.split("class=\"legend muted\" text-anchor=\"start\">").skip(1).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        // The second line's baseline, 120 below the first (2,992), leaves its descent room
        // inside the page's view.
        assert!(text.contains("<text x=\"10\" y=\"3112\" class=\"legend muted\""), "{text}");
        const { assert!(3112 + 30 <= HEIGHT) };
        // Both within the map's width, as the files estimate text.
        for line in lines {
            let line = line.split("</text>").next().unwrap_or("");
            assert!(crate::text::chart_file::text_width(line, SHADES_FONT) <= WIDTH - 20, "{line}");
        }
    }

    fn svg(query: &str) -> (DecisionMap, String) {
        let (s, _) = from_query(query);
        let Ok(map) = decision_map(&s, InvalidKeys::default(), MAP_CELLS) else { panic!("{query}") };
        let text = map_svg(&map, &WORDS);
        (map, text)
    }

    #[test]
    fn it_writes_a_cell_per_grid_point_with_its_figures() {
        let (map, text) = svg("");
        assert_eq!(text.matches("data-kwh=").count(), 1600);
        // Reading order: the top row (highest bitcoin price) first, at the plot's corner.
        let Some(top_left) = map.cell(0, 39) else { panic!("cell") };
        let Ok(value) = top_left.mining else { panic!("figure") };
        let Ok((best, _)) = top_left.best else { panic!("winner") };
        let want = format!(
            "<rect x=\"470\" y=\"140\" width=\"50\" height=\"50\" class=\"{} s{}\" data-kwh=\"0.001875\" \
             data-btc=\"252078.125\" data-value=\"{}\" data-best=\"{}\"/>",
            best.name(),
            top_left.shade,
            plain(value),
            best.name()
        );
        assert!(
            text.starts_with(&format!("<g class=\"cells\" shape-rendering=\"crispEdges\">{want}")),
            "{}",
            &text[..300]
        );
        // The bottom right cell ends at the plot's corner.
        assert!(text.contains("<rect x=\"2420\" y=\"2090\" width=\"50\" height=\"50\""));
        // Names and words escaped, lines, the mark, ticks in dollars.
        assert!(text.contains("Colo &amp; co"));
        assert!(text.contains("class=\"breakeven\" d=\"M"));
        assert!(text.contains("class=\"target\" d=\"M"));
        assert!(text.contains("<circle cx=\"1137\""), "the default 0.05 of 0.15: x = 470 + 2000/3");
        assert!(text.contains(">$0.05</text>") && text.contains(">$250k</text>"));
        assert!(!text.contains("NaN") && !text.contains("inf"));
        let caption = file_caption("A <b>", "B", "C");
        assert!(caption.starts_with("<text class=\"chart-title\" display=\"none\">A &lt;b&gt;</text>"), "{caption}");
    }

    #[test]
    fn it_leaves_unknown_figures_empty_and_survives_extremes() {
        let (s, _) = from_query("kwh=0.04");
        let Ok(map) = decision_map(&s, InvalidKeys::default().with(crate::model::Key::Glife), 4) else { panic!() };
        let text = map_svg(&map, &WORDS);
        assert!(text.contains("class=\"none s0\""), "{text}");
        assert!(text.contains("data-best=\"\""));
        for query in ["kwh=0", "kwh=10&btc=10000000", "btc=0.01&kwh=0.0001", "hp=45"] {
            let (_, text) = svg(query);
            assert_eq!(text.matches("<rect x").count(), 1600 + 1 + 3, "{query}");
            assert!(!text.contains("NaN") && !text.contains("-0\""), "{query}");
        }
    }

    #[test]
    fn it_writes_bitcoin_ticks_short() {
        let cases = [
            (dec!(50000), "$50k"),
            (dec!(2500000), "$2.5M"),
            (dec!(10000000), "$10M"),
            (dec!(250), "$250"),
            (dec!(0.005), "$0.005"),
            (dec!(0), "$0"),
        ];
        for (v, want) in cases {
            assert_eq!(btc_tick(v), want, "{v}");
        }
    }
}
