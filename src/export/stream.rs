//! Streaming extraction for large batches: one JSON document per input line
//! (`{"id", "text", "anchor"?}`), events written as JSON lines as soon as each document is done,
//! in memory bounded by the largest single document.

use std::io::{BufRead, Write};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::extract::{Options, Source, extract_all};

/// One input line.
#[derive(Deserialize)]
struct InputDocument {
    id: String,
    text: String,
    #[serde(default)]
    anchor: Option<String>,
}

/// What a streaming run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Documents read and extracted.
    pub documents: usize,
    /// Events written.
    pub events: usize,
    /// Input lines that were not valid documents (skipped, reported through `on_bad_line`).
    pub bad_lines: usize,
}

/// Reads documents from `input`, writes their events to `output` as JSON lines. A line that is
/// not a document is reported through `on_bad_line(line_number, why)` and skipped, so one bad
/// record does not stop an archive run. `on_progress` is called after every document.
pub fn run(
    input: impl BufRead,
    mut output: impl Write,
    opts: &Options,
    mut on_bad_line: impl FnMut(usize, &str),
    mut on_progress: impl FnMut(&Stats),
) -> std::io::Result<Stats> {
    let mut stats = Stats::default();
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: InputDocument = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                stats.bad_lines += 1;
                on_bad_line(
                    n + 1,
                    &format!("not a JSON object {{\"id\", \"text\", \"anchor\"?}} ({e})"),
                );
                continue;
            }
        };
        let mut doc_opts = opts.clone();
        if let Some(a) = &doc.anchor {
            match NaiveDate::parse_from_str(a, "%Y-%m-%d") {
                Ok(d) => doc_opts.anchor = Some(d),
                Err(_) => {
                    stats.bad_lines += 1;
                    on_bad_line(
                        n + 1,
                        &format!("anchor '{a}' is not a date like 2022-01-06"),
                    );
                    continue;
                }
            }
        }
        let extraction = extract_all(
            [(
                Source {
                    id: doc.id,
                    path: None,
                    text: doc.text,
                },
                None,
            )],
            &doc_opts,
        );
        let events = extraction.order.len();
        super::jsonl::write_extraction(&extraction, &mut output)?;
        output.flush()?;
        stats.documents += 1;
        stats.events += events;
        on_progress(&stats);
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_in_events_out_bad_lines_reported() {
        let input = concat!(
            r#"{"id":"a","text":"وصل الوفد أمس.","anchor":"2022-01-06"}"#,
            "\n",
            "not json\n",
            r#"{"id":"b","text":"انتهى الاجتماع يوم 3 مارس 2021."}"#,
            "\n",
            r#"{"id":"c","text":"x","anchor":"06/01/2022"}"#,
            "\n",
        );
        let mut out = Vec::new();
        let mut bad = Vec::new();
        let stats = run(
            input.as_bytes(),
            &mut out,
            &Options::default(),
            |n, why| bad.push((n, why.to_string())),
            |_| {},
        )
        .unwrap();
        assert_eq!(
            stats,
            Stats {
                documents: 2,
                events: 2,
                bad_lines: 2
            }
        );
        assert_eq!(bad.iter().map(|b| b.0).collect::<Vec<_>>(), vec![2, 4]);
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["document"], "a");
        assert_eq!(lines[0]["date"]["start"], "2022-01-05");
        assert_eq!(lines[1]["document"], "b");
        assert_eq!(lines[1]["date"]["start"], "2021-03-03");
    }
}
