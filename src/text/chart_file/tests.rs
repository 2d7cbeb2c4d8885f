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
    let bars =
        page_chart("<svg viewBox=\"0 0 3600 1280\"><title id=\"c\">Revenue &lt;per kWh&gt;</title><rect></rect></svg>");
    assert_eq!(bars.as_ref().and_then(|b| b.title.as_deref()), Some("Revenue <per kWh>"));
    assert_eq!(bars.map(|b| b.drawing).as_deref(), Some("<rect></rect>"));
    // An amount's no-break space, as the browser writes it, in the file as the character.
    let amount = page_chart("<svg viewBox=\"0 0 10 10\"><text class=\"tick\">4,03&nbsp;triệu&nbsp;US$</text></svg>");
    assert_eq!(amount.map(|c| c.drawing).as_deref(), Some("<text class=\"tick\">4,03\u{a0}triệu\u{a0}US$</text>"));
    assert_eq!(page_chart("<svg viewBox=\"0 0 1\"></svg>"), None);
    assert_eq!(page_chart("<div></div>"), None);
}

#[test]
fn it_keys_numbered_labels_without_breaking_an_item() {
    let items = [("1".to_string(), "Colocation pays back".to_string()), ("2".to_string(), "GPU life ends".to_string())];
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
        legend: vec![("mining".into(), "Top bar: mining".into()), ("colo".into(), "Bottom bar: AI colocation".into())],
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
