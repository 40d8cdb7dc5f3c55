//! A hostile article through every export format: HTML and `</script>`, Markdown syntax, bidi
//! overrides and isolates, spreadsheet formulas, XML and comment delimiters. Each format is
//! read back with a real parser, and the article must change nothing but text: no element,
//! formula, heading or reordering of its own. The loop runs over the format table, and the
//! `match` has no catch-all, so a new format cannot be added without its hostile check.

use tarikh::Timeline;
use tarikh::export::csv::{COLUMNS, DEFUSE};
use tarikh::export::escape::visible_controls;
use tarikh::export::format::{FORMATS, Format};

mod export_checks;
use export_checks::{
    HOSTILE, OUR_ELEMENTS, check_timeml, fragment_elements, fragment_text, has_bidi_control,
    hostile,
};

fn check_json(t: &Timeline, out: &str) {
    let v: serde_json::Value = serde_json::from_str(out).unwrap();
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), t.events.len());
    for (j, e) in events.iter().zip(&t.events) {
        // JSON is data: the text comes back exactly, for the reader to escape where it shows it.
        assert_eq!(j["sentence"]["text"], e.sentence.text.as_str());
        assert_eq!(j["expression"]["text"], e.expression.text.as_str());
    }
}

fn check_jsonl(t: &Timeline, out: &str) {
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), t.events.len());
    for (j, e) in lines.iter().zip(&t.events) {
        assert_eq!(j["sentence"]["text"], e.sentence.text.as_str());
    }
}

fn check_md(t: &Timeline, out: &str) {
    use pulldown_cmark::{Event as Md, Parser, Tag};
    assert!(!has_bidi_control(out));
    let mut items = 0;
    let mut headings = 0;
    let mut text = String::new();
    for ev in Parser::new(out) {
        match ev {
            Md::Start(Tag::Item) => items += 1,
            Md::Start(Tag::Heading { .. }) => headings += 1,
            Md::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => {
                panic!("the article made Markdown syntax: {ev:?}")
            }
            Md::Code(c) => panic!("the article made code: {c}"),
            Md::Html(h) | Md::InlineHtml(h) => {
                let h = h.trim();
                assert!(
                    h.starts_with("<div dir=")
                        || h.starts_with("<span dir=")
                        || h == "</div>"
                        || h == "</span>",
                    "HTML from the article: {h}"
                );
            }
            Md::Text(s) => text.push_str(&s),
            _ => {}
        }
    }
    let days: std::collections::HashSet<String> = t
        .events
        .iter()
        .map(|e| tarikh::export::words::date_heading(&e.date))
        .collect();
    assert_eq!(
        headings,
        1 + days.len(),
        "only the title and one heading per day"
    );
    assert_eq!(
        items,
        t.documents.len() + t.warnings.len() + t.events.len(),
        "no list made by the article"
    );
    for shown in [
        "<script>document.title='pwned'</script>",
        "<b>عاجل</b>",
        "[رابط](http://x)",
        "`code`",
        "# عنوان",
    ] {
        assert!(text.contains(shown), "{shown} is not shown as text");
    }
    assert!(
        text.contains("\\u{202e}مقلوب"),
        "the override is shown, not obeyed"
    );
}

fn check_csv(t: &Timeline, out: &str) {
    assert!(!has_bidi_control(out));
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), t.events.len());
    for (row, e) in rows.iter().zip(&t.events) {
        for cell in row.iter() {
            assert!(
                !matches!(cell.chars().next(), Some('=' | '+' | '@')),
                "a cell a spreadsheet would run: {cell}"
            );
            assert!(!cell.starts_with("-1"), "{cell}");
        }
        let sentence = &row[col("sentence")];
        assert_eq!(
            sentence.trim_start_matches(DEFUSE),
            visible_controls(&e.sentence.text)
        );
        assert_eq!(row[col("document")].trim_start_matches(DEFUSE), e.document);
    }
}

fn check_html(t: &Timeline, out: &str) {
    assert!(!has_bidi_control(out));
    let doc = roxmltree::Document::parse_with_options(
        out,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("well-formed");
    let elements: Vec<_> = doc.descendants().filter(|n| n.is_element()).collect();
    for n in &elements {
        assert!(
            OUR_ELEMENTS.contains(&n.tag_name().name()),
            "{:?}",
            n.tag_name()
        );
        assert!(n.attribute("onerror").is_none() && n.attribute("src").is_none());
    }
    assert_eq!(
        elements.iter().filter(|n| n.has_tag_name("script")).count(),
        1
    );
    let b = elements.iter().filter(|n| n.has_tag_name("b")).count();
    assert_eq!(b, t.documents.len(), "only our own <b> (document names)");
    let cards = elements
        .iter()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("event "))
        })
        .count();
    assert_eq!(cards, t.events.len());
    let text: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap())
        .collect();
    assert!(text.contains("<script>document.title='pwned'</script>"));
    assert!(
        text.contains("\u{200E}\\u{202e}\u{200E}مقلوب"),
        "the override is shown, in order"
    );
    assert!(text.contains("=HYPERLINK(\"http://x\",\"y\")"));
}

fn check_timelinejs(t: &Timeline, out: &str) {
    assert!(!out.contains('<'), "a raw < could end an inline <script>");
    assert!(!has_bidi_control(out) && !out.contains("\\u202e"));
    let v: serde_json::Value = serde_json::from_str(out).unwrap();
    let slides = v["events"].as_array().unwrap();
    assert_eq!(slides.len(), t.events.len());
    let mut all = String::new();
    let fragments = slides
        .iter()
        .flat_map(|s| {
            [
                s["text"]["headline"].clone(),
                s["text"]["text"].clone(),
                s["display_date"].clone(),
                s["group"].clone(),
            ]
        })
        .chain([
            v["title"]["text"]["headline"].clone(),
            v["title"]["text"]["text"].clone(),
        ]);
    for f in fragments {
        let f = f.as_str().unwrap();
        for name in fragment_elements(f) {
            assert!(
                ["span", "p", "mark", "bdi"].contains(&name.as_str()),
                "<{name}> from the article"
            );
        }
        all.push_str(&fragment_text(f));
    }
    assert!(all.contains("<script>document.title='pwned'</script>"));
    assert!(all.contains("<b>عاجل</b>"));
    assert!(all.contains("<b>doc</b>"), "the document name too");
}

fn check_tml(t: &Timeline, out: &str) {
    assert!(check_timeml(out) >= t.events.len());
    let doc = roxmltree::Document::parse(out).unwrap();
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert!(
            ["TimeMLCorpus", "TimeML", "DOCID", "DCT", "TIMEX3", "TEXT"]
                .contains(&n.tag_name().name()),
            "{:?}",
            n.tag_name()
        );
    }
    for text in doc.descendants().filter(|n| n.has_tag_name("TEXT")) {
        let plain: String = text
            .descendants()
            .filter(|n| n.is_text())
            .map(|n| n.text().unwrap())
            .collect();
        assert_eq!(plain, HOSTILE, "the article's text, and only text");
    }
}

#[test]
fn a_hostile_article_changes_nothing_but_text_in_every_format() {
    let t = hostile();
    assert!(
        t.events.len() >= 8,
        "four dated sentences in each of two documents"
    );
    for spec in &FORMATS {
        let out = spec.format.render(&t);
        let check = match spec.format {
            Format::Json => check_json,
            Format::Jsonl => check_jsonl,
            Format::Md => check_md,
            Format::Csv => check_csv,
            Format::Html => check_html,
            Format::Timelinejs => check_timelinejs,
            Format::Timeml => check_tml,
        };
        check(&t, &out);
    }
}
