//! The Arabic temporal lexicon: every word the grammar reacts to, as data.
//!
//! Words are written here as news prints them; keys are built by normalising them and adding
//! every clitic chain they can carry (و ف ب ك ل and ال combinations), so the grammar looks each
//! token up once. A word that is not here is invisible to the grammar.

use std::sync::LazyLock;

use chrono::Weekday;
use rustc_hash::FxHashMap as HashMap;

use crate::lang::expr::Rel as R;
use crate::text::normalize::normalize;

/// The role a word plays in the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// A day of the week.
    Weekday(Weekday),
    /// A Gregorian month (1–12); `ambiguous` words (آب, مارس, ماي, جوان) need a day, year or شهر.
    Month {
        /// 1–12.
        number: u8,
        /// Also an ordinary word; accept only with date context.
        ambiguous: bool,
    },
    /// The first word of a two-word Levantine month (كانون, تشرين), completed by an ordinal.
    MonthHead(MonthHead),
    /// An ordinal adjective (الأول, الثاني, …) completing a two-word month or "أمس الأول".
    Ordinal(u8),
    /// يوم: "day", before a weekday or a date.
    DayNoun,
    /// ليل / ليلة: "night of", before a weekday.
    NightOf,
    /// الليلة: "tonight", or "the night" before an adjective.
    TheNight,
    /// A relative modifier (الماضي, المقبل, الجاري, …).
    Rel(R),
    /// A day named relative to today (اليوم 0, أمس -1, غدا 1).
    RelDay(i8),
    /// غد: "tomorrow" after بعد.
    Morrow,
    /// أول: "first", in أول أمس.
    First,
    /// بعد: "after".
    After,
    /// الأسبوع: "the week".
    Week,
    /// منتصف: "middle of".
    Middle,
    /// نهاية: "end of".
    End,
    /// عطلة: "holiday", in عطلة نهاية الأسبوع.
    Break,
    /// هذا / هذه: "this".
    This,
    /// عام / سنة: "year", before a year number.
    YearNoun,
    /// شهر: "month", before a month name.
    MonthNoun,
    /// من: "from".
    From,
    /// إلى: "to".
    To,
    /// حتى: "until".
    Until,
    /// على: "onto", in ليلة الأربعاء على الخميس.
    Onto,
    /// بين: "between".
    Between,
    /// و: "and", standing alone before a number.
    And,
    /// منذ: "since".
    Since,
    /// في: "in".
    In,
    /// الآن / حاليا: "now".
    Now,
    /// م / ميلادي: the Gregorian era marker after a year.
    GregorianEra,
    /// عشر: "-teen", which turns الأحد into "the eleven".
    Teen,
}

/// The first word of a two-word month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthHead {
    /// كانون الأول (December) / كانون الثاني (January).
    Kanun,
    /// تشرين الأول (October) / تشرين الثاني (November).
    Tishrin,
}

impl MonthHead {
    /// The month named by this head and an ordinal, if they go together.
    pub fn month(self, ordinal: u8) -> Option<u8> {
        match (self, ordinal) {
            (MonthHead::Kanun, 1) => Some(12),
            (MonthHead::Kanun, 2) => Some(1),
            (MonthHead::Tishrin, 1) => Some(10),
            (MonthHead::Tishrin, 2) => Some(11),
            _ => None,
        }
    }
}

/// Which clitics a word can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clitics {
    /// Conjunctions, prepositions and the article chains.
    All,
    /// Only the conjunctions و and ف (function words).
    Conj,
    /// None (one-letter markers).
    None,
}

use Clitics::{All, Conj};
use Word as W;

/// Weekdays; both spellings of Monday.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("الأحد", Weekday::Sun),
    ("الاثنين", Weekday::Mon),
    ("الإثنين", Weekday::Mon),
    ("الثلاثاء", Weekday::Tue),
    ("الأربعاء", Weekday::Wed),
    ("الخميس", Weekday::Thu),
    ("الجمعة", Weekday::Fri),
    ("السبت", Weekday::Sat),
];

/// Gregorian month names in the Egyptian/Gulf, Levantine, Algerian/Tunisian and Moroccan
/// systems; `true` marks words that are also ordinary words.
const MONTHS: &[(&str, u8, bool)] = &[
    // Egypt, Gulf (and Morocco where shared)
    ("يناير", 1, false),
    ("فبراير", 2, false),
    ("مارس", 3, true),
    ("أبريل", 4, false),
    ("إبريل", 4, false),
    ("ابريل", 4, false),
    ("مايو", 5, false),
    ("يونيو", 6, false),
    ("يونيه", 6, false),
    ("يوليو", 7, false),
    ("يوليه", 7, false),
    ("أغسطس", 8, false),
    ("سبتمبر", 9, false),
    ("أكتوبر", 10, false),
    ("نوفمبر", 11, false),
    ("ديسمبر", 12, false),
    // Levant, Iraq (كانون and تشرين are heads, below)
    ("شباط", 2, false),
    ("آذار", 3, false),
    ("نيسان", 4, false),
    ("أيار", 5, false),
    ("حزيران", 6, false),
    ("تموز", 7, false),
    ("آب", 8, true),
    ("أيلول", 9, false),
    // Algeria, Tunisia
    ("جانفي", 1, false),
    ("فيفري", 2, false),
    ("أفريل", 4, false),
    ("ماي", 5, true),
    ("جوان", 6, true),
    ("جويلية", 7, false),
    ("أوت", 8, false),
    // Morocco
    ("يوليوز", 7, false),
    ("غشت", 8, false),
    ("شتنبر", 9, false),
    ("نونبر", 11, false),
    ("دجنبر", 12, false),
];

/// Every other word the grammar reads, with its role and clitics.
const WORDS: &[(&str, Word, Clitics)] = &[
    ("كانون", W::MonthHead(MonthHead::Kanun), All),
    ("تشرين", W::MonthHead(MonthHead::Tishrin), All),
    ("الأول", W::Ordinal(1), Conj),
    ("الأولى", W::Ordinal(1), Conj),
    ("الثاني", W::Ordinal(2), Conj),
    ("الثانية", W::Ordinal(2), Conj),
    ("يوم", W::DayNoun, All),
    ("ليل", W::NightOf, All),
    ("ليلة", W::NightOf, All),
    ("الليلة", W::TheNight, All),
    ("الماضي", W::Rel(R::Last), Conj),
    ("الماضية", W::Rel(R::Last), Conj),
    ("المنصرم", W::Rel(R::Last), Conj),
    ("المنصرمة", W::Rel(R::Last), Conj),
    ("السابق", W::Rel(R::Last), Conj),
    ("الفائت", W::Rel(R::Last), Conj),
    ("الفائتة", W::Rel(R::Last), Conj),
    ("المقبل", W::Rel(R::Next), Conj),
    ("المقبلة", W::Rel(R::Next), Conj),
    ("القادم", W::Rel(R::Next), Conj),
    ("القادمة", W::Rel(R::Next), Conj),
    ("التالي", W::Rel(R::Next), Conj),
    ("الحالي", W::Rel(R::This), Conj),
    ("الحالية", W::Rel(R::This), Conj),
    ("الجاري", W::Rel(R::This), Conj),
    ("الجارية", W::Rel(R::This), Conj),
    ("اليوم", W::RelDay(0), All),
    ("أمس", W::RelDay(-1), All),
    ("الأمس", W::RelDay(-1), All),
    ("البارحة", W::RelDay(-1), All),
    ("غدا", W::RelDay(1), All),
    ("غد", W::Morrow, All),
    ("أول", W::First, All),
    ("بعد", W::After, Conj),
    ("الأسبوع", W::Week, All),
    ("منتصف", W::Middle, All),
    ("نهاية", W::End, All),
    ("عطلة", W::Break, All),
    ("هذا", W::This, Conj),
    ("هذه", W::This, Conj),
    ("عام", W::YearNoun, All),
    ("العام", W::YearNoun, All),
    ("سنة", W::YearNoun, All),
    ("السنة", W::YearNoun, All),
    ("شهر", W::MonthNoun, All),
    ("من", W::From, Conj),
    ("إلى", W::To, Conj),
    ("حتى", W::Until, Conj),
    ("على", W::Onto, Conj),
    ("بين", W::Between, Conj),
    ("و", W::And, Clitics::None),
    ("منذ", W::Since, Conj),
    ("في", W::In, Conj),
    ("الآن", W::Now, All),
    ("حاليا", W::Now, Conj),
    ("م", W::GregorianEra, Clitics::None),
    ("ميلادي", W::GregorianEra, Clitics::None),
    ("ميلادية", W::GregorianEra, Clitics::None),
    ("للميلاد", W::GregorianEra, Clitics::None),
    ("عشر", W::Teen, Clitics::None),
    ("عشرة", W::Teen, Clitics::None),
];

/// Prefixes a word without the article can carry.
const PLAIN_PREFIXES: &[&str] = &["و", "ف", "ب", "ك", "ل", "وب", "فب", "ول", "فل", "وك", "فك"];
/// Prefixes a word with the article can carry (ل+ال is written لل, handled apart).
const ARTICLE_PREFIXES: &[&str] = &["و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"];
/// Prefixes that, with a following ل, absorb the article's alef (لل, ولل, فلل).
const LAM_PREFIXES: &[&str] = &["ل", "ول", "فل"];
/// Conjunctions only.
const CONJ_PREFIXES: &[&str] = &["و", "ف"];

/// The lexicon: normalised word (with any clitic chain) → its role.
pub static LEXICON: LazyLock<HashMap<String, Word>> = LazyLock::new(build);

fn entries() -> Vec<(&'static str, Word, Clitics)> {
    let mut all: Vec<(&str, Word, Clitics)> = Vec::new();
    for &(w, d) in WEEKDAYS {
        all.push((w, W::Weekday(d), All));
    }
    for &(w, number, ambiguous) in MONTHS {
        all.push((w, W::Month { number, ambiguous }, All));
    }
    all.extend_from_slice(WORDS);
    all
}

fn build() -> HashMap<String, Word> {
    let entries = entries();
    let mut map = HashMap::default();
    // Bare words first, so a clitic variant never shadows a real word ("فبراير").
    for &(w, word, _) in &entries {
        map.entry(normalize(w)).or_insert(word);
    }
    for &(w, word, clitics) in &entries {
        let base = normalize(w);
        for variant in clitic_variants(&base, clitics) {
            map.entry(variant).or_insert(word);
        }
    }
    map
}

fn clitic_variants(base: &str, clitics: Clitics) -> Vec<String> {
    match clitics {
        Clitics::None => Vec::new(),
        Clitics::Conj => CONJ_PREFIXES.iter().map(|p| format!("{p}{base}")).collect(),
        Clitics::All => match base.strip_prefix("ال") {
            Some(rest) => ARTICLE_PREFIXES
                .iter()
                .map(|p| format!("{p}{base}"))
                .chain(LAM_PREFIXES.iter().map(|p| format!("{p}ل{rest}")))
                .collect(),
            None => PLAIN_PREFIXES
                .iter()
                .map(|p| format!("{p}{base}"))
                .collect(),
        },
    }
}

/// Looks up a normalised token.
#[inline]
pub fn lookup(norm: &str) -> Option<Word> {
    LEXICON.get(norm).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_with_clitic_chains() {
        for w in [
            "الخميس",
            "والخميس",
            "بالخميس",
            "للخميس",
            "وللخميس",
            "فالخميس",
            "وبالخميس",
        ] {
            assert_eq!(lookup(&normalize(w)), Some(W::Weekday(Weekday::Thu)), "{w}");
        }
        assert_eq!(
            lookup(&normalize("والإثنين")),
            Some(W::Weekday(Weekday::Mon))
        );
    }

    #[test]
    fn traps_are_not_weekdays() {
        for w in ["أحد", "جمعة", "الخمس", "خميس", "سبت"] {
            assert!(!matches!(lookup(&normalize(w)), Some(W::Weekday(_))), "{w}");
        }
    }

    #[test]
    fn months_in_every_system_and_with_clitics() {
        for (w, n) in [
            ("يناير", 1),
            ("وفبراير", 2),
            ("بآذار", 3),
            ("لنيسان", 4),
            ("جوان", 6),
            ("وجويلية", 7),
            ("غشت", 8),
            ("شتنبر", 9),
            ("دجنبر", 12),
            ("إبريل", 4),
        ] {
            assert!(
                matches!(lookup(&normalize(w)), Some(W::Month { number, .. }) if number == n),
                "{w}"
            );
        }
        assert_eq!(
            lookup(&normalize("أب")),
            Some(W::Month {
                number: 8,
                ambiguous: true
            })
        );
    }

    #[test]
    fn bare_words_win_over_clitic_readings() {
        // "فبراير" is February, not ف + an unknown word.
        assert!(matches!(lookup("فبراير"), Some(W::Month { number: 2, .. })));
        // "بين" is "between", not ب + something.
        assert_eq!(lookup("بين"), Some(W::Between));
    }
}
