//! Every export format parsed back with a real parser and checked against the timeline.

use std::collections::HashSet;
use std::process::Command;

use chrono::NaiveDate;
use tarikh::export::format::Format;
use tarikh::export::words::date_heading;

mod export_checks;
use export_checks::{OUR_ELEMENTS, check_timeml, fragment_elements, fragment_text};
use tarikh::{Options, Source, Timeline, extract_sources};

const SAMPLE: &str = include_str!("../data/sample.txt");

fn sample() -> Timeline {
    extract_sources(
        vec![Source {
            id: "sample".into(),
            path: Some("data/sample.txt".into()),
            text: SAMPLE.into(),
        }],
        &Options::default(),
    )
}

/// Two reports of the same story plus an unrelated article.
fn merged() -> Timeline {
    let a = "أعلن الرئيس قاسم جومارت توكاييف يوم الأربعاء 5 يناير 2022 أن عصابات إرهابية تقود المظاهرات في البلاد.";
    let b = "وأكد قاسم جومارت توكاييف يوم الأربعاء 5 يناير 2022 أن العصابات الإرهابية تقود المظاهرات في البلاد.";
    let c = "افتتح المعرض الدولي للكتاب يوم الأربعاء 5 يناير 2022 في القاهرة بمشاركة واسعة.";
    let src = |id: &str, text: &str| Source {
        id: id.into(),
        path: None,
        text: text.into(),
    };
    extract_sources(
        vec![src("reuters", a), src("afp", b), src("ahram", c)],
        &Options {
            today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            ..Options::default()
        },
    )
}

#[test]
fn json_and_jsonl_parse_back_to_the_same_events() {
    let t = sample();
    let v: serde_json::Value = serde_json::from_str(&Format::Json.render(&t)).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), t.events.len());
    let lines: Vec<serde_json::Value> = Format::Jsonl
        .render(&t)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), t.events.len());
    for (l, e) in lines.iter().zip(&t.events) {
        assert_eq!(l["id"], e.id.as_str());
        assert_eq!(l["date"]["start"], e.date.start.unwrap().to_string());
    }
}

#[test]
fn csv_opens_as_one_row_per_event_with_arabic_intact() {
    let t = sample();
    let text = Format::Csv.render(&t);
    assert!(
        text.starts_with('\u{FEFF}'),
        "a BOM tells spreadsheets it is UTF-8"
    );
    assert!(text.contains("\r\n"));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = r
        .headers()
        .unwrap()
        .iter()
        .map(|h| h.trim_start_matches('\u{FEFF}').to_string())
        .collect();
    assert_eq!(headers, tarikh::export::csv::COLUMNS);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), t.events.len());
    for (row, e) in rows.iter().zip(&t.events) {
        assert_eq!(&row[col("start")], e.date.start.unwrap().to_string());
        assert_eq!(&row[col("end")], e.date.end.unwrap().to_string());
        assert_eq!(&row[col("value")], e.date.value);
        assert_eq!(&row[col("expression")], e.expression.text);
        assert_eq!(&row[col("sentence")], e.sentence.text);
        assert_eq!(&row[col("document")], e.document);
        assert_eq!(&row[col("uncertain")], e.date.uncertain.to_string());
        assert_eq!(&row[col("reason")], e.date.reason);
        let modifier = serde_json::to_value(e.date.modifier).unwrap();
        assert_eq!(&row[col("modifier")], modifier.as_str().unwrap_or(""));
        assert_eq!(&row[col("review_status")], "unreviewed");
    }
    let midweek = rows
        .iter()
        .find(|r| &r[col("expression")] == "منتصف الأسبوع")
        .unwrap();
    assert_eq!(&midweek[col("modifier")], "mid");
    assert_eq!(&midweek[col("approximate")], "true");
}

#[test]
fn csv_defuses_cells_a_spreadsheet_would_run_without_showing_a_mark() {
    let t = extract_sources(
        vec![Source {
            id: "=cmd".into(),
            path: None,
            text: "=HYPERLINK(\"x\") وقع ذلك يوم 5 يناير 2022.".into(),
        }],
        &Options::default(),
    );
    let text = Format::Csv.render(&t);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let row = r.records().next().unwrap().unwrap();
    let defuse = tarikh::export::csv::DEFUSE;
    let col = |name: &str| {
        tarikh::export::csv::COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap()
    };
    let sentence = &row[col("sentence")];
    assert!(sentence.starts_with(defuse), "{sentence}");
    assert_eq!(
        sentence.trim_start_matches(defuse),
        t.events[0].sentence.text
    );
    assert!(
        !sentence.contains('\''),
        "no visible apostrophe: {sentence}"
    );
    assert_eq!(&row[col("document")], format!("{defuse}=cmd"));
}

/// TimelineJS's documented date object: a numeric year, month 1–12, day 1–31 only with a
/// month, optional hour/minute/display_date.
fn check_tl_date(d: &serde_json::Value) {
    assert!(d["year"].is_i64(), "year is required and numeric: {d}");
    if let Some(m) = d["month"].as_u64() {
        assert!((1..=12).contains(&m));
    }
    if let Some(day) = d["day"].as_u64() {
        assert!((1..=31).contains(&day));
        assert!(d["month"].is_u64(), "a day needs its month");
    }
    for k in d.as_object().unwrap().keys() {
        assert!(
            [
                "year",
                "month",
                "day",
                "hour",
                "minute",
                "second",
                "millisecond",
                "display_date"
            ]
            .contains(&k.as_str()),
            "{k} is not a TimelineJS date field"
        );
    }
}

#[test]
fn timelinejs_has_the_structure_timelinejs_documents() {
    let t = sample();
    let raw = Format::Timelinejs.render(&t);
    assert!(
        !raw.contains('<'),
        "no raw < so the JSON can sit in a <script>"
    );
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let title = &v["title"];
    let headline = title["text"]["headline"].as_str().unwrap();
    assert!(fragment_text(headline).contains("الاحتجاجات"));
    assert!(
        fragment_text(title["text"]["text"].as_str().unwrap()).contains("Thursday 6 January 2022")
    );
    let events = v["events"].as_array().unwrap();
    // The 1989–2019 span is an era, not a slide: the axis opens at the story's days.
    assert_eq!(events.len(), t.events.len() - 1);
    let eras = v["eras"].as_array().unwrap();
    assert_eq!(eras.len(), 1);
    assert_eq!(eras[0]["start_date"]["year"], 1989);
    assert_eq!(eras[0]["end_date"]["year"], 2019);
    assert!(fragment_text(title["text"]["text"].as_str().unwrap()).contains("من 1989 إلى 2019"));
    let years: HashSet<i64> = events
        .iter()
        .map(|s| s["start_date"]["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, HashSet::from([2022]));
    let mut ids = HashSet::new();
    for s in events {
        let id = s["unique_id"].as_str().unwrap();
        assert!(ids.insert(id.to_string()), "unique ids");
        let e = t.events.iter().find(|e| e.id == id).unwrap();
        check_tl_date(&s["start_date"]);
        if s["end_date"].is_object() {
            check_tl_date(&s["end_date"]);
        }
        assert_eq!(s["end_date"].is_object(), e.date.start != e.date.end, "{s}");
        assert!(s.get("group").is_none(), "one article needs no group row");
        // The resolved date in words beside the article's phrase.
        let display = fragment_text(s["display_date"].as_str().unwrap());
        assert!(display.contains(&date_heading(&e.date)), "{display}");
        assert!(display.contains(&e.expression.text), "{display}");
        // The headline starts the sentence and the text carries on: nothing twice.
        let head = fragment_text(s["text"]["headline"].as_str().unwrap());
        let body = fragment_text(s["text"]["text"].as_str().unwrap());
        let head_words = head.trim_end_matches('…');
        assert!(e.sentence.text.starts_with(head_words), "{head}");
        assert!(
            !body.contains(head_words),
            "the body repeats the headline: {body}"
        );
        let rest = body.split("How:").next().unwrap().trim_start_matches('…');
        assert_eq!(
            format!("{head_words} {rest}").trim(),
            e.sentence.text.trim(),
            "{s}"
        );
        assert!(body.contains(&e.date.reason));
        assert!(
            head.contains(&e.expression.text) || body.contains(&e.expression.text),
            "the expression is never split between headline and text: {s}"
        );
        // Every piece says its direction.
        for html in [
            &s["text"]["headline"],
            &s["text"]["text"],
            &s["display_date"],
        ] {
            let html = html.as_str().unwrap();
            assert!(
                html.starts_with("<span dir=") || html.starts_with("<p dir="),
                "{html}"
            );
        }
        let elements = fragment_elements(s["text"]["headline"].as_str().unwrap());
        assert!(
            elements
                .iter()
                .all(|n| ["span", "mark"].contains(&n.as_str()))
        );
    }
    let night = events
        .iter()
        .find(|s| {
            fragment_text(s["display_date"].as_str().unwrap()).contains("ليل الأربعاء حتى الخميس")
        })
        .unwrap();
    assert_eq!(night["start_date"]["day"], 5);
    assert_eq!(night["end_date"]["day"], 6);
}

#[test]
fn timelinejs_titles_a_merge_with_every_article() {
    let v: serde_json::Value = serde_json::from_str(&Format::Timelinejs.render(&merged())).unwrap();
    let title = fragment_text(v["title"]["text"]["headline"].as_str().unwrap());
    assert_eq!(title, "Timeline of 3 articles");
    let groups: HashSet<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["group"].as_str().unwrap())
        .collect();
    assert_eq!(groups, HashSet::from(["reuters", "afp", "ahram"]));
    let text = fragment_text(v["title"]["text"]["text"].as_str().unwrap());
    for id in ["reuters", "afp", "ahram"] {
        assert!(text.contains(id), "{text}");
    }
    assert!(text.contains("افتتح المعرض"), "{text}");
}

#[test]
fn timeml_is_well_formed_and_its_text_is_the_article() {
    let t = sample();
    let xml = Format::Timeml.render(&t);
    let consuming = check_timeml(&xml);
    assert_eq!(consuming, t.mentions.len());
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "TimeML");
    let dct = root
        .descendants()
        .find(|n| n.has_tag_name("DCT"))
        .unwrap()
        .first_element_child()
        .unwrap();
    assert_eq!(dct.attribute("value"), Some("2022-01-06"));
    assert_eq!(dct.attribute("tid"), Some("t0"));
    let text = root.children().find(|n| n.has_tag_name("TEXT")).unwrap();
    let plain: String = text
        .descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap())
        .collect();
    assert_eq!(plain, SAMPLE);
    let timex = |text: &str| {
        text_timexes(&text_node(&doc))
            .into_iter()
            .find(|(t, _)| t == text)
            .unwrap_or_else(|| panic!("{text}"))
            .1
    };
    let night = timex("ليل الأربعاء حتى الخميس");
    assert_eq!(night["type"], "TIME", "a night is a TIME, as a morning is");
    assert_eq!(night["value"], "2022-01-05TNI");
    assert_eq!(night["temporalFunction"], "true");
    assert_eq!(night["anchorTimeID"], "t0");
    let midweek = timex("منتصف الأسبوع");
    assert_eq!(midweek["mod"], "MID");
    let range = timex("من 1989 إلى 2019");
    assert_eq!(range["type"], "DURATION");
    assert_eq!(range["value"], "P31Y");
    assert_eq!(range["temporalFunction"], "false");
    let point = |tid: &str| {
        doc.descendants()
            .find(|n| n.attribute("tid") == Some(tid))
            .unwrap()
            .attribute("value")
            .unwrap()
    };
    assert_eq!(point(&range["beginPoint"]), "1989");
    assert_eq!(point(&range["endPoint"]), "2019");
    assert_eq!(timex("الآن")["value"], "PRESENT_REF");
    assert_eq!(timex("الآن")["anchorTimeID"], "t0");
}

fn text_node<'a>(doc: &'a roxmltree::Document<'a>) -> roxmltree::Node<'a, 'a> {
    doc.descendants().find(|n| n.has_tag_name("TEXT")).unwrap()
}

/// Each consuming TIMEX3 of a TEXT: its text and attributes.
fn text_timexes(
    text: &roxmltree::Node,
) -> Vec<(String, std::collections::HashMap<String, String>)> {
    text.descendants()
        .filter(|n| n.has_tag_name("TIMEX3") && n.text().is_some())
        .map(|n| {
            (
                n.text().unwrap().to_string(),
                n.attributes()
                    .map(|a| (a.name().to_string(), a.value().to_string()))
                    .collect(),
            )
        })
        .collect()
}

/// Every sentence of the hand-written corpora as one document.
fn corpus_timeline(anchor: Option<NaiveDate>) -> Timeline {
    let mut text = String::new();
    let mut files: Vec<_> = std::fs::read_dir("src/lang/ar/corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    for file in files {
        let corpus = std::fs::read_to_string(file).unwrap();
        for line in corpus
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with('@'))
        {
            text.push_str(line.split('\t').next().unwrap_or(""));
            text.push('\n');
        }
    }
    extract_sources(
        vec![Source {
            id: "corpus".into(),
            path: None,
            text,
        }],
        &Options {
            anchor,
            ..Options::default()
        },
    )
}

#[test]
fn timeml_of_every_corpus_form_follows_the_timex3_rules() {
    for anchor in [NaiveDate::from_ymd_opt(2022, 1, 6), None] {
        let t = corpus_timeline(anchor);
        let consuming = check_timeml(&Format::Timeml.render(&t));
        assert_eq!(consuming, t.mentions.len());
        assert!(consuming > 500, "{consuming}");
    }
}

#[test]
fn timeml_merges_keep_ids_unique_and_each_document_standard() {
    let t = merged();
    let xml = Format::Timeml.render(&t);
    check_timeml(&xml);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "TimeMLCorpus");
    assert_eq!(
        doc.root_element()
            .children()
            .filter(|n| n.has_tag_name("TimeML"))
            .count(),
        3
    );
    // Each TIMEX3 anchored to its own document's DCT.
    for d in doc.descendants().filter(|n| n.has_tag_name("TimeML")) {
        let dct = d
            .descendants()
            .find(|n| n.has_tag_name("DCT"))
            .and_then(|n| n.first_element_child())
            .unwrap()
            .attribute("tid")
            .unwrap();
        for x in d.descendants().filter(|n| n.has_attribute("anchorTimeID")) {
            assert_eq!(x.attribute("anchorTimeID"), Some(dct));
        }
    }
    // One standalone file per document, ids from t0 in each.
    let files = tarikh::export::timeml::render_documents(&t);
    assert_eq!(files.len(), 3);
    for (id, xml) in files {
        check_timeml(&xml);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        assert_eq!(doc.root_element().tag_name().name(), "TimeML");
        assert!(xml.contains(&format!("<DOCID>{id}</DOCID>")));
        assert!(xml.contains("tid=\"t0\""));
    }
    let d = extract_sources(
        vec![Source {
            id: "d".into(),
            path: None,
            text: "استمرت المفاوضات لمدة ثلاثة أيام & انتهت <أمس>.".into(),
        }],
        &Options::default(),
    );
    let xml = Format::Timeml.render(&d);
    check_timeml(&xml);
    let doc = roxmltree::Document::parse(&xml).expect("escaped & and <");
    let kinds: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("TIMEX3"))
        .map(|n| (n.attribute("type").unwrap(), n.attribute("value").unwrap()))
        .collect();
    assert_eq!(kinds, vec![("DURATION", "P3D"), ("DATE", "XXXX-XX-XX")]);
}

#[test]
fn timeml_to_a_directory_writes_one_file_per_document() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("a", "وصل الوفد أمس."), ("b", "غادر الوفد اليوم.")]
    {
        std::fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
    }
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args([
            "extract",
            "--format",
            "timeml",
            "--anchor",
            "2022-01-06",
            "-o",
        ])
        .arg(&out)
        .arg(dir.path().join("a.txt"))
        .arg(dir.path().join("b.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    for name in ["a", "b"] {
        let xml = std::fs::read_to_string(out.join(format!("{name}.tml"))).unwrap();
        assert_eq!(check_timeml(&xml), 1);
    }
}

#[test]
fn markdown_parses_to_one_item_per_event_with_arabic_blocks_right_to_left() {
    let t = sample();
    let md = Format::Md.render(&t);
    assert!(md.contains("- sample.txt: dated Thursday 6 January 2022"));
    check_markdown(&t, &md);
    // Every form of the corpora: each expression still comes out bold.
    let corpus = corpus_timeline(NaiveDate::from_ymd_opt(2022, 1, 6));
    check_markdown(&corpus, &Format::Md.render(&corpus));
}

/// Reads the chronology with a CommonMark parser: one item per event, each expression bold in
/// its line and in its quoted sentence, and no HTML but our direction blocks.
fn check_markdown(t: &Timeline, md: &str) {
    use pulldown_cmark::{Event as Md, Parser, Tag, TagEnd};
    let mut items = 0;
    let mut strong = Vec::new();
    let mut in_strong = false;
    let mut html = Vec::new();
    for ev in Parser::new(md) {
        match ev {
            Md::Start(Tag::Item) => items += 1,
            Md::Start(Tag::Strong) => {
                in_strong = true;
                strong.push(String::new());
            }
            Md::End(TagEnd::Strong) => in_strong = false,
            Md::Text(s) if in_strong => strong.last_mut().unwrap().push_str(&s),
            Md::Html(s) | Md::InlineHtml(s) => html.push(s.trim().to_string()),
            _ => {}
        }
    }
    // The header lists the document; then one item per event.
    assert_eq!(items, t.events.len() + t.documents.len() + t.warnings.len());
    // Each event's expression is bold twice: in its line and inside its quoted sentence.
    for e in &t.events {
        assert!(
            strong.iter().filter(|s| **s == e.expression.text).count() >= 2,
            "{}",
            e.expression.text
        );
    }
    let days: HashSet<String> = t.events.iter().map(|e| date_heading(&e.date)).collect();
    let blocks = html.iter().filter(|h| *h == "<div dir=\"rtl\">").count();
    assert!(
        blocks >= days.len(),
        "a right-to-left block per day: {html:?}"
    );
    assert!(
        html.iter().all(|h| h.starts_with("<div dir=\"rtl\">")
            || h == "</div>"
            || h.starts_with("<span dir=")
            || h == "</span>"),
        "{html:?}"
    );
}

#[test]
fn html_page_is_one_self_contained_well_formed_file() {
    let t = sample();
    let page = Format::Html.render(&t);
    let doc = roxmltree::Document::parse_with_options(
        &page,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the page is well-formed");
    let root = doc.root_element();
    assert_eq!(root.attribute("dir"), Some("rtl"));
    assert_eq!(root.attribute("lang"), Some("ar"));
    // Nothing from the network: no src, no stylesheet link, a CSP that forbids fetching.
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert!(n.attribute("src").is_none(), "{:?}", n.tag_name());
        assert!(!n.has_tag_name("link") && !n.has_tag_name("img") && !n.has_tag_name("iframe"));
        if let Some(href) = n.attribute("href") {
            assert!(href.starts_with('#'), "only links within the page: {href}");
        }
        assert!(
            OUR_ELEMENTS.contains(&n.tag_name().name()),
            "{:?}",
            n.tag_name()
        );
    }
    assert!(page.contains("default-src 'none'"));
    assert!(!page.contains("@import") && !page.contains("url("));
    let cards: Vec<_> = doc
        .descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("event "))
        })
        .collect();
    assert_eq!(cards.len(), t.events.len());
    for (card, e) in cards.iter().zip(&t.events) {
        let text: String = card
            .descendants()
            .filter(|n| n.is_text())
            .map(|n| n.text().unwrap())
            .collect();
        assert!(text.contains(&date_heading(&e.date)), "{text}");
        assert!(text.contains(&e.expression.text));
        assert!(text.contains(&e.date.reason));
        assert!(text.contains("Review: not reviewed"));
        assert_eq!(text.contains("uncertain"), e.date.uncertain, "{text}");
        assert_eq!(text.contains("approximate"), e.date.approximate, "{text}");
        let mark = card.descendants().find(|n| n.has_tag_name("mark")).unwrap();
        assert_eq!(mark.text(), Some(e.expression.text.as_str()));
        assert_eq!(card.attribute("data-status"), Some("unreviewed"));
        // An axis mark links to every card.
        let id = card.attribute("id").unwrap();
        assert!(
            doc.descendants()
                .any(|n| n.attribute("href") == Some(&format!("#{id}")))
        );
    }
    // The axis: the story's week to a day's scale, 1989–2019 behind a break.
    let breaks = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("break"))
        .count();
    assert_eq!(breaks, 1);
    let days: Vec<_> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("time")
                && n.parent().is_some_and(|p| {
                    p.parent()
                        .is_some_and(|l| l.attribute("class") == Some("days"))
                })
        })
        .map(|n| n.attribute("datetime").unwrap())
        .collect();
    assert_eq!(days.first(), Some(&"2022-01-01"));
    assert_eq!(days.last(), Some(&"2022-01-06"));
}

#[test]
fn reports_of_one_story_are_grouped_and_others_are_not() {
    let t = merged();
    assert_eq!(t.events.len(), 3);
    let group = |doc: &str| {
        t.events
            .iter()
            .find(|e| e.document == doc)
            .unwrap()
            .group
            .clone()
    };
    assert!(group("reuters").is_some());
    assert_eq!(group("reuters"), group("afp"));
    assert_eq!(group("ahram"), None);
    let v: serde_json::Value = serde_json::from_str(&Format::Json.render(&t)).unwrap();
    assert!(
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e.get("group").is_some())
            .count()
            == 2
    );
}

#[test]
fn streaming_from_stdin_writes_events_per_document() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["extract", "--format", "jsonl", "--input-jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        for i in 0..50 {
            writeln!(
                stdin,
                "{}",
                serde_json::json!({"id": format!("d{i}"), "text": "وصل الوفد أمس وغادر اليوم.", "anchor": "2022-01-06"})
            )
            .unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 100);
    assert_eq!(lines[0]["document"], "d0");
    assert_eq!(lines[99]["document"], "d49");
    assert!(
        out.stderr.is_empty(),
        "no progress line when stderr is not a terminal"
    );
}

#[test]
fn extract_writes_every_format_from_the_command_line() {
    for (format, check) in [
        ("csv", "\u{FEFF}start,"),
        ("timelinejs", "\"events\""),
        ("timeml", "<TimeML "),
        ("html", "<!DOCTYPE html>"),
        ("md", "# Timeline"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .args(["extract", "--format", format, "data/sample.txt"])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(
            String::from_utf8(out.stdout).unwrap().contains(check),
            "{format}"
        );
    }
}

#[test]
fn csv_shows_control_characters_instead_of_passing_them_on() {
    let t = extract_sources(
        vec![Source {
            id: "x".into(),
            path: None,
            text: "وقع ذلك \u{1b}]0;pwned\u{7} يوم 5 يناير 2022 \u{9b}31m.".into(),
        }],
        &Options::default(),
    );
    let text = Format::Csv.render(&t);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{9b}') && !text.contains('\u{7}'));
    assert!(text.contains("\\u{1b}"), "{text}");
}

#[test]
fn the_viewer_offers_every_format_of_the_table() {
    // (The export prompt itself lists its formats from the same table.)
    use tarikh::export::format::FORMATS;
    let help = tarikh::tui::keymap::KEYMAP
        .iter()
        .find(|b| b.keys == ["x"])
        .unwrap()
        .help;
    for f in &FORMATS {
        assert!(help.contains(f.name), "{}", f.name);
        assert_eq!(Format::from_name(f.name), Some(f.format));
    }
}

#[test]
fn html_page_without_a_date_or_an_anchor_still_reads() {
    for text in ["لا تاريخ في هذا النص.", "وصل الوفد أمس."] {
        let t = extract_sources(
            vec![Source {
                id: "x".into(),
                path: None,
                text: text.into(),
            }],
            &Options::default(),
        );
        let page = Format::Html.render(&t);
        roxmltree::Document::parse_with_options(
            &page,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            },
        )
        .expect("well-formed");
        if t.events.is_empty() {
            assert!(page.contains("No dated event was found."));
            assert!(!page.contains("class=\"axis\""), "no axis without dates");
        } else {
            assert!(page.contains("unresolved (XXXX-XX-XX)"), "{page}");
            assert!(page.contains("date unknown"));
        }
    }
}

#[test]
fn the_viewer_exports_the_html_page_beside_the_article() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use tarikh::tui::app::{App, settle, update};
    use tarikh::tui::{BidiMode, Config};
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, "وصل الوفد يوم 5 يناير 2022 إلى عمان.").unwrap();
    let t = extract_sources(
        vec![Source {
            id: "story".into(),
            path: Some(article.display().to_string()),
            text: std::fs::read_to_string(&article).unwrap(),
        }],
        &Options::default(),
    );
    let config = Config {
        bidi: BidiMode::App,
        mouse: false,
        kitty: false,
        color: false,
    };
    let mut app = App::new(t, config, (100, 30));
    let mut key = |code| {
        if let Some(a) = app.action_for_key(&KeyEvent::new(code, KeyModifiers::NONE)) {
            update(&mut app, a);
            settle(&mut app);
        }
    };
    key(KeyCode::Char('x'));
    // The prompt starts with "md", selected: the first key typed replaces it.
    for c in "html".chars() {
        key(KeyCode::Char(c));
    }
    key(KeyCode::Enter);
    let page = std::fs::read_to_string(dir.path().join("story.timeline.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<mark>يوم 5 يناير 2022</mark>"), "{page}");
}

#[test]
fn timeml_anchors_a_date_counted_from_the_one_before_it_to_that_one() {
    let t = extract_sources(
        vec![Source {
            id: "d".into(),
            path: None,
            text: "وصل الوفد يوم 3 يناير 2022 وبعد يومين من ذلك غادر.".into(),
        }],
        &Options {
            anchor: NaiveDate::from_ymd_opt(2022, 1, 6),
            ..Options::default()
        },
    );
    let xml = Format::Timeml.render(&t);
    check_timeml(&xml);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let timexes = text_timexes(&text_node(&doc));
    assert_eq!(timexes.len(), 2, "{xml}");
    let (first, second) = (&timexes[0].1, &timexes[1].1);
    assert_eq!(first["temporalFunction"], "false", "written in full");
    assert_eq!(second["value"], "2022-01-05");
    assert_eq!(second["temporalFunction"], "true");
    assert_eq!(second["anchorTimeID"], first["tid"], "{xml}");
}

#[test]
fn the_html_pages_script_hash_matches_its_script() {
    use tarikh::export::html::SCRIPT_SHA256;
    let page = Format::Html.render(&sample());
    let script = page
        .split("<script>")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .unwrap();
    let mut child = Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("sha256sum (coreutils) runs");
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(script.as_bytes())
            .unwrap();
    }
    let out = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    let hex = out.split_whitespace().next().unwrap();
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let hash = base64(&bytes);
    assert_eq!(
        hash, SCRIPT_SHA256,
        "the page's script changed: set html::SCRIPT_SHA256 to {hash}"
    );
    assert!(page.contains(&format!("script-src 'sha256-{hash}'")));
}

/// Standard base64 with padding (for the CSP hash check).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn the_html_page_and_timelinejs_of_every_corpus_form_read_back() {
    let t = corpus_timeline(NaiveDate::from_ymd_opt(2022, 1, 6));
    let page = Format::Html.render(&t);
    let doc = roxmltree::Document::parse_with_options(
        &page,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("well-formed");
    let cards = doc
        .descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("event "))
        })
        .count();
    assert_eq!(cards, t.events.len());
    let v: serde_json::Value =
        serde_json::from_str(&Format::Timelinejs.render(&t)).expect("TimelineJS JSON");
    let slides = v["events"].as_array().unwrap();
    let eras = v["eras"].as_array().map_or(0, Vec::len);
    // TimelineJS needs a year: events left unresolved (a civil day of no known country) are
    // left out, every other one is a slide or an era.
    let resolved = t.events.iter().filter(|e| e.date.start.is_some()).count();
    assert!(resolved > 500, "{resolved}");
    assert_eq!(slides.len() + eras, resolved);
    for s in slides {
        check_tl_date(&s["start_date"]);
        for f in [
            &s["text"]["headline"],
            &s["text"]["text"],
            &s["display_date"],
        ] {
            fragment_elements(f.as_str().unwrap());
        }
    }
}
