//! Resolution: the document's anchor, and each expression turned into calendar days with the
//! reasoning in words.

pub mod anchor;
pub mod calendar;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::lang::expr::{Expr, Rel};
use crate::timeline::model::{EventDate, MentionKind, Modifier, PartOfDay, Precision};
use calendar::{
    add_days, anchor_name, day_name, days_until, iso_week_value, month_end, month_name,
    week_monday, weekday_name,
};

/// Which way an expression that could point either way resolves ("Saturday", "in March").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prefer {
    /// The most recent such day: what news reports mean.
    #[default]
    Past,
    /// The next such day: agendas and announcements.
    Future,
}

/// What resolution needs to know about the document.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The anchor day, if known.
    pub anchor: Option<NaiveDate>,
    /// Whether the anchor was inferred (relative dates are then marked uncertain).
    pub inferred: bool,
    /// Which way ambiguous expressions lean.
    pub prefer: Prefer,
}

/// One resolved expression.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// Its TIMEX3 type.
    pub kind: MentionKind,
    /// Its date, or `None` for a mention that is not an event ("now").
    pub date: Option<EventDate>,
    /// A problem an editor should see (a weekday that does not match its date, …).
    pub warning: Option<String>,
    /// Where an unresolved event sorts relative to the unknown anchor, in days.
    pub order_hint: i64,
}

impl Resolution {
    fn event(kind: MentionKind, date: EventDate) -> Self {
        Resolution {
            kind,
            date: Some(date),
            warning: None,
            order_hint: 0,
        }
    }
}

/// `2022-01-06`, formatted by hand: chrono's strftime parser is slow when called per event.
fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// An exact span with a value; the other fields take their plain defaults.
fn span(
    start: NaiveDate,
    end: NaiveDate,
    value: String,
    precision: Precision,
    reason: String,
) -> EventDate {
    EventDate {
        value,
        start: Some(start),
        end: Some(end),
        precision,
        part_of_day: None,
        approximate: false,
        uncertain: false,
        modifier: None,
        reason,
    }
}

fn one_day(d: NaiveDate, reason: String) -> EventDate {
    span(d, d, ymd(d), Precision::Day, reason)
}

fn unresolved(value: String, precision: Precision) -> EventDate {
    EventDate {
        value,
        start: None,
        end: None,
        precision,
        part_of_day: None,
        approximate: false,
        uncertain: true,
        modifier: None,
        reason: "relative to the article's date, which is unknown; set it with --anchor".into(),
    }
}

/// The weekday `w` seen from the anchor: with `rel` strictly before or after it; bare, on or
/// before it (past) or on or after it (future).
fn weekday_from(
    anchor: NaiveDate,
    w: Weekday,
    rel: Option<Rel>,
    prefer: Prefer,
) -> (NaiveDate, String) {
    let ahead = days_until(anchor, w);
    let behind = (7 - ahead) % 7;
    let a = anchor_name(anchor);
    let name = weekday_name(w);
    match (rel, prefer) {
        (Some(Rel::Last), _) => {
            let back = if behind == 0 { 7 } else { behind };
            (
                add_days(anchor, -back),
                format!("the {name} before the anchor, {a}"),
            )
        }
        (Some(Rel::Next), _) => {
            let fwd = if ahead == 0 { 7 } else { ahead };
            (
                add_days(anchor, fwd),
                format!("the {name} after the anchor, {a}"),
            )
        }
        _ if ahead == 0 => (anchor, format!("the anchor day itself, {a}")),
        (Some(Rel::This), _) => {
            let d = add_days(week_monday(anchor), w.num_days_from_monday() as i64);
            (
                d,
                format!("the {name} of the anchor's ISO week (Monday to Sunday), {a}"),
            )
        }
        (None, Prefer::Past) => (
            add_days(anchor, -behind),
            format!("the most recent {name} before the anchor, {a}"),
        ),
        (None, Prefer::Future) => (
            add_days(anchor, ahead),
            format!("the next {name} after the anchor, {a}"),
        ),
    }
}

fn weekday_hint(rel: Option<Rel>, prefer: Prefer) -> i64 {
    match (rel, prefer) {
        (Some(Rel::Last), _) => -4,
        (Some(Rel::Next), _) => 4,
        (Some(Rel::This), _) => 0,
        (None, Prefer::Past) => -3,
        (None, Prefer::Future) => 3,
    }
}

/// The year that puts month/day nearest the anchor (the anchor's, the one before or after).
fn nearest_year(anchor: NaiveDate, month: u32, day: u32, prefer: Prefer) -> Option<NaiveDate> {
    let y = anchor.year();
    let mut best: Option<(i64, NaiveDate)> = None;
    for cand in [y, y - 1, y + 1] {
        let Some(d) = NaiveDate::from_ymd_opt(cand, month, day) else {
            continue;
        };
        let dist = (d - anchor).num_days();
        let tie_break = match prefer {
            Prefer::Past => dist > 0,
            Prefer::Future => dist < 0,
        };
        let key = dist.abs() * 2 + tie_break as i64;
        if best.is_none_or(|(k, _)| key < k) {
            best = Some((key, d));
        }
    }
    best.map(|(_, d)| d)
}

/// Resolves one expression against the document's context.
pub fn resolve(expr: &Expr, cx: &Context) -> Resolution {
    let mut r = resolve_inner(expr, cx);
    if let Some(date) = &mut r.date
        && cx.inferred
        && expr.is_relative()
        && date.start.is_some()
    {
        date.uncertain = true;
    }
    r
}

fn resolve_inner(expr: &Expr, cx: &Context) -> Resolution {
    use MentionKind as K;
    let prefer = cx.prefer;
    match *expr {
        Expr::Present => Resolution {
            kind: K::Present,
            date: None,
            warning: None,
            order_hint: 0,
        },
        Expr::Year(y) => year_span(y, y, format!("the year {y}"), K::Date),
        Expr::YearRange(a, b) => year_span(a, b, format!("the years {a} to {b}"), K::Interval),
        Expr::SinceYear(y) => {
            let start = NaiveDate::from_ymd_opt(y, 1, 1);
            let mut date = match (start, cx.anchor) {
                (Some(s), Some(a)) if s <= a => span(
                    s,
                    a,
                    format!("{y}/{}", ymd(a)),
                    Precision::Year,
                    format!("from the start of {y} up to the anchor, {}", anchor_name(a)),
                ),
                _ => {
                    let mut d = unresolved(format!("{y}/PRESENT_REF"), Precision::Year);
                    d.start = start;
                    d.reason = format!("from {y} up to the article's date, which is unknown");
                    d
                }
            };
            date.modifier = Some(Modifier::After);
            Resolution::event(K::Interval, date)
        }
        Expr::Date {
            day,
            month,
            year,
            weekday,
            rel,
        } => resolve_date(day, month, year, weekday, rel, cx),
        Expr::Weekday { weekday, rel } => match cx.anchor {
            Some(a) => {
                let (d, reason) = weekday_from(a, weekday, rel, prefer);
                let mut date = one_day(d, reason);
                date.uncertain = rel.is_none();
                Resolution::event(K::Date, date)
            }
            None => hinted(
                unresolved(
                    format!("XXXX-WXX-{}", weekday.number_from_monday()),
                    Precision::Day,
                ),
                K::Date,
                weekday_hint(rel, prefer),
            ),
        },
        Expr::Night { weekday, rel, days } => match cx.anchor {
            Some(a) => {
                let (d, reason) = weekday_from(a, weekday, rel, prefer);
                let end = add_days(d, days as i64);
                let mut date = span(
                    d,
                    end,
                    format!("{}TNI", ymd(d)),
                    Precision::Day,
                    format!(
                        "the night from {} into {}; {reason}",
                        weekday_name(weekday),
                        weekday_name(end.weekday())
                    ),
                );
                date.part_of_day = Some(PartOfDay::Night);
                Resolution::event(K::Interval, date)
            }
            None => {
                let mut d = unresolved(
                    format!("XXXX-WXX-{}TNI", weekday.number_from_monday()),
                    Precision::Day,
                );
                d.part_of_day = Some(PartOfDay::Night);
                hinted(d, K::Interval, weekday_hint(rel, prefer))
            }
        },
        Expr::LastNight => night_from_anchor(cx, -1, "the night before the anchor day"),
        Expr::Tonight => night_from_anchor(cx, 0, "the night of the anchor day"),
        Expr::RelDay(n) => match cx.anchor {
            Some(a) => {
                let d = add_days(a, n as i64);
                let what = match n {
                    0 => "the anchor day (today)".to_string(),
                    -1 => "the day before the anchor (yesterday)".to_string(),
                    1 => "the day after the anchor (tomorrow)".to_string(),
                    n if n < 0 => format!("{} days before the anchor", -n),
                    n => format!("{n} days after the anchor"),
                };
                Resolution::event(K::Date, one_day(d, format!("{what}, {}", anchor_name(a))))
            }
            None => hinted(
                unresolved("XXXX-XX-XX".into(), Precision::Day),
                K::Date,
                n as i64,
            ),
        },
        Expr::Week(rel) => match cx.anchor {
            Some(a) => {
                let shift = match rel {
                    Rel::Last => -7,
                    Rel::Next => 7,
                    Rel::This => 0,
                };
                let mon = add_days(week_monday(a), shift);
                let which = match rel {
                    Rel::Last => "the ISO week (Monday to Sunday) before the anchor's",
                    Rel::Next => "the ISO week (Monday to Sunday) after the anchor's",
                    Rel::This => "the anchor's ISO week (Monday to Sunday)",
                };
                Resolution::event(
                    K::Date,
                    span(
                        mon,
                        add_days(mon, 6),
                        iso_week_value(mon),
                        Precision::Week,
                        format!("{which}, {}", anchor_name(a)),
                    ),
                )
            }
            None => hinted(
                unresolved("XXXX-WXX".into(), Precision::Week),
                K::Date,
                weekday_hint(Some(rel), prefer) * 2,
            ),
        },
        Expr::MidWeek(rel) => week_part(cx, rel, WeekPart::Middle),
        Expr::Weekend(rel) => week_part(cx, rel, WeekPart::Weekend),
    }
}

fn hinted(date: EventDate, kind: MentionKind, order_hint: i64) -> Resolution {
    Resolution {
        kind,
        date: Some(date),
        warning: None,
        order_hint,
    }
}

fn year_span(a: i32, b: i32, reason: String, kind: MentionKind) -> Resolution {
    let (Some(s), Some(e)) = (
        NaiveDate::from_ymd_opt(a, 1, 1),
        NaiveDate::from_ymd_opt(b, 12, 31),
    ) else {
        return hinted(unresolved(format!("{a}"), Precision::Year), kind, 0);
    };
    let value = if a == b {
        format!("{a:04}")
    } else {
        format!("{a:04}/{b:04}")
    };
    Resolution::event(kind, span(s, e, value, Precision::Year, reason))
}

fn night_from_anchor(cx: &Context, offset: i64, what: &str) -> Resolution {
    let mut date = match cx.anchor {
        Some(a) => {
            let d = add_days(a, offset);
            span(
                d,
                add_days(d, 1),
                format!("{}TNI", ymd(d)),
                Precision::Day,
                format!("{what}, {}, into the next morning", anchor_name(a)),
            )
        }
        None => unresolved("XXXX-XX-XXTNI".into(), Precision::Day),
    };
    date.part_of_day = Some(PartOfDay::Night);
    hinted(date, MentionKind::Interval, offset)
}

#[derive(Clone, Copy)]
enum WeekPart {
    /// Tuesday–Wednesday.
    Middle,
    /// Friday–Saturday, the weekend in much of the Arab world.
    Weekend,
}

fn week_part(cx: &Context, rel: Option<Rel>, part: WeekPart) -> Resolution {
    let (first, len, value_suffix, words) = match part {
        WeekPart::Middle => (
            Weekday::Tue,
            1,
            "",
            "the middle of the week (Tuesday–Wednesday)",
        ),
        WeekPart::Weekend => (
            Weekday::Fri,
            1,
            "-WE",
            "the weekend (Friday–Saturday, as in much of the Arab world)",
        ),
    };
    let Some(a) = cx.anchor else {
        let d = unresolved(format!("XXXX-WXX{value_suffix}"), Precision::Week);
        return hinted(d, MentionKind::Date, weekday_hint(rel, cx.prefer));
    };
    // The occurrence whose first day is nearest the anchor in the wanted direction.
    let (start, which) = match (rel, cx.prefer) {
        (Some(Rel::Last), _) => {
            let back = match (7 - days_until(a, first)) % 7 {
                0 => 7,
                b => b,
            };
            let mut s = add_days(a, -back);
            if add_days(s, len) >= a {
                s = add_days(s, -7);
            }
            (s, "the last one ended before the anchor")
        }
        (Some(Rel::Next), _) => {
            let fwd = match days_until(a, first) {
                0 => 7,
                f => f,
            };
            (add_days(a, fwd), "the next one after the anchor")
        }
        (Some(Rel::This), _) | (None, Prefer::Past) => {
            let back = (7 - days_until(a, first)) % 7;
            let s = add_days(a, -back);
            if back <= len {
                (s, "the one around the anchor")
            } else {
                (s, "the most recent one before the anchor")
            }
        }
        (None, Prefer::Future) => {
            let back = (7 - days_until(a, first)) % 7;
            if back <= len {
                (add_days(a, -back), "the one around the anchor")
            } else {
                (
                    add_days(a, days_until(a, first)),
                    "the next one after the anchor",
                )
            }
        }
    };
    let end = add_days(start, len);
    let mut date = span(
        start,
        end,
        format!("{}{value_suffix}", iso_week_value(start)),
        Precision::Week,
        format!("{words}: {which}, {}", anchor_name(a)),
    );
    date.approximate = true;
    date.modifier = match part {
        WeekPart::Middle => Some(Modifier::Mid),
        WeekPart::Weekend => Some(Modifier::End),
    };
    Resolution::event(MentionKind::Date, date)
}

fn resolve_date(
    day: Option<u32>,
    month: u32,
    year: Option<i32>,
    weekday: Option<Weekday>,
    rel: Option<Rel>,
    cx: &Context,
) -> Resolution {
    use MentionKind as K;
    let Some(day) = day else {
        return resolve_month(month, year, rel, cx);
    };
    let (d, reason) = match (year, cx.anchor) {
        (Some(y), _) => match NaiveDate::from_ymd_opt(y, month, day) {
            Some(d) => (d, "written in full".to_string()),
            None => return invalid(format!("{day} {} {y}", month_name(month))),
        },
        (None, Some(a)) => match nearest_year(a, month, day, cx.prefer) {
            Some(d) => {
                let whose = if d.year() == a.year() {
                    "the anchor's year".to_string()
                } else {
                    "the neighbouring year nearest the anchor".to_string()
                };
                (
                    d,
                    format!(
                        "{day} {} in {whose}, {}; anchor {}",
                        month_name(month),
                        d.year(),
                        anchor_name(a)
                    ),
                )
            }
            None => return invalid(format!("{day} {}", month_name(month))),
        },
        (None, None) => {
            let d = unresolved(format!("XXXX-{month:02}-{day:02}"), Precision::Day);
            return hinted(d, K::Date, 0);
        }
    };
    let mut r = Resolution::event(K::Date, one_day(d, reason));
    if let Some(w) = weekday
        && d.weekday() != w
    {
        r.warning = Some(format!(
            "the text says {} but {} is a {}",
            weekday_name(w),
            day_name(d),
            weekday_name(d.weekday())
        ));
    }
    r
}

fn invalid(what: String) -> Resolution {
    let mut d = unresolved("XXXX-XX-XX".into(), Precision::Day);
    d.reason = format!("{what} is not a calendar date");
    Resolution {
        kind: MentionKind::Date,
        date: Some(d),
        warning: Some(format!("{what} is not a calendar date")),
        order_hint: 0,
    }
}

fn resolve_month(month: u32, year: Option<i32>, rel: Option<Rel>, cx: &Context) -> Resolution {
    let (y, reason) = match (year, cx.anchor) {
        (Some(y), _) => (y, "written with its year".to_string()),
        (None, Some(a)) => {
            let (am, ay) = (a.month(), a.year());
            let (y, how) = match (rel, cx.prefer) {
                (Some(Rel::Last), _) => (if month < am { ay } else { ay - 1 }, "the last"),
                (Some(Rel::Next), _) => (if month > am { ay } else { ay + 1 }, "the next"),
                (Some(Rel::This), _) => (ay, "the"),
                (None, Prefer::Past) => (if month <= am { ay } else { ay - 1 }, "the most recent"),
                (None, Prefer::Future) => (if month >= am { ay } else { ay + 1 }, "the next"),
            };
            (
                y,
                format!(
                    "{how} {} as of the anchor, {}",
                    month_name(month),
                    anchor_name(a)
                ),
            )
        }
        (None, None) => {
            let d = unresolved(format!("XXXX-{month:02}"), Precision::Month);
            return hinted(d, MentionKind::Date, 0);
        }
    };
    match (NaiveDate::from_ymd_opt(y, month, 1), month_end(y, month)) {
        (Some(s), Some(e)) => Resolution::event(
            MentionKind::Date,
            span(s, e, format!("{y:04}-{month:02}"), Precision::Month, reason),
        ),
        _ => invalid(format!("{} {y}", month_name(month))),
    }
}
