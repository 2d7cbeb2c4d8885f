use super::*;
use crate::model::link::share_link::to_query;
use crate::model::view::Section;

const TITLE: &str = "kWhich: what a kWh earns mining bitcoin, and leased to AI";

#[test]
fn it_writes_a_sandboxed_lazy_titled_iframe_with_the_scenario() {
    let (scenario, _) = crate::model::from_query("?kwh=0.03");
    let options = EmbedOptions::default();
    let html =
        snippet("https://user.github.io/kwhich/", &Link::Single(scenario), &options, TITLE, &ResizeScript::default());
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
        html.contains(
            "sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads\""
        ),
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
    let four = Sections::empty().with(Section::Compare).with(Section::Btc).with(Section::PerMw).with(Section::Inputs);
    let vi = EmbedOptions { sections: four, lang: Lang::Vi, ..EmbedOptions::default() };
    assert_eq!(height(&vi), 80 + 50 + 740 + 410 + 590 + 2100);
    assert_eq!(estimated_height(&single, &vi, WidthClass::Phone), 70 + 90 + 880 + 550 + 740 + 2370);
    // Arabic's per-MW table wraps more than English's.
    let mw = Sections::empty().with(Section::PerMw);
    let en_mw = EmbedOptions { sections: mw, ..EmbedOptions::default() };
    assert!(height(&EmbedOptions { lang: Lang::Ar, ..en_mw }) > height(&en_mw));
    // live=1 shows the network card; a headline adds its line.
    assert_eq!(height(&EmbedOptions { live: true, ..en_mw }), 80 + 50 + 450 + 270);
    let title = Title::new("Mine or lease?").ok();
    assert_eq!(height(&EmbedOptions { title, ..en_mw }), 80 + 40 + 50 + 450);
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
    assert_eq!(estimated_height(&link, &options, WidthClass::Column), 80 + 170 + 2060);
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
    let four = Sections::empty().with(Section::Compare).with(Section::Btc).with(Section::PerMw).with(Section::Inputs);
    let options = EmbedOptions { sections: four, lang: Lang::Ar, ..EmbedOptions::default() };
    let link = Link::Single(Scenario::default());
    let html = snippet("https://x.org/k/", &link, &options, TITLE, &ResizeScript::default());
    assert!(html.contains(" height=\"3890\" "), "{html}");
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
