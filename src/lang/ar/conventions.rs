//! How Arabic news punctuates and reckons the calendar: the tables the language seam hands to
//! the sentence splitter and the resolver.

use chrono::Weekday;

use crate::lang::Conventions;
use crate::text::sentences::SentenceEnds;

/// The marks that end an Arabic sentence: the Latin ones, the Arabic question mark and
/// semicolon (؟ ؛), and the ellipsis. No abbreviation keeps its full stop inside a sentence:
/// Arabic news rarely abbreviates with one.
pub const SENTENCE_ENDS: SentenceEnds = SentenceEnds {
    stops: &['.', '!', '?', '\u{061F}', '\u{061B}', '\u{2026}'],
    abbreviations: &[],
};

/// The Arabic comma, semicolon and question mark (، ؛ ؟), which part clauses as their Latin
/// forms do.
pub const PAUSES: &[char] = &['\u{060C}', '\u{061B}', '\u{061F}'];

/// The weekend of much of the Arab world (Friday–Saturday); its midweek Tuesday–Wednesday;
/// weeks reckoned as ISO weeks
/// (Monday first), the way TIMEX3 writes them; numeric dates written day first (6/1/2022 is
/// 6 January).
pub const CONVENTIONS: Conventions = Conventions {
    weekend_start: Weekday::Fri,
    weekend_days: 2,
    weekend_where: "as in much of the Arab world",
    midweek: (Weekday::Tue, 2),
    week_start: Weekday::Mon,
    day_first: true,
};
