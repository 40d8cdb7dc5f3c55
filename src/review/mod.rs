//! Editorial review: the review file's model, how reviews find their events again, and merging.
//!
//! A review file (`ARTICLE.tarikh.json`) holds, per reviewed event, a status, a note and a
//! corrected date, plus the document's anchor when the editor set one. Reviews are keyed on
//! content, not on byte offsets, so they survive re-extraction, edits elsewhere in the article
//! and a newer tarikh: the key is the expression's normalised text, the normalised sentence and
//! an occurrence index for the same expression repeated in the same sentence; the offset is kept
//! only to break ties. A review whose event cannot be found any more is an orphan: kept, shown
//! with its sentence, until the editor deletes it.
//!
//! [`store`] reads and writes the file (atomic save, lock, merge, corrupt files set aside);
//! [`session`] holds the reviews of every open document and applies them to a timeline.

pub mod session;
pub mod store;

use crate::lang::normalize;
use crate::model::{DaySpan, Event, ReviewStatus};
use crate::text::likeness::likeness;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// The review file format version this tarikh writes; files with a higher one are set aside
/// rather than half-understood and overwritten.
pub const VERSION: u32 = 1;

/// One event's review as stored: the key data (the expression and its sentence as written, so
/// an orphan can still be shown) and what the editor decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The date expression as written in the article.
    pub expression: String,
    /// The sentence it was found in, as written.
    pub sentence: String,
    /// Which occurrence of the same expression in the same sentence (0 for the first).
    #[serde(default)]
    pub occurrence: usize,
    /// Byte offset of the expression when last seen: only a tie-breaker.
    #[serde(default)]
    pub offset: usize,
    /// Unreviewed, verified or flagged.
    #[serde(default)]
    pub status: ReviewStatus,
    /// The editor's note.
    #[serde(default)]
    pub note: String,
    /// The editor's date for the event.
    #[serde(default)]
    pub corrected: Option<DaySpan>,
}

impl Entry {
    /// A blank review for an event (its key data, nothing decided yet).
    pub fn for_event(event: &Event, occurrence: usize) -> Entry {
        Entry {
            expression: event.expression.text.clone(),
            sentence: event.sentence.text.clone(),
            occurrence,
            offset: event.expression.start,
            status: ReviewStatus::Unreviewed,
            note: String::new(),
            corrected: None,
        }
    }

    /// The content key this entry is found by.
    pub fn key(&self) -> Key {
        Key::new(&self.expression, &self.sentence, self.occurrence)
    }

    /// Nothing decided: such entries are dropped rather than saved.
    pub fn is_empty(&self) -> bool {
        self.status == ReviewStatus::Unreviewed && self.note.is_empty() && self.corrected.is_none()
    }
}

/// The whole review file of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFile {
    /// Format version ([`VERSION`]).
    pub tarikh_review: u32,
    /// The article's file name, for a person opening the file.
    #[serde(default)]
    pub article: Option<String>,
    /// The document's date as set by the editor (`A` in the viewer), overriding inference.
    #[serde(default)]
    pub anchor: Option<NaiveDate>,
    /// The reviews, in the order they were first made.
    #[serde(default)]
    pub reviews: Vec<Entry>,
}

impl Default for ReviewFile {
    fn default() -> Self {
        ReviewFile {
            tarikh_review: VERSION,
            article: None,
            anchor: None,
            reviews: Vec::new(),
        }
    }
}

/// A review's identity: normalised expression, normalised sentence, occurrence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// The expression, normalised (harakat, hamza forms, digits and spacing folded).
    pub expression: String,
    /// The sentence, normalised the same way.
    pub sentence: String,
    /// Which occurrence of the expression in the sentence.
    pub occurrence: usize,
}

/// Folds text for keying: the search normalisation plus collapsed white space, so re-spacing
/// or re-vowelling a sentence does not orphan its reviews.
pub fn fold(text: &str) -> String {
    normalize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Key {
    /// The key of an expression in a sentence.
    pub fn new(expression: &str, sentence: &str, occurrence: usize) -> Key {
        Key {
            expression: fold(expression),
            sentence: fold(sentence),
            occurrence,
        }
    }
}

/// The keys of a document's events, in the order given (`events` are the document's events;
/// occurrence indices count in text order).
pub fn event_keys(events: &[&Event]) -> Vec<Key> {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| events[i].expression.start);
    let mut seen: FxHashMap<(String, String), usize> = FxHashMap::default();
    let mut keys = vec![
        Key {
            expression: String::new(),
            sentence: String::new(),
            occurrence: 0,
        };
        events.len()
    ];
    for i in order {
        let e = events[i];
        let (x, s) = (fold(&e.expression.text), fold(&e.sentence.text));
        let n = seen.entry((x.clone(), s.clone())).or_insert(0);
        keys[i] = Key {
            expression: x,
            sentence: s,
            occurrence: *n,
        };
        *n += 1;
    }
    keys
}

/// Below this share of common content words ([`likeness`]), an edited sentence is a
/// different sentence.
pub const MIN_SIMILARITY: f64 = 0.5;

/// Finds each entry's event among a document's events: by exact key; then the same expression
/// in the same sentence nearest the old offset; then the same expression in the most similar
/// sentence (at least [`MIN_SIMILARITY`]). Each event takes at most one entry. Returns, per
/// entry, the index into `events` (`None`: an orphan).
pub fn attach(entries: &[Entry], events: &[&Event]) -> Vec<Option<usize>> {
    if entries.is_empty() {
        // Nothing reviewed: skip keying every event (large timelines, every keypress).
        return Vec::new();
    }
    let keys = event_keys(events);
    let mut claimed = vec![false; events.len()];
    let mut out = vec![None; entries.len()];
    let exact: FxHashMap<&Key, usize> = keys.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let entry_keys: Vec<Key> = entries.iter().map(Entry::key).collect();
    for (k, key) in entry_keys.iter().enumerate() {
        if let Some(&i) = exact.get(key)
            && !claimed[i]
        {
            claimed[i] = true;
            out[k] = Some(i);
        }
    }
    let distance = |i: usize, e: &Entry| events[i].expression.start.abs_diff(e.offset);
    for (k, key) in entry_keys.iter().enumerate() {
        if out[k].is_some() {
            continue;
        }
        let best = (0..events.len())
            .filter(|&i| {
                !claimed[i]
                    && keys[i].expression == key.expression
                    && keys[i].sentence == key.sentence
            })
            .min_by_key(|&i| distance(i, &entries[k]));
        if let Some(i) = best {
            claimed[i] = true;
            out[k] = Some(i);
        }
    }
    for (k, key) in entry_keys.iter().enumerate() {
        if out[k].is_some() {
            continue;
        }
        let mut best: Option<(f64, usize, usize)> = None;
        for i in 0..events.len() {
            if claimed[i] || keys[i].expression != key.expression {
                continue;
            }
            let s = likeness(&keys[i].sentence, &key.sentence);
            if s < MIN_SIMILARITY {
                continue;
            }
            let d = distance(i, &entries[k]);
            if best.is_none_or(|(bs, bd, _)| s > bs || (s == bs && d < bd)) {
                best = Some((s, d, i));
            }
        }
        if let Some((_, _, i)) = best {
            claimed[i] = true;
            out[k] = Some(i);
        }
    }
    out
}

/// Three-way merge of review files by key: what we changed since `base` wins, everything else
/// comes from `theirs` (another tarikh's save). Returns the merge and how many entries (or the
/// anchor) were taken from `theirs` because they differed from `base`.
pub fn merge(base: &ReviewFile, ours: &ReviewFile, theirs: &ReviewFile) -> (ReviewFile, usize) {
    let mut taken = 0;
    let index = |f: &ReviewFile| -> FxHashMap<Key, Entry> {
        f.reviews.iter().map(|e| (e.key(), e.clone())).collect()
    };
    let (b, o, t) = (index(base), index(ours), index(theirs));
    let mut order: Vec<Key> = ours.reviews.iter().map(Entry::key).collect();
    for e in &theirs.reviews {
        let k = e.key();
        if !o.contains_key(&k) {
            order.push(k);
        }
    }
    for e in &base.reviews {
        let k = e.key();
        if !order.contains(&k) {
            order.push(k);
        }
    }
    let mut reviews = Vec::new();
    for k in order {
        let (be, oe, te) = (b.get(&k), o.get(&k), t.get(&k));
        let pick = if oe == be {
            if te != be {
                taken += 1;
            }
            te
        } else {
            oe
        };
        if let Some(e) = pick
            && !reviews.iter().any(|r: &Entry| r.key() == k)
        {
            reviews.push(e.clone());
        }
    }
    let anchor = if ours.anchor == base.anchor {
        if theirs.anchor != base.anchor {
            taken += 1;
        }
        theirs.anchor
    } else {
        ours.anchor
    };
    let merged = ReviewFile {
        tarikh_review: VERSION,
        article: ours.article.clone().or_else(|| theirs.article.clone()),
        anchor,
        reviews,
    };
    (merged, taken)
}

/// Parses a date an editor typed: `YYYY-MM-DD`, or a range `YYYY-MM-DD/YYYY-MM-DD` (in order).
pub fn parse_span(text: &str) -> Result<DaySpan, String> {
    let text = text.trim();
    let day = |s: &str| {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| format!("'{}' is not a date like 2022-01-06", s.trim()))
    };
    let (start, end) = match text.split_once('/') {
        Some((a, b)) => (day(a)?, day(b)?),
        None => {
            let d = day(text)?;
            (d, d)
        }
    };
    if end < start {
        return Err(format!("the range ends ({end}) before it starts ({start})"));
    }
    Ok(DaySpan { start, end })
}

/// The span as typed back: `2022-01-06` or `2022-01-06/2022-01-08`.
pub fn span_text(span: &DaySpan) -> String {
    if span.start == span.end {
        span.start.to_string()
    } else {
        format!("{}/{}", span.start, span.end)
    }
}
