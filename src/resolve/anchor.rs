//! Inferring a news article's own date from its text.
//!
//! In order of trust (see the reference, "Anchoring a news article"): a full date whose written
//! weekday agrees with it; a full date in the dateline (the first sentences); a weekday written
//! next to a day and month, completed with the first year from the latest year the text names on
//! in which that day falls on that weekday; the latest full date in the text. Never a day after
//! today.

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{day_name, month_name, weekday_name};
use crate::lang::expr::{Expr, Found};
use crate::timeline::model::{Anchor, AnchorBasis};

/// How many sentences from the top count as the dateline.
const DATELINE_SENTENCES: usize = 2;
/// How far past the latest named year a weekday-and-day-month may be completed.
const YEAR_SEARCH: i32 = 40;

/// Infers the anchor from the expressions found (with their sentence indexes).
pub fn infer(text: &str, found: &[(usize, Found)], today: NaiveDate) -> Anchor {
    let full: Vec<(usize, &Found, NaiveDate, Option<Weekday>)> = found
        .iter()
        .filter_map(|(s, f)| {
            let (date, weekday) = full_date(&f.expr)?;
            (date <= today).then_some((*s, f, date, weekday))
        })
        .collect();
    if let Some((_, _, d, _)) = full.iter().find(|(_, _, d, w)| *w == Some(d.weekday())) {
        return inferred(*d, format!("the text gives the full date {}", day_name(*d)));
    }
    if let Some((_, _, d, _)) = full.iter().find(|(s, ..)| *s < DATELINE_SENTENCES) {
        return inferred(*d, format!("the dateline gives {}", day_name(*d)));
    }
    if let Some(a) = from_weekday_and_day(text, found, today) {
        return a;
    }
    if let Some((_, _, d, _)) = full.iter().max_by_key(|(_, _, d, _)| *d) {
        return inferred(
            *d,
            format!("the latest full date the text gives is {}", day_name(*d)),
        );
    }
    Anchor {
        date: None,
        basis: AnchorBasis::None,
        reason: "the text gives no date to anchor it; relative dates stay unresolved (set one with --anchor)".into(),
    }
}

/// A date written in full (with its year), in either calendar, and the weekday beside it.
fn full_date(e: &Expr) -> Option<(NaiveDate, Option<Weekday>)> {
    match *e {
        Expr::Date {
            day: Some(d),
            month,
            year: Some(y),
            weekday,
            ..
        } => Some((NaiveDate::from_ymd_opt(y, month, d)?, weekday)),
        Expr::Hijri {
            day: Some(d),
            month,
            year: Some(y),
            ..
        } => Some((super::hijri::to_gregorian(y, month, d)?, None)),
        Expr::Paired(_, ref g) => full_date(g),
        _ => None,
    }
}

fn inferred(date: NaiveDate, reason: String) -> Anchor {
    Anchor {
        date: Some(date),
        basis: AnchorBasis::Inferred,
        reason,
    }
}

/// The latest year the text names (years, ranges, full dates), never after today.
fn latest_named_year(found: &[(usize, Found)], today: NaiveDate) -> Option<i32> {
    found
        .iter()
        .filter_map(|(_, f)| match f.expr {
            Expr::Year(y) | Expr::SinceYear(y) => Some(y),
            Expr::YearRange(_, b) => Some(b),
            Expr::Date { year: Some(y), .. } => Some(y),
            _ => None,
        })
        .filter(|&y| y <= today.year())
        .max()
}

fn from_weekday_and_day(text: &str, found: &[(usize, Found)], today: NaiveDate) -> Option<Anchor> {
    let floor = latest_named_year(found, today);
    for (_, f) in found {
        let Expr::Date {
            day: Some(day),
            month,
            year: None,
            weekday: Some(w),
            ..
        } = f.expr
        else {
            continue;
        };
        let fits = |y: i32| {
            NaiveDate::from_ymd_opt(y, month, day).filter(|d| d.weekday() == w && *d <= today)
        };
        let said = format!("{} {day} {}", weekday_name(w), month_name(month));
        let quote = format!("'{}'", text.get(f.start..f.end).unwrap_or_default());
        let solved = match floor {
            Some(floor) => (floor..=floor + YEAR_SEARCH).find_map(fits).map(|d| {
                let reason = format!(
                    "{quote} fixes {said}; the latest year the text names is {floor}, and the first year from {floor} on in which {day} {} is a {} is {}",
                    month_name(month),
                    weekday_name(w),
                    d.year()
                );
                (d, reason)
            }),
            None => (1900..=today.year()).rev().find_map(fits).map(|d| {
                let reason = format!(
                    "{quote} fixes {said}; the text names no year, so the most recent year up to today in which it falls on a {} is taken, {}",
                    weekday_name(w),
                    d.year()
                );
                (d, reason)
            }),
        };
        if let Some((d, reason)) = solved {
            return Some(match anchor_weekday(text, found) {
                Some((aw, said)) if aw != d.weekday() => {
                    // "أمس الثلاثاء" puts the article on a Wednesday: take the Wednesday
                    // nearest the dated day (a dated Thursday is then usually tomorrow).
                    let ahead = super::calendar::days_until(d, aw);
                    let shift = if ahead <= 3 { ahead } else { ahead - 7 };
                    let a = super::calendar::add_days(d, shift);
                    inferred(
                        a,
                        format!(
                            "{reason}; {said} puts the article on a {}, and the nearest one is {}",
                            weekday_name(aw),
                            day_name(a)
                        ),
                    )
                }
                _ => inferred(d, reason),
            });
        }
    }
    None
}

/// The article's own weekday, when a relative day is written with its weekday
/// ("أمس الثلاثاء" means the article's day is a Wednesday): (weekday, quoted text).
fn anchor_weekday(text: &str, found: &[(usize, Found)]) -> Option<(Weekday, String)> {
    fn named(e: &Expr) -> Option<(i32, Weekday)> {
        match e {
            Expr::RelDayOn { n, weekday } => Some((*n, *weekday)),
            Expr::DayPart(_, day) => named(day),
            Expr::Time { day: Some(day), .. } => named(day),
            _ => None,
        }
    }
    found.iter().find_map(|(_, f)| {
        let (n, weekday) = named(&f.expr)?;
        let back = (weekday.num_days_from_monday() as i64 - n as i64).rem_euclid(7);
        let w = Weekday::try_from(back as u8).ok()?;
        Some((
            w,
            format!("'{}'", text.get(f.start..f.end).unwrap_or_default()),
        ))
    })
}
