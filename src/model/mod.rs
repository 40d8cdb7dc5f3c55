//! The timeline model, at the ground floor: what extraction produces and every view reads.
//!
//! These types are the JSON contract of `extract --format json` (schema 1, see `DESIGN.md`),
//! import nothing of ours, and carry no terminal or UI types: every stage may use them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The JSON schema version written by `extract --format json`.
pub const SCHEMA: u32 = 1;

/// A merged timeline over one or more documents.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// Always [`SCHEMA`]; lets consumers detect format changes.
    pub schema: u32,
    /// The documents the events came from, in the order they were given.
    pub documents: Vec<DocumentInfo>,
    /// Dated events, sorted by start, end, document order, then position.
    pub events: Vec<Event>,
    /// Every temporal expression found, in text order (durations and "now" only appear here).
    pub mentions: Vec<Mention>,
    /// Things an editor should know: an unanchored document, an inconsistent date, …
    pub warnings: Vec<String>,
}

/// One source document and how its own date (the anchor) was found.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    /// Short unique id (the file stem, or `stdin`), used by events to name their document.
    pub id: String,
    /// Path as given on the command line; `None` for standard input or in-memory text.
    pub path: Option<String>,
    /// ISO 639-1 language code of the lexicon used (`ar`).
    pub language: String,
    /// The document date every relative expression is resolved against.
    pub anchor: Anchor,
    /// The full text, so views can show the article; not part of the JSON.
    #[serde(skip)]
    pub text: String,
    /// Sentence spans (byte offsets into `text`), so views can move between sentences.
    #[serde(skip)]
    pub sentences: Vec<TextSpan>,
}

/// How the document's date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorBasis {
    /// Given by the user (`--anchor` or the review file).
    Given,
    /// Inferred from the text; `Anchor::reason` says from what.
    Inferred,
    /// Nothing to go on: relative dates stay unresolved.
    None,
}

/// The document date and the reasoning behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Anchor {
    /// The anchor day, or `None` when the document is unanchored.
    pub date: Option<NaiveDate>,
    /// Whether it was given, inferred or is missing.
    pub basis: AnchorBasis,
    /// The inferred date rests on weak or disagreeing clues (`reason` says which); a given
    /// anchor never is. Dates resolved against it are uncertain too.
    pub uncertain: bool,
    /// One sentence a person can check ("'يوم الخميس (6 يناير)' fixes Thursday 6 January …").
    pub reason: String,
}

/// A half-open byte range into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A piece of the document: its text and where it lies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The exact original text of the span.
    pub text: String,
    /// First byte in the document.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The sentence an event was found in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentenceQuote {
    /// The sentence text, trimmed of surrounding white space.
    pub text: String,
    /// First byte in the document.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// 0-based index of the sentence in its document.
    pub index: usize,
}

/// How finely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// To the minute ("10:30").
    Minute,
    /// To the hour ("at three").
    Hour,
    /// A calendar day.
    Day,
    /// A week or part of one.
    Week,
    /// A month.
    Month,
    /// A year or a range of years.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// The part of a day a date refers to, when the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartOfDay {
    /// Dawn to noon.
    Morning,
    /// Noon to evening.
    Afternoon,
    /// Evening.
    Evening,
    /// Night, usually running into the next day.
    Night,
}

/// Which part of a period the text points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modifier {
    /// The beginning ("early January").
    Start,
    /// The middle ("midweek").
    Mid,
    /// The end ("late 2021").
    End,
    /// Before the date.
    Before,
    /// After the date ("since 2019").
    After,
}

/// A resolved date: inclusive calendar bounds plus what a person needs to trust them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDate {
    /// TIMEX3-style value derived from the bounds (`2022-01-05TNI`, `1989/2019`, `2022-W01`).
    pub value: String,
    /// First day, inclusive; `None` while unresolved (unanchored relative date).
    pub start: Option<NaiveDate>,
    /// Last day, inclusive; `None` while unresolved.
    pub end: Option<NaiveDate>,
    /// How finely the date is known.
    pub precision: Precision,
    /// Morning, evening, night, … when the text says.
    pub part_of_day: Option<PartOfDay>,
    /// The text itself is vague ("midweek", "early January").
    pub approximate: bool,
    /// The text is exact but the resolution may be off (inferred anchor, bare weekday, …).
    pub uncertain: bool,
    /// Which part of the period is meant.
    pub modifier: Option<Modifier>,
    /// One sentence saying how the date was resolved.
    pub reason: String,
}

/// An [`EventDate`] without its words (value and reason): what a long document's extraction
/// holds per event, the words kept apart in compact form (see `extract::wording`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// First day, inclusive.
    pub start: Option<NaiveDate>,
    /// Last day, inclusive.
    pub end: Option<NaiveDate>,
    /// How finely the date is known.
    pub precision: Precision,
    /// Morning, evening, night, … when the text says.
    pub part_of_day: Option<PartOfDay>,
    /// The text itself is vague.
    pub approximate: bool,
    /// The resolution may be off.
    pub uncertain: bool,
    /// Which part of the period is meant.
    pub modifier: Option<Modifier>,
}

impl EventDate {
    /// Its bounds and flags, without the words.
    pub fn bounds(&self) -> Bounds {
        Bounds {
            start: self.start,
            end: self.end,
            precision: self.precision,
            part_of_day: self.part_of_day,
            approximate: self.approximate,
            uncertain: self.uncertain,
            modifier: self.modifier,
        }
    }

    /// The date of `bounds` with its words.
    pub fn of(bounds: Bounds, value: String, reason: String) -> EventDate {
        EventDate {
            value,
            start: bounds.start,
            end: bounds.end,
            precision: bounds.precision,
            part_of_day: bounds.part_of_day,
            approximate: bounds.approximate,
            uncertain: bounds.uncertain,
            modifier: bounds.modifier,
            reason,
        }
    }
}

/// A dated event: a resolved expression and the sentence that reports it.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    /// Stable id within the timeline: `document:start-end` of the expression.
    pub id: String,
    /// The id of the document it came from.
    pub document: String,
    /// When it happened.
    pub date: EventDate,
    /// The date expression as written.
    pub expression: Quote,
    /// The sentence around it.
    pub sentence: SentenceQuote,
    /// Short text for a list row: the start of the sentence.
    pub label: String,
    /// When several documents report this event (same days, closely matching sentences): the
    /// id of the group's first event, shared by all its members. Absent for a lone event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The editor's review, when a review file is in use (see [`crate::review`]); absent from
    /// the JSON otherwise, so plain extraction output does not change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<EventReview>,
    /// Where an unresolved event sorts relative to the unknown anchor, in days (how far
    /// "three days later" lies from "yesterday"), so the timeline keeps them in that order
    /// whoever sorts it. Not part of the JSON.
    #[serde(skip)]
    pub order_hint: i64,
}

/// Where an editor has got with one event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewStatus {
    /// Not looked at yet.
    #[default]
    Unreviewed,
    /// Checked and right.
    Verified,
    /// Needs attention before the piece runs.
    Flagged,
}

impl ReviewStatus {
    /// Every status, in the order views and exports list them.
    pub const ALL: [ReviewStatus; 3] = [
        ReviewStatus::Unreviewed,
        ReviewStatus::Verified,
        ReviewStatus::Flagged,
    ];

    /// Its name as the JSON, every export and the viewer's `&` filter write it: the one
    /// place the words are spelled.
    pub fn name(self) -> &'static str {
        match self {
            ReviewStatus::Unreviewed => "unreviewed",
            ReviewStatus::Verified => "verified",
            ReviewStatus::Flagged => "flagged",
        }
    }

    /// The mark a list row shows for it, so a status is never told by colour alone (blank
    /// when unreviewed).
    pub fn mark(self) -> &'static str {
        match self {
            ReviewStatus::Unreviewed => " ",
            ReviewStatus::Verified => "✓",
            ReviewStatus::Flagged => "!",
        }
    }
}

/// Inclusive calendar bounds an editor gave for an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaySpan {
    /// First day.
    pub start: NaiveDate,
    /// Last day (equal to `start` for one day).
    pub end: NaiveDate,
}

/// An event's review as views and `extract` show it (`"review"` in the JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventReview {
    /// Unreviewed, verified or flagged.
    pub status: ReviewStatus,
    /// The editor's note (empty when none).
    pub note: String,
    /// The editor's date, which the event's `date` now carries; `null` when not corrected.
    pub corrected: Option<DaySpan>,
    /// The date as extracted, kept so the correction can be shown and undone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extracted: Option<EventDate>,
}

/// What sort of temporal expression a mention is (TIMEX3 types, plus `present`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A calendar date or a day-based relative date.
    Date,
    /// A clock time or part of a day.
    Time,
    /// A span between two points (year range, night span).
    Interval,
    /// A length of time, not placed on the calendar.
    Duration,
    /// A recurrence ("every Friday").
    Set,
    /// "Now", "so far", "currently": the anchor itself.
    Present,
}

/// Any temporal expression found in a document, whether or not it became an event.
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    /// The id of the document it came from.
    pub document: String,
    /// Its TIMEX3 type.
    pub kind: MentionKind,
    /// TIMEX3 value (`2022-01-06`, `PRESENT_REF`, `XXXX-WXX-3` when unresolved).
    pub value: String,
    /// First day, when it resolves to days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Last day, when it resolves to days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// The expression as written.
    pub expression: Quote,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_name_is_its_json_name() {
        for s in ReviewStatus::ALL {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.name())
            );
            let back: ReviewStatus = serde_json::from_str(&format!("\"{}\"", s.name())).unwrap();
            assert_eq!(back, s);
        }
    }
}
