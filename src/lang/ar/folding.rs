//! Arabic letter folding, the normalised view used for matching: harakat and tatweel removed,
//! hamza on alef folded, alef maqsura and taa marbuta folded, Eastern and Persian digits made
//! ASCII, presentation forms unfolded, letters of every cased script lower-cased (Unicode's
//! default mapping; the one letter that lower-cases to two, İ, keeps only its first, i).
//!
//! Folding works one original character at a time, so a token's normalised form never needs an
//! offset map: the token keeps its original byte span and only its folded text is compared.
//! It is Arabic knowledge, so it lives here and the rest of the crate reaches it through
//! [`crate::lang::Language::normalize`] and its siblings.

use unicode_normalization::UnicodeNormalization;

/// What one original character becomes in the normalised view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// Invisible for matching (harakat, tatweel, joiners, direction marks).
    Drop,
    /// One character.
    Char(char),
    /// A presentation form that unfolds to several characters (lam-alef ligatures, …).
    Expand,
}

/// Folds one character for matching.
#[inline]
pub fn fold_char(c: char) -> Folded {
    match c {
        'a'..='z' | '0'..='9' | '\u{0621}' | '\u{0624}' | '\u{0626}'..='\u{0628}' => {
            Folded::Char(c)
        }
        'A'..='Z' => Folded::Char(c.to_ascii_lowercase()),
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => Folded::Drop,
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' => Folded::Drop,
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => Folded::Char('\u{0627}'),
        '\u{0649}' => Folded::Char('\u{064A}'),
        '\u{0629}' => Folded::Char('\u{0647}'),
        '\u{0660}'..='\u{0669}' => Folded::Char(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Folded::Char(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        // Persian letters that Arabic text sometimes carries: keheh, farsi yeh.
        '\u{06A9}' => Folded::Char('\u{0643}'),
        '\u{06CC}' => Folded::Char('\u{064A}'),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' => Folded::Expand,
        _ if c.is_uppercase() => Folded::Char(c.to_lowercase().next().unwrap_or(c)),
        _ => Folded::Char(c),
    }
}

/// Appends the normalised form of `c` to `out`.
#[inline]
pub fn push_folded(c: char, out: &mut String) {
    match fold_char(c) {
        Folded::Drop => {}
        Folded::Char(f) => out.push(f),
        Folded::Expand => {
            for d in std::iter::once(c).nfkc() {
                if let Folded::Char(f) = fold_char(d) {
                    out.push(f);
                }
            }
        }
    }
}

/// The normalised form of a whole string (for search and for building lexicon keys).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// The value of a digit in any of the scripts news uses (ASCII, Eastern Arabic, Persian).
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// True for letters of any script, with a fast path for ASCII and the Arabic block, which make
/// up nearly all of the text (the general Unicode lookup is slow).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        '\u{0621}'..='\u{064A}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06FA}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphabetic(),
    }
}

/// True for characters that continue a word without being letters (harakat, tatweel, joiners).
#[inline]
pub fn is_word_mark(c: char) -> bool {
    matches!(
        c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}'
    )
}

/// How the tokenizer treats a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Part of a word (letters, and harakat, tatweel and joiners inside words).
    Letter,
    /// A digit 0–9 of any script; the payload is its value.
    Digit(u8),
    /// White space or an invisible direction mark: separates tokens.
    Space,
    /// Anything else: a punctuation token.
    Punct,
}

/// The class of any character.
#[inline]
pub fn class_of(c: char) -> Class {
    if let Some(d) = digit_value(c) {
        Class::Digit(d as u8)
    } else if is_letter(c) || is_word_mark(c) {
        Class::Letter
    } else if c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200E}' | '\u{200F}' | '\u{061C}') {
        Class::Space
    } else {
        Class::Punct
    }
}

/// Class and folded form of every character of the Arabic block U+0600–U+06FF, which makes
/// up most of an Arabic article, so the tokenizer classifies and folds it by one table lookup.
pub static ARABIC_BLOCK: std::sync::LazyLock<[(Class, Folded); 256]> =
    std::sync::LazyLock::new(|| {
        std::array::from_fn(|i| {
            let c = char::from_u32(0x600 + i as u32).unwrap_or(' ');
            (class_of(c), fold_char(c))
        })
    });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_harakat_tatweel_and_hamza() {
        assert_eq!(normalize("غداً"), "غدا");
        assert_eq!(normalize("مساءً"), "مساء");
        assert_eq!(normalize("الأربعـــاء"), "الاربعاء");
        assert_eq!(normalize("إبريل"), "ابريل");
        assert_eq!(normalize("آذار"), "اذار");
        assert_eq!(normalize("الأولى"), "الاولي");
        assert_eq!(normalize("الماضية"), "الماضيه");
    }

    #[test]
    fn folds_digits_of_every_script() {
        assert_eq!(normalize("٦ يناير ٢٠٢٢"), "6 يناير 2022");
        assert_eq!(normalize("۱۴۰۱"), "1401");
        assert_eq!(digit_value('٩'), Some(9));
        assert_eq!(digit_value('۵'), Some(5));
        assert_eq!(digit_value('x'), None);
    }

    #[test]
    fn unfolds_presentation_forms_and_lam_alef() {
        // ﻻ is the lam-alef ligature; ﺍﻟﺨﻤﻴﺲ is الخميس in presentation forms.
        assert_eq!(normalize("\u{FEFB}"), "لا");
        assert_eq!(
            normalize("\u{FE8D}\u{FEDF}\u{FEA8}\u{FEE4}\u{FEF4}\u{FEB2}"),
            "الخميس"
        );
    }

    #[test]
    fn lower_cases_every_cased_script() {
        assert_eq!(
            normalize("COVID Été ΑΘΗΝΑ Москва"),
            "covid été αθηνα москва"
        );
        assert_eq!(normalize("İstanbul"), "istanbul");
        // Arabic has no case: nothing moves.
        assert_eq!(normalize("الخميس"), "الخميس");
    }

    #[test]
    fn drops_invisible_marks() {
        assert_eq!(normalize("ال\u{200F}خميس"), "الخميس");
    }
}
