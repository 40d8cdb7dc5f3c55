//! Tokens over one sentence: words (with their normalised form), numbers (with their value, in
//! any digit script) and single punctuation marks, each with its original byte span.
//!
//! A word stops where digits start, so "و2015" is the clitic "و" and the number 2015, and
//! "الـ21" is "ال" and 21. Buffers are reused from sentence to sentence.

use std::sync::LazyLock;

use super::normalize::{ARABIC_BLOCK, Class, Folded, class_of, fold_char, push_folded};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters; the normalised text is in [`Tokens::norm`].
    Word,
    /// A run of digits with its value (saturating) and digit count.
    Number {
        /// The value, saturating at `u32::MAX`.
        value: u32,
        /// How many digits were written (a year has four).
        digits: u8,
    },
    /// One punctuation mark, with dashes, slashes and the Arabic comma folded to ASCII.
    Punct(char),
}

/// One token and where it lies in the original text.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// First byte in the document.
    pub start: usize,
    /// One past the last byte in the document.
    pub end: usize,
    /// Whether white space separates it from the previous token.
    pub space_before: bool,
    norm: (u32, u32),
}

/// The tokens of one sentence plus the arena holding their normalised forms.
#[derive(Debug, Default)]
pub struct Tokens {
    /// The tokens in text order.
    pub list: Vec<Token>,
    arena: String,
}

impl Tokens {
    /// The normalised form of token `i` (empty for numbers and punctuation).
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        let (a, b) = self.list[i].norm;
        &self.arena[a as usize..b as usize]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

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
    out.list.clear();
    out.arena.clear();
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
                out.list.push(Token {
                    kind: TokenKind::Punct(fold_punct(c)),
                    start: i,
                    end: i + len,
                    space_before: space,
                    norm: (0, 0),
                });
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
                out.list.push(Token {
                    kind: TokenKind::Number { value, digits },
                    start: first,
                    end: i,
                    space_before: space,
                    norm: (0, 0),
                });
                space = false;
            }
            Class::Letter => {
                let first = i;
                let a = out.arena.len() as u32;
                // Most letters fold to themselves: copy such runs of the original in one go.
                let mut copied = i;
                let (mut c, mut len, mut fold) = (c, len, fold);
                loop {
                    if fold != Folded::Char(c) {
                        out.arena.push_str(&text[copied..i]);
                        push_fold(c, fold, &mut out.arena);
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
                out.arena.push_str(&text[copied..i]);
                let b = out.arena.len() as u32;
                out.list.push(Token {
                    kind: TokenKind::Word,
                    start: first,
                    end: i,
                    space_before: space,
                    norm: (a, b),
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
