//! Every export format parsed back with a real parser and checked against the timeline.

use std::collections::HashSet;
use std::process::Command;

use chrono::NaiveDate;
use tarikh::timeline::format::Format;
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
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(headers[0].trim_start_matches('\u{FEFF}'), "start");
    assert!(
        headers.contains(&"review_status".to_string()) && headers.contains(&"note".to_string())
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), t.events.len());
    for (row, e) in rows.iter().zip(&t.events) {
        assert_eq!(&row[0], e.date.start.unwrap().to_string());
        assert_eq!(&row[1], e.date.end.unwrap().to_string());
        assert_eq!(&row[2], e.date.value);
        assert_eq!(&row[5], e.expression.text);
        assert_eq!(&row[6], e.sentence.text);
        assert_eq!(&row[8], e.document);
    }
}

#[test]
fn csv_defuses_cells_a_spreadsheet_would_run() {
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
    assert!(row[6].starts_with("'="), "{}", &row[6]);
    assert_eq!(&row[8], "'=cmd");
}

#[test]
fn timelinejs_has_the_structure_timelinejs_documents() {
    let t = sample();
    let v: serde_json::Value = serde_json::from_str(&Format::Timelinejs.render(&t)).unwrap();
    let title = &v["title"];
    assert!(
        title["text"]["headline"]
            .as_str()
            .unwrap()
            .contains("الاحتجاجات")
    );
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), t.events.len());
    let mut ids = HashSet::new();
    for (s, e) in events.iter().zip(&t.events) {
        assert!(
            ids.insert(s["unique_id"].as_str().unwrap().to_string()),
            "unique ids"
        );
        let start = &s["start_date"];
        assert!(start["year"].is_i64(), "year is required and numeric: {s}");
        if let Some(m) = start["month"].as_u64() {
            assert!((1..=12).contains(&m));
        }
        if let Some(d) = start["day"].as_u64() {
            assert!((1..=31).contains(&d));
            assert!(start["month"].is_u64(), "a day needs its month");
        }
        assert_eq!(s["text"]["headline"], e.label.as_str());
        assert_eq!(s["text"]["text"], e.sentence.text.as_str());
        assert_eq!(s["group"], "sample");
        assert_eq!(s["display_date"], e.expression.text.as_str());
        assert_eq!(s["end_date"].is_object(), e.date.start != e.date.end, "{s}");
    }
    let night = events
        .iter()
        .find(|s| s["display_date"] == "ليل الأربعاء حتى الخميس")
        .unwrap();
    assert_eq!(night["start_date"]["day"], 5);
    assert_eq!(night["end_date"]["day"], 6);
    let range = events
        .iter()
        .find(|s| s["display_date"] == "من 1989 إلى 2019")
        .unwrap();
    assert_eq!(range["start_date"]["year"], 1989);
    assert!(
        range["start_date"]["month"].is_null(),
        "a year range has no month"
    );
}

#[test]
fn timeml_is_well_formed_and_its_text_is_the_article() {
    let t = sample();
    let xml = Format::Timeml.render(&t);
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
    assert_eq!(dct.attribute("functionInDocument"), Some("CREATION_TIME"));
    let text = root.children().find(|n| n.has_tag_name("TEXT")).unwrap();
    let plain: String = text
        .descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap())
        .collect();
    assert_eq!(plain, SAMPLE);
    let timexes: Vec<_> = text
        .descendants()
        .filter(|n| n.has_tag_name("TIMEX3"))
        .collect();
    assert_eq!(timexes.len(), t.mentions.len());
    let tids: HashSet<_> = timexes
        .iter()
        .map(|n| n.attribute("tid").unwrap())
        .collect();
    assert_eq!(tids.len(), timexes.len());
    assert!(
        timexes
            .iter()
            .any(|n| n.attribute("value") == Some("PRESENT_REF"))
    );
    assert!(
        timexes
            .iter()
            .any(|n| n.attribute("value") == Some("2022-01-05TNI"))
    );
}

#[test]
fn timeml_keeps_durations_and_several_documents_stay_well_formed() {
    let t = merged();
    let xml = Format::Timeml.render(&t);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "TimeMLCorpus");
    assert_eq!(
        doc.root_element()
            .children()
            .filter(|n| n.has_tag_name("TimeML"))
            .count(),
        3
    );
    let d = extract_sources(
        vec![Source {
            id: "d".into(),
            path: None,
            text: "استمرت المفاوضات لمدة ثلاثة أيام & انتهت <أمس>.".into(),
        }],
        &Options::default(),
    );
    let xml = Format::Timeml.render(&d);
    let doc = roxmltree::Document::parse(&xml).expect("escaped & and <");
    let kinds: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("TIMEX3"))
        .map(|n| (n.attribute("type").unwrap(), n.attribute("value").unwrap()))
        .collect();
    assert_eq!(kinds, vec![("DURATION", "P3D"), ("DATE", "XXXX-XX-XX")]);
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
        ("timeml", "<TimeML>"),
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
