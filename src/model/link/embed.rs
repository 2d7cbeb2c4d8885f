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

/// Heights of the embed's parts in CSS px, measured in Chromium (December 2026, the page of
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
        [430, 490, 510],    // mw
        [270, 290, 270],    // network
        [1630, 1880, 1850], // time
        [2020, 2130, 2130], // inputs
        [1010, 1060, 1100], // map
        [980, 980, 980],    // drivers
        [1760, 1830, 1810], // history
    ],
    comparison: [170, 170, 170],
    title: [40, 40, 40],
    facts: [50, 50, 50],
    charts: [[400, 420, 420], [400, 400, 400], [400, 440, 420], [800, 800, 860]],
};

const PHONE: Heights = Heights {
    chrome: [70, 70, 70],
    sections: [
        [770, 870, 860],
        [490, 510, 550],
        [530, 650, 740],
        [320, 340, 430],
        [1850, 2150, 2170],
        [2280, 2490, 2550],
        [930, 900, 1010],
        [780, 780, 820],
        [1910, 1880, 1980],
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
mod tests {
    use super::*;
    use crate::model::link::share_link::to_query;
    use crate::model::view::Section;

    const TITLE: &str = "kWhich: what a kWh earns mining bitcoin, and leased to AI";

    #[test]
    fn it_writes_a_sandboxed_lazy_titled_iframe_with_the_scenario() {
        let (scenario, _) = crate::model::from_query("?kwh=0.03");
        let options = EmbedOptions::default();
        let html = snippet(
            "https://user.github.io/kwhich/",
            &Link::Single(scenario),
            &options,
            TITLE,
            &ResizeScript::default(),
        );
        let id = embed_id("v=1&kwh=0.03&embed=1");
        assert!(
            html.contains(&format!("src=\"https://user.github.io/kwhich/?v=1&amp;kwh=0.03&amp;embed=1#{id}\"")),
            "{html}"
        );
        assert!(
            html.contains("loading=\"lazy\"")
                && html.contains(&format!("title=\"{TITLE}\""))
                && html.contains("width=\"100%\"")
        );
        assert!(
            html.contains("sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads\""),
            "{html}"
        );
        assert!(html.contains("<script async src=\"https://user.github.io/kwhich/kwhich-embed.js\"></script>"));
    }

    #[test]
    fn it_writes_only_the_display_keys_that_differ() {
        let scenario = Scenario::default();
        let sections = Sections::empty().with(Section::Compare).with(Section::Inputs);
        let options = EmbedOptions { sections, editable: false, theme: Theme::Dark, ..EmbedOptions::default() };
        let query = to_query(&embed_scenario(&scenario, &options));
        assert_eq!(query, "v=1&embed=1&show=compare,inputs&edit=0&theme=dark");
        let live = EmbedOptions { live: true, ..EmbedOptions::default() };
        assert_eq!(to_query(&embed_scenario(&scenario, &live)), "v=1&embed=1&live=1");
        // The article's language and headline, whatever the page's.
        let mut arabic_page = Scenario::default();
        arabic_page.view.lang = Lang::Ar;
        let title = Title::new("Đào hay cho thuê? 3 ¢ & AI").ok();
        let vi = EmbedOptions { lang: Lang::Vi, title, ..live };
        assert_eq!(
            to_query(&embed_scenario(&arabic_page, &vi)),
            "v=1&lang=vi&title=%C4%90%C3%A0o%20hay%20cho%20thu%C3%AA%3F%203%20%C2%A2%20%26%20AI&embed=1&live=1"
        );
        // Western digits for an Arabic article; nothing to choose in Vietnamese.
        let latin = EmbedOptions { lang: Lang::Ar, latin_digits: true, ..EmbedOptions::default() };
        assert_eq!(to_query(&embed_scenario(&arabic_page, &latin)), "v=1&lang=ar&embed=1&nu=latn");
        let vi_latin = EmbedOptions { latin_digits: true, ..vi };
        assert_eq!(to_query(&embed_scenario(&arabic_page, &vi_latin)), to_query(&embed_scenario(&arabic_page, &vi)));
        let (back, warnings) = crate::model::from_query(&to_query(&embed_scenario(&arabic_page, &vi)));
        assert!(warnings.is_empty());
        assert_eq!(back.view.title.map(|t| t.as_str().to_string()), Some("Đào hay cho thuê? 3 ¢ & AI".into()));
    }

    #[test]
    fn it_escapes_the_title_it_is_given() {
        let options = EmbedOptions::default();
        let link = Link::Single(Scenario::default());
        let html = snippet(
            "https://user.github.io/kwhich/",
            &link,
            &options,
            "kWhich: “a” & <b>\"c\"</b>",
            &ResizeScript::default(),
        );
        assert!(html.contains("title=\"kWhich: “a” &amp; &lt;b&gt;&quot;c&quot;&lt;/b&gt;\""), "{html}");
    }

    #[test]
    fn it_gives_different_scenarios_different_ids() {
        assert_ne!(embed_id("v=1&kwh=0.03&embed=1"), embed_id("v=1&kwh=0.04&embed=1"));
        assert_eq!(embed_id("v=1").len(), "kwhich-".len() + 8);
    }

    #[test]
    fn it_embeds_both_sides_of_a_comparison() {
        let (link, _) = crate::model::from_link("?v=1&kwh=0.045&theme=dark&b.kwh=0.03");
        let sections = Sections::empty().with(Section::Compare);
        let options = EmbedOptions { sections, theme: Theme::Light, ..EmbedOptions::default() };
        let query = "v=1&kwh=0.045&embed=1&show=compare&theme=light&b.kwh=0.03";
        assert_eq!(embed_link(&link, &options).to_query(), query);
        let html = snippet("https://user.github.io/kwhich/", &link, &options, TITLE, &ResizeScript::default());
        let src = format!("src=\"https://user.github.io/kwhich/?{}#{}\"", query.replace('&', "&amp;"), embed_id(query));
        assert!(html.contains(&src), "{html}");
    }

    #[test]
    fn a_comparison_embed_names_only_the_sections_a_comparison_shows() {
        let (link, _) = crate::model::from_link("?v=1&kwh=0.045&b.kwh=0.03");
        let all = Section::ALL.into_iter().fold(Sections::empty(), Sections::with);
        let options = EmbedOptions { sections: all, ..EmbedOptions::default() };
        let query = embed_link(&link, &options).to_query();
        assert_eq!(query, "v=1&kwh=0.045&embed=1&show=compare,btc,mw,network,time,inputs&b.kwh=0.03");
        // Only what a comparison cannot show: nothing left to name.
        let map = EmbedOptions { sections: Sections::empty().with(Section::Map), ..options };
        assert_eq!(embed_link(&link, &map).to_query(), "v=1&kwh=0.045&embed=1&show=&b.kwh=0.03");
        // One scenario keeps every section.
        let single = Link::Single(Scenario::default());
        assert_eq!(embed_link(&single, &map).to_query(), "v=1&embed=1&show=map");
    }

    #[test]
    fn it_estimates_the_height_of_the_chosen_sections_in_the_article_language() {
        let single = Link::Single(Scenario::default());
        let height = |options: &EmbedOptions| estimated_height(&single, options, WidthClass::Column);
        // The default embed (comparison and cost per BTC) at a 640 px column, in English.
        // The title, the line of what the figures rest on and the bar: 80 + 50.
        assert_eq!(height(&EmbedOptions::default()), 80 + 50 + 650 + 370);
        // Four sections in Vietnamese: about 3,800 px at 640 px, 4,900 px on a phone.
        let four =
            Sections::empty().with(Section::Compare).with(Section::Btc).with(Section::PerMw).with(Section::Inputs);
        let vi = EmbedOptions { sections: four, lang: Lang::Vi, ..EmbedOptions::default() };
        assert_eq!(height(&vi), 80 + 50 + 740 + 410 + 510 + 2130);
        assert_eq!(estimated_height(&single, &vi, WidthClass::Phone), 70 + 90 + 860 + 550 + 740 + 2550);
        // Arabic's per-MW table wraps more than English's.
        let mw = Sections::empty().with(Section::PerMw);
        let en_mw = EmbedOptions { sections: mw, ..EmbedOptions::default() };
        assert!(height(&EmbedOptions { lang: Lang::Ar, ..en_mw }) > height(&en_mw));
        // live=1 shows the network card; a headline adds its line.
        assert_eq!(height(&EmbedOptions { live: true, ..en_mw }), 80 + 50 + 430 + 270);
        let title = Title::new("Mine or lease?").ok();
        assert_eq!(height(&EmbedOptions { title, ..en_mw }), 80 + 40 + 50 + 430);
        // No section: the title, the line and the bar alone.
        assert_eq!(height(&EmbedOptions { sections: Sections::empty(), ..en_mw }), 80 + 50);
        // One chart alone, whatever sections are ticked: the decision map in Vietnamese.
        let map = EmbedOptions { chart: Some(Chart::Map), lang: Lang::Vi, ..vi };
        assert_eq!(height(&map), 80 + 50 + 860);
        assert_eq!(estimated_height(&single, &map, WidthClass::Phone), 70 + 90 + 710);
    }

    #[test]
    fn it_estimates_a_comparison_as_its_two_sides_and_the_inputs() {
        let (link, _) = crate::model::from_link("?v=1&kwh=0.045&b.kwh=0.03");
        let all = Section::ALL.into_iter().fold(Sections::empty(), Sections::with);
        let options = EmbedOptions { sections: all, ..EmbedOptions::default() };
        assert_eq!(estimated_height(&link, &options, WidthClass::Column), 80 + 170 + 2020);
    }

    #[test]
    fn it_writes_one_chart_alone_in_place_of_the_sections() {
        let options = EmbedOptions { chart: Some(Chart::Margin), ..EmbedOptions::default() };
        let query = to_query(&embed_scenario(&Scenario::default(), &options));
        assert_eq!(query, "v=1&embed=1&show=margin-chart");
        // A comparison shows no chart alone: its snippet names none.
        let (link, _) = crate::model::from_link("?v=1&kwh=0.045&b.kwh=0.03");
        assert!(!embed_link(&link, &options).to_query().contains("chart"));
    }

    #[test]
    fn it_writes_the_estimate_as_the_iframe_height() {
        let four =
            Sections::empty().with(Section::Compare).with(Section::Btc).with(Section::PerMw).with(Section::Inputs);
        let options = EmbedOptions { sections: four, lang: Lang::Ar, ..EmbedOptions::default() };
        let link = Link::Single(Scenario::default());
        let html = snippet("https://x.org/k/", &link, &options, TITLE, &ResizeScript::default());
        assert!(html.contains(" height=\"3840\" "), "{html}");
        assert!(!html.contains("720"), "{html}");
    }

    #[test]
    fn it_names_the_hashed_script_with_its_integrity() {
        let sri = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";
        let script = ResizeScript::from_meta(&format!("kwhich-embed-0123abcd.js {sri}"));
        assert_eq!(script, ResizeScript { file: "kwhich-embed-0123abcd.js".into(), integrity: Some(sri.into()) });
        let link = Link::Single(Scenario::default());
        let html = snippet("https://user.github.io/kwhich/", &link, &EmbedOptions::default(), TITLE, &script);
        assert!(
            html.ends_with(&format!(
                "<script async src=\"https://user.github.io/kwhich/kwhich-embed-0123abcd.js\" integrity=\"{sri}\" crossorigin=\"anonymous\"></script>"
            )),
            "{html}"
        );
        // A page without the meta, or with one that is not a name and a hash, names the
        // unhashed script without integrity.
        for content in [
            "",
            "kwhich-embed.js",
            "evil.js sha384-abc",
            "kwhich-embed-1.js md5-abc",
            "kwhich-embed-1.js sha384-\"x",
            "a b c",
        ] {
            assert_eq!(ResizeScript::from_meta(content), ResizeScript::default(), "{content}");
        }
    }
}
