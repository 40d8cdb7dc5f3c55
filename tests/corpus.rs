//! Hand-written sentence corpora (Duckling style): each language keeps one file of examples per
//! part of its grammar beside it (`src/lang/LANG/corpus/PART.tsv`, named at the head of that
//! part), listing sentences with the exact events (expression, first day, last day) they must
//! yield. Many expected dates (Hijri, Easter, weekdays) were checked with Python (datetime,
//! hijridate's Umm al-Qura, dateutil.easter).
//!
//! Format: `@anchor YYYY-MM-DD` and `@prefer past|future` set the context for the lines after
//! them; `# title` starts a group; a case is `SENTENCE<TAB>EVENTS[<TAB>MENTIONS]` where EVENTS is
//! empty (no event at all) or `EXPR => START..END` items joined by ` | ` (optionally ending in
//! ` = VALUE`, the TIMEX3 value that must also match), and MENTIONS lists non-event mentions as
//! `EXPR => present`, `EXPR => duration P3D` or `EXPR => set XXXX-WXX-5`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use tarikh::{MentionKind, Options, Prefer, extract};

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
}

/// One expected event: expression, first day, last day, and the value when the case gives it.
type Expected = (String, String, String, Option<String>);

fn parse_events(field: &str) -> Vec<Expected> {
    field
        .split(" | ")
        .filter(|s| !s.trim().is_empty())
        .map(|item| {
            let (expr, days) = item
                .split_once(" => ")
                .unwrap_or_else(|| panic!("bad item {item:?}"));
            let (days, value) = match days.split_once(" = ") {
                Some((d, v)) => (d, Some(v.trim().to_string())),
                None => (days, None),
            };
            let (a, b) = days
                .trim()
                .split_once("..")
                .unwrap_or_else(|| panic!("bad days {days:?}"));
            (expr.trim().to_string(), a.to_string(), b.to_string(), value)
        })
        .collect()
}

fn run_file(
    name: &str,
    content: &str,
    failures: &mut Vec<String>,
    tally: &mut BTreeMap<String, Tally>,
) {
    let mut opts = Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        ..Options::default()
    };
    let mut group = String::from("(ungrouped)");
    for (n, line) in content.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if let Some(title) = line.strip_prefix('#') {
            group = title.trim().trim_matches('-').trim().to_string();
            continue;
        }
        if let Some(d) = line.strip_prefix("@anchor ") {
            opts.anchor = Some(d.trim().parse().expect("anchor date"));
            continue;
        }
        if let Some(p) = line.strip_prefix("@prefer ") {
            opts.prefer = match p.trim() {
                "future" => Prefer::Future,
                _ => Prefer::Past,
            };
            continue;
        }
        let mut fields = line.split('\t');
        let sentence = fields.next().unwrap_or_default();
        let expected = parse_events(fields.next().unwrap_or_default());
        let mentions = fields.next().unwrap_or_default();
        let t = extract(sentence, &opts);
        // Compare values only where the case gives one.
        let mut got: Vec<Expected> = t
            .events
            .iter()
            .map(|e| {
                let day = |d: Option<NaiveDate>| d.map_or("?".to_string(), |d| d.to_string());
                let text = e.expression.text.clone();
                let value = expected
                    .iter()
                    .find(|x| x.0 == text && x.3.is_some())
                    .map(|_| e.date.value.clone());
                (text, day(e.date.start), day(e.date.end), value)
            })
            .collect();
        let mut want = expected.clone();
        got.sort();
        want.sort();
        let mut ok = got == want;
        for item in mentions.split(" | ").filter(|s| !s.trim().is_empty()) {
            let (expr, what) = item.split_once(" => ").expect("mention item");
            let mut parts = what.split_whitespace();
            let kind = match parts.next() {
                Some("present") => MentionKind::Present,
                Some("duration") => MentionKind::Duration,
                Some("set") => MentionKind::Set,
                other => panic!("unknown mention kind {other:?} in {name}:{}", n + 1),
            };
            let value = parts.next();
            let found = t.mentions.iter().any(|m| {
                m.expression.text == expr.trim()
                    && m.kind == kind
                    && value.is_none_or(|v| m.value == v)
            });
            if !found {
                let missing = format!("missing mention {expr} => {what}");
                got.push((missing, String::new(), String::new(), None));
            }
            ok &= found;
        }
        let entry = tally.entry(format!("{name}: {group}")).or_default();
        if ok {
            entry.passed += 1;
        } else {
            entry.failed += 1;
            failures.push(format!(
                "{name}:{}: {sentence}\n    want {want:?}\n    got  {got:?}",
                n + 1
            ));
        }
    }
}

/// Every `src/lang/LANG/corpus/*.tsv`, sorted.
fn corpus_files() -> Vec<std::path::PathBuf> {
    let lang = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lang");
    let mut files: Vec<_> = std::fs::read_dir(&lang)
        .unwrap_or_else(|e| panic!("{}: {e}", lang.display()))
        .filter_map(|e| e.ok().map(|e| e.path().join("corpus")))
        .filter(|d| d.is_dir())
        .flat_map(|d| std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_sentence_yields_exactly_its_events() {
    // The examples kept next to each language's grammar.
    let files = corpus_files();
    assert!(!files.is_empty(), "no corpus files in src/lang/*/corpus");
    let mut failures = Vec::new();
    let mut tally = BTreeMap::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let content = std::fs::read_to_string(f).unwrap();
        run_file(&name, &content, &mut failures, &mut tally);
    }
    let mut total = Tally::default();
    for (group, t) in &tally {
        println!("{:4} passed {:3} failed  {group}", t.passed, t.failed);
        total.passed += t.passed;
        total.failed += t.failed;
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    assert!(total.passed > 0);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
