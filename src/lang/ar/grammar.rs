//! The Arabic temporal grammar: rules over the tokens of one sentence, reading word roles from
//! the lexicon. Each rule starts at the word that opens an expression and returns the tokens it
//! covers and what they mean; the scan takes the first rule that matches and moves past it.

use chrono::{NaiveDate, Weekday};

use super::lexicon::{Word, lookup};
use crate::lang::expr::{Expr, Found, Rel};
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
    let mut i = 0;
    while i < tokens.len() {
        match g.at(i) {
            Some((first, last, expr)) => {
                out.push(Found {
                    start: tokens.list[first].start,
                    end: tokens.list[last].end,
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
    r: &'a [Option<Word>],
}

impl Grammar<'_> {
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

    /// A four-digit number that can be a year.
    fn year(&self, i: usize) -> Option<i32> {
        match self.number(i)? {
            (v @ 1000..=2200, 4) => Some(v as i32),
            _ => None,
        }
    }

    /// A year, optionally after عام/سنة: returns (year, last token).
    fn year_phrase(&self, i: usize) -> Option<(i32, usize)> {
        let (y, j) = if self.is(i, Word::YearNoun) {
            (self.year(i + 1)?, i + 1)
        } else {
            (self.year(i)?, i)
        };
        Some((y, self.era_after(j)))
    }

    /// Moves past an era marker (م, ميلادي) after a year.
    fn era_after(&self, j: usize) -> usize {
        if self.is(j + 1, Word::GregorianEra) {
            j + 1
        } else {
            j
        }
    }

    fn day_number(&self, i: usize) -> Option<u32> {
        match self.number(i)? {
            (v @ 1..=31, 1..=2) => Some(v),
            _ => None,
        }
    }

    /// A month name, one or two words, with an optional paired name in another system
    /// ("كانون الثاني/يناير", "حزيران (يونيو)"): returns (month, ambiguous, last token).
    fn month(&self, i: usize) -> Option<(u32, bool, usize)> {
        let (m, ambiguous, last) = self.month_name(i)?;
        let paired = if self.punct(last + 1) == Some('/') {
            self.month_name(last + 2)
                .filter(|&(n, ..)| n == m)
                .map(|(.., j)| j)
        } else if self.punct(last + 1) == Some('(') {
            self.month_name(last + 2)
                .filter(|&(n, _, j)| n == m && self.punct(j + 1) == Some(')'))
                .map(|(.., j)| j + 1)
        } else {
            None
        };
        match paired {
            Some(j) => Some((m, false, j)),
            None => Some((m, ambiguous, last)),
        }
    }

    fn month_name(&self, i: usize) -> Option<(u32, bool, usize)> {
        match self.word(i)? {
            Word::Month { number, ambiguous } => Some((number as u32, ambiguous, i)),
            Word::MonthHead(head) => match self.word(i + 1)? {
                Word::Ordinal(o) => head.month(o).map(|m| (m as u32, false, i + 1)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The rule that opens at token `i`, if any.
    fn at(&self, i: usize) -> Option<Match> {
        if self.number(i).is_some() {
            return self.date(i).or_else(|| self.year_alone(i));
        }
        match self.word(i)? {
            Word::DayNoun => self
                .weekday_rule(i, i + 1)
                .or_else(|| self.date(i + 1).map(|(_, last, e)| (i, last, e))),
            Word::Weekday(_) => self.weekday_rule(i, i),
            Word::NightOf => self.night(i),
            Word::TheNight => self.the_night(i),
            Word::RelDay(n) => self.rel_day(i, n),
            Word::First => {
                let j = if self.is(i + 1, Word::From) {
                    i + 2
                } else {
                    i + 1
                };
                self.is(j, Word::RelDay(-1))
                    .then_some((i, j, Expr::RelDay(-2)))
            }
            Word::After => self
                .is(i + 1, Word::Morrow)
                .then_some((i, i + 1, Expr::RelDay(2))),
            Word::Week => self.rel(i + 1).map(|r| (i, i + 1, Expr::Week(r))),
            Word::This => self
                .is(i + 1, Word::Week)
                .then_some((i, i + 1, Expr::Week(Rel::This))),
            Word::Middle if self.is(i + 1, Word::Week) => {
                let (rel, last) = self.optional_rel(i + 1);
                Some((i, last, Expr::MidWeek(rel)))
            }
            Word::End if self.is(i + 1, Word::Week) => {
                let (rel, last) = self.optional_rel(i + 1);
                Some((i, last, Expr::Weekend(rel)))
            }
            Word::Break if self.is(i + 1, Word::End) && self.is(i + 2, Word::Week) => {
                let (rel, last) = self.optional_rel(i + 2);
                Some((i, last, Expr::Weekend(rel)))
            }
            Word::Until if self.is(i + 1, Word::Now) => Some((i, i + 1, Expr::Present)),
            Word::Now => Some((i, i, Expr::Present)),
            Word::From => self.range_from(i),
            Word::Between => self.range_between(i),
            Word::Since => {
                let (y, last) = self.year_phrase(i + 1)?;
                Some((i, last, Expr::SinceYear(y)))
            }
            Word::In => {
                if let Some(m) = self.date(i + 1) {
                    return Some(m);
                }
                let (y, last) = self.year_phrase(i + 1)?;
                Some((i + 1, last, Expr::Year(y)))
            }
            Word::YearNoun => {
                let (y, last) = self.year_phrase(i)?;
                Some((i, last, Expr::Year(y)))
            }
            Word::MonthNoun => self.month_alone(i + 1, true).map(|(_, l, e)| (i, l, e)),
            Word::Month { .. } | Word::MonthHead(_) => self.month_alone(i, false),
            _ => None,
        }
    }

    fn optional_rel(&self, last: usize) -> (Option<Rel>, usize) {
        match self.rel(last + 1) {
            Some(r) => (Some(r), last + 1),
            None => (None, last),
        }
    }

    /// `[يوم] weekday [modifier | date]`; `start` is where the expression began.
    fn weekday_rule(&self, start: usize, k: usize) -> Option<Match> {
        let weekday = self.weekday(k)?;
        // "الأحد عشر" is "the eleven", not Sunday.
        if weekday == Weekday::Sun && self.is(k + 1, Word::Teen) {
            return None;
        }
        if let Some(r) = self.rel(k + 1) {
            return Some((
                start,
                k + 1,
                Expr::Weekday {
                    weekday,
                    rel: Some(r),
                },
            ));
        }
        let dated = match self.punct(k + 1) {
            Some('(') => self
                .date(k + 2)
                .filter(|&(_, last, _)| self.punct(last + 1) == Some(')'))
                .map(|(_, last, e)| (last + 1, e)),
            Some(',') => self.date(k + 2).map(|(_, last, e)| (last, e)),
            _ => self.date(k + 1).map(|(_, last, e)| (last, e)),
        };
        match dated {
            Some((
                last,
                Expr::Date {
                    day,
                    month,
                    year,
                    rel,
                    ..
                },
            )) => Some((
                start,
                last,
                Expr::Date {
                    day,
                    month,
                    year,
                    weekday: Some(weekday),
                    rel,
                },
            )),
            _ => Some((start, k, Expr::Weekday { weekday, rel: None })),
        }
    }

    /// A full or partial calendar date opening with a number: "6 يناير [2022]", "6/1/2022".
    fn date(&self, i: usize) -> Option<Match> {
        if let Some(m) = self.numeric_date(i) {
            return Some(m);
        }
        let day = self.day_number(i)?;
        let (month, _, last) = self.month(i + 1)?;
        let (year, last) = match self.year(last + 1) {
            Some(y) => (Some(y), self.era_after(last + 1)),
            None => (None, last),
        };
        NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
        Some((
            i,
            last,
            Expr::Date {
                day: Some(day),
                month,
                year,
                weekday: None,
                rel: None,
            },
        ))
    }

    /// `d/m/yyyy`, `yyyy-mm-dd`, `yyyy/mm/dd`, `d.m.yyyy` (Arab day-first order).
    fn numeric_date(&self, i: usize) -> Option<Match> {
        let (a, da) = self.number(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '-' | '.') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (b, _) = self.number(i + 2)?;
        if self.punct(i + 3) != Some(sep) || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        let (c, dc) = self.number(i + 4)?;
        let (y, m, d) = match (da, dc) {
            (4, 1..=2) => (a, b, c),
            (1..=2, 4) => (c, b, a),
            _ => return None,
        };
        let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
        use chrono::Datelike;
        Some((
            i,
            i + 4,
            Expr::Date {
                day: Some(date.day()),
                month: date.month(),
                year: Some(date.year()),
                weekday: None,
                rel: None,
            },
        ))
    }

    /// A month without a day: needs a year, a modifier, شهر before it, or an unambiguous name.
    fn month_alone(&self, i: usize, after_month_noun: bool) -> Option<Match> {
        let (month, ambiguous, last) = self.month(i)?;
        if let Some(y) = self.year(last + 1) {
            let last = self.era_after(last + 1);
            return Some((i, last, month_expr(month, Some(y), None)));
        }
        if let Some(r) = self.rel(last + 1) {
            return Some((i, last + 1, month_expr(month, None, Some(r))));
        }
        (!ambiguous || after_month_noun).then_some((i, last, month_expr(month, None, None)))
    }

    /// A year standing alone with its own evidence: "1989-2019", "2019 م".
    fn year_alone(&self, i: usize) -> Option<Match> {
        let a = self.year(i)?;
        if self.punct(i + 1) == Some('-')
            && let Some(b) = self.year(i + 2).filter(|&b| b > a)
        {
            return Some((i, i + 2, Expr::YearRange(a, b)));
        }
        self.is(i + 1, Word::GregorianEra)
            .then_some((i, i + 1, Expr::Year(a)))
    }

    /// "من 1989 إلى 2019", "من عام 1989 حتى 2019".
    fn range_from(&self, i: usize) -> Option<Match> {
        let (a, j) = self.year_phrase(i + 1)?;
        let k = j + 1;
        let linked = self.is(k, Word::To) || self.is(k, Word::Until) || self.punct(k) == Some('-');
        if !linked {
            return None;
        }
        let (b, last) = self.year_phrase(k + 1)?;
        (b >= a).then_some((i, last, Expr::YearRange(a, b)))
    }

    /// "بين 2010 و2015", "بين عامي 2010 و 2015".
    fn range_between(&self, i: usize) -> Option<Match> {
        let (a, j) = self.year_phrase(i + 1)?;
        if !self.is(j + 1, Word::And) {
            return None;
        }
        let (b, last) = self.year_phrase(j + 2)?;
        (b > a).then_some((i, last, Expr::YearRange(a, b)))
    }

    /// "ليل الأربعاء [حتى|إلى|على|-] الخميس", "ليلة الأربعاء [الماضي]".
    fn night(&self, i: usize) -> Option<Match> {
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

    /// اليوم / أمس / غدا, with "أمس الأول" (the day before yesterday) and not "اليوم الأول".
    fn rel_day(&self, i: usize, n: i8) -> Option<Match> {
        if n == -1 && self.is(i + 1, Word::Ordinal(1)) {
            return Some((i, i + 1, Expr::RelDay(-2)));
        }
        if n == 0 {
            if self.weekday(i + 1).is_some() {
                return Some((i, i + 1, Expr::RelDay(0)));
            }
            if self.followed_by_adjective(i) {
                return None;
            }
        }
        Some((i, i, Expr::RelDay(n as i32)))
    }

    /// True when the next word carries the article, so token `i` is a noun it describes
    /// ("اليوم العالمي", "الليلة الأولى") rather than an adverb.
    fn followed_by_adjective(&self, i: usize) -> bool {
        matches!(self.t.list.get(i + 1), Some(t) if t.kind == TokenKind::Word)
            && self.t.norm(i + 1).starts_with("ال")
    }
}

fn month_expr(month: u32, year: Option<i32>, rel: Option<Rel>) -> Expr {
    Expr::Date {
        day: None,
        month,
        year,
        weekday: None,
        rel,
    }
}
