//! The Arabic words anchor inference reads around dates: a relative day before a date
//! ("يوم غد الخميس 1 فبراير"), an anniversary's count, the pieces of a dateline, the
//! prepositions and labels beside it. The anchor weighs what these readings give; only the
//! readings are Arabic.

use super::folding::normalize;
use crate::lang::expr::MonthRef;
use crate::lang::{Beside, Clues, Piece};
use crate::text::{TokenKind, Tokens};

use super::lexicon::{Word, lookup};

/// The readings, for [`super::ARABIC`].
pub const CLUES: Clues = Clues {
    offset_before_date,
    anniversary,
    piece,
    beside,
    label: is_label,
    new_item,
    apposition: APPOSITION,
};

/// Marks that may stand between a relative day and its weekday, or between the parts of a
/// relative day and its date: "يوم أمس (الخميس)", "اليوم الجمعة، 06 فيفري".
const APPOSITION: &str = "()،,-–";

/// The conjunction and preposition clitics that open a new item: "أمس، والخميس …".
const ITEM_CLITICS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// Whether text starting here opens another item (a clitic), not apposition.
fn new_item(text: &str) -> bool {
    text.starts_with(ITEM_CLITICS)
}

/// Whether the folded letters of a word before a search match are only clitics (up to two of
/// و ف ب ك ل, or those and the article ال), so "ليل" finds "الليل" and "وليل", not "الخليل".
pub fn only_clitics(head: &str) -> bool {
    let mut head = head;
    for _ in 0..2 {
        head = head.strip_prefix(ITEM_CLITICS).unwrap_or(head);
    }
    head.is_empty() || head == "ال"
}

/// What the word beside a dateline's date says: "في 5 أغسطس 2024" is an event's date, and so
/// is "5 أغسطس المقبل"; "غد الخميس 1 فبراير" is a relative day's.
fn beside(norm: &str) -> Option<Beside> {
    match lookup(norm)? {
        Word::In => Some(Beside::In),
        Word::Since
        | Word::Until
        | Word::From
        | Word::To
        | Word::After
        | Word::Before
        | Word::During => Some(Beside::Preposition),
        Word::Rel(_) => Some(Beside::Rel),
        Word::RelDay(_) | Word::Morrow => Some(Beside::RelDay),
        _ => None,
    }
}

/// "اليوم" after ذلك / تلك, مثل (هذا), نفس: that day, not today.
fn not_today(tokens: &Tokens, i: usize) -> bool {
    let word = |k: usize| tokens.list[k].kind == TokenKind::Word;
    let before = |k: usize| (k > 0 && word(k - 1)).then(|| tokens.norm(k - 1));
    let like = |n: &str| {
        let bare = n.trim_start_matches(['و', 'ف', 'ب', 'ك']);
        bare == "مثل" || bare == "نفس"
    };
    match before(i) {
        Some(n) if lookup(n) == Some(Word::That) || like(n) => true,
        Some(n) if lookup(n) == Some(Word::This) => before(i - 1).is_some_and(like),
        _ => false,
    }
}

/// The relative day written just before a date's number or month ("غد الخميس الـ 11 من
/// يناير"), skipping يوم, parts of the day, weekdays, الموافق and punctuation: its offset.
fn offset_before_date(tokens: &Tokens, start: usize, end: usize) -> Option<(i32, usize)> {
    let list = &tokens.list;
    // The first number or month word of the date: what comes before it may be in the span.
    let first = (0..list.len()).find(|&k| {
        let t = &list[k];
        t.start >= start
            && t.end <= end
            && match t.kind {
                TokenKind::Number { .. } => true,
                TokenKind::Word => matches!(
                    lookup(tokens.norm(k)),
                    Some(
                        Word::Month { .. }
                            | Word::HijriMonth { .. }
                            | Word::MonthHead(_)
                            | Word::Ordinal(_)
                    )
                ),
                TokenKind::Punct(_) => false,
            }
    })?;
    let mut skipped = 0;
    let mut i = first;
    while i > 0 {
        i -= 1;
        let t = &list[i];
        match t.kind {
            TokenKind::Punct(c) if APPOSITION.contains(c) => continue,
            TokenKind::Word => {}
            _ => return None,
        }
        let norm = tokens.norm(i);
        match lookup(norm) {
            Some(Word::RelDay(n)) => {
                let n = n as i32;
                // "في مثل هذا اليوم 5 يونيو 1967", "ذلك اليوم": a day in history, not today.
                if n == 0 && not_today(tokens, i) {
                    return None;
                }
                let first_of = i > 0 && lookup(tokens.norm(i - 1)) == Some(Word::First);
                return Some(if n == -1 && first_of {
                    (-2, list[i - 1].start)
                } else {
                    (n, t.start)
                });
            }
            Some(Word::Morrow) => {
                let after = i > 0 && lookup(tokens.norm(i - 1)) == Some(Word::After);
                return Some(if after {
                    (2, list[i - 1].start)
                } else {
                    (1, t.start)
                });
            }
            Some(
                Word::DayNoun
                | Word::DayPart(_)
                | Word::Weekday(_)
                | Word::Corresponding
                | Word::This,
            ) => {}
            _ if norm == "ال" || norm == "الـ" => {}
            _ => return None,
        }
        skipped += 1;
        if skipped > 4 {
            return None;
        }
    }
    None
}

/// The count of an anniversary named at token `i`: ذكرى with the article and its count after
/// it ("الذكرى السادسة").
fn anniversary(tokens: &Tokens, i: usize) -> Option<u32> {
    if is_anniversary_word(tokens.norm(i)) {
        count_after(tokens, i + 1)
    } else {
        None
    }
}

/// ذكرى with the article, after any clitics: "الذكرى", "بالذكرى", "للذكرى".
fn is_anniversary_word(norm: &str) -> bool {
    let bare = norm.trim_start_matches(['و', 'ف']);
    let bare = bare.strip_prefix('ب').unwrap_or(bare);
    matches!(bare.strip_suffix("ذكري"), Some("ال" | "ل"))
}

/// An anniversary's count: "السادسة", "الحادية عشرة", "الخامسة والعشرين", "الـ 50", "50".
fn count_after(tokens: &Tokens, i: usize) -> Option<u32> {
    let num = |k: usize| match tokens.list.get(k)?.kind {
        TokenKind::Number { value, .. } if (1..=500).contains(&value) => Some(value),
        _ => None,
    };
    if let Some(v) = num(i) {
        return Some(v);
    }
    if tokens.list.get(i)?.kind == TokenKind::Word && matches!(tokens.norm(i), "ال" | "الـ") {
        return num(i + 1);
    }
    let word = |k: usize| (k < tokens.len()).then(|| lookup(tokens.norm(k))).flatten();
    match word(i)? {
        Word::Ordinal(o) => {
            let o = o as u32;
            match word(i + 1) {
                Some(Word::Teen | Word::Cardinal(10)) => Some(10 + o),
                Some(Word::Tens(t)) if tokens.norm(i + 1).starts_with('و') => Some(t as u32 + o),
                _ => Some(o),
            }
        }
        Word::Tens(t) => Some(t as u32),
        _ => None,
    }
}

fn piece(tokens: &Tokens, i: usize) -> Option<(Piece, usize)> {
    let t = &tokens.list[i];
    match t.kind {
        TokenKind::Number { value, digits } => Some((Piece::Num(value, digits), 1)),
        TokenKind::Punct(c) if "-/.,:|()–".contains(c) => Some((Piece::Sep(c), 1)),
        TokenKind::Punct(_) => None,
        TokenKind::Word => match lookup(tokens.norm(i)) {
            Some(Word::Month { number, .. }) => Some((Piece::Month(number as u32), 1)),
            Some(Word::MonthHead(h)) => {
                let next = (i + 1 < tokens.len()).then(|| lookup(tokens.norm(i + 1)));
                match next.flatten() {
                    Some(Word::Ordinal(o)) => match h.month(o) {
                        Some(MonthRef::Gregorian(m)) => Some((Piece::Month(m), 2)),
                        _ => None,
                    },
                    _ => None,
                }
            }
            Some(Word::Weekday(w)) => Some((Piece::Weekday(w), 1)),
            Some(Word::GregorianEra | Word::DayPart(_)) => Some((Piece::Filler, 1)),
            // ص / م after a clock time.
            _ if matches!(tokens.norm(i), "ص" | "م" | "مساء" | "صباحا") => {
                Some((Piece::Filler, 1))
            }
            _ => None,
        },
    }
}

/// Words that label a publication line: "نشر بتاريخ", "تم نشره", "آخر تحديث", "العدد".
fn is_label(norm: &str) -> bool {
    const LABELS: &[&str] = &[
        "نشر",
        "النشر",
        "حرر",
        "حررت",
        "نشره",
        "نشرت",
        "بتاريخ",
        "تاريخ",
        "التاريخ",
        "تم",
        "آخر",
        "تحديث",
        "التحديث",
        "محدث",
        "العدد",
        "الإصدار",
    ];
    LABELS.iter().any(|l| normalize(l) == norm)
}
