//! The Arabic temporal grammar: rules over the tokens of one sentence, reading word roles from
//! the lexicon. Each rule starts at the word that opens an expression and returns the tokens it
//! covers and what they mean; the scan takes the first rule that matches and moves past it.

use std::sync::LazyLock;

use chrono::{NaiveDate, Weekday};
use rustc_hash::FxHashMap as HashMap;

use super::lexicon::{
    self, APPOSITION_PRONOUNS, ARAFAT, CIVIL_DAYS, HIJRI_COMPLETING, LATE_NOUNS, MonthHead,
    OCCASION_EPITHETS, OCCASIONS, STATE_NOUNS, Word,
};
use super::tense::{self, Clues, Listed};
use crate::lang::expr::{
    Clock, Country, DayPart, Expr, Found, MonthRef, Occasion, Part, Rel, Unit,
};
use crate::text::{TokenKind, Tokens};

/// The lexicon roles of one sentence's tokens (and their tense roles, once the sentence has
/// a match), reused across sentences.
#[derive(Debug, Default)]
pub struct Roles {
    entries: Vec<Entry>,
    clues: Clues,
}

/// All the scan needs of a folded word, from one lookup: its lexicon role, its tense role,
/// and whether a named Hijri day or an idiom may start with it.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    word: Option<Word>,
    listed: Listed,
    opens_phrase: bool,
}

/// The entry of every folded word that has one, built from the lexicon and the tense tables.
static ENTRIES: LazyLock<HashMap<String, Entry>> = LazyLock::new(|| {
    let mut map: HashMap<String, Entry> = HashMap::default();
    for (w, word) in lexicon::LEXICON.iter() {
        map.entry(w.clone()).or_default().word = Some(*word);
    }
    for (w, listed) in tense::listed() {
        map.entry(w).or_default().listed = listed;
    }
    for w in lexicon::phrase_openers() {
        map.entry(w).or_default().opens_phrase = true;
    }
    map
});

impl Roles {
    /// The countries the sentence names, one per mention.
    pub fn countries(&self) -> impl Iterator<Item = Country> + '_ {
        self.entries.iter().filter_map(|e| match e.word {
            Some(Word::Country(c)) => Some(c),
            _ => None,
        })
    }

    /// Looks every word of `tokens` up; returns whether anything temporal may be there.
    pub fn classify(&mut self, tokens: &Tokens) -> bool {
        self.entries.clear();
        let entries = &*ENTRIES;
        let mut any = false;
        for (i, t) in tokens.list.iter().enumerate() {
            let entry = match t.kind {
                TokenKind::Word => entries.get(tokens.norm(i)).copied().unwrap_or_default(),
                TokenKind::Number { .. } => {
                    any = true;
                    Entry::default()
                }
                TokenKind::Punct(_) => Entry::default(),
            };
            any |= entry.word.is_some();
            self.entries.push(entry);
        }
        any
    }
}

/// A match: first and last token (inclusive) and the meaning.
type Match = (usize, usize, Expr);

/// Finds every temporal expression in one classified sentence.
pub fn find(tokens: &Tokens, roles: &mut Roles, out: &mut Vec<Found>) {
    let Roles { entries, clues } = roles;
    let g = Grammar {
        t: tokens,
        e: entries,
    };
    // The tense clues are read only once something is found in the sentence.
    let mut sentence_tense = None;
    let mut i = 0;
    while i < tokens.len() {
        // Every rule opens at a number, a word the lexicon knows or the first word of a named
        // Hijri day (or of an idiom, which stops the rules), so other tokens cost nothing.
        if entries[i].word.is_none() && !entries[i].opens_phrase && g.number(i).is_none() {
            i += 1;
            continue;
        }
        match g.at(i) {
            Some((first, last, expr)) => {
                let sentence_tense = *sentence_tense.get_or_insert_with(|| {
                    clues.read(tokens, entries.iter().map(|e| e.listed));
                    tense::sentence(tokens, clues)
                });
                out.push(Found {
                    start: tokens.list[first].start,
                    end: tokens.list[last].end,
                    tense: tense::clause(tokens, clues, first, last),
                    sentence_tense,
                    expr,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

struct Grammar<'a> {
    t: &'a Tokens,
    e: &'a [Entry],
}

impl Grammar<'_> {
    // ---- token access ----------------------------------------------------------------------
    // Helpers for the rules below; their examples are in the rules' corpus files.

    fn word(&self, i: usize) -> Option<Word> {
        self.e.get(i).and_then(|e| e.word)
    }

    fn is(&self, i: usize, w: Word) -> bool {
        self.word(i) == Some(w)
    }

    fn number(&self, i: usize) -> Option<(u32, u8)> {
        match self.t.list.get(i)?.kind {
            TokenKind::Number { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.t.list.get(i)?.kind {
            TokenKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// A token glued to the previous one (no white space), as in "6/1/2022".
    fn glued(&self, i: usize) -> bool {
        self.t.list.get(i).is_some_and(|t| !t.space_before)
    }

    /// True when the word at `i` carries the article (possibly after any clitic chain): the
    /// lexicon's clitic tables decide, so every chain it knows is read the same way.
    fn has_article(&self, i: usize) -> bool {
        self.is_word(i) && lexicon::has_article(self.t.norm(i))
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.t.list.get(i), Some(t) if t.kind == TokenKind::Word)
    }

    /// True when a phrase the lexicon lists as not temporal ("صباح الخير") starts at `i`.
    fn idiom(&self, i: usize) -> bool {
        let mut words: [&str; 3] = [""; 3];
        for (k, w) in words.iter_mut().enumerate() {
            if self.is_word(i + k) {
                *w = self.t.norm(i + k);
            }
        }
        lexicon::not_temporal(&words).is_some()
    }

    /// "يوم عرفة", "وقفة عرفات", "عاشوراء", "ليلة القدر" [+ a year]: a Hijri day known by name.
    fn named_hijri_day(&self, i: usize) -> Option<Match> {
        if !self.is_word(i) {
            return None;
        }
        let mut words: [&str; 4] = [""; 4];
        for (k, w) in words.iter_mut().enumerate() {
            if self.is_word(i + k) {
                *w = self.t.norm(i + k);
            }
        }
        let (n, day, month) = lexicon::hijri_day(&words)?;
        let (year, last, _) = self.optional_year(i + n - 1);
        let e = Expr::Hijri {
            day: Some(day),
            month,
            year,
            rel: None,
        };
        Some((i, last, e))
    }

    /// "في المساء", "عند الظهر", "في الصباح الباكر": after في / عند, a part of the day with the
    /// article and no day of its own is a time on the sentence's day.
    fn day_part_alone_after(&self, i: usize) -> Option<Match> {
        let p = self.day_part(i + 1)?;
        (self.has_article(i + 1) && self.day_at(i + 2).is_none()).then_some((
            i + 1,
            i + 1,
            Expr::DayPartAlone(p),
        ))
    }

    /// A relative modifier at `k`: one word (المقبل, الجاي) or the dialect pair "اللي فات" /
    /// "اللي جاي": (modifier, last).
    fn rel_at(&self, k: usize) -> Option<(Rel, usize)> {
        match self.word(k)? {
            Word::Rel(r) => Some((r, k)),
            Word::Which => match self.word(k + 1)? {
                Word::WhichRel(r) => Some((r, k + 1)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Past a hedge before a count ("أكثر من", "نحو", "حوالي"): where the count starts.
    fn about(&self, k: usize) -> usize {
        match (self.word(k), self.word(k + 1)) {
            (Some(Word::About), Some(Word::From)) => k + 2,
            (Some(Word::About), _) => k + 1,
            _ => k,
        }
    }

    /// "بعد المقبل" / "بعد القادم" after `last`: the one after next; returns its last token.
    fn after_next(&self, last: usize) -> Option<usize> {
        (self.is(last + 1, Word::After) && self.rel(last + 2) == Some(Rel::Next))
            .then_some(last + 2)
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        match self.word(i)? {
            Word::Weekday(d) => Some(d),
            _ => None,
        }
    }

    fn rel(&self, i: usize) -> Option<Rel> {
        match self.word(i)? {
            Word::Rel(r) => Some(r),
            _ => None,
        }
    }

    fn day_part(&self, i: usize) -> Option<DayPart> {
        match self.word(i)? {
            Word::DayPart(p) | Word::DayPartAdverb(p) => Some(p),
            _ => None,
        }
    }

    fn optional_rel(&self, last: usize) -> (Option<Rel>, usize) {
        match self.rel_at(last + 1) {
            Some((r, l)) => (Some(r), l),
            None => (None, last),
        }
    }

    // ---- numbers and years -----------------------------------------------------------------
    // Examples and traps: src/lang/ar/corpus/numbers.tsv (run by tests/corpus.rs).

    /// A four-digit number that can be a year.
    fn year(&self, i: usize) -> Option<i32> {
        match self.number(i)? {
            (v @ 1000..=2200, 4) => Some(v as i32),
            _ => None,
        }
    }

    /// A year, optionally after عام/سنة, with an optional era marker: (year, last, hijri).
    fn year_phrase(&self, i: usize) -> Option<(i32, usize, bool)> {
        let (y, j) = if self.is(i, Word::YearNoun) {
            (self.year(i + 1)?, i + 1)
        } else {
            (self.year(i)?, i)
        };
        Some(self.era_after(y, j))
    }

    /// Moves past an era marker (م, هـ) after a year: (year, last, hijri).
    fn era_after(&self, y: i32, j: usize) -> (i32, usize, bool) {
        match self.word(j + 1) {
            Some(Word::GregorianEra) => (y, j + 1, false),
            Some(Word::HijriEra) => (y, j + 1, true),
            _ => (y, j, false),
        }
    }

    /// A spelled ten joined by "and" after a unit digit: "و العشرين" or "والعشرين": (tens, last).
    fn and_tens(&self, i: usize) -> Option<(u32, usize)> {
        if self.is(i, Word::And)
            && let Some(Word::Tens(t)) = self.word(i + 1)
        {
            return Some((t as u32, i + 1));
        }
        match self.word(i)? {
            Word::Tens(t) if self.t.norm(i).starts_with('و') => Some((t as u32, i)),
            _ => None,
        }
    }

    /// "عشر" or "عشرة" completing a teen ("الحادي عشر", "الثانية عشرة").
    fn teen(&self, i: usize) -> bool {
        matches!(self.word(i), Some(Word::Teen | Word::Cardinal(10)))
    }

    fn day_number(&self, i: usize) -> Option<u32> {
        match self.number(i)? {
            (v @ 1..=31, 1..=2) => Some(v),
            _ => None,
        }
    }

    /// A spelled ordinal day of the month ("السادس", "الحادي والعشرين", "الثاني عشر"):
    /// (day, last).
    fn ordinal_day(&self, i: usize) -> Option<(u32, usize)> {
        match self.word(i)? {
            Word::Ordinal(o) => {
                let o = o as u32;
                if self.teen(i + 1) {
                    return Some((10 + o, i + 1));
                }
                if let Some((t, last)) = self.and_tens(i + 1) {
                    return Some((t + o, last));
                }
                Some((o, i))
            }
            Word::Tens(t @ (20 | 30)) if self.has_article(i) => Some((t as u32, i)),
            _ => None,
        }
    }

    /// A count of units: "3 أيام", "ثلاثة أيام", "خمسة وعشرين عاما", "يومين", "أسبوع":
    /// (count, unit, last).
    fn quantity(&self, i: usize) -> Option<(i32, Unit, usize)> {
        if let Some((v, _)) = self.number(i) {
            let (unit, _) = self.unit(i + 1)?;
            return (v <= 10_000).then_some((v as i32, unit, i + 1));
        }
        match self.word(i)? {
            Word::Dual(u) => Some((2, u, i)),
            Word::Cardinal(c) => {
                let (n, j) = match self.and_tens(i + 1) {
                    Some((t, last)) => (c as i32 + t as i32, last),
                    None => (c as i32, i),
                };
                let (unit, _) = self.unit(j + 1)?;
                Some((n, unit, j + 1))
            }
            Word::Teen => {
                let (unit, _) = self.unit(i + 1)?;
                Some((10, unit, i + 1))
            }
            Word::Tens(t) if !self.has_article(i) => {
                let (unit, _) = self.unit(i + 1)?;
                Some((t as i32, unit, i + 1))
            }
            // "منذ يوم الأحد", "قبل يوم 5 مايو": يوم names the day that follows, not a count.
            Word::DayNoun
                if self.weekday(i + 1).is_some()
                    || self.date(i + 1).is_some()
                    || matches!(self.word(i + 1), Some(Word::RelDay(_) | Word::Morrow)) =>
            {
                None
            }
            _ => {
                let (unit, singular) = self.unit(i)?;
                // "يوم واحد": the unit with an explicit "one".
                let last = if self.is(i + 1, Word::Cardinal(1)) {
                    i + 1
                } else {
                    i
                };
                singular.then_some((1, unit, last))
            }
        }
    }

    /// A unit noun and whether it is singular without the article (so it counts one).
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        let bare = !self.has_article(i);
        match self.word(i)? {
            Word::DayNoun => Some((Unit::Day, bare)),
            Word::MonthNoun => Some((Unit::Month, bare)),
            Word::YearNoun => Some((Unit::Year, bare && self.year(i + 1).is_none())),
            Word::Unit(u) => Some((u, bare)),
            Word::Plural(u) => Some((u, false)),
            _ => None,
        }
    }

    // ---- months ----------------------------------------------------------------------------
    // Examples and traps: src/lang/ar/corpus/months.tsv (run by tests/corpus.rs).

    /// A month name in either calendar, one or two words, with an optional paired Gregorian
    /// name ("كانون الثاني/يناير", "حزيران (يونيو)"): (month, ambiguous, last).
    fn month(&self, i: usize) -> Option<(MonthRef, bool, usize)> {
        let (m, ambiguous, last) = self.month_name(i)?;
        let same = |j: usize| self.month_name(j).filter(|&(n, ..)| n == m);
        let paired = match self.punct(last + 1) {
            Some('/') => same(last + 2).map(|(.., j)| j),
            Some('(') => same(last + 2)
                .filter(|&(.., j)| self.punct(j + 1) == Some(')'))
                .map(|(.., j)| j + 1),
            // "10 حزيران يونيو": a Gregorian pair in two naming systems, without a mark.
            None if matches!(m, MonthRef::Gregorian(_)) => same(last + 1)
                .filter(|&(_, amb, j)| !amb && self.t.norm(j) != self.t.norm(last))
                .map(|(.., j)| j),
            _ => None,
        };
        match paired {
            Some(j) => Some((m, false, j)),
            None => Some((m, ambiguous, last)),
        }
    }

    fn month_name(&self, i: usize) -> Option<(MonthRef, bool, usize)> {
        match self.word(i)? {
            Word::Month { number, ambiguous } => {
                Some((MonthRef::Gregorian(number as u32), ambiguous, i))
            }
            Word::HijriMonth { number, ambiguous } => {
                Some((MonthRef::Hijri(number as u32), ambiguous, i))
            }
            Word::MonthHead(MonthHead::Dhu) => match self.word(i + 1)? {
                Word::HijriTail(m) => Some((MonthRef::Hijri(m as u32), false, i + 1)),
                _ => None,
            },
            Word::MonthHead(head) => match self.word(i + 1)? {
                Word::Ordinal(o) => head.month(o).map(|m| (m, false, i + 1)),
                _ => None,
            },
            _ => None,
        }
    }

    // ---- the dispatcher --------------------------------------------------------------------
    // Examples and traps: src/lang/ar/corpus/dispatch.tsv (run by tests/corpus.rs).

    /// The rule that opens at token `i`, if any.
    fn at(&self, i: usize) -> Option<Match> {
        if self.number(i).is_some() {
            let linked = |k: usize| self.linked(k) || self.is(k, Word::And);
            return self
                .time(i, i)
                .or_else(|| self.dateline(i))
                .or_else(|| self.day_range(i, i, linked))
                .or_else(|| self.date(i))
                .or_else(|| self.year_alone(i))
                .or_else(|| self.duration(i, i));
        }
        if self.e[i].opens_phrase {
            if self.idiom(i) {
                return None;
            }
            if let Some(m) = self.named_hijri_day(i) {
                return Some(m);
            }
        }
        match self.word(i)? {
            Word::DayNoun => self
                .weekday_rule(i, i + 1)
                .or_else(|| self.date(i + 1).map(|(_, last, e)| (i, last, e)))
                .or_else(|| self.named_day_after_noun(i))
                .or_else(|| self.civil_day(i))
                .or_else(|| self.arafat(i)),
            Word::Weekday(_) => self.weekday_rule(i, i),
            Word::NightOf => self.night(i),
            Word::Late => self.late_night(i),
            Word::TheNight => self.the_night(i),
            Word::RelDay(0) if self.has_article(i) => self
                .nth_day_of(i)
                .or_else(|| self.rel_day(i, 0))
                .or_else(|| self.civil_day(i)),
            Word::RelDay(n) => self.rel_day(i, n).or_else(|| self.civil_day(i)),
            Word::CivilHead => self.civil_day(i),
            Word::First => self.first(i).or_else(|| self.that_is_the_day(i)),
            Word::BareOrdinal(_) | Word::LastOf => self
                .nth_weekday(i)
                .or_else(|| self.nth_day(i))
                .or_else(|| self.that_is_the_day(i)),
            Word::Ordinal(_) | Word::Tens(_) => self
                .date(i)
                .or_else(|| self.time(i, i))
                .or_else(|| self.duration(i, i))
                .or_else(|| self.nth_weekday(i)),
            Word::Dual(_) | Word::Plural(_) if self.has_article(i) => {
                self.last_n(i).or_else(|| self.duration(i, i))
            }
            Word::Cardinal(_) | Word::Dual(_) => self.duration(i, i),
            Word::Teen => self.ten_days(i),
            // "أسبوعا بعد أسبوع", "يوما بعد يوم": little by little, not a date.
            Word::After
                if i > 0
                    && self.unit(i - 1).is_some()
                    && self.unit(i - 1).map(|u| u.0) == self.unit(i + 1).map(|u| u.0) =>
            {
                None
            }
            Word::After => self.after(i),
            Word::Before => self.before(i),
            Word::Since => self.since(i),
            Word::Then => Some((i, i, Expr::Then { since: false })),
            Word::That | Word::SameBefore => self.that_day(i),
            Word::During => self.duration(i, i + 1),
            Word::In if self.is(i + 1, Word::During) => self.duration(i, i + 2),
            Word::Onto if self.is(i + 1, Word::During) => self.duration(i, i + 2),
            Word::Week => self.week(i),
            Word::TwoDays => self
                .day_range(i, i + 1, |k| self.is(k, Word::And))
                .or_else(|| self.two_weekdays(i)),
            Word::FirstDayOf { strict } => self.first_day(i, strict),
            Word::This => self.this(i),
            Word::PeriodPart(p) => self.part(i, p),
            Word::Break
                if self.is(i + 1, Word::PeriodPart(Part::Late)) && self.is(i + 2, Word::Week) =>
            {
                let (rel, last) = self.optional_rel(i + 2);
                Some((i, last, Expr::Weekend(rel)))
            }
            Word::Until if self.is(i + 1, Word::Now) => Some((i, i + 1, Expr::Present)),
            Word::Now => Some((i, i, Expr::Present)),
            Word::From => self.range_from(i),
            Word::Between => self.range_between(i),
            Word::In => {
                if let Some(m) = self.date(i + 1) {
                    return Some(m);
                }
                // After في a month name is a month even when it is also a word ("في مارس").
                if let Some((_, last, e)) = self.month_alone(i + 1, true) {
                    return Some((i + 1, last, e));
                }
                if let Some(m) = self.day_part_alone_after(i) {
                    return Some(m);
                }
                let (y, last, hijri) = self.year_phrase(i + 1)?;
                Some((i + 1, last, year_expr(y, hijri)))
            }
            Word::TimeNoun if self.is(i + 1, Word::Same) => {
                Some((i, i + 1, Expr::Then { since: false }))
            }
            Word::At => self.day_part_alone_after(i),
            Word::YearNoun => self.year_noun(i),
            Word::MonthNoun => self.month_noun(i),
            // "عطلة أول نوفمبر": after أول without a year the month is a day's name, not a month.
            Word::Month { .. } | Word::HijriMonth { .. }
                if i > 0 && self.is(i - 1, Word::First) =>
            {
                None
            }
            Word::Month { .. } | Word::HijriMonth { .. } | Word::MonthHead(_) => self
                .month_day_range(i)
                .or_else(|| self.month_alone(i, false))
                .or_else(|| self.season(i)),
            Word::Decade(t) => self.decade(i, t),
            Word::Fraction(parts) => self.fraction(i, parts),
            Word::Century => self.century(i).map(|(last, e)| (i, last, e)),
            Word::Season(_) => self.season(i),
            Word::OccasionHead(_) => self.civil_day(i).or_else(|| self.occasion(i)),
            Word::Clock => self.time(i, i + 1),
            Word::DayPart(p) => self.day_part_of(i, i + 1, p),
            // "ظهراً", "ليلا": the accusative is an adverb of time by itself.
            Word::DayPartAdverb(p) => {
                self.day_part_of(i, i + 1, p)
                    .or(Some((i, i, Expr::DayPartAlone(p))))
            }
            Word::Every => self.every(i),
            Word::Periodic(unit) => Some((
                i,
                i,
                Expr::Set {
                    unit,
                    weekday: None,
                },
            )),
            _ => None,
        }
    }

    // ---- days and weekdays -----------------------------------------------------------------
    // Examples and traps: src/lang/ar/corpus/days.tsv (run by tests/corpus.rs).

    /// `[يوم] weekday [modifier | date | part of day | clock time]`; `start` is where the
    /// expression began.
    fn weekday_rule(&self, start: usize, k: usize) -> Option<Match> {
        let weekday = self.weekday(k)?;
        // "الأحد عشر" is "the eleven", not Sunday.
        if weekday == Weekday::Sun && self.is(k + 1, Word::Teen) {
            return None;
        }
        let (rel, j) = self.optional_rel(k);
        let day = Expr::Weekday { weekday, rel };
        if rel.is_none() {
            // "الجمعة الأخيرة من شهر آذار", "الثلاثاء الثالث من أيلول 2014".
            if let Some(m) = self.weekday_of_month(start, k, weekday) {
                return Some(m);
            }
            // "يوم الخميس من الأسبوع المقبل": that weekday of a given week.
            if self.is(k + 1, Word::From)
                && self.is(k + 2, Word::Week)
                && let Some((r, l)) = self.rel_at(k + 3)
            {
                let week = Box::new(Expr::RelUnit(Unit::Week, r));
                return Some(self.then_time_of_day(start, l, Expr::WeekdayIn { weekday, week }));
            }
            // "الثلاثاء بعد المقبل": the one after next.
            if let Some(l) = self.after_next(k) {
                let next = Expr::Weekday {
                    weekday,
                    rel: Some(Rel::Next),
                };
                let e = Expr::Shifted {
                    n: 1,
                    unit: Unit::Week,
                    of: Box::new(next),
                };
                return Some(self.then_time_of_day(start, l, e));
            }
            let dated = match self.punct(k + 1) {
                // "يوم الأحد الموافق 14/ 1/ 2018": the weekday joined to its date.
                _ if self.is(k + 1, Word::Corresponding) => {
                    self.date(k + 2).map(|(_, last, e)| (last, e))
                }
                Some('(') => self
                    .date(k + 2)
                    .filter(|&(_, last, _)| self.punct(last + 1) == Some(')'))
                    .map(|(_, last, e)| (last + 1, e)),
                Some(',') => self.date(k + 2).map(|(_, last, e)| (last, e)),
                _ => self.date(k + 1).map(|(_, last, e)| (last, e)),
            };
            if let Some((last, e)) = dated {
                return Some((start, last, with_weekday(e, weekday)));
            }
        }
        Some(self.then_time_of_day(start, j, day))
    }

    /// "الجمعة الأخيرة من شهر آذار", "الثلاثاء الثالث من أيلول 2014": the weekday at `k`
    /// followed by an ordinal (or الأخيرة) of a month.
    fn weekday_of_month(&self, start: usize, k: usize, weekday: Weekday) -> Option<Match> {
        let n = match self.word(k + 1)? {
            Word::Ordinal(o @ 1..=5) => o as i32,
            Word::Final => -1,
            _ => return None,
        };
        if !(self.is(k + 2, Word::From) || self.is(k + 2, Word::In)) {
            return None;
        }
        let mut j = k + 3;
        if self.is(j, Word::MonthNoun) && !self.has_article(j) {
            j += 1;
        }
        let (month, _, last) = self.month(j)?;
        let (year, last, _) = self.optional_year(last);
        Some((
            start,
            last,
            Expr::NthWeekday {
                n,
                weekday,
                month,
                year,
            },
        ))
    }

    /// After a day: an adverb part of the day ("الأحد مساء") or a clock time.
    fn then_time_of_day(&self, start: usize, last: usize, day: Expr) -> Match {
        if self.is(last + 1, Word::Clock)
            && let Some((_, end, Expr::Time(mut clock))) = self.time(last + 1, last + 2)
        {
            clock.day = Some(day);
            return (start, end, Expr::Time(clock));
        }
        match self.day_part(last + 1) {
            Some(p)
                if !matches!(
                    self.word(last + 2),
                    Some(Word::Weekday(_) | Word::RelDay(_))
                ) =>
            {
                (start, last + 1, Expr::DayPart(p, Box::new(day)))
            }
            _ => (start, last, day),
        }
    }

    /// A day a part of the day or a clock time can attach to: (meaning, last).
    /// "يوم أمس", "يوم غد": the noun يوم before a named day.
    fn named_day_after_noun(&self, i: usize) -> Option<Match> {
        match self.word(i + 1)? {
            Word::RelDay(n) if n != 0 => {
                let (_, last, e) = self.rel_day_plain(i + 1, n)?;
                Some(self.then_time_of_day(i, last, e))
            }
            Word::Morrow => Some(self.then_time_of_day(i, i + 1, Expr::RelDay(1))),
            _ => None,
        }
    }

    fn day_at(&self, j: usize) -> Option<(Expr, usize)> {
        match self.word(j) {
            Some(Word::DayNoun) => self.weekday_at(j + 1).or_else(|| {
                let (_, last, e) = self.named_day_after_noun(j)?;
                Some((e, last))
            }),
            Some(Word::Weekday(_)) => self.weekday_at(j),
            Some(Word::RelDay(n)) => {
                let (_, last, e) = self.rel_day_plain(j, n)?;
                Some((e, last))
            }
            // "صبيحة غد الاثنين": the weekday names the same day, and is checked.
            Some(Word::Morrow) => match self.weekday(j + 1) {
                Some(weekday) => Some((Expr::RelDayOn { n: 1, weekday }, j + 1)),
                None => Some((Expr::RelDay(1), j)),
            },
            Some(Word::That | Word::SameBefore) => {
                let (_, last, e) = self.that_day(j)?;
                Some((e, last))
            }
            _ => self.date(j).map(|(_, last, e)| (e, last)),
        }
    }

    fn weekday_at(&self, k: usize) -> Option<(Expr, usize)> {
        let weekday = self.weekday(k)?;
        let (rel, last) = self.optional_rel(k);
        Some((Expr::Weekday { weekday, rel }, last))
    }

    /// اليوم / أمس / غدا, with "أمس الأول" (the day before yesterday) and not "اليوم الأول".
    fn rel_day(&self, i: usize, n: i8) -> Option<Match> {
        let (first, last, e) = self.rel_day_plain(i, n)?;
        Some(self.then_time_of_day(first, last, e))
    }

    fn rel_day_plain(&self, i: usize, n: i8) -> Option<Match> {
        let (n, last) = if n == -1 && self.is(i + 1, Word::Ordinal(1)) {
            (-2, i + 1)
        } else {
            (n as i32, i)
        };
        // "اليوم الأحد 5 يونيو 2022": the day is written in full after its weekday.
        if let Some((_, end, e @ (Expr::Date { .. } | Expr::Paired(..)))) =
            self.weekday_rule(last + 1, last + 1)
        {
            return Some((i, end, e));
        }
        // "أمس الأربعاء", "اليوم الخميس": the weekday names the same day, and is checked.
        if let Some(weekday) = self.weekday(last + 1) {
            return Some((i, last + 1, Expr::RelDayOn { n, weekday }));
        }
        if n == 0 {
            // "اليوم التالي" / "اليوم السابق": the day after / before the date last written.
            match self.rel(i + 1) {
                Some(Rel::Next) => return Some((i, i + 1, offset(1, Unit::Day, true))),
                Some(Rel::Last) => return Some((i, i + 1, offset(-1, Unit::Day, true))),
                _ => {}
            }
            // "اليوم نفسه": that same day.
            if self.is(i + 1, Word::Same) || self.is(i + 1, Word::Said) {
                return Some((i, i + 1, offset(0, Unit::Day, true)));
            }
            if self.followed_by_adjective(i) {
                return None;
            }
        }
        Some((i, last, Expr::RelDay(n)))
    }

    /// "أول أمس", "أول من أمس", and "أول جمعة من مارس".
    fn first(&self, i: usize) -> Option<Match> {
        let j = if self.is(i + 1, Word::From) {
            i + 2
        } else {
            i + 1
        };
        if self.is(j, Word::RelDay(-1)) {
            if let Some(weekday) = self.weekday(j + 1) {
                return Some((i, j + 1, Expr::RelDayOn { n: -2, weekday }));
            }
            return Some((i, j, Expr::RelDay(-2)));
        }
        // "أول نوفمبر 1954", "أول رمضان 1443": the first day of the month. Without its year
        // it is often a holiday's name ("عطلة أول نوفمبر"), so the year is required.
        if let Some((month, _, last)) = self.month(i + 1) {
            let (year, last, _) = self.optional_year(last);
            if year.is_some() {
                let e = match month {
                    MonthRef::Gregorian(month) => Expr::Date {
                        day: Some(1),
                        month,
                        year,
                        weekday: None,
                        rel: None,
                    },
                    MonthRef::Hijri(month) => Expr::Hijri {
                        day: Some(1),
                        month,
                        year,
                        rel: None,
                    },
                };
                return Some((i, last, e));
            }
        }
        self.nth_weekday(i).or_else(|| self.nth_day(i))
    }

    /// "آخر يوم من أكتوبر 2015", "أول يوم من رمضان", "ثالث أيام عيد الأضحى",
    /// "اول ايام اجازة عيد الاضحى": the n-th (or last) day of a period or an occasion.
    fn nth_day(&self, i: usize) -> Option<Match> {
        let n = match self.word(i)? {
            Word::First => 1,
            Word::BareOrdinal(o) => o as i32,
            Word::LastOf => -1,
            _ => return None,
        };
        let mut j = i + 1;
        match self.word(j)? {
            Word::DayNoun if !self.has_article(j) => {
                if !(self.is(j + 1, Word::From) || self.is(j + 1, Word::In)) {
                    return None;
                }
                j += 2;
            }
            Word::Plural(Unit::Day) => j += 1,
            _ => return None,
        }
        // "أيام عطلة / إجازة عيد الأضحى": the holiday of the feast.
        if self.is(j, Word::Break) {
            j += 1;
        }
        self.day_n_of(i, n, j)
    }

    /// Day `n` (from the end when negative) of the occasion or named period at `j`, as an
    /// expression opening at `i`.
    fn day_n_of(&self, i: usize, n: i32, j: usize) -> Option<Match> {
        let (last, of) = match self.word(j) {
            Some(Word::OccasionHead(_)) => {
                let (_, last, e) = self.occasion(j)?;
                (last, e)
            }
            _ => self.named_period(j)?,
        };
        let of = Box::new(of);
        Some((
            i,
            last,
            Expr::Nth {
                n,
                unit: Unit::Day,
                of,
            },
        ))
    }

    /// "اليوم الثاني من عيد الأضحى 2021", "اليوم الأخير من الشهر الجاري": day n of a period.
    fn nth_day_of(&self, i: usize) -> Option<Match> {
        let (n, k) = match self.word(i + 1)? {
            Word::Ordinal(_) => {
                let (d, l) = self.ordinal_day(i + 1)?;
                (d as i32, l)
            }
            Word::Final => (-1, i + 1),
            _ => return None,
        };
        if !(self.is(k + 1, Word::From) || self.is(k + 1, Word::In)) {
            return None;
        }
        let j = k + 2;
        self.day_n_of(i, n, j)
    }

    /// "الأسبوع الماضي", "الأسبوع اللي فات", "الأسبوع بعد المقبل", "الأسبوع الأول من أكتوبر",
    /// "الأسبوع الأخير" (the seven days up to the article's date).
    fn week(&self, i: usize) -> Option<Match> {
        if let Some(l) = self.after_next(i) {
            let next = Box::new(Expr::RelUnit(Unit::Week, Rel::Next));
            return Some((
                i,
                l,
                Expr::Shifted {
                    n: 1,
                    unit: Unit::Week,
                    of: next,
                },
            ));
        }
        if let Some((r, l)) = self.rel_at(i + 1) {
            return Some((i, l, Expr::RelUnit(Unit::Week, r)));
        }
        let n = match self.word(i + 1)? {
            Word::Ordinal(o @ 1..=5) => o as i32,
            Word::Final => -1,
            _ => return None,
        };
        if self.is(i + 2, Word::From) || self.is(i + 2, Word::In) {
            let (last, of) = self.named_period(i + 3)?;
            let of = Box::new(of);
            return Some((
                i,
                last,
                Expr::Nth {
                    n,
                    unit: Unit::Week,
                    of,
                },
            ));
        }
        (n == -1).then(|| {
            let from = Box::new(offset(-6, Unit::Day, false));
            (i, i + 1, Expr::Range(from, Box::new(Expr::RelDay(0))))
        })
    }

    /// "الأيام الثلاثة الماضية", "الأسبوعين الماضيين", "الأشهر الستة المقبلة", "السنوات العشر
    /// الأخيرة": the N whole units before (or after) the anchor's.
    fn last_n(&self, i: usize) -> Option<Match> {
        let (unit, n, j) = match self.word(i)? {
            Word::Dual(u) => (u, 2, i),
            Word::Plural(u) => {
                let n = match self.word(i + 1)? {
                    Word::Cardinal(c) if self.has_article(i + 1) => c as i32,
                    Word::Teen if self.has_article(i + 1) => 10,
                    _ => return None,
                };
                (u, n, i + 1)
            }
            _ => return None,
        };
        if matches!(unit, Unit::Minute | Unit::Hour) {
            return None;
        }
        let (rel, last) = match self.word(j + 1)? {
            Word::Final => (Rel::Last, j + 1),
            _ => self.rel_at(j + 1)?,
        };
        let (a, b) = match rel {
            Rel::Last => (-n, -1),
            Rel::Next => (1, n),
            Rel::This => return None,
        };
        let from = Box::new(offset(a, unit, false));
        let to = Box::new(offset(b, unit, false));
        Some((i, last, Expr::Range(from, to)))
    }

    /// "العشر الأواخر من رمضان", "العشر الأوائل من ذي الحجة": the last or first ten days.
    fn ten_days(&self, i: usize) -> Option<Match> {
        if !self.has_article(i) {
            return None;
        }
        let Some(Word::TenDays(p)) = self.word(i + 1) else {
            return None;
        };
        let j = if self.is(i + 2, Word::From) {
            i + 3
        } else {
            i + 2
        };
        let (last, inner) = self.period(j)?;
        let (a, b) = match p {
            Part::Early => (1, 10),
            Part::Mid => (11, 20),
            Part::Late => (-10, -1),
        };
        let day = |n: i32| {
            Box::new(Expr::Nth {
                n,
                unit: Unit::Day,
                of: Box::new(inner.clone()),
            })
        };
        Some((i, last, Expr::Range(day(a), day(b))))
    }

    /// "يومي الثلاثاء والأربعاء": two weekdays as one span, the second counted from the first.
    fn two_weekdays(&self, i: usize) -> Option<Match> {
        let a = self.weekday(i + 1)?;
        let (b, last) = match self.weekday(i + 2) {
            Some(b) if self.t.norm(i + 2).starts_with('و') => (b, i + 2),
            _ if self.is(i + 2, Word::And) => (self.weekday(i + 3)?, i + 3),
            _ => return None,
        };
        let (rel, last) = self.optional_rel(last);
        let days = (b.num_days_from_monday() + 7 - a.num_days_from_monday()) % 7;
        if days == 0 {
            return None;
        }
        let first = Expr::Weekday { weekday: a, rel };
        let second = Expr::Shifted {
            n: days as i32,
            unit: Unit::Day,
            of: Box::new(first.clone()),
        };
        Some((i, last, Expr::Range(Box::new(first), Box::new(second))))
    }

    /// "غرة شهر رمضان", "غرة محرم 1445", "مستهل ذي الحجة": the first day of a month; مستهل
    /// before anything else is the early part ("مستهل العام").
    fn first_day(&self, i: usize, strict: bool) -> Option<Match> {
        let mut j = i + 1;
        if self.is(j, Word::MonthNoun) && !self.has_article(j) {
            j += 1;
        }
        if let Some((month, _, last)) = self.month(j)
            && (strict || matches!(month, MonthRef::Hijri(_)))
        {
            let (year, last, _) = self.optional_year(last);
            let (rel, last) = match year {
                None => self.optional_rel(last),
                Some(_) => (None, last),
            };
            let e = match month {
                MonthRef::Gregorian(month) => Expr::Date {
                    day: Some(1),
                    month,
                    year,
                    weekday: None,
                    rel,
                },
                MonthRef::Hijri(month) => Expr::Hijri {
                    day: Some(1),
                    month,
                    year,
                    rel,
                },
            };
            return Some((i, last, e));
        }
        // "غرة الشهر الجاري / المقبل": the first day of the anchor's month, or the next one's.
        if strict
            && self.is(j, Word::MonthNoun)
            && self.has_article(j)
            && let Some((rel, l)) = self.rel_at(j + 1)
        {
            return Some((i, l, Expr::DayOfMonth { day: 1, rel }));
        }
        self.part(i, Part::Early)
    }

    /// True when the next word carries the article, so token `i` is a noun it describes
    /// ("اليوم العالمي", "الليلة الأولى") rather than an adverb.
    fn followed_by_adjective(&self, i: usize) -> bool {
        matches!(self.t.list.get(i + 1), Some(t) if t.kind == TokenKind::Word)
            && self.t.norm(i + 1).starts_with("ال")
    }

    /// "ليل الأربعاء [حتى|إلى|على|-] الخميس", "ليلة الأربعاء [الماضي]".
    fn night(&self, i: usize) -> Option<Match> {
        // "ليلة أمس" is last night; "ليلة اليوم" tonight.
        match self.word(i + 1) {
            Some(Word::RelDay(-1)) => return Some((i, i + 1, Expr::LastNight)),
            Some(Word::RelDay(0)) => return Some((i, i + 1, Expr::Tonight)),
            _ => {}
        }
        let weekday = self.weekday(i + 1)?;
        let (rel, j) = self.optional_rel(i + 1);
        let link = self.is(j + 1, Word::Until)
            || self.is(j + 1, Word::To)
            || self.is(j + 1, Word::Onto)
            || self.punct(j + 1) == Some('-');
        let second = if link { j + 2 } else { j + 1 };
        if let Some(until) = self.weekday(second) {
            let days = match (until.num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7
            {
                0 => 7,
                d => d,
            };
            return Some((i, second, Expr::Night { weekday, rel, days }));
        }
        Some((
            i,
            j,
            Expr::Night {
                weekday,
                rel,
                days: 1,
            },
        ))
    }

    /// "الليلة الماضية" (last night), "الليلة" (tonight); not "الليلة الأولى" (the first night).
    fn the_night(&self, i: usize) -> Option<Match> {
        match self.rel(i + 1) {
            Some(Rel::Last) => Some((i, i + 1, Expr::LastNight)),
            Some(_) => Some((i, i + 1, Expr::Tonight)),
            None if self.followed_by_adjective(i) => None,
            None => Some((i, i, Expr::Tonight)),
        }
    }

    /// "ثاني أربعاء من أكتوبر", "أول جمعة من شهر مارس", "آخر جمعة من رمضان".
    fn nth_weekday(&self, i: usize) -> Option<Match> {
        let n = match self.word(i)? {
            Word::First => 1,
            Word::BareOrdinal(o) => o as i32,
            Word::LastOf => -1,
            _ => return None,
        };
        let weekday = match self.word(i + 1)? {
            Word::BareWeekday(w) | Word::Weekday(w) => w,
            _ => return None,
        };
        let mut j = i + 2;
        if self.is(j, Word::From) || self.is(j, Word::In) {
            j += 1;
        }
        if self.is(j, Word::MonthNoun) {
            j += 1;
        }
        let (month, _, last) = self.month(j)?;
        let (year, last, _) = self.optional_year(last);
        Some((
            i,
            last,
            Expr::NthWeekday {
                n,
                weekday,
                month,
                year,
            },
        ))
    }

    // ---- calendar dates --------------------------------------------------------------------
    // Examples and traps: src/lang/ar/corpus/dates.tsv (run by tests/corpus.rs).

    /// A full or partial calendar date: "6 يناير [2022]", "السادس من يناير", "6/1/2022",
    /// "3 جمادى الآخرة 1443 هـ [الموافق 6 يناير 2022]".
    fn date(&self, i: usize) -> Option<Match> {
        self.simple_date(i).map(|m| self.paired(m))
    }

    /// Joins "… الموافق …": a Hijri and a Gregorian date written as one.
    fn paired(&self, m: Match) -> Match {
        let (first, last, expr) = m;
        if !self.is(last + 1, Word::Corresponding) {
            return (first, last, expr);
        }
        let mut j = last + 2;
        if self.weekday(j).is_some() || self.is(j, Word::DayNoun) {
            j += if self.is(j, Word::DayNoun) { 2 } else { 1 };
        }
        let Some((_, end, other)) = self.simple_date(j) else {
            return (first, last, expr);
        };
        let pair = match (&expr, &other) {
            (Expr::Hijri { .. }, Expr::Date { .. }) => {
                Expr::Paired(Box::new(expr), Box::new(other))
            }
            (Expr::Date { .. }, Expr::Hijri { .. }) => {
                Expr::Paired(Box::new(other), Box::new(expr))
            }
            _ => return (first, last, expr),
        };
        (first, end, pair)
    }

    /// What may follow a month in a date: an epithet ("رمضان المبارك") and a year, bare or
    /// introduced ("عام 2014", "من العام 1951", "لعام 1436هـ", "لهذا العام 1436هـ"), with its
    /// era: (year, new last, hijri era).
    fn optional_year(&self, last: usize) -> (Option<i32>, usize, bool) {
        let last = if self.is(last + 1, Word::Epithet) {
            last + 1
        } else {
            last
        };
        let mut k = last + 1;
        if (self.is(k, Word::From) || self.is(k, Word::This)) && self.is(k + 1, Word::YearNoun) {
            k += 1;
        }
        if self.is(k, Word::YearNoun) {
            k += 1;
        }
        match self.year(k) {
            Some(y) => {
                let (y, l, h) = self.era_after(y, k);
                (Some(y), l, h)
            }
            None => (None, last, false),
        }
    }

    /// True when an ambiguous Hijri month name at `i` (شعبان, رجب, صفر, محرم are also names and
    /// words) is governed by a preposition and the sentence speaks the Hijri calendar elsewhere
    /// ("غدا المتمم لشعبان.. والخميس غرة شهر رمضان").
    fn hijri_context(&self, i: usize) -> bool {
        let governed = self.t.norm(i).starts_with(['ل', 'ب'])
            || (i > 0
                && matches!(
                    self.word(i - 1),
                    Some(
                        Word::In
                            | Word::From
                            | Word::To
                            | Word::Until
                            | Word::Since
                            | Word::After
                            | Word::Before
                            | Word::During
                    )
                ));
        // "المتمم لشعبان", "المكمل لرجب": only a Hijri month is "completed" (its 30th day).
        let completed = i > 0
            && self.t.norm(i).starts_with('ل')
            && HIJRI_COMPLETING.contains(&self.t.norm(i - 1));
        completed
            || governed
                && self.e.iter().enumerate().any(|(k, e)| {
                    k != i
                        && matches!(
                            e.word,
                            Some(
                                Word::HijriMonth {
                                    ambiguous: false,
                                    ..
                                } | Word::HijriEra
                                    | Word::HijriTail(_)
                                    | Word::MonthHead(MonthHead::Dhu | MonthHead::Jumada)
                            )
                        )
                })
    }

    /// A date without the pairing step: numeric, or a day (digits, or a spelled ordinal with
    /// من) + a month of either calendar + an optional year.
    fn simple_date(&self, i: usize) -> Option<Match> {
        if let Some(m) = self.numeric_date(i) {
            return Some(m);
        }
        // The day: "15", "الـ15" (the article glued to digits), or a spelled ordinal.
        let bare_article = |k: usize| {
            self.t
                .list
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && self.t.norm(k) == "ال"
        };
        let (day, j, spelled) = match self.day_number(i) {
            Some(d) => (d, i, false),
            None if bare_article(i) => (self.day_number(i + 1)?, i + 1, false),
            None => {
                let (d, j) = self.ordinal_day(i)?;
                (d, j, true)
            }
        };
        // "من" before the month: required after a spelled day, allowed after digits.
        let j = if self.is(j + 1, Word::From) {
            j + 1
        } else if spelled {
            return None;
        } else {
            j
        };
        // "في 15 الجاري": digits and a modifier name a day of the anchor's month (or the next
        // or last one), as Gulf and Levant papers write it.
        if !spelled
            && j == i
            && let Some((rel, l)) = self.rel_at(j + 1)
        {
            return Some((i, l, Expr::DayOfMonth { day, rel }));
        }
        // "15 من الشهر الجاري": a day of the anchor's month, or the one before or after.
        if self.is(j + 1, Word::MonthNoun)
            && self.has_article(j + 1)
            && let Some((rel, l)) = self.rel_at(j + 2)
        {
            return Some((i, l, Expr::DayOfMonth { day, rel }));
        }
        // "24 من شهر يوليو", "الرابع والعشرين من شهر ديسمبر": شهر before the month's name.
        let j = if self.is(j + 1, Word::MonthNoun)
            && !self.has_article(j + 1)
            && self.month(j + 2).is_some()
        {
            j + 1
        } else {
            j
        };
        let (month, _, last) = self.month(j + 1)?;
        let (year, last, hijri_era) = self.optional_year(last);
        // "20 أبريل الماضي", "الأول من يونيو المقبل": a modifier on a date without its year.
        let (rel, last) = match year {
            None => self.optional_rel(last),
            Some(_) => (None, last),
        };
        let expr = match month {
            MonthRef::Gregorian(m) if !hijri_era => {
                NaiveDate::from_ymd_opt(year.unwrap_or(2000), m, day)?;
                Expr::Date {
                    day: Some(day),
                    month: m,
                    year,
                    weekday: None,
                    rel,
                }
            }
            MonthRef::Gregorian(_) => return None,
            MonthRef::Hijri(_) if day > 30 => return None,
            MonthRef::Hijri(m) => Expr::Hijri {
                day: Some(day),
                month: m,
                year,
                rel,
            },
        };
        Some((i, last, expr))
    }

    /// `d/m/yyyy`, `yyyy-mm-dd`, `yyyy/mm/dd`, `d.m.yyyy` (day first, as the language's
    /// conventions say Arabic news writes them).
    fn numeric_date(&self, i: usize) -> Option<Match> {
        let (a, da) = self.number(i)?;
        let sep = self.punct(i + 1)?;
        // A slash may have spaces around it ("14/ 1/ 2018", "30 / 8 / 1436هـ"); a dash or a
        // dot only joins glued digits, so "29 - 30" stays two numbers.
        let tight = |k: usize| sep == '/' || (self.glued(k) && self.glued(k + 1));
        if !matches!(sep, '/' | '-' | '.') || !tight(i + 1) {
            return None;
        }
        let (b, db) = self.number(i + 2)?;
        if db > 2 || self.punct(i + 3) != Some(sep) || !tight(i + 3) {
            return None;
        }
        let (c, dc) = self.number(i + 4)?;
        // Written tight ("6/1/2022"), or with spaces around slashes before a four-digit year
        // ("14/ 1/ 2018", "30 / 8 / 1436هـ"); a spaced dash or dot is a range or a sentence.
        let tight = (1..=4).all(|k| self.glued(i + k));
        let spaced = sep == '/' && da <= 2 && dc == 4;
        if !(tight || spaced) {
            return None;
        }
        let (y, m, d) = match (da, dc) {
            (4, 1..=2) => (a, b, c),
            (1..=2, 4) if super::ARABIC.conventions.day_first => (c, b, a),
            (1..=2, 4) => (c, a, b),
            _ => return None,
        };
        NaiveDate::from_ymd_opt(y as i32, m, d)?;
        let (_, last, hijri) = self.era_after(y as i32, i + 4);
        let e = if hijri {
            Expr::Hijri {
                day: Some(d),
                month: m,
                year: Some(y as i32),
                rel: None,
            }
        } else {
            Expr::Date {
                day: Some(d),
                month: m,
                year: Some(y as i32),
                weekday: None,
                rel: None,
            }
        };
        Some((i, last, e))
    }

    /// A month without a day: needs a year, a modifier, شهر before it, or an unambiguous name.
    fn month_alone(&self, i: usize, after_month_noun: bool) -> Option<Match> {
        let (month, ambiguous, last) = self.month(i)?;
        if let (Some(y), last, hijri) = self.optional_year(last) {
            if hijri != matches!(month, MonthRef::Hijri(_)) && hijri {
                return None;
            }
            return Some((i, last, month_expr(month, Some(y), None)));
        }
        let last = if self.is(last + 1, Word::Epithet) {
            last + 1
        } else {
            last
        };
        if let Some((r, l)) = self.rel_at(last + 1) {
            return Some((i, l, month_expr(month, None, Some(r))));
        }
        let context = after_month_noun || !ambiguous || {
            matches!(month, MonthRef::Hijri(_)) && self.hijri_context(i)
        };
        context.then_some((i, last, month_expr(month, None, None)))
    }

    /// شهر + a month name, or الشهر + a modifier ("الشهر الماضي").
    fn month_noun(&self, i: usize) -> Option<Match> {
        if let Some((_, last, e)) = self.month_alone(i + 1, true) {
            return Some((i, last, e));
        }
        self.rel_unit_noun(i, Unit::Month)
    }

    /// A noun with the article and a modifier: "الشهر الماضي", "العام اللي فات", "الشهر بعد
    /// المقبل" (the one after next).
    fn rel_unit_noun(&self, i: usize, unit: Unit) -> Option<Match> {
        if !self.has_article(i) {
            return None;
        }
        if let Some(l) = self.after_next(i) {
            let next = Box::new(Expr::RelUnit(unit, Rel::Next));
            return Some((
                i,
                l,
                Expr::Shifted {
                    n: 1,
                    unit,
                    of: next,
                },
            ));
        }
        let (r, l) = self.rel_at(i + 1)?;
        Some((i, l, Expr::RelUnit(unit, r)))
    }

    /// عام + a year, or العام + a modifier ("العام الماضي").
    fn year_noun(&self, i: usize) -> Option<Match> {
        if let Some((y, last, hijri)) = self.year_phrase(i) {
            return Some((i, last, year_expr(y, hijri)));
        }
        // "العام الدراسي 2017 /2018م": a school year runs over two calendar years.
        if self.is(i + 1, Word::Academic) {
            if let Some((_, last, e)) = self.two_years(i + 2) {
                return Some((i, last, e));
            }
            // "السنة الدراسية الحالية", "العام الدراسي المقبل".
            if self.has_article(i)
                && let Some((r, l)) = self.rel_at(i + 2)
            {
                return Some((i, l, Expr::SchoolYear(r)));
            }
        }
        self.rel_unit_noun(i, Unit::Year)
    }

    /// "2017/2018", "2017 /2018م", "2017-2018": two consecutive years as one season.
    fn two_years(&self, i: usize) -> Option<Match> {
        let a = self.year(i)?;
        if !matches!(self.punct(i + 1), Some('/' | '-')) {
            return None;
        }
        let b = self.year(i + 2).filter(|&b| b == a + 1)?;
        let (_, last, hijri) = self.era_after(b, i + 2);
        (!hijri).then_some((i, last, Expr::YearRange(a, b)))
    }

    /// "هذا الأسبوع", "هذا العام", "هذا الشهر".
    fn this(&self, i: usize) -> Option<Match> {
        let unit = match self.word(i + 1)? {
            // "هذه الصائفة", "هذا الصيف".
            Word::Season(season) if self.has_article(i + 1) => {
                let e = Expr::Season {
                    season,
                    year: None,
                    rel: Some(Rel::This),
                };
                return Some((i, i + 1, e));
            }
            Word::Week => Unit::Week,
            // "هذا العام الدراسي": the school year containing the anchor.
            Word::YearNoun if self.has_article(i + 1) && self.is(i + 2, Word::Academic) => {
                return Some((i, i + 2, Expr::SchoolYear(Rel::This)));
            }
            Word::YearNoun if self.has_article(i + 1) => Unit::Year,
            Word::MonthNoun if self.has_article(i + 1) => Unit::Month,
            _ => return None,
        };
        Some((i, i + 1, Expr::RelUnit(unit, Rel::This)))
    }

    /// A year standing alone with its own evidence: "1989-2019", "2019 م", "1443 هـ".
    fn year_alone(&self, i: usize) -> Option<Match> {
        let a = self.year(i)?;
        if self.punct(i + 1) == Some('-')
            && let Some(b) = self.year(i + 2).filter(|&b| b > a)
        {
            return Some((i, i + 2, Expr::YearRange(a, b)));
        }
        if let Some(m) = self.two_years(i) {
            return Some(m);
        }
        let (y, last, hijri) = self.era_after(a, i);
        (last > i).then_some((i, last, year_expr(y, hijri)))
    }

    // ---- ranges ----------------------------------------------------------------------------
    // Examples and traps: src/lang/ar/corpus/ranges.tsv (run by tests/corpus.rs).

    /// "من 1989 إلى 2019", "من 13 إلى 15 تموز", "من 3 يناير حتى 5 فبراير",
    /// "من الساعة 3 إلى 4 مساء".
    fn range_from(&self, i: usize) -> Option<Match> {
        if self.is(i + 1, Word::Clock) {
            return self.time(i, i + 2);
        }
        // "من الثامنة صباحا حتى الثانية ظهرا".
        if matches!(self.word(i + 1), Some(Word::Ordinal(_)))
            && let Some((_, last, e)) = self.time(i + 1, i + 1)
            && matches!(&e, Expr::Time(c) if c.until.is_some())
        {
            return Some((i, last, e));
        }
        let linked = |k: usize| self.linked(k);
        if let Some(m) = self.day_range(i, i + 1, linked) {
            return Some(m);
        }
        let (a, j, ha) = self.year_phrase(i + 1)?;
        if !linked(j + 1) {
            return None;
        }
        let (b, last, hb) = self.year_phrase(j + 2)?;
        (b >= a && !ha && !hb).then_some((i, last, Expr::YearRange(a, b)))
    }

    /// "بين 2010 و2015", "بين عامي 2010 و 2015", "بين 10 و12 مارس 2021".
    fn range_between(&self, i: usize) -> Option<Match> {
        if self.is(i + 1, Word::Clock) {
            return self.time(i, i + 2);
        }
        let and = |k: usize| self.is(k, Word::And);
        if let Some(m) = self.day_range(i, i + 1, and) {
            return Some(m);
        }
        let (a, j, _) = self.year_phrase(i + 1)?;
        if !and(j + 1) {
            return None;
        }
        let (b, last, _) = self.year_phrase(j + 2)?;
        (b > a).then_some((i, last, Expr::YearRange(a, b)))
    }

    /// An agency dateline's day and month between dashes: "الكويت – 22 – 8 (كونا)".
    fn dateline(&self, i: usize) -> Option<Match> {
        if i == 0 || self.punct(i - 1) != Some('-') || self.punct(i + 1) != Some('-') {
            return None;
        }
        let day = self.day_number(i)?;
        let month = match self.number(i + 2)? {
            (m @ 1..=12, 1..=2) => m,
            _ => return None,
        };
        if !matches!(self.punct(i + 3), Some('(' | '-')) {
            return None;
        }
        NaiveDate::from_ymd_opt(2000, month, day)?;
        let e = Expr::Date {
            day: Some(day),
            month,
            year: None,
            weekday: None,
            rel: None,
        };
        Some((i, i + 2, e))
    }

    /// إلى / حتى / a dash between the two ends of a range.
    fn linked(&self, k: usize) -> bool {
        self.is(k, Word::To) || self.is(k, Word::Until) || self.punct(k) == Some('-')
    }

    /// Two dates, or two day numbers sharing the second's month, from token `first` (after
    /// من/بين/يومي, or at the first number: "13 الى 15 تموز", "29 - 30 / 8 / 1436هـ");
    /// `start` is where the expression began.
    fn day_range(
        &self,
        start: usize,
        first: usize,
        linked: impl Fn(usize) -> bool,
    ) -> Option<Match> {
        let i = start;
        // "من 31 أكتوبر إلى يوم 12 ذي الحجة": يوم may stand before the second end.
        let end = |k: usize| match self.word(k) {
            Some(Word::DayNoun) => self.date(k + 1),
            _ => self.date(k),
        };
        if let Some((_, j, a)) = self.date(first)
            && linked(j + 1)
            && let Some((_, last, b)) = end(j + 2)
        {
            let a = inherit_year(a, &b);
            return Some((i, last, Expr::Range(Box::new(a), Box::new(b))));
        }
        let d1 = self.day_number(first)?;
        if !linked(first + 1) {
            return None;
        }
        let (_, last, b) = self.date(first + 2)?;
        let a = match &b {
            Expr::Date {
                month, year, rel, ..
            } => {
                NaiveDate::from_ymd_opt(year.unwrap_or(2000), *month, d1)?;
                Expr::Date {
                    day: Some(d1),
                    month: *month,
                    year: *year,
                    weekday: None,
                    rel: *rel,
                }
            }
            Expr::Hijri {
                month, year, rel, ..
            } => Expr::Hijri {
                day: Some(d1),
                month: *month,
                year: *year,
                rel: *rel,
            },
            _ => return None,
        };
        let later = match (&a, &b) {
            (Expr::Date { day: Some(x), .. }, Expr::Date { day: Some(y), .. })
            | (Expr::Hijri { day: Some(x), .. }, Expr::Hijri { day: Some(y), .. }) => x < y,
            _ => false,
        };
        later.then_some((i, last, Expr::Range(Box::new(a), Box::new(b))))
    }

    /// "تموز 13-15 [2019]": a month name, then a span of its days.
    fn month_day_range(&self, i: usize) -> Option<Match> {
        let (month, _, last) = self.month(i)?;
        let d1 = self.day_number(last + 1)?;
        if !self.linked(last + 2) {
            return None;
        }
        let d2 = self.day_number(last + 3).filter(|&d| d > d1)?;
        let (year, last, _) = self.optional_year(last + 3);
        let day = |d: u32| match month {
            MonthRef::Gregorian(m) => {
                NaiveDate::from_ymd_opt(year.unwrap_or(2000), m, d)?;
                Some(Expr::Date {
                    day: Some(d),
                    month: m,
                    year,
                    weekday: None,
                    rel: None,
                })
            }
            MonthRef::Hijri(m) => (d <= 30).then_some(Expr::Hijri {
                day: Some(d),
                month: m,
                year,
                rel: None,
            }),
        };
        let (a, b) = (day(d1)?, day(d2)?);
        Some((i, last, Expr::Range(Box::new(a), Box::new(b))))
    }

    // ---- relative offsets and durations ----------------------------------------------------
    // Examples and traps: src/lang/ar/corpus/offsets.tsv (run by tests/corpus.rs).

    /// "بعد غد", "بعد يومين [من ذلك]", "بعد ذلك بيومين", "بعد الظهر".
    fn after(&self, i: usize) -> Option<Match> {
        // "بعد الغد", "بعد بكرة": the day after tomorrow.
        if self.is(i + 1, Word::RelDay(1)) {
            return Some((i, i + 1, Expr::RelDay(2)));
        }
        if self.is(i + 1, Word::Morrow) {
            if let Some(weekday) = self.weekday(i + 2) {
                return Some((i, i + 2, Expr::RelDayOn { n: 2, weekday }));
            }
            return Some((i, i + 1, Expr::RelDay(2)));
        }
        if self.is(i + 1, Word::DayPart(DayPart::Noon)) {
            return self.day_part_of(i, i + 2, DayPart::Afternoon);
        }
        if self.is(i + 1, Word::That) {
            let (n, unit, last) = self.quantity(i + 2)?;
            return Some((i, last, offset(n, unit, true)));
        }
        let (n, unit, last) = self.quantity(self.about(i + 1))?;
        if self.is(last + 1, Word::From) && self.is(last + 2, Word::That) {
            return Some((i, last + 2, offset(n, unit, true)));
        }
        Some(self.offset_or_duration(i, last, n, unit))
    }

    /// "بعد أسبوعين من انعقاد الدورة" counts from an event the text does not date: only the
    /// length is known, so it is a duration, not a date.
    fn offset_or_duration(&self, i: usize, last: usize, n: i32, unit: Unit) -> Match {
        if self.is(last + 1, Word::From) && self.number(last + 2).is_none() {
            (i, last, Expr::Duration { n: n.abs(), unit })
        } else {
            (i, last, offset(n, unit, false))
        }
    }

    /// "قبل ثلاثة أيام", "قبل ذلك بثلاثة أيام".
    fn before(&self, i: usize) -> Option<Match> {
        if self.is(i + 1, Word::That) {
            let (n, unit, last) = self.quantity(i + 2)?;
            return Some((i, last, offset(-n, unit, true)));
        }
        let (n, unit, last) = self.quantity(self.about(i + 1))?;
        if self.is(last + 1, Word::From) && self.is(last + 2, Word::That) {
            return Some((i, last + 2, offset(-n, unit, true)));
        }
        Some(self.offset_or_duration(i, last, -n, unit))
    }

    /// "منذ 2019" (up to the anchor), "منذ ثلاثة أيام" (three days ago).
    /// References back to the date the text gave last: "ذلك اليوم", "نفس اليوم", "ذلك الوقت",
    /// "نفس الوقت" (and "الوقت نفسه", "اليوم المذكور" after their noun).
    fn that_day(&self, i: usize) -> Option<Match> {
        match self.word(i + 1)? {
            Word::RelDay(0) | Word::DayNoun => Some((i, i + 1, offset(0, Unit::Day, true))),
            Word::TimeNoun => Some((i, i + 1, Expr::Then { since: false })),
            _ => None,
        }
    }

    fn since(&self, i: usize) -> Option<Match> {
        // "منذ ذلك الحين / الوقت": from the date written last up to now.
        if self.is(i + 1, Word::That) && self.is(i + 2, Word::TimeNoun) {
            return Some((i, i + 2, Expr::Then { since: true }));
        }
        if let Some((y, last, false)) = self.year_phrase(i + 1) {
            return Some((i, last, Expr::SinceYear(y)));
        }
        let (n, unit, last) = self.quantity(self.about(i + 1))?;
        Some((i, last, offset(-n, unit, false)))
    }

    /// A length of time: "لمدة ثلاثة أيام", "خلال أسبوعين", "ثلاثة أيام"; `q` is where the
    /// count starts.
    fn duration(&self, i: usize, q: usize) -> Option<Match> {
        let (n, unit, last) = self.quantity(q)?;
        // A bare singular unit ("يوم") is not a duration on its own.
        if q == i
            && n == 1
            && self.number(q).is_none()
            && !matches!(self.word(q), Some(Word::Cardinal(_)))
        {
            return None;
        }
        Some((i, last, Expr::Duration { n, unit }))
    }

    /// "كل يوم جمعة", "كل عام", "كل أسبوع".
    fn every(&self, i: usize) -> Option<Match> {
        let weekday_at = |k: usize| match self.word(k) {
            Some(Word::Weekday(w) | Word::BareWeekday(w)) => Some(w),
            _ => None,
        };
        if self.is(i + 1, Word::DayNoun)
            && let Some(w) = weekday_at(i + 2)
        {
            return Some((
                i,
                i + 2,
                Expr::Set {
                    unit: Unit::Week,
                    weekday: Some(w),
                },
            ));
        }
        if let Some(w) = weekday_at(i + 1) {
            return Some((
                i,
                i + 1,
                Expr::Set {
                    unit: Unit::Week,
                    weekday: Some(w),
                },
            ));
        }
        let (unit, singular) = self.unit(i + 1)?;
        singular.then_some((
            i,
            i + 1,
            Expr::Set {
                unit,
                weekday: None,
            },
        ))
    }

    // ---- parts of periods, decades, centuries, seasons --------------------------------------
    // Examples and traps: src/lang/ar/corpus/periods.tsv (run by tests/corpus.rs).

    /// "منتصف الأسبوع", "نهاية الأسبوع", "مطلع 2021", "أواخر الشهر الماضي", "منتصف يناير".
    fn part(&self, i: usize, p: Part) -> Option<Match> {
        let j = i + 1;
        if self.is(j, Word::Week) {
            let (rel, last) = self.optional_rel(j);
            // "حتى نهاية الأسبوع": until the coming end of the week, not the last one.
            let until = i > 0 && self.is(i - 1, Word::Until);
            let rel = rel.or(until.then_some(Rel::Next));
            return match p {
                Part::Mid => Some((i, last, Expr::MidWeek(rel))),
                Part::Late => Some((i, last, Expr::Weekend(rel))),
                // "مطلع الأسبوع المقبل": the first days of that week.
                Part::Early => {
                    let week = Expr::RelUnit(Unit::Week, rel.unwrap_or(Rel::This));
                    Some((i, last, Expr::Part(Part::Early, Box::new(week))))
                }
            };
        }
        let (last, inner) = self.period(j)?;
        Some((i, last, Expr::Part(p, Box::new(inner))))
    }

    /// A period named in full: not السنة / الشهر alone, which in "أول أيام السنة" or "الأسبوع
    /// الأول من الشهر" may be any year or month the text speaks of.
    fn named_period(&self, j: usize) -> Option<(usize, Expr)> {
        let (last, e) = self.period(j)?;
        let bare = last == j
            && self.has_article(j)
            && matches!(self.word(j), Some(Word::MonthNoun | Word::YearNoun));
        (!bare).then_some((last, e))
    }

    /// A period that parts and fractions apply to: a month, a year, the current or a relative
    /// month or year, a decade, a century, a quarter or half of a year: (last, meaning).
    fn period(&self, j: usize) -> Option<(usize, Expr)> {
        Some(match self.word(j) {
            None => {
                let (y, last, hijri) = self.year_phrase(j)?;
                (last, year_expr(y, hijri))
            }
            Some(w) => match w {
                Word::MonthNoun if self.has_article(j) => {
                    let (rel, last) = self.optional_rel(j);
                    (last, Expr::RelUnit(Unit::Month, rel.unwrap_or(Rel::This)))
                }
                Word::MonthNoun => {
                    let (_, last, e) = self.month_alone(j + 1, true)?;
                    (last, e)
                }
                Word::YearNoun => match self.year_phrase(j) {
                    Some((y, last, hijri)) => (last, year_expr(y, hijri)),
                    None if self.has_article(j) => {
                        let (rel, last) = self.optional_rel(j);
                        (last, Expr::RelUnit(Unit::Year, rel.unwrap_or(Rel::This)))
                    }
                    None => return None,
                },
                Word::Month { .. } | Word::HijriMonth { .. } | Word::MonthHead(_) => {
                    let (_, last, e) = self.month_alone(j, true)?;
                    (last, e)
                }
                Word::Decade(t) => {
                    let (_, last, e) = self.decade(j, t)?;
                    (last, e)
                }
                Word::Century => self.century(j)?,
                Word::Fraction(parts) => {
                    let (_, last, e) = self.fraction(j, parts)?;
                    (last, e)
                }
                _ => return None,
            },
        })
    }

    /// "الربع الثالث من العام الحالي", "النصف الأول من 2023": a quarter or half of a year.
    fn fraction(&self, i: usize, parts: u8) -> Option<Match> {
        // "الربع الأخير من 2021": the last one.
        let n = match self.word(i + 1) {
            Some(Word::Ordinal(n)) => n,
            Some(Word::Final) => parts,
            _ => return None,
        };
        if n == 0 || n > parts {
            return None;
        }
        let j = if self.is(i + 2, Word::From) {
            i + 3
        } else {
            i + 2
        };
        let (last, year) = self.period(j)?;
        // "الربع الأخير من العام" alone may be last year's (a past verb before a fourth quarter
        // still to come): the last one needs its year written or a modifier.
        if self.is(i + 1, Word::Final) && last == j && !matches!(year, Expr::Year(_)) {
            return None;
        }
        matches!(year, Expr::Year(_) | Expr::RelUnit(Unit::Year, _)).then_some((
            i,
            last,
            Expr::Fraction {
                n: n as u32,
                parts: parts as u32,
                year: Box::new(year),
            },
        ))
    }

    /// "التسعينيات", "تسعينيات القرن الماضي", "ثمانينات القرن العشرين".
    fn decade(&self, i: usize, tens: u8) -> Option<Match> {
        // "في الثمانينيات من عمره" is an age, not a decade.
        if self.is(i + 1, Word::From) && self.is(i + 2, Word::Age) {
            return None;
        }
        if self.is(i + 1, Word::Century) {
            match self.century(i + 1) {
                Some((last, Expr::Century(c))) => {
                    return Some((i, last, Expr::Decade((c - 1) * 100 + tens as i32)));
                }
                Some((last, Expr::RelUnit(Unit::Century, rel))) => {
                    return Some((i, last, Expr::RelDecade { tens, rel }));
                }
                _ => {}
            }
        }
        Some((i, i, Expr::Decade(1900 + tens as i32)))
    }

    /// After القرن: "العشرين", "الحادي والعشرين", "الـ21", "21", "الماضي": (last, meaning).
    fn century(&self, i: usize) -> Option<(usize, Expr)> {
        let j = i + 1;
        if let Some(r) = self.rel(j) {
            return Some((j, Expr::RelUnit(Unit::Century, r)));
        }
        if let Some((d, last)) = self.ordinal_day(j) {
            return (1..=30)
                .contains(&d)
                .then_some((last, Expr::Century(d as i32)));
        }
        // "الـ21" is the word ال glued to 21.
        let k = if self
            .t
            .list
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.t.norm(j) == "ال"
        {
            j + 1
        } else {
            j
        };
        match self.number(k)? {
            (n @ 1..=30, 1..=2) => Some((k, Expr::Century(n as i32))),
            _ => None,
        }
    }

    /// "صيف 2020", "الصيف الماضي", "شتاء عام 2021", "ربيع 2011"; a bare season is no date.
    fn season(&self, i: usize) -> Option<Match> {
        let season = match self.word(i)? {
            Word::Season(s) => s,
            Word::MonthHead(MonthHead::Rabi) => crate::lang::expr::Season::Spring,
            _ => return None,
        };
        if let Some((y, last, false)) = self.year_phrase(i + 1) {
            return Some((
                i,
                last,
                Expr::Season {
                    season,
                    year: Some(y),
                    rel: None,
                },
            ));
        }
        let (r, last) = self.rel_at(i + 1)?;
        Some((
            i,
            last,
            Expr::Season {
                season,
                year: None,
                rel: Some(r),
            },
        ))
    }

    /// "عيد الأضحى [2021 | الماضي]", "رأس السنة الهجرية", "المولد النبوي الشريف".
    fn occasion(&self, i: usize) -> Option<Match> {
        let Word::OccasionHead(head) = self.word(i)? else {
            return None;
        };
        let (occasion, last) = OCCASIONS.iter().find_map(|(h, tail, occasion)| {
            let fits = *h == head
                && tail.iter().enumerate().all(|(k, w)| {
                    self.t
                        .list
                        .get(i + 1 + k)
                        .is_some_and(|t| t.kind == TokenKind::Word)
                        && self.t.norm(i + 1 + k) == *w
                });
            fits.then_some((*occasion, i + tail.len()))
        })?;
        // "المبارك", "الجديدة", "السعيد", "الكريم": praise between the name and its year.
        let last = match self.t.list.get(last + 1) {
            Some(t)
                if t.kind == TokenKind::Word
                    && (OCCASION_EPITHETS.contains(&self.t.norm(last + 1))
                        || self.is(last + 1, Word::Epithet)) =>
            {
                last + 1
            }
            _ => last,
        };
        Some(self.occasion_then(i, last, occasion))
    }

    /// An occasion named at `i..=last`, then its year ("عيد الفطر 1441 هـ": a year below 1600 is
    /// Hijri) or a modifier ("عيد الأضحى المقبل").
    fn occasion_then(&self, i: usize, last: usize, occasion: Occasion) -> Match {
        if let Some((y, l, hijri)) = self.year_phrase(last + 1) {
            let e = Expr::Occasion {
                occasion,
                year: Some(y),
                hijri_year: hijri || y < 1600,
                rel: None,
            };
            return (i, l, e);
        }
        let (rel, last) = self.optional_rel(last);
        let e = Expr::Occasion {
            occasion,
            year: None,
            hijri_year: false,
            rel,
        };
        (i, last, e)
    }

    /// "… يوم غد (السبت)، وهو آخر يوم في الإجازة": after وهو / وهي, the first or last day (or
    /// days) of something the text does not date is the date written just before it.
    fn that_is_the_day(&self, i: usize) -> Option<Match> {
        let pronoun = i
            .checked_sub(1)
            .filter(|&p| self.t.list[p].kind == TokenKind::Word)
            .is_some_and(|p| APPOSITION_PRONOUNS.contains(&self.t.norm(p)));
        if !pronoun {
            return None;
        }
        let mut j = i + 1;
        match self.word(j)? {
            Word::DayNoun => {
                j += 1;
                if self.is(j, Word::In) || self.is(j, Word::From) {
                    j += 1;
                }
            }
            Word::Plural(Unit::Day) => j += 1,
            _ => return None,
        }
        // The thing whose day it is: a plain noun with the article, not a date.
        let thing = self
            .t
            .list
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.t.norm(j).starts_with("ال")
            && self.word(j).is_none();
        thing.then(|| (i, j, offset(0, Unit::Day, true)))
    }

    /// "(في) ساعات متأخرة من الليل", "وقت متأخر من الليل": the night of the day the sentence
    /// gives; the expression opens at the noun before "late".
    fn late_night(&self, i: usize) -> Option<Match> {
        let noun = i.checked_sub(1)?;
        let late_noun =
            LATE_NOUNS.contains(&self.t.norm(noun)) && self.t.list[noun].kind == TokenKind::Word;
        if !late_noun || !self.is(i + 1, Word::From) {
            return None;
        }
        match self.word(i + 2)? {
            Word::DayPart(DayPart::Night) | Word::TheNight => {
                Some((noun, i + 2, Expr::DayPartAlone(DayPart::Night)))
            }
            _ => None,
        }
    }

    /// "يوم عرفة", "يوم عرفات", "يوم وقفة عرفات": the day before Eid al-Adha.
    fn arafat(&self, i: usize) -> Option<Match> {
        if self.is(
            i + 1,
            Word::OccasionHead(super::lexicon::OccasionHead::Standing),
        ) {
            let (_, last, e) = self.occasion(i + 1)?;
            return Some((i, last, e));
        }
        self.t
            .list
            .get(i + 1)
            .filter(|t| t.kind == TokenKind::Word)?;
        ARAFAT.contains(&self.t.norm(i + 1)).then(|| {
            (
                i,
                i + 1,
                Expr::Occasion {
                    occasion: Occasion::Arafat,
                    year: None,
                    hijri_year: false,
                    rel: None,
                },
            )
        })
    }

    /// A national or civil day: "اليوم الوطني [الـ 50] [لدولة الإمارات]", "عيد العرش",
    /// "يوم الشهيد", "عيد استقلالها", with an optional country, year or modifier.
    fn civil_day(&self, i: usize) -> Option<Match> {
        let norm = |k: usize| {
            self.t
                .list
                .get(k)
                .filter(|t| t.kind == TokenKind::Word)
                .map(|_| self.t.norm(k))
        };
        let kind = CIVIL_DAYS
            .iter()
            .find(|(w, _)| norm(i + 1) == Some(*w))
            .map(|&(_, k)| k)?;
        let mut last = i + 1;
        // "الـ 50", "الخمسين": which anniversary, not a date.
        if norm(last + 1) == Some("ال") && self.number(last + 2).is_some() {
            last += 2;
        }
        // "لدولة الإمارات", "السعودي", "لقطر".
        let mut country: Option<Country> = None;
        let mut k = last + 1;
        if norm(k).is_some_and(|w| STATE_NOUNS.contains(&w)) {
            k += 1;
        }
        if let Some(Word::Country(c)) = self.word(k) {
            country = Some(c);
            last = k;
        }
        Some(self.occasion_then(i, last, Occasion::Civil(kind, country)))
    }

    // ---- clock times and parts of the day --------------------------------------------------
    // Examples and traps: src/lang/ar/corpus/times.tsv (run by tests/corpus.rs).

    /// The hour and minute at `i`, with minutes or a fraction written after the hour:
    /// "الثالثة والنصف", "العاشرة إلا ربعا" (9:45), "3 و15 دقيقة", "الثانية عشرة ودقيقة":
    /// (h, m, last).
    fn clock_at(&self, i: usize) -> Option<(u32, Option<u32>, usize)> {
        let (h, m, last) = self.hour_at(i)?;
        if m.is_some() {
            return Some((h, m, last));
        }
        match self.minutes_after(last) {
            Some((mins, l)) if mins >= 0 => Some((h, Some(mins as u32), l)),
            // "إلا ربعا": a quarter to the hour, on the hour before.
            Some((mins, l)) => {
                let h = if h <= 1 { h + 11 } else { h - 1 };
                Some((h, Some((60 + mins) as u32), l))
            }
            None => Some((h, None, last)),
        }
    }

    /// Minutes after an hour that ends at `last`: "والنصف" 30, "والربع" 15, "والثلث" 20,
    /// "إلا ربعا" -15, "إلا خمس دقائق" -5, "و15 دقيقة" 15, "ودقيقة" 1: (signed minutes, last).
    fn minutes_after(&self, last: usize) -> Option<(i32, usize)> {
        let k = last + 1;
        let fraction = |j: usize| match self.word(j)? {
            Word::Fraction(2) => Some(30),
            Word::Fraction(3) => Some(20),
            Word::Fraction(4) => Some(15),
            _ => None,
        };
        let conj = |j: usize| self.is_word(j) && self.t.norm(j).starts_with('و');
        if self.is(k, Word::Minus) {
            if let Some(m) = fraction(k + 1) {
                return Some((-m, k + 1));
            }
            let (n, unit, l) = self.quantity(k + 1)?;
            return (unit == Unit::Minute && (1..60).contains(&n)).then_some((-n, l));
        }
        if conj(k)
            && let Some(m) = fraction(k)
        {
            return Some((m, k));
        }
        let q = if self.is(k, Word::And) {
            k + 1
        } else if conj(k) {
            k
        } else {
            return None;
        };
        let (n, unit, l) = self.quantity(q)?;
        (unit == Unit::Minute && (1..60).contains(&n)).then_some((n, l))
    }

    /// The hour (and minute) at `i`: "3", "10:30", "الثالثة", "الحادية عشرة": (h, m, last).
    fn hour_at(&self, i: usize) -> Option<(u32, Option<u32>, usize)> {
        if let Some((h, hd)) = self.number(i) {
            if hd > 2 || h > 24 {
                return None;
            }
            if self.punct(i + 1) == Some(':')
                && self.glued(i + 1)
                && self.glued(i + 2)
                && let Some((m, 2)) = self.number(i + 2)
            {
                return (m < 60).then_some((h, Some(m), i + 2));
            }
            return Some((h, None, i));
        }
        match self.word(i)? {
            Word::Ordinal(o) if self.teen(i + 1) => Some((10 + o as u32, None, i + 1)),
            Word::Ordinal(o) => Some((o as u32, None, i)),
            Word::Cardinal(c) => Some((c as u32, None, i)),
            _ => None,
        }
    }

    /// A clock time; `start` is where the expression began and `i` the time itself:
    /// "الساعة الثالثة فجرا", "10:30 صباحا", "الساعة 14:00 بتوقيت غرينتش",
    /// "من الساعة 3 إلى 4 مساء", "الساعة الثالثة من فجر الأحد".
    fn time(&self, start: usize, i: usize) -> Option<Match> {
        let after_clock = self.is(start, Word::Clock) || (i > 0 && self.is(i - 1, Word::Clock));
        let (hour, minute, mut last) = self.clock_at(i)?;
        // A spelled hour without الساعة is a time only with its part of the day right after
        // it: "في العاشرة صباحا", "من الثامنة صباحا حتى الثانية ظهرا".
        if !after_clock && self.number(i).is_none() && self.day_part(last + 1).is_none() {
            return None;
        }
        // The end of a span: "إلى [الساعة] 4", "والعاشرة".
        let mut until = None;
        let joined = |k: usize| {
            self.is_word(k)
                && self.t.norm(k).starts_with('و')
                && matches!(self.word(k), Some(Word::Ordinal(_)))
        };
        if joined(last + 1) {
            if let Some((h2, m2, l2)) = self.clock_at(last + 1) {
                until = Some((h2, m2));
                last = l2;
            }
        } else if self.is(last + 1, Word::To)
            || self.is(last + 1, Word::Until)
            || self.is(last + 1, Word::And)
            || self.punct(last + 1) == Some('-')
        {
            let k = if self.is(last + 2, Word::Clock) {
                last + 3
            } else {
                last + 2
            };
            if let Some((h2, m2, l2)) = self.clock_at(k) {
                until = Some((h2, m2));
                last = l2;
            }
        }
        // "من الثامنة صباحا حتى الثانية ظهرا": each end with its own part of the day.
        let mut own_until = None;
        let mut own_part = None;
        if until.is_none()
            && let Some(p1) = self.day_part(last + 1)
            && self.linked(last + 2)
        {
            let k = if self.is(last + 3, Word::Clock) {
                last + 4
            } else {
                last + 3
            };
            if let Some((h2, m2, l2)) = self.clock_at(k)
                && let Some(p2) = self.day_part(l2 + 1)
            {
                own_until = Some((hour_in(h2, p2), m2));
                own_part = Some(p1);
                last = l2 + 1;
            }
        }
        let mut part = own_part;
        if own_part.is_some() {
            // Both ends already carry their parts of the day.
        } else if let Some(p) = self.day_part(last + 1) {
            part = Some(p);
            last += 1;
        } else if self.is(last + 2, Word::DayPart(DayPart::Noon)) {
            // "قبل الظهر" (before noon) and "بعد الظهر" (afternoon).
            if self.is(last + 1, Word::Before) {
                part = Some(DayPart::Morning);
                last += 2;
            } else if self.is(last + 1, Word::After) {
                part = Some(DayPart::Afternoon);
                last += 2;
            }
        }
        let mut zone = None;
        if self.is(last + 1, Word::TimeZone)
            && self
                .t
                .list
                .get(last + 2)
                .is_some_and(|t| t.kind == TokenKind::Word)
        {
            zone = Some(self.t.norm(last + 2).to_string());
            last += 2;
        }
        // Without الساعة, a bare number needs a part of the day, minutes or a zone to be a time.
        if !after_clock && part.is_none() && minute.is_none() && zone.is_none() {
            return None;
        }
        // The day it falls on: "من فجر الأحد", "مساء الأحد", "يوم الأحد", "أمس".
        let mut day = None;
        let mut k = last + 1;
        if self.is(k, Word::From) {
            k += 1;
        }
        if part.is_none()
            && let Some(p) = self.day_part(k)
        {
            part = Some(p);
            k += 1;
        }
        if let Some((d, l)) = self.day_at(k) {
            day = Some(d);
            last = l;
        }
        let adjust = |h: u32| match part {
            Some(p) => hour_in(h, p),
            None => h,
        };
        if hour > 24 || until.is_some_and(|(h, _)| h > 24) {
            return None;
        }
        Some((
            start,
            last,
            Expr::Time(Box::new(Clock {
                day,
                hour: adjust(hour),
                minute,
                until: own_until.or(until.map(|(h, m)| (adjust(h), m))),
                zone,
            })),
        ))
    }

    /// A part of the day as a noun before its day: "مساء الأحد", "ظهر أمس", "صباح يوم الخميس".
    fn day_part_of(&self, start: usize, j: usize, p: DayPart) -> Option<Match> {
        let (day, last) = self.day_at(j)?;
        Some((start, last, Expr::DayPart(p, Box::new(day))))
    }
}

/// The hour on a 24-hour clock, given the part of the day the text names.
fn hour_in(h: u32, p: DayPart) -> u32 {
    match p {
        DayPart::Evening | DayPart::Afternoon if (1..12).contains(&h) => h + 12,
        DayPart::Noon if (1..6).contains(&h) => h + 12,
        DayPart::Night if (6..12).contains(&h) => h + 12,
        DayPart::Night | DayPart::Dawn | DayPart::Morning if h == 12 => 0,
        _ => h % 24,
    }
}

fn offset(n: i32, unit: Unit, from_previous: bool) -> Expr {
    Expr::Offset {
        n,
        unit,
        from_previous,
    }
}

fn year_expr(y: i32, hijri: bool) -> Expr {
    if hijri {
        Expr::HijriYear(y)
    } else {
        Expr::Year(y)
    }
}

fn month_expr(month: MonthRef, year: Option<i32>, rel: Option<Rel>) -> Expr {
    match month {
        MonthRef::Gregorian(month) => Expr::Date {
            day: None,
            month,
            year,
            weekday: None,
            rel,
        },
        MonthRef::Hijri(month) => Expr::Hijri {
            day: None,
            month,
            year,
            rel,
        },
    }
}

/// Attaches a weekday written before a date, so the resolver can check it.
fn with_weekday(e: Expr, w: Weekday) -> Expr {
    match e {
        Expr::Date {
            day,
            month,
            year,
            rel,
            ..
        } => Expr::Date {
            day,
            month,
            year,
            weekday: Some(w),
            rel,
        },
        Expr::Paired(h, g) => Expr::Paired(h, Box::new(with_weekday(*g, w))),
        other => other,
    }
}

/// In "من 3 يناير إلى 5 فبراير 2022" the first date takes the second's year.
fn inherit_year(a: Expr, b: &Expr) -> Expr {
    match (a, b) {
        (
            Expr::Date {
                day,
                month,
                year: None,
                weekday,
                rel,
            },
            Expr::Date {
                year: Some(y),
                month: m2,
                ..
            },
        ) => Expr::Date {
            day,
            month,
            year: Some(if month > *m2 { y - 1 } else { *y }),
            weekday,
            rel,
        },
        (a, _) => a,
    }
}
