//! CSV export: one row per event, for spreadsheets.
//!
//! Starts with a UTF-8 byte-order mark so spreadsheet programs that honour it read Arabic as
//! UTF-8 (LibreOffice's import dialog still needs "Unicode (UTF-8)" chosen: see the README),
//! uses CRLF line ends and quotes every text field (RFC 4180). A cell that a spreadsheet would
//! run as a formula (starting with = + @, a tab or CR, or - before a digit or formula sign)
//! starts with an invisible WORD JOINER (U+2060): it shows exactly as written but is never run.
//! Control characters and bidi overrides are written as visible escapes (`\u{1b}`).

use super::escape::visible_controls;
use super::words::event_status;
use crate::model::Timeline;

/// The header row.
pub const COLUMNS: [&str; 15] = [
    "start",
    "end",
    "value",
    "precision",
    "approximate",
    "uncertain",
    "modifier",
    "reason",
    "expression",
    "sentence",
    "label",
    "document",
    "review_status",
    "note",
    "id",
];

/// What goes before a cell a spreadsheet would otherwise evaluate: invisible, not a formula
/// character, and not stripped by LibreOffice or Excel (an apostrophe would show in the cell).
pub const DEFUSE: char = '\u{2060}';

/// True when a spreadsheet would treat the cell as a formula.
fn is_formula(field: &str) -> bool {
    match field.as_bytes() {
        [b'=' | b'+' | b'@' | b'\t' | b'\r', ..] => true,
        [b'-', next, ..] => next.is_ascii_digit() || matches!(next, b'(' | b'=' | b'+' | b'@'),
        _ => false,
    }
}

fn quote(field: &str) -> String {
    let body = visible_controls(field).replace('"', "\"\"");
    if is_formula(field) {
        format!("\"{DEFUSE}{body}\"")
    } else {
        format!("\"{body}\"")
    }
}

/// The lowercase name serde gives an enum value (`"day"`, `"mid"`), or "" for none.
fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Renders the timeline as CSV.
pub fn render(t: &Timeline) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for e in &t.events {
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        // The editor's review, when a review file is in use.
        let note = e.review.as_ref().map_or("", |r| r.note.as_str());
        let row = [
            day(e.date.start),
            day(e.date.end),
            quote(&e.date.value),
            name(&e.date.precision),
            e.date.approximate.to_string(),
            e.date.uncertain.to_string(),
            name(&e.date.modifier),
            quote(&e.date.reason),
            quote(&e.expression.text),
            quote(&e.sentence.text),
            quote(&e.label),
            quote(&e.document),
            event_status(e).name().to_string(),
            quote(note),
            quote(&e.id),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
