//! TimeML export: the article text with a `<TIMEX3>` around every temporal expression
//! (durations, recurrences and "now" included) and the document creation time (`<DCT>`, the
//! anchor), following the TimeML 1.2.1 TIMEX3 rules:
//!
//! - `type` follows the value: a part of day (`2022-01-05TNI`) or a clock time is `TIME`, a
//!   calendar date `DATE`, a length `DURATION`, a recurrence `SET`.
//! - A range ("من 1989 إلى 2019") is a `DURATION` whose `beginPoint` and `endPoint` are two
//!   non-consuming (empty) `DATE` timexes, not the `1989/2019` shorthand of the JSON.
//! - "midweek", "early January", "late 2021" carry `mod` (`MID`, `START`, `END`, …; `APPROX`
//!   for a vague expression without one).
//! - Expressions resolved against the document date (a bare weekday, "yesterday", "now") carry
//!   `temporalFunction="true"` and `anchorTimeID` pointing at the DCT; those counted from the
//!   date written before them ("بعد يومين من ذلك") point at that date's TIMEX3.
//! - `tid`s are unique in the file, also when several documents are written together; each
//!   document is then a standard `<TimeML>` element inside a `<TimeMLCorpus>` container (or,
//!   with `-o DIR`, a file of its own: see [`render_documents`]).
//!
//! Characters XML 1.0 cannot carry (most C0 controls) are left out of the text.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::{AnchorBasis, DocumentInfo, Event, Mention, MentionKind, Modifier, Timeline};

/// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The root element's attributes: TimeML 1.2.1's schema, for validators.
const ROOT: &str = "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">";

/// Hands out `tid`s unique across one output file.
struct Tids(usize);

impl Tids {
    fn next(&mut self) -> String {
        let id = format!("t{}", self.0);
        self.0 += 1;
        id
    }
}

/// TIMEX3 type of a date or time value: part-of-day and clock values are `TIME`.
fn point_type(value: &str) -> &'static str {
    let timed = value.split_once('T').is_some_and(|(day, _)| {
        !day.is_empty() && day.chars().all(|c| c.is_ascii_digit() || "-XW".contains(c))
    });
    if timed { "TIME" } else { "DATE" }
}

/// The TIMEX3 `mod` of an event's date.
fn modifier(e: &Event) -> Option<&'static str> {
    match e.date.modifier {
        Some(Modifier::Start) => Some("START"),
        Some(Modifier::Mid) => Some("MID"),
        Some(Modifier::End) => Some("END"),
        Some(Modifier::Before) => Some("BEFORE"),
        Some(Modifier::After) => Some("AFTER"),
        None if e.date.approximate => Some("APPROX"),
        None => None,
    }
}

/// What a date was worked out from, when the text does not give it whole.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Basis {
    /// Read off the text ("5 January 2022", "1989"): `temporalFunction="false"`.
    Text,
    /// From the document date: its reason names the anchor ("the most recent Wednesday before
    /// the anchor"), it is "now", or it stays unresolved for want of an anchor (`XXXX-…`).
    Document,
    /// From the date written before it ("two days after the date written before it", a clock
    /// time "on the day the sentence gives").
    Previous,
}

fn basis(m: &Mention, e: Option<&Event>) -> Basis {
    let reason = e.map_or("", |e| e.date.reason.as_str());
    if reason.contains("written before it") || reason.contains("the sentence gives") {
        Basis::Previous
    } else if m.kind == MentionKind::Present || m.value.contains('X') || reason.contains("anchor") {
        Basis::Document
    } else {
        Basis::Text
    }
}

/// The length of a range between two TIMEX3 points, at the points' granularity: `P31Y` for
/// `1989`–`2019`, `P3D` for three days, `PT2H` between two clock times.
fn duration(begin: &str, end: &str, m: &Mention) -> String {
    let year = |v: &str| v.get(..4).and_then(|y| y.parse::<i32>().ok());
    let month = |v: &str| v.get(5..7).and_then(|x| x.parse::<i32>().ok());
    let clock = |v: &str| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M").ok();
    let days = || {
        let (s, e): (NaiveDate, NaiveDate) = (m.start?, m.end?);
        Some((e - s).num_days() + 1)
    };
    let found = match (begin.len(), end.len()) {
        (4, 4) => year(begin)
            .zip(year(end))
            .map(|(a, b)| format!("P{}Y", b - a + 1)),
        (7, 7) => year(begin)
            .zip(month(begin))
            .zip(year(end).zip(month(end)))
            .map(|((ya, ma), (yb, mb))| format!("P{}M", (yb - ya) * 12 + mb - ma + 1)),
        _ => match (clock(begin), clock(end)) {
            (Some(a), Some(b)) => {
                let minutes = (b - a).num_minutes();
                Some(if minutes % 60 == 0 {
                    format!("PT{}H", minutes / 60)
                } else {
                    format!("PT{minutes}M")
                })
            }
            _ => days().map(|d| format!("P{d}D")),
        },
    };
    found.unwrap_or_else(|| "PXD".into())
}

/// Writes one `<TIMEX3>`: attributes in order, then the text (or an empty element).
fn timex(out: &mut String, attrs: &[(&str, &str)], text: Option<&str>) {
    out.push_str("<TIMEX3");
    for (k, v) in attrs {
        out.push_str(&format!(" {k}=\"{}\"", escape(v)));
    }
    match text {
        Some(t) => out.push_str(&format!(">{}</TIMEX3>", escape(t))),
        None => out.push_str("/>"),
    }
}

fn document(
    d: &DocumentInfo,
    mentions: &[&Mention],
    events: &HashMap<(&str, usize, usize), &Event>,
    tids: &mut Tids,
) -> String {
    let mut out = format!("{ROOT}\n<DOCID>{}</DOCID>\n", escape(&d.id));
    let dct = d.anchor.date.map(|a| {
        let tid = tids.next();
        let how = match d.anchor.basis {
            AnchorBasis::Given => "given",
            AnchorBasis::Inferred => "inferred",
            AnchorBasis::None => "none",
        };
        out.push_str("<DCT>");
        let comment = format!("{how}: {}", d.anchor.reason);
        timex(
            &mut out,
            &[
                ("tid", &tid),
                ("type", "DATE"),
                ("value", &a.to_string()),
                ("temporalFunction", "false"),
                ("functionInDocument", "CREATION_TIME"),
                ("comment", &comment),
            ],
            Some(&a.to_string()),
        );
        out.push_str("</DCT>\n");
        tid
    });
    out.push_str("<TEXT>");
    let mut at = 0;
    // The last timex that put a day on the calendar: what "the date written before" is.
    let mut previous: Option<String> = None;
    for m in mentions {
        let (s, e) = (m.expression.start, m.expression.end);
        if s < at || e > d.text.len() || !d.text.is_char_boundary(s) {
            continue;
        }
        out.push_str(&escape(&d.text[at..s]));
        let event = events.get(&(m.document.as_str(), s, e)).copied();
        // `temporalFunction` and the `anchorTimeID` it refers to (none when unanchored).
        let (function, anchor) = match basis(m, event) {
            _ if matches!(m.kind, MentionKind::Duration | MentionKind::Set) => (false, None),
            Basis::Text => (false, None),
            Basis::Document => (true, dct.clone()),
            Basis::Previous => (true, previous.clone().or_else(|| dct.clone())),
        };
        let functional = |attrs: &mut Vec<(&str, String)>| {
            attrs.push(("temporalFunction", function.to_string()));
            if let Some(a) = &anchor {
                attrs.push(("anchorTimeID", a.clone()));
            }
        };
        let mut attrs: Vec<(&str, String)> = Vec::new();
        let mut first_point = None;
        match (m.kind, m.value.split_once('/')) {
            (MentionKind::Duration | MentionKind::Set, _) => {
                let ty = if m.kind == MentionKind::Set {
                    "SET"
                } else {
                    "DURATION"
                };
                attrs.push(("type", ty.into()));
                attrs.push(("value", m.value.clone()));
            }
            (_, Some((begin, end))) => {
                // Two non-consuming points, then the range itself as their duration.
                let mut points = Vec::new();
                for v in [begin, end] {
                    let p = tids.next();
                    let mut pa = vec![
                        ("tid", p.clone()),
                        ("type", point_type(v).to_string()),
                        ("value", v.to_string()),
                    ];
                    functional(&mut pa);
                    let borrowed: Vec<(&str, &str)> =
                        pa.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    timex(&mut out, &borrowed, None);
                    points.push(p);
                }
                attrs.push(("type", "DURATION".into()));
                attrs.push(("value", duration(begin, end, m)));
                attrs.push(("beginPoint", points[0].clone()));
                attrs.push(("endPoint", points[1].clone()));
                first_point = Some(points[0].clone());
            }
            _ => {
                attrs.push(("type", point_type(&m.value).into()));
                attrs.push(("value", m.value.clone()));
                if let Some(x) = event.and_then(modifier) {
                    attrs.push(("mod", x.into()));
                }
            }
        }
        // The points of a range come first, so ids run in text order.
        let tid = tids.next();
        attrs.insert(0, ("tid", tid.clone()));
        functional(&mut attrs);
        let borrowed: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        timex(&mut out, &borrowed, Some(&m.expression.text));
        if m.start.is_some() && !matches!(m.kind, MentionKind::Duration | MentionKind::Set) {
            previous = Some(first_point.unwrap_or(tid));
        }
        at = e;
    }
    out.push_str(&escape(&d.text[at..]));
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// Each document as a standalone TimeML file (`<?xml …?>` and one `<TimeML>` root), with its
/// id; `tid`s restart at `t0` in each, as TimeML tools expect.
pub fn render_documents(t: &Timeline) -> Vec<(String, String)> {
    let events = event_index(t);
    t.documents
        .iter()
        .map(|d| {
            let mentions = mentions_of(t, d);
            let body = document(d, &mentions, &events, &mut Tids(0));
            (d.id.clone(), format!("{XML_DECL}{body}"))
        })
        .collect()
}

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

fn event_index(t: &Timeline) -> HashMap<(&str, usize, usize), &Event> {
    t.events
        .iter()
        .map(|e| {
            (
                (e.document.as_str(), e.expression.start, e.expression.end),
                e,
            )
        })
        .collect()
}

fn mentions_of<'a>(t: &'a Timeline, d: &DocumentInfo) -> Vec<&'a Mention> {
    t.mentions.iter().filter(|m| m.document == d.id).collect()
}

/// Renders the timeline's documents as one TimeML file: one document is a `<TimeML>` root;
/// several are `<TimeML>` elements in a `<TimeMLCorpus>` root, with `tid`s unique in the file.
pub fn render(t: &Timeline) -> String {
    let events = event_index(t);
    let mut out = String::from(XML_DECL);
    let several = t.documents.len() > 1;
    if several {
        out.push_str("<TimeMLCorpus>\n");
    }
    let mut tids = Tids(0);
    for d in &t.documents {
        let mentions = mentions_of(t, d);
        out.push_str(&document(d, &mentions, &events, &mut tids));
    }
    if several {
        out.push_str("</TimeMLCorpus>\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(value: &str, start: &str, end: &str) -> Mention {
        Mention {
            document: "d".into(),
            kind: MentionKind::Interval,
            value: value.into(),
            start: start.parse().ok(),
            end: end.parse().ok(),
            expression: crate::model::Quote {
                text: String::new(),
                start: 0,
                end: 0,
            },
        }
    }

    #[test]
    fn ranges_last_at_their_points_granularity() {
        let m = mention("1989/2019", "1989-01-01", "2019-12-31");
        assert_eq!(duration("1989", "2019", &m), "P31Y");
        assert_eq!(duration("2021-11", "2022-01", &m), "P3M");
        assert_eq!(duration("2022-01-06T15:00", "2022-01-06T17:00", &m), "PT2H");
        let days = mention("2022-07-13/2022-07-15", "2022-07-13", "2022-07-15");
        assert_eq!(duration("2022-07-13", "2022-07-15", &days), "P3D");
    }
}
