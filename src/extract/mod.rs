//! Extraction, the one orchestrator: sources in (each with its own anchor or none), the
//! language's scan, the anchor, the resolution in text order, then one sort and grouping of the
//! events of every document into a [`Timeline`].

pub mod merge;

use crate::lang::Language;
use crate::lang::expr::{Direction, Expr, Found};
use crate::model::*;
use crate::resolve::{Context, Prefer, Strength, Told, resolve};
use chrono::{Datelike, NaiveDate};

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
    /// Index of its sentence in the document.
    pub sentence: usize,
    /// First byte of the expression.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its TIMEX3 type.
    pub kind: MentionKind,
    /// Its date when it is an event.
    pub date: Option<EventDate>,
    /// The TIMEX3 value of a mention that is not an event.
    pub value: String,
    /// Where an unresolved event sorts relative to the unknown anchor, in days.
    pub order_hint: i64,
}

/// One document extracted: its text, sentences and anchor, its expressions in text order,
/// and its warnings.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The document as the timeline lists it.
    pub info: DocumentInfo,
    /// Every expression found, in text order.
    pub resolved: Vec<Resolved>,
    /// What an editor should be told about the whole document (no date found).
    pub warnings: Vec<String>,
    /// What the resolver found wrong with an expression: its index in `resolved`, and what
    /// (the warning line is written only when a timeline is built, see
    /// [`Extracted::all_warnings`]).
    pub problems: Vec<(usize, String)>,
}

/// Every document extracted, and the one order of their events.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The documents, in input order.
    pub docs: Vec<Extracted>,
    /// The timeline's events in order: (document, index into its `resolved`).
    pub order: Vec<(usize, usize)>,
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
    // Exactly as many keys as events, each with its place in 32-bit halves: for a 20 MB
    // document this array is most of what the order costs.
    let events = docs
        .iter()
        .map(|x| x.resolved.iter().filter(|r| r.date.is_some()).count())
        .sum();
    let mut keyed: Vec<(SortKey, (u32, u32))> = Vec::with_capacity(events);
    for (d, x) in docs.iter().enumerate() {
        for (i, r) in x.resolved.iter().enumerate() {
            if let Some(date) = &r.date {
                keyed.push((
                    sort_key(date, r.order_hint, d, r.start),
                    (d as u32, i as u32),
                ));
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

/// The places of the events in timeline order: sorted whole (by key and place, so no two are
/// alike and the order is one), or, with `halves`, in two halves side by side and merged.
fn in_order(mut keyed: Vec<(SortKey, (u32, u32))>, halves: bool) -> Vec<(usize, usize)> {
    let at = |(_, (d, i)): &(SortKey, (u32, u32))| (*d as usize, *i as usize);
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
/// and position; unresolved ones last, document by document (each has its own unknown
/// anchor), in the order their offsets from it suggest ("أمس" before "غدا").
pub type SortKey = (
    bool,
    Option<NaiveDate>,
    Option<NaiveDate>,
    usize,
    i64,
    usize,
    usize,
);

/// The [`SortKey`] of an event with date `date`, in document `doc` at byte `start`.
pub fn sort_key(date: &EventDate, order_hint: i64, doc: usize, start: usize) -> SortKey {
    match date.start {
        Some(_) => (false, date.start, date.end, 0, 0, doc, start),
        None => (true, None, None, doc, order_hint, doc, start),
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
            (sort_key(&e.date, e.order_hint, doc, e.expression.start), i)
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
            let x = &self.docs[d];
            timeline.events.extend(x.event(&x.resolved[i]));
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
        let date = r.date.clone()?;
        let info = &self.info;
        let s = info.sentences[r.sentence];
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
                index: r.sentence,
            },
            label: crate::text::label(sentence_text),
            review: None,
            group: None,
            order_hint: r.order_hint,
        })
    }

    /// Its warning lines: the document's, then each expression's in text order
    /// ([`expression_warning`]).
    pub fn all_warnings(&self) -> impl Iterator<Item = String> + '_ {
        let text = &self.info.text;
        self.warnings
            .iter()
            .cloned()
            .chain(self.problems.iter().map(|(k, what)| {
                let r = &self.resolved[*k];
                expression_warning(&self.info.id, &text[r.start..r.end], r.start, what)
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
            value: r
                .date
                .as_ref()
                .map_or_else(|| r.value.clone(), |d| d.value.clone()),
            start: r.date.as_ref().and_then(|d| d.start),
            end: r.date.as_ref().and_then(|d| d.end),
            expression: self.quote(r),
        })
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
    // The expression that may name each bare weekday's day right after it ("والخميس غرة شهر
    // رمضان"), taken out first: the expressions are then consumed in order into their
    // resolutions (a new array: a resolution is larger than an expression, so the expressions'
    // array is not reused in place).
    let start = Carried::from(&cx);
    let whole = |found| resolve_whole(found, lang, &cx, start, &text);
    let (resolved, problems) = match recheck {
        Some(recheck) => resolve_in_halves(found, lang, &cx, start, &text, recheck)
            // The halves never met: one run over the expressions scanned again.
            .unwrap_or_else(|| whole(scan(lang, &text, &sentences, false))),
        None => whole(found),
    };
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
/// `named`: the expression after a bare weekday that may name its day. Returns the
/// resolution and the resolver's warning about it, if any.
fn resolve_one(
    base: &Context,
    state: &mut Carried,
    text: &str,
    (sentence_index, f): &(usize, Found),
    named: Option<Expr>,
) -> (Resolved, Option<String>) {
    let sentence_index = *sentence_index;
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
    let resolved = Resolved {
        sentence: sentence_index,
        start: f.start,
        end: f.end,
        kind: r.kind,
        date: r.date,
        value: r.value,
        order_hint: r.order_hint,
    };
    (resolved, r.warning)
}

/// The expression that may name each bare weekday's day right after it ("والخميس غرة شهر
/// رمضان"), by the weekday's index, taken out first: the expressions are then consumed in
/// order into their resolutions.
fn weekday_names(text: &str, found: &[(usize, Found)], lang: &Language) -> Vec<(usize, Expr)> {
    (0..found.len())
        .filter(|&k| found[k].1.expr.is_weekday_based())
        .filter_map(|k| Some((k, named_after(text, found, k, lang)?.clone())))
        .collect()
}

/// A document's expressions resolved in one run from the start.
fn resolve_whole(
    found: Vec<(usize, Found)>,
    lang: &Language,
    base: &Context,
    start: Carried,
    text: &str,
) -> (Vec<Resolved>, Problems) {
    let names = weekday_names(text, &found, lang);
    let (resolved, problems, _) = resolve_run(found, names, base, start, text);
    (resolved, problems)
}

/// Indexed warnings of a run of resolutions: (index of the expression in the document, what).
type Problems = Vec<(usize, String)>;

/// Resolves a document's expressions in order from `state`, consuming them into their
/// resolutions (a new array: a resolution is larger than an expression). Returns the state
/// after the last.
fn resolve_run(
    found: Vec<(usize, Found)>,
    names: Vec<(usize, Expr)>,
    base: &Context,
    mut state: Carried,
    text: &str,
) -> (Vec<Resolved>, Problems, Carried) {
    let mut names = names.into_iter().peekable();
    let mut problems = Vec::new();
    let resolved = found
        .into_iter()
        .enumerate()
        .map(|(k, item)| {
            let named = names.next_if(|(at, _)| *at == k).map(|(_, e)| e);
            let (r, warning) = resolve_one(base, &mut state, text, &item, named);
            if let Some(w) = warning {
                problems.push((k, w));
            }
            r
        })
        .collect();
    (resolved, problems, state)
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
/// the dev articles the two meet after 132 of 60,358 expressions.) Both halves are consumed
/// into their resolutions; `None` when the runs did not meet within the `recheck` kept
/// expressions.
fn resolve_in_halves(
    mut found: Vec<(usize, Found)>,
    lang: &Language,
    base: &Context,
    start: Carried,
    text: &str,
    recheck: usize,
) -> Option<(Vec<Resolved>, Problems)> {
    let names = weekday_names(text, &found, lang);
    let mid = found.len() / 2;
    let second = found.split_off(mid);
    let halves = second.len();
    let (names_first, names_second): (Vec<_>, Vec<_>) =
        names.into_iter().partition(|(k, _)| *k < mid);
    // What the true run may need again: the opening expressions and their weekdays' names.
    let opening: Vec<(usize, Found)> = second.iter().take(recheck).cloned().collect();
    let names_opening: Vec<(usize, Expr)> = names_second
        .iter()
        .filter(|(k, _)| *k < mid + opening.len())
        .cloned()
        .collect();
    // The guess: the second half from the start state, keeping the state before each of its
    // opening expressions.
    let guess = || {
        let mut states = Vec::with_capacity(opening.len());
        let mut state = start;
        let mut names = names_second.into_iter().peekable();
        let mut problems = Vec::new();
        let resolved: Vec<Resolved> = second
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                if states.len() < recheck {
                    states.push(state);
                }
                let k = mid + i;
                let named = names.next_if(|(at, _)| *at == k).map(|(_, e)| e);
                let (r, warning) = resolve_one(base, &mut state, text, &item, named);
                if let Some(w) = warning {
                    problems.push((k, w));
                }
                r
            })
            .collect();
        (resolved, problems, states)
    };
    let ((mut resolved, mut problems, true_state), (guessed, guessed_problems, states)) =
        std::thread::scope(|scope| {
            let later = scope.spawn(guess);
            let first = resolve_run(found, names_first, base, start, text);
            let later = later
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (first, later)
        });
    // The true run of the opening, until it meets the guess.
    let mut state = true_state;
    let mut names = names_opening.into_iter().peekable();
    let mut met = None;
    for (i, item) in opening.iter().enumerate() {
        if states[i] == state {
            met = Some(i);
            break;
        }
        let k = mid + i;
        let named = names.next_if(|(at, _)| *at == k).map(|(_, e)| e);
        let (r, warning) = resolve_one(base, &mut state, text, item, named);
        if let Some(w) = warning {
            problems.push((k, w));
        }
        resolved.push(r);
    }
    // The whole second half redone is a meeting at its end.
    let met = met.or((opening.len() == halves).then_some(halves))?;
    resolved.extend(guessed.into_iter().skip(met));
    problems.extend(
        guessed_problems
            .into_iter()
            .filter(|(k, _)| *k >= mid + met),
    );
    Some((resolved, problems))
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
                    assert_eq!(format!("{:?}", two.resolved), format!("{:?}", one.resolved));
                    assert_eq!(two.problems, one.problems);
                }
            }
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
            let date = EventDate {
                value: String::new(),
                start,
                end,
                precision: Precision::Day,
                part_of_day: None,
                approximate: false,
                uncertain: unresolved,
                modifier: None,
                reason: String::new(),
            };
            let key = sort_key(
                &date,
                i64::from(x % 5),
                (x % 3) as usize,
                (x % 1000) as usize,
            );
            keyed.push((key, (x % 3, i)));
        }
        let one = in_order(keyed.clone(), false);
        let two = in_order(keyed, true);
        assert_eq!(one.len(), 5000);
        assert_eq!(one, two);
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
