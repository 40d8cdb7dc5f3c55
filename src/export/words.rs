//! The words every human-readable export (and the viewer) shares: a date as a person reads it,
//! a review status, the document's anchor and headline. Writers import this, never the format
//! table that calls them.

use crate::model::{AnchorBasis, DocumentInfo, Event, EventDate, Precision, ReviewStatus};
use crate::resolve::calendar::{month_name, weekday_name};
use chrono::{Datelike, NaiveDate};

pub use crate::resolve::calendar::day_name;

/// How a person reads the date of an event: "Thursday 6 January 2022", "1989 – 2019",
/// "night of Wednesday 5 – Thursday 6 January 2022", "about Tuesday 4 – Wednesday 5 January 2022".
pub fn date_heading(date: &EventDate) -> String {
    let (Some(start), Some(end)) = (date.start, date.end) else {
        return format!("unresolved ({})", date.value);
    };
    let body = match date.precision {
        Precision::Year | Precision::Decade | Precision::Century => {
            if start.year() == end.year() {
                start.year().to_string()
            } else {
                format!("{} – {}", start.year(), end.year())
            }
        }
        Precision::Month if start.month() == end.month() && start.year() == end.year() => {
            format!("{} {}", month_name(start.month()), start.year())
        }
        Precision::Month if start.day() == 1 && end.succ_opt().is_some_and(|n| n.day() == 1) => {
            let first = if start.year() == end.year() {
                month_name(start.month()).to_string()
            } else {
                format!("{} {}", month_name(start.month()), start.year())
            };
            format!("{first} – {} {}", month_name(end.month()), end.year())
        }
        _ if start == end => day_name(start),
        _ => day_range(start, end),
    };
    let night = if date.part_of_day == Some(crate::model::PartOfDay::Night) {
        "night of "
    } else {
        ""
    };
    let about = if date.approximate { "about " } else { "" };
    format!("{about}{night}{body}")
}

/// "Tuesday 4 – Wednesday 5 January 2022", shortening what both ends share.
pub fn day_range(start: NaiveDate, end: NaiveDate) -> String {
    let first = weekday_name(start.weekday());
    if start.year() != end.year() {
        format!("{} – {}", day_name(start), day_name(end))
    } else if start.month() != end.month() {
        format!(
            "{first} {} {} – {}",
            start.day(),
            month_name(start.month()),
            day_name(end)
        )
    } else {
        format!("{first} {} – {}", start.day(), day_name(end))
    }
}

/// An event's review status; `unreviewed` when no review file is in use.
pub fn event_status(e: &Event) -> ReviewStatus {
    e.review
        .as_ref()
        .map_or(ReviewStatus::Unreviewed, |r| r.status)
}

/// An event's review in words, for the exports that show it: the status, "date corrected
/// (extracted: …)" when the editor corrected the date, and the note (empty when none).
/// `None` when no review file is in use.
pub fn review_parts(e: &Event) -> Option<(&'static str, Option<String>, &str)> {
    let r = e.review.as_ref()?;
    let corrected = match (&r.corrected, &r.extracted) {
        (Some(_), Some(x)) => Some(format!("date corrected (extracted: {})", date_heading(x))),
        _ => None,
    };
    Some((r.status.name(), corrected, r.note.as_str()))
}

/// How a document is dated, in words: "dated Thursday 6 January 2022 (inferred: …)".
pub fn anchor_words(d: &DocumentInfo) -> String {
    let Some(a) = d.anchor.date else {
        return "date unknown: relative dates are unresolved".into();
    };
    let basis = match d.anchor.basis {
        AnchorBasis::Given => "given",
        AnchorBasis::Inferred => "inferred",
        AnchorBasis::None => "none",
    };
    format!("dated {} ({basis}: {})", day_name(a), d.anchor.reason)
}

/// A document's first sentence: its headline, in news copy (the id when it has none).
pub fn headline(d: &DocumentInfo) -> &str {
    d.sentences
        .first()
        .and_then(|s| d.text.get(s.start..s.end))
        .unwrap_or(&d.id)
}
