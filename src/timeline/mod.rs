//! The timeline: model types, building a timeline from documents, and its output formats.

pub mod format;
pub mod model;

use crate::resolve::{Context, Prefer, resolve};
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
pub fn extract_sources(sources: Vec<Source>, opts: &Options) -> Timeline {
    let mut timeline = Timeline {
        schema: SCHEMA,
        documents: Vec::with_capacity(sources.len()),
        events: Vec::new(),
        mentions: Vec::new(),
        warnings: Vec::new(),
    };
    let mut hints = Vec::new();
    for (doc_index, source) in sources.into_iter().enumerate() {
        add_document(&mut timeline, &mut hints, doc_index, source, opts);
    }
    // Sort by start, end, then document order and position; unresolved dates go last, in the
    // order their offsets from the unknown anchor suggest.
    let mut order: Vec<usize> = (0..timeline.events.len()).collect();
    order.sort_by_key(|&i| {
        let e = &timeline.events[i];
        let (doc, hint) = hints[i];
        (
            e.date.start.is_none(),
            e.date.start,
            e.date.end,
            if e.date.start.is_none() { hint } else { 0 },
            doc,
            e.expression.start,
        )
    });
    let mut events: Vec<Option<Event>> = timeline.events.drain(..).map(Some).collect();
    timeline.events = order.into_iter().filter_map(|i| events[i].take()).collect();
    timeline
}

fn add_document(
    timeline: &mut Timeline,
    hints: &mut Vec<(usize, i64)>,
    doc_index: usize,
    source: Source,
    opts: &Options,
) {
    let text = source.text;
    let sentences = crate::text::split_sentences(&text);
    let found = crate::lang::ar::scan(&text, &sentences);
    let anchor = match opts.anchor {
        Some(date) => Anchor {
            date: Some(date),
            basis: AnchorBasis::Given,
            reason: "given by the user".into(),
        },
        None => crate::resolve::anchor::infer(&text, &found, opts.today),
    };
    if anchor.date.is_none() {
        timeline.warnings.push(format!(
            "{}: no document date found; relative dates are unresolved (use --anchor YYYY-MM-DD)",
            source.id
        ));
    }
    let cx = Context {
        anchor: anchor.date,
        inferred: anchor.basis == AnchorBasis::Inferred,
        prefer: opts.prefer,
    };
    for (sentence_index, f) in found {
        let r = resolve(&f.expr, &cx);
        let expression = Quote {
            text: text[f.start..f.end].to_string(),
            start: f.start,
            end: f.end,
        };
        if let Some(w) = &r.warning {
            timeline.warnings.push(format!(
                "{}: '{}' (byte {}): {w}",
                source.id, expression.text, f.start
            ));
        }
        timeline.mentions.push(Mention {
            document: source.id.clone(),
            kind: r.kind,
            value: r
                .date
                .as_ref()
                .map_or_else(|| "PRESENT_REF".to_string(), |d| d.value.clone()),
            start: r.date.as_ref().and_then(|d| d.start),
            end: r.date.as_ref().and_then(|d| d.end),
            expression: expression.clone(),
        });
        let Some(date) = r.date else { continue };
        let s = sentences[sentence_index];
        let sentence_text = &text[s.start..s.end];
        timeline.events.push(Event {
            id: format!("{}:{}-{}", source.id, f.start, f.end),
            document: source.id.clone(),
            date,
            expression,
            sentence: SentenceQuote {
                text: sentence_text.to_string(),
                start: s.start,
                end: s.end,
                index: sentence_index,
            },
            label: label(sentence_text),
        });
        hints.push((doc_index, r.order_hint));
    }
    timeline.documents.push(DocumentInfo {
        id: source.id,
        path: source.path,
        language: "ar".into(),
        anchor,
        text,
        sentences,
    });
}

/// How many characters a list label keeps from its sentence.
const LABEL_CHARS: usize = 64;

/// The start of a sentence, cut at a word boundary, for one list row.
fn label(sentence: &str) -> String {
    // Look only at the head: sentences can be long, and labels are built for every event.
    let head_end = sentence
        .char_indices()
        .nth(LABEL_CHARS + 1)
        .map_or(sentence.len(), |(i, _)| i);
    let mut clean = String::with_capacity(head_end + 4);
    for word in sentence[..head_end].split_whitespace() {
        if !clean.is_empty() {
            clean.push(' ');
        }
        clean.push_str(word);
    }
    if head_end == sentence.len() && clean.chars().count() <= LABEL_CHARS {
        return clean;
    }
    let cut = clean
        .char_indices()
        .nth(LABEL_CHARS)
        .map_or(clean.len(), |(i, _)| i);
    clean.truncate(clean[..cut].rfind(' ').unwrap_or(cut));
    clean.push('…');
    clean
}
