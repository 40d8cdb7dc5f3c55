//! The input line (note, corrected date, anchor, export format): a small readline.
//!
//! A prompt opens with the current value, which is selected: the first printable key (or
//! Backspace, Del) replaces it, and a cursor key keeps it for editing, as in a browser's address
//! bar or a GUI form. The readline keys work as in bash: Ctrl-A / Ctrl-E to the start / end,
//! Ctrl-U / Ctrl-K delete to the start / end, Ctrl-W deletes the word before the cursor.
//! Dates typed here ("26 أغسطس", "الثلاثاء المقبل", "+7", ISO) are read by [`parse_date`] with
//! tarikh's own extractor, against the document's anchor.

use crate::Prefer;
use crate::export::words::{date_heading, day_name};
use crate::extract::{Options, extract};
use crate::model::{DaySpan, EventDate, Precision};
use crate::review::{parse_span, span_text};
use chrono::NaiveDate;

/// What the input line is asking for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// The selected event's note.
    Note,
    /// A corrected date for the selected event.
    Correct,
    /// The document's date.
    Anchor,
    /// The format to export the timeline in.
    Export,
    /// The list filter.
    Filter,
    /// A date to go to.
    Jump,
}

impl PromptKind {
    /// The label before the typed text.
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::Note => "note",
            PromptKind::Correct => "correct the date",
            PromptKind::Anchor => "document date",
            PromptKind::Export => "export as",
            PromptKind::Filter => "filter",
            PromptKind::Jump => "go to",
        }
    }

    /// What may be typed, shown while the line is empty.
    pub fn hint(self) -> &'static str {
        match self {
            PromptKind::Note => "any text; empty removes the note",
            PromptKind::Correct => {
                "2022-01-05, 2022-01-05/2022-01-07, +7; empty removes; or as written: 26 أغسطس, الثلاثاء المقبل"
            }
            PromptKind::Anchor => "2022-01-06, 6 يناير 2022, …",
            PromptKind::Export => "a format name",
            PromptKind::Filter => {
                "words, 2022-01-05 or 2022-01-05..2022-01-09, doc:NAME, flagged / verified / unreviewed, doubtful"
            }
            PromptKind::Jump => "2022-01-05, +7, 5 يناير, أمس",
        }
    }
}

/// One editing step of the input line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Type a character at the cursor (replacing the whole value if it is still selected).
    Insert(char),
    /// Cursor one character back (logical order).
    Left,
    /// Cursor one character on.
    Right,
    /// Cursor to the start (Home, Ctrl-A).
    Home,
    /// Cursor to the end (End, Ctrl-E).
    End,
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Delete from the start to the cursor (Ctrl-U).
    KillToStart,
    /// Delete from the cursor to the end (Ctrl-K).
    KillToEnd,
    /// Delete the word before the cursor (Ctrl-W).
    KillWord,
}

/// The input line: what it asks, the text, the cursor, and what Enter would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What is being typed.
    pub kind: PromptKind,
    /// The text in logical order.
    pub text: String,
    /// The cursor, a byte index into `text` on a character boundary.
    pub cursor: usize,
    /// The prefilled value is still selected: typing replaces it.
    pub selected: bool,
    /// Why the last Enter was refused; the prompt stays open.
    pub error: Option<String>,
    /// What the text means now ("→ Friday 26 August 2022", or why it means nothing yet).
    pub preview: Option<String>,
    /// Values to pick with Tab (for the anchor: the full dates the text writes).
    pub candidates: Vec<String>,
    /// The candidate Tab put in, if any.
    pub pick: Option<usize>,
}

impl Prompt {
    /// A prompt showing `text`, selected, the cursor at its end.
    pub fn new(kind: PromptKind, text: String) -> Self {
        Prompt {
            kind,
            cursor: text.len(),
            selected: !text.is_empty(),
            text,
            error: None,
            preview: None,
            candidates: Vec::new(),
            pick: None,
        }
    }

    fn before(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn after(&self) -> usize {
        self.cursor
            + self.text[self.cursor..]
                .chars()
                .next()
                .map_or(0, char::len_utf8)
    }

    /// Applies one editing step; returns whether the text changed.
    pub fn edit(&mut self, e: Edit) -> bool {
        let replaces = matches!(e, Edit::Insert(_) | Edit::Backspace | Edit::Delete);
        if std::mem::take(&mut self.selected) && replaces {
            self.text.clear();
            self.cursor = 0;
            if !matches!(e, Edit::Insert(_)) {
                self.changed();
                return true;
            }
        }
        let old = self.text.len();
        match e {
            Edit::Insert(c) if !c.is_control() => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            Edit::Insert(_) => {}
            Edit::Left => self.cursor = self.before(),
            Edit::Right => self.cursor = self.after(),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::Backspace => {
                let b = self.before();
                self.text.replace_range(b..self.cursor, "");
                self.cursor = b;
            }
            Edit::Delete => {
                let a = self.after();
                self.text.replace_range(self.cursor..a, "");
            }
            Edit::KillToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::KillToEnd => self.text.truncate(self.cursor),
            Edit::KillWord => {
                let head = &self.text[..self.cursor];
                let word = head.trim_end_matches(char::is_whitespace);
                let start = word
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
        }
        let changed = self.text.len() != old || matches!(e, Edit::Insert(_));
        if changed {
            self.changed();
        }
        changed
    }

    /// Puts the next candidate (Tab) in the line; false when there are none.
    pub fn next_candidate(&mut self) -> bool {
        if self.candidates.is_empty() {
            return false;
        }
        let k = self.pick.map_or(0, |k| (k + 1) % self.candidates.len());
        self.pick = Some(k);
        self.text = self.candidates[k].clone();
        self.cursor = self.text.len();
        self.selected = true;
        self.error = None;
        true
    }

    fn changed(&mut self) {
        self.error = None;
        self.pick = None;
    }
}

/// What a typed date means: an ISO day or range, `+N` / `-N` days from `current` (the event's
/// date now), or anything tarikh's extractor reads ("26 أغسطس", "الثلاثاء المقبل", "أمس"),
/// resolved against `anchor` the way the article's own dates are. The error says what to type.
pub fn parse_date(
    text: &str,
    current: Option<DaySpan>,
    anchor: Option<NaiveDate>,
    prefer: Prefer,
) -> Result<DaySpan, String> {
    let text = text.trim();
    let iso_like = text.len() >= 5
        && text.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && text.as_bytes()[4] == b'-';
    if iso_like {
        return parse_span(text);
    }
    if let Some(n) = text
        .strip_prefix('+')
        .or(text.strip_prefix('-').map(|_| text))
        .and_then(|n| n.parse::<i64>().ok())
    {
        let Some(c) = current else {
            return Err(format!(
                "'{text}' counts days from the event's date, which is unknown"
            ));
        };
        let shift = |d: NaiveDate| d.checked_add_signed(chrono::Duration::days(n));
        return match (shift(c.start), shift(c.end)) {
            (Some(start), Some(end)) => Ok(DaySpan { start, end }),
            _ => Err(format!("'{text}' goes past the calendar")),
        };
    }
    let opts = Options {
        anchor,
        prefer,
        ..Options::default()
    };
    let found = extract(text, &opts);
    match found.events.first() {
        Some(e) => match (e.date.start, e.date.end) {
            (Some(start), Some(end)) => Ok(DaySpan { start, end }),
            _ => Err(format!(
                "'{text}' counts from the document's date, which is unknown: set it with A first"
            )),
        },
        None => Err(format!(
            "no date in '{text}': type 2022-01-05, 26 أغسطس, الثلاثاء المقبل or +7"
        )),
    }
}

/// A span as a person reads it, for the preview: "Friday 26 August 2022", "1 – 3 March 2022".
pub fn span_heading(span: &DaySpan) -> String {
    if span.start == span.end {
        return day_name(span.start);
    }
    let date = EventDate {
        value: span_text(span),
        start: Some(span.start),
        end: Some(span.end),
        precision: Precision::Day,
        part_of_day: None,
        approximate: false,
        uncertain: false,
        modifier: None,
        reason: String::new(),
    };
    date_heading(&date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(p: &mut Prompt, s: &str) {
        for c in s.chars() {
            p.edit(Edit::Insert(c));
        }
    }

    #[test]
    fn the_first_key_replaces_the_prefilled_value_and_a_cursor_key_keeps_it() {
        let mut p = Prompt::new(PromptKind::Correct, "2022-01-05/2022-01-06".into());
        typed(&mut p, "4 يناير");
        assert_eq!(p.text, "4 يناير");
        let mut p = Prompt::new(PromptKind::Export, "md".into());
        p.edit(Edit::Backspace);
        assert_eq!(p.text, "");
        typed(&mut p, "csv");
        assert_eq!(p.text, "csv");
        let mut p = Prompt::new(PromptKind::Note, "seen".into());
        p.edit(Edit::End);
        typed(&mut p, " twice");
        assert_eq!(p.text, "seen twice");
    }

    #[test]
    fn readline_keys() {
        let mut p = Prompt::new(PromptKind::Note, String::new());
        typed(&mut p, "قال الوزير يوم");
        p.edit(Edit::KillWord);
        assert_eq!(p.text, "قال الوزير ");
        p.edit(Edit::KillWord);
        assert_eq!(p.text, "قال ");
        p.edit(Edit::Home);
        p.edit(Edit::Right);
        p.edit(Edit::KillToEnd);
        assert_eq!(p.text, "ق");
        typed(&mut p, "X");
        p.edit(Edit::KillToStart);
        assert_eq!((p.text.as_str(), p.cursor), ("", 0));
    }

    #[test]
    fn dates_are_read_the_way_an_editor_types_them() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let one = |s: &str| DaySpan {
            start: d(s),
            end: d(s),
        };
        let anchor = Some(d("2022-08-24")); // a Wednesday
        let cur = Some(one("2022-08-20"));
        let p = |t: &str| parse_date(t, cur, anchor, Prefer::Past);
        assert_eq!(p("2022-08-26"), Ok(one("2022-08-26")));
        assert_eq!(p("26 أغسطس"), Ok(one("2022-08-26")));
        assert_eq!(p("الثلاثاء المقبل"), Ok(one("2022-08-30")));
        assert_eq!(p("+7"), Ok(one("2022-08-27")));
        assert_eq!(p("-1"), Ok(one("2022-08-19")));
        assert!(p("2022-02-30").unwrap_err().contains("not a date"));
        assert!(p("غدا").is_ok());
        assert!(p("banana").unwrap_err().contains("no date"));
        let none = parse_date("الثلاثاء المقبل", cur, None, Prefer::Past);
        assert!(none.unwrap_err().contains("set it with A"));
        assert_eq!(span_heading(&one("2022-08-26")), "Friday 26 August 2022");
    }
}
