//! Extraction, the one orchestrator: sources in (each with its own anchor or none), the
//! language's scan, the anchor, the resolution in text order, then one sort and grouping of the
//! events of every document into a [`Timeline`].

pub mod merge;
pub mod wording;

use crate::lang::Language;
use crate::lang::expr::{Direction, Expr, Found};
use crate::model::*;
use crate::resolve::{Context, Prefer, Strength, Told, resolve};
use chrono::{Datelike, NaiveDate};
use wording::Wording;

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

/// The most bytes one document's text may have: its sentences and words are indexed in
/// 32 bits (see [`Source::text`]).
pub const MAX_DOCUMENT_BYTES: usize = u32::MAX as usize;

/// One input document.
#[derive(Debug, Clone)]
pub struct Source {
    /// Short unique id (the file stem).
    pub id: String,
    /// The path it was read from, if any.
    pub path: Option<String>,
    /// Its text (a leading BOM is kept so offsets match the file), at most 4 GiB: the
    /// extraction indexes a document's sentences and words in 32 bits (past that, places
    /// saturate and their words read as empty; the command line refuses such a file).
    pub text: String,
}

/// The anchor a caller gives one source instead of inferring it (the review file's), and
/// the reason the timeline shows for it.
#[derive(Debug, Clone)]
pub struct Given {
    /// The document date.
    pub date: NaiveDate,
    /// Where it comes from, in words ("set by the editor in the review file …").
    pub reason: String,
}

/// One expression found in a document and resolved: spans into the document and what the
/// resolver made of it, nothing copied out of the text. Events, mentions and the JSON lines
/// are all built from these.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// Index of its sentence in the document (32 bits, as a document's text is at most
    /// 4 GiB: see [`Source`]).
    pub sentence: u32,
    /// First byte of the expression.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its TIMEX3 type.
    pub kind: MentionKind,
    /// Its date when it is an event (its words are in the document's wording).
    pub date: Option<Bounds>,
    /// Where its date's value and reason (or, for a mention that is not an event, its
    /// TIMEX3 value) are in the document's [`Extracted::wording`] (which, at about a tenth of
    /// the text, 32 bits reach).
    pub words: u32,
    /// Where an unresolved event sorts relative to the unknown anchor, in days (clamped to
    /// ±2^31, as [`SortKey`] does).
    pub order_hint: i32,
}

/// One document extracted: its text, sentences and anchor, its expressions in text order,
/// and its warnings.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The document as the timeline lists it.
    pub info: DocumentInfo,
    /// Every expression found, in text order.
    pub resolved: Vec<Resolved>,
    /// The values and reasons of `resolved`.
    pub wording: Wording,
    /// What an editor should be told about the whole document (no date found).
    pub warnings: Vec<String>,
    /// What the resolver found wrong with an expression: its index in `resolved`, and where
    /// the words are in `wording` (the warning line is written only when a timeline is
    /// built, see [`Extracted::all_warnings`]).
    pub problems: Vec<(usize, usize)>,
}

/// Every document extracted, and the one order of their events.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The documents, in input order.
    pub docs: Vec<Extracted>,
    /// The timeline's events in order: (document, index into its `resolved`), in 32 bits,
    /// since a long document holds one per event.
    pub order: Vec<(u32, u32)>,
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
    extract_all(sources.into_iter().map(|s| (s, None)), opts).into_timeline()
}

/// Extracts every source (with the anchor given for it, if any), and orders their events
/// once for all of them.
pub fn extract_all(
    sources: impl IntoIterator<Item = (Source, Option<Given>)>,
    opts: &Options,
) -> Extraction {
    let docs: Vec<Extracted> = sources
        .into_iter()
        .map(|(source, given)| extract_document(source, given, opts))
        .collect();
    // Exactly as many keys as events: for a 20 MB document this array is most of what the
    // order costs.
    let events = docs
        .iter()
        .map(|x| x.resolved.iter().filter(|r| r.date.is_some()).count())
        .sum();
    let mut keyed: Vec<SortKey> = Vec::with_capacity(events);
    for (d, x) in docs.iter().enumerate() {
        for (i, r) in x.resolved.iter().enumerate() {
            if let Some(date) = &r.date {
                // The expression's index is its place: expressions follow the text.
                let hint = r.order_hint.into();
                keyed.push(SortKey::new(date.start, date.end, hint, d, i));
            }
        }
    }
    let halves =
        keyed.len() >= 1 << 16 && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    Extraction {
        docs,
        order: in_order(keyed, halves),
    }
}

/// The places of the events in timeline order: sorted whole (no two keys are alike, so the
/// order is one), or, with `halves`, in two halves side by side and merged.
fn in_order(mut keyed: Vec<SortKey>, halves: bool) -> Vec<(u32, u32)> {
    let at = |k: &SortKey| (k.doc, k.place);
    if halves {
        let mid = keyed.len() / 2;
        let (a, b) = keyed.split_at_mut(mid);
        std::thread::scope(|scope| {
            let later = scope.spawn(|| b.sort_unstable());
            a.sort_unstable();
            later
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        });
        let (a, b) = keyed.split_at(mid);
        let mut order = Vec::with_capacity(keyed.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if a[i] < b[j] {
                order.push(at(&a[i]));
                i += 1;
            } else {
                order.push(at(&b[j]));
                j += 1;
            }
        }
        order.extend(a[i..].iter().chain(&b[j..]).map(at));
        order
    } else {
        keyed.sort_unstable();
        keyed.iter().map(at).collect()
    }
}

/// Where an event stands in the timeline: resolved dates by first day, last day, document
/// and place; unresolved ones last, document by document (each has its own unknown anchor),
/// in the order their offsets from it suggest ("أمس" before "غدا"). Packed into 16 bytes,
/// since a long document sorts one per event: `days` holds the first and last day, or for an
/// unresolved event a flag, the document and the offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortKey {
    days: u64,
    doc: u32,
    place: u32,
}

/// An unresolved event's order hint in 32 bits, clamped to ±2^31 days: only hints more
/// than 5.8 million years apart could sort otherwise.
fn hint_days(order_hint: i64) -> i32 {
    order_hint.clamp(i32::MIN.into(), i32::MAX.into()) as i32
}

/// Added to a day's number from the common era so every day chrono has is positive and
/// below 2^31 (chrono's days lie within ±2^27).
const DAY_BIAS: i64 = 1 << 28;

impl SortKey {
    /// The key of an event from `start` to `end` (unresolved while `start` is `None`, and
    /// then placed by `order_hint`, in days, clamped to ±2^31), in document `doc` at
    /// `place`: its byte, or its index among the document's expressions (both follow the
    /// text). Documents count to 2^31, places to 2^32 (a document is at most 4 GiB).
    pub fn new(
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        order_hint: i64,
        doc: usize,
        place: usize,
    ) -> SortKey {
        let day = |d: NaiveDate| (i64::from(d.num_days_from_ce()) + DAY_BIAS) as u64;
        let days = match start {
            Some(s) => day(s) << 32 | end.map_or(0, |e| day(e) + 1),
            None => {
                let hint = i64::from(hint_days(order_hint)) - i64::from(i32::MIN);
                1 << 63 | (doc.min((1 << 31) - 1) as u64) << 32 | hint as u64
            }
        };
        SortKey {
            days,
            doc: u32::try_from(doc).unwrap_or(u32::MAX),
            place: u32::try_from(place).unwrap_or(u32::MAX),
        }
    }
}

/// Puts the timeline's events in the one order ([`SortKey`]; documents in the timeline's
/// order) and groups the reports of one event across documents again (`group`).
pub fn sort_and_group(timeline: &mut Timeline) {
    let ids: rustc_hash::FxHashMap<&str, usize> = timeline
        .documents
        .iter()
        .enumerate()
        .map(|(k, d)| (d.id.as_str(), k))
        .collect();
    let mut keys: Vec<(SortKey, usize)> = timeline
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let doc = ids.get(e.document.as_str()).copied().unwrap_or(usize::MAX);
            let d = &e.date;
            let key = SortKey::new(d.start, d.end, e.order_hint, doc, e.expression.start);
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
        for e in &mut timeline.events {
            e.group = None;
        }
        merge::group_reports(&mut timeline.events);
    }
}

/// Puts a fresh extraction of document `doc` in place of the old one: its info, events,
/// mentions and warnings, the mentions and warnings where the old ones were (documents keep
/// their order). The caller orders the events again ([`sort_and_group`], or a review
/// session's apply).
pub fn replace_document(timeline: &mut Timeline, doc: usize, fresh: Extracted) {
    if doc >= timeline.documents.len() {
        return;
    }
    let ids: rustc_hash::FxHashMap<String, usize> = timeline
        .documents
        .iter()
        .enumerate()
        .map(|(k, d)| (d.id.clone(), k))
        .collect();
    let id = timeline.documents[doc].id.clone();
    timeline.events.retain(|e| e.document != id);
    timeline.events.extend(fresh.events());
    let mentions: Vec<Mention> = fresh.mentions().collect();
    put_in_place(
        &mut timeline.mentions,
        |m| ids.get(&m.document).copied(),
        doc,
        mentions,
    );
    // A warning is "DOC: …" (see `expression_warning`); ids never hold ": ".
    let doc_of_warning = |w: &String| ids.get(w.split_once(": ")?.0).copied();
    let warnings: Vec<String> = fresh.all_warnings().collect();
    put_in_place(&mut timeline.warnings, doc_of_warning, doc, warnings);
    timeline.documents[doc] = fresh.info;
}

/// Replaces the items of document `doc` in `items` (grouped by document, in document order)
/// with `fresh`, where its old ones were. Items of no document stay where they are.
fn put_in_place<T>(
    items: &mut Vec<T>,
    doc_of: impl Fn(&T) -> Option<usize>,
    doc: usize,
    fresh: Vec<T>,
) {
    let at = items
        .iter()
        .filter(|x| doc_of(x) != Some(doc))
        .position(|x| doc_of(x).is_some_and(|d| d > doc))
        .unwrap_or(items.len());
    items.retain(|x| doc_of(x) != Some(doc));
    let at = at.min(items.len());
    items.splice(at..at, fresh);
}

impl Extraction {
    /// The timeline: every document, its events in order (grouped across documents),
    /// mentions and warnings.
    pub fn into_timeline(self) -> Timeline {
        let mut timeline = Timeline {
            schema: SCHEMA,
            documents: Vec::with_capacity(self.docs.len()),
            events: Vec::with_capacity(self.order.len()),
            mentions: Vec::new(),
            warnings: Vec::new(),
        };
        for &(d, i) in &self.order {
            let x = &self.docs[d as usize];
            timeline.events.extend(x.event(&x.resolved[i as usize]));
        }
        timeline
            .mentions
            .reserve(self.docs.iter().map(|x| x.resolved.len()).sum());
        for x in &self.docs {
            timeline.mentions.extend(x.mentions());
        }
        for x in self.docs {
            timeline.warnings.extend(x.all_warnings());
            timeline.documents.push(x.info);
        }
        if timeline.documents.len() > 1 {
            merge::group_reports(&mut timeline.events);
        }
        timeline
    }
}

impl Extracted {
    /// The timeline event of `r` (one of this document's expressions), when it has a date.
    pub fn event(&self, r: &Resolved) -> Option<Event> {
        let date = self.date(r)?;
        let info = &self.info;
        let s = *info.sentences.get(r.sentence as usize)?;
        let sentence_text = &info.text[s.start..s.end];
        Some(Event {
            id: format!("{}:{}-{}", info.id, r.start, r.end),
            document: info.id.clone(),
            date,
            expression: self.quote(r),
            sentence: SentenceQuote {
                text: sentence_text.to_string(),
                start: s.start,
                end: s.end,
                index: r.sentence as usize,
            },
            label: crate::text::label(sentence_text),
            review: None,
            group: None,
            order_hint: r.order_hint.into(),
        })
    }

    /// Its warning lines: the document's, then each expression's in text order
    /// ([`expression_warning`]).
    pub fn all_warnings(&self) -> impl Iterator<Item = String> + '_ {
        let text = &self.info.text;
        self.warnings
            .iter()
            .cloned()
            .chain(self.problems.iter().filter_map(|&(k, at)| {
                let r = self.resolved.get(k)?;
                let mut what = String::new();
                self.wording.get_text(at, &mut what);
                let quoted = text.get(r.start..r.end)?;
                Some(expression_warning(&self.info.id, quoted, r.start, &what))
            }))
    }

    /// Its events in text order.
    pub fn events(&self) -> impl Iterator<Item = Event> + '_ {
        self.resolved.iter().filter_map(|r| self.event(r))
    }

    /// Its mentions (every expression, event or not) in text order.
    pub fn mentions(&self) -> impl Iterator<Item = Mention> + '_ {
        self.resolved.iter().map(|r| Mention {
            document: self.info.id.clone(),
            kind: r.kind,
            value: {
                // The value alone: it is the pair's first string.
                let mut value = String::new();
                self.wording.get_text(r.words as usize, &mut value);
                value
            },
            start: r.date.and_then(|d| d.start),
            end: r.date.and_then(|d| d.end),
            expression: self.quote(r),
        })
    }

    /// The date of `r` (one of this document's expressions), with its words.
    pub fn date(&self, r: &Resolved) -> Option<EventDate> {
        let (value, reason) = self.words(r);
        Some(EventDate::of(r.date?, value, reason))
    }

    /// The value and reason of `r`, from the wording.
    pub fn words(&self, r: &Resolved) -> (String, String) {
        let (mut value, mut reason) = (String::new(), String::new());
        self.wording.get(r.words as usize, &mut value, &mut reason);
        (value, reason)
    }

    fn quote(&self, r: &Resolved) -> Quote {
        Quote {
            text: self.info.text[r.start..r.end].to_string(),
            start: r.start,
            end: r.end,
        }
    }
}

/// Extracts one document: the sentences, the language's scan, the anchor (given, or
/// inferred from the text), then every expression resolved in text order, each in the
/// context the text before it sets.
pub fn extract_document(source: Source, given: Option<Given>, opts: &Options) -> Extracted {
    let halves = source.text.len() >= PARALLEL_BYTES
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    extract_in(source, given, opts, halves.then_some(RECHECK))
}

/// [`extract_document`], on one thread or, with `halves` (how many expressions the second
/// half's true run may resolve again, [`RECHECK`]), splitting, scanning and resolving two
/// halves of the text side by side (the same result).
fn extract_in(
    source: Source,
    given: Option<Given>,
    opts: &Options,
    halves: Option<usize>,
) -> Extracted {
    let recheck = halves;
    let halves = recheck.is_some();
    let text = source.text;
    let lang = crate::lang::of(&text);
    let sentences = sentences_of(lang, &text, halves);
    let found = scan(lang, &text, &sentences, halves);
    let mut warnings = Vec::new();
    let anchor = match (opts.anchor, given) {
        (Some(date), _) => Anchor {
            date: Some(date),
            basis: AnchorBasis::Given,
            uncertain: false,
            reason: "given by the user".into(),
        },
        (None, Some(g)) => Anchor {
            date: Some(g.date),
            basis: AnchorBasis::Given,
            uncertain: false,
            reason: g.reason,
        },
        (None, None) => crate::resolve::anchor::infer(
            crate::resolve::anchor::Read {
                text: &text,
                sentences: &sentences,
                found: &found,
                lang,
            },
            opts.today,
        ),
    };
    if anchor.date.is_none() {
        warnings.push(format!(
            "{}: no document date found; relative dates are unresolved (use --anchor YYYY-MM-DD)",
            source.id
        ));
    }
    let mut cx = Context::new(
        anchor.date,
        anchor.basis == AnchorBasis::Inferred,
        opts.prefer,
        &lang.conventions,
    );
    cx.weekdays = dated_weekdays(&text, &found, &cx);
    cx.hijri_shift = hijri_shift(&found, &cx);
    // The expressions are consumed in order, each turned into its resolution where it
    // stands, so a long document holds one array of them, not two.
    let start = Carried::from(&cx);
    let whole = |found| resolve_whole(found, lang, &cx, start, &text);
    let (resolved, mut wording, problems) = match recheck {
        Some(recheck) => resolve_in_halves(found, lang, &cx, start, &text, recheck)
            // The halves never met: one run over the expressions scanned again.
            .unwrap_or_else(|| whole(scan(lang, &text, &sentences, false))),
        None => whole(found),
    };
    wording.shrink_to_fit();
    Extracted {
        info: DocumentInfo {
            id: source.id,
            path: source.path,
            language: lang.code.into(),
            anchor,
            text,
            sentences,
        },
        resolved,
        wording,
        warnings,
        problems,
    }
}

/// From this many bytes a text is split, scanned and resolved in two halves on two threads;
/// below, a thread costs more than it saves.
const PARALLEL_BYTES: usize = 1 << 20;

/// The sentences of a text, split in one go or in two halves side by side: a sentence never
/// runs across a line end, so the text is cut after the line end nearest its middle and the
/// second half's sentences are those of the whole.
fn sentences_of(lang: &Language, text: &str, halves: bool) -> Vec<TextSpan> {
    let split = |t: &str| crate::text::split_sentences(t, &lang.sentence_ends);
    let mid = text.len() / 2;
    let cut = text.as_bytes()[mid..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|k| mid + k + 1)
        .filter(|&cut| cut < text.len());
    let Some(cut) = cut.filter(|_| halves) else {
        return split(text);
    };
    let (mut first, later) = std::thread::scope(|scope| {
        let later = scope.spawn(|| split(&text[cut..]));
        let first = split(&text[..cut]);
        let later = later
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, later)
    });
    first.extend(later.into_iter().map(|s| TextSpan {
        start: s.start + cut,
        end: s.end + cut,
    }));
    first
}

/// The language's scan of a whole text: in one part, or in two (split at the sentence nearest
/// the middle byte) scanned side by side. The parts are joined by the language, so the result
/// is the same either way.
fn scan(lang: &Language, text: &str, sentences: &[TextSpan], halves: bool) -> Vec<(usize, Found)> {
    let n = sentences.len();
    if !halves {
        return (lang.finish)(vec![(lang.scan_part)(text, sentences, 0..n)]);
    }
    let mid = sentences.partition_point(|s| s.start < text.len() / 2);
    let parts = std::thread::scope(|scope| {
        let later = scope.spawn(|| (lang.scan_part)(text, sentences, mid..n));
        let first = (lang.scan_part)(text, sentences, 0..mid);
        let later = later
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        vec![first, later]
    });
    (lang.finish)(parts)
}

/// What resolving one expression hands on to the next: the dates written last, where the
/// sentence stands, the days the weekdays were dated. With the document's fixed context
/// (anchor, tense default, conventions) it is everything an expression's resolution reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Carried {
    previous: Option<NaiveDate>,
    previous_span: Option<(NaiveDate, Precision)>,
    sentence_day: Option<NaiveDate>,
    written_day: Option<NaiveDate>,
    day_before: Option<NaiveDate>,
    weekdays: [Option<NaiveDate>; 7],
    sentence: usize,
    last_single_day: Option<NaiveDate>,
    written_here: Option<NaiveDate>,
}

impl Carried {
    /// What the first expression of a document starts from.
    fn from(cx: &Context) -> Carried {
        Carried {
            previous: cx.previous,
            previous_span: cx.previous_span,
            sentence_day: cx.sentence_day,
            written_day: cx.written_day,
            day_before: cx.day_before,
            weekdays: cx.weekdays,
            sentence: usize::MAX,
            last_single_day: None,
            written_here: None,
        }
    }
}

/// Resolves one expression in its context, the text before it, and carries on what it sets.
/// `named`: the expression after a bare weekday that may name its day. Keeps the words in
/// `wording`; returns the resolution and the resolver's warning about it, if any.
fn resolve_one(
    base: &Context,
    state: &mut Carried,
    text: &str,
    (sentence_index, f): (usize, &Found),
    named: Option<Expr>,
    wording: &mut Wording,
) -> (Resolved, Option<String>) {
    let mut cx = Context {
        previous: state.previous,
        previous_span: state.previous_span,
        sentence_day: state.sentence_day,
        written_day: state.written_day,
        day_before: state.day_before,
        weekdays: state.weekdays,
        ..*base
    };
    if sentence_index != state.sentence {
        // A single day the sentence just before ended on carries into this one.
        let next = sentence_index == state.sentence.wrapping_add(1);
        cx.day_before = if next {
            state.last_single_day.filter(|d| Some(*d) != cx.anchor)
        } else {
            None
        };
        // A full date of this sentence or the one before lends its year.
        cx.written_day = if next { state.written_here } else { None };
        state.written_here = None;
        state.sentence = sentence_index;
        cx.sentence_day = None;
        state.last_single_day = None;
    }
    // A bare weekday with no date before it in its sentence may be named by one after it.
    let here = Context {
        sentence_day: cx
            .sentence_day
            .or_else(|| named.and_then(|e| single_day(&e, &cx))),
        ..cx
    };
    let r = resolve(&f.expr, &with_tense(&here, f, text));
    if let Some(start) = r.date.as_ref().and_then(|d| d.start)
        && plain_weekday(f) == Some(start.weekday())
    {
        cx.weekdays[start.weekday().num_days_from_monday() as usize] = Some(start);
    }
    if let Some(d) = &r.date
        && let (Some(start), Some(end)) = (d.start, d.end)
    {
        cx.previous = Some(start);
        cx.previous_span = Some((end, d.precision));
        cx.sentence_day = Some(start);
        state.last_single_day = (start == end).then_some(start);
        if written_in_full(&f.expr) {
            state.written_here = Some(start);
            cx.written_day = Some(start);
        }
    }
    state.previous = cx.previous;
    state.previous_span = cx.previous_span;
    state.sentence_day = cx.sentence_day;
    state.written_day = cx.written_day;
    state.day_before = cx.day_before;
    state.weekdays = cx.weekdays;
    let (date, words) = match &r.date {
        Some(d) => (Some(d.bounds()), wording.push(&d.value, &d.reason)),
        None => (None, wording.push(&r.value, "")),
    };
    let resolved = Resolved {
        sentence: u32::try_from(sentence_index).unwrap_or(u32::MAX),
        start: f.start,
        end: f.end,
        kind: r.kind,
        date,
        words: u32::try_from(words).unwrap_or(u32::MAX),
        order_hint: hint_days(r.order_hint),
    };
    (resolved, r.warning)
}

/// One place in a document's array of expressions: the expression until it is resolved,
/// then its resolution, where it stood.
enum Slot {
    Found(usize, Found),
    Resolved(Resolved),
}

/// The array of expressions as slots to resolve in place.
fn slots(found: Vec<(usize, Found)>) -> Vec<Slot> {
    found.into_iter().map(|(s, f)| Slot::Found(s, f)).collect()
}

/// The resolutions of a resolved array of slots, in the same memory (shrunk to fit).
fn resolutions(slots: Vec<Slot>) -> Vec<Resolved> {
    let mut resolved: Vec<Resolved> = slots
        .into_iter()
        .filter_map(|s| match s {
            Slot::Resolved(r) => Some(r),
            Slot::Found(..) => None,
        })
        .collect();
    resolved.shrink_to_fit();
    resolved
}

/// The expression that may name each bare weekday's day right after it ("والخميس غرة شهر
/// رمضان"), by the weekday's index, taken out first, since the expressions are then
/// consumed in order.
fn weekday_names(text: &str, found: &[(usize, Found)], lang: &Language) -> Vec<(usize, Expr)> {
    (0..found.len())
        .filter(|&k| found[k].1.expr.is_weekday_based())
        .filter_map(|k| Some((k, named_after(text, found, k, lang)?.clone())))
        .collect()
}

/// A document's expressions resolved, with their words and the resolver's warnings.
type Resolutions = (Vec<Resolved>, Wording, Problems);

/// A document's expressions resolved in one run from the start.
fn resolve_whole(
    found: Vec<(usize, Found)>,
    lang: &Language,
    base: &Context,
    start: Carried,
    text: &str,
) -> Resolutions {
    let names = weekday_names(text, &found, lang);
    let mut slots = slots(found);
    let mut wording = Wording::for_expressions(slots.len());
    let run = Run { base, text, names };
    let (problems, _) = run.over(&mut slots, 0, start, &mut wording, |_| {});
    (resolutions(slots), wording, problems)
}

/// Indexed warnings of a run of resolutions: (index of the expression in the document, where
/// its words are in the run's wording).
type Problems = Vec<(usize, usize)>;

/// What one run of resolutions reads: the document's fixed context, its text, and the
/// names of its bare weekdays ([`weekday_names`]) in the run's stretch.
struct Run<'a> {
    base: &'a Context<'a>,
    text: &'a str,
    names: Vec<(usize, Expr)>,
}

impl Run<'_> {
    /// Resolves `slots`, the document's expressions from index `first` on, in order from
    /// `state`, each where it stands, keeping their words in `wording`; `before` sees the
    /// state before each. Returns the warnings and the state after the last.
    fn over(
        self,
        slots: &mut [Slot],
        first: usize,
        mut state: Carried,
        wording: &mut Wording,
        mut before: impl FnMut(&Carried),
    ) -> (Problems, Carried) {
        let mut names = self.names.into_iter().peekable();
        let mut problems = Vec::new();
        for (i, slot) in slots.iter_mut().enumerate() {
            let Slot::Found(sentence, f) = slot else {
                continue;
            };
            let k = first + i;
            before(&state);
            let named = names.next_if(|(at, _)| *at == k).map(|(_, e)| e);
            let (r, warning) = resolve_one(
                self.base,
                &mut state,
                self.text,
                (*sentence, f),
                named,
                wording,
            );
            if let Some(w) = warning {
                problems.push((k, wording.push_text(&w)));
            }
            *slot = Slot::Resolved(r);
        }
        (problems, state)
    }
}

/// How many expressions of the second half are kept to resolve again from the true state,
/// and the guessed states before them; if the true run has not met the guess by then, the
/// document is resolved again in one run.
const RECHECK: usize = 4096;

/// Resolution is sequential: each expression reads what the ones before it left. A long
/// document's two halves are still resolved side by side: the second from the document's
/// starting state, a guess; once the first half is done, the second's opening expressions are
/// resolved again from the true state until the state before one of them is what the guess
/// had there. From that point the guessed run was the true run, since the state is everything
/// an expression's resolution reads; so the result is the one sequential run's. (On 20 MB of
/// the dev articles the two meet after 132 of 60,358 expressions.) Both halves are resolved
/// in place; `None` when the runs did not meet within the `recheck` kept expressions.
fn resolve_in_halves(
    found: Vec<(usize, Found)>,
    lang: &Language,
    base: &Context,
    start: Carried,
    text: &str,
    recheck: usize,
) -> Option<Resolutions> {
    let names = weekday_names(text, &found, lang);
    let mid = found.len() / 2;
    let halves = found.len() - mid;
    let (names_first, names_second): (Vec<_>, Vec<_>) =
        names.into_iter().partition(|(k, _)| *k < mid);
    // What the true run may need again: the opening expressions and their weekdays' names.
    let opening: Vec<(usize, Found)> = found[mid..].iter().take(recheck).cloned().collect();
    let names_opening: Vec<(usize, Expr)> = names_second
        .iter()
        .filter(|(k, _)| *k < mid + opening.len())
        .cloned()
        .collect();
    let mut slots = slots(found);
    let (first, second) = slots.split_at_mut(mid);
    // The guessed half's words are taken in whole, not copied: room for this half and the
    // opening the true run may redo.
    let mut wording = Wording::for_expressions(mid + opening.len());
    let mut guessed_words = Wording::for_expressions(halves);
    // The guess: the second half from the start state, keeping the state before each of its
    // opening expressions.
    let mut states = Vec::with_capacity(opening.len());
    let ((mut problems, true_state), guessed_problems) = std::thread::scope(|scope| {
        let run = Run {
            base,
            text,
            names: names_second,
        };
        let words = &mut guessed_words;
        let states = &mut states;
        let later = scope.spawn(move || {
            run.over(second, mid, start, words, |s| {
                if states.len() < recheck {
                    states.push(*s);
                }
            })
            .0
        });
        let run = Run {
            base,
            text,
            names: names_first,
        };
        let first = run.over(first, 0, start, &mut wording, |_| {});
        let later = later
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, later)
    });
    // The true run of the opening, until it meets the guess.
    let mut state = true_state;
    let mut names = names_opening.into_iter().peekable();
    let mut met = None;
    for (i, (sentence, f)) in opening.iter().enumerate() {
        if states[i] == state {
            met = Some(i);
            break;
        }
        let k = mid + i;
        let named = names.next_if(|(at, _)| *at == k).map(|(_, e)| e);
        let (r, warning) = resolve_one(base, &mut state, text, (*sentence, f), named, &mut wording);
        if let Some(w) = warning {
            problems.push((k, wording.push_text(&w)));
        }
        slots[k] = Slot::Resolved(r);
    }
    // The whole second half redone is a meeting at its end.
    let met = met.or((opening.len() == halves).then_some(halves))?;
    let base_words = wording.append(guessed_words);
    for slot in &mut slots[mid + met..] {
        if let Slot::Resolved(r) = slot {
            let at = r.words as usize + base_words;
            r.words = u32::try_from(at).unwrap_or(u32::MAX);
        }
    }
    problems.extend(
        guessed_problems
            .into_iter()
            .filter(|(k, _)| *k >= mid + met)
            .map(|(k, at)| (k, at + base_words)),
    );
    Some((resolutions(slots), wording, problems))
}

/// The context for one expression: the tense of its clause (or, weaker and for a weekday
/// only, of its sentence) decides which way it leans when it can point either way.
fn with_tense<'a>(cx: &Context<'a>, f: &Found, text: &'a str) -> Context<'a> {
    let (t, strength) = match (f.tense, f.sentence_tense) {
        (Some(t), _) if t.marker => (t, Strength::Marker),
        (Some(t), _) if t.strong => (t, Strength::Strong),
        (Some(t), _) => (t, Strength::Weak),
        (None, Some(t)) if f.expr.is_weekday_based() => (t, Strength::Sentence),
        (None, _) => return *cx,
    };
    Context {
        prefer: match t.dir {
            Direction::Past => Prefer::Past,
            Direction::Future => Prefer::Future,
        },
        told: Some(Told {
            clue: text.get(t.clue()).unwrap_or_default(),
            strength,
        }),
        ..*cx
    }
}

/// The next expression of the same sentence, when it is not itself a weekday and follows
/// within two words with no punctuation between: the one whose day names a bare weekday
/// written just before it ("والخميس غرة شهر رمضان").
fn named_after<'f>(
    text: &str,
    found: &'f [(usize, Found)],
    k: usize,
    lang: &Language,
) -> Option<&'f Expr> {
    let (sentence, f) = found.get(k)?;
    let (s, next) = found.get(k + 1)?;
    let gap = text.get(f.end..next.start)?;
    let close = gap.split_whitespace().count() <= 2
        && !gap.contains(|c: char| c.is_ascii_punctuation() || lang.pauses.contains(&c));
    (s == sentence && close && !next.expr.is_weekday_based()).then_some(&next.expr)
}

/// The day `e` resolves to, when it is a single day.
fn single_day(e: &Expr, cx: &Context) -> Option<NaiveDate> {
    let d = resolve(e, cx).date?;
    (d.start == d.end).then_some(d.start).flatten()
}

/// True for a Gregorian day written with its month and year ("6 يونيو 2014").
fn written_in_full(e: &Expr) -> bool {
    match e {
        Expr::Date {
            day: Some(_),
            year: Some(_),
            ..
        } => true,
        Expr::Paired(_, g) | Expr::DayPart(_, g) => written_in_full(g),
        _ => false,
    }
}

/// The weekday an expression dates plainly: with its date ("الخميس 6 يناير"), from today
/// ("أمس الثلاثاء"), with a modifier ("السبت الماضي") or with a strong tense clue.
fn plain_weekday(f: &Found) -> Option<chrono::Weekday> {
    match &f.expr {
        Expr::RelDayOn { weekday, .. } => Some(*weekday),
        Expr::Date {
            day: Some(_),
            weekday: Some(w),
            ..
        } => Some(*w),
        Expr::Paired(_, g) => plain_weekday(&Found {
            expr: (**g).clone(),
            ..f.clone()
        }),
        Expr::Weekday { weekday, rel } => {
            (rel.is_some() || f.tense.is_some_and(|t| t.strong)).then_some(*weekday)
        }
        _ => None,
    }
}

/// The days the document dates its weekdays plainly, the first of each, so a bare weekday
/// written before its plain mention (a headline above the story) can take the same day.
fn dated_weekdays(text: &str, found: &[(usize, Found)], cx: &Context) -> [Option<NaiveDate>; 7] {
    let mut days = [None; 7];
    for (_, f) in found {
        let Some(w) = plain_weekday(f) else { continue };
        let slot = &mut days[w.num_days_from_monday() as usize];
        if slot.is_some() {
            continue;
        }
        if let Some(start) = resolve(&f.expr, &with_tense(cx, f, text))
            .date
            .and_then(|d| d.start)
            .filter(|d| d.weekday() == w)
        {
            *slot = Some(start);
        }
    }
    days
}

/// How far the article's own Hijri calendar lies from Umm al-Qura: the first Hijri date the
/// text pairs with a Gregorian one (الموافق) and that differs by a day or two (a sighting).
fn hijri_shift(found: &[(usize, Found)], cx: &Context) -> Option<(i64, NaiveDate)> {
    found.iter().find_map(|(_, f)| {
        let Expr::Paired(h, g) = &f.expr else {
            return None;
        };
        let day = |e: &Expr| resolve(e, cx).date.and_then(|d| d.start);
        let (hd, gd) = (day(h)?, day(g)?);
        let shift = (gd - hd).num_days();
        (1..=2).contains(&shift.abs()).then_some((shift, gd))
    })
}

/// The warning line about one expression: `DOC: 'EXPRESSION' (byte START): WHAT`. Written
/// only here and read back only by [`warning_site`], so the viewer can put each warning on its
/// event without a second format.
pub fn expression_warning(document: &str, expression: &str, start: usize, what: &str) -> String {
    format!("{document}: '{expression}' (byte {start}): {what}")
}

/// The document and expression start a warning line of [`expression_warning`] is about, and
/// what it says; `None` for a warning about a whole document (no anchor) or anything else.
pub fn warning_site<'a>(warning: &'a str, document: &str) -> Option<(usize, &'a str)> {
    let rest = warning.strip_prefix(document)?.strip_prefix(": '")?;
    let at = rest.rfind("' (byte ")?;
    let (start, what) = rest[at + "' (byte ".len()..].split_once("): ")?;
    Some((start.parse().ok()?, what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_is_read_back_to_its_expression() {
        let w = expression_warning(
            "a:b",
            "الخميس 7 يناير 2022 (byte 3): x",
            120,
            "Thursday is not the 7th",
        );
        assert_eq!(
            warning_site(&w, "a:b"),
            Some((120, "Thursday is not the 7th"))
        );
        assert_eq!(warning_site(&w, "a"), None);
        assert_eq!(warning_site("a:b: no document date found", "a:b"), None);
    }

    fn opts() -> Options {
        Options {
            anchor: NaiveDate::from_ymd_opt(2022, 1, 6),
            ..Options::default()
        }
    }

    /// Two halves scanned apart give what one scan gives, with the passes over the whole
    /// text (the article's country for a national day, the Eid a bare "العيد" is) across
    /// the halves.
    #[test]
    fn a_text_scanned_in_two_halves_is_scanned_as_one() {
        let text = "احتفلت الكويت بالعيد الوطني. وزار الوزير الكويت يوم 3 مارس 2021. \
                    وقال إن عيد الفطر يبدأ الخميس. وفي اليوم الوطني خرج الناس. \
                    وبعد العيد عادوا يوم الأحد. وغدا يوم آخر.";
        let lang = crate::lang::of(text);
        let sentences = sentences_of(lang, text, false);
        let one = scan(lang, text, &sentences, false);
        let two = scan(lang, text, &sentences, true);
        assert!(one.len() >= 5, "{one:?}");
        assert_eq!(format!("{two:?}"), format!("{one:?}"));
    }

    /// Sentences split in two halves are the sentences of the whole: quotations, stops and
    /// long runs on both sides of the cut, and the line end itself.
    #[test]
    fn a_text_split_in_two_halves_has_the_sentences_of_the_whole() {
        let line = "وقال «هذا. وذاك» اليوم. ثم \"غادر. أمس\" وعاد؟ نعم… ";
        let long = "كلمة ".repeat(600);
        let text = format!(
            "\u{feff}{line}\n{line}\r\n{long}\n\n{line}{line}\n{line}. \n{long}«لا إغلاق\n{line}"
        );
        let lang = crate::lang::of(&text);
        let whole = sentences_of(lang, &text, false);
        assert!(whole.len() > 20, "{}", whole.len());
        for shift in 0..40 {
            // The cut moves with the middle: pad the text so it lands on every kind of place.
            let padded = format!("{}{text}", "س".repeat(shift));
            let one = sentences_of(lang, &padded, false);
            let two = sentences_of(lang, &padded, true);
            assert_eq!(one, two, "padded by {shift}");
        }
    }

    /// Resolving in two halves gives the one sequential run, whether the guessed run of the
    /// second half meets the true one soon (a new date and weekday are written at once) or
    /// never (a weekday dated only in the first half is named bare all through the second).
    #[test]
    fn a_text_resolved_in_two_halves_is_resolved_as_one() {
        let soon = "وقال الوزير أمس الثلاثاء إن الخطة جاهزة. وفي 3 مارس 2021 اجتمع المجلس. \
                    وبعد يومين من ذلك غادر الوفد. وسيعود الخميس المقبل. وكان ذلك في رمضان. ";
        // Two Tuesdays dated in the first half: the state carries the second, the guess the
        // first (the document's first), and no later sentence dates a Tuesday again.
        let never_first = "وصل الوفد يوم الثلاثاء 4 يناير 2022. وعاد يوم الثلاثاء 11 يناير 2022. ";
        let never_rest = "وقال إن اجتماع الثلاثاء مثمر. ";
        for text in [
            soon.repeat(40),
            format!("{never_first}{}", never_rest.repeat(60)),
            format!("{}{}", never_rest.repeat(30), soon.repeat(3)),
        ] {
            for anchor in [NaiveDate::from_ymd_opt(2022, 1, 6), None] {
                let opts = Options {
                    anchor,
                    ..Options::default()
                };
                let source = || Source {
                    id: "t".into(),
                    path: None,
                    text: text.clone(),
                };
                let one = extract_in(source(), None, &opts, None);
                assert!(one.resolved.len() > 20, "{}", one.resolved.len());
                // With room to meet, and with a recheck too short for the runs that never
                // meet (then the document is resolved again in one run).
                for recheck in [RECHECK, 4] {
                    let two = extract_in(source(), None, &opts, Some(recheck));
                    // The words sit elsewhere in the two runs' wordings: compare them read.
                    let seen = |x: &Extracted| {
                        let mentions = x.mentions().collect::<Vec<_>>();
                        let events = x.events().collect::<Vec<_>>();
                        let warnings = x.all_warnings().collect::<Vec<_>>();
                        format!("{mentions:?}\n{events:?}\n{warnings:?}")
                    };
                    assert_eq!(seen(&two), seen(&one));
                }
            }
        }
    }

    /// An expression's index is its place in the order (`SortKey`), so the expressions
    /// must follow the text: each starts after the one before it ends.
    #[test]
    fn expressions_follow_the_text() {
        let text = include_str!("../../data/sample.txt").repeat(3);
        let x = extract_document(
            Source {
                id: "s".into(),
                path: None,
                text,
            },
            None,
            &opts(),
        );
        assert!(x.resolved.len() > 30, "{}", x.resolved.len());
        for pair in x.resolved.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "{:?}",
                (pair[0].start, pair[1].start)
            );
        }
    }

    /// Two sorted halves merged are the whole sorted, ties of the date included (the place
    /// breaks them).
    #[test]
    fn two_sorted_halves_merge_into_the_one_order() {
        let day = |n: u32| NaiveDate::from_num_days_from_ce_opt(738_000 + (n % 40) as i32);
        let mut keyed = Vec::new();
        let mut x: u32 = 7;
        for i in 0..5000u32 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let unresolved = x.is_multiple_of(9);
            let (start, end) = if unresolved {
                (None, None)
            } else {
                (day(x >> 8), day((x >> 8) + x % 3))
            };
            let doc = (x % 3) as usize;
            keyed.push(SortKey::new(start, end, i64::from(x % 5), doc, i as usize));
        }
        let one = in_order(keyed.clone(), false);
        let two = in_order(keyed, true);
        assert_eq!(one.len(), 5000);
        assert_eq!(one, two);
    }

    /// The packed key orders as the plain tuple of what it packs: (unresolved, first day,
    /// last day, document of an unresolved event, its offset, document, place), from the
    /// first day chrono has to the last.
    #[test]
    fn the_packed_key_orders_as_what_it_packs() {
        let days = [
            Some(NaiveDate::MIN),
            NaiveDate::from_ymd_opt(-44, 3, 15),
            NaiveDate::from_ymd_opt(1, 1, 1),
            NaiveDate::from_ymd_opt(2022, 1, 5),
            NaiveDate::from_ymd_opt(2022, 1, 6),
            Some(NaiveDate::MAX),
            None,
        ];
        let hints = [
            i64::from(i32::MIN),
            -400,
            -1,
            0,
            1,
            365,
            i64::from(i32::MAX),
        ];
        let mut all = Vec::new();
        let mut x: u64 = 11;
        for _ in 0..4000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let pick = |n: usize, by: u32| (x >> by) as usize % n;
            let start = days[pick(days.len(), 8)];
            let end = start.and(days[pick(days.len(), 16)]);
            let hint = hints[pick(hints.len(), 24)];
            let (doc, at) = (pick(4, 32), pick(3, 40) * 1_000_000_007);
            let plain = match start {
                Some(_) => (false, start, end, 0, 0, doc, at),
                None => (true, None, None, doc, hint, doc, at),
            };
            all.push((SortKey::new(start, end, hint, doc, at), plain));
        }
        for a in &all {
            for b in all.iter().step_by(7) {
                assert_eq!(a.0.cmp(&b.0), a.1.cmp(&b.1), "{a:?} {b:?}");
            }
        }
    }

    /// Documents without a date keep their unresolved events together, each document's in
    /// the order its own unknown anchor gives ("أمس" before "غدا"): two unknown anchors are no
    /// common scale.
    #[test]
    fn unresolved_events_stay_with_their_document() {
        let source = |id: &str| Source {
            id: id.into(),
            path: None,
            text: "قال إنه سيعود غدا. ووصل الوفد أمس.".into(),
        };
        let opts = Options {
            anchor: None,
            ..Options::default()
        };
        let t = extract_sources(vec![source("a"), source("b")], &opts);
        let got: Vec<String> = t
            .events
            .iter()
            .map(|e| format!("{} {}", e.document, e.expression.text))
            .collect();
        assert_eq!(got, vec!["a أمس", "a غدا", "b أمس", "b غدا"]);
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
}
