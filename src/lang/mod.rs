//! Language knowledge: lexicon tables and the grammar that reads them, producing [`expr::Found`]
//! expressions whose meaning is language-neutral.
//!
//! [`Language`] is the seam: the orchestrator, the sentence splitter, the anchor inference and
//! the resolver ask it for everything that depends on the language of a text, so a second
//! language is a second `Language` value (its tables, its rules) and no change elsewhere.

pub mod ar;
pub mod expr;

use chrono::Weekday;

use crate::model::TextSpan;
use crate::text::Tokens;
use crate::text::sentences::SentenceEnds;
use expr::{Country, Found};
use std::ops::Range;

/// A language's scanner over a range of a text's sentences (indices into the whole list): the
/// orchestrator may scan the ranges of a long text on several threads.
pub type ScanPart = fn(&str, &[TextSpan], Range<usize>) -> Part;

/// What a language settles once every part is scanned, given the parts in text order: the
/// expressions of the whole text, each with the index of its sentence.
pub type Finish = fn(Vec<Part>) -> Vec<(usize, Found)>;

/// The expressions of a range of sentences, and what the passes over the whole text need to
/// know of it.
#[derive(Debug, Default)]
pub struct Part {
    /// The expressions found, in text order, each with the index of its sentence.
    pub found: Vec<(usize, Found)>,
    /// How often each country is named, in order of first mention (a national day written
    /// without one is the article's country's).
    pub countries: Vec<(Country, usize)>,
}

/// Appends `later` to `out`, giving `later`'s memory back as its items move rather than after
/// they all have: joining the halves of a long document's scan never holds the second half
/// twice (a step at a time, the moved items' room is released).
pub fn append_giving_back<T>(out: &mut Vec<T>, mut later: Vec<T>) {
    const STEP: usize = 1 << 12;
    out.reserve_exact(later.len());
    later.reverse();
    while !later.is_empty() {
        let keep = later.len().saturating_sub(STEP);
        out.extend(later.drain(keep..).rev());
        later.shrink_to_fit();
    }
}

/// Everything the pipeline needs to know about one language, as data and plain functions.
pub struct Language {
    /// The BCP 47 code written into each document's `language` field.
    pub code: &'static str,
    /// Finds the temporal expressions of a range of sentences.
    pub scan_part: ScanPart,
    /// Joins the parts and settles what needs the whole text.
    pub finish: Finish,
    /// Where a sentence ends: the marks that end one, and the words whose full stop does not.
    pub sentence_ends: SentenceEnds,
    /// The marks, besides ASCII punctuation, that part the clauses of a sentence: a weekday
    /// and the date after it name one day only when none stands between them.
    pub pauses: &'static [char],
    /// How the language's readers reckon the calendar (weekend, week, numeric dates).
    pub conventions: Conventions,
    /// The words anchor inference reads around dates (datelines, "yesterday Tuesday").
    pub clues: Clues,
    /// Cuts `text[start..end]` into `out` (cleared first), words carrying their folded form:
    /// the first step of the language's scanner, which anchor inference takes again on its own
    /// lines. Called once per sentence, so the per-character loop stays inside the language.
    pub tokenize: fn(&str, usize, usize, &mut Tokens),
    /// The folded form of a string, as tokens carry it: what search, review keys and the
    /// merging of near-identical sentences compare, so they match what the scanner matches.
    pub normalize: fn(&str) -> String,
    /// Appends the folded form of one character: for callers that map folded text back to the
    /// original (search highlighting), which [`Language::normalize`] cannot.
    pub push_folded: fn(char, &mut String),
    /// Whether the folded letters of a word before a search match are nothing but clitics
    /// (prefixed conjunctions, prepositions, the article), so the match still starts a word.
    pub only_clitics: fn(&str) -> bool,
}

/// Calendar habits that differ between the places a language is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conventions {
    /// The first day of the weekend; the weekend runs [`Conventions::weekend_days`] days.
    pub weekend_start: Weekday,
    /// How many days the weekend lasts.
    pub weekend_days: u32,
    /// Where that weekend is kept, for the reason ("as in much of the Arab world").
    pub weekend_where: &'static str,
    /// The first of the days "midweek" means, and how many ("منتصف الأسبوع").
    pub midweek: (Weekday, u32),
    /// The day "this week" and "next week" start on: Monday gives ISO weeks (valued
    /// `2022-W01`), another day weeks valued by their span of days.
    pub week_start: Weekday,
    /// Whether `6/1/2022` is the 6th of January (day first) rather than June the 1st.
    pub day_first: bool,
}

/// One piece of a loosely written date (a dateline's cluster of numbers, names and marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// A number, with how many digits it has.
    Num(u32, u8),
    /// A Gregorian month by its number.
    Month(u32),
    /// A weekday name.
    Weekday(Weekday),
    /// A separator mark between the parts.
    Sep(char),
    /// A word a dateline may carry that says nothing of the day (an era, "pm").
    Filler,
}

/// What the word right before or after a date in a top line says about that date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beside {
    /// "in": an event's date, unless a publication label precedes it.
    In,
    /// Another preposition of events ("since", "until", "after"): an event's date.
    Preposition,
    /// A relative modifier after the date ("next"): an event's date.
    Rel,
    /// A relative day before the date ("tomorrow"): read as a relative day's date instead.
    RelDay,
}

/// The readings of words that anchor inference needs, each a function over tokens.
pub struct Clues {
    /// The relative day written just before the date spanning `start..end` of the tokens
    /// ("tomorrow Thursday 1 February"): its offset in days and the byte where it starts.
    pub offset_before_date: fn(&Tokens, usize, usize) -> Option<(i32, usize)>,
    /// The count of an anniversary named at token `i` ("the sixth anniversary"), if any.
    pub anniversary: fn(&Tokens, usize) -> Option<u32>,
    /// Token `i` as a piece of a loosely written date, and how many tokens it takes.
    pub piece: fn(&Tokens, usize) -> Option<(Piece, usize)>,
    /// What a normalised word beside a date says about it.
    pub beside: fn(&str) -> Option<Beside>,
    /// Whether a normalised word labels a publication line ("published on", "issue").
    pub label: fn(&str) -> bool,
    /// Whether text starting here opens a new item rather than apposition (a conjunction).
    pub new_item: fn(&str) -> bool,
    /// The marks that may stand between a relative day and its weekday in apposition.
    pub apposition: &'static str,
}

/// The language a text is read in. Arabic is the only language tarikh reads, so every text is
/// read as Arabic; a second language is chosen here (by the text's script, or an option).
pub fn of(_text: &str) -> &'static Language {
    &ar::ARABIC
}

/// The folded form of `text` in the folding of its language ([`Language::normalize`]), for
/// callers that compare texts without a language at hand (search, review keys, merging).
pub fn normalize(text: &str) -> String {
    (of(text).normalize)(text)
}

#[cfg(test)]
mod tests {
    use super::append_giving_back;

    /// Every item of the later part arrives once, in its order, after the earlier ones, for
    /// parts shorter than one step, of exactly one, and of several with a remainder.
    #[test]
    fn the_later_part_is_appended_whole_and_in_order() {
        for n in [0, 1, 4095, 4096, 4097, 10_000] {
            let mut out: Vec<String> = (0..3).map(|k| format!("a{k}")).collect();
            let later: Vec<String> = (0..n).map(|k| format!("b{k}")).collect();
            append_giving_back(&mut out, later.clone());
            assert_eq!(out.len(), 3 + n);
            assert_eq!(&out[3..], &later[..]);
            assert_eq!(out[..3], ["a0", "a1", "a2"]);
        }
    }
}
