//! What a temporal expression means, independent of the language it was written in.
//!
//! The grammar of each language produces these; the resolver turns them into calendar days.

use std::ops::Range;

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

/// A unit of time in offsets, durations and recurrences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

/// Which third of a period: "early", "mid", "late".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// مطلع / أوائل / بداية.
    Early,
    /// منتصف / أواسط.
    Mid,
    /// أواخر / نهاية.
    Late,
}

/// A season of the (northern, meteorological) year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    /// March–May.
    Spring,
    /// June–August.
    Summer,
    /// September–November.
    Autumn,
    /// December–February.
    Winter,
}

/// A part of the day, as news names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    /// فجر: dawn.
    Dawn,
    /// صباح: morning.
    Morning,
    /// ظهر: noon.
    Noon,
    /// بعد الظهر / عصر: afternoon.
    Afternoon,
    /// مساء: evening.
    Evening,
    /// ليلا: night.
    Night,
}

/// A named occasion: fixed or movable, Gregorian or Hijri.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    /// رأس السنة (الميلادية): 1 January.
    NewYear,
    /// عيد الميلاد / كريسماس: 25 December.
    Christmas,
    /// عيد الفصح: Western Easter Sunday.
    Easter,
    /// عيد العمال: 1 May.
    LabourDay,
    /// عيد الفطر: 1 Shawwal.
    EidAlFitr,
    /// عيد الأضحى: 10 Dhu al-Hijja.
    EidAlAdha,
    /// رأس السنة الهجرية: 1 Muharram.
    HijriNewYear,
    /// المولد النبوي: 12 Rabi al-Awwal.
    Mawlid,
    /// يوم عرفة / وقفة عرفات: 9 Dhu al-Hijja, the eve of Eid al-Adha.
    Arafat,
    /// العيد: "the feast", the Eid the text named last; the scanner replaces it by that one.
    TheFeast,
    /// A national or civil day of a country ("اليوم الوطني", "عيد العرش"); the country written
    /// with it, or the one the article is about.
    Civil(CivilDay, Option<Country>),
}

/// A kind of national or civil day; its date depends on the country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CivilDay {
    /// اليوم الوطني / العيد الوطني.
    National,
    /// عيد الاستقلال / يوم الاستقلال.
    Independence,
    /// يوم الشهيد.
    Martyrs,
    /// عيد العرش.
    Throne,
    /// عيد التحرير.
    Liberation,
    /// عيد الجلاء.
    Evacuation,
    /// عيد الوحدة.
    Unity,
    /// يوم التأسيس.
    Founding,
    /// يوم الأرض: 30 March, kept by Palestinians wherever the article is from.
    LandDay,
    /// ذكرى النكبة / يوم النكبة: 15 May, likewise.
    Nakba,
}

/// A country of the Arab world, for its civil days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Country {
    /// The United Arab Emirates.
    Uae,
    /// Saudi Arabia.
    Saudi,
    /// Kuwait.
    Kuwait,
    /// Qatar.
    Qatar,
    /// Bahrain.
    Bahrain,
    /// Oman.
    Oman,
    /// Yemen.
    Yemen,
    /// Jordan.
    Jordan,
    /// Lebanon.
    Lebanon,
    /// Syria.
    Syria,
    /// Iraq.
    Iraq,
    /// Egypt.
    Egypt,
    /// Sudan.
    Sudan,
    /// Libya.
    Libya,
    /// Tunisia.
    Tunisia,
    /// Algeria.
    Algeria,
    /// Morocco.
    Morocco,
    /// Mauritania.
    Mauritania,
    /// Palestine.
    Palestine,
}

/// A month in either calendar, for expressions that work in both ("آخر جمعة من رمضان").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthRef {
    /// Gregorian month 1–12.
    Gregorian(u32),
    /// Hijri month 1–12.
    Hijri(u32),
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
    /// A day of the anchor's month, or of the month before or after ("15 من الشهر الجاري").
    DayOfMonth {
        /// Day of the month.
        day: u32,
        /// Which month, relative to the anchor's.
        rel: Rel,
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
    /// A relative day with its weekday written beside it ("أمس الأربعاء"), checked.
    RelDayOn {
        /// Days from the anchor.
        n: i32,
        /// The weekday the text gives that day.
        weekday: Weekday,
    },
    /// A whole week, month or year relative to the anchor's ("الشهر الماضي", "هذا العام").
    RelUnit(Unit, Rel),
    /// N units before (negative) or after the anchor, or after the date written before it in
    /// the same sentence ("بعد يومين من ذلك").
    Offset {
        /// Signed count of units.
        n: i32,
        /// The unit.
        unit: Unit,
        /// Counted from the sentence's previous date instead of the anchor.
        from_previous: bool,
    },
    /// The early, middle or late third of a month or year ("مطلع 2021", "أواخر الشهر الماضي").
    Part(Part, Box<Expr>),
    /// The n-th quarter or half of a year ("الربع الثالث من العام الحالي").
    Fraction {
        /// Which one, from 1.
        n: u32,
        /// How many make the year: 4 for quarters, 2 for halves.
        parts: u32,
        /// The year (written or relative).
        year: Box<Expr>,
    },
    /// A decade, by its first year ("التسعينيات").
    Decade(i32),
    /// A decade of the century before, of or after the anchor's ("تسعينيات القرن الماضي").
    RelDecade {
        /// The decade's tens (90 for the nineties).
        tens: u8,
        /// Which century, relative to the anchor's.
        rel: Rel,
    },
    /// A century, by its number ("القرن العشرين" is 20: 1900–1999).
    Century(i32),
    /// A season of a year, or relative to the anchor's.
    Season {
        /// Which season.
        season: Season,
        /// The year written (a winter's is the year of its December).
        year: Option<i32>,
        /// Last / next / this.
        rel: Option<Rel>,
    },
    /// A Hijri date or month; missing parts come from the anchor.
    Hijri {
        /// Day of the month, or `None` for the whole month.
        day: Option<u32>,
        /// Month 1–12.
        month: u32,
        /// The Hijri year, when written.
        year: Option<i32>,
        /// Last / next / this, when written.
        rel: Option<Rel>,
    },
    /// A whole Hijri year ("1443 هـ").
    HijriYear(i32),
    /// A named occasion, in a given Gregorian year or nearest the anchor.
    Occasion {
        /// Which one.
        occasion: Occasion,
        /// The year written, if any.
        year: Option<i32>,
        /// Whether that year is a Hijri one ("عيد الفطر 1441 هـ").
        hijri_year: bool,
        /// Last / next, when written.
        rel: Option<Rel>,
    },
    /// The n-th (or, with -1, the last) weekday of a month ("ثاني أربعاء من أكتوبر").
    NthWeekday {
        /// 1-based position, or -1 for the last.
        n: i32,
        /// The weekday.
        weekday: Weekday,
        /// The month, in either calendar.
        month: MonthRef,
        /// The year written (Gregorian, or Hijri for a Hijri month), if any.
        year: Option<i32>,
    },
    /// From the start of one expression to the end of another ("من 13 إلى 15 تموز").
    Range(Box<Expr>, Box<Expr>),
    /// A Hijri date and its Gregorian equivalent written together ("… الموافق …").
    Paired(Box<Expr>, Box<Expr>),
    /// A clock time (or a span of two), on a day written next to it or the anchor day; boxed,
    /// as the largest payload, so that every other expression stays small.
    Time(Box<Clock>),
    /// A part of a day ("مساء الأحد", "ظهر أمس").
    DayPart(DayPart, Box<Expr>),
    /// A length of time: a mention, not an event ("لمدة ثلاثة أيام").
    Duration {
        /// How many units.
        n: i32,
        /// The unit.
        unit: Unit,
    },
    /// A recurrence: a mention, not an event ("كل يوم جمعة", "سنويا").
    Set {
        /// The period.
        unit: Unit,
        /// The weekday it recurs on, if any.
        weekday: Option<Weekday>,
    },
    /// The middle of a week ("منتصف الأسبوع").
    MidWeek(Option<Rel>),
    /// The weekend ("نهاية الأسبوع").
    Weekend(Option<Rel>),
    /// "Now", "so far", "currently": the anchor itself, a mention but not an event.
    Present,
    /// "At that time" (حينها, آنذاك, في ذلك الوقت): the whole span of the date the text gave
    /// last; with `since` ("منذ ذلك الحين"), from it up to the anchor.
    Then {
        /// From that date up to the anchor.
        since: bool,
    },
    /// A part of the day standing alone ("ظهراً", "في المساء"): on the day the sentence gives,
    /// or the anchor day.
    DayPartAlone(DayPart),
    /// The n-th day or week of a period, counted from its end when n is negative
    /// ("ثالث أيام عيد الأضحى", "آخر يوم من أكتوبر 2015", "الأسبوع الأول من أكتوبر").
    Nth {
        /// 1-based position, or -1 for the last.
        n: i32,
        /// Days or weeks (a week is seven days from the period's first).
        unit: Unit,
        /// The period.
        of: Box<Expr>,
    },
    /// An expression moved by n units ("الثلاثاء بعد المقبل": next Tuesday, one week on).
    Shifted {
        /// Signed count of units.
        n: i32,
        /// The unit.
        unit: Unit,
        /// What is moved.
        of: Box<Expr>,
    },
    /// A weekday inside a given week ("يوم الخميس من الأسبوع المقبل").
    WeekdayIn {
        /// The weekday.
        weekday: Weekday,
        /// The week (relative or written).
        week: Box<Expr>,
    },
    /// The school year (September to June) containing the anchor, or the one before or after
    /// ("السنة الدراسية الحالية", "العام الدراسي المقبل").
    SchoolYear(Rel),
}

/// What a clock time ([`Expr::Time`]) says: the hour, maybe a minute, the end of a span, a
/// zone, and the day it falls on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    /// The day, if the text gives one.
    pub day: Option<Expr>,
    /// Hour 0–23, after applying the part of the day.
    pub hour: u32,
    /// Minute, when written.
    pub minute: Option<u32>,
    /// The end of a span ("من الساعة 3 إلى 4"), as (hour, minute).
    pub until: Option<(u32, Option<u32>)>,
    /// A time zone named after it, kept for the reason.
    pub zone: Option<String>,
}

impl Expr {
    /// True when the expression needs the anchor to land on the calendar.
    pub fn is_relative(&self) -> bool {
        match self {
            Expr::Date { year, .. }
            | Expr::Hijri { year, .. }
            | Expr::Season { year, .. }
            | Expr::Occasion { year, .. }
            | Expr::NthWeekday { year, .. } => year.is_none(),
            Expr::Year(_)
            | Expr::YearRange(..)
            | Expr::SinceYear(_)
            | Expr::Decade(_)
            | Expr::Century(_)
            | Expr::HijriYear(_) => false,
            Expr::Part(_, inner) | Expr::DayPart(_, inner) => inner.is_relative(),
            Expr::Fraction { year, .. } => year.is_relative(),
            Expr::Range(a, b) => a.is_relative() || b.is_relative(),
            Expr::Paired(_, g) => g.is_relative(),
            Expr::Time(c) => c.day.as_ref().is_none_or(|d| d.is_relative()),
            Expr::Nth { of, .. } | Expr::Shifted { of, .. } => of.is_relative(),
            _ => true,
        }
    }

    /// True when the expression can point either way and the tense of its sentence decides: a
    /// bare weekday, night, month, day and month, season, occasion or Hijri month without a
    /// year or a modifier.
    pub fn leans(&self) -> bool {
        match self {
            Expr::Weekday { rel, .. }
            | Expr::Night { rel, .. }
            | Expr::MidWeek(rel)
            | Expr::Weekend(rel) => rel.is_none(),
            Expr::Date { year, rel, .. }
            | Expr::Hijri { year, rel, .. }
            | Expr::Season { year, rel, .. }
            | Expr::Occasion { year, rel, .. } => year.is_none() && rel.is_none(),
            Expr::NthWeekday { year, .. } => year.is_none(),
            Expr::Part(_, inner) | Expr::DayPart(_, inner) => inner.leans(),
            Expr::Time(c) => c.day.as_ref().is_some_and(|d| d.leans()),
            Expr::Range(a, b) => a.leans() && b.leans(),
            _ => false,
        }
    }

    /// True when the expression is a weekday (or a night, a part of the day or a clock time on
    /// one), which a clue anywhere in its sentence may turn; other expressions follow only
    /// their own clause.
    pub fn is_weekday_based(&self) -> bool {
        match self {
            Expr::Weekday { .. } | Expr::Night { .. } => true,
            Expr::DayPart(_, inner) => inner.is_weekday_based(),
            Expr::Time(c) => c.day.as_ref().is_some_and(|d| d.is_weekday_based()),
            _ => false,
        }
    }

    /// True when the Hijri calendar alone gives the expression's days (a Hijri date or month,
    /// a Hijri year, an Islamic occasion), so an article's own pairing of a Hijri date with a
    /// Gregorian one can shift them.
    pub fn is_hijri_reckoned(&self) -> bool {
        match self {
            Expr::Hijri { .. } | Expr::HijriYear(_) => true,
            Expr::Occasion { occasion, .. } => matches!(
                occasion,
                Occasion::EidAlFitr
                    | Occasion::EidAlAdha
                    | Occasion::HijriNewYear
                    | Occasion::Mawlid
                    | Occasion::Arafat
            ),
            Expr::NthWeekday { month, .. } => matches!(month, MonthRef::Hijri(_)),
            Expr::Part(_, inner) | Expr::DayPart(_, inner) => inner.is_hijri_reckoned(),
            Expr::Time(c) => c.day.as_ref().is_some_and(|d| d.is_hijri_reckoned()),
            _ => false,
        }
    }

    /// True when the text itself points after the anchor ("غدا", "المقبل", "بعد يومين"), so
    /// landing after the article's date is expected rather than suspicious.
    pub fn points_forward(&self) -> bool {
        match self {
            Expr::RelDay(n) | Expr::RelDayOn { n, .. } => *n > 0,
            Expr::Offset {
                n, from_previous, ..
            } => *n > 0 || *from_previous,
            Expr::Tonight | Expr::Time(_) => true,
            Expr::Weekday { rel, .. }
            | Expr::Date { rel, .. }
            | Expr::Hijri { rel, .. }
            | Expr::Season { rel, .. }
            | Expr::Occasion { rel, .. }
            | Expr::Night { rel, .. } => *rel == Some(Rel::Next),
            Expr::RelUnit(_, rel) | Expr::DayOfMonth { rel, .. } => *rel != Rel::Last,
            Expr::MidWeek(rel) | Expr::Weekend(rel) => *rel == Some(Rel::Next),
            Expr::Part(_, inner) | Expr::DayPart(_, inner) => inner.points_forward(),
            Expr::Fraction { year, .. } => year.points_forward(),
            Expr::Range(a, b) => a.points_forward() || b.points_forward(),
            Expr::Nth { of, .. } => of.points_forward(),
            Expr::Shifted { n, of, .. } => *n > 0 || of.points_forward(),
            Expr::WeekdayIn { week, .. } => week.points_forward(),
            Expr::SchoolYear(rel) => *rel == Rel::Next,
            _ => false,
        }
    }
}

/// Which way in time a clause points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// What has happened: perfect verbs, كان, قد + perfect.
    Past,
    /// What is to come: سـ / سوف + imperfect, من المقرر, the imperfect of a scheduled event.
    Future,
}

/// The tense of the clause around an expression, and the word that gives it away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tense {
    /// Past or future.
    pub dir: Direction,
    /// False for a verb that only reports ("قال", "أعلن"): what it reports may lie ahead.
    pub strong: bool,
    /// A particle or phrase of the future (سـ, سوف, لن, من المقرر), which admits nothing else:
    /// not even a feast of a few days ago that an ongoing verb could still speak of.
    pub marker: bool,
    /// The clue word's first byte in the original text; with `clue_len`, its span
    /// ([`Tense::clue`]), quoted in the reason. A 32-bit start and a length rather than two
    /// offsets, so that a tense is 12 bytes: two are kept with every expression found. (A
    /// document is at most 4 GiB; past that the start saturates and the clue quotes nothing.)
    clue_start: u32,
    /// The clue word's length in bytes (see [`Tense::new`] for why it cannot saturate).
    clue_len: u32,
}

impl Tense {
    /// A tense of direction `dir` given away by the word at byte span `clue`.
    ///
    /// The length is kept as a `u32`, saturating, which never cuts a real clue: a clue is a
    /// single word token, tokens lie within one sentence and sentences are cut at
    /// [`MAX_SENTENCE`](crate::text::sentences::MAX_SENTENCE) bytes (2048); even text
    /// tokenized without that cut would need one word of 4 GiB.
    pub fn new(dir: Direction, strong: bool, marker: bool, clue: Range<usize>) -> Tense {
        Tense {
            dir,
            strong,
            marker,
            clue_start: u32::try_from(clue.start).unwrap_or(u32::MAX),
            clue_len: u32::try_from(clue.len()).unwrap_or(u32::MAX),
        }
    }

    /// The clue word's byte span in the original text.
    pub fn clue(&self) -> Range<usize> {
        let start = self.clue_start as usize;
        start..start + self.clue_len as usize
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
    /// The tense of the expression's own clause, when a word there shows it.
    pub tense: Option<Tense>,
    /// The first strong tense clue anywhere in its sentence, for when the clause says nothing.
    pub sentence_tense: Option<Tense>,
}

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;

    /// A long document holds one `(sentence, Found)` per expression until it is resolved
    /// (about 121,000 for 20 MB of news), so these sizes are the bulk of its memory.
    #[test]
    fn found_and_expr_stay_small() {
        assert!(
            size_of::<Expr>() <= 24,
            "Expr is {} bytes",
            size_of::<Expr>()
        );
        assert!(size_of::<Option<Tense>>() <= 12);
        assert!(
            size_of::<Found>() <= 64,
            "Found is {} bytes",
            size_of::<Found>()
        );
        assert!(size_of::<(usize, Found)>() <= 72);
    }

    #[test]
    fn a_tense_gives_back_its_clue_span() {
        let t = Tense::new(Direction::Past, true, false, 7..19);
        assert_eq!(t.clue(), 7..19);
        assert_eq!(t.clue().len(), 12);
    }
}
