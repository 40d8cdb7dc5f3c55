//! The sample article against its hand-written gold timeline (tests/gold/seed.json).

use serde_json::Value;
use tarikh::{AnchorBasis, Options, Source, extract_sources};

fn gold() -> Value {
    serde_json::from_str(include_str!("gold/seed.json")).expect("gold parses")
}

fn timeline() -> tarikh::Timeline {
    let text = include_str!("../seeds/000_73557a6d03bb16b7.txt");
    extract_sources(
        vec![Source {
            id: "seed".into(),
            path: None,
            text: text.into(),
        }],
        &Options::default(),
    )
}

#[test]
fn the_bundled_sample_is_the_seed_article() {
    assert_eq!(
        include_str!("../data/sample.txt"),
        include_str!("../seeds/000_73557a6d03bb16b7.txt")
    );
}

#[test]
fn anchor_is_inferred_without_help() {
    let t = timeline();
    let g = gold();
    let anchor = &t.documents[0].anchor;
    assert_eq!(anchor.basis, AnchorBasis::Inferred);
    assert_eq!(
        anchor.date.map(|d| d.to_string()).as_deref(),
        g["anchor"].as_str()
    );
    assert!(anchor.reason.contains("2019"), "{}", anchor.reason);
    assert!(
        anchor.reason.contains("يوم الخميس (6 يناير)"),
        "{}",
        anchor.reason
    );
}

#[test]
fn every_gold_expression_is_an_event_with_its_days_and_value() {
    let t = timeline();
    for exp in gold()["expressions"].as_array().unwrap() {
        let start = exp["byte_start"].as_u64().unwrap() as usize;
        let end = exp["byte_end"].as_u64().unwrap() as usize;
        let e = t
            .events
            .iter()
            .find(|e| e.expression.start == start && e.expression.end == end)
            .unwrap_or_else(|| panic!("no event for {exp}"));
        assert_eq!(e.expression.text, exp["text"].as_str().unwrap());
        assert_eq!(
            e.date.start.unwrap().to_string(),
            exp["start"].as_str().unwrap(),
            "{exp}"
        );
        assert_eq!(
            e.date.end.unwrap().to_string(),
            exp["end"].as_str().unwrap(),
            "{exp}"
        );
        assert_eq!(e.date.value, exp["value"].as_str().unwrap(), "{exp}");
        assert!(!e.date.reason.is_empty());
        assert!(e.sentence.start <= start && end <= e.sentence.end);
    }
}

#[test]
fn no_extra_events_and_the_timeline_is_sorted() {
    let t = timeline();
    let g = gold();
    assert_eq!(t.events.len(), g["expressions"].as_array().unwrap().len());
    let days: Vec<_> = t
        .events
        .iter()
        .map(|e| (e.date.start, e.date.end))
        .collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted);
    // The editor's expected timeline: the same (start, end) multiset.
    let mut expected: Vec<(String, String)> = g["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["start"].as_str().unwrap().into(),
                e["end"].as_str().unwrap().into(),
            )
        })
        .collect();
    expected.sort();
    let mut got: Vec<(String, String)> = t
        .events
        .iter()
        .map(|e| {
            (
                e.date.start.unwrap().to_string(),
                e.date.end.unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(got, expected);
}

#[test]
fn must_not_be_dates_never_become_dates() {
    let t = timeline();
    for word in gold()["must_not_be_dates"].as_array().unwrap() {
        let word = word.as_str().unwrap();
        for m in &t.mentions {
            assert!(
                !m.expression
                    .text
                    .split_whitespace()
                    .any(|w| w.contains(word)),
                "'{word}' became part of {:?}",
                m.expression.text
            );
        }
    }
}

#[test]
fn optional_expressions_are_at_most_mentions() {
    let t = timeline();
    for opt in gold()["optional_expressions"].as_array().unwrap() {
        let opt = opt.as_str().unwrap();
        assert!(
            t.events.iter().all(|e| e.expression.text != opt),
            "'{opt}' must not be an event"
        );
    }
    assert!(
        t.mentions
            .iter()
            .any(|m| m.expression.text == "حتى الآن" && m.kind == tarikh::MentionKind::Present)
    );
}
