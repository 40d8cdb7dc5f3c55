//! Sentence splitting the way Arabic news punctuates.
//!
//! A sentence ends at `.` `!` `?` `؟` `؛` (and `…`) followed by white space or the end, unless the
//! mark is inside a quotation («…», “…”, "…"), and always at a line end, since headings and
//! paragraphs stand on their own lines. Quotations never run across a line end.

use crate::timeline::model::TextSpan;

/// Splits `text` into trimmed, non-empty sentence spans (byte offsets into `text`).
pub fn split_sentences(text: &str) -> Vec<TextSpan> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut guillemets = 0u32;
    let mut curly = 0u32;
    let mut straight = false;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            '\n' | '\r' | '\u{2029}' => {
                push_trimmed(text, start, i, &mut out);
                start = i + c.len_utf8();
                guillemets = 0;
                curly = 0;
                straight = false;
            }
            '«' => guillemets += 1,
            '»' => guillemets = guillemets.saturating_sub(1),
            '“' => curly += 1,
            '”' => curly = curly.saturating_sub(1),
            '"' => straight = !straight,
            '.' | '!' | '?' | '؟' | '؛' | '…' => {
                if guillemets > 0 || curly > 0 || straight {
                    continue;
                }
                // Take the whole run of marks and any closing brackets or quotes after it.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if matches!(d, '.' | '!' | '?' | '؟' | '؛' | '…' | ')' | ']' | '»' | '”')
                    {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                let at_break = end >= bytes.len() || text[end..].starts_with(char::is_whitespace);
                if at_break {
                    push_trimmed(text, start, end, &mut out);
                    start = end;
                }
            }
            _ => {}
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<TextSpan>) {
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
    fn decimals_and_numeric_dates_do_not_split() {
        assert_eq!(
            texts("ارتفع 3.5 بالمئة في 6.1.2022 أمس."),
            vec!["ارتفع 3.5 بالمئة في 6.1.2022 أمس."]
        );
    }
}
