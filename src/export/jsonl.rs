//! JSON lines, one event per line, written straight from what extraction holds: the id,
//! sentence, expression and label are copied out of the document's text as they are written,
//! never built as strings first. Each line is exactly what `serde_json` writes for the
//! [`Event`] (checked by the tests), so `--format jsonl` means one thing whichever path wrote
//! it.

use std::io::Write;

use chrono::NaiveDate;

use crate::extract::{Extracted, Extraction, Resolved};
use crate::model::{Bounds, Event, EventReview, Timeline};
use crate::resolve::calendar::iso_digits;

/// How much output is gathered before it is handed to the writer.
const CHUNK: usize = 1 << 16;

/// How many events one chunk of a long document's lines holds (about 200 KB of JSON).
const EVENTS_PER_CHUNK: usize = 256;

/// One event as the writer needs it, borrowed from an [`Event`] or from a document's text.
struct EventView<'a> {
    /// `document:start-end`, or the event's own id.
    id: Id<'a>,
    document: &'a str,
    date: DateView<'a>,
    expression: &'a str,
    expression_span: (usize, usize),
    sentence: &'a str,
    /// Start, end and index of the sentence.
    sentence_at: (usize, usize, usize),
    /// The label, or `None` to write it from the sentence.
    label: Option<&'a str>,
    group: Option<&'a str>,
    review: Option<&'a EventReview>,
}

/// An event's date as the writer needs it: its bounds and its words.
struct DateView<'a> {
    bounds: Bounds,
    value: &'a str,
    reason: &'a str,
}

enum Id<'a> {
    Text(&'a str),
    Span(usize, usize),
}

impl<'a> EventView<'a> {
    fn of_event(e: &'a Event) -> Self {
        EventView {
            id: Id::Text(&e.id),
            document: &e.document,
            date: DateView {
                bounds: e.date.bounds(),
                value: &e.date.value,
                reason: &e.date.reason,
            },
            expression: &e.expression.text,
            expression_span: (e.expression.start, e.expression.end),
            sentence: &e.sentence.text,
            sentence_at: (e.sentence.start, e.sentence.end, e.sentence.index),
            label: Some(&e.label),
            group: e.group.as_deref(),
            review: e.review.as_ref(),
        }
    }

    /// The view of a resolved expression with a date, its words read out of the wording
    /// (see [`Extracted::event`], which builds the same event as owned strings).
    fn of_resolved(doc: &'a Extracted, r: &'a Resolved, date: DateView<'a>) -> Option<Self> {
        let info = &doc.info;
        let s = *info.sentences.get(r.sentence as usize)?;
        Some(EventView {
            id: Id::Span(r.start, r.end),
            document: &info.id,
            date,
            expression: &info.text[r.start..r.end],
            expression_span: (r.start, r.end),
            sentence: &info.text[s.start..s.end],
            sentence_at: (s.start, s.end, r.sentence as usize),
            label: None,
            group: None,
            review: None,
        })
    }
}

/// Writes every event of the timeline, one JSON object per line.
pub fn write_timeline(timeline: &Timeline, out: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(CHUNK + 4096);
    for e in &timeline.events {
        write_event(&mut buf, &EventView::of_event(e))?;
        flush_full(&mut buf, out)?;
    }
    out.write_all(&buf)
}

/// Writes the events of an extraction in timeline order without building the timeline: the
/// lines [`write_timeline`] writes for its [`Extraction::into_timeline`]. A long document's
/// lines are rendered on two threads, chunk by chunk, and written in order. Reports across
/// documents are grouped only in a timeline, so several documents go through one (built from
/// a copy: give this one document at a time).
pub fn write_extraction(extraction: &Extraction, out: &mut dyn Write) -> std::io::Result<()> {
    if extraction.docs.len() > 1 {
        return write_timeline(&extraction.clone().into_timeline(), out);
    }
    let render = |chunk: &[(u32, u32)], buf: &mut Vec<u8>| -> std::io::Result<()> {
        buf.clear();
        let (mut value, mut reason) = (String::new(), String::new());
        for &(d, i) in chunk {
            let doc = &extraction.docs[d as usize];
            let r = &doc.resolved[i as usize];
            let Some(bounds) = r.date else { continue };
            value.clear();
            reason.clear();
            doc.wording.get(r.words as usize, &mut value, &mut reason);
            let date = DateView {
                bounds,
                value: &value,
                reason: &reason,
            };
            if let Some(view) = EventView::of_resolved(doc, r, date) {
                write_event(buf, &view)?;
            }
        }
        Ok(())
    };
    let chunks = extraction.order.chunks(EVENTS_PER_CHUNK);
    let two = chunks.len() > 2 && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !two {
        let mut buf = Vec::with_capacity(CHUNK);
        for chunk in chunks {
            render(chunk, &mut buf)?;
            out.write_all(&buf)?;
        }
        return Ok(());
    }
    // The helper renders every second chunk and hands it over; buffers go back to it for
    // reuse. At most a few chunks are ever in memory.
    std::thread::scope(|scope| {
        let (done, ready) = std::sync::mpsc::sync_channel::<std::io::Result<Vec<u8>>>(2);
        let (give_back, reuse) = std::sync::mpsc::channel::<Vec<u8>>();
        let odd: Vec<&[(u32, u32)]> = chunks.clone().skip(1).step_by(2).collect();
        scope.spawn(move || {
            for chunk in odd {
                let mut buf = reuse.try_recv().unwrap_or_default();
                let rendered = render(chunk, &mut buf).map(|_| buf);
                if done.send(rendered).is_err() {
                    return;
                }
            }
        });
        let mut buf = Vec::with_capacity(CHUNK);
        for (k, chunk) in chunks.enumerate() {
            if k % 2 == 0 {
                render(chunk, &mut buf)?;
                out.write_all(&buf)?;
            } else {
                let theirs = ready.recv().map_err(std::io::Error::other)??;
                out.write_all(&theirs)?;
                let _ = give_back.send(theirs);
            }
        }
        Ok(())
    })
}

/// Hands the buffer to the writer once it holds a chunk.
fn flush_full(buf: &mut Vec<u8>, out: &mut dyn Write) -> std::io::Result<()> {
    if buf.len() >= CHUNK {
        out.write_all(buf)?;
        buf.clear();
    }
    Ok(())
}

/// One event and its line end, fields in the order of [`Event`].
fn write_event(o: &mut Vec<u8>, e: &EventView) -> std::io::Result<()> {
    o.extend_from_slice(b"{\"id\":");
    match e.id {
        Id::Text(id) => string(o, id),
        Id::Span(start, end) => {
            o.push(b'"');
            escaped(o, e.document);
            o.push(b':');
            number(o, start);
            o.push(b'-');
            number(o, end);
            o.push(b'"');
        }
    }
    o.extend_from_slice(b",\"document\":");
    string(o, e.document);
    o.extend_from_slice(b",\"date\":");
    date(o, &e.date)?;
    o.extend_from_slice(b",\"expression\":{\"text\":");
    string(o, e.expression);
    o.extend_from_slice(b",\"start\":");
    number(o, e.expression_span.0);
    o.extend_from_slice(b",\"end\":");
    number(o, e.expression_span.1);
    o.extend_from_slice(b"},\"sentence\":{\"text\":");
    string(o, e.sentence);
    let (start, end, index) = e.sentence_at;
    o.extend_from_slice(b",\"start\":");
    number(o, start);
    o.extend_from_slice(b",\"end\":");
    number(o, end);
    o.extend_from_slice(b",\"index\":");
    number(o, index);
    o.extend_from_slice(b"},\"label\":");
    match e.label {
        Some(label) => string(o, label),
        None => label_of(o, e.sentence),
    }
    if let Some(group) = e.group {
        o.extend_from_slice(b",\"group\":");
        string(o, group);
    }
    if let Some(review) = e.review {
        o.extend_from_slice(b",\"review\":");
        serde_json::to_writer(&mut *o, review)?;
    }
    o.extend_from_slice(b"}\n");
    Ok(())
}

/// An [`EventDate`], fields in its order; the small enums through serde, so their names are
/// written in one place (the model).
fn date(o: &mut Vec<u8>, view: &DateView) -> std::io::Result<()> {
    let d = &view.bounds;
    o.extend_from_slice(b"{\"value\":");
    string(o, view.value);
    o.extend_from_slice(b",\"start\":");
    day(o, d.start)?;
    o.extend_from_slice(b",\"end\":");
    day(o, d.end)?;
    o.extend_from_slice(b",\"precision\":");
    serde_json::to_writer(&mut *o, &d.precision)?;
    o.extend_from_slice(b",\"part_of_day\":");
    serde_json::to_writer(&mut *o, &d.part_of_day)?;
    o.extend_from_slice(b",\"approximate\":");
    o.extend_from_slice(if d.approximate { b"true" } else { b"false" });
    o.extend_from_slice(b",\"uncertain\":");
    o.extend_from_slice(if d.uncertain { b"true" } else { b"false" });
    o.extend_from_slice(b",\"modifier\":");
    serde_json::to_writer(&mut *o, &d.modifier)?;
    o.extend_from_slice(b",\"reason\":");
    string(o, view.reason);
    o.push(b'}');
    Ok(())
}

/// A day as chrono writes it (`"2022-01-06"`), or `null`.
fn day(o: &mut Vec<u8>, d: Option<NaiveDate>) -> std::io::Result<()> {
    match d {
        None => o.extend_from_slice(b"null"),
        Some(d) => match iso_digits(d) {
            Some(digits) => {
                o.push(b'"');
                o.extend_from_slice(&digits);
                o.push(b'"');
            }
            // Signed or five-digit years: chrono's own form.
            None => serde_json::to_writer(&mut *o, &d)?,
        },
    }
    Ok(())
}

/// The label of a sentence ([`crate::text::label`]) as a JSON string.
fn label_of(o: &mut Vec<u8>, sentence: &str) {
    let (words, cut) = crate::text::label::label_words(sentence);
    o.push(b'"');
    for (k, word) in words.enumerate() {
        if k > 0 {
            o.push(b' ');
        }
        escaped(o, word);
    }
    if cut {
        o.extend_from_slice("…".as_bytes());
    }
    o.push(b'"');
}

/// A decimal number.
fn number(o: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    o.extend_from_slice(&digits[at..]);
}

/// A JSON string.
fn string(o: &mut Vec<u8>, s: &str) {
    o.push(b'"');
    escaped(o, s);
    o.push(b'"');
}

/// `s` escaped as `serde_json` escapes it: `"` and `\`, and control characters below U+0020
/// (`\b \t \n \f \r` by name, the others as `\u00XX`); everything else as it is. Runs of
/// plain bytes (all of Arabic) are measured sixteen at a time and copied whole.
fn escaped(o: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    loop {
        i += plain_run(&b[i..]);
        let Some(&c) = b.get(i) else { break };
        o.extend_from_slice(&b[from..i]);
        match c {
            b'"' => o.extend_from_slice(b"\\\""),
            b'\\' => o.extend_from_slice(b"\\\\"),
            0x08 => o.extend_from_slice(b"\\b"),
            0x0c => o.extend_from_slice(b"\\f"),
            b'\n' => o.extend_from_slice(b"\\n"),
            b'\r' => o.extend_from_slice(b"\\r"),
            b'\t' => o.extend_from_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                o.extend_from_slice(b"\\u00");
                o.push(HEX[usize::from(c >> 4)]);
                o.push(HEX[usize::from(c & 15)]);
            }
        }
        i += 1;
        from = i;
    }
    o.extend_from_slice(&b[from..]);
}

/// How many bytes at the start of `b` need no escape.
fn plain_run(b: &[u8]) -> usize {
    let word = |w: &[u8]| u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
    let mut n = 0;
    for block in b.chunks_exact(16) {
        if special_bits(word(&block[..8])) | special_bits(word(&block[8..])) != 0 {
            break;
        }
        n += 16;
    }
    n + b[n..]
        .iter()
        .position(|&c| c < 0x20 || c == b'"' || c == b'\\')
        .unwrap_or(b.len() - n)
}

/// Non-zero when any of eight bytes is below 0x20, `"` or `\` (exact, by the usual word
/// tricks: a byte is zero or below n when subtracting borrows into its top bit).
fn special_bits(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGH;
    let zero = |v: u64| below(v, 1);
    below(w, 0x20) | zero(w ^ (ONES * 0x22)) | zero(w ^ (ONES * 0x5c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Options, Source, extract_all};
    use crate::model::{DaySpan, Modifier, PartOfDay, Precision, ReviewStatus};

    fn serde_line(e: &Event) -> String {
        serde_json::to_string(e).unwrap() + "\n"
    }

    #[test]
    fn every_byte_is_escaped_as_serde_json_escapes_it() {
        let all: String = (0u8..=127).map(char::from).collect();
        for s in [
            all.clone(),
            format!("قال \"{all}\" أمس\\"),
            "بلا شيء خاص هنا على الإطلاق".into(),
            "a\u{7f}\u{2028}é".into(),
        ] {
            for cut in 0..s.len().min(20) {
                let Some(s) = s.get(cut..) else { continue };
                let mut o = Vec::new();
                string(&mut o, s);
                assert_eq!(
                    String::from_utf8(o).unwrap(),
                    serde_json::to_string(s).unwrap()
                );
            }
        }
    }

    #[test]
    fn numbers_and_days_are_written_as_serde_writes_them() {
        for n in [0, 7, 10, 99, 12345, usize::MAX] {
            let mut o = Vec::new();
            number(&mut o, n);
            assert_eq!(o, n.to_string().into_bytes());
        }
        for (y, m, d) in [
            (2022, 1, 6),
            (7, 12, 31),
            (0, 1, 1),
            (9999, 12, 31),
            (-44, 3, 15),
            (10000, 1, 1),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut o = Vec::new();
            day(&mut o, Some(date)).unwrap();
            assert_eq!(
                String::from_utf8(o).unwrap(),
                serde_json::to_string(&date).unwrap()
            );
        }
    }

    /// Lines straight from the extraction, from its timeline, and serde's lines for the
    /// timeline's events are the same bytes, on text with every kind of date, clock times,
    /// unresolved dates, quotes, control characters and long sentences.
    #[test]
    fn the_lines_are_serde_jsons_lines_for_the_timeline() {
        let text = concat!(
            "\u{feff}القاهرة 6 يناير 2022\n",
            "وقال \"الوزير\" أمس إن الاجتماع سيعقد يوم الخميس المقبل في الساعة العاشرة صباحا\\ ",
            "بعد أن تأجل من 1989 إلى 2019.\tوفي مساء الأربعاء وصل الوفد، وبعد ثلاثة أيام غادر؛ ",
            "وهذه جملة طويلة جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا ",
            "تنتهي يوم 3 مارس 2021.\u{1}\r\nوفي رمضان 1443 هـ صام الناس منذ أسبوعين.",
        );
        for anchor in [NaiveDate::from_ymd_opt(2022, 1, 6), None] {
            let opts = Options {
                anchor,
                ..Options::default()
            };
            let source = Source {
                id: "a\"b".into(),
                path: None,
                text: text.into(),
            };
            let x = extract_all([(source, None)], &opts);
            let timeline = x.clone().into_timeline();
            assert!(timeline.events.len() >= 6, "{:?}", timeline.events);
            let want: String = timeline.events.iter().map(serde_line).collect();
            let mut lean = Vec::new();
            write_extraction(&x, &mut lean).unwrap();
            assert_eq!(String::from_utf8(lean).unwrap(), want);
            let mut whole = Vec::new();
            write_timeline(&timeline, &mut whole).unwrap();
            assert_eq!(String::from_utf8(whole).unwrap(), want);
        }
    }

    /// A document long enough to be written on two threads comes out in order, the same
    /// lines one thread writes for its timeline.
    #[test]
    fn a_long_document_written_on_two_threads_keeps_its_order() {
        let mut text = String::new();
        for k in 0..(3 * EVENTS_PER_CHUNK / 2) {
            let day = k % 28 + 1;
            text.push_str(&format!(
                "وصل الوفد يوم {day} مارس {} ثم غادر أمس. ",
                1990 + k % 30
            ));
        }
        let opts = Options {
            anchor: NaiveDate::from_ymd_opt(2022, 1, 6),
            ..Options::default()
        };
        let source = Source {
            id: "long".into(),
            path: None,
            text,
        };
        let x = extract_all([(source, None)], &opts);
        assert!(x.order.len() > 2 * EVENTS_PER_CHUNK, "{}", x.order.len());
        let mut want = Vec::new();
        write_timeline(&x.clone().into_timeline(), &mut want).unwrap();
        let mut got = Vec::new();
        write_extraction(&x, &mut got).unwrap();
        assert!(got == want, "the two-thread lines differ");
    }

    #[test]
    fn groups_reviews_and_every_enum_are_written_as_serde_writes_them() {
        let mut t = crate::extract::extract(
            "وصل الوفد أمس ثم غادر يوم 3 مارس 2021.",
            &Options::default(),
        );
        let e = t.events.last_mut().expect("an event");
        e.group = Some("x:1-2".into());
        e.review = Some(EventReview {
            status: ReviewStatus::Flagged,
            note: "قال \"لا\"\n".into(),
            corrected: Some(DaySpan {
                start: NaiveDate::from_ymd_opt(2021, 3, 3).unwrap(),
                end: NaiveDate::from_ymd_opt(2021, 3, 4).unwrap(),
            }),
            extracted: Some(e.date.clone()),
        });
        let base = e.clone();
        let precisions = [
            Precision::Minute,
            Precision::Hour,
            Precision::Day,
            Precision::Week,
            Precision::Month,
            Precision::Year,
            Precision::Decade,
            Precision::Century,
        ];
        let parts = [
            None,
            Some(PartOfDay::Morning),
            Some(PartOfDay::Afternoon),
            Some(PartOfDay::Evening),
            Some(PartOfDay::Night),
        ];
        let modifiers = [
            None,
            Some(Modifier::Start),
            Some(Modifier::Mid),
            Some(Modifier::End),
            Some(Modifier::Before),
            Some(Modifier::After),
        ];
        for (k, precision) in precisions.into_iter().enumerate() {
            let mut e = base.clone();
            e.date.precision = precision;
            e.date.part_of_day = parts[k % parts.len()];
            e.date.modifier = modifiers[k % modifiers.len()];
            e.date.approximate = k % 2 == 0;
            e.date.uncertain = k % 3 == 0;
            e.date.start = None;
            let mut o = Vec::new();
            write_event(&mut o, &EventView::of_event(&e)).unwrap();
            assert_eq!(String::from_utf8(o).unwrap(), serde_line(&e));
        }
    }
}
