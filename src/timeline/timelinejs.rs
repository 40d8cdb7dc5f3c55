//! Knight Lab TimelineJS export: the JSON its `TL.Timeline` constructor reads.
//!
//! Every slide gets a `unique_id` (the event id, so ids survive headline edits), a `group` per
//! document, and a `display_date` in the article's own wording, because TimelineJS's Arabic
//! locale knows only the Levantine month names and cannot show nights or approximate dates.
//! Events whose dates could not be resolved (no anchor) are left out: TimelineJS needs a year.

use chrono::{Datelike, NaiveDate};
use serde_json::{Value, json};

use super::model::{Event, Precision, Timeline};

/// A TimelineJS date object at the precision the event is known to.
fn date_object(d: NaiveDate, precision: Precision, value: &str, display: &str) -> Value {
    let mut o = json!({ "year": d.year() });
    if precision <= Precision::Month {
        o["month"] = json!(d.month());
    }
    if precision <= Precision::Week {
        o["day"] = json!(d.day());
    }
    // "2022-01-06T15:30": keep the clock time.
    if let Some((_, time)) = value.split_once('T')
        && let Some((h, m)) = time.split_once(':')
        && let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.get(..2).unwrap_or("").parse::<u32>())
    {
        o["hour"] = json!(h);
        o["minute"] = json!(m);
    }
    o["display_date"] = json!(display);
    o
}

fn slide(e: &Event) -> Option<Value> {
    let (start, end) = (e.date.start?, e.date.end?);
    let display = e.expression.text.as_str();
    let mut s = json!({
        "unique_id": e.id,
        "start_date": date_object(start, e.date.precision, &e.date.value, display),
        "text": { "headline": e.label, "text": e.sentence.text },
        "group": e.document,
        "display_date": display,
    });
    if end != start {
        s["end_date"] = date_object(end, e.date.precision, "", display);
    }
    Some(s)
}

/// Renders the timeline as a TimelineJS JSON document.
pub fn render(t: &Timeline) -> String {
    let title = t.documents.first().map(|d| {
        let headline = d
            .sentences
            .first()
            .map(|s| d.text[s.start..s.end].to_string())
            .unwrap_or_else(|| d.id.clone());
        let dated = d
            .anchor
            .date
            .map(|a| format!("Article dated {a} ({}).", d.anchor.reason))
            .unwrap_or_else(|| "The article's date is unknown.".into());
        json!({ "unique_id": format!("{}-title", d.id), "text": { "headline": headline, "text": dated } })
    });
    let mut doc = json!({ "events": t.events.iter().filter_map(slide).collect::<Vec<_>>() });
    if let Some(title) = title {
        doc["title"] = title;
    }
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
