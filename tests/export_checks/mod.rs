//! Checks shared by the export tests: the TimeML 1.2.1 TIMEX3 rules, and what markup an HTML
//! fragment or page may contain (only ours, never the article's).

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

use regex::Regex;
use tarikh::{Options, Source, Timeline, extract_sources};

/// One sentence per attack, each with a date so it becomes an event.
pub const HOSTILE: &str = "<script>document.title='pwned'</script> وقع الهجوم يوم الخميس (6 يناير 2022) </script><img src=x onerror=\"document.title='img'\"> <b>عاجل</b> &amp; \u{202E}مقلوب\u{202C} \u{2066}معزول\u{2069} انتهى\n\
=HYPERLINK(\"http://x\",\"y\") وصل الوفد أمس\n\
-1+2 غادر الوفد يوم الجمعة 7 يناير 2022 # عنوان * نجمة _ [رابط](http://x) `code` | خط\n\
@SUM(A1) ثم عاد الوفد بعد غد --> <!-- ]]> ' \"\n";

/// The hostile article as a timeline (two documents, so merges are attacked too).
pub fn hostile() -> Timeline {
    let src = |id: &str| Source {
        id: id.into(),
        path: Some(format!("{id}.txt")),
        text: HOSTILE.into(),
    };
    extract_sources(
        vec![src("<b>doc</b>"), src("=cmd")],
        &Options {
            anchor: chrono::NaiveDate::from_ymd_opt(2022, 1, 6),
            ..Options::default()
        },
    )
}

/// Elements tarikh itself writes into HTML (the page, TimelineJS fragments, Markdown blocks).
pub const OUR_ELEMENTS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "script",
    "body",
    "header",
    "h1",
    "ul",
    "ol",
    "li",
    "b",
    "br",
    "bdi",
    "nav",
    "div",
    "a",
    "span",
    "time",
    "p",
    "form",
    "label",
    "select",
    "option",
    "fieldset",
    "legend",
    "input",
    "output",
    "kbd",
    "main",
    "blockquote",
    "mark",
    "details",
    "summary",
];

/// Bidi embeddings, overrides and isolates: an export must never pass one from an article.
pub fn has_bidi_control(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

/// Parses an HTML fragment tarikh wrote (well-formed by construction) and returns the names of
/// its elements; panics when it is not well-formed.
pub fn fragment_elements(fragment: &str) -> Vec<String> {
    let wrapped = format!("<root>{fragment}</root>");
    let doc = roxmltree::Document::parse(&wrapped)
        .unwrap_or_else(|e| panic!("not well-formed ({e}): {fragment}"));
    doc.descendants()
        .filter(|n| n.is_element() && !n.has_tag_name("root"))
        .map(|n| n.tag_name().name().to_string())
        .collect()
}

/// The text of an HTML fragment, as a browser would show it.
pub fn fragment_text(fragment: &str) -> String {
    let wrapped = format!("<root>{fragment}</root>");
    let doc = roxmltree::Document::parse(&wrapped).unwrap();
    doc.descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap_or(""))
        .collect()
}

/// The TIMEX3 value grammar (TimeML 1.2.1, after TIDES 2005) for each type.
fn value_pattern(ty: &str) -> Regex {
    let date = r"(?:\d{4}|\d{3}|\d{2}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-WE|-\d)?|-(?:SP|SU|FA|WI)|-Q[1-4]|-H[12])?";
    let duration =
        r"P(?:(?:(?:\d+|X)(?:Y|M|W|D|DE|CE))+(?:T(?:(?:\d+|X)[HMS])+)?|T(?:(?:\d+|X)[HMS])+)";
    let p = match ty {
        "DATE" => format!("^(?:{date}|PRESENT_REF|PAST_REF|FUTURE_REF)$"),
        "TIME" => format!(r"^{date}T(?:MO|MI|AF|EV|NI|DT|\d{{2}}(?::\d{{2}}(?::\d{{2}})?)?)$"),
        "DURATION" => format!("^{duration}$"),
        "SET" => format!("^(?:{date}|{duration})$"),
        other => panic!("TIMEX3 type must be DATE, TIME, DURATION or SET, got {other}"),
    };
    Regex::new(&p).unwrap()
}

/// Checks a TimeML file against the TIMEX3 rules of TimeML 1.2.1 and returns the number of
/// TIMEX3 elements that consume text:
/// - the file is well-formed XML; every `<TimeML>` has `<TEXT>`; `tid`s are unique in the file
///   (they are XML IDs) and look like `t1`;
/// - `type` is DATE, TIME, DURATION or SET, and `value` follows that type's grammar;
/// - `mod` is one of the TimeML values; `temporalFunction` is true or false;
/// - `anchorTimeID`, `beginPoint` and `endPoint` name a TIMEX3 of the same document; a
///   DURATION's points are DATE or TIME; an empty (non-consuming) TIMEX3 is only such a point;
/// - `functionInDocument` is one of the TimeML values; the DCT is CREATION_TIME.
pub fn check_timeml(xml: &str) -> usize {
    let doc = roxmltree::Document::parse(xml).expect("TimeML must be well-formed XML");
    let tid = Regex::new(r"^t\d+$").unwrap();
    let mods: HashSet<&str> = [
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
        "START",
        "MID",
        "END",
        "APPROX",
    ]
    .into();
    let functions: HashSet<&str> = [
        "CREATION_TIME",
        "EXPIRATION_TIME",
        "MODIFICATION_TIME",
        "PUBLICATION_TIME",
        "RELEASE_TIME",
        "RECEPTION_TIME",
        "NONE",
    ]
    .into();
    let patterns: HashMap<&str, Regex> = ["DATE", "TIME", "DURATION", "SET"]
        .into_iter()
        .map(|t| (t, value_pattern(t)))
        .collect();
    let mut all_ids = HashSet::new();
    let mut consuming = 0;
    let roots: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("TimeML"))
        .collect();
    assert!(!roots.is_empty(), "no <TimeML> element");
    for root in roots {
        assert!(
            root.children().any(|n| n.has_tag_name("TEXT")),
            "a TimeML document needs TEXT"
        );
        let timexes: Vec<_> = root
            .descendants()
            .filter(|n| n.has_tag_name("TIMEX3"))
            .collect();
        let types: HashMap<&str, &str> = timexes
            .iter()
            .map(|n| (n.attribute("tid").unwrap(), n.attribute("type").unwrap()))
            .collect();
        let mut points = HashSet::new();
        for n in &timexes {
            let id = n.attribute("tid").expect("tid is required");
            assert!(tid.is_match(id), "tid {id}");
            assert!(
                all_ids.insert(id.to_string()),
                "tid {id} repeated in the file"
            );
            let ty = n.attribute("type").expect("type is required");
            let value = n.attribute("value").expect("value is required");
            assert!(
                patterns
                    .get(ty)
                    .unwrap_or_else(|| panic!("type {ty}"))
                    .is_match(value),
                "{ty} value {value:?} is not TIMEX3 syntax"
            );
            if let Some(m) = n.attribute("mod") {
                assert!(mods.contains(m), "mod {m}");
            }
            if let Some(f) = n.attribute("temporalFunction") {
                assert!(f == "true" || f == "false", "temporalFunction {f}");
            }
            if let Some(f) = n.attribute("functionInDocument") {
                assert!(functions.contains(f), "functionInDocument {f}");
            }
            for attr in ["anchorTimeID", "beginPoint", "endPoint"] {
                if let Some(r) = n.attribute(attr) {
                    let target = types
                        .get(r)
                        .unwrap_or_else(|| panic!("{attr}={r} names no TIMEX3 of this document"));
                    if attr != "anchorTimeID" {
                        assert_eq!(ty, "DURATION", "only a DURATION has {attr}");
                        assert!(matches!(*target, "DATE" | "TIME"), "{attr} is a point");
                        points.insert(r);
                    }
                }
            }
            if n.parent().is_some_and(|p| p.has_tag_name("DCT")) {
                assert_eq!(n.attribute("functionInDocument"), Some("CREATION_TIME"));
            }
        }
        for n in &timexes {
            let id = n.attribute("tid").unwrap();
            if n.text().unwrap_or("").is_empty() {
                assert!(points.contains(id), "empty TIMEX3 {id} is nobody's point");
            } else if !n.parent().is_some_and(|p| p.has_tag_name("DCT")) {
                consuming += 1;
            }
        }
    }
    consuming
}
