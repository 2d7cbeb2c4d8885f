//! Every chart's files: an SVG, and PNGs drawn in the browser from that same SVG (twice
//! its size for print, 1200 × 675 and 1080 × 1080 for social posts), each with the chart's
//! title, notes, colour key and source line (see [`crate::text::chart_file`]).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Function, Promise, Reflect};

use crate::model::export::csv;
use crate::model::Link;
use crate::model::Scenario;
use crate::text::chart_file::{compose, file_size, page_chart, Body, ChartWords, Frame};
use crate::text::{n, t};
use crate::ui::hooks::state::{LinkCtx, ScenarioCtx};
use crate::ui::web;

/// The rules a chart needs outside the page: the light palette.
const CHART_STYLE: &str = ".body text{fill:#14171a;font-size:80px}.body .chart-title{font-size:120px;font-weight:700}\
.tick{fill:#4f5862}\
.grid{stroke:#e3e6ea;stroke-width:4}.zero{stroke:#14171a;stroke-width:8}\
.marker{stroke:#4f5862;stroke-width:5;stroke-dasharray:20 16}.band{fill:#4f5862;fill-opacity:.12}\
.line{fill:none;stroke-width:14;stroke-linejoin:round;stroke-linecap:round}.point{fill-opacity:0}\
.mining .line{stroke:#d55e00}.colo .line{stroke:#0072b2;stroke-dasharray:40 20}\
.gpu .line{stroke:#009e73;stroke-dasharray:8 16}.body .mining text{fill:#d55e00}.body .colo text{fill:#0072b2}\
.body .gpu text{fill:#007a5a}\
.hashprice .line{stroke:#14171a}.reference .line,.cash .line{stroke:#4f5862;\
stroke-dasharray:24 16}.body .reference text,.body .cash text{fill:#4f5862}.s9 .line{stroke:#e69f00}.body .s9 text{fill:#9a6a00}\
.s19 .line{stroke:#56b4e9}.body .s19 text{fill:#1f6f9a}.s21 .line{stroke:#cc79a7}.body .s21 text{fill:#a04d7f}\
.projected .line,.strike .line{stroke:#d55e00;stroke-dasharray:40 20}.body .projected text,.body .strike text{fill:#d55e00}\
.price .line,.plan .line{stroke:#14171a}.plan .line{stroke-dasharray:60 16 8 16}.ai-price .line{stroke:#0072b2;stroke-dasharray:40 20}.body .ai-price text{fill:#0072b2}\
.cells .mining,.swatch.mining,rect.mining{fill:#d55e00}.cells .colo,rect.colo{fill:#0072b2}\
rect.gpu{fill:#009e73}rect.none{fill:#888}.s0{fill-opacity:.14}.s1{fill-opacity:.4}.s2{fill-opacity:.68}\
.s3{fill-opacity:1}.frame{fill:none;stroke:#14171a;stroke-width:4}.axis{stroke:#4f5862;stroke-width:10}\
.breakeven{fill:none;stroke:#14171a;stroke-width:10}.target{fill:none;stroke:#14171a;stroke-width:10;\
stroke-dasharray:30 20}.mark{fill:#fff;stroke:#14171a;stroke-width:12}.region{font-weight:700;\
paint-order:stroke;stroke:#fff;stroke-width:16}.low{fill-opacity:.45}.base{stroke:#14171a;stroke-width:6}\
.body .muted{fill:#4f5862}.bar.revenue,rect.revenue{fill:#b35c00}.bar.margin,rect.margin{fill:#0b57d0}\
.body .bar-label,.body .bar-value{font-size:95px}\
.side-a .line{stroke-dasharray:none}.side-b .line{stroke-dasharray:48 30}.side-c .line{stroke-dasharray:2 26}\
.side-d .line{stroke-dasharray:48 22 2 22}";

/// In an Arabic file, each label of the chart reads right to left, its anchor turned so
/// that it sits where the geometry put it (as the page's stylesheet does under `[dir=rtl]`).
const RTL_STYLE: &str = ".body text{direction:rtl}.body text:not([text-anchor]),.body text[text-anchor=start]\
{text-anchor:end}.body text[text-anchor=end]{text-anchor:start}";

/// The SVG file's size: as wide as a print column needs; as high as the chart needs.
const FILE: Frame = Frame { width: 1200, height: None, scale: 1 };

/// One kind of file a chart downloads as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Svg,
    /// The SVG's own frame at twice its size.
    Print,
    Wide,
    Square,
}

impl Kind {
    fn frame(self) -> Frame {
        match self {
            Kind::Svg => FILE,
            Kind::Print => Frame { scale: 2, ..FILE },
            Kind::Wide => Frame { width: 1200, height: Some(675), scale: 1 },
            Kind::Square => Frame { width: 1080, height: Some(1080), scale: 1 },
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Svg => "svg",
            Kind::Print => "print",
            Kind::Wide => "1200x675",
            Kind::Square => "1080x1080",
        }
    }
}

/// The page's chart `id` as a file in `frame`: the drawing the page shows (its `viewBox`),
/// framed by the words it keeps for the file. `None` if it is not on the page.
pub fn chart_file(
    scenario: &Scenario,
    id: &str,
    legend: &[(String, String)],
    frame: Frame,
) -> Option<(String, (i32, i32))> {
    let svg = document().query_selector(&format!("svg[data-chart=\"{id}\"]")).ok()??;
    let chart = page_chart(&svg.outer_html())?;
    let words = ChartWords {
        title: chart.title.unwrap_or_default(),
        notes: chart.notes,
        legend: legend.to_vec(),
        source: chart.source.unwrap_or_else(|| crate::text::time_charts::source_line(scenario)),
    };
    let rtl = crate::text::lang().rtl();
    let style = if rtl { [CHART_STYLE, RTL_STYLE].concat() } else { CHART_STYLE.to_string() };
    let (_, _, w, h) = chart.view;
    let size = file_size(&words, (w, h), frame);
    Some((compose(&words, &Body { markup: &chart.drawing, view: chart.view }, frame, &style, rtl), size))
}

/// `text` percent-encoded for a `data:` address.
fn percent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b" -_.~/:=;,()!*".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

/// `object.name`, or `object.name(arg)` when it is a method. Through `Reflect` and
/// `Function.call`, which the page's glue already imports: `web-sys`'s canvas and image
/// bindings would each add an import to the first load's script.
fn member(object: &JsValue, name: &str, arg: Option<&JsValue>) -> Option<JsValue> {
    let value = Reflect::get(object, &JsValue::from_str(name)).ok()?;
    match arg {
        Some(arg) => value.unchecked_into::<Function>().call1(object, arg).ok(),
        None => Some(value),
    }
}

/// Offers the SVG `svg`, `size` px, drawn on a canvas of that size, as the PNG `name`:
/// once the image has decoded (a promise's `then`, as the page already uses), a link to the
/// canvas's PNG `data:` address is clicked.
fn save_png(svg: &str, size: (i32, i32), name: String) -> Option<()> {
    let img = document().create_element("img").ok()?;
    img.set_attribute("src", &["data:image/svg+xml;charset=utf-8,", &percent(svg)].concat()).ok()?;
    let img = JsValue::from(img);
    let decoded = member(&img, "decode", Some(&JsValue::UNDEFINED))?.unchecked_into::<Promise>();
    let draw = Closure::once(move |_: JsValue| {
        draw_png(&img, size, &name);
    });
    let _ = decoded.then(&draw);
    // It runs once, when the image has decoded; JavaScript holds it until then.
    draw.forget();
    Some(())
}

/// Draws the decoded image `img` on a canvas `size` px and clicks a link to it as `name`.
fn draw_png(img: &JsValue, size: (i32, i32), name: &str) -> Option<()> {
    let canvas = document().create_element("canvas").ok()?;
    canvas.set_attribute("width", &size.0.to_string()).ok()?;
    canvas.set_attribute("height", &size.1.to_string()).ok()?;
    let canvas = JsValue::from(canvas);
    let context = member(&canvas, "getContext", Some(&JsValue::from_str("2d")))?;
    let draw_image = member(&context, "drawImage", None)?.unchecked_into::<Function>();
    draw_image.call3(&context, img, &JsValue::from(0), &JsValue::from(0)).ok()?;
    let url = member(&canvas, "toDataURL", Some(&JsValue::from_str("image/png")))?;
    let link = document().create_element("a").ok()?;
    link.set_attribute("download", name).ok()?;
    Reflect::set(&link, &JsValue::from_str("href"), &url).ok()?;
    link.unchecked_ref::<web_sys::HtmlElement>().click();
    Some(())
}

/// Saves the chart `id` as a file of `kind`, named after the chart, the kind and the
/// scenario (or the comparison's `link`, when given).
fn save(scenario: &Scenario, link: Option<&Link>, id: &'static str, legend: Vec<(String, String)>, kind: Kind) {
    let Some((svg, size)) = chart_file(scenario, id, &legend, kind.frame()) else { return };
    let stem = link.map_or_else(|| csv::file_stem(&Link::Single(scenario.clone())), csv::file_stem);
    if kind == Kind::Svg {
        web::download(&format!("kwhich-{id}-{stem}.svg"), "image/svg+xml", &svg);
        return;
    }
    let name = format!("kwhich-{id}-{stem}-{}.png", kind.name());
    save_png(&svg, size, name);
}

/// A chart's downloads: `svg_label` names its SVG button ("Margin chart (SVG)"), then the
/// three PNGs. `legend` gives the colour key the file carries (where the page has one).
#[component]
pub fn ChartDownloads(
    /// The chart's `data-chart`.
    id: &'static str,
    /// The SVG button's message id.
    svg_label: &'static str,
    /// The colour key: each swatch's class and name, read when a file is made.
    #[prop(optional, into)]
    legend: Option<Callback<(), Vec<(String, String)>>>,
    /// A chart of every side of a comparison: its files are named after the comparison's link.
    #[prop(optional)]
    compared: bool,
) -> impl IntoView {
    let ScenarioCtx(scenario) = expect_context();
    let LinkCtx(link) = expect_context();
    let button = move |kind: Kind, label: &'static str| {
        let click = move |_| {
            let legend = legend.map(|l| l.run(())).unwrap_or_default();
            let link = compared.then(|| link.get_untracked());
            scenario.with_untracked(|s| save(s, link.as_ref(), id, legend, kind));
        };
        view! { <button type="button" data-chart=id data-file=kind.name() on:click=click>{t(label)}</button> }
    };
    view! {
        {button(Kind::Svg, svg_label)}
        {button(Kind::Print, n!("PNG, print"))}
        {button(Kind::Wide, n!("PNG, 1200×675"))}
        {button(Kind::Square, n!("PNG, 1080×1080"))}
    }
}
