//! Knight Lab TimelineJS export: the JSON its `TL.Timeline` constructor reads.
//!
//! - Every slide gets a `unique_id` (the event id, so ids survive headline edits) and, when
//!   several articles are merged, a `group` per document (one article needs no group row).
//! - `display_date` is the resolved date in words beside the article's phrase ("Wednesday 5
//!   January 2022 · الأربعاء"): TimelineJS's Arabic locale knows only the Levantine month
//!   names and cannot show nights or approximate dates.
//! - TimelineJS reads `headline`, `text` and `display_date` as HTML: article text is escaped,
//!   and every piece is marked with its own direction (`dir="rtl"` for Arabic, `dir="ltr"` for
//!   the English parts), so a timeline works without TimelineJS's `language: "ar"` option
//!   (which turns the whole page, English included, right to left).
//! - The headline is the start of the sentence and the text carries on from it ("…"), with the
//!   expression marked, how the date was resolved, and the review: nothing is said twice.
//! - Spans longer than a year (1989–2019) would stretch the axis over decades and squeeze a
//!   story of a few days into one point, so they become `eras` (bands) and are listed on the
//!   title slide instead of being slides, unless nothing else is dated.
//! - The JSON escapes `<`, `>` and `&` (`\u003c`), so it can be pasted into a `<script>` element
//!   of a page even when an article contains `</script>`.
//!
//! Events whose dates could not be resolved (no anchor) are left out: TimelineJS needs a year.

use chrono::{Datelike, NaiveDate};
use serde_json::{Value, json};

use super::escape::{html, json_for_script};
use super::html::marked;
use super::words::{anchor_words, date_heading, day_name, headline, review_parts};
use crate::model::{DocumentInfo, Event, Precision, Timeline};
use crate::text::label_cut;

/// Spans longer than this many days become eras rather than slides.
pub const LONG_SPAN_DAYS: i64 = 366;

/// A TimelineJS date object at the precision the event is known to.
fn date_object(d: NaiveDate, precision: Precision, value: &str) -> Value {
    let mut o = json!({ "year": d.year() });
    if precision <= Precision::Month {
        o["month"] = json!(d.month());
    }
    if precision <= Precision::Week {
        o["day"] = json!(d.day());
        o["display_date"] = json!(day_name(d));
    }
    // "2022-01-06T15:30": keep the clock time.
    if let Some((_, time)) = value.split_once('T')
        && let Some((h, m)) = time.split_once(':')
        && let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.get(..2).unwrap_or("").parse::<u32>())
    {
        o["hour"] = json!(h);
        o["minute"] = json!(m);
    }
    o
}

/// Arabic article text, right to left and right-aligned whatever TimelineJS's CSS says.
fn rtl(inner: &str, block: bool) -> String {
    if block {
        format!("<p dir=\"rtl\" lang=\"ar\" style=\"text-align:right\">{inner}</p>")
    } else {
        format!("<span dir=\"rtl\" lang=\"ar\">{inner}</span>")
    }
}

/// English text of ours (dates, reasons), left to right.
fn ltr(inner: &str) -> String {
    format!("<p dir=\"ltr\" lang=\"en\" style=\"text-align:left\">{inner}</p>")
}

/// True when an event spans more than [`LONG_SPAN_DAYS`].
fn is_long(e: &Event) -> bool {
    match (e.date.start, e.date.end) {
        (Some(s), Some(end)) => (end - s).num_days() > LONG_SPAN_DAYS,
        _ => false,
    }
}

/// One slide; `merged` adds the document as the slide's `group` (a labelled row per article).
fn slide(e: &Event, merged: bool) -> Option<Value> {
    let (start, end) = (e.date.start?, e.date.end?);
    let sentence = &e.sentence.text;
    let cut = label_cut(sentence).unwrap_or(sentence.len());
    // Never split the expression between headline and text: the headline takes all of it.
    let expr_end = e.expression.end.saturating_sub(e.sentence.start);
    let expr_start = e.expression.start.saturating_sub(e.sentence.start);
    let cut = if (expr_start..expr_end).contains(&cut) && sentence.is_char_boundary(expr_end) {
        expr_end.min(sentence.len())
    } else {
        cut
    };
    let headline = if cut < sentence.len() {
        format!("{}…", marked(e, 0..cut))
    } else {
        marked(e, 0..cut)
    };
    let mut body = String::new();
    // The rest of the sentence, from its next word.
    let rest = sentence.len() - sentence[cut..].trim_start().len();
    if rest < sentence.len() {
        body.push_str(&rtl(&format!("…{}", marked(e, rest..sentence.len())), true));
    }
    body.push_str(&ltr(&details(e)));
    let mut s = json!({
        "unique_id": e.id,
        "start_date": date_object(start, e.date.precision, &e.date.value),
        "text": { "headline": rtl(&headline, false), "text": body },
        "display_date": display_date(e),
    });
    if merged {
        s["group"] = json!(html(&e.document));
    }
    if end != start {
        s["end_date"] = date_object(end, e.date.precision, "");
    }
    Some(s)
}

/// "Wednesday 5 January 2022 · الأربعاء" with each part in its own direction.
fn display_date(e: &Event) -> String {
    format!(
        "<span dir=\"ltr\" lang=\"en\">{}</span> · {}",
        html(&date_heading(&e.date)),
        rtl(&html(&e.expression.text), false)
    )
}

/// How the date was resolved, whether it may be off, and the review, in words (HTML).
fn details(e: &Event) -> String {
    let mut s = format!("How: {}", html(&e.date.reason));
    if e.date.uncertain {
        s.push_str(" (uncertain: check it)");
    }
    if let Some((status, corrected, note)) = review_parts(e) {
        s.push_str(&format!(" · Review: {status}"));
        if let Some(c) = corrected {
            s.push_str(&format!(" — {}", html(&c)));
        }
        if !note.is_empty() {
            s.push_str(&format!(" — note: <bdi>{}</bdi>", html(note)));
        }
    }
    s
}

/// "Article dated Thursday 6 January 2022 (inferred: …)." for a document.
fn dated(d: &DocumentInfo) -> String {
    format!("Article {}.", html(&anchor_words(d)))
}

/// The title slide: the article's headline and date, or every article of a merge, and the long
/// spans kept off the axis.
fn title(t: &Timeline, long: &[&Event]) -> Option<Value> {
    let (headline, mut text) = match t.documents.as_slice() {
        [] => return None,
        [d] => (rtl(&html(headline(d)), false), ltr(&dated(d))),
        docs => {
            let mut text = String::new();
            for d in docs {
                text.push_str(&rtl(&html(headline(d)), true));
                text.push_str(&ltr(&format!("{}: {}", html(&d.id), dated(d))));
            }
            (
                format!(
                    "<span dir=\"ltr\" lang=\"en\">Timeline of {} articles</span>",
                    docs.len()
                ),
                text,
            )
        }
    };
    for e in long {
        text.push_str(&ltr(&format!(
            "Background, shown as an era: {}",
            html(&date_heading(&e.date))
        )));
        text.push_str(&rtl(&marked(e, 0..e.sentence.text.len()), true));
    }
    let id = t.documents.first().map_or("timeline", |d| d.id.as_str());
    Some(
        json!({ "unique_id": format!("{id}-title"), "text": { "headline": headline, "text": text } }),
    )
}

fn era(e: &Event) -> Option<Value> {
    let (start, end) = (e.date.start?, e.date.end?);
    Some(json!({
        "start_date": date_object(start, e.date.precision, ""),
        "end_date": date_object(end, e.date.precision, ""),
        "text": { "headline": rtl(&html(&e.expression.text), false) },
    }))
}

/// Renders the timeline as a TimelineJS JSON document.
pub fn render(t: &Timeline) -> String {
    let resolved: Vec<&Event> = t.events.iter().filter(|e| e.date.start.is_some()).collect();
    let (long, short): (Vec<&Event>, Vec<&Event>) = if resolved.iter().all(|e| is_long(e)) {
        (Vec::new(), resolved)
    } else {
        resolved.into_iter().partition(|e| is_long(e))
    };
    let mut doc = json!({ "events": short.iter().filter_map(|e| slide(e, t.documents.len() > 1)).collect::<Vec<_>>() });
    if !long.is_empty() {
        doc["eras"] = json!(long.iter().filter_map(|e| era(e)).collect::<Vec<_>>());
    }
    if let Some(title) = title(t, &long) {
        doc["title"] = title;
    }
    let mut s = json_for_script(&serde_json::to_string_pretty(&doc).unwrap_or_default());
    s.push('\n');
    s
}
