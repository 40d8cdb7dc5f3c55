//! Output formats of `tarikh extract` and the viewer's export: one table ([`FORMATS`]) gives
//! each format's name, file extension and writer, and the command line, its help and the
//! viewer all read it. Also the date headings every human-readable format shares.

use super::model::{
    AnchorBasis, DocumentInfo, Event, EventDate, Precision, ReviewStatus, Timeline,
};
use crate::resolve::calendar::{month_name, weekday_name};
use chrono::{Datelike, NaiveDate};

/// An output format (see [`FORMATS`] for what each one is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The whole timeline as one JSON document (schema 1).
    Json,
    /// One event per line, for pipelines.
    Jsonl,
    /// An editor's chronology in Markdown.
    Md,
    /// One row per event, for spreadsheets.
    Csv,
    /// A self-contained timeline page.
    Html,
    /// Knight Lab TimelineJS JSON.
    Timelinejs,
    /// TIMEX3-tagged article text.
    Timeml,
}

/// Writes a whole timeline in one format.
type Writer = fn(&Timeline, &mut dyn std::io::Write) -> std::io::Result<()>;

/// One row of the format table.
pub struct FormatSpec {
    /// The format.
    pub format: Format,
    /// Its name on the command line (`--format NAME`) and in the viewer's export prompt.
    pub name: &'static str,
    /// The file extension an export in it gets.
    pub extension: &'static str,
    /// One line for `--help`.
    pub help: &'static str,
    /// Renders it.
    write: Writer,
}

/// Every output format, in the order `--help` lists them. Row `i` is the format whose
/// discriminant is `i` (checked at compile time below).
pub const FORMATS: [FormatSpec; 7] = [
    FormatSpec {
        format: Format::Json,
        name: "json",
        extension: "json",
        help: "The whole timeline as one JSON document (schema 1)",
        write: |t, out| {
            serde_json::to_writer_pretty(&mut *out, t)?;
            out.write_all(b"\n")
        },
    },
    FormatSpec {
        format: Format::Jsonl,
        name: "jsonl",
        extension: "jsonl",
        help: "One event per line, for pipelines",
        write: |t, out| {
            for e in &t.events {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        },
    },
    FormatSpec {
        format: Format::Md,
        name: "md",
        extension: "md",
        help: "An editor's chronology in Markdown (article text escaped, Arabic blocks right to left)",
        write: |t, out| out.write_all(super::md::render(t).as_bytes()),
    },
    FormatSpec {
        format: Format::Csv,
        name: "csv",
        extension: "csv",
        help: "One row per event for spreadsheets (UTF-8 with BOM; formula cells defused)",
        write: |t, out| out.write_all(super::csv::render(t).as_bytes()),
    },
    FormatSpec {
        format: Format::Html,
        name: "html",
        extension: "html",
        help: "A self-contained timeline page: one file, no network, right to left, filters, printable",
        write: |t, out| out.write_all(super::html::render(t).as_bytes()),
    },
    FormatSpec {
        format: Format::Timelinejs,
        name: "timelinejs",
        extension: "json",
        help: "Knight Lab TimelineJS JSON (HTML escaped, safe to embed inline, long spans as eras)",
        write: |t, out| out.write_all(super::timelinejs::render(t).as_bytes()),
    },
    FormatSpec {
        format: Format::Timeml,
        name: "timeml",
        extension: "tml",
        help: "The article text with TIMEX3 tags (TimeML 1.2.1), for NLP evaluation tools",
        write: |t, out| out.write_all(super::timeml::render(t).as_bytes()),
    },
];

/// Every format, in table order (what `clap` offers).
const ALL: [Format; FORMATS.len()] = {
    let mut all = [Format::Json; FORMATS.len()];
    let mut i = 0;
    while i < FORMATS.len() {
        assert!(FORMATS[i].format as usize == i, "FORMATS is in enum order");
        all[i] = FORMATS[i].format;
        i += 1;
    }
    all
};

impl Format {
    /// This format's row of [`FORMATS`].
    pub fn spec(self) -> &'static FormatSpec {
        &FORMATS[self as usize]
    }

    /// The format called `name` (`"md"`), if there is one.
    pub fn from_name(name: &str) -> Option<Format> {
        FORMATS.iter().find(|s| s.name == name).map(|s| s.format)
    }

    /// Renders the timeline in this format.
    pub fn render(self, timeline: &Timeline) -> String {
        let mut out = Vec::new();
        // Writing to memory cannot fail, and every format writes UTF-8.
        let _ = self.write(timeline, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes the timeline in this format as it is rendered, so a large JSON timeline is never
    /// held twice in memory.
    pub fn write(self, timeline: &Timeline, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        (self.spec().write)(timeline, out)
    }

    /// The usual file extension for this format.
    pub fn extension(self) -> &'static str {
        self.spec().extension
    }
}

impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let spec = self.spec();
        Some(clap::builder::PossibleValue::new(spec.name).help(spec.help))
    }
}

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
    let night = if date.part_of_day == Some(super::model::PartOfDay::Night) {
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

/// "verified", "flagged", "unreviewed": a review status as every export writes it.
pub fn status_name(s: ReviewStatus) -> &'static str {
    match s {
        ReviewStatus::Unreviewed => "unreviewed",
        ReviewStatus::Verified => "verified",
        ReviewStatus::Flagged => "flagged",
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
    Some((status_name(r.status), corrected, r.note.as_str()))
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
