//! Output formats of `tarikh extract`: JSON (schema 1), JSON lines, and an editor's chronology.

use super::model::{EventDate, Precision, Timeline};
use crate::resolve::calendar::{month_name, weekday_name};
use chrono::{Datelike, NaiveDate};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The whole timeline as one JSON document (schema 1).
    Json,
    /// One event per line, for pipelines.
    Jsonl,
    /// A readable chronology in Markdown: day headings, one line per event, its sentence.
    Md,
    /// One row per event, for spreadsheets.
    Csv,
    /// Knight Lab TimelineJS JSON.
    Timelinejs,
    /// The article text with TIMEX3 tags (TimeML), for NLP evaluation tools.
    Timeml,
}

impl Format {
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
        match self {
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, timeline)?;
                out.write_all(b"\n")
            }
            Format::Jsonl => {
                for e in &timeline.events {
                    serde_json::to_writer(&mut *out, e)?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            }
            Format::Md => out.write_all(markdown(timeline).as_bytes()),
            Format::Csv => out.write_all(super::csv::render(timeline).as_bytes()),
            Format::Timelinejs => out.write_all(super::timelinejs::render(timeline).as_bytes()),
            Format::Timeml => out.write_all(super::timeml::render(timeline).as_bytes()),
        }
    }

    /// The usual file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json | Format::Timelinejs => "json",
            Format::Jsonl => "jsonl",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Timeml => "tml",
        }
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

fn markdown(t: &Timeline) -> String {
    let mut s = String::from("# Timeline\n\n");
    for d in &t.documents {
        let anchor = d
            .anchor
            .date
            .map(day_name)
            .unwrap_or_else(|| "unknown".into());
        s.push_str(&format!(
            "- {}: dated {} ({:?}: {})\n",
            d.path.as_deref().unwrap_or(&d.id),
            anchor,
            d.anchor.basis,
            d.anchor.reason
        ));
    }
    for w in &t.warnings {
        s.push_str(&format!("- warning: {w}\n"));
    }
    let mut last = String::new();
    for e in &t.events {
        let heading = date_heading(&e.date);
        if heading != last {
            s.push_str(&format!("\n## {heading}\n\n"));
            last = heading;
        }
        let doc = if t.documents.len() > 1 {
            format!(" [{}]", e.document)
        } else {
            String::new()
        };
        let (mark, review) = review_md(e);
        s.push_str(&format!(
            "- {mark}**{}** — {}{}{review}\n  > {}\n",
            e.expression.text, e.label, doc, e.sentence.text
        ));
    }
    visible_controls(&s)
}

/// Markdown is read with `cat`: control characters and bidi overrides from an article (escape
/// sequences, OSC title or clipboard requests, C1 controls, U+202A–U+202E, U+2066–U+2069) are
/// written as visible `\u{1b}` escapes instead of acting on the terminal. Line ends and tabs stay.
pub fn visible_controls(s: &str) -> String {
    let hostile = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\t'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.contains(hostile) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if hostile(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// An event's review in the Markdown chronology: a mark before the expression (✓ verified,
/// ! flagged, ○ unreviewed once a review file is in use) and, after the label, the correction
/// and the note, so an editor can paste the reviewed chronology into a memo.
fn review_md(e: &super::model::Event) -> (String, String) {
    use super::model::ReviewStatus;
    let Some(r) = &e.review else {
        return (String::new(), String::new());
    };
    let mark = match r.status {
        ReviewStatus::Verified => "✓ ",
        ReviewStatus::Flagged => "! ",
        ReviewStatus::Unreviewed => "○ ",
    };
    let mut tail = String::new();
    if let (Some(_), Some(x)) = (&r.corrected, &r.extracted) {
        tail.push_str(&format!(" — corrected (extracted: {})", date_heading(x)));
    }
    if !r.note.is_empty() {
        tail.push_str(&format!(" — note: {}", r.note.replace('\n', " ")));
    }
    (mark.to_string(), tail)
}
