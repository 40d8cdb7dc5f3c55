//! The 30 real-shaped development articles (tests/dev, copied from the project's shared set)
//! against their hand-made gold timelines: every gold expression with calendar days must be
//! found with its days, with the publication date given, except the misses listed with their
//! reason in tests/dev/known-misses.tsv. That list may only shrink: a listed miss that is now
//! right fails the test until its line is removed. The scoring follows the shared
//! score-articles tool: an event overlapping the gold span counts, its first and last day must
//! equal the gold's (or one of its `alt_values`; "vague" ones get a day of slack at each end),
//! and a `must_not_be_dates` string that becomes an event is a miss too.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;
use tarikh::{Options, extract};

/// (first day, last day) of a TIMEX3-like gold value, as the scorer reads it.
fn span_of_value(v: &str) -> Option<(NaiveDate, NaiveDate)> {
    if v.is_empty() || v.starts_with("UNDEF") || v.starts_with('P') || v.starts_with("XXXX") {
        return None;
    }
    if let Some((a, b)) = v.split_once('/') {
        return Some((span_of_value(a)?.0, span_of_value(b)?.1));
    }
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    if v.len() >= 10
        && let Some(d) = date(&v[..10])
    {
        let night = v.ends_with("TNI");
        return Some((d, if night { d.succ_opt()? } else { d }));
    }
    if let Some((y, w)) = v.split_once("-W") {
        let (w, weekend) = match w.strip_suffix("-WE") {
            Some(w) => (w, true),
            None => (w, false),
        };
        let (y, w): (i32, u32) = (y.parse().ok()?, w.parse().ok()?);
        let first = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
        return Some(if weekend {
            let sat = first + chrono::Duration::days(5);
            (sat, sat + chrono::Duration::days(1))
        } else {
            (first, first + chrono::Duration::days(6))
        });
    }
    if v.len() == 7 {
        let first = date(&format!("{v}-01"))?;
        let next = if first.month() == 12 {
            NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)?
        };
        return Some((first, next.pred_opt()?));
    }
    if v.len() == 4 {
        let y: i32 = v.parse().ok()?;
        return Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
        ));
    }
    None
}

/// One miss, as the known-misses file names it: article, gold start (code points), text.
type Miss = (String, usize, String);

fn known_misses(dir: &Path) -> BTreeSet<Miss> {
    let list = std::fs::read_to_string(dir.join("known-misses.tsv")).expect("known-misses.tsv");
    list.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(
                f.len() == 4 && !f[3].trim().is_empty(),
                "known-misses.tsv: each line is ARTICLE, START, TEXT and a reason: {l:?}"
            );
            (
                f[0].to_string(),
                f[1].parse().expect("a start"),
                f[2].to_string(),
            )
        })
        .collect()
}

/// The misses of one article, with the publication date given.
fn misses(name: &str, text: &str, gold: &Value) -> Vec<(Miss, String)> {
    let anchor = gold["publication_date"]
        .as_str()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let t = extract(
        text,
        &Options {
            anchor,
            ..Options::default()
        },
    );
    let chars = |b: usize| text[..b].chars().count();
    let preds: Vec<((usize, usize), &tarikh::Event)> = t
        .events
        .iter()
        .map(|e| ((chars(e.expression.start), chars(e.expression.end)), e))
        .collect();
    let day = |v: &Value| {
        v.as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    let mut out = Vec::new();
    for g in gold["expressions"].as_array().expect("expressions") {
        let value = g["value"].as_str().unwrap_or_default();
        let (Some(start), Some(end)) = (day(&g["start"]), day(&g["end"])) else {
            continue;
        };
        if matches!(value, "PRESENT" | "DURATION" | "SET") {
            continue;
        }
        let span = (
            g["char_start"].as_u64().expect("char_start") as usize,
            g["char_end"].as_u64().expect("char_end") as usize,
        );
        let mut wanted = vec![(start, end)];
        wanted.extend(
            g["alt_values"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| span_of_value(a.as_str().unwrap_or_default())),
        );
        let vague = g["kind"] == "vague";
        let hits: Vec<&tarikh::Event> = preds
            .iter()
            .filter(|((a, b), _)| *a < span.1 && span.0 < *b)
            .map(|(_, e)| *e)
            .collect();
        let right = hits.iter().any(|e| {
            let (Some(s), Some(x)) = (e.date.start, e.date.end) else {
                return false;
            };
            wanted.contains(&(s, x))
                || (vague && (s - start).num_days().abs() <= 1 && (x - end).num_days().abs() <= 1)
        });
        if !right {
            let got: Vec<String> = hits
                .iter()
                .map(|e| format!("{} {:?}..{:?}", e.expression.text, e.date.start, e.date.end))
                .collect();
            let text = g["text"].as_str().unwrap_or_default().to_string();
            out.push((
                (name.to_string(), span.0, text),
                format!("want {start}..{end}, got {got:?}"),
            ));
        }
    }
    for forbidden in gold["must_not_be_dates"].as_array().into_iter().flatten() {
        let f = forbidden.as_str().unwrap_or_default();
        for ((a, _), e) in &preds {
            if e.expression.text.trim() == f {
                out.push((
                    (name.to_string(), *a, f.to_string()),
                    "a must-not-be-a-date string became an event".into(),
                ));
            }
        }
    }
    out
}

#[test]
fn every_dev_article_expression_has_its_days_except_the_known_misses() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev");
    let known = known_misses(&dir);
    let mut articles: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/dev")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    articles.sort();
    assert_eq!(articles.len(), 30, "the 30 dev articles");
    let mut seen = BTreeSet::new();
    let mut new = Vec::new();
    for gold_path in &articles {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
        let txt = gold_path.to_string_lossy().replace(".gold.json", ".txt");
        let text = std::fs::read_to_string(&txt).unwrap();
        let name = Path::new(&txt)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        for (miss, why) in misses(&name, &text, &gold) {
            if !known.contains(&miss) {
                new.push(format!("{}\t{}\t{}\t({why})", miss.0, miss.1, miss.2));
            }
            seen.insert(miss);
        }
    }
    let fixed: Vec<&Miss> = known.difference(&seen).collect();
    assert!(
        new.is_empty(),
        "{} new misses on the dev articles:\n{}",
        new.len(),
        new.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "now right, so remove from tests/dev/known-misses.tsv: {fixed:?}"
    );
}

#[test]
fn every_dev_article_whose_text_fixes_its_date_gets_it_and_none_is_confidently_wrong() {
    // With no date given, the anchor tarikh infers: right on each article whose gold says the
    // text fixes it (anchor_in_text), and on no article a different date without "uncertain".
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev");
    let mut fixable = 0;
    let mut wrong_fixable = Vec::new();
    let mut confidently_wrong = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/dev") {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".gold.json") {
            continue;
        }
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text =
            std::fs::read_to_string(path.to_string_lossy().replace(".gold.json", ".txt")).unwrap();
        let published = gold["publication_date"].as_str().unwrap().to_string();
        let anchor = &extract(&text, &Options::default()).documents[0].anchor;
        let got = anchor.date.map(|d| d.to_string());
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if gold["anchor_in_text"].as_bool().unwrap_or(true) {
            fixable += 1;
            if got.as_deref() != Some(published.as_str()) {
                wrong_fixable.push(format!("{name}: {got:?}, published {published}"));
            }
        }
        if got.is_some() && got.as_deref() != Some(published.as_str()) && !anchor.uncertain {
            confidently_wrong.push(format!("{name}: {got:?} ({})", anchor.reason));
        }
    }
    assert_eq!(
        fixable, 20,
        "the dev set has 20 articles whose text fixes their date"
    );
    assert!(
        confidently_wrong.is_empty(),
        "confidently wrong anchors: {confidently_wrong:#?}"
    );
    assert!(
        wrong_fixable.is_empty(),
        "anchors missed where the text fixes them: {wrong_fixable:#?}"
    );
}
