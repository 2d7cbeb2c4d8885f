//! The iframe snippet an author pastes into an article.

use crate::model::link::comparison::Link;
use crate::model::scenario::Scenario;
use crate::model::view::{Chart, Lang, Section, Sections, Theme, Title, View};

/// What the author chose in the embed panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub sections: Sections,
    /// Readers may edit the inputs (`edit=1`, the default).
    pub editable: bool,
    pub theme: Theme,
    /// Readers may load today's network from the API (`live=1`; off by default).
    pub live: bool,
    /// The article's language (`lang=`), whatever the page's.
    pub lang: Lang,
    /// A headline above the embed (`title=`).
    pub title: Option<Title>,
    /// One chart alone (`show=kwh-chart`, …) in place of the sections.
    pub chart: Option<Chart>,
    /// Western digits in a language with its own (`nu=latn`).
    pub latin_digits: bool,
}

impl Default for EmbedOptions {
    /// The embed a link gets with only `embed=1`: the default sections, editable, the
    /// reader's theme, no live data, English, no headline.
    fn default() -> Self {
        EmbedOptions {
            sections: Sections::EMBED_DEFAULT,
            editable: true,
            theme: Theme::Auto,
            live: false,
            lang: Lang::En,
            title: None,
            chart: None,
            latin_digits: false,
        }
    }
}

/// The width an embed is laid out at, for its estimated height.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WidthClass {
    /// A phone's article column, about 360 px.
    Phone,
    /// A desktop article's column, about 640 px: what the snippet is written for.
    Column,
}

/// Heights of the embed's parts in CSS px, measured in Chromium (7 December 2026, the page of
/// the default scenario at a 360 and a 640 px viewport; `tests/browser/measure-embed.mjs`),
/// each rounded up to 10 px, one column per language (en, ar, vi). A section's figure is
/// its own height plus the gap before it, so the parts add up.
struct Heights {
    /// The title above and the bar below ("Open in kWhich"), with no section.
    chrome: [u32; 3],
    /// The sections, in `Section::ALL` order.
    sections: [[u32; 3]; 9],
    /// A comparison's A and B, which take the place of every section but the inputs.
    comparison: [u32; 3],
    /// A headline (`title=`) of one or two lines.
    title: [u32; 3],
    /// The line under a single scenario's title: the network's date and the inputs.
    facts: [u32; 3],
    /// One chart alone, in `Chart::ALL` order, with its caption and source line.
    charts: [[u32; 3]; 4],
}

const COLUMN: Heights = Heights {
    chrome: [80, 80, 80],
    sections: [
        [650, 720, 740],    // compare
        [370, 370, 410],    // btc
        [450, 560, 590],    // mw
        [270, 290, 270],    // network
        [1650, 2230, 2250], // time
        [2060, 2110, 2100], // inputs
        [1040, 1080, 1120], // map
        [980, 980, 980],    // drivers
        [1780, 1860, 1840], // history
    ],
    comparison: [170, 170, 170],
    title: [40, 40, 40],
    facts: [50, 50, 50],
    charts: [[400, 420, 420], [400, 400, 400], [400, 440, 420], [800, 800, 860]],
};

const PHONE: Heights = Heights {
    chrome: [70, 70, 70],
    sections: [
        [770, 830, 880],
        [490, 510, 550],
        [530, 610, 740],
        [320, 340, 370],
        [1860, 2300, 2610],
        [2270, 2390, 2370],
        [940, 920, 1020],
        [780, 780, 820],
        [1920, 1890, 2000],
    ],
    comparison: [210, 210, 210],
    title: [60, 60, 60],
    facts: [70, 70, 90],
    charts: [[410, 460, 460], [390, 390, 390], [390, 430, 430], [650, 670, 710]],
};

/// The iframe's height before the resize script fits it, or for good when a CMS strips the
/// script: what the chosen sections measure in the article's language at `width`. An
/// embed a little too tall shows some blank space below; one too short scrolls inside.
pub fn estimated_height(link: &Link, options: &EmbedOptions, width: WidthClass) -> u32 {
    let table = match width {
        WidthClass::Phone => &PHONE,
        WidthClass::Column => &COLUMN,
    };
    let lang = match options.lang {
        Lang::En => 0,
        Lang::Ar => 1,
        Lang::Vi => 2,
    };
    let compared = matches!(link, Link::Compare(_));
    let title = if options.title.is_some() { table.title[lang] } else { 0 };
    let facts = if compared { 0 } else { table.facts[lang] };
    if let Some(at) = options.chart.and_then(|c| Chart::ALL.iter().position(|a| *a == c)).filter(|_| !compared) {
        return table.chrome[lang] + title + facts + table.charts[at][lang];
    }
    let shown = Section::ALL.into_iter().zip(table.sections).filter(|(section, _)| {
        let chosen = options.sections.contains(*section) || (*section == Section::Network && options.live);
        chosen && (*section == Section::Inputs || !compared)
    });
    let sections: u32 = shown.map(|(_, heights)| heights[lang]).sum();
    let comparison = if compared { table.comparison[lang] } else { 0 };
    table.chrome[lang] + title + facts + comparison + sections
}

/// The host-page script that fits the iframe to its content: its file in the build and, for
/// a build that hashed it (scripts/post-build.mjs), its Subresource Integrity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResizeScript {
    /// The file's name beside the page: `kwhich-embed-<hash>.js`, or [`RESIZE_SCRIPT`].
    pub file: String,
    /// `sha384-…` of the file's bytes, when known.
    pub integrity: Option<String>,
}

impl Default for ResizeScript {
    /// The unhashed script without integrity: what a build without the hook has.
    fn default() -> Self {
        ResizeScript { file: RESIZE_SCRIPT.to_string(), integrity: None }
    }
}

impl ResizeScript {
    /// Reads the `content` of the page's `<meta name="kwhich-embed">`: the file's name and
    /// its integrity, separated by a space. Anything else gives the unhashed script.
    pub fn from_meta(content: &str) -> Self {
        let mut parts = content.split_whitespace();
        match (parts.next(), parts.next(), parts.next()) {
            (Some(file), Some(integrity), None)
                if file.starts_with("kwhich-embed-")
                    && file.ends_with(".js")
                    && file.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
                    && integrity.starts_with("sha384-")
                    && integrity.len() > "sha384-".len()
                    && integrity[7..]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=') =>
            {
                ResizeScript { file: file.to_string(), integrity: Some(integrity.to_string()) }
            }
            _ => ResizeScript::default(),
        }
    }
}

/// Name of the host-page script in `public/`: older snippets name it, and a build without
/// the post-build hook has only it.
pub const RESIZE_SCRIPT: &str = "kwhich-embed.js";

/// `view` (the page's) with the embed's display keys.
fn embed_view(mut view: View, options: &EmbedOptions) -> View {
    view.embed = true;
    view.show = (options.sections != Sections::EMBED_DEFAULT).then_some(options.sections);
    view.edit = options.editable;
    view.theme = options.theme;
    view.live = options.live;
    view.lang = options.lang;
    view.title = options.title;
    view.chart = options.chart;
    if view.chart.is_some() {
        view.show = None;
    }
    // Only a language with digits of its own has another kind to choose.
    view.latin_digits = options.latin_digits && options.lang == Lang::Ar;
    view
}

/// The scenario as an embed shows it: the same numbers, the embed's display keys.
pub fn embed_scenario(scenario: &Scenario, options: &EmbedOptions) -> Scenario {
    let mut embedded = scenario.clone();
    embedded.view = embed_view(embedded.view, options);
    embedded
}

/// The link (one scenario, or both sides of a comparison) as an embed shows it. A
/// comparison's link names only the sections a comparison shows, so that a snippet never
/// offers a reader what the embed leaves out.
pub fn embed_link(link: &Link, options: &EmbedOptions) -> Link {
    let mut embedded = link.clone();
    let options = match link {
        Link::Compare(_) => EmbedOptions { sections: options.sections.in_comparison(), chart: None, ..*options },
        Link::Single(_) => *options,
    };
    embedded.set_view(embed_view(*link.view(), &options));
    embedded
}

/// A short id telling several embeds on one page apart: FNV-1a of the embed's query, so
/// the same scenario gives the same id and the snippet is reproducible.
pub fn embed_id(query: &str) -> String {
    let hash = query.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("kwhich-{hash:08x}")
}

/// Markup is escaped in one place for every writer ([`super::html`]); the name stays here
/// for the text layer's writers that import it from the embed.
pub(crate) use crate::model::export::html::escape_attr;

/// The HTML to paste: a lazy, sandboxed, titled iframe of width 100% at the height its
/// sections are estimated to take in an article's column ([`estimated_height`]), and the
/// script that resizes it to its content, with its integrity when `script` has one. `page`
/// is the calculator's address without its query (`https://user.github.io/kwhich/`). A
/// comparison's iframe shows both sides. `title` is the iframe's accessible name, in the
/// author's language: the caller words it (the model speaks none); it is escaped here.
pub fn snippet(page: &str, link: &Link, options: &EmbedOptions, title: &str, script: &ResizeScript) -> String {
    let query = embed_link(link, options).to_query();
    let id = embed_id(&query);
    let dir = page.rfind('/').map_or(page, |i| &page[..=i]);
    let height = estimated_height(link, options, WidthClass::Column);
    // The script is fetched in CORS mode so that the host checks its hash: a deploy that
    // changed it has another name, so an old snippet keeps the file it was written for.
    let integrity = script
        .integrity
        .as_ref()
        .map_or(String::new(), |sri| format!(" integrity=\"{}\" crossorigin=\"anonymous\"", escape_attr(sri)));
    // allow-same-origin lets the Wasm load from its own host without CORS and gives the
    // messages a real origin to check; allow-popups(-to-escape-sandbox) opens the full
    // calculator unsandboxed; allow-downloads lets the CSV, JSON and SVG buttons work. No
    // forms, no top navigation.
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" \
width=\"100%\" height=\"{height}\" style=\"border:0;width:100%\" loading=\"lazy\" \
sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads\" \
data-kwhich-id=\"{id}\"></iframe>\n<script async src=\"{script}\"{integrity}></script>",
        src = escape_attr(&format!("{page}?{query}#{id}")),
        title = escape_attr(title),
        script = escape_attr(&format!("{dir}{}", script.file)),
    )
}

#[cfg(test)]
mod tests;
