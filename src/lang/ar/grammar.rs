//! The Arabic temporal grammar: rules over the tokens of one sentence, reading word roles from
//! the lexicon. Each rule starts at the word that opens an expression and returns the tokens it
//! covers and what they mean; the scan takes the first rule that matches and moves past it.

use chrono::{NaiveDate, Weekday};

use super::lexicon::{MonthHead, OCCASIONS, Word, lookup};
use crate::lang::expr::{DayPart, Expr, Found, MonthRef, Part, Rel, Unit};
use crate::text::{TokenKind, Tokens};

/// The lexicon roles of one sentence's tokens, reused across sentences.
#[derive(Debug, Default)]
pub struct Roles(Vec<Option<Word>>);

impl Roles {
    /// Looks every word of `tokens` up; returns whether anything temporal may be there.
    pub fn classify(&mut self, tokens: &Tokens) -> bool {
        self.0.clear();
        let mut any = false;
        for (i, t) in tokens.list.iter().enumerate() {
            let role = match t.kind {
                TokenKind::Word => lookup(tokens.norm(i)),
                TokenKind::Number { .. } => {
                    any = true;
                    None
                }
                TokenKind::Punct(_) => None,
            };
            any |= role.is_some();
            self.0.push(role);
        }
        any
    }
}

/// A match: first and last token (inclusive) and the meaning.
type Match = (usize, usize, Expr);

/// Finds every temporal expression in one classified sentence.
pub fn find(tokens: &Tokens, roles: &Roles, out: &mut Vec<Found>) {
    let g = Grammar {
        t: tokens,
        r: &roles.0,
    };
    let future = roles.0.contains(&Some(Word::FutureMarker));
    let mut i = 0;
    while i < tokens.len() {
        match g.at(i) {
            Some((first, last, expr)) => {
                out.push(Found {
                    start: tokens.list[first].start,
                    end: tokens.list[last].end,
                    expr,
                    future,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

struct Grammar<'a> {
    t: &'a Tokens,
    r: &'a [Option<Word>],
}

impl Grammar<'_> {
    // ---- token access ----------------------------------------------------------------------

    fn word(&self, i: usize) -> Option<Word> {
        self.r.get(i).copied().flatten()
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

    /// True when the word at `i` carries the article (possibly after a clitic).
    fn has_article(&self, i: usize) -> bool {
        matches!(self.t.list.get(i), Some(t) if t.kind == TokenKind::Word) && {
            let n = self.t.norm(i);
            ["ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال"]
                .iter()
                .any(|p| n.starts_with(p))
        }
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
            Word::DayPart(p) => Some(p),
            _ => None,
        }
    }

    fn optional_rel(&self, last: usize) -> (Option<Rel>, usize) {
        match self.rel(last + 1) {
            Some(r) => (Some(r), last + 1),
            None => (None, last),
        }
    }

    // ---- numbers and years -----------------------------------------------------------------

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

    /// The rule that opens at token `i`, if any.
    fn at(&self, i: usize) -> Option<Match> {
        if self.number(i).is_some() {
            return self
                .time(i, i)
                .or_else(|| self.date(i))
                .or_else(|| self.year_alone(i))
                .or_else(|| self.duration(i, i));
        }
        match self.word(i)? {
            Word::DayNoun => self
                .weekday_rule(i, i + 1)
                .or_else(|| self.date(i + 1).map(|(_, last, e)| (i, last, e)))
                .or_else(|| self.named_day_after_noun(i)),
            Word::Weekday(_) => self.weekday_rule(i, i),
            Word::NightOf => self.night(i),
            Word::TheNight => self.the_night(i),
            Word::RelDay(n) => self.rel_day(i, n),
            Word::First => self.first(i),
            Word::BareOrdinal(_) | Word::LastOf => self.nth_weekday(i),
            Word::Ordinal(_) | Word::Tens(_) => self
                .date(i)
                .or_else(|| self.duration(i, i))
                .or_else(|| self.nth_weekday(i)),
            Word::Cardinal(_) | Word::Dual(_) => self.duration(i, i),
            Word::After => self.after(i),
            Word::Before => self.before(i),
            Word::Since => self.since(i),
            Word::During => self.duration(i, i + 1),
            Word::In if self.is(i + 1, Word::During) => self.duration(i, i + 2),
            Word::Onto if self.is(i + 1, Word::During) => self.duration(i, i + 2),
            Word::Week => self
                .rel(i + 1)
                .map(|r| (i, i + 1, Expr::RelUnit(Unit::Week, r))),
            Word::TwoDays => self.day_range(i, |k| self.is(k, Word::And)),
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
                let (y, last, hijri) = self.year_phrase(i + 1)?;
                Some((i + 1, last, year_expr(y, hijri)))
            }
            Word::YearNoun => self.year_noun(i),
            Word::MonthNoun => self.month_noun(i),
            Word::Month { .. } | Word::HijriMonth { .. } | Word::MonthHead(_) => {
                self.month_alone(i, false).or_else(|| self.season(i))
            }
            Word::Decade(t) => self.decade(i, t),
            Word::Fraction(parts) => self.fraction(i, parts),
            Word::Century => self.century(i).map(|(last, e)| (i, last, e)),
            Word::Season(_) => self.season(i),
            Word::OccasionHead(_) => self.occasion(i),
            Word::Clock => self.time(i, i + 1),
            Word::DayPart(p) => self.day_part_of(i, i + 1, p),
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
            let dated = match self.punct(k + 1) {
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

    /// After a day: an adverb part of the day ("الأحد مساء") or a clock time.
    fn then_time_of_day(&self, start: usize, last: usize, day: Expr) -> Match {
        if self.is(last + 1, Word::Clock)
            && let Some((
                _,
                end,
                Expr::Time {
                    hour,
                    minute,
                    until,
                    zone,
                    ..
                },
            )) = self.time(last + 1, last + 2)
        {
            let time = Expr::Time {
                day: Some(Box::new(day)),
                hour,
                minute,
                until,
                zone,
            };
            return (start, end, time);
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
            Some(Word::Morrow) => Some((Expr::RelDay(1), j)),
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
            if self.is(i + 1, Word::Same) {
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
        self.nth_weekday(i)
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

    /// A year after token `last`, if any, with its era: (year, new last, hijri era).
    fn optional_year(&self, last: usize) -> (Option<i32>, usize, bool) {
        // "… من عام 1436هـ", "… العام 1951": the year noun, after من or not, may come first.
        let mut j = last + 1;
        if self.is(j, Word::From) && self.is(j + 1, Word::YearNoun) {
            j += 1;
        }
        let at = if self.is(j, Word::YearNoun) && self.year(j + 1).is_some() {
            j + 1
        } else {
            last + 1
        };
        match self.year(at) {
            Some(y) => {
                let (y, l, h) = self.era_after(y, at);
                (Some(y), l, h)
            }
            None => (None, last, false),
        }
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
        // "15 من الشهر الجاري": a day of the anchor's month, or the one before or after.
        if self.is(j + 1, Word::MonthNoun)
            && self.has_article(j + 1)
            && let Some(rel) = self.rel(j + 2)
        {
            return Some((i, j + 2, Expr::DayOfMonth { day, rel }));
        }
        // "من شهر شعبان": the month noun may stand before the name.
        let at = if self.is(j + 1, Word::MonthNoun) && self.month(j + 2).is_some() {
            j + 2
        } else {
            j + 1
        };
        let (month, _, last) = self.month(at)?;
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

    /// `d/m/yyyy`, `yyyy-mm-dd`, `yyyy/mm/dd`, `d.m.yyyy` (Arab day-first order).
    fn numeric_date(&self, i: usize) -> Option<Match> {
        let (a, da) = self.number(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '-' | '.') {
            return None;
        }
        let (b, _) = self.number(i + 2)?;
        if self.punct(i + 3) != Some(sep) {
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
            (1..=2, 4) => (c, b, a),
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
        if let Some(y) = self.year(last + 1) {
            let (y, last, hijri) = self.era_after(y, last + 1);
            if hijri != matches!(month, MonthRef::Hijri(_)) && hijri {
                return None;
            }
            return Some((i, last, month_expr(month, Some(y), None)));
        }
        if let Some(r) = self.rel(last + 1) {
            return Some((i, last + 1, month_expr(month, None, Some(r))));
        }
        (!ambiguous || after_month_noun).then_some((i, last, month_expr(month, None, None)))
    }

    /// شهر + a month name, or الشهر + a modifier ("الشهر الماضي").
    fn month_noun(&self, i: usize) -> Option<Match> {
        if let Some((_, last, e)) = self.month_alone(i + 1, true) {
            return Some((i, last, e));
        }
        let r = self.rel(i + 1)?;
        self.has_article(i)
            .then_some((i, i + 1, Expr::RelUnit(Unit::Month, r)))
    }

    /// عام + a year, or العام + a modifier ("العام الماضي").
    fn year_noun(&self, i: usize) -> Option<Match> {
        if let Some((y, last, hijri)) = self.year_phrase(i) {
            return Some((i, last, year_expr(y, hijri)));
        }
        let r = self.rel(i + 1)?;
        self.has_article(i)
            .then_some((i, i + 1, Expr::RelUnit(Unit::Year, r)))
    }

    /// "هذا الأسبوع", "هذا العام", "هذا الشهر".
    fn this(&self, i: usize) -> Option<Match> {
        let unit = match self.word(i + 1)? {
            Word::Week => Unit::Week,
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
        let (y, last, hijri) = self.era_after(a, i);
        (last > i).then_some((i, last, year_expr(y, hijri)))
    }

    // ---- ranges ----------------------------------------------------------------------------

    /// "من 1989 إلى 2019", "من 13 إلى 15 تموز", "من 3 يناير حتى 5 فبراير",
    /// "من الساعة 3 إلى 4 مساء".
    fn range_from(&self, i: usize) -> Option<Match> {
        if self.is(i + 1, Word::Clock) {
            return self.time(i, i + 2);
        }
        let linked = |k: usize| {
            self.is(k, Word::To) || self.is(k, Word::Until) || self.punct(k) == Some('-')
        };
        if let Some(m) = self.day_range(i, linked) {
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
        if let Some(m) = self.day_range(i, and) {
            return Some(m);
        }
        let (a, j, _) = self.year_phrase(i + 1)?;
        if !and(j + 1) {
            return None;
        }
        let (b, last, _) = self.year_phrase(j + 2)?;
        (b > a).then_some((i, last, Expr::YearRange(a, b)))
    }

    /// Two dates, or two day numbers sharing the second's month, after من/بين.
    fn day_range(&self, i: usize, linked: impl Fn(usize) -> bool) -> Option<Match> {
        if let Some((_, j, a)) = self.date(i + 1)
            && linked(j + 1)
            && let Some((_, last, b)) = self.date(j + 2)
        {
            let a = inherit_year(a, &b);
            return Some((i, last, Expr::Range(Box::new(a), Box::new(b))));
        }
        let d1 = self.day_number(i + 1)?;
        if !linked(i + 2) {
            return None;
        }
        let (_, last, b) = self.date(i + 3)?;
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
        Some((i, last, Expr::Range(Box::new(a), Box::new(b))))
    }

    // ---- relative offsets and durations ----------------------------------------------------

    /// "بعد غد", "بعد يومين [من ذلك]", "بعد ذلك بيومين", "بعد الظهر".
    fn after(&self, i: usize) -> Option<Match> {
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
        let (n, unit, last) = self.quantity(i + 1)?;
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
        let (n, unit, last) = self.quantity(i + 1)?;
        if self.is(last + 1, Word::From) && self.is(last + 2, Word::That) {
            return Some((i, last + 2, offset(-n, unit, true)));
        }
        Some(self.offset_or_duration(i, last, -n, unit))
    }

    /// "منذ 2019" (up to the anchor), "منذ ثلاثة أيام" (three days ago).
    fn since(&self, i: usize) -> Option<Match> {
        if let Some((y, last, false)) = self.year_phrase(i + 1) {
            return Some((i, last, Expr::SinceYear(y)));
        }
        let (n, unit, last) = self.quantity(i + 1)?;
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
                Part::Early => None,
            };
        }
        let (last, inner) = self.period(j)?;
        Some((i, last, Expr::Part(p, Box::new(inner))))
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
        let Some(Word::Ordinal(n)) = self.word(i + 1) else {
            return None;
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
        let r = self.rel(i + 1)?;
        Some((
            i,
            i + 1,
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
        if let Some((y, l, hijri)) = self.year_phrase(last + 1) {
            return Some((
                i,
                l,
                Expr::Occasion {
                    occasion,
                    year: Some(y),
                    hijri_year: hijri || y < 1600,
                    rel: None,
                },
            ));
        }
        let (rel, last) = self.optional_rel(last);
        Some((
            i,
            last,
            Expr::Occasion {
                occasion,
                year: None,
                hijri_year: false,
                rel,
            },
        ))
    }

    // ---- clock times and parts of the day --------------------------------------------------

    /// The hour (and minute) at `i`: "3", "10:30", "الثالثة", "الحادية عشرة": (h, m, last).
    fn clock_at(&self, i: usize) -> Option<(u32, Option<u32>, usize)> {
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
        let after_clock = i > start || self.is(start, Word::Clock);
        let (hour, minute, mut last) = self.clock_at(i)?;
        if !after_clock && self.number(i).is_none() {
            return None;
        }
        // The end of a span: "إلى [الساعة] 4".
        let mut until = None;
        if self.is(last + 1, Word::To)
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
        let mut part = None;
        if let Some(p) = self.day_part(last + 1) {
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
            day = Some(Box::new(d));
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
            Expr::Time {
                day,
                hour: adjust(hour),
                minute,
                until: until.map(|(h, m)| (adjust(h), m)),
                zone,
            },
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
