//! The iframe snippet an author pastes into an article.

use crate::model::link::comparison::Link;
use crate::model::scenario::Scenario;
use crate::model::view::{Lang, Sections, Theme, Title, View};

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
        }
    }
}

/// Height of the iframe before (or without) the resize script: enough for the default
/// comparison and cost-per-BTC cards on a phone.
pub const FALLBACK_HEIGHT_PX: u32 = 720;

/// Name of the host-page script in `public/`.
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
    view
}

/// The scenario as an embed shows it: the same numbers, the embed's display keys.
pub fn embed_scenario(scenario: &Scenario, options: &EmbedOptions) -> Scenario {
    let mut embedded = scenario.clone();
    embedded.view = embed_view(embedded.view, options);
    embedded
}

/// The link (one scenario, or both sides of a comparison) as an embed shows it.
pub fn embed_link(link: &Link, options: &EmbedOptions) -> Link {
    let mut embedded = link.clone();
    embedded.set_view(embed_view(*link.view(), options));
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

/// The HTML to paste: a lazy, sandboxed, titled iframe of width 100% at a fixed fallback
/// height, and the script that resizes it to its content. `page` is the calculator's
/// address without its query (`https://user.github.io/kwhich/`). A comparison's iframe
/// shows both sides. `title` is the iframe's accessible name, in the author's language:
/// the caller words it (the model speaks none); it is escaped here.
pub fn snippet(page: &str, link: &Link, options: &EmbedOptions, title: &str) -> String {
    let query = embed_link(link, options).to_query();
    let id = embed_id(&query);
    let dir = page.rfind('/').map_or(page, |i| &page[..=i]);
    // allow-same-origin lets the Wasm load from its own host without CORS and gives the
    // messages a real origin to check; allow-popups(-to-escape-sandbox) opens the full
    // calculator unsandboxed. No forms, no top navigation.
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" \
width=\"100%\" height=\"{FALLBACK_HEIGHT_PX}\" style=\"border:0;width:100%\" loading=\"lazy\" \
sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" \
data-kwhich-id=\"{id}\"></iframe>\n<script async src=\"{script}\"></script>",
        src = escape_attr(&format!("{page}?{query}#{id}")),
        title = escape_attr(title),
        script = escape_attr(&format!("{dir}{RESIZE_SCRIPT}")),
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
        let html = snippet("https://user.github.io/kwhich/", &Link::Single(scenario), &options, TITLE);
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
            html.contains("sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"")
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
        let (back, warnings) = crate::model::from_query(&to_query(&embed_scenario(&arabic_page, &vi)));
        assert!(warnings.is_empty());
        assert_eq!(back.view.title.map(|t| t.as_str().to_string()), Some("Đào hay cho thuê? 3 ¢ & AI".into()));
    }

    #[test]
    fn it_escapes_the_title_it_is_given() {
        let options = EmbedOptions::default();
        let link = Link::Single(Scenario::default());
        let html = snippet("https://user.github.io/kwhich/", &link, &options, "kWhich: “a” & <b>\"c\"</b>");
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
        let html = snippet("https://user.github.io/kwhich/", &link, &options, TITLE);
        let src = format!("src=\"https://user.github.io/kwhich/?{}#{}\"", query.replace('&', "&amp;"), embed_id(query));
        assert!(html.contains(&src), "{html}");
    }
}
