//! Sentence splitting the way news punctuates.
//!
//! A sentence ends at one of its language's stops ([`SentenceEnds::stops`]) followed by white
//! space or the end, unless the mark is inside a quotation («…», “…”, "…") or is the full stop
//! of one of the language's abbreviations, and always at a line end, since headings and
//! paragraphs stand on their own lines. Quotations never run across a line end.
//!
//! A "sentence" longer than [`MAX_SENTENCE`] bytes (a page with no punctuation, a 20 MB line) is
//! cut into pieces at white space: every event carries a copy of its sentence, so an unbounded
//! sentence would multiply the input by the number of dates in it.

use crate::model::TextSpan;

/// A language's sentence ends: the marks that end a sentence and the exceptions to them.
#[derive(Debug, Clone, Copy)]
pub struct SentenceEnds {
    /// The marks that end a sentence when white space or the end follows them.
    pub stops: &'static [char],
    /// Words whose full stop abbreviates them rather than ending the sentence ("Dr").
    pub abbreviations: &'static [&'static str],
}

/// Splits `text` into trimmed, non-empty sentence spans (byte offsets into `text`).
///
/// Works on bytes, so only candidate marks are decoded: the search stops at ASCII marks, at the
/// lead bytes of quotes and line separators, and at the *last* byte of every other stop. A
/// stop's lead byte may open half the letters of its script (0xD8 for ؛ and ؟), its last byte
/// is rare; a hit there steps back to the character's start.
pub fn split_sentences(text: &str, ends: &SentenceEnds) -> Vec<TextSpan> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mark_byte = mark_bytes(ends);
    let mut start = 0usize;
    let mut guillemets = 0u32;
    let mut curly = 0u32;
    let mut straight = false;
    let mut i = 0usize;
    while i < bytes.len() {
        // Skip straight to the next byte that can be a mark's.
        let from = i;
        match bytes[i..].iter().position(|&b| mark_byte[b as usize]) {
            Some(k) => i += k,
            None => break,
        }
        if is_continuation(bytes[i]) {
            // The last byte of a character: a stop only if its start is one not looked at yet
            // (a search resumed inside a character that was not a mark).
            let mut c = i;
            while is_continuation(bytes[c]) {
                c -= 1;
            }
            if c < from || mark_at(text, c, ends).0 != Mark::Stop {
                i += 1;
                continue;
            }
            i = c;
        }
        let (mark, len) = mark_at(text, i, ends);
        match mark {
            Mark::None => {}
            Mark::LineEnd => {
                push_trimmed(text, start, i, &mut out);
                start = i + len;
                guillemets = 0;
                curly = 0;
                straight = false;
            }
            Mark::OpenGuillemet => guillemets += 1,
            Mark::CloseGuillemet => guillemets = guillemets.saturating_sub(1),
            Mark::OpenCurly => curly += 1,
            Mark::CloseCurly => curly = curly.saturating_sub(1),
            Mark::Straight => straight = !straight,
            Mark::Stop if guillemets > 0 || curly > 0 || straight => {}
            Mark::Stop if abbreviated(text, start, i, ends) => {}
            Mark::Stop => {
                // Take the whole run of marks and any closing brackets or quotes after it.
                let mut end = i + len;
                loop {
                    let (next, l) = mark_at(text, end, ends);
                    let closing = matches!(bytes.get(end), Some(b')' | b']'));
                    if closing
                        || matches!(next, Mark::Stop | Mark::CloseGuillemet | Mark::CloseCurly)
                    {
                        end += if closing { 1 } else { l };
                    } else {
                        break;
                    }
                }
                let at_break = end >= bytes.len() || text[end..].starts_with(char::is_whitespace);
                if at_break {
                    push_trimmed(text, start, end, &mut out);
                    start = end;
                }
                i = end;
                continue;
            }
        }
        i += len;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Bytes the search stops at: line ends, quotes, the lead bytes of « » “ ” and U+2029, and the
/// last byte of every stop.
fn mark_bytes(ends: &SentenceEnds) -> [bool; 256] {
    let mut t = [false; 256];
    for b in [b'\n', b'\r', b'"', 0xC2, 0xE2] {
        t[b as usize] = true;
    }
    for c in ends.stops {
        let mut buf = [0u8; 4];
        let last = *c.encode_utf8(&mut buf).as_bytes().last().unwrap_or(&0);
        t[last as usize] = true;
    }
    t
}

/// A UTF-8 continuation byte (not the first of its character).
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// True when the full stop at `i` ends one of the language's abbreviations (the word before
/// it, within the sentence that starts at `start`).
fn abbreviated(text: &str, start: usize, i: usize, ends: &SentenceEnds) -> bool {
    text.as_bytes()[i] == b'.'
        && text[start..i]
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| ends.abbreviations.contains(&w))
}

/// The marks sentence splitting reacts to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    LineEnd,
    Stop,
    OpenGuillemet,
    CloseGuillemet,
    OpenCurly,
    CloseCurly,
    Straight,
}

/// The mark starting at byte `i` and its length (1 for anything that is not a mark).
#[inline]
fn mark_at(text: &str, i: usize, ends: &SentenceEnds) -> (Mark, usize) {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(i) else {
        return (Mark::None, 1);
    };
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    let mark = match b {
        b'\n' | b'\r' => Some((Mark::LineEnd, 1)),
        b'"' => Some((Mark::Straight, 1)),
        // « U+00AB and » U+00BB
        0xC2 if next(1) == 0xAB => Some((Mark::OpenGuillemet, 2)),
        0xC2 if next(1) == 0xBB => Some((Mark::CloseGuillemet, 2)),
        // “ U+201C, ” U+201D, paragraph separator U+2029
        0xE2 if next(1) == 0x80 => match next(2) {
            0x9C => Some((Mark::OpenCurly, 3)),
            0x9D => Some((Mark::CloseCurly, 3)),
            0xA9 => Some((Mark::LineEnd, 3)),
            _ => None,
        },
        _ => None,
    };
    if let Some(m) = mark {
        return m;
    }
    match text.get(i..).and_then(|t| t.chars().next()) {
        Some(c) if ends.stops.contains(&c) => (Mark::Stop, c.len_utf8()),
        _ => (Mark::None, 1),
    }
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// The longest sentence kept whole, in bytes (about 1,000 Arabic letters, several times the
/// longest sentence of ordinary news). Longer runs are cut at the last white space before it.
pub const MAX_SENTENCE: usize = 2048;

fn push_trimmed(text: &str, mut start: usize, end: usize, out: &mut Vec<TextSpan>) {
    while end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // Prefer the last white space in the second half of the window; a word longer than
        // half the window is cut where it stands.
        let window = &text[start..cut];
        if let Some(sp) = window.rfind(is_blank).filter(|&sp| sp >= MAX_SENTENCE / 2) {
            cut = start + sp;
        }
        push_piece(text, start, cut, out);
        start = cut;
    }
    push_piece(text, start, end, out);
}

fn push_piece(text: &str, start: usize, end: usize, out: &mut Vec<TextSpan>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start_matches(is_blank).len();
    let trimmed = piece.trim_matches(is_blank);
    if !trimmed.is_empty() {
        let s = start + lead;
        out.push(TextSpan {
            start: s,
            end: s + trimmed.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<TextSpan> {
        split_sentences(t, &crate::lang::ar::ARABIC.sentence_ends)
    }

    fn texts(t: &str) -> Vec<&str> {
        split(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    /// Stops are found by their last byte; characters that share it (Û ends in 0x9B like ؛,
    /// ‛ U+201B too, after a lead byte the search also stops at) are not stops.
    #[test]
    fn only_real_stops_end_sentences_when_found_by_their_last_byte() {
        assert_eq!(
            texts("قال Û ثم ‛ذهب؛ وعاد ‟ أمس؟ نعم… انتهى"),
            vec!["قال Û ثم ‛ذهب؛", "وعاد ‟ أمس؟", "نعم…", "انتهى"]
        );
    }

    #[test]
    fn splits_on_arabic_and_latin_marks() {
        assert_eq!(
            texts("قال إنه سيأتي. هل يأتي؟ نعم! ثم؛ انتهى"),
            vec!["قال إنه سيأتي.", "هل يأتي؟", "نعم!", "ثم؛", "انتهى"]
        );
    }

    #[test]
    fn keeps_full_stops_inside_quotes() {
        let t = "وقال \"حاولوا أمس. وتم القضاء عليهم\". ثم غادر. وأضاف «هذا. وذاك» اليوم.";
        assert_eq!(
            texts(t),
            vec![
                "وقال \"حاولوا أمس. وتم القضاء عليهم\".",
                "ثم غادر.",
                "وأضاف «هذا. وذاك» اليوم."
            ]
        );
    }

    #[test]
    fn lines_are_sentences_and_quotes_do_not_cross_them() {
        let t = "\u{FEFF}عنوان بلا نقطة\r\nوقال \"بدون إغلاق\r\nسطر آخر. وجملة";
        assert_eq!(
            texts(t),
            vec!["عنوان بلا نقطة", "وقال \"بدون إغلاق", "سطر آخر.", "وجملة"]
        );
    }

    #[test]
    fn very_long_runs_are_cut_at_white_space_into_bounded_pieces() {
        let t = "في يوم الخميس ".repeat(1000);
        let spans = split(&t);
        assert!(spans.len() > 1);
        for (i, s) in spans.iter().enumerate() {
            assert!(s.end - s.start <= MAX_SENTENCE);
            assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
            let after = t[s.end..].chars().next();
            assert!(
                after.is_none_or(char::is_whitespace),
                "piece {i} cut a word"
            );
            assert!(i == 0 || spans[i - 1].end < s.start);
        }
        // One endless word: cut at character boundaries.
        let w = "ب".repeat(10_000);
        let spans = split(&w);
        assert!(spans.iter().all(|s| s.end - s.start <= MAX_SENTENCE));
        assert_eq!(
            spans.iter().map(|s| s.end - s.start).sum::<usize>(),
            w.len()
        );
    }

    #[test]
    fn decimals_and_numeric_dates_do_not_split() {
        assert_eq!(
            texts("ارتفع 3.5 بالمئة في 6.1.2022 أمس."),
            vec!["ارتفع 3.5 بالمئة في 6.1.2022 أمس."]
        );
    }

    #[test]
    fn a_language_gives_its_stops_and_abbreviations() {
        let ends = SentenceEnds {
            stops: &['.', '!'],
            abbreviations: &["Dr", "St"],
        };
        let t = "Dr. Smith came on Monday. He left? No! St. Paul.";
        let got: Vec<&str> = split_sentences(t, &ends)
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            vec!["Dr. Smith came on Monday.", "He left? No!", "St. Paul."]
        );
    }
}
