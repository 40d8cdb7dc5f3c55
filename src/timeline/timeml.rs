//! TimeML export: the article text with a `<TIMEX3>` around every temporal expression
//! (durations, recurrences and "now" included) and the document creation time as the anchor.
//!
//! One document is a `<TimeML>` root; several are `<TimeML>` elements inside one
//! `<TimeMLCorpus>` root so the file stays well-formed. Characters XML 1.0 cannot carry (most
//! C0 controls) are left out of the text.

use super::model::{AnchorBasis, DocumentInfo, Mention, MentionKind, Timeline};

/// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn timex_type(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Time => "TIME",
        MentionKind::Duration => "DURATION",
        MentionKind::Set => "SET",
        MentionKind::Date | MentionKind::Interval | MentionKind::Present => "DATE",
    }
}

fn document(d: &DocumentInfo, mentions: &[&Mention]) -> String {
    let mut out = String::from("<TimeML>\n");
    out.push_str(&format!("<DOCID>{}</DOCID>\n", escape(&d.id)));
    if let Some(a) = d.anchor.date {
        let how = match d.anchor.basis {
            AnchorBasis::Given => "given",
            AnchorBasis::Inferred => "inferred",
            AnchorBasis::None => "none",
        };
        out.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{a}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\" comment=\"{how}: {}\">{a}</TIMEX3></DCT>\n",
            escape(&d.anchor.reason)
        ));
    }
    out.push_str("<TEXT>");
    let mut at = 0;
    for (k, m) in mentions.iter().enumerate() {
        let (s, e) = (m.expression.start, m.expression.end);
        if s < at || e > d.text.len() {
            continue;
        }
        out.push_str(&escape(&d.text[at..s]));
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">{}</TIMEX3>",
            k + 1,
            timex_type(m.kind),
            escape(&m.value),
            escape(&m.expression.text)
        ));
        at = e;
    }
    out.push_str(&escape(&d.text[at..]));
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// Renders the timeline's documents as TimeML.
pub fn render(t: &Timeline) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let several = t.documents.len() > 1;
    if several {
        out.push_str("<TimeMLCorpus>\n");
    }
    for d in &t.documents {
        let mentions: Vec<&Mention> = t.mentions.iter().filter(|m| m.document == d.id).collect();
        out.push_str(&document(d, &mentions));
    }
    if several {
        out.push_str("</TimeMLCorpus>\n");
    }
    out
}
