//! Resolution: the document's anchor, and each expression turned into calendar days with the
//! reasoning in words.

pub mod anchor;
pub mod calendar;
pub mod civil;
pub mod hijri;
mod periods;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::lang::Conventions;
use crate::lang::expr::{Clock, DayPart, Expr, Rel, Unit};
use crate::model::{EventDate, MentionKind, Modifier, PartOfDay, Precision};
use calendar::{
    add_days, anchor_name, day_name, days_until, iso_day, iso_week_value, month_end, month_name,
    shift_weekday, week_first, week_words, weekday_name,
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
pub struct Context<'a> {
    /// The anchor day, if known.
    pub anchor: Option<NaiveDate>,
    /// Whether the anchor was inferred (relative dates are then marked uncertain).
    pub inferred: bool,
    /// Which way ambiguous expressions lean: the sentence's tense when it shows one
    /// ([`Context::told`]), else `--prefer`.
    pub prefer: Prefer,
    /// The tense clue that set `prefer`, if the sentence gave one.
    pub told: Option<Told<'a>>,
    /// The first day of the date written last before this one in the document, for
    /// "بعد يومين من ذلك" and "اليوم التالي".
    pub previous: Option<NaiveDate>,
    /// The last day and precision of that date, for "حينها", "آنذاك" (its whole span).
    pub previous_span: Option<(NaiveDate, Precision)>,
    /// The first day of the date written last before this one in the same sentence: the day a
    /// clock time without its own day falls on ("يوم الخميس … عند الساعة 11").
    pub sentence_day: Option<NaiveDate>,
    /// A date written in full (with its year) in this sentence or the one just before: a day
    /// and month without a year near it in the calendar belong to its year ("فجر يوم الجمعة 6
    /// يونيو 2014 … يوم الخامس من يونيو").
    pub written_day: Option<NaiveDate>,
    /// The single day the sentence just before gave last (not the anchor's): where a clock
    /// time of a sentence that gives no day of its own falls ("ستنطلق في 25 غشت. ويقام على
    /// الساعة السادسة مساء").
    pub day_before: Option<NaiveDate>,
    /// The day each weekday (Monday first) fell on where the document dated it plainly
    /// ("أمس الثلاثاء", "الخميس 6 يناير"), for the same weekday named again bare.
    pub weekdays: [Option<NaiveDate>; 7],
    /// The article's own Hijri calendar: how many days its pairing of a Hijri date with a
    /// Gregorian one ("غرة محرم الموافق 10 أغسطس") lies after Umm al-Qura, and that
    /// Gregorian day. Its other Hijri dates follow it.
    pub hijri_shift: Option<(i64, NaiveDate)>,
    /// The calendar habits of the text's language: its weekend, the day its weeks start.
    pub conventions: &'a Conventions,
}

/// The tense clue a sentence gave for an expression that can point either way.
#[derive(Debug, Clone, Copy)]
pub struct Told<'a> {
    /// The clue word as written ("ستعقد", "قال").
    pub clue: &'a str,
    /// How far the clue is to be trusted.
    pub strength: Strength,
}

/// How much a tense clue says about one expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// A clue elsewhere in the sentence, not in the expression's clause.
    Sentence,
    /// A reporting verb of its clause ("قال", "أعلن"): what it reports may lie ahead.
    Weak,
    /// An event verb or a scheduling imperfect of its clause ("وقع", "يعقد").
    Strong,
    /// A particle or phrase of the future in its clause ("ستعقد", "سوف", "من المقرر").
    Marker,
}

impl<'a> Context<'a> {
    /// A context with only an anchor and the language's conventions: no tense, nothing
    /// written before.
    pub fn new(
        anchor: Option<NaiveDate>,
        inferred: bool,
        prefer: Prefer,
        conventions: &'a Conventions,
    ) -> Self {
        Context {
            anchor,
            inferred,
            prefer,
            told: None,
            previous: None,
            previous_span: None,
            sentence_day: None,
            day_before: None,
            written_day: None,
            weekdays: [None; 7],
            hijri_shift: None,
            conventions,
        }
    }

    /// The reason's words for the tense clue, when one set the direction.
    fn told_note(&self) -> Option<String> {
        let t = self.told?;
        let way = match self.prefer {
            Prefer::Past => "back",
            Prefer::Future => "ahead",
        };
        Some(format!("the sentence's '{}' points {way}", t.clue))
    }
}

/// One resolved expression.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// Its TIMEX3 type.
    pub kind: MentionKind,
    /// Its date, or `None` for a mention that is not an event ("now", a duration).
    pub date: Option<EventDate>,
    /// The TIMEX3 value of a mention that is not an event (`PRESENT_REF`, `P3D`).
    pub value: String,
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
            value: String::new(),
            warning: None,
            order_hint: 0,
        }
    }

    fn mention(kind: MentionKind, value: String) -> Self {
        Resolution {
            kind,
            date: None,
            value,
            warning: None,
            order_hint: 0,
        }
    }
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
    span(d, d, iso_day(d), Precision::Day, reason)
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

/// The weekday `w` seen from the anchor: with `rel` strictly before or after it. A bare one is
/// the anchor day itself, or else, in order: the way a strong tense clue of its clause points;
/// the day the document dated that weekday plainly elsewhere; the way a reporting verb of its
/// clause points; the one nearest the date its sentence gave before it (within half a week);
/// the way a clue elsewhere in the sentence points; `--prefer`.
fn weekday_from(
    anchor: NaiveDate,
    w: Weekday,
    rel: Option<Rel>,
    cx: &Context,
) -> (NaiveDate, String) {
    let ahead = days_until(anchor, w);
    let behind = (7 - ahead) % 7;
    let a = anchor_name(anchor);
    let name = weekday_name(w);
    let told = |reason: String| match cx.told_note() {
        Some(note) => format!("{reason}: {note}"),
        None => reason,
    };
    let strength = cx.told.map(|t| t.strength);
    if rel.is_none() && ahead != 0 && strength < Some(Strength::Strong) {
        if let Some(d) = cx.weekdays[w.num_days_from_monday() as usize]
            .filter(|d| (*d - anchor).num_days().abs() <= 7)
        {
            return (
                d,
                format!(
                    "the {name} the article dates elsewhere, {}; anchor {a}",
                    iso_day(d)
                ),
            );
        }
        if let Some(d) = cx.sentence_day.filter(|d| *d != anchor)
            && strength < Some(Strength::Weak)
        {
            let fwd = days_until(d, w);
            let near = if fwd <= 3 {
                add_days(d, fwd)
            } else {
                add_days(d, fwd - 7)
            };
            return (
                near,
                format!(
                    "the {name} nearest {}, the date its sentence gives; anchor {a}",
                    iso_day(d)
                ),
            );
        }
    }
    match (rel, cx.prefer) {
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
            let first = week_first(anchor, cx.conventions.week_start);
            (
                add_days(first, days_until(first, w)),
                format!(
                    "the {name} of the anchor's {}, {a}",
                    week_words(cx.conventions.week_start)
                ),
            )
        }
        (None, Prefer::Past) => (
            add_days(anchor, -behind),
            told(format!("the most recent {name} before the anchor, {a}")),
        ),
        (None, Prefer::Future) => (
            add_days(anchor, ahead),
            told(format!("the next {name} after the anchor, {a}")),
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
    if let (Some((shift, paired)), Some(date)) = (cx.hijri_shift, r.date.as_mut())
        && expr.is_hijri_reckoned()
        && date
            .start
            .is_some_and(|s| (s - paired).num_days().abs() <= SIGHTING_REACH)
    {
        follow_the_article_calendar(date, shift, paired);
    }
    // The tense clue goes into the reason (a weekday's own rules say it themselves).
    if let (Some(t), Some(note), Some(date)) = (cx.told, cx.told_note(), r.date.as_mut())
        && expr.leans()
        && date.start.is_some()
        && !date.reason.contains(t.clue)
        && !expr.is_weekday_based()
    {
        date.reason = format!("{}; {note}", date.reason);
    }
    if let (Some(a), Some(date)) = (cx.anchor, &r.date)
        && let Some(start) = date.start
        && start > a
        && expr.is_relative()
        && !expr.points_forward()
        && cx.prefer == Prefer::Past
        && r.warning.is_none()
    {
        r.warning = Some(format!(
            "resolves to {}, after the article's own date {}; check it",
            iso_day(start),
            iso_day(a)
        ));
    }
    if let Some(date) = &mut r.date
        && cx.inferred
        && expr.is_relative()
        && date.start.is_some()
    {
        date.uncertain = true;
    }
    r
}

/// How far (in days) from the article's own pairing of a Hijri and a Gregorian date its other
/// Hijri dates follow that pairing: a sighting fixes the month it starts, and perhaps the next.
const SIGHTING_REACH: i64 = 45;

/// Moves a date reckoned by Umm al-Qura to the article's own Hijri calendar.
fn follow_the_article_calendar(date: &mut EventDate, shift: i64, paired: NaiveDate) {
    let (Some(s), Some(e)) = (date.start, date.end) else {
        return;
    };
    date.start = Some(add_days(s, shift));
    date.end = Some(add_days(e, shift));
    date.value = date
        .value
        .split('/')
        .map(
            |part| match part.get(..10).and_then(|d| d.parse::<NaiveDate>().ok()) {
                Some(d) => format!("{}{}", iso_day(add_days(d, shift)), &part[10..]),
                None => part.to_string(),
            },
        )
        .collect::<Vec<_>>()
        .join("/");
    let days = if shift.abs() == 1 { "day" } else { "days" };
    let way = if shift > 0 { "later" } else { "earlier" };
    date.reason = format!(
        "{}; moved {} {days} {way} to follow the article's own Hijri calendar, which pairs a Hijri date with {}",
        date.reason,
        shift.abs(),
        iso_day(paired)
    );
}

fn resolve_inner(expr: &Expr, cx: &Context) -> Resolution {
    use MentionKind as K;
    let prefer = cx.prefer;
    match *expr {
        Expr::Present => Resolution::mention(K::Present, "PRESENT_REF".into()),
        Expr::Duration { n, unit } => Resolution::mention(K::Duration, duration_value(n, unit)),
        Expr::Set { unit, weekday } => Resolution::mention(
            K::Set,
            match weekday {
                Some(w) => format!("XXXX-WXX-{}", w.number_from_monday()),
                None => duration_value(1, unit),
            },
        ),
        Expr::Year(y) => year_span(y, y, format!("the year {y}"), K::Date),
        Expr::YearRange(a, b) => year_span(a, b, format!("the years {a} to {b}"), K::Interval),
        Expr::SinceYear(y) => since_year(y, cx),
        Expr::Date {
            day,
            month,
            year,
            weekday,
            rel,
        } => resolve_date(day, month, year, weekday, rel, cx),
        Expr::Weekday { weekday, rel } => bare_weekday(weekday, rel, cx),
        Expr::Night { weekday, rel, days } => night(weekday, rel, days, cx),
        Expr::LastNight => night_from_anchor(cx, -1, "the night before the anchor day"),
        Expr::Tonight => night_from_anchor(cx, 0, "the night of the anchor day"),
        Expr::RelDayOn { n, weekday } => rel_day_on(n, weekday, cx),
        Expr::RelDay(n) => rel_day(n, cx),
        Expr::RelUnit(unit, rel) => match cx.anchor {
            Some(a) => periods::event(
                K::Date,
                periods::rel_unit(unit, rel, a, cx.conventions.week_start),
                "XXXX",
                Precision::Year,
            ),
            None => hinted(
                unresolved("XXXX".into(), unit_precision(unit)),
                K::Date,
                weekday_hint(Some(rel), prefer) * 2,
            ),
        },
        Expr::Offset {
            n,
            unit,
            from_previous,
        } => offset(n, unit, from_previous, cx),
        Expr::Part(p, ref inner) => part_of(p, inner, cx),
        Expr::DayOfMonth { day, rel } => match cx.anchor {
            Some(a) => match periods::day_of_month(day, rel, a) {
                Some(d) => Resolution::event(K::Date, d),
                None => invalid(format!("day {day} of that month")),
            },
            None => hinted(unresolved("XXXX-XX-XX".into(), Precision::Day), K::Date, 0),
        },
        Expr::Fraction { n, parts, ref year } => fraction(n, parts, year, cx),
        Expr::Decade(start) => {
            periods::event(K::Date, periods::decade(start), "XXX", Precision::Decade)
        }
        Expr::RelDecade { tens, rel } => rel_decade(tens, rel, cx),
        Expr::Century(n) => periods::event(K::Date, periods::century(n), "XX", Precision::Century),
        Expr::Season { season, year, rel } => periods::event(
            K::Date,
            periods::season(season, year, rel, cx.anchor),
            "XXXX",
            Precision::Month,
        ),
        Expr::Hijri {
            day,
            month,
            year,
            rel,
        } => periods::event(
            K::Date,
            periods::hijri_date(day, month, year, rel, cx),
            "XXXX-XX-XX",
            Precision::Day,
        ),
        Expr::HijriYear(y) => {
            periods::event(K::Date, periods::hijri_year(y), "XXXX", Precision::Year)
        }
        Expr::Occasion {
            occasion,
            year,
            hijri_year,
            rel,
        } => {
            let mut r = periods::event(
                K::Date,
                periods::occasion(occasion, year, hijri_year, rel, cx),
                "XXXX-XX-XX",
                Precision::Day,
            );
            // Not the unknown anchor's fault when there is one: the occasion has no day.
            if let Some(d) = r.date.as_mut()
                && d.start.is_none()
                && (cx.anchor.is_some() || year.is_some())
            {
                d.reason = format!(
                    "{}: no day can be given for it",
                    periods::occasion_name(occasion)
                );
            }
            r
        }
        Expr::NthWeekday {
            n,
            weekday,
            month,
            year,
        } => periods::event(
            K::Date,
            periods::nth_weekday(n, weekday, month, year, cx),
            "XXXX-XX-XX",
            Precision::Day,
        ),
        Expr::Range(ref a, ref b) => {
            let (ra, rb) = (resolve_inner(a, cx), resolve_inner(b, cx));
            let joined = match (ra.date, rb.date) {
                (Some(x), Some(y)) => periods::range(x, y),
                _ => None,
            };
            periods::event(K::Interval, joined, "XXXX-XX-XX", Precision::Day)
        }
        Expr::Paired(ref h, ref g) => paired(h, g, cx),
        Expr::Time(ref c) => time(c, cx),
        Expr::DayPart(p, ref day) => day_part(p, day, cx),
        Expr::Then { since } => then(since, cx),
        Expr::MidWeek(rel) => week_part(cx, rel, WeekPart::Middle),
        Expr::Weekend(rel) => week_part(cx, rel, WeekPart::Weekend),
        Expr::DayPartAlone(_)
        | Expr::Nth { .. }
        | Expr::Shifted { .. }
        | Expr::WeekdayIn { .. }
        | Expr::SchoolYear(_) => periods::within(expr, cx),
    }
}

/// "منذ 2019": from the start of the year up to the anchor.
fn since_year(y: i32, cx: &Context) -> Resolution {
    use MentionKind as K;
    let start = NaiveDate::from_ymd_opt(y, 1, 1);
    let mut date = match (start, cx.anchor) {
        (Some(s), Some(a)) if s <= a => span(
            s,
            a,
            format!("{y}/{}", iso_day(a)),
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

/// A weekday, bare or with a modifier ("السبت الماضي"), from the anchor.
fn bare_weekday(weekday: Weekday, rel: Option<Rel>, cx: &Context) -> Resolution {
    use MentionKind as K;
    let prefer = cx.prefer;
    match cx.anchor {
        Some(a) => {
            let (d, reason) = weekday_from(a, weekday, rel, cx);
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
    }
}

/// The night of a weekday into the next day ("ليل الأربعاء حتى الخميس").
fn night(weekday: Weekday, rel: Option<Rel>, days: u32, cx: &Context) -> Resolution {
    use MentionKind as K;
    let prefer = cx.prefer;
    match cx.anchor {
        Some(a) => {
            let (d, reason) = weekday_from(a, weekday, rel, cx);
            let end = add_days(d, days as i64);
            let mut date = span(
                d,
                end,
                format!("{}TNI", iso_day(d)),
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
    }
}

/// A day from the anchor with its weekday ("أمس الثلاثاء"), warning when they disagree.
fn rel_day_on(n: i32, weekday: Weekday, cx: &Context) -> Resolution {
    let mut r = resolve_inner(&Expr::RelDay(n), cx);
    if let Some(d) = r.date.as_ref().and_then(|d| d.start)
        && d.weekday() != weekday
    {
        r.warning = Some(format!(
            "the text says {} but {} is a {}",
            weekday_name(weekday),
            day_name(d),
            weekday_name(d.weekday())
        ));
    }
    r
}

/// A day counted from the anchor ("أمس", "بعد غد").
fn rel_day(n: i32, cx: &Context) -> Resolution {
    use MentionKind as K;
    match cx.anchor {
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
    }
}

/// An offset ("بعد ثلاثة أيام"), from the date written before it or from the anchor.
fn offset(n: i32, unit: Unit, from_previous: bool, cx: &Context) -> Resolution {
    use MentionKind as K;
    let base = match (from_previous, cx.previous, cx.anchor) {
        (true, Some(p), _) => Some((p, format!("the date written before it, {}", iso_day(p)))),
        (_, _, Some(a)) => Some((a, format!("the anchor, {}", anchor_name(a)))),
        _ => None,
    };
    match base {
        Some((b, from)) => periods::event(
            K::Date,
            periods::offset(n, unit, b, &from, cx.conventions.week_start),
            "XXXX",
            unit_precision(unit),
        ),
        None => hinted(
            unresolved("XXXX-XX-XX".into(), unit_precision(unit)),
            K::Date,
            n as i64,
        ),
    }
}

/// A part of a period ("مطلع فبراير", "أواخر 2021").
fn part_of(p: crate::lang::expr::Part, inner: &Expr, cx: &Context) -> Resolution {
    use MentionKind as K;
    // A bare month here means the one nearest the anchor ("مطلع فبراير").
    let r = match (inner, cx.anchor) {
        (
            &Expr::Date {
                day: None,
                month,
                year: None,
                rel: None,
                ..
            },
            Some(a),
        ) => periods::event(
            K::Date,
            periods::nearest_month(month, a),
            "XXXX-XX",
            Precision::Month,
        ),
        _ => resolve_inner(inner, cx),
    };
    match r.date.filter(|d| d.start.is_some()) {
        Some(d) => periods::event(K::Date, periods::part(p, d), "XXXX", Precision::Month),
        None => hinted(
            unresolved("XXXX".into(), Precision::Month),
            K::Date,
            r.order_hint,
        ),
    }
}

/// A fraction of a year ("الربع الأول من 2021").
fn fraction(n: u32, parts: u32, year: &Expr, cx: &Context) -> Resolution {
    use MentionKind as K;
    let r = resolve_inner(year, cx);
    match r.date.filter(|d| d.start.is_some()) {
        Some(d) => periods::event(
            K::Date,
            periods::fraction(n, parts, d),
            "XXXX",
            Precision::Month,
        ),
        None => hinted(
            unresolved("XXXX".into(), Precision::Month),
            K::Date,
            r.order_hint,
        ),
    }
}

/// A decade of this, the last or the next century ("التسعينيات").
fn rel_decade(tens: u8, rel: Rel, cx: &Context) -> Resolution {
    use MentionKind as K;
    match cx.anchor {
        Some(a) => {
            let century_start = (a.year().div_euclid(100)
                + match rel {
                    Rel::Last => -1,
                    Rel::Next => 1,
                    Rel::This => 0,
                })
                * 100;
            periods::event(
                K::Date,
                periods::decade(century_start + tens as i32),
                "XXX",
                Precision::Decade,
            )
        }
        None => hinted(unresolved("XXX".into(), Precision::Decade), K::Date, -3650),
    }
}

/// "حينها", "آنذاك", "في ذلك الوقت": the date the text gave last, whole; "منذ ذلك الحين":
/// from it up to the anchor.
fn then(since: bool, cx: &Context) -> Resolution {
    let (Some(start), Some((end, precision))) = (cx.previous, cx.previous_span) else {
        let mut d = unresolved("XXXX-XX-XX".into(), Precision::Day);
        d.reason = "refers back to a date the text has not given".into();
        return hinted(d, MentionKind::Date, 0);
    };
    let value = span_value(start, end, precision);
    match (since, cx.anchor) {
        (true, Some(a)) if start <= a => {
            let mut d = span(
                start,
                a,
                format!("{}/{}", value, iso_day(a)),
                precision,
                format!(
                    "from the date the text gave last, {value}, up to the anchor, {}",
                    anchor_name(a)
                ),
            );
            d.modifier = Some(Modifier::After);
            Resolution::event(MentionKind::Interval, d)
        }
        _ => Resolution::event(
            MentionKind::Date,
            span(
                start,
                end,
                value.clone(),
                precision,
                format!("the date the text gave last, {value}"),
            ),
        ),
    }
}

/// The TIMEX3 value of a span of whole days, years or months: `1784`, `2022-01`, `2022-01-05`,
/// or `start/end`.
fn span_value(start: NaiveDate, end: NaiveDate, precision: Precision) -> String {
    let whole_years = start.ordinal() == 1 && end.month() == 12 && end.day() == 31;
    let whole_month = start.day() == 1
        && (start.year(), start.month()) == (end.year(), end.month())
        && month_end(end.year(), end.month()) == Some(end);
    match precision {
        _ if start == end => iso_day(start),
        Precision::Year | Precision::Decade | Precision::Century if whole_years => {
            if start.year() == end.year() {
                format!("{:04}", start.year())
            } else {
                format!("{:04}/{:04}", start.year(), end.year())
            }
        }
        Precision::Month if whole_month => format!("{:04}-{:02}", start.year(), start.month()),
        _ => format!("{}/{}", iso_day(start), iso_day(end)),
    }
}

fn hinted(date: EventDate, kind: MentionKind, order_hint: i64) -> Resolution {
    Resolution {
        order_hint,
        ..Resolution::event(kind, date)
    }
}

/// TIMEX3 duration value: P3D, P2W, P3M, P2Y, PT5H, PT30M, P2DE, P1CE.
fn duration_value(n: i32, unit: Unit) -> String {
    match unit {
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{n}DE"),
        Unit::Century => format!("P{n}CE"),
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
                format!("{}TNI", iso_day(d)),
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
    /// The middle of the week of the text's language's readers ([`Conventions::midweek`]).
    Middle,
    /// The weekend of the text's language's readers ([`Conventions::weekend_start`]).
    Weekend,
}

fn week_part(cx: &Context, rel: Option<Rel>, part: WeekPart) -> Resolution {
    let (first, len, value_suffix, words) = match part {
        WeekPart::Middle => {
            let (first, days) = cx.conventions.midweek;
            let len = days.max(1) as i64 - 1;
            let last = shift_weekday(first, len);
            let span = if len == 0 {
                weekday_name(first).to_string()
            } else {
                format!("{}–{}", weekday_name(first), weekday_name(last))
            };
            (first, len, "", format!("the middle of the week ({span})"))
        }
        WeekPart::Weekend => {
            let c = cx.conventions;
            let len = c.weekend_days.max(1) as i64 - 1;
            let last = shift_weekday(c.weekend_start, len);
            (
                c.weekend_start,
                len,
                "-WE",
                format!(
                    "the weekend ({}–{}, {})",
                    weekday_name(c.weekend_start),
                    weekday_name(last),
                    c.weekend_where
                ),
            )
        }
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
            (s, "the last one ended before the anchor".to_string())
        }
        (Some(Rel::Next), _) => {
            let fwd = match days_until(a, first) {
                0 => 7,
                f => f,
            };
            (
                add_days(a, fwd),
                "the next one after the anchor".to_string(),
            )
        }
        (Some(Rel::This), _) => {
            let start = week_first(a, cx.conventions.week_start);
            (
                add_days(start, days_until(start, first)),
                format!(
                    "the one of the anchor's {}",
                    week_words(cx.conventions.week_start)
                ),
            )
        }
        (None, Prefer::Past) => {
            let back = (7 - days_until(a, first)) % 7;
            let s = add_days(a, -back);
            if back <= len {
                (s, "the one around the anchor".to_string())
            } else {
                (s, "the most recent one before the anchor".to_string())
            }
        }
        (None, Prefer::Future) => {
            let back = (7 - days_until(a, first)) % 7;
            if back <= len {
                (add_days(a, -back), "the one around the anchor".to_string())
            } else {
                (
                    add_days(a, days_until(a, first)),
                    "the next one after the anchor".to_string(),
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
        (None, Some(a)) if rel.is_some() => {
            // "20 أبريل الماضي": the last such day strictly before (or after) the anchor.
            let cands: Vec<NaiveDate> = ((a.year() - 1)..=(a.year() + 1))
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .collect();
            let pick = match rel {
                Some(Rel::Last) => cands.iter().filter(|d| **d < a).max(),
                Some(Rel::Next) => cands.iter().filter(|d| **d > a).min(),
                _ => cands.iter().find(|d| d.year() == a.year()),
            };
            match pick {
                Some(&d) => (
                    d,
                    format!(
                        "{day} {} {} the anchor, {}",
                        month_name(month),
                        match rel {
                            Some(Rel::Last) => "last before",
                            Some(Rel::Next) => "next after",
                            _ => "in the year of",
                        },
                        anchor_name(a)
                    ),
                ),
                None => return invalid(format!("{day} {}", month_name(month))),
            }
        }
        (None, _) if let Some((d, w)) = near_written_date(month, day, cx) => (
            d,
            format!(
                "{day} {} in the year of the date the text wrote just before, {}",
                month_name(month),
                iso_day(w)
            ),
        ),
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

/// How near (in days) a day and month must fall to a date written in full just before to
/// take its year.
const NARRATIVE_REACH: i64 = 60;

/// The day and month in the year of the full date written just before (or the year either
/// side of it), when that puts them within [`NARRATIVE_REACH`] days of it and in another year
/// than the anchor would give: (the day, the written date).
fn near_written_date(month: u32, day: u32, cx: &Context) -> Option<(NaiveDate, NaiveDate)> {
    let w = cx.written_day?;
    let d = [w.year(), w.year() - 1, w.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - w).num_days().abs())
        .filter(|d| (*d - w).num_days().abs() <= NARRATIVE_REACH)?;
    let by_anchor = cx
        .anchor
        .and_then(|a| nearest_year(a, month, day, cx.prefer));
    // A tense that points the other way from the anchor wins ("ستعقد … في 10 يناير").
    let against = cx.anchor.is_some_and(|a| {
        cx.told.is_some_and(|t| t.strength >= Strength::Strong)
            && match cx.prefer {
                Prefer::Future => d < a,
                Prefer::Past => d > a,
            }
    });
    (by_anchor != Some(d) && !against).then_some((d, w))
}

fn invalid(what: String) -> Resolution {
    let mut d = unresolved("XXXX-XX-XX".into(), Precision::Day);
    d.reason = format!("{what} is not a calendar date");
    Resolution {
        warning: Some(format!("{what} is not a calendar date")),
        ..Resolution::event(MentionKind::Date, d)
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

fn unit_precision(unit: Unit) -> Precision {
    match unit {
        Unit::Minute => Precision::Minute,
        Unit::Hour => Precision::Hour,
        Unit::Day => Precision::Day,
        Unit::Week => Precision::Week,
        Unit::Month => Precision::Month,
        Unit::Year => Precision::Year,
        Unit::Decade => Precision::Decade,
        Unit::Century => Precision::Century,
    }
}

/// "… الموافق …": the Gregorian side gives the days; the Hijri side is checked against it.
fn paired(h: &Expr, g: &Expr, cx: &Context) -> Resolution {
    let rg = resolve_inner(g, cx);
    let rh = resolve_inner(h, cx);
    let mut r = rg;
    let (Some(gd), Some(hd)) = (r.date.as_mut(), rh.date.as_ref()) else {
        return r;
    };
    match (gd.start, hd.start) {
        (Some(a), Some(b)) if a == b => {
            gd.reason = format!(
                "{}; the Hijri date written beside it agrees ({})",
                gd.reason,
                hijri::CONVENTION
            );
        }
        (Some(a), Some(b)) => {
            let gap = (a - b).num_days().abs();
            let note = if gap == 1 {
                "one day apart, which is normal between sighting and the Umm al-Qura calendar"
            } else {
                "they disagree; check the article"
            };
            gd.reason = format!(
                "{}; the Hijri date beside it is {} by the Umm al-Qura calendar, {note}",
                gd.reason,
                iso_day(b)
            );
            if gap > 1 && r.warning.is_none() {
                r.warning = Some(format!(
                    "the Hijri date is {} but the Gregorian date beside it is {}",
                    iso_day(b),
                    iso_day(a)
                ));
            }
        }
        _ => {}
    }
    if r.warning.is_none() {
        r.warning = rh.warning;
    }
    r
}

/// The TIMEX3 code and model part of a part of the day.
fn part_codes(p: DayPart) -> (&'static str, PartOfDay) {
    match p {
        DayPart::Dawn | DayPart::Morning => ("MO", PartOfDay::Morning),
        DayPart::Noon => ("MI", PartOfDay::Afternoon),
        DayPart::Afternoon => ("AF", PartOfDay::Afternoon),
        DayPart::Evening => ("EV", PartOfDay::Evening),
        DayPart::Night => ("NI", PartOfDay::Night),
    }
}

/// The part of the day an hour falls in.
fn part_of_hour(h: u32) -> PartOfDay {
    match h {
        5..=11 => PartOfDay::Morning,
        12..=16 => PartOfDay::Afternoon,
        17..=20 => PartOfDay::Evening,
        _ => PartOfDay::Night,
    }
}

/// The day a time or part of the day falls on: the one written, or the anchor day; when it
/// cannot be placed, the unresolved resolution to return instead.
fn day_of(day: Option<&Expr>, cx: &Context) -> Result<(NaiveDate, String), Box<Resolution>> {
    match day {
        Some(d) => {
            let r = resolve_inner(d, cx);
            match r
                .date
                .as_ref()
                .and_then(|x| x.start.map(|s| (s, x.reason.clone())))
            {
                Some(found) => Ok(found),
                None => Err(Box::new(r)),
            }
        }
        None => match (cx.sentence_day, cx.day_before, cx.anchor) {
            (Some(d), ..) => Ok((d, format!("on the day the sentence gives, {}", iso_day(d)))),
            (None, Some(d), _) => Ok((
                d,
                format!("on the day the sentence before gives, {}", iso_day(d)),
            )),
            (None, None, Some(a)) => Ok((a, format!("on the anchor day, {}", anchor_name(a)))),
            (None, None, None) => Err(Box::new(hinted(
                unresolved("XXXX-XX-XX".into(), Precision::Hour),
                MentionKind::Time,
                0,
            ))),
        },
    }
}

/// "الساعة الثالثة فجرا", "10:30 صباحا", "من الساعة 3 إلى 4 مساء".
fn time(c: &Clock, cx: &Context) -> Resolution {
    let Clock {
        ref day,
        hour,
        minute,
        until,
        ref zone,
    } = *c;
    let (d, day_reason) = match day_of(day.as_ref(), cx) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let clock =
        |h: u32, m: Option<u32>| format!("{}T{:02}:{:02}", iso_day(d), h.min(23), m.unwrap_or(0));
    let value = match until {
        Some((h2, m2)) => format!("{}/{}", clock(hour, minute), clock(h2, m2)),
        None => clock(hour, minute),
    };
    let zone_note = zone
        .as_deref()
        .map(|z| format!("; time zone as written: {z}"))
        .unwrap_or_default();
    let mut date = span(
        d,
        d,
        value,
        if minute.is_some() {
            Precision::Minute
        } else {
            Precision::Hour
        },
        format!(
            "{:02}:{:02} {day_reason}{zone_note}",
            hour,
            minute.unwrap_or(0)
        ),
    );
    date.part_of_day = Some(part_of_hour(hour));
    Resolution::event(MentionKind::Time, date)
}

/// "مساء الأحد", "ظهر أمس", "فجر اليوم".
fn day_part(p: DayPart, day: &Expr, cx: &Context) -> Resolution {
    let (d, day_reason) = match day_of(Some(day), cx) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let (code, part) = part_codes(p);
    let mut date = span(
        d,
        d,
        format!("{}T{code}", iso_day(d)),
        Precision::Day,
        day_reason,
    );
    date.part_of_day = Some(part);
    Resolution::event(MentionKind::Time, date)
}
