//! The timeline: model types, building a timeline from documents, and its output formats.

pub mod format;
pub mod model;

use crate::resolve::Prefer;
use chrono::NaiveDate;
use model::*;

/// How to extract: the anchor if known, and which way ambiguous dates lean.
#[derive(Debug, Clone)]
pub struct Options {
    /// The document date, overriding inference (`--anchor`).
    pub anchor: Option<NaiveDate>,
    /// How a bare weekday or month resolves.
    pub prefer: Prefer,
    /// Today's date: inference never puts an article after it.
    pub today: NaiveDate,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            anchor: None,
            prefer: Prefer::Past,
            today: chrono::Local::now().date_naive(),
        }
    }
}

/// One input document.
#[derive(Debug, Clone)]
pub struct Source {
    /// Short unique id (the file stem).
    pub id: String,
    /// The path it was read from, if any.
    pub path: Option<String>,
    /// Its text (a leading BOM is kept so offsets match the file).
    pub text: String,
}

/// Extracts the timeline of one in-memory text (document id `text`).
pub fn extract(text: &str, opts: &Options) -> Timeline {
    extract_sources(
        vec![Source {
            id: "text".into(),
            path: None,
            text: text.to_string(),
        }],
        opts,
    )
}

/// Extracts and merges the timelines of several documents, each with its own anchor.
pub fn extract_sources(sources: Vec<Source>, _opts: &Options) -> Timeline {
    let documents = sources
        .into_iter()
        .map(|s| DocumentInfo {
            sentences: crate::text::split_sentences(&s.text),
            id: s.id,
            path: s.path,
            language: "ar".into(),
            anchor: Anchor {
                date: None,
                basis: AnchorBasis::None,
                reason: String::new(),
            },
            text: s.text,
        })
        .collect();
    Timeline {
        schema: SCHEMA,
        documents,
        events: Vec::new(),
        mentions: Vec::new(),
        warnings: Vec::new(),
    }
}
