//! The Markdown chronology: a heading per day or span, one item per event with its expression,
//! label, document and review, and its sentence quoted with the expression in bold.
//!
//! It is read with `cat` and rendered by pandoc, GitHub or a CMS, so all article text is
//! escaped ([`escape::markdown`]: HTML as entities, Markdown syntax backslashed, controls and
//! bidi overrides visible), documents are named by file name rather than by the path as typed,
//! and each day's events are one `<div dir="rtl">` block (the English parts `dir="ltr"`), so a
//! rendered page runs Arabic right to left with its punctuation at the right end.

use super::escape;
use super::words::{anchor_words, date_heading, event_status, review_parts};
use crate::model::{Event, ReviewStatus, Timeline};

/// Renders the timeline as a Markdown chronology.
pub fn render(t: &Timeline) -> String {
    let mut s = String::from("# Timeline\n\n");
    for d in &t.documents {
        let name = d
            .path
            .as_deref()
            .and_then(|p| std::path::Path::new(p).file_name())
            .map_or_else(|| d.id.clone(), |n| n.to_string_lossy().into_owned());
        s.push_str(&format!(
            "- {}: {}\n",
            escape::markdown(&name),
            escape::markdown(&anchor_words(d))
        ));
    }
    for w in &t.warnings {
        s.push_str(&format!("- warning: {}\n", escape::markdown(w)));
    }
    let mut last: Option<String> = None;
    for e in &t.events {
        let heading = date_heading(&e.date);
        if last.as_ref() != Some(&heading) {
            if last.is_some() {
                s.push_str("\n</div>\n");
            }
            s.push_str(&format!("\n## {heading}\n\n<div dir=\"rtl\">\n\n"));
            last = Some(heading);
        }
        let doc = if t.documents.len() > 1 {
            format!(
                " <span dir=\"ltr\">\\[{}\\]</span>",
                escape::markdown(&e.document)
            )
        } else {
            String::new()
        };
        let uncertain = if e.date.uncertain { " ?" } else { "" };
        let (mark, review) = review_md(e);
        s.push_str(&format!(
            "- {mark}**{}**{uncertain} — {}{doc}{review}\n  > {}\n",
            escape::markdown(&e.expression.text),
            escape::markdown(&e.label),
            marked_sentence(e)
        ));
    }
    if last.is_some() {
        s.push_str("\n</div>\n");
    }
    s
}

/// The event's sentence with its expression in bold.
fn marked_sentence(e: &Event) -> String {
    let text = &e.sentence.text;
    let (a, b) = (
        e.expression.start.saturating_sub(e.sentence.start),
        e.expression.end.saturating_sub(e.sentence.start),
    );
    match (text.get(..a), text.get(a..b), text.get(b..)) {
        (Some(before), Some(expr), Some(after)) if !expr.is_empty() => format!(
            "{}**{}**{}",
            escape::markdown(before),
            escape::markdown(expr),
            escape::markdown(after)
        ),
        _ => escape::markdown(text),
    }
}

/// An event's review: a mark before the expression (✓ verified, ! flagged, ○ unreviewed once
/// a review file is in use) and, after the label, the correction and the note, so an editor can
/// paste the reviewed chronology into a memo.
fn review_md(e: &Event) -> (String, String) {
    let Some((_, corrected, note)) = review_parts(e) else {
        return (String::new(), String::new());
    };
    // A printed chronology marks the unreviewed too: a hollow circle where the list leaves
    // a blank.
    let mark = match event_status(e) {
        ReviewStatus::Unreviewed => "○ ".to_string(),
        s => format!("{} ", s.mark()),
    };
    let mut tail = String::new();
    if let Some(c) = corrected {
        tail.push_str(&format!(" <span dir=\"ltr\">— {c}</span>"));
    }
    if !note.is_empty() {
        tail.push_str(&format!(
            " <span dir=\"ltr\">— note:</span> <span dir=\"auto\">{}</span>",
            escape::markdown(note)
        ));
    }
    (mark.to_string(), tail)
}
