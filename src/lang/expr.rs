//! What a temporal expression means, independent of the language it was written in.
//!
//! The grammar of each language produces these; the resolver turns them into calendar days.

use chrono::Weekday;

/// A relative modifier: "last", "next", "this".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// الماضي: the one before the anchor.
    Last,
    /// المقبل: the one after the anchor.
    Next,
    /// الحالي / هذا: the one containing the anchor.
    This,
}

/// The meaning of one temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A weekday, maybe with a modifier ("يوم السبت الماضي").
    Weekday {
        /// Which day of the week.
        weekday: Weekday,
        /// Last / next / this, when written.
        rel: Option<Rel>,
    },
    /// A Gregorian calendar date or month; missing parts come from the anchor.
    Date {
        /// Day of the month, or `None` for a whole month.
        day: Option<u32>,
        /// Month 1–12.
        month: u32,
        /// The year, when written.
        year: Option<i32>,
        /// A weekday written next to it ("الخميس 6 يناير"), checked against the date.
        weekday: Option<Weekday>,
        /// A modifier after a bare month ("يناير الماضي").
        rel: Option<Rel>,
    },
    /// One year ("عام 2019").
    Year(i32),
    /// A range of years ("من 1989 إلى 2019").
    YearRange(i32, i32),
    /// From a year up to the anchor ("منذ 2019").
    SinceYear(i32),
    /// The night that starts on a weekday ("ليل الأربعاء حتى الخميس").
    Night {
        /// The evening the night starts on.
        weekday: Weekday,
        /// A modifier on that weekday, when written.
        rel: Option<Rel>,
        /// How many days the span runs past the start (1 for one night).
        days: u32,
    },
    /// The night before the anchor day ("الليلة الماضية").
    LastNight,
    /// The night of the anchor day ("الليلة").
    Tonight,
    /// A day relative to the anchor: 0 today, -1 yesterday, 1 tomorrow.
    RelDay(i32),
    /// A whole week relative to the anchor's week.
    Week(Rel),
    /// The middle of a week ("منتصف الأسبوع").
    MidWeek(Option<Rel>),
    /// The weekend ("نهاية الأسبوع").
    Weekend(Option<Rel>),
    /// "Now", "so far", "currently": the anchor itself, a mention but not an event.
    Present,
}

impl Expr {
    /// True when the expression needs the anchor to land on the calendar.
    pub fn is_relative(&self) -> bool {
        match self {
            Expr::Date { year, .. } => year.is_none(),
            Expr::Year(_) | Expr::YearRange(..) => false,
            _ => true,
        }
    }
}

/// An expression found in a text: its meaning and its byte span in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// First byte of the expression.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
}
