//! Inferring a news article's own date from its text, by weighing the clues it gives.
//!
//! Clues come in three kinds (see the reference, "Anchoring a news article"):
//!
//! - **claims about today**: a dateline or publication line at the top ("الكويت – 22 – 8
//!   (كونا)", "نشر بتاريخ: ١٢ كانون الثاني ٢٠٢٦", even with its tokens scrambled), and a relative
//!   day written with its date ("يوم غد الخميس 1 فبراير 2024" puts the article on 31 January,
//!   "اليوم الجمعة، 06 فيفري 2026" on the 6th);
//! - **constraints on today**: the weekday a relative day carries ("أمس الثلاثاء" makes the
//!   article a Wednesday) and the years the text names;
//! - **event dates**: full dates, and weekdays with a day and month, that say when something
//!   happened, not when the article was written.
//!
//! Claims that agree are taken; when they disagree, or disagree with the weekday, the date the
//! weekday allows nearest the claim is taken and the anchor says `uncertain`. Without claims, an
//! event date is only a hint: it becomes the anchor when it falls on the weekday the text gives
//! for today, and otherwise the anchor is marked uncertain. A date the text puts in the future
//! is never the anchor itself, and no anchor is after today.

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{add_days, day_name, days_until, month_name, shift_weekday, weekday_name};
use crate::lang::expr::{Direction, Expr, Found, Tense};
use crate::lang::{Beside, Language, Piece};
use crate::model::{Anchor, AnchorBasis, TextSpan};
use crate::text::{TokenKind, Tokens};

/// How far past the latest named year a weekday-and-day-month may be completed.
const YEAR_SEARCH: i32 = 40;
/// How many bytes of a top line are read for a dateline.
const LINE_HEAD: usize = 400;
/// How many non-empty lines from the top may hold a dateline.
const DATELINE_LINES: usize = 5;
/// A line with more words than this is body text: datelines are above it (or open it).
const BODY_LINE_WORDS: usize = 20;
/// A dateline line has at most this many words besides its date.
const DATELINE_WORDS: usize = 12;
/// At most this many words before the date in a dateline ("مقدمة نشرة الأخبار المسائية –").
const DATELINE_LEAD: usize = 4;
/// How far before a date (in bytes, some twenty words) its clause is read.
const CLAUSE_BYTES: usize = 240;
/// How many clues of one kind a reason quotes.
const SHOWN: usize = 3;
/// How far (in days) a weekday may move a dated clue.
const MAX_SHIFT: i64 = 3;

/// The text being anchored: its sentences, the expressions found in them (with their sentence
/// indexes) and the language that reads its words.
#[derive(Clone, Copy)]
pub struct Read<'a> {
    /// The original text.
    pub text: &'a str,
    /// Its sentences.
    pub sentences: &'a [TextSpan],
    /// The expressions found, each with its sentence index.
    pub found: &'a [(usize, Found)],
    /// The language of the text.
    pub lang: &'a Language,
}

/// Infers the anchor of a text from the clues it gives; no anchor is after `today`.
pub fn infer(read: Read, today: NaiveDate) -> Anchor {
    let Read { text, found, .. } = read;
    let years = named_years(found, today);
    let weekday = today_weekday(text, found, read.lang);
    let claims = claims(read, today, &years, weekday.chosen());
    if let Some(a) = from_claims(&claims, &weekday) {
        return a;
    }
    if let Some(a) = from_events(text, found, today, &years, &weekday) {
        return a;
    }
    Anchor {
        date: None,
        basis: AnchorBasis::None,
        uncertain: false,
        reason: "the text gives no date to anchor it; relative dates stay unresolved (set one with --anchor)".into(),
    }
}

/// Whether the clause around a dated expression points after the article's day ("ستعقد في 5
/// أغسطس", "الخميس المقبل"): the expression's own sense, a future tense of its clause, or a
/// future particle anywhere in its sentence. The one place that reads the grammar's sense of
/// direction.
fn points_ahead(f: &Found, date: &Expr) -> bool {
    let future = |t: &Tense| t.dir == Direction::Future;
    date.points_forward()
        || f.tense.as_ref().is_some_and(|t| future(t) && t.strong)
        || f.sentence_tense
            .as_ref()
            .is_some_and(|t| future(t) && t.marker)
}

/// A char boundary about a clause (`CLAUSE_BYTES`) before `at`, not before `floor`.
fn back_from(text: &str, at: usize, floor: usize) -> usize {
    let mut b = at.saturating_sub(CLAUSE_BYTES).max(floor);
    while b < at && !text.is_char_boundary(b) {
        b += 1;
    }
    // Start at a word: a cut word is not read.
    if b > floor {
        b = text[b..at].find(char::is_whitespace).map_or(at, |k| b + k);
    }
    b
}

// ---------------------------------------------------------------------------------------------
// What a dated expression says.

/// A day the text writes, with or without its year.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Day {
    /// A full calendar date and the weekday written beside it.
    Full(NaiveDate, Option<Weekday>),
    /// A day and month without a year, and the weekday written beside it.
    DayMonth(u32, u32, Option<Weekday>),
}

/// The day an expression names, in either calendar (unwrapping parts of the day and times).
fn day_of(e: &Expr) -> Option<Day> {
    match *e {
        Expr::Date {
            day: Some(d),
            month,
            year,
            weekday,
            ..
        } => match year {
            Some(y) => Some(Day::Full(NaiveDate::from_ymd_opt(y, month, d)?, weekday)),
            None => Some(Day::DayMonth(d, month, weekday)),
        },
        Expr::Hijri {
            day: Some(d),
            month,
            year: Some(y),
            ..
        } => Some(Day::Full(super::hijri::to_gregorian(y, month, d)?, None)),
        Expr::Paired(ref h, ref g) => match (day_of(g), day_of(h)) {
            (Some(Day::Full(d, w)), _) => Some(Day::Full(d, w)),
            (_, Some(Day::Full(d, w))) => Some(Day::Full(d, w)),
            (g, _) => g,
        },
        Expr::DayPart(_, ref inner) => day_of(inner),
        Expr::Time(ref c) => c.day.as_ref().and_then(day_of),
        _ => None,
    }
}

/// The expression with parts of the day and clock times taken off.
fn core(e: &Expr) -> &Expr {
    match e {
        Expr::DayPart(_, inner) => core(inner),
        Expr::Time(c) => c.day.as_ref().map_or(e, core),
        e => e,
    }
}

fn quote(text: &str, start: usize, end: usize) -> String {
    format!("'{}'", text.get(start..end).unwrap_or_default().trim())
}

// ---------------------------------------------------------------------------------------------
// Years.

/// The years the text names (years, ranges, full dates), never after today, ascending.
fn named_years(found: &[(usize, Found)], today: NaiveDate) -> Vec<i32> {
    let mut years: Vec<i32> = found
        .iter()
        .filter_map(|(_, f)| match f.expr {
            Expr::Year(y) | Expr::SinceYear(y) => Some(y),
            Expr::YearRange(_, b) => Some(b),
            _ => match day_of(&f.expr) {
                Some(Day::Full(d, _)) => Some(d.year()),
                _ => None,
            },
        })
        .filter(|&y| y <= today.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// A day and month completed with a year: the latest year the text names when it fits the
/// weekday (or no weekday is known), else the first fitting year after it, else (no year
/// named) the most recent fitting year. `sure` only when the year is one the text names and
/// the weekday confirms it.
struct Completed {
    date: NaiveDate,
    sure: bool,
    how: String,
}

fn complete(
    day: u32,
    month: u32,
    weekday: Option<Weekday>,
    years: &[i32],
    today: NaiveDate,
) -> Option<Completed> {
    let fits = |y: i32| {
        NaiveDate::from_ymd_opt(y, month, day)
            .filter(|d| weekday.is_none_or(|w| d.weekday() == w) && *d <= today)
    };
    let on = weekday.map_or(String::new(), |w| format!(" is a {}", weekday_name(w)));
    match years.last() {
        Some(&floor) => {
            if let Some(date) = fits(floor) {
                let how = match weekday {
                    Some(w) => format!(
                        "the latest year the text names is {floor}, and the first year from {floor} on in which {day} {} is a {} is {floor}",
                        month_name(month),
                        weekday_name(w)
                    ),
                    None => format!("the latest year the text names is {floor}"),
                };
                // Without a weekday to check it, the latest named year is only a guess.
                return Some(Completed {
                    date,
                    sure: weekday.is_some(),
                    how,
                });
            }
            weekday?;
            let date = (floor + 1..=floor + YEAR_SEARCH).find_map(fits)?;
            Some(Completed {
                date,
                sure: false,
                how: format!(
                    "the latest year the text names is {floor}, and the first year from {floor} on in which {day} {}{on} is {} (a year the text does not name)",
                    month_name(month),
                    date.year()
                ),
            })
        }
        None => {
            weekday?;
            let date = (1900..=today.year()).rev().find_map(fits)?;
            Some(Completed {
                date,
                sure: false,
                how: format!(
                    "the text names no year, so the most recent year up to today in which {day} {}{on} is taken, {}",
                    month_name(month),
                    date.year()
                ),
            })
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Today's weekday.

/// The weekdays the text gives the article's own day, each with the words that say so.
#[derive(Default)]
struct TodayWeekday {
    votes: Vec<(Weekday, String)>,
}

impl TodayWeekday {
    /// The weekday most clues give; ties go to the first written.
    fn chosen(&self) -> Option<Weekday> {
        let mut count = [0usize; 7];
        for (w, _) in &self.votes {
            count[w.num_days_from_monday() as usize] += 1;
        }
        let mut best: Option<(Weekday, usize)> = None;
        for &(w, _) in &self.votes {
            let c = count[w.num_days_from_monday() as usize];
            if best.is_none_or(|(_, b)| c > b) {
                best = Some((w, c));
            }
        }
        best.map(|(w, _)| w)
    }

    /// The words giving the chosen weekday ("'أمس الثلاثاء'").
    fn said(&self) -> String {
        let Some(w) = self.chosen() else {
            return String::new();
        };
        let mut q: Vec<&str> = Vec::new();
        for (v, s) in &self.votes {
            if *v == w && !q.contains(&s.as_str()) {
                q.push(s);
                if q.len() == SHOWN {
                    break;
                }
            }
        }
        q.join(", ")
    }

    /// "the article's day is a Monday ('اليوم الاثنين')".
    fn is_a(&self, w: Weekday) -> String {
        format!(
            "the article's day is a {} ({})",
            weekday_name(w),
            self.said()
        )
    }

    /// Clues giving another weekday, when there are some.
    fn dissent(&self) -> Option<String> {
        let w = self.chosen()?;
        let others: Vec<String> = self
            .votes
            .iter()
            .filter(|(v, _)| *v != w)
            .take(SHOWN)
            .map(|(v, q)| format!("{q} makes it a {}", weekday_name(*v)))
            .collect();
        (!others.is_empty()).then(|| others.join(", "))
    }
}

/// A relative day and the weekday written with it: "أمس الثلاثاء", "صباح اليوم الأربعاء",
/// and "يوم أمس (الخميس)" (a weekday in apposition right after it).
fn today_weekday(text: &str, found: &[(usize, Found)], lang: &Language) -> TodayWeekday {
    let mut out = TodayWeekday::default();
    for (k, (_, f)) in found.iter().enumerate() {
        let (n, weekday, end) = match *core(&f.expr) {
            Expr::RelDayOn { n, weekday } => (n, weekday, f.end),
            Expr::RelDay(n) => {
                let Some((_, next)) = found.get(k + 1) else {
                    continue;
                };
                let Expr::Weekday { weekday, rel: None } = next.expr else {
                    continue;
                };
                // "أمس، والخميس …" starts another item: a clitic is not apposition.
                if (lang.clues.new_item)(&text[next.start..]) {
                    continue;
                }
                let gap = text.get(f.end..next.start).unwrap_or("x");
                if !gap
                    .chars()
                    .all(|c| c.is_whitespace() || lang.clues.apposition.contains(c))
                {
                    continue;
                }
                let end = if text[next.end..].starts_with(')') {
                    next.end + 1
                } else {
                    next.end
                };
                (n, weekday, end)
            }
            _ => continue,
        };
        let back = (weekday.num_days_from_monday() as i64 - n as i64).rem_euclid(7);
        let Ok(w) = Weekday::try_from(back as u8) else {
            continue;
        };
        out.votes.push((w, quote(text, f.start, end)));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Claims about today.

#[derive(Debug, Clone)]
struct Claim {
    date: NaiveDate,
    /// The year and day are both read from the text (no search, no weekday mismatch).
    sure: bool,
    /// What says so, for the reason.
    clue: String,
    /// How direct the clue is, for ties: 2 a dateline, 1 a relative day written with its date,
    /// 0 an anniversary.
    rank: u8,
    /// Why the clue alone may not be the article's day (a date in a line that may be a
    /// headline, an anniversary): it then needs another clue to agree.
    weak: Option<String>,
}

fn claims(read: Read, today: NaiveDate, years: &[i32], weekday: Option<Weekday>) -> Vec<Claim> {
    let mut out = datelines(read, today, years, weekday);
    out.extend(linked(read, today, years, weekday));
    if let Some(w) = weekday {
        out.extend(anniversary(read, today, w));
    }
    out.retain(|c| c.date <= today);
    out
}

/// A relative day written with its date: "يوم غد الخميس 1 فبراير 2024", "اليوم الجمعة، 06 فيفري
/// 2026", "بعد غد الثلاثاء 13 كانون الثاني". The article's day is the date minus the offset.
fn linked(read: Read, today: NaiveDate, years: &[i32], weekday: Option<Weekday>) -> Vec<Claim> {
    let Read {
        text,
        sentences,
        found,
        lang,
    } = read;
    let mut tokens = Tokens::default();
    let mut out = Vec::new();
    for (s, f) in found {
        let Some(day) = day_of(&f.expr) else { continue };
        let Some(span) = sentences.get(*s) else {
            continue;
        };
        // The words just before the date are enough (and keep long sentences linear).
        (lang.tokenize)(
            text,
            back_from(text, f.start, span.start),
            f.end,
            &mut tokens,
        );
        let Some((n, from)) = (lang.clues.offset_before_date)(&tokens, f.start, f.end) else {
            continue;
        };
        let q = quote(text, from.min(f.start), f.end);
        match day {
            Day::Full(d, w) => {
                let a = add_days(d, -(n as i64));
                out.push(Claim {
                    date: a,
                    // "غدا الخميس 2 فبراير 2024" when the 2nd is a Friday: the text is off.
                    sure: w.is_none_or(|w| w == d.weekday()),
                    clue: format!("{q} puts the article {} {}", days_word(n), day_name(d)),
                    rank: 1,
                    weak: None,
                });
            }
            Day::DayMonth(dd, m, w) => {
                let w = w.or_else(|| weekday.map(|t| shift_weekday(t, n as i64)));
                let Some(c) = complete(dd, m, w, years, today) else {
                    continue;
                };
                let a = add_days(c.date, -(n as i64));
                out.push(Claim {
                    date: a,
                    sure: c.sure,
                    clue: format!(
                        "{q} puts the article {} {} {}; {}",
                        days_word(n),
                        dd,
                        month_name(m),
                        c.how
                    ),
                    rank: 1,
                    weak: None,
                });
            }
        }
    }
    out
}

fn days_word(n: i32) -> String {
    match n {
        0 => "on".into(),
        1 => "the day before".into(),
        -1 => "the day after".into(),
        n if n > 0 => format!("{n} days before"),
        n => format!("{} days after", -n),
    }
}

/// "في الذكرى السادسة لسقوط الموصل" with "10 حزيران … عام 2014": the article is on that day N
/// years on, when exactly one day the text dates falls, N years on, on the weekday the text
/// gives for today.
fn anniversary(read: Read, today: NaiveDate, w: Weekday) -> Vec<Claim> {
    let Read {
        text,
        sentences,
        found,
        lang,
    } = read;
    let mut tokens = Tokens::default();
    let mut counts = Vec::new();
    for span in sentences {
        (lang.tokenize)(text, span.start, span.end, &mut tokens);
        for i in 0..tokens.len() {
            if let Some(n) = (lang.clues.anniversary)(&tokens, i) {
                counts.push((n, quote(text, tokens.list[i].start, tokens.list[i + 1].end)));
            }
        }
    }
    counts.sort_unstable();
    counts.dedup_by_key(|(n, _)| *n);
    let [(n, said)] = counts.as_slice() else {
        return Vec::new();
    };
    // The days the text dates, with the year written with them or in their sentence.
    let mut sentence_year: rustc_hash::FxHashMap<usize, i32> = Default::default();
    for (s, f) in found {
        if let Expr::Year(y) = f.expr {
            sentence_year.entry(*s).or_insert(y);
        }
    }
    let mut days = Vec::new();
    for (s, f) in found {
        let year_in_sentence = sentence_year.get(s).copied();
        let (d, m, y) = match day_of(&f.expr) {
            Some(Day::Full(d, _)) => (d.day(), d.month(), d.year()),
            Some(Day::DayMonth(d, m, _)) => match year_in_sentence {
                Some(y) => (d, m, y),
                None => continue,
            },
            None => continue,
        };
        let Some(on) = NaiveDate::from_ymd_opt(y + *n as i32, m, d) else {
            continue;
        };
        if on <= today && on.weekday() == w && !days.iter().any(|(o, _)| *o == on) {
            days.push((on, quote(text, f.start, f.end)));
            if days.len() > 1 {
                break;
            }
        }
    }
    let [(on, q)] = days.as_slice() else {
        return Vec::new();
    };
    vec![Claim {
        date: *on,
        sure: true,
        clue: format!(
            "{said} marks anniversary {n} of {q}, which falls on {} and on the weekday the text gives for today",
            day_name(*on)
        ),
        rank: 0,
        weak: Some(
            "the text does not write that day as its own, and an anniversary may be marked on another day".into(),
        ),
    }]
}

// ---------------------------------------------------------------------------------------------
// Datelines.

/// What a dateline reader needs to know of its line.
#[derive(Clone, Copy)]
struct Line {
    /// How many words it has.
    words: usize,
    /// Whether text follows it.
    more_lines: bool,
}

/// Reads the datelines at the top: in the first lines (up to the first body line), a run of
/// numbers, month names, weekdays and separators near a line's start, in a short line or
/// before an agency's name in brackets. The tokens may come in any order ("12 15:36 2022
/// أفريل"): a four-digit number is the year, a month name the month, a clock time is dropped.
fn datelines(read: Read, today: NaiveDate, years: &[i32], weekday: Option<Weekday>) -> Vec<Claim> {
    let text = read.text;
    let mut out = Vec::new();
    let mut tokens = Tokens::default();
    let mut offset = 0;
    let mut lines = 0;
    for line in text.split_inclusive('\n') {
        let (start, end) = (offset, offset + line.len());
        offset = end;
        // A dateline opens its line: its head is enough to read it and to count its words.
        let mut head = end.min(start + LINE_HEAD);
        while !text.is_char_boundary(head) {
            head -= 1;
        }
        (read.lang.tokenize)(text, start, head, &mut tokens);
        if tokens.is_empty() {
            continue;
        }
        lines += 1;
        if lines > DATELINE_LINES {
            break;
        }
        let words = tokens
            .list
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        let more_lines = text[end..].chars().any(|c| !c.is_whitespace());
        let line = Line { words, more_lines };
        if let Some(c) = dateline_in_line(read, &tokens, today, years, weekday, line) {
            out.push(c);
        }
        if words > BODY_LINE_WORDS {
            break;
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn dateline_in_line(
    read: Read,
    tokens: &Tokens,
    today: NaiveDate,
    years: &[i32],
    weekday: Option<Weekday>,
    line: Line,
) -> Option<Claim> {
    let Read {
        text, found, lang, ..
    } = read;
    let clues = &lang.clues;
    let Line { words, more_lines } = line;
    let n = tokens.len();
    let mut i = 0;
    let mut words_before = 0;
    while i < n {
        let Some((p, len)) = (clues.piece)(tokens, i) else {
            if tokens.list[i].kind == TokenKind::Word {
                words_before += 1;
            }
            i += 1;
            continue;
        };
        // A cluster from i.
        let begin = i;
        let mut pieces = vec![p];
        let mut at = vec![i];
        let mut words_in = usize::from(!matches!(p, Piece::Num(..) | Piece::Sep(_)));
        i += len;
        while i < n {
            let Some((p, len)) = (clues.piece)(tokens, i) else {
                break;
            };
            if !matches!(p, Piece::Num(..) | Piece::Sep(_)) {
                words_in += 1;
            }
            pieces.push(p);
            at.push(i + len - 1);
            i += len;
        }
        let after = i;
        let has_num = pieces.iter().any(|p| matches!(p, Piece::Num(..)));
        if !has_num || words_before > DATELINE_LEAD {
            words_before += words_in;
            continue;
        }
        // Not "في 5 أغسطس 2024" (an event) nor "5 أغسطس المقبل".
        let before_word = begin
            .checked_sub(1)
            .filter(|&k| tokens.list[k].kind == TokenKind::Word)
            .and_then(|k| (clues.beside)(tokens.norm(k)));
        let after_word = (after < n && tokens.list[after].kind == TokenKind::Word)
            .then(|| (clues.beside)(tokens.norm(after)))
            .flatten();
        let agency = agency_follows(tokens, begin, after);
        // "القاهرة في 20 مارس 2024 (رويترز)", "حرر في 13/10/2023": a dateline even after في.
        let labelled_in = before_word == Some(Beside::In)
            && begin >= 2
            && tokens.list[begin - 2].kind == TokenKind::Word
            && (clues.label)(tokens.norm(begin - 2));
        let eventish = !agency && !labelled_in && matches!(
            before_word,
            Some(Beside::In | Beside::Preposition)
        ) || matches!(after_word, Some(Beside::Rel))
            // "غد الخميس 1 فبراير": a relative day's date, read as such (see `linked`).
            || matches!(before_word, Some(Beside::RelDay));
        let outside = words.saturating_sub(words_in);
        // A short line is a dateline only above the body: a one-line text is all body.
        let short = outside <= DATELINE_WORDS && (more_lines || words_before == 0);
        if eventish || !(short || agency) {
            words_before += words_in;
            continue;
        }
        // Quote the cluster without the separators around it.
        let inner: Vec<usize> = (0..pieces.len())
            .filter(|&k| !matches!(pieces[k], Piece::Sep(_)))
            .collect();
        let (Some(&a), Some(&b)) = (inner.first(), inner.last()) else {
            continue;
        };
        let (cs, ce) = (tokens.list[at[a]].start, tokens.list[at[b]].end);
        // A dateline opens its line, follows a label or a separator ("نشر بتاريخ:", "الكويت –",
        // "العدد 2996 -") or comes before an agency; words before it otherwise may be a
        // headline's ("القمة تنطلق 5 أغسطس 2024").
        let labelled = words_before == 0
            || agency
            || labelled_in
            || matches!(pieces.first(), Some(Piece::Sep(_)))
            || tokens.list[..begin]
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == TokenKind::Word)
                .all(|(k, _)| (clues.label)(tokens.norm(k)));
        let weak = (!labelled).then(|| {
            format!(
                "{} stands after other words in its line, which may be a headline's",
                quote(text, cs, ce)
            )
        });
        // The grammar's reading of the same words, when it has one (Hijri pairs, two-word
        // months), else the cluster read as loose pieces.
        let grammar = found
            .iter()
            .filter(|(_, f)| f.start < ce && f.end > cs)
            .find_map(|(_, f)| Some((day_of(&f.expr)?, f.start, f.end)));
        // A full date beats a day and month, the grammar's reading beats the loose one.
        let loose = read_cluster(&pieces, today, lang.conventions.day_first);
        let (day, q) = match (grammar, loose) {
            (Some((g @ Day::Full(..), fs, fe)), _) => (g, quote(text, cs.min(fs), ce.max(fe))),
            (_, Some(l @ Day::Full(..))) => (l, quote(text, cs, ce)),
            (Some((g, fs, fe)), _) => (g, quote(text, cs.min(fs), ce.max(fe))),
            (None, Some(l)) => (l, quote(text, cs, ce)),
            (None, None) => return None,
        };
        return match day {
            Day::Full(d, w) => {
                let agrees = w.is_none_or(|w| w == d.weekday());
                let mut clue = format!("the dateline {q} gives {}", day_name(d));
                if !agrees {
                    clue.push_str(&format!(
                        ", though it names the day a {}",
                        weekday_name(w.unwrap_or(d.weekday()))
                    ));
                }
                Some(Claim {
                    date: d,
                    sure: agrees,
                    clue,
                    rank: 2,
                    weak,
                })
            }
            Day::DayMonth(dd, m, w) => {
                // A dateline without its year is read only in the agency form.
                if !agency || words_before > 2 {
                    return None;
                }
                let c = complete(dd, m, w.or(weekday), years, today)?;
                Some(Claim {
                    date: c.date,
                    sure: c.sure,
                    clue: format!("the dateline {q} gives {dd} {}; {}", month_name(m), c.how),
                    rank: 2,
                    weak,
                })
            }
        };
    }
    None
}

/// "(كونا)" right after the cluster: an agency's name in brackets, as datelines write it.
fn agency_follows(tokens: &Tokens, begin: usize, after: usize) -> bool {
    let list = &tokens.list;
    // The cluster may have taken the opening bracket.
    let open = (begin..after)
        .rev()
        .find(|&k| list[k].kind == TokenKind::Punct('('))
        .filter(|&k| k + 1 == after)
        .or_else(|| {
            (after < list.len() && list[after].kind == TokenKind::Punct('(')).then_some(after)
        });
    let Some(open) = open else { return false };
    // One to four words, then the closing bracket: "(كونا)", "(أ ش أ)".
    let words = list[open + 1..]
        .iter()
        .take_while(|t| t.kind == TokenKind::Word)
        .count();
    (1..=4).contains(&words)
        && matches!(
            list.get(open + 1 + words).map(|t| t.kind),
            Some(TokenKind::Punct(')'))
        )
}

/// A cluster of loose date pieces as one day: the year is the four-digit number, the month the
/// month name (or, of two small numbers, the second when the language writes the day first
/// and the year does not lead, else the first), a clock time ("15:36") is dropped.
fn read_cluster(pieces: &[Piece], today: NaiveDate, day_first: bool) -> Option<Day> {
    let mut nums: Vec<(u32, u8)> = Vec::new();
    let mut months = Vec::new();
    let mut weekday = None;
    let mut year_first = false;
    // A clock glued to the date after it ("09:328/10/2022"): minutes are two digits, the rest
    // is the next number.
    let mut split = Vec::with_capacity(pieces.len() + 1);
    for (k, &p) in pieces.iter().enumerate() {
        match p {
            Piece::Num(v, d @ 3..=4) if k >= 2 && pieces[k - 1] == Piece::Sep(':') => {
                let tail = 10u32.pow(d as u32 - 2);
                split.push(Piece::Num(v / tail, 2));
                split.push(Piece::Num(v % tail, d - 2));
            }
            p => split.push(p),
        }
    }
    let pieces = &split[..];
    let mut k = 0;
    while k < pieces.len() {
        match pieces[k] {
            Piece::Num(h, _)
                if matches!(pieces.get(k + 1), Some(Piece::Sep(':')))
                    && matches!(pieces.get(k + 2), Some(Piece::Num(m, 2)) if *m < 60)
                    && h < 25 =>
            {
                k += 3;
                continue;
            }
            Piece::Num(v, d) => {
                if d == 4 && nums.is_empty() && months.is_empty() {
                    year_first = true;
                }
                nums.push((v, d));
            }
            Piece::Month(m) => months.push(m),
            Piece::Weekday(w) => weekday = weekday.or(Some(w)),
            Piece::Sep(_) | Piece::Filler => {}
        }
        k += 1;
    }
    let years: Vec<i32> = nums
        .iter()
        .filter(|(v, d)| *d == 4 && (1900..=today.year() as u32).contains(v))
        .map(|(v, _)| *v as i32)
        .collect();
    let small: Vec<u32> = nums
        .iter()
        .filter(|(v, d)| *d <= 2 && (1..=31).contains(v))
        .map(|(v, _)| *v)
        .collect();
    if years.len() > 1 || months.iter().any(|m| Some(m) != months.first()) {
        return None;
    }
    let (day, month) = match (months.first(), small.as_slice()) {
        (Some(&m), [d]) => (*d, m),
        (None, [a, b]) => {
            let (d, m) = if year_first || !day_first {
                (*b, *a)
            } else {
                (*a, *b)
            };
            if m <= 12 { (d, m) } else { (m, d) }
        }
        _ => return None,
    };
    if month > 12 {
        return None;
    }
    match years.first() {
        Some(&y) => Some(Day::Full(NaiveDate::from_ymd_opt(y, month, day)?, weekday)),
        None => {
            NaiveDate::from_ymd_opt(2000, month, day)?;
            Some(Day::DayMonth(day, month, weekday))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Weighing.

fn from_claims(claims: &[Claim], weekday: &TodayWeekday) -> Option<Anchor> {
    let w = weekday.chosen();
    let mut counts: rustc_hash::FxHashMap<NaiveDate, usize> = Default::default();
    for c in claims {
        *counts.entry(c.date).or_default() += 1;
    }
    let support = |d: NaiveDate| counts.get(&d).copied().unwrap_or(0);
    // Rank: agrees with today's weekday, most clues, read without guessing, dateline, first.
    let best = claims.iter().enumerate().max_by_key(|(k, c)| {
        (
            w.is_none_or(|w| w == c.date.weekday()),
            support(c.date),
            c.sure,
            c.weak.is_none(),
            c.rank,
            usize::MAX - k,
        )
    })?;
    let best = best.1;
    let mut reason = best.clue.clone();
    let mut shown = 1;
    for c in claims.iter().filter(|c| c.date == best.date) {
        if shown < SHOWN && c.clue != best.clue && !reason.contains(&c.clue) {
            reason.push_str(&format!("; {}", c.clue));
            shown += 1;
        }
    }
    let mut doubts = Vec::new();
    // A weak clue for another day (a headline's date) does not shake a strong one.
    let others: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.date != best.date && (c.weak.is_none() || best.weak.is_some()))
        .collect();
    for c in others.iter().take(SHOWN) {
        doubts.push(format!("{} (another day)", c.clue));
    }
    if others.len() > SHOWN {
        doubts.push(format!(
            "and {} more clues for other days",
            others.len() - SHOWN
        ));
    }
    if !best.sure {
        doubts.push("its year or day is not written out".into());
    }
    let agreeing = claims
        .iter()
        .any(|c| c.date == best.date && c.rank != best.rank);
    let weekday_agrees = best.rank > 0 && w == Some(best.date.weekday());
    if let Some(why) = &best.weak
        && !agreeing
        && !weekday_agrees
    {
        doubts.push(why.clone());
    }
    if let Some(d) = weekday.dissent() {
        doubts.push(d);
    }
    let mut date = best.date;
    if let Some(w) = w {
        if date.weekday() == w {
            reason.push_str(&format!("; the weekday agrees: {}", weekday.is_a(w)));
        } else {
            let a = nearest(date, w);
            doubts.push(format!(
                "{}, not a {}; the nearest {} is taken, {}",
                weekday.is_a(w),
                weekday_name(date.weekday()),
                weekday_name(w),
                day_name(a)
            ));
            date = a;
        }
    }
    Some(finish(date, reason, doubts))
}

/// The day with weekday `w` nearest `d` (at most three days away).
fn nearest(d: NaiveDate, w: Weekday) -> NaiveDate {
    let ahead = days_until(d, w);
    add_days(d, if ahead <= MAX_SHIFT { ahead } else { ahead - 7 })
}

fn finish(date: NaiveDate, reason: String, doubts: Vec<String>) -> Anchor {
    let uncertain = !doubts.is_empty();
    let reason = if uncertain {
        format!("{reason}; uncertain: {}", doubts.join("; "))
    } else {
        reason
    };
    Anchor {
        date: Some(date),
        basis: AnchorBasis::Inferred,
        uncertain,
        reason,
    }
}

/// An event date as a hint to the article's day.
struct Event {
    date: NaiveDate,
    ahead: bool,
    sure: bool,
    /// The year is written with the date (not completed).
    written_year: bool,
    written_weekday_agrees: bool,
    clue: String,
}

fn from_events(
    text: &str,
    found: &[(usize, Found)],
    today: NaiveDate,
    years: &[i32],
    weekday: &TodayWeekday,
) -> Option<Anchor> {
    let w = weekday.chosen();
    let mut events = Vec::new();
    for (_, f) in found {
        let Some(day) = day_of(&f.expr) else { continue };
        let ahead = points_ahead(f, core(&f.expr));
        let q = quote(text, f.start, f.end);
        match day {
            Day::Full(d, written) => events.push(Event {
                date: d,
                ahead,
                sure: true,
                written_year: true,
                written_weekday_agrees: written == Some(d.weekday()),
                clue: format!("the text gives the full date {} ({q})", day_name(d)),
            }),
            Day::DayMonth(dd, m, Some(ww)) => {
                let Some(c) = complete(dd, m, Some(ww), years, today) else {
                    continue;
                };
                events.push(Event {
                    date: c.date,
                    ahead,
                    sure: c.sure,
                    written_year: false,
                    written_weekday_agrees: true,
                    clue: format!(
                        "{q} fixes {} {dd} {}; {}",
                        weekday_name(ww),
                        month_name(m),
                        c.how
                    ),
                });
            }
            Day::DayMonth(..) => {}
        }
    }
    events.retain(|e| e.date <= today && (!e.ahead || w.is_some()));
    let best = events.iter().enumerate().max_by_key(|(k, e)| {
        (
            !e.ahead,
            w.is_some_and(|w| w == e.date.weekday()),
            // A date written with its weekday is the text's own framing of it; then a year
            // written out beats one completed.
            e.written_weekday_agrees,
            e.written_year,
            e.sure,
            e.date,
            usize::MAX - k,
        )
    })?;
    let e = best.1;
    let mut doubts = Vec::new();
    let mut reason = e.clue.clone();
    let mut date = e.date;
    match w {
        Some(w) if e.ahead => {
            // The text puts that date ahead: the article is on the weekday before it.
            let back = match days_until(date, w) {
                0 => 7,
                k => 7 - k,
            };
            date = add_days(date, -back);
            doubts.push(format!(
                "that date lies ahead in the text, and {}: the {} before it is taken, {}",
                weekday.is_a(w),
                weekday_name(w),
                day_name(date)
            ));
        }
        Some(w) if date.weekday() == w => {
            reason.push_str(&format!("; that is the article's weekday: {}", weekday.is_a(w)));
            // Any date falls on the right weekday once in seven: trust it only as the latest
            // thing the text dates, in the latest year it names.
            let latest = events.iter().filter(|x| !x.ahead).map(|x| x.date).max();
            if latest != Some(date) || years.last() != Some(&date.year()) {
                doubts.push(
                    "a date on today's weekday may be an earlier week's, and this is not the latest thing the text dates in the latest year it names".into(),
                );
            }
        }
        Some(w) => {
            let a = nearest(date, w);
            doubts.push(format!(
                "that is an event's date, not the article's: {}, and the nearest one is {}",
                weekday.is_a(w),
                day_name(a)
            ));
            date = a;
        }
        None => doubts.push(
            "the text says nothing of its own day, so the date of something it reports is taken (a written year first, then the latest)".into(),
        ),
    }
    if !e.sure {
        doubts.push("its year is not written".into());
    }
    if let Some(d) = weekday.dissent() {
        doubts.push(d);
    }
    Some(finish(date, reason, doubts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_of_two_small_numbers_reads_in_the_languages_order() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let pieces = [
            Piece::Num(6, 1),
            Piece::Sep('/'),
            Piece::Num(1, 1),
            Piece::Sep('/'),
            Piece::Num(2022, 4),
        ];
        let jan6 = NaiveDate::from_ymd_opt(2022, 1, 6).unwrap();
        let jun1 = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
        assert_eq!(
            read_cluster(&pieces, today, true),
            Some(Day::Full(jan6, None))
        );
        assert_eq!(
            read_cluster(&pieces, today, false),
            Some(Day::Full(jun1, None))
        );
        // A year first is always followed by the month.
        let year_first = [
            Piece::Num(2022, 4),
            Piece::Sep('-'),
            Piece::Num(1, 2),
            Piece::Sep('-'),
            Piece::Num(6, 2),
        ];
        for day_first in [true, false] {
            assert_eq!(
                read_cluster(&year_first, today, day_first),
                Some(Day::Full(jan6, None))
            );
        }
    }
}
