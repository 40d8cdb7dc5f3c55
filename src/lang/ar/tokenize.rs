//! The Arabic scanner's first step: one sentence cut into [`Tokens`] — words (with their
//! folded form, see [`super::folding`]), numbers (with their value, in any digit script) and
//! single punctuation marks, each with its original byte span.
//!
//! A word stops where digits start, so "و2015" is the clitic "و" and the number 2015, and
//! "الـ21" is "ال" and 21.

use std::sync::LazyLock;

use super::folding::{ARABIC_BLOCK, Class, Folded, class_of, fold_char, push_folded};
use crate::text::{TokenKind, Tokens};

fn fold_punct(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2044}' | '\u{2215}' => '/',
        '\u{060C}' => ',',
        '\u{061B}' => ';',
        '\u{061F}' => '?',
        '\u{066B}' => '.',
        c => c,
    }
}

/// Class and fold of the characters that make up nearly all of an Arabic article, ASCII and
/// the Arabic block, so each costs one lookup; and which of them are letters that fold to
/// themselves, so a run of those is copied from the original whole.
struct Tables {
    ascii: [(Class, Folded); 128],
    arabic: [(Class, Folded); 256],
    plain_ascii: [bool; 128],
    plain_arabic: [bool; 256],
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let ascii = std::array::from_fn(|i| (class_of(i as u8 as char), fold_char(i as u8 as char)));
    let arabic = *ARABIC_BLOCK;
    let plain =
        |c: char, (class, fold): (Class, Folded)| class == Class::Letter && fold == Folded::Char(c);
    Tables {
        plain_ascii: std::array::from_fn(|i| plain(i as u8 as char, ascii[i])),
        plain_arabic: std::array::from_fn(|i| {
            plain(char::from_u32(0x600 + i as u32).unwrap_or(' '), arabic[i])
        }),
        ascii,
        arabic,
    }
});

/// The index of an Arabic-block character in [`Tables`] from its two UTF-8 bytes.
#[inline]
fn arabic_index(lead: u8, next: u8) -> usize {
    (((lead - 0xD8) as usize) << 6) | (next & 0x3F) as usize
}

/// Where the run of letters from byte `i` that fold to themselves stops (at most `end`).
#[inline]
fn plain_run(bytes: &[u8], mut i: usize, end: usize, t: &Tables) -> usize {
    while i < end {
        let b = bytes[i];
        if b < 0x80 {
            if !t.plain_ascii[b as usize] {
                break;
            }
            i += 1;
        } else if (0xD8..=0xDB).contains(&b) {
            if !t.plain_arabic[arabic_index(b, bytes[i + 1])] {
                break;
            }
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// Decodes the character at byte `i` with its class and fold; ASCII and Arabic-block
/// characters come straight from the tables.
#[inline]
fn char_at(text: &str, i: usize, t: &Tables) -> (char, usize, Class, Folded) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        let (class, fold) = t.ascii[b as usize];
        return (b as char, 1, class, fold);
    }
    if (0xD8..=0xDB).contains(&b) && i + 1 < bytes.len() {
        let index = arabic_index(b, bytes[i + 1]);
        let (class, fold) = t.arabic[index];
        let c = char::from_u32(0x600 + index as u32).unwrap_or(' ');
        return (c, 2, class, fold);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8(), class_of(c), fold_char(c))
}

/// Tokenises `text[start..end]` into `out` (cleared first); spans are offsets into `text`.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Tokens) {
    out.clear();
    let table = &*TABLES;
    let bytes = text.as_bytes();
    let mut i = start;
    let mut space = true;
    while i < end {
        let (c, len, class, fold) = char_at(text, i, table);
        match class {
            Class::Space => {
                space = true;
                i += len;
            }
            Class::Punct => {
                out.push(TokenKind::Punct(fold_punct(c)), i, i + len, space);
                space = false;
                i += len;
            }
            Class::Digit(d) => {
                let first = i;
                let mut value = d as u32;
                let mut digits = 1u8;
                i += len;
                while i < end {
                    let (_, len, class, _) = char_at(text, i, table);
                    let Class::Digit(d) = class else { break };
                    value = value.saturating_mul(10).saturating_add(d as u32);
                    digits = digits.saturating_add(1);
                    i += len;
                }
                out.push(TokenKind::Number { value, digits }, first, i, space);
                space = false;
            }
            Class::Letter => {
                i = out.push_word(i, space, |arena| {
                    // Most letters fold to themselves: copy such runs of the original in one go.
                    let mut copied = i;
                    let (mut c, mut len, mut fold) = (c, len, fold);
                    loop {
                        if fold != Folded::Char(c) {
                            arena.push_str(&text[copied..i]);
                            push_fold(c, fold, arena);
                            copied = i + len;
                        }
                        i = plain_run(bytes, i + len, end, table);
                        if i >= end {
                            break;
                        }
                        let class;
                        (c, len, class, fold) = char_at(text, i, table);
                        if class != Class::Letter {
                            break;
                        }
                    }
                    arena.push_str(&text[copied..i]);
                    i
                });
                space = false;
            }
        }
    }
}

#[inline]
fn push_fold(c: char, fold: Folded, out: &mut String) {
    match fold {
        Folded::Char(f) => out.push(f),
        Folded::Drop => {}
        Folded::Expand => push_folded(c, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<String> {
        let mut out = Tokens::default();
        tokenize(t, 0, t.len(), &mut out);
        (0..out.len())
            .map(|i| match out.list[i].kind {
                TokenKind::Word => out.norm(i).to_string(),
                TokenKind::Number { value, .. } => format!("#{value}"),
                TokenKind::Punct(c) => format!("'{c}'"),
            })
            .collect()
    }

    #[test]
    fn splits_clitics_from_digits_and_folds() {
        assert_eq!(toks("بين ٢٠١٠ و2015"), vec!["بين", "#2010", "و", "#2015"]);
        assert_eq!(toks("القرن الـ21"), vec!["القرن", "ال", "#21"]);
        assert_eq!(
            toks("الخميس (6 يناير)"),
            vec!["الخميس", "'('", "#6", "يناير", "')'"]
        );
        assert_eq!(
            toks("6/1/2022،"),
            vec!["#6", "'/'", "#1", "'/'", "#2022", "','"]
        );
        assert_eq!(toks("غداً — مساءً"), vec!["غدا", "'-'", "مساء"]);
    }

    #[test]
    fn spans_slice_the_original() {
        let t = "يوم الأربعـاءِ ٦ يناير";
        let mut out = Tokens::default();
        tokenize(t, 0, t.len(), &mut out);
        assert_eq!(&t[out.list[1].start..out.list[1].end], "الأربعـاءِ");
        assert_eq!(out.norm(1), "الاربعاء");
        assert_eq!(&t[out.list[2].start..out.list[2].end], "٦");
        assert!(out.list[2].space_before);
    }
}
