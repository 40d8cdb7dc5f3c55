//! Search in the list: what a query matches, and where.
//!
//! Text is folded on both sides by its language ([`Language::normalize`]: in Arabic harakat and
//! tatweel ignored, hamza and alef variants the same, Latin case-insensitive), and a match must
//! start a word — after nothing but the language's clitics ([`Language::only_clitics`]: و ف ب
//! ك ل, the article ال): "ليل" finds "الليل" and "وليل", not "الخليل". Besides its
//! sentence, each event is found by its date as a person or a program writes it
//! ("2022-01-05", "5 January", "January 5", "wednesday"); both are folded into one
//! [`haystack`] per event when the timeline changes, so a key typed costs one scan.

use crate::export::words::date_heading;
use crate::lang::{self, Language, normalize};
use crate::model::Event;

/// What search looks through for an event, folded once (when the timeline changes, not per
/// key): its sentence, then its date in words and in ISO.
pub fn haystack(e: &Event) -> String {
    let mut s = e.sentence.text.clone();
    s.push('\n');
    s.push_str(&date_heading(&e.date));
    s.push(' ');
    s.push_str(&e.date.value);
    for d in [e.date.start, e.date.end].into_iter().flatten() {
        s.push_str(&d.format(" %Y-%m-%d %B %-d %-d %B").to_string());
    }
    normalize(&s)
}

/// Whether a match at byte `p` of the folded `hay` starts a word: what comes before it in its
/// word is only clitics of the language (see the module docs).
fn starts_word(hay: &str, p: usize, lang: &Language) -> bool {
    let word = hay[..p]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (lang.only_clitics)(&hay[word..p])
}

/// Byte offsets in the folded `hay` where the folded query `q` starts a word.
pub fn word_matches<'a>(hay: &'a str, q: &'a str) -> impl Iterator<Item = usize> + 'a {
    let lang = lang::of(hay);
    hay.match_indices(q)
        .map(|(p, _)| p)
        .filter(move |&p| starts_word(hay, p, lang))
}

/// Whether an event's [`haystack`] matches the folded query `q`.
pub fn matches(haystack: &str, q: &str) -> bool {
    word_matches(haystack, q).next().is_some()
}

/// Byte ranges (offset by `base`) where `query` matches in `text`, for highlighting.
pub fn fold_spans(text: &str, base: usize, query: &str) -> Vec<(usize, usize)> {
    // The query is folded as the text is, so that offsets in the folded text map back.
    let lang = lang::of(text);
    let q = (lang.normalize)(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut folded = String::with_capacity(text.len());
    let mut map: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = folded.len();
        (lang.push_folded)(c, &mut folded);
        for _ in before..folded.len() {
            map.push((base + i, base + i + c.len_utf8()));
        }
    }
    word_matches(&folded, &q)
        .map(|p| (map[p].0, map[p + q.len() - 1].1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_starts_a_word_clitics_allowed() {
        let m = |hay: &str, q: &str| word_matches(&normalize(hay), &normalize(q)).count();
        assert_eq!(m("في الخليل", "ليل"), 0);
        assert_eq!(m("في الليل", "ليل"), 1);
        assert_eq!(m("وليل الأربعاء", "ليل"), 1);
        assert_eq!(m("للخميس", "خميس"), 1);
        assert_eq!(m("بالأمس", "امس"), 1);
        assert_eq!(m("Kazakhstan", "stan"), 0);
        assert_eq!(m("2022-01-05", "01-05"), 1);
        assert_eq!(m("الخميس", "الخميس"), 1);
    }

    #[test]
    fn fold_spans_map_back_to_the_original_bytes() {
        let text = "في الخليل، ليلَ الأربعاء";
        let spans = fold_spans(text, 10, "ليل");
        assert_eq!(spans.len(), 1);
        let (a, b) = spans[0];
        assert_eq!(&text[a - 10..b - 10], "ليلَ".trim_end_matches('َ'));
    }
}
