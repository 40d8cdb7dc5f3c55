//! Resolution of periods: weeks, months and years relative to the anchor, offsets of N units,
//! parts of periods, decades, centuries, seasons, Hijri dates, occasions and ordinal weekdays.

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::iso_day;
use super::calendar::{
    add_days, anchor_name, iso_week_value, month_end, month_name, week_first, week_value,
    week_words, weekday_name,
};
use super::{Context, Prefer, Resolution, Strength, hijri, one_day, span, unresolved};
use crate::lang::expr::{CivilDay, MonthRef, Occasion, Part, Rel, Season, Unit};
use crate::model::{EventDate, MentionKind, Modifier, Precision};

/// A whole calendar month as an event date.
fn month_date(y: i32, m: u32, reason: String) -> Option<EventDate> {
    let s = NaiveDate::from_ymd_opt(y, m, 1)?;
    Some(span(
        s,
        month_end(y, m)?,
        format!("{y:04}-{m:02}"),
        Precision::Month,
        reason,
    ))
}

/// A whole calendar year as an event date.
fn year_date(y: i32, reason: String) -> Option<EventDate> {
    Some(span(
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
        format!("{y:04}"),
        Precision::Year,
        reason,
    ))
}

/// The seven days from `first`, a week's first day.
fn week_date(first: NaiveDate, reason: String) -> EventDate {
    span(
        first,
        add_days(first, 6),
        week_value(first),
        Precision::Week,
        reason,
    )
}

/// `(year, month)` moved by `n` months.
fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let total = y * 12 + (m as i32 - 1) + n;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

fn rel_shift(rel: Rel) -> i32 {
    match rel {
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::This => 0,
    }
}

fn rel_words(rel: Rel) -> &'static str {
    match rel {
        Rel::Last => "before",
        Rel::Next => "after",
        Rel::This => "containing",
    }
}

/// "الأسبوع الماضي", "الشهر المقبل", "هذا العام", "القرن الماضي".
pub(super) fn rel_unit(unit: Unit, rel: Rel, a: NaiveDate, week: Weekday) -> Option<EventDate> {
    let n = rel_shift(rel);
    let which = rel_words(rel);
    let anchor = anchor_name(a);
    match unit {
        Unit::Week => {
            let first = add_days(week_first(a, week), 7 * n as i64);
            let words = week_words(week);
            let reason = if rel == Rel::This {
                format!("the anchor's {words}, {anchor}")
            } else {
                format!("the {words} {which} the anchor's, {anchor}")
            };
            Some(week_date(first, reason))
        }
        Unit::Month => {
            let (y, m) = add_months(a.year(), a.month(), n);
            month_date(y, m, format!("the month {which} the anchor's, {anchor}"))
        }
        Unit::Year => year_date(
            a.year() + n,
            format!("the year {which} the anchor's, {anchor}"),
        ),
        Unit::Century => {
            let c = (a.year() - 1).div_euclid(100) + 1 + n;
            century(c)
        }
        _ => None,
    }
}

/// "15 من الشهر الجاري": that day of the anchor's month, or of the one before or after.
pub(super) fn day_of_month(day: u32, rel: Rel, a: NaiveDate) -> Option<EventDate> {
    let (y, m) = add_months(a.year(), a.month(), rel_shift(rel));
    let d = NaiveDate::from_ymd_opt(y, m, day)?;
    Some(one_day(
        d,
        format!(
            "day {day} of the month {} the anchor's, {}",
            rel_words(rel),
            anchor_name(a)
        ),
    ))
}

/// N units from `base`: the day, week, month or year that lands there.
pub(super) fn offset(
    n: i32,
    unit: Unit,
    base: NaiveDate,
    from: &str,
    week: Weekday,
) -> Option<EventDate> {
    let count = n.unsigned_abs();
    let dir = if n < 0 { "before" } else { "after" };
    let unit_name = match unit {
        Unit::Minute => "minute",
        Unit::Hour => "hour",
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Month => "month",
        Unit::Year => "year",
        Unit::Decade => "decade",
        Unit::Century => "century",
    };
    let plural = if count == 1 { "" } else { "s" };
    let reason = if count == 0 {
        format!("the same {unit_name} as {from}")
    } else {
        format!("{count} {unit_name}{plural} {dir} {from}")
    };
    let mut date = match unit {
        Unit::Minute | Unit::Hour => one_day(base, reason),
        Unit::Day => one_day(add_days(base, n as i64), reason),
        Unit::Week => week_date(add_days(week_first(base, week), 7 * n as i64), reason),
        Unit::Month => {
            let (y, m) = add_months(base.year(), base.month(), n);
            month_date(y, m, reason)?
        }
        Unit::Year => year_date(base.year() + n, reason)?,
        Unit::Decade => year_date(base.year() + 10 * n, reason)?,
        Unit::Century => year_date(base.year() + 100 * n, reason)?,
    };
    date.approximate = matches!(unit, Unit::Decade | Unit::Century);
    Some(date)
}

/// How many whole calendar months `s..=e` covers, or 0 when it does not run from a first of
/// the month to a last.
fn whole_months(s: NaiveDate, e: NaiveDate) -> i32 {
    let ends_month = e.succ_opt().is_some_and(|n| n.day() == 1);
    if s.day() != 1 || !ends_month {
        return 0;
    }
    (e.year() * 12 + e.month() as i32) - (s.year() * 12 + s.month() as i32) + 1
}

/// The early, middle or late third of a resolved period.
pub(super) fn part(p: Part, inner: EventDate) -> Option<EventDate> {
    let (s, e) = (inner.start?, inner.end?);
    let (from, to) = match inner.precision {
        Precision::Month if s.month() == e.month() && s.year() == e.year() => {
            let (y, m) = (s.year(), s.month());
            let last = e.day();
            let (a, b) = match p {
                Part::Early => (1, 10),
                Part::Mid => (11, 20),
                Part::Late => (21, last),
            };
            (
                NaiveDate::from_ymd_opt(y, m, a)?,
                NaiveDate::from_ymd_opt(y, m, b)?,
            )
        }
        _ if whole_months(s, e) > 0 && whole_months(s, e) % 3 == 0 => {
            // A year, a half, a quarter: thirds by whole months (a year's are January–April,
            // May–August, September–December).
            let third = whole_months(s, e) / 3;
            let k = match p {
                Part::Early => 0,
                Part::Mid => 1,
                Part::Late => 2,
            };
            let (fy, fm) = add_months(s.year(), s.month(), k * third);
            let (ly, lm) = add_months(fy, fm, third - 1);
            (NaiveDate::from_ymd_opt(fy, fm, 1)?, month_end(ly, lm)?)
        }
        _ => {
            // Decades, centuries, ranges: split the span in thirds.
            let days = (e - s).num_days();
            let third = days / 3;
            match p {
                Part::Early => (s, add_days(s, third)),
                Part::Mid => (add_days(s, third + 1), add_days(s, 2 * third)),
                Part::Late => (add_days(s, 2 * third + 1), e),
            }
        }
    };
    let which = match p {
        Part::Early => "the early part",
        Part::Mid => "the middle",
        Part::Late => "the late part",
    };
    let mut date = span(
        from,
        to,
        inner.value.clone(),
        inner.precision,
        format!("{which} of {}; {}", inner.value, inner.reason),
    );
    date.approximate = true;
    date.modifier = Some(match p {
        Part::Early => Modifier::Start,
        Part::Mid => Modifier::Mid,
        Part::Late => Modifier::End,
    });
    Some(date)
}

/// The n-th quarter or half of a resolved year: "2022-Q3", "2023-H1".
pub(super) fn fraction(n: u32, parts: u32, year: EventDate) -> Option<EventDate> {
    let y = year.start?.year();
    let months = 12 / parts;
    let (first, last) = ((n - 1) * months + 1, n * months);
    let code = if parts == 4 { "Q" } else { "H" };
    let which = if parts == 4 { "quarter" } else { "half" };
    Some(span(
        NaiveDate::from_ymd_opt(y, first, 1)?,
        month_end(y, last)?,
        format!("{y:04}-{code}{n}"),
        Precision::Month,
        format!(
            "{which} {n} of {y}: {} to {}; {}",
            month_name(first),
            month_name(last),
            year.reason
        ),
    ))
}

/// A decade from its first year: "199" for the 1990s.
pub(super) fn decade(start: i32) -> Option<EventDate> {
    Some(span(
        NaiveDate::from_ymd_opt(start, 1, 1)?,
        NaiveDate::from_ymd_opt(start + 9, 12, 31)?,
        format!("{:03}", start.div_euclid(10)),
        Precision::Decade,
        format!("the decade {start}–{}", start + 9),
    ))
}

/// A century by number as people count it: the 20th is 1900–1999.
pub(super) fn century(n: i32) -> Option<EventDate> {
    let start = (n - 1) * 100;
    Some(span(
        NaiveDate::from_ymd_opt(start, 1, 1)?,
        NaiveDate::from_ymd_opt(start + 99, 12, 31)?,
        format!("{:02}", n - 1),
        Precision::Century,
        format!(
            "century {n}, the years {start}–{} as news counts them",
            start + 99
        ),
    ))
}

/// The span of a season in the year `y` (a winter starts in December of `y`).
fn season_span(season: Season, y: i32) -> Option<(NaiveDate, NaiveDate)> {
    let (sy, sm, ey, em) = match season {
        Season::Spring => (y, 3, y, 5),
        Season::Summer => (y, 6, y, 8),
        Season::Autumn => (y, 9, y, 11),
        Season::Winter => (y, 12, y + 1, 2),
    };
    Some((NaiveDate::from_ymd_opt(sy, sm, 1)?, month_end(ey, em)?))
}

fn season_date(season: Season, y: i32, how: String) -> Option<EventDate> {
    let (s, e) = season_span(season, y)?;
    let code = match season {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Autumn => "FA",
        Season::Winter => "WI",
    };
    let mut date = span(
        s,
        e,
        format!("{y:04}-{code}"),
        Precision::Month,
        format!("{how} (meteorological seasons, northern hemisphere)"),
    );
    date.approximate = true;
    Some(date)
}

/// "صيف 2020", "الشتاء الماضي".
pub(super) fn season(
    season: Season,
    year: Option<i32>,
    rel: Option<Rel>,
    a: Option<NaiveDate>,
) -> Option<EventDate> {
    if let Some(y) = year {
        return season_date(season, y, format!("that season of {y}"));
    }
    let a = a?;
    let years = (a.year() - 2)..=(a.year() + 1);
    let spans = years.filter_map(|y| season_span(season, y).map(|(s, e)| (y, s, e)));
    let pick = match rel? {
        Rel::Last => spans.filter(|(_, _, e)| *e < a).map(|(y, ..)| y).max(),
        Rel::Next => spans.filter(|(_, s, _)| *s > a).map(|(y, ..)| y).min(),
        Rel::This => spans
            .min_by_key(|(_, s, e)| {
                if *s <= a && a <= *e {
                    0
                } else {
                    (*s - a).num_days().abs()
                }
            })
            .map(|(y, ..)| y),
    }?;
    let how = format!(
        "the season {} the anchor, {}",
        rel_words(rel?),
        anchor_name(a)
    );
    season_date(season, pick, how)
}

/// How many days from the anchor an occasion is "this one" whatever the tense.
const AROUND: i64 = 7;

/// Chooses among candidate days the one the text means, relative to the anchor: by its
/// modifier; else the way the sentence's tense points; else the one nearest the anchor
/// (`--prefer` breaking a tie).
fn choose(
    cands: &[NaiveDate],
    a: NaiveDate,
    rel: Option<Rel>,
    cx: &Context,
) -> Option<(NaiveDate, &'static str)> {
    let before = || cands.iter().copied().filter(|d| *d < a).max();
    let after = || cands.iter().copied().filter(|d| *d > a).min();
    // An occasion within a few days of the article is the one it speaks of, whichever way its
    // verb points ("فرحة «الأضحى» تمتد ليوم غد", three days after the feast).
    // Not against a future marker for one just past, nor against an event verb in the past
    // for one just ahead ("احتفل المسلمون بعيد الأضحى" three days before it is last year's).
    let strength = cx.told.map(|t| t.strength);
    if rel.is_none()
        && let Some(d) = cands
            .iter()
            .copied()
            .filter(|d| (*d - a).num_days().abs() <= AROUND)
            .min_by_key(|d| (*d - a).num_days().abs())
    {
        let against = match (d < a, cx.prefer) {
            (true, Prefer::Future) => strength == Some(Strength::Marker),
            (false, Prefer::Past) => strength >= Some(Strength::Strong),
            _ => false,
        };
        if !against {
            return Some((d, "the one within days of the anchor"));
        }
    }
    match (rel, cx.told.is_some(), cx.prefer) {
        (Some(Rel::Last), ..) => before().map(|d| (d, "the last one before the anchor")),
        (Some(Rel::Next), ..) => after().map(|d| (d, "the next one after the anchor")),
        (Some(Rel::This), ..) => cands
            .iter()
            .copied()
            .filter(|d| d.year() == a.year())
            .min()
            .map(|d| (d, "the one in the anchor's year")),
        (None, true, Prefer::Past) => cands
            .iter()
            .copied()
            .filter(|d| *d <= a)
            .max()
            .map(|d| (d, "the most recent one on or before the anchor")),
        (None, _, Prefer::Future) => cands
            .iter()
            .copied()
            .filter(|d| *d >= a)
            .min()
            .map(|d| (d, "the next one on or after the anchor")),
        (None, false, Prefer::Past) => cands
            .iter()
            .copied()
            .min_by_key(|d| {
                let dist = (*d - a).num_days();
                (dist.abs(), dist > 0)
            })
            .map(|d| (d, "the one nearest the anchor")),
    }
}

/// Western Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// The days of an occasion falling in Gregorian year `y`.
fn occasion_days(o: Occasion, y: i32) -> Vec<NaiveDate> {
    let fixed = |m, d| NaiveDate::from_ymd_opt(y, m, d).into_iter().collect();
    let hijri_day = |hm: u32, hd: u32| -> Vec<NaiveDate> {
        // A Hijri year is 11 days shorter: one or two occurrences per Gregorian year.
        let Some((hy, ..)) =
            hijri::from_gregorian(NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default())
        else {
            return Vec::new();
        };
        (hy..=hy + 1)
            .filter_map(|hy| hijri::to_gregorian(hy, hm, hd))
            .filter(|d| d.year() == y)
            .collect()
    };
    match o {
        Occasion::NewYear => fixed(1, 1),
        Occasion::Christmas => fixed(12, 25),
        Occasion::LabourDay => fixed(5, 1),
        Occasion::Easter => easter(y).into_iter().collect(),
        Occasion::EidAlFitr => hijri_day(10, 1),
        Occasion::EidAlAdha => hijri_day(12, 10),
        Occasion::HijriNewYear => hijri_day(1, 1),
        Occasion::Mawlid => hijri_day(3, 12),
        Occasion::Arafat => hijri_day(12, 9),
        Occasion::TheFeast => Vec::new(),
        Occasion::Civil(kind, country) => match super::civil::date(kind, country) {
            Some((m, d)) => fixed(m, d),
            None => Vec::new(),
        },
    }
}

/// What an occasion is, in words ("Eid al-Fitr (1 Shawwal)", "Kuwait's national day").
pub(super) fn occasion_name(o: Occasion) -> String {
    let fixed = match o {
        Occasion::Civil(kind @ (CivilDay::LandDay | CivilDay::Nakba), _) => {
            return super::civil::name(kind).to_string();
        }
        Occasion::Civil(kind, Some(c)) => {
            return format!(
                "{}'s {}",
                super::civil::country_name(c),
                super::civil::name(kind)
            );
        }
        Occasion::Civil(kind, None) => {
            return format!(
                "a {} of a country the text does not name",
                super::civil::name(kind)
            );
        }
        Occasion::NewYear => "New Year's Day (1 January)",
        Occasion::Christmas => "Christmas (25 December)",
        Occasion::Easter => "Easter Sunday (Western, Gregorian computus)",
        Occasion::LabourDay => "Labour Day (1 May)",
        Occasion::EidAlFitr => "Eid al-Fitr (1 Shawwal)",
        Occasion::EidAlAdha => "Eid al-Adha (10 Dhu al-Hijja)",
        Occasion::HijriNewYear => "the Hijri New Year (1 Muharram)",
        Occasion::Mawlid => "the Prophet's Birthday (12 Rabi al-Awwal)",
        Occasion::Arafat => "the Day of Arafat (9 Dhu al-Hijja)",
        Occasion::TheFeast => "the Eid the text named last",
    };
    fixed.to_string()
}

fn is_hijri_occasion(o: Occasion) -> bool {
    matches!(
        o,
        Occasion::EidAlFitr
            | Occasion::EidAlAdha
            | Occasion::HijriNewYear
            | Occasion::Mawlid
            | Occasion::Arafat
    )
}

/// The Gregorian days of a Hijri-calendar occasion in Hijri year `hy`.
fn hijri_occasion_day(o: Occasion, hy: i32) -> Option<NaiveDate> {
    let (m, d) = match o {
        Occasion::EidAlFitr => (10, 1),
        Occasion::EidAlAdha => (12, 10),
        Occasion::HijriNewYear => (1, 1),
        Occasion::Mawlid => (3, 12),
        Occasion::Arafat => (12, 9),
        _ => return None,
    };
    hijri::to_gregorian(hy, m, d)
}

/// The month (of the anchor's year or a neighbour) whose middle is nearest the anchor.
pub(super) fn nearest_month(month: u32, a: NaiveDate) -> Option<EventDate> {
    let y = ((a.year() - 1)..=(a.year() + 1)).min_by_key(|&y| {
        NaiveDate::from_ymd_opt(y, month, 15).map_or(i64::MAX, |m| (m - a).num_days().abs())
    })?;
    month_date(
        y,
        month,
        format!(
            "{} of the year nearest the anchor, {}",
            month_name(month),
            anchor_name(a)
        ),
    )
}

/// "عيد الأضحى", "عيد الميلاد 2019", "رأس السنة", "عيد الفطر 1441 هـ".
pub(super) fn occasion(
    o: Occasion,
    year: Option<i32>,
    hijri_year: bool,
    rel: Option<Rel>,
    cx: &Context,
) -> Option<EventDate> {
    let name = occasion_name(o);
    let hijri_note = if is_hijri_occasion(o) {
        format!("; {}", hijri::CONVENTION)
    } else {
        String::new()
    };
    let (d, how) = match (year, cx.anchor) {
        (Some(y), _) if hijri_year && is_hijri_occasion(o) => {
            (hijri_occasion_day(o, y)?, format!("in {y} AH"))
        }
        (Some(y), _) => (*occasion_days(o, y).first()?, format!("in {y}")),
        (None, Some(a)) => {
            let cands: Vec<NaiveDate> = ((a.year() - 1)..=(a.year() + 1))
                .flat_map(|y| occasion_days(o, y))
                .collect();
            let (d, how) = choose(&cands, a, rel, cx)?;
            (d, format!("{how}, {}", anchor_name(a)))
        }
        (None, None) => return None,
    };
    let mut date = one_day(d, format!("{name}, {how}{hijri_note}"));
    date.uncertain = is_hijri_occasion(o);
    Some(date)
}

/// A Hijri day or month, with or without its year.
pub(super) fn hijri_date(
    day: Option<u32>,
    month: u32,
    year: Option<i32>,
    rel: Option<Rel>,
    cx: &Context,
) -> Option<EventDate> {
    let name = hijri::month_name(month);
    let conv = hijri::CONVENTION;
    let whole = |hy: i32, how: String| -> Option<EventDate> {
        let (s, e) = hijri::month_span(hy, month)?;
        Some(span(
            s,
            e,
            format!("{}/{}", iso_day(s), iso_day(e)),
            Precision::Month,
            format!("{name} {hy} AH{how}; {conv}"),
        ))
    };
    let mut date = match (day, year) {
        (Some(d), Some(hy)) => {
            let g = hijri::to_gregorian(hy, month, d)?;
            one_day(g, format!("{d} {name} {hy} AH; {conv}"))
        }
        (None, Some(hy)) => whole(hy, String::new())?,
        (_, None) => {
            let a = cx.anchor?;
            let (ay, ..) = hijri::from_gregorian(a)?;
            match day {
                Some(d) => {
                    let cands: Vec<NaiveDate> = ((ay - 1)..=(ay + 1))
                        .filter_map(|hy| hijri::to_gregorian(hy, month, d))
                        .collect();
                    let (g, how) = choose(&cands, a, rel, cx)?;
                    one_day(g, format!("{d} {name}: {how}, {}; {conv}", anchor_name(a)))
                }
                None => {
                    let spans: Vec<(i32, NaiveDate, NaiveDate)> = ((ay - 1)..=(ay + 1))
                        .filter_map(|hy| hijri::month_span(hy, month).map(|(s, e)| (hy, s, e)))
                        .collect();
                    // By its modifier, else the sentence's tense, else the month nearest
                    // the anchor (the one it falls in, or the closer neighbour).
                    let distance = |&&(_, s, e): &&(i32, NaiveDate, NaiveDate)| {
                        if s <= a && a <= e {
                            0
                        } else {
                            (s - a).num_days().abs().min((e - a).num_days().abs())
                        }
                    };
                    let pick = match (rel, cx.told.is_some(), cx.prefer) {
                        (Some(Rel::Last), ..) => {
                            spans.iter().filter(|(_, _, e)| *e < a).max_by_key(|x| x.1)
                        }
                        (Some(Rel::Next), ..) => {
                            spans.iter().filter(|(_, s, _)| *s > a).min_by_key(|x| x.1)
                        }
                        (None, _, Prefer::Future) => {
                            spans.iter().filter(|(_, _, e)| *e >= a).min_by_key(|x| x.1)
                        }
                        (Some(Rel::This), ..) => spans.iter().find(|(hy, ..)| *hy == ay),
                        (None, true, Prefer::Past) => {
                            spans.iter().filter(|(_, s, _)| *s <= a).max_by_key(|x| x.1)
                        }
                        (None, false, Prefer::Past) => spans.iter().min_by_key(distance),
                    }?;
                    whole(
                        pick.0,
                        format!(", chosen relative to the anchor, {}", anchor_name(a)),
                    )?
                }
            }
        }
    };
    date.uncertain = true;
    Some(date)
}

/// A whole Hijri year.
pub(super) fn hijri_year(hy: i32) -> Option<EventDate> {
    let s = hijri::to_gregorian(hy, 1, 1)?;
    let e = hijri::to_gregorian(hy + 1, 1, 1)?.pred_opt()?;
    let mut date = span(
        s,
        e,
        format!("{}/{}", iso_day(s), iso_day(e)),
        Precision::Year,
        format!("the Hijri year {hy} AH; {}", hijri::CONVENTION),
    );
    date.uncertain = true;
    Some(date)
}

/// The n-th (or last, n = -1) weekday within a span of days.
fn nth_in(s: NaiveDate, e: NaiveDate, n: i32, w: Weekday) -> Option<NaiveDate> {
    let days: Vec<NaiveDate> = s
        .iter_days()
        .take_while(|d| *d <= e)
        .filter(|d| d.weekday() == w)
        .collect();
    if n < 0 {
        days.last().copied()
    } else {
        days.get((n - 1) as usize).copied()
    }
}

/// "ثاني أربعاء من أكتوبر", "آخر جمعة من رمضان".
pub(super) fn nth_weekday(
    n: i32,
    w: Weekday,
    month: MonthRef,
    year: Option<i32>,
    cx: &Context,
) -> Option<EventDate> {
    let which = match n {
        -1 => "last".to_string(),
        1 => "first".to_string(),
        2 => "second".to_string(),
        3 => "third".to_string(),
        k => format!("{k}th"),
    };
    let in_year = |y: i32| -> Option<NaiveDate> {
        let (s, e) = match month {
            MonthRef::Gregorian(m) => (NaiveDate::from_ymd_opt(y, m, 1)?, month_end(y, m)?),
            MonthRef::Hijri(m) => hijri::month_span(y, m)?,
        };
        nth_in(s, e, n, w)
    };
    let (mname, cal) = match month {
        MonthRef::Gregorian(m) => (month_name(m).to_string(), String::new()),
        MonthRef::Hijri(m) => (
            hijri::month_name(m).to_string(),
            format!("; {}", hijri::CONVENTION),
        ),
    };
    let (d, how) = match (year, cx.anchor) {
        (Some(y), _) => (in_year(y)?, format!("{y}")),
        (None, Some(a)) => {
            let base = match month {
                MonthRef::Gregorian(_) => a.year(),
                MonthRef::Hijri(_) => hijri::from_gregorian(a)?.0,
            };
            let cands: Vec<NaiveDate> = ((base - 1)..=(base + 1)).filter_map(in_year).collect();
            let (d, how) = choose(&cands, a, None, cx)?;
            (d, format!("{how}, {}", anchor_name(a)))
        }
        (None, None) => return None,
    };
    let mut date = one_day(
        d,
        format!("the {which} {} of {mname}, {how}{cal}", weekday_name(w)),
    );
    date.uncertain = matches!(month, MonthRef::Hijri(_));
    Some(date)
}

/// Resolves the parts of a range and joins them.
pub(super) fn range(a: EventDate, b: EventDate) -> Option<EventDate> {
    let (s1, e1, s2, e2) = (a.start?, a.end?, b.start?, b.end?);
    let (start, end) = (s1.min(s2), e1.max(e2));
    let mut date = span(
        start,
        end,
        format!("{}/{}", a.value, b.value),
        a.precision.min(b.precision),
        format!("from {} to {}", a.reason, b.reason),
    );
    date.uncertain = a.uncertain || b.uncertain;
    Some(date)
}

/// A date resolution as a plain event for arms that can fail.
pub(super) fn event(
    kind: MentionKind,
    date: Option<EventDate>,
    fallback_value: &str,
    precision: Precision,
) -> Resolution {
    match date {
        Some(d) => Resolution::event(kind, d),
        None => Resolution::event(kind, unresolved(fallback_value.into(), precision)),
    }
}

/// Expressions placed inside or beside another one: a part of the day on the sentence's day,
/// the n-th day or week of a period, a period moved by n units, a weekday of a given week.
pub(super) fn within(expr: &crate::lang::expr::Expr, cx: &Context) -> Resolution {
    use crate::lang::expr::Expr;
    match expr {
        Expr::DayPartAlone(p) => day_part_alone(*p, cx),
        Expr::Nth { n, unit, of } => {
            let inner = super::resolve_inner(of, cx);
            let date = inner.date.clone().and_then(|d| nth_of(*n, *unit, d));
            placed(date, inner)
        }
        Expr::Shifted { n, unit, of } => {
            let inner = super::resolve_inner(of, cx);
            let date = inner.date.clone().and_then(|d| shifted(*n, *unit, d));
            placed(date, inner)
        }
        Expr::WeekdayIn { weekday, week } => {
            let inner = super::resolve_inner(week, cx);
            let date = inner.date.clone().and_then(|d| weekday_in(*weekday, d));
            placed(date, inner)
        }
        Expr::SchoolYear(rel) => match cx.anchor {
            Some(a) => event(
                MentionKind::Interval,
                school_year(*rel, a),
                "XXXX",
                Precision::Month,
            ),
            None => Resolution::event(
                MentionKind::Interval,
                unresolved("XXXX".into(), Precision::Month),
            ),
        },
        _ => unreachable!("within() is only called for the expressions it places"),
    }
}

/// The school year (1 September to 30 June) containing the anchor, or the one before or after.
fn school_year(rel: Rel, a: NaiveDate) -> Option<EventDate> {
    let first = if a.month() >= 9 {
        a.year()
    } else {
        a.year() - 1
    } + rel_shift(rel);
    let (s, e) = (
        NaiveDate::from_ymd_opt(first, 9, 1)?,
        NaiveDate::from_ymd_opt(first + 1, 6, 30)?,
    );
    let reason = format!(
        "the school year (September to June) {} the anchor's, {}",
        rel_words(rel),
        anchor_name(a)
    );
    Some(span(
        s,
        e,
        format!("{}/{}", iso_day(s), iso_day(e)),
        Precision::Month,
        reason,
    ))
}

/// "ظهراً", "في المساء": the part of the day on the day the sentence gives, or the anchor's.
fn day_part_alone(p: crate::lang::expr::DayPart, cx: &Context) -> Resolution {
    let (d, day_reason) = match super::day_of(None, cx) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let (code, part) = super::part_codes(p);
    // A night runs from its evening into the next morning.
    let end = if p == crate::lang::expr::DayPart::Night {
        super::add_days(d, 1)
    } else {
        d
    };
    let mut date = span(
        d,
        end,
        format!("{}T{code}", iso_day(d)),
        Precision::Day,
        day_reason,
    );
    date.part_of_day = Some(part);
    Resolution::event(MentionKind::Time, date)
}

/// The placed date as an event, or the inner resolution's unresolved form.
fn placed(date: Option<EventDate>, inner: Resolution) -> Resolution {
    match date {
        Some(d) => Resolution {
            warning: inner.warning,
            ..Resolution::event(MentionKind::Date, d)
        },
        None => Resolution {
            kind: MentionKind::Date,
            date: Some(unresolved("XXXX-XX-XX".into(), Precision::Day)),
            ..inner
        },
    }
}

/// Day or week `n` of a resolved period (negative: counted from its last day). A one-day
/// period (a feast's first day) is the start of a run of days ("ثالث أيام العيد").
fn nth_of(n: i32, unit: Unit, of: EventDate) -> Option<EventDate> {
    let (s, e) = (of.start?, of.end?);
    if n == 0 {
        return None;
    }
    let len = match unit {
        Unit::Day => 1,
        Unit::Week => 7,
        _ => return None,
    };
    let (from, to) = if n > 0 {
        let from = add_days(s, (n as i64 - 1) * len);
        (from, add_days(from, len - 1))
    } else {
        let to = add_days(e, (n as i64 + 1) * len);
        (add_days(to, 1 - len), to)
    };
    // Within a period longer than a day, the day must stay inside it.
    if s != e && (from < s || to > e) {
        return None;
    }
    let what = match (unit, n) {
        (Unit::Day, -1) => "the last day".to_string(),
        (Unit::Week, -1) => "the last seven days".to_string(),
        (Unit::Day, n) if n < 0 => format!("day {} from the end", -n),
        (Unit::Week, n) if n < 0 => format!("week {} from the end", -n),
        (Unit::Day, n) => format!("day {n}"),
        (_, n) => format!("week {n} (days {} to {})", 7 * n - 6, 7 * n),
    };
    let reason = format!("{what} of {}", of.reason);
    Some(if from == to {
        one_day(from, reason)
    } else {
        span(
            from,
            to,
            format!("{}/{}", iso_day(from), iso_day(to)),
            Precision::Day,
            reason,
        )
    })
}

/// A resolved date moved by `n` days, weeks, months or years.
fn shifted(n: i32, unit: Unit, of: EventDate) -> Option<EventDate> {
    let (s, e) = (of.start?, of.end?);
    let mv = |d: NaiveDate| -> Option<NaiveDate> {
        match unit {
            Unit::Day => Some(add_days(d, n as i64)),
            Unit::Week => Some(add_days(d, 7 * n as i64)),
            Unit::Month | Unit::Year => {
                let months = if unit == Unit::Year { 12 * n } else { n };
                let (y, m) = add_months(d.year(), d.month(), months);
                let last = month_end(y, m)?.day();
                NaiveDate::from_ymd_opt(y, m, d.day().min(last))
            }
            _ => None,
        }
    };
    let (from, to) = (mv(s)?, mv(e)?);
    // A whole month or year moved stays whole.
    let to = match of.precision {
        Precision::Month => month_end(to.year(), to.month())?,
        _ => to,
    };
    let unit_name = match unit {
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Month => "month",
        _ => "year",
    };
    let reason = format!("one {unit_name} after {}: the one after next", of.reason);
    let value = match of.precision {
        Precision::Week => iso_week_value(from),
        Precision::Month => format!("{:04}-{:02}", from.year(), from.month()),
        Precision::Year => format!("{:04}", from.year()),
        _ if from == to => iso_day(from),
        _ => format!("{}/{}", iso_day(from), iso_day(to)),
    };
    Some(EventDate {
        value,
        start: Some(from),
        end: Some(to),
        reason,
        ..of
    })
}

/// The day of a resolved week that is `w`.
fn weekday_in(w: Weekday, week: EventDate) -> Option<EventDate> {
    let (s, e) = (week.start?, week.end?);
    let d = s
        .iter_days()
        .take_while(|d| *d <= e)
        .find(|d| d.weekday() == w)?;
    Some(one_day(
        d,
        format!("the {} of {}", weekday_name(w), week.reason),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2021), Some(d("2021-04-04")));
        assert_eq!(easter(2022), Some(d("2022-04-17")));
        assert_eq!(easter(2019), Some(d("2019-04-21")));
    }

    #[test]
    fn months_move_across_years() {
        assert_eq!(add_months(2022, 1, -1), (2021, 12));
        assert_eq!(add_months(2022, 1, -13), (2020, 12));
        assert_eq!(add_months(2021, 11, 3), (2022, 2));
    }

    #[test]
    fn thirds_of_a_month_and_a_year() {
        let m = month_date(2021, 12, String::new()).unwrap();
        let late = part(Part::Late, m).unwrap();
        assert_eq!(
            (late.start, late.end),
            (Some(d("2021-12-21")), Some(d("2021-12-31")))
        );
        let y = year_date(2021, String::new()).unwrap();
        let early = part(Part::Early, y).unwrap();
        assert_eq!(
            (early.start, early.end),
            (Some(d("2021-01-01")), Some(d("2021-04-30")))
        );
    }
}
