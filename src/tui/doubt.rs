//! Doubt where the editor works: which events carry a warning, how far a document's anchor can
//! be trusted, and which dates the text itself offers as the document's date.
//!
//! Pure functions over the timeline (no UI state), so the list, the status bar, the detail pane
//! and the anchor prompt all read the same answers.

use crate::extract::{Options, extract, warning_site};
use crate::model::{Anchor, AnchorBasis, Event, Timeline};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The warnings of each event (by index), read from the timeline's warning lines.
pub fn event_warnings(timeline: &Timeline) -> HashMap<usize, Vec<String>> {
    if timeline.warnings.is_empty() {
        return HashMap::new();
    }
    let mut at: HashMap<(&str, usize), usize> = HashMap::new();
    for (i, e) in timeline.events.iter().enumerate() {
        at.entry((e.document.as_str(), e.expression.start))
            .or_insert(i);
    }
    let ids: std::collections::HashSet<&str> =
        timeline.documents.iter().map(|d| d.id.as_str()).collect();
    let mut out: HashMap<usize, Vec<String>> = HashMap::new();
    for w in &timeline.warnings {
        // The document id ends at one of the ": '" (ids are file stems, and may hold one).
        let site = w.match_indices(": '").find_map(|(k, _)| {
            let id = ids.get(&w[..k])?;
            let (start, what) = warning_site(w, id)?;
            Some((*at.get(&(*id, start))?, what))
        });
        if let Some((i, what)) = site {
            out.entry(i).or_default().push(what.to_string());
        }
    }
    out
}

/// How a document's date was found, in a few words that fit a status bar, and whether it is
/// only a guess (every relative date of the document then leans on it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorBasisLine {
    /// "the dateline", "a weekday beside a day and month", "a guess: the latest full date", ….
    pub basis: String,
    /// The anchor rests on weak evidence (or there is none): check it, `A` sets it.
    pub shaky: bool,
}

/// Sums up `anchor` (the long reason stays in the detail pane). Reads the reasons written by
/// `resolve::anchor`; a reason it does not recognise is summed up as "inferred", never lost.
pub fn anchor_basis(anchor: &Anchor) -> AnchorBasisLine {
    // An anchor the inference itself calls uncertain is always shaky.
    let line = |basis: &str, shaky: bool| AnchorBasisLine {
        basis: basis.into(),
        shaky: shaky || anchor.uncertain,
    };
    let r = anchor.reason.as_str();
    match anchor.basis {
        AnchorBasis::None => line("none found", true),
        AnchorBasis::Given if r.contains("review file") => line("set by you (review file)", false),
        AnchorBasis::Given => line("given (--anchor)", false),
        AnchorBasis::Inferred if r.starts_with("the dateline") => line("the dateline", false),
        AnchorBasis::Inferred if r.starts_with("the text gives the full date") => {
            line("a full date with its weekday", false)
        }
        AnchorBasis::Inferred if r.contains("puts the article on") => {
            line("a weekday + day and month, moved by a relative day", true)
        }
        AnchorBasis::Inferred if r.contains("names no year") => {
            line("a guess: weekday + day and month, no year written", true)
        }
        AnchorBasis::Inferred if r.contains(" fixes ") => {
            line("a weekday beside a day and month", false)
        }
        AnchorBasis::Inferred if r.starts_with("the latest full date") => {
            line("a guess: the latest full date in the text", true)
        }
        AnchorBasis::Inferred if r.contains("the article's day is") => {
            line("what the text says of its own day", false)
        }
        AnchorBasis::Inferred => line("inferred", true),
    }
}

/// Sums up document `doc`'s anchor like [`anchor_basis`], and also doubts an inferred anchor
/// when a warning lands on an event of that very day (a weekday that does not fit it: the
/// date may be the text's mistake, or the anchor the wrong one).
pub fn document_anchor(
    timeline: &Timeline,
    doc: usize,
    warnings: &HashMap<usize, Vec<String>>,
) -> Option<AnchorBasisLine> {
    let d = timeline.documents.get(doc)?;
    let mut line = anchor_basis(&d.anchor);
    let contested = d.anchor.basis == AnchorBasis::Inferred
        && warnings.keys().any(|&i| {
            timeline.events.get(i).is_some_and(|e| {
                e.document == d.id && e.date.start.is_some() && e.date.start == d.anchor.date
            })
        });
    if contested {
        line.basis.push_str(", but a warning falls on that day");
        line.shaky = true;
    }
    Some(line)
}

/// Whether an event is doubtful: it carries a warning, or its date may be wrong.
pub fn doubtful(e: &Event, warned: bool) -> bool {
    warned || e.date.uncertain || e.date.start.is_none()
}

/// How many of a document's events the candidate search looks at (a long article has
/// thousands; its dateline and first dates come first anyway).
const CANDIDATE_EVENTS: usize = 400;

/// The full dates document `doc`'s text writes (a day whose meaning does not depend on the
/// article's own date), first-written first, without repeats: what `A` offers to pick from.
/// Decided by tarikh's own extractor: an expression is a full date when it resolves to the same
/// single day against two far-apart anchors.
pub fn anchor_candidates(timeline: &Timeline, doc: usize) -> Vec<NaiveDate> {
    let Some(d) = timeline.documents.get(doc) else {
        return Vec::new();
    };
    let mut events: Vec<&Event> = timeline
        .events
        .iter()
        .filter(|e| e.document == d.id && e.date.start.is_some() && e.date.start == e.date.end)
        .collect();
    events.sort_by_key(|e| e.expression.start);
    let mut out = Vec::new();
    for e in events.into_iter().take(CANDIDATE_EVENTS) {
        // The date as extracted, not as an editor corrected it.
        let date = e
            .review
            .as_ref()
            .and_then(|r| r.extracted.as_ref())
            .map_or(&e.date, |x| x);
        let Some(day) = date.start else { continue };
        if out.contains(&day) {
            continue;
        }
        let alone = |y: i32| {
            let opts = Options {
                anchor: NaiveDate::from_ymd_opt(y, 6, 15),
                ..Options::default()
            };
            extract(&e.expression.text, &opts)
                .events
                .first()
                .and_then(|x| (x.date.start == x.date.end).then_some(x.date.start)?)
        };
        if alone(1900) == Some(day) && alone(2100) == Some(day) {
            out.push(day);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Source, extract_sources};

    fn one(text: &str) -> Timeline {
        extract_sources(
            vec![Source {
                id: "doc".into(),
                path: None,
                text: text.into(),
            }],
            &Options::default(),
        )
    }

    #[test]
    fn a_warning_lands_on_its_event() {
        // 5 July 2025 is a Saturday, not a Friday.
        let t = one("وقال المسؤول اليوم الجمعة 5 جويلية 2025 إن المفاوضات ستستمر.");
        let w = event_warnings(&t);
        assert_eq!(w.len(), 1, "{:?}", t.warnings);
        let (&i, what) = w.iter().next().unwrap();
        assert!(t.events[i].expression.text.contains("5 جويلية 2025"));
        assert!(what[0].contains("Saturday"), "{what:?}");
    }

    #[test]
    fn the_basis_of_real_anchors_is_named_briefly() {
        let sample =
            crate::extract::extract(include_str!("../../data/sample.txt"), &Options::default());
        let b = anchor_basis(&sample.documents[0].anchor);
        assert_eq!(b.basis, "a weekday beside a day and month");
        let dateline = one("القاهرة (رويترز) 3 مارس 2021\nقال الوزير الأربعاء إن الخطة جاهزة.");
        assert_eq!(
            anchor_basis(&dateline.documents[0].anchor).basis,
            "the dateline",
            "{}",
            dateline.documents[0].anchor.reason
        );
        let none = one("قال الوزير يوم الثلاثاء إن الخطة جاهزة.");
        let b = anchor_basis(&none.documents[0].anchor);
        assert!(b.shaky && b.basis == "none found");
    }

    #[test]
    fn a_warning_on_the_anchor_day_makes_the_anchor_doubtful() {
        let t = one(
            "الجزائر في 5 جويلية 2025 - قال الوزير اليوم الجمعة 5 جويلية 2025 إن المفاوضات ستستمر.",
        );
        let w = event_warnings(&t);
        let line = document_anchor(&t, 0, &w).unwrap();
        assert!(line.shaky, "{line:?}");
        assert!(
            line.basis.ends_with("but a warning falls on that day"),
            "{line:?}"
        );
    }

    #[test]
    fn candidates_are_the_full_dates_only() {
        let t = one(
            "القاهرة في 3 مارس 2021 - قال الوزير يوم الثلاثاء إن الخطة التي أقرت في 12 فبراير 2021 جاهزة.",
        );
        assert_eq!(
            anchor_candidates(&t, 0),
            vec![
                NaiveDate::from_ymd_opt(2021, 3, 3).unwrap(),
                NaiveDate::from_ymd_opt(2021, 2, 12).unwrap()
            ]
        );
    }
}
