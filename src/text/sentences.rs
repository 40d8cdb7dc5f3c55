//! Sentence splitting the way Arabic news punctuates.
//!
//! A sentence ends at `.` `!` `?` `؟` `؛` (and `…`) followed by white space or the end, unless the
//! mark is inside a quotation («…», “…”, "…"), and always at a line end, since headings and
//! paragraphs stand on their own lines. Quotations never run across a line end.
//!
//! A "sentence" longer than [`MAX_SENTENCE`] bytes (a page with no punctuation, a 20 MB line) is
//! cut into pieces at white space: every event carries a copy of its sentence, so an unbounded
//! sentence would multiply the input by the number of dates in it.

use crate::model::TextSpan;

/// Splits `text` into trimmed, non-empty sentence spans (byte offsets into `text`).
///
/// Works on bytes: every mark it reacts to is ASCII or has a distinctive UTF-8 encoding, and
/// continuation bytes never look like either, so no character needs decoding.
pub fn split_sentences(text: &str) -> Vec<TextSpan> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut guillemets = 0u32;
    let mut curly = 0u32;
    let mut straight = false;
    let mut i = 0usize;
    while i < bytes.len() {
        // Skip straight to the next byte that can be a mark's. ؛ and ؟ are found by their
        // second byte: their first (0xD8) leads half the Arabic letters, their second is rare.
        match bytes[i..].iter().position(|&b| MARK_BYTE[b as usize]) {
            Some(k) => i += k,
            None => break,
        }
        if i > 0 && ARABIC_STOP_SECOND.contains(&bytes[i]) && bytes[i - 1] == ARABIC_STOP_FIRST {
            i -= 1;
        }
        let (mark, len) = mark_at(bytes, i);
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
            Mark::Stop => {
                // Take the whole run of marks and any closing brackets or quotes after it.
                let mut end = i + len;
                loop {
                    let (next, l) = mark_at(bytes, end);
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

/// The lead byte of ؛ U+061B and ؟ U+061F.
const ARABIC_STOP_FIRST: u8 = 0xD8;
/// Their second bytes.
const ARABIC_STOP_SECOND: [u8; 2] = [0x9B, 0x9F];

/// Bytes the search stops at: `\n \r . ! ? "`, the lead bytes of the other marks, and the
/// second bytes of ؛ and ؟.
static MARK_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let stops = [
        b'\n',
        b'\r',
        b'.',
        b'!',
        b'?',
        b'"',
        0xC2,
        0xE2,
        ARABIC_STOP_SECOND[0],
        ARABIC_STOP_SECOND[1],
    ];
    while k < stops.len() {
        t[stops[k] as usize] = true;
        k += 1;
    }
    t
};

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
fn mark_at(bytes: &[u8], i: usize) -> (Mark, usize) {
    let Some(&b) = bytes.get(i) else {
        return (Mark::None, 1);
    };
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match b {
        b'\n' | b'\r' => (Mark::LineEnd, 1),
        b'.' | b'!' | b'?' => (Mark::Stop, 1),
        b'"' => (Mark::Straight, 1),
        // ؛ U+061B and ؟ U+061F
        ARABIC_STOP_FIRST if ARABIC_STOP_SECOND.contains(&next(1)) => (Mark::Stop, 2),
        // « U+00AB and » U+00BB
        0xC2 if next(1) == 0xAB => (Mark::OpenGuillemet, 2),
        0xC2 if next(1) == 0xBB => (Mark::CloseGuillemet, 2),
        // “ U+201C, ” U+201D, … U+2026, paragraph separator U+2029
        0xE2 if next(1) == 0x80 => match next(2) {
            0x9C => (Mark::OpenCurly, 3),
            0x9D => (Mark::CloseCurly, 3),
            0xA6 => (Mark::Stop, 3),
            0xA9 => (Mark::LineEnd, 3),
            _ => (Mark::None, 1),
        },
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

    fn texts(t: &str) -> Vec<&str> {
        split_sentences(t)
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect()
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
        let spans = split_sentences(&t);
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
        let spans = split_sentences(&w);
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
}
