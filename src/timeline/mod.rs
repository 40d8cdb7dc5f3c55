//! The timeline: model types, building a timeline from documents, and its output formats.

pub mod csv;
pub mod format;
pub mod merge;
pub mod model;
pub mod stream;
pub mod timelinejs;
pub mod timeml;

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
    let mut keys: Vec<_> = timeline
        .events
        .iter()
        .zip(&hints)
        .enumerate()
        .map(|(i, (e, &(doc, hint)))| {
            let unresolved = e.date.start.is_none();
            let hint = if unresolved { hint } else { 0 };
            let key = (
                unresolved,
                e.date.start,
                e.date.end,
                hint,
                doc,
                e.expression.start,
            );
            (key, i)
        })
        .collect();
    keys.sort_unstable();
    // Apply the order in place: events are large, and a second array of them costs more
    // (fresh pages) than the swaps.
    let order: Vec<usize> = keys.into_iter().map(|(_, i)| i).collect();
    for k in 0..order.len() {
        let mut j = order[k];
        while j < k {
            j = order[j];
        }
        timeline.events.swap(k, j);
    }
    if timeline.documents.len() > 1 {
        merge::group_reports(&mut timeline.events);
    }
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
    timeline.events.reserve(found.len());
    timeline.mentions.reserve(found.len());
    hints.reserve(found.len());
    let anchor = match opts.anchor {
        Some(date) => Anchor {
            date: Some(date),
            basis: AnchorBasis::Given,
            uncertain: false,
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
    let mut cx = Context {
        anchor: anchor.date,
        inferred: anchor.basis == AnchorBasis::Inferred,
        prefer: opts.prefer,
        previous: None,
        sentence_day: None,
    };
    let mut current_sentence = usize::MAX;
    // "بعد يومين من ذلك", "اليوم التالي" count from the date written last before them, which
    // in narrative news is often in the sentence before.
    for (sentence_index, f) in found {
        if sentence_index != current_sentence {
            current_sentence = sentence_index;
            cx.sentence_day = None;
        }
        let r = if f.future && cx.prefer == Prefer::Past {
            resolve(
                &f.expr,
                &Context {
                    prefer: Prefer::Future,
                    ..cx
                },
            )
        } else {
            resolve(&f.expr, &cx)
        };
        if let Some(start) = r.date.as_ref().and_then(|d| d.start) {
            cx.previous = Some(start);
            cx.sentence_day = Some(start);
        }
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
                .map_or_else(|| r.value.clone(), |d| d.value.clone()),
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
            review: None,
            group: None,
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
    let (head, cut) = match sentence.char_indices().nth(LABEL_CHARS) {
        Some((i, _)) => {
            let head = &sentence[..i];
            (
                head.rfind(char::is_whitespace)
                    .map_or(head, |sp| &head[..sp]),
                true,
            )
        }
        None => (sentence, false),
    };
    let mut out = String::with_capacity(head.len() + 3);
    for (k, word) in head.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if cut {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Options {
        Options {
            anchor: NaiveDate::from_ymd_opt(2022, 1, 6),
            ..Options::default()
        }
    }

    #[test]
    fn events_sort_by_start_end_then_position() {
        let text = "وقع ذلك غدا. ثم أمس. وفي 5 يناير 2022 أيضا. ومن 2020 إلى 2021 حكم. وفي 2021 كذلك. واليوم انتهى.";
        let t = extract(text, &opts());
        let got: Vec<&str> = t
            .events
            .iter()
            .map(|e| e.expression.text.as_str())
            .collect();
        assert_eq!(
            got,
            vec![
                "ومن 2020 إلى 2021",
                "2021",
                "أمس",
                "5 يناير 2022",
                "واليوم",
                "غدا"
            ]
        );
    }

    #[test]
    fn labels_cut_long_sentences_at_a_word() {
        assert_eq!(label("  قصير\tجدا  "), "قصير جدا");
        let long = "كلمة ".repeat(40);
        let l = label(&long);
        assert!(
            l.ends_with('…') && l.chars().count() <= LABEL_CHARS + 1,
            "{l}"
        );
        assert!(!l.contains("  "));
    }
}
