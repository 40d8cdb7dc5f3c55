//! The timeline: model types, building a timeline from documents, and its output formats.

pub mod csv;
pub mod escape;
pub mod format;
pub mod html;
pub mod md;
pub mod merge;
pub mod stream;
pub mod timelinejs;
pub mod timeml;
pub mod words;

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
    let lang = crate::lang::of(&text);
    let sentences = crate::text::split_sentences(&text, &lang.sentence_ends);
    let found = (lang.scan)(&text, &sentences);
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
        None => crate::resolve::anchor::infer(
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
        timeline.warnings.push(format!(
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
    let mut current_sentence = usize::MAX;
    let mut last_single_day: Option<NaiveDate> = None;
    let mut written_here: Option<NaiveDate> = None;
    // "بعد يومين من ذلك", "اليوم التالي" count from the date written last before them, which
    // in narrative news is often in the sentence before.
    for (k, &(sentence_index, ref f)) in found.iter().enumerate() {
        if sentence_index != current_sentence {
            // A single day the sentence just before ended on carries into this one.
            let next = sentence_index == current_sentence.wrapping_add(1);
            cx.day_before = if next {
                last_single_day.filter(|d| Some(*d) != cx.anchor)
            } else {
                None
            };
            // A full date of this sentence or the one before lends its year.
            cx.written_day = if next { written_here } else { None };
            written_here = None;
            current_sentence = sentence_index;
            cx.sentence_day = None;
            last_single_day = None;
        }
        // A bare weekday with no date before it in its sentence may be named by one after
        // it ("والخميس غرة شهر رمضان").
        let here = Context {
            sentence_day: cx.sentence_day.or_else(|| {
                date_after(&text, &found, k, &cx).filter(|_| f.expr.is_weekday_based())
            }),
            ..cx
        };
        let r = resolve(&f.expr, &with_tense(&here, f, &text));
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
            last_single_day = (start == end).then_some(start);
            if written_in_full(&f.expr) {
                written_here = Some(start);
                cx.written_day = Some(start);
            }
        }
        let expression = Quote {
            text: text[f.start..f.end].to_string(),
            start: f.start,
            end: f.end,
        };
        if let Some(w) = &r.warning {
            timeline
                .warnings
                .push(expression_warning(&source.id, &expression, w));
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
        language: lang.code.into(),
        anchor,
        text,
        sentences,
    });
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
            clue: text.get(t.clue.0..t.clue.1).unwrap_or_default(),
            strength,
        }),
        ..*cx
    }
}

/// The single day the next expression of the same sentence gives, when it is not itself a
/// weekday and follows within two words with no punctuation between: the day a bare weekday
/// written just before it is named by ("والخميس غرة شهر رمضان").
fn date_after(text: &str, found: &[(usize, Found)], k: usize, cx: &Context) -> Option<NaiveDate> {
    let (sentence, f) = found.get(k)?;
    let (s, next) = found.get(k + 1)?;
    let gap = text.get(f.end..next.start)?;
    let close = gap.split_whitespace().count() <= 2
        && !gap.contains(|c: char| c.is_ascii_punctuation() || "،؛؟".contains(c));
    if s != sentence || !close || next.expr.is_weekday_based() {
        return None;
    }
    let d = resolve(&next.expr, cx).date?;
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
pub fn expression_warning(document: &str, expression: &Quote, what: &str) -> String {
    format!(
        "{document}: '{}' (byte {}): {what}",
        expression.text, expression.start
    )
}

/// The document and expression start a warning line of [`expression_warning`] is about, and
/// what it says; `None` for a warning about a whole document (no anchor) or anything else.
pub fn warning_site<'a>(warning: &'a str, document: &str) -> Option<(usize, &'a str)> {
    let rest = warning.strip_prefix(document)?.strip_prefix(": '")?;
    let at = rest.rfind("' (byte ")?;
    let (start, what) = rest[at + "' (byte ".len()..].split_once("): ")?;
    Some((start.parse().ok()?, what))
}

/// How many characters a list label keeps from its sentence.
const LABEL_CHARS: usize = 64;

/// Where a sentence's label ends: `None` when the whole sentence fits in a label (64
/// characters), else the byte offset of the last white space within them (or the cut itself,
/// for one endless word). Exports that show a label and then the rest of the sentence cut here
/// too.
pub fn label_cut(sentence: &str) -> Option<usize> {
    // Look only at the head: sentences can be long, and labels are built for every event.
    let (i, _) = sentence.char_indices().nth(LABEL_CHARS)?;
    let head = &sentence[..i];
    Some(head.rfind(char::is_whitespace).unwrap_or(i))
}

/// The start of a sentence, cut at a word boundary, for one list row.
fn label(sentence: &str) -> String {
    let cut = label_cut(sentence);
    let head = &sentence[..cut.unwrap_or(sentence.len())];
    let mut out = String::with_capacity(head.len() + 3);
    for (k, word) in head.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if cut.is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_is_read_back_to_its_expression() {
        let q = Quote {
            text: "الخميس 7 يناير 2022 (byte 3): x".into(),
            start: 120,
            end: 150,
        };
        let w = expression_warning("a:b", &q, "Thursday is not the 7th");
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
