//! Arabic letter shaping for terminals that draw every letter in its isolated form.
//!
//! Most terminals (xterm, Alacritty, Windows Terminal, tmux) put the code point they get in a
//! cell and never join letters, so "الخميس" would show as six separate isolated letters. The
//! viewer replaces each letter by its contextual presentation form (isolated, final, initial,
//! medial) and lam + alef by the lam-alef ligature. Crates that do this drop harakat and give no
//! position map, so the table is ours: every output character keeps the byte range of the
//! characters it came from, which is how a highlight span survives shaping.

/// How a character takes part in joining (Unicode `Joining_Type`, reduced to what matters here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joining {
    /// Joins on both sides (beh, seen, …).
    Dual,
    /// Joins only to the letter before it (alef, dal, reh, waw, …).
    Right,
    /// Makes both neighbours join (tatweel, ZWJ) without changing itself.
    Causing,
    /// Invisible to joining (harakat).
    Transparent,
    /// Breaks joining (spaces, Latin, digits, hamza, ZWNJ).
    None,
}

/// Letter, its first presentation form, and how many forms follow (1, 2 or 4; in the order
/// isolated, final, initial, medial, as in Unicode's Arabic Presentation Forms blocks).
const FORMS: &[(char, u32, u8)] = &[
    ('\u{0621}', 0xFE80, 1),
    ('\u{0622}', 0xFE81, 2),
    ('\u{0623}', 0xFE83, 2),
    ('\u{0624}', 0xFE85, 2),
    ('\u{0625}', 0xFE87, 2),
    ('\u{0626}', 0xFE89, 4),
    ('\u{0627}', 0xFE8D, 2),
    ('\u{0628}', 0xFE8F, 4),
    ('\u{0629}', 0xFE93, 2),
    ('\u{062A}', 0xFE95, 4),
    ('\u{062B}', 0xFE99, 4),
    ('\u{062C}', 0xFE9D, 4),
    ('\u{062D}', 0xFEA1, 4),
    ('\u{062E}', 0xFEA5, 4),
    ('\u{062F}', 0xFEA9, 2),
    ('\u{0630}', 0xFEAB, 2),
    ('\u{0631}', 0xFEAD, 2),
    ('\u{0632}', 0xFEAF, 2),
    ('\u{0633}', 0xFEB1, 4),
    ('\u{0634}', 0xFEB5, 4),
    ('\u{0635}', 0xFEB9, 4),
    ('\u{0636}', 0xFEBD, 4),
    ('\u{0637}', 0xFEC1, 4),
    ('\u{0638}', 0xFEC5, 4),
    ('\u{0639}', 0xFEC9, 4),
    ('\u{063A}', 0xFECD, 4),
    ('\u{0641}', 0xFED1, 4),
    ('\u{0642}', 0xFED5, 4),
    ('\u{0643}', 0xFED9, 4),
    ('\u{0644}', 0xFEDD, 4),
    ('\u{0645}', 0xFEE1, 4),
    ('\u{0646}', 0xFEE5, 4),
    ('\u{0647}', 0xFEE9, 4),
    ('\u{0648}', 0xFEED, 2),
    ('\u{0649}', 0xFEEF, 2),
    ('\u{064A}', 0xFEF1, 4),
    ('\u{0671}', 0xFB50, 2),
    ('\u{067E}', 0xFB56, 4),
    ('\u{0686}', 0xFB7A, 4),
    ('\u{0698}', 0xFB8A, 2),
    ('\u{06A9}', 0xFB8E, 4),
    ('\u{06AF}', 0xFB92, 4),
    ('\u{06CC}', 0xFBFC, 4),
];

/// Lam-alef ligatures: the alef variant and the ligature's isolated form (final is +1).
const LAM_ALEF: &[(char, u32)] = &[
    ('\u{0622}', 0xFEF5),
    ('\u{0623}', 0xFEF7),
    ('\u{0625}', 0xFEF9),
    ('\u{0627}', 0xFEFB),
];

const LAM: char = '\u{0644}';
const ZWJ: char = '\u{200D}';
const ZWNJ: char = '\u{200C}';

fn forms(c: char) -> Option<(u32, u8)> {
    FORMS
        .binary_search_by(|(k, _, _)| k.cmp(&c))
        .ok()
        .map(|i| (FORMS[i].1, FORMS[i].2))
}

fn joining(c: char) -> Joining {
    match c {
        '\u{0640}' | ZWJ => Joining::Causing,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' => Joining::Transparent,
        _ => match forms(c) {
            Some((_, 4)) => Joining::Dual,
            Some((_, 2)) => Joining::Right,
            _ => Joining::None,
        },
    }
}

/// A character with the byte range of the original text it stands for.
pub type Mapped = (char, usize, usize);

/// Shapes a logical-order run of characters, keeping each output's source range.
///
/// Joining looks past harakat (transparent) to the neighbouring letters. Lam immediately
/// followed by an alef becomes one ligature whose range covers both letters. Joiners are
/// consumed here: they steer joining but take no cell.
pub fn shape(chars: &[Mapped]) -> Vec<Mapped> {
    let kinds: Vec<Joining> = chars.iter().map(|(c, _, _)| joining(*c)).collect();
    let prev_joins = |i: usize| -> bool {
        chars[..i]
            .iter()
            .zip(&kinds[..i])
            .rev()
            .find(|(_, k)| **k != Joining::Transparent)
            .is_some_and(|(_, k)| matches!(k, Joining::Dual | Joining::Causing))
    };
    let next_joins = |i: usize| -> bool {
        kinds[i + 1..]
            .iter()
            .find(|k| **k != Joining::Transparent)
            .is_some_and(|k| matches!(k, Joining::Dual | Joining::Right | Joining::Causing))
    };
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, s, e) = chars[i];
        if c == ZWJ || c == ZWNJ {
            i += 1;
            continue;
        }
        if c == LAM
            && let Some(&(a, _, ae)) = chars.get(i + 1)
            && let Some(&(_, lig)) = LAM_ALEF.iter().find(|(k, _)| *k == a)
        {
            let form = lig + u32::from(prev_joins(i));
            out.push((char::from_u32(form).unwrap_or(c), s, ae));
            i += 2;
            continue;
        }
        let shaped = match (forms(c), kinds[i]) {
            (Some((base, n)), Joining::Dual | Joining::Right) => {
                let before = prev_joins(i);
                let after = kinds[i] == Joining::Dual && next_joins(i);
                let offset = match (before, after) {
                    (false, false) => 0,
                    (true, false) => 1,
                    (false, true) => 2,
                    (true, true) => 3,
                };
                let offset = if n == 2 { offset & 1 } else { offset };
                char::from_u32(base + offset).unwrap_or(c)
            }
            (Some((base, _)), _) => char::from_u32(base).unwrap_or(c),
            _ => c,
        };
        out.push((shaped, s, e));
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn shaped(s: &str) -> String {
        let mapped: Vec<Mapped> = s
            .char_indices()
            .map(|(i, c)| (c, i, i + c.len_utf8()))
            .collect();
        shape(&mapped).into_iter().map(|(c, _, _)| c).collect()
    }

    #[test]
    fn table_matches_unicode_decompositions() {
        for &(c, base, n) in FORMS {
            for k in 0..u32::from(n) {
                let form = char::from_u32(base + k).unwrap();
                let back: String = std::iter::once(form).nfkc().collect();
                assert_eq!(back, c.to_string(), "{:04X}+{k}", c as u32);
            }
        }
        for &(a, lig) in LAM_ALEF {
            for k in 0..2 {
                let back: String = std::iter::once(char::from_u32(lig + k).unwrap())
                    .nfkc()
                    .collect();
                assert_eq!(back, format!("{LAM}{a}"));
            }
        }
    }

    #[test]
    fn joins_by_context_and_keeps_harakat() {
        // خميس: initial khah, medial meem, medial yeh, final seen.
        assert_eq!(shaped("خميس"), "\u{FEA7}\u{FEE4}\u{FEF4}\u{FEB2}");
        // سُمع: the damma stays after its letter and does not break the join.
        assert_eq!(shaped("سُمع"), "\u{FEB3}\u{064F}\u{FEE4}\u{FECA}");
        // دار: dal and alef never join forwards, so all three stand alone.
        assert_eq!(shaped("دار"), "\u{FEA9}\u{FE8D}\u{FEAD}");
    }

    #[test]
    fn lam_alef_ligature_covers_both_letters() {
        let mapped: Vec<Mapped> = "بلا"
            .char_indices()
            .map(|(i, c)| (c, i, i + c.len_utf8()))
            .collect();
        let out = shape(&mapped);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1], ('\u{FEFC}', 2, 6));
    }
}
