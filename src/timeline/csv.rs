//! CSV export: one row per event, for spreadsheets.
//!
//! Starts with a UTF-8 byte-order mark so spreadsheet programs read Arabic as UTF-8, uses CRLF
//! line ends and quotes every text field (RFC 4180). A cell that a spreadsheet would run as a
//! formula (starting with = + @ or - and a digit) is prefixed with an apostrophe; control
//! characters are written as visible escapes (`\u{1b}`).

use super::model::Timeline;

/// The header row.
pub const COLUMNS: [&str; 12] = [
    "start",
    "end",
    "value",
    "precision",
    "approximate",
    "expression",
    "sentence",
    "label",
    "document",
    "review_status",
    "note",
    "id",
];

fn quote(field: &str) -> String {
    let risky = match field.as_bytes() {
        [b'=' | b'+' | b'@' | b'\t' | b'\r', ..] => true,
        [b'-', next, ..] => next.is_ascii_digit() || matches!(next, b'(' | b'=' | b'+' | b'@'),
        _ => false,
    };
    // Control characters (ESC, NUL, C1) would garble a spreadsheet or a terminal that shows the
    // file: they are written as visible escapes, as in the Markdown chronology.
    let body = super::format::visible_controls(field).replace('"', "\"\"");
    if risky {
        format!("\"'{body}\"")
    } else {
        format!("\"{body}\"")
    }
}

/// Renders the timeline as CSV.
pub fn render(t: &Timeline) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for e in &t.events {
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let precision = serde_json::to_value(e.date.precision)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        // The editor's review, when a review file is in use.
        let (status, note) = e.review.as_ref().map_or(("unreviewed", ""), |r| {
            let status = match r.status {
                super::model::ReviewStatus::Unreviewed => "unreviewed",
                super::model::ReviewStatus::Verified => "verified",
                super::model::ReviewStatus::Flagged => "flagged",
            };
            (status, r.note.as_str())
        });
        let row = [
            day(e.date.start),
            day(e.date.end),
            quote(&e.date.value),
            precision,
            e.date.approximate.to_string(),
            quote(&e.expression.text),
            quote(&e.sentence.text),
            quote(&e.label),
            quote(&e.document),
            status.to_string(),
            quote(note),
            quote(&e.id),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
