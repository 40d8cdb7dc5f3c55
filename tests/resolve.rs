//! The resolver against the language-neutral expression: every `Expr` variant built by hand (no
//! text, no grammar) and resolved against a `Context`, so a change in resolution shows here
//! whatever language produced the expression. Dates checked by hand against a calendar (and the
//! Hijri ones against the Umm al-Qura tables).

use chrono::{NaiveDate, Weekday};
use tarikh::lang::Conventions;
use tarikh::lang::expr::{
    CivilDay, Clock, Country, DayPart, Expr, MonthRef, Occasion, Part, Rel, Season, Unit,
};
use tarikh::resolve::{Context, Prefer, Resolution, resolve};
use tarikh::{MentionKind, Modifier, PartOfDay, Precision};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The conventions of Arabic, as the language seam gives them.
fn arabic() -> &'static Conventions {
    &tarikh::lang::ar::ARABIC.conventions
}

/// A language read where the weekend is Saturday–Sunday and weeks start on Sunday.
const SAT_SUN: Conventions = Conventions {
    weekend_start: Weekday::Sat,
    weekend_days: 2,
    weekend_where: "as in much of Europe",
    midweek: (Weekday::Wed, 1),
    week_start: Weekday::Sun,
    day_first: true,
};

/// Thursday 6 January 2022, the seed article's day.
const THURSDAY: &str = "2022-01-06";

fn at(anchor: &str, prefer: Prefer) -> Context<'static> {
    Context::new(Some(d(anchor)), false, prefer, arabic())
}

fn past() -> Context<'static> {
    at(THURSDAY, Prefer::Past)
}

/// The first and last day and the value of an event.
fn days(r: &Resolution) -> (String, String, String) {
    let date = r.date.as_ref().expect("an event");
    let day = |x: Option<NaiveDate>| x.map_or("?".into(), |x| x.to_string());
    (day(date.start), day(date.end), date.value.clone())
}

fn is(r: &Resolution, start: &str, end: &str) {
    let (s, e, v) = days(r);
    assert_eq!(
        (s.as_str(), e.as_str()),
        (start, end),
        "value {v}, reason {:?}",
        r.date.as_ref().map(|d| &d.reason)
    );
}

fn is_valued(r: &Resolution, start: &str, end: &str, value: &str) {
    is(r, start, end);
    assert_eq!(days(r).2, value);
}

fn weekday(w: Weekday, rel: Option<Rel>) -> Expr {
    Expr::Weekday { weekday: w, rel }
}

fn date(day: Option<u32>, month: u32, year: Option<i32>) -> Expr {
    Expr::Date {
        day,
        month,
        year,
        weekday: None,
        rel: None,
    }
}

#[test]
fn a_bare_weekday_is_the_last_one_in_the_past_and_the_next_one_in_the_future() {
    let past = resolve(&weekday(Weekday::Sat, None), &past());
    is(&past, "2022-01-01", "2022-01-01");
    let date = past.date.as_ref().unwrap();
    assert!(date.uncertain, "a bare weekday may be wrong");
    assert!(
        date.reason.contains("most recent Saturday"),
        "{}",
        date.reason
    );
    let future = resolve(&weekday(Weekday::Sat, None), &at(THURSDAY, Prefer::Future));
    is(&future, "2022-01-08", "2022-01-08");
    // The anchor's own weekday is the anchor day, whichever way it leans.
    for prefer in [Prefer::Past, Prefer::Future] {
        is(
            &resolve(&weekday(Weekday::Thu, None), &at(THURSDAY, prefer)),
            THURSDAY,
            THURSDAY,
        );
    }
}

#[test]
fn last_and_next_weekday_are_strictly_before_and_after_the_anchor() {
    let cx = past();
    is(
        &resolve(&weekday(Weekday::Thu, Some(Rel::Last)), &cx),
        "2021-12-30",
        "2021-12-30",
    );
    is(
        &resolve(&weekday(Weekday::Thu, Some(Rel::Next)), &cx),
        "2022-01-13",
        "2022-01-13",
    );
    is(
        &resolve(&weekday(Weekday::Wed, Some(Rel::Next)), &cx),
        "2022-01-12",
        "2022-01-12",
    );
    let r = resolve(&weekday(Weekday::Mon, Some(Rel::Last)), &cx);
    is(&r, "2022-01-03", "2022-01-03");
    assert!(!r.date.unwrap().uncertain, "a written modifier is certain");
    // "this Sunday": the Sunday of the anchor's week, by the language's week.
    let r = resolve(&weekday(Weekday::Sun, Some(Rel::This)), &cx);
    is(&r, "2022-01-09", "2022-01-09");
    assert!(
        r.date
            .unwrap()
            .reason
            .contains("ISO week (Monday to Sunday)")
    );
    let sat_sun = Context::new(Some(d(THURSDAY)), false, Prefer::Past, &SAT_SUN);
    let r = resolve(&weekday(Weekday::Sun, Some(Rel::This)), &sat_sun);
    is(&r, "2022-01-02", "2022-01-02");
    assert!(r.date.unwrap().reason.contains("week (Sunday to Saturday)"));
}

#[test]
fn a_month_or_a_day_without_its_year_near_the_year_end() {
    // 28 December 2021: "January" is the one just past in news, the one ahead in an agenda.
    let cx = at("2021-12-28", Prefer::Past);
    is_valued(
        &resolve(&date(None, 1, None), &cx),
        "2021-01-01",
        "2021-01-31",
        "2021-01",
    );
    is_valued(
        &resolve(&date(None, 1, None), &at("2021-12-28", Prefer::Future)),
        "2022-01-01",
        "2022-01-31",
        "2022-01",
    );
    // "3 January" is the nearest one, in the next year, even in the past.
    is(
        &resolve(&date(Some(3), 1, None), &cx),
        "2022-01-03",
        "2022-01-03",
    );
    // "the 20th of April last": strictly before the anchor.
    let last = Expr::Date {
        day: Some(20),
        month: 4,
        year: None,
        weekday: None,
        rel: Some(Rel::Last),
    };
    is(&resolve(&last, &cx), "2021-04-20", "2021-04-20");
    // A month with its year and a full date need no anchor.
    let none = Context::new(None, false, Prefer::Past, arabic());
    is(
        &resolve(&date(None, 2, Some(2020)), &none),
        "2020-02-01",
        "2020-02-29",
    );
    is(
        &resolve(&date(Some(6), 1, Some(2022)), &none),
        THURSDAY,
        THURSDAY,
    );
}

#[test]
fn a_weekday_that_does_not_match_its_date_warns() {
    let e = Expr::Date {
        day: Some(7),
        month: 1,
        year: Some(2022),
        weekday: Some(Weekday::Thu),
        rel: None,
    };
    let r = resolve(&e, &past());
    is(&r, "2022-01-07", "2022-01-07");
    assert_eq!(
        r.warning.as_deref(),
        Some("the text says Thursday but Friday 7 January 2022 is a Friday")
    );
    let r = resolve(
        &Expr::RelDayOn {
            n: -1,
            weekday: Weekday::Tue,
        },
        &past(),
    );
    is(&r, "2022-01-05", "2022-01-05");
    assert!(r.warning.unwrap().contains("is a Wednesday"));
    // An impossible date is no day, and says so.
    let r = resolve(&date(Some(30), 2, Some(2022)), &past());
    assert_eq!(r.date.as_ref().unwrap().start, None);
    assert!(r.warning.unwrap().contains("is not a calendar date"));
}

#[test]
fn relative_days_nights_and_days_of_the_month() {
    let cx = past();
    is(&resolve(&Expr::RelDay(0), &cx), THURSDAY, THURSDAY);
    is(&resolve(&Expr::RelDay(-2), &cx), "2022-01-04", "2022-01-04");
    is(&resolve(&Expr::RelDay(1), &cx), "2022-01-07", "2022-01-07");
    is_valued(
        &resolve(&Expr::LastNight, &cx),
        "2022-01-05",
        THURSDAY,
        "2022-01-05TNI",
    );
    is_valued(
        &resolve(&Expr::Tonight, &cx),
        THURSDAY,
        "2022-01-07",
        "2022-01-06TNI",
    );
    let night = Expr::Night {
        weekday: Weekday::Wed,
        rel: None,
        days: 1,
    };
    let r = resolve(&night, &cx);
    is_valued(&r, "2022-01-05", THURSDAY, "2022-01-05TNI");
    assert_eq!(r.date.unwrap().part_of_day, Some(PartOfDay::Night));
    is(
        &resolve(
            &Expr::DayOfMonth {
                day: 15,
                rel: Rel::Last,
            },
            &cx,
        ),
        "2021-12-15",
        "2021-12-15",
    );
    is(
        &resolve(
            &Expr::DayOfMonth {
                day: 15,
                rel: Rel::This,
            },
            &cx,
        ),
        "2022-01-15",
        "2022-01-15",
    );
}

#[test]
fn years_ranges_of_years_and_since() {
    let cx = past();
    is_valued(
        &resolve(&Expr::Year(2019), &cx),
        "2019-01-01",
        "2019-12-31",
        "2019",
    );
    let r = resolve(&Expr::YearRange(1989, 2019), &cx);
    is_valued(&r, "1989-01-01", "2019-12-31", "1989/2019");
    assert_eq!(r.kind, MentionKind::Interval);
    let r = resolve(&Expr::SinceYear(2019), &cx);
    is_valued(&r, "2019-01-01", THURSDAY, "2019/2022-01-06");
    assert_eq!(r.date.unwrap().modifier, Some(Modifier::After));
}

#[test]
fn relative_units_and_offsets_by_the_languages_week() {
    let cx = past();
    is_valued(
        &resolve(&Expr::RelUnit(Unit::Week, Rel::This), &cx),
        "2022-01-03",
        "2022-01-09",
        "2022-W01",
    );
    is_valued(
        &resolve(&Expr::RelUnit(Unit::Week, Rel::Last), &cx),
        "2021-12-27",
        "2022-01-02",
        "2021-W52",
    );
    is_valued(
        &resolve(&Expr::RelUnit(Unit::Month, Rel::Next), &cx),
        "2022-02-01",
        "2022-02-28",
        "2022-02",
    );
    is_valued(
        &resolve(&Expr::RelUnit(Unit::Year, Rel::Last), &cx),
        "2021-01-01",
        "2021-12-31",
        "2021",
    );
    // A week that starts on Sunday is no ISO week: its value is its span.
    let sat_sun = Context::new(Some(d(THURSDAY)), false, Prefer::Past, &SAT_SUN);
    let r = resolve(&Expr::RelUnit(Unit::Week, Rel::This), &sat_sun);
    is_valued(&r, "2022-01-02", "2022-01-08", "2022-01-02/2022-01-08");
    assert!(r.date.unwrap().reason.contains("week (Sunday to Saturday)"));
    let offset = |n, unit, from_previous| Expr::Offset {
        n,
        unit,
        from_previous,
    };
    is(
        &resolve(&offset(-3, Unit::Day, false), &cx),
        "2022-01-03",
        "2022-01-03",
    );
    is_valued(
        &resolve(&offset(-2, Unit::Week, false), &cx),
        "2021-12-20",
        "2021-12-26",
        "2021-W51",
    );
    is_valued(
        &resolve(&offset(3, Unit::Month, false), &cx),
        "2022-04-01",
        "2022-04-30",
        "2022-04",
    );
    // Counted from the date written before it, when the text says so ("two days after that").
    let mut after_that = past();
    after_that.previous = Some(d("2021-11-20"));
    is(
        &resolve(&offset(2, Unit::Day, true), &after_that),
        "2021-11-22",
        "2021-11-22",
    );
    // A duration is a mention with its value, not an event.
    let r = resolve(
        &Expr::Duration {
            n: 3,
            unit: Unit::Day,
        },
        &cx,
    );
    assert_eq!(
        (r.kind, r.date.is_none(), r.value.as_str()),
        (MentionKind::Duration, true, "P3D")
    );
    let r = resolve(
        &Expr::Duration {
            n: 2,
            unit: Unit::Hour,
        },
        &cx,
    );
    assert_eq!(r.value, "PT2H");
}

#[test]
fn parts_fractions_decades_centuries_and_seasons() {
    let cx = past();
    let r = resolve(&Expr::Part(Part::Early, Box::new(Expr::Year(2021))), &cx);
    is(&r, "2021-01-01", "2021-04-30");
    assert_eq!(r.date.unwrap().modifier, Some(Modifier::Start));
    // A bare month in a part is the one nearest the anchor ("early February").
    is(
        &resolve(&Expr::Part(Part::Early, Box::new(date(None, 2, None))), &cx),
        "2022-02-01",
        "2022-02-10",
    );
    is(
        &resolve(
            &Expr::Fraction {
                n: 3,
                parts: 4,
                year: Box::new(Expr::RelUnit(Unit::Year, Rel::This)),
            },
            &cx,
        ),
        "2022-07-01",
        "2022-09-30",
    );
    is_valued(
        &resolve(&Expr::Decade(1990), &cx),
        "1990-01-01",
        "1999-12-31",
        "199",
    );
    is(
        &resolve(
            &Expr::RelDecade {
                tens: 90,
                rel: Rel::Last,
            },
            &cx,
        ),
        "1990-01-01",
        "1999-12-31",
    );
    is_valued(
        &resolve(&Expr::Century(20), &cx),
        "1900-01-01",
        "1999-12-31",
        "19",
    );
    // Winter belongs to the year of its December.
    is(
        &resolve(
            &Expr::Season {
                season: Season::Winter,
                year: Some(2020),
                rel: None,
            },
            &cx,
        ),
        "2020-12-01",
        "2021-02-28",
    );
    is(
        &resolve(
            &Expr::Season {
                season: Season::Summer,
                year: None,
                rel: Some(Rel::Last),
            },
            &cx,
        ),
        "2021-06-01",
        "2021-08-31",
    );
}

#[test]
fn hijri_dates_months_years_and_occasions() {
    let cx = past();
    // 1 Ramadan 1443 is 2 April 2022 by Umm al-Qura.
    is(
        &resolve(
            &Expr::Hijri {
                day: Some(1),
                month: 9,
                year: Some(1443),
                rel: None,
            },
            &cx,
        ),
        "2022-04-02",
        "2022-04-02",
    );
    // Ramadan without a year or a modifier: the one nearest the anchor, 1443 (86 days ahead)
    // rather than 1442 (ended 239 days before), whichever way --prefer leans; "last Ramadan"
    // is 1442.
    let ramadan = |rel| Expr::Hijri {
        day: None,
        month: 9,
        year: None,
        rel,
    };
    for prefer in [Prefer::Past, Prefer::Future] {
        is(
            &resolve(&ramadan(None), &at(THURSDAY, prefer)),
            "2022-04-02",
            "2022-05-01",
        );
    }
    is(
        &resolve(&ramadan(Some(Rel::Last)), &cx),
        "2021-04-13",
        "2021-05-12",
    );
    // Near the year's turn: on 28 December 2021, Jumada al-Ula (month 5) is the one the anchor
    // is in, which runs into January 2022 (Jumada al-Akhira starts on 4 January).
    is(
        &resolve(
            &Expr::Hijri {
                day: None,
                month: 5,
                year: None,
                rel: None,
            },
            &at("2021-12-28", Prefer::Past),
        ),
        "2021-12-05",
        "2022-01-03",
    );
    is(
        &resolve(&Expr::HijriYear(1443), &cx),
        "2021-08-09",
        "2022-07-29",
    );
    let eid = |rel| Expr::Occasion {
        occasion: Occasion::EidAlAdha,
        year: None,
        hijri_year: false,
        rel,
    };
    is(&resolve(&eid(None), &cx), "2021-07-20", "2021-07-20");
    is(
        &resolve(&eid(Some(Rel::Next)), &cx),
        "2022-07-09",
        "2022-07-09",
    );
    is(
        &resolve(
            &Expr::Occasion {
                occasion: Occasion::Christmas,
                year: Some(2020),
                hijri_year: false,
                rel: None,
            },
            &cx,
        ),
        "2020-12-25",
        "2020-12-25",
    );
    // A civil day of a country: Qatar's national day is 18 December.
    is(
        &resolve(
            &Expr::Occasion {
                occasion: Occasion::Civil(CivilDay::National, Some(Country::Qatar)),
                year: None,
                hijri_year: false,
                rel: None,
            },
            &cx,
        ),
        "2021-12-18",
        "2021-12-18",
    );
    // A national day of no named country has no day, and says so, not that the anchor is
    // unknown (there is one).
    let nameless = Expr::Occasion {
        occasion: Occasion::Civil(CivilDay::National, None),
        year: None,
        hijri_year: false,
        rel: None,
    };
    let r = resolve(&nameless, &cx);
    let date = r.date.as_ref().expect("an unresolved event");
    assert_eq!(date.start, None);
    assert!(
        date.reason.contains("country the text does not name") && !date.reason.contains("unknown"),
        "{}",
        date.reason
    );
    let unanchored = Context::new(None, false, Prefer::Past, arabic());
    let r = resolve(&nameless, &unanchored);
    assert!(
        r.date
            .expect("an unresolved event")
            .reason
            .contains("--anchor")
    );
    // The last Friday of Ramadan 1443.
    is(
        &resolve(
            &Expr::NthWeekday {
                n: -1,
                weekday: Weekday::Fri,
                month: MonthRef::Hijri(9),
                year: Some(1443),
            },
            &cx,
        ),
        "2022-04-29",
        "2022-04-29",
    );
    // The second Wednesday of October 2021.
    is(
        &resolve(
            &Expr::NthWeekday {
                n: 2,
                weekday: Weekday::Wed,
                month: MonthRef::Gregorian(10),
                year: Some(2021),
            },
            &cx,
        ),
        "2021-10-13",
        "2021-10-13",
    );
}

#[test]
fn a_hijri_date_paired_with_a_gregorian_one_takes_the_gregorian_days() {
    // 3 Jumada al-Akhira 1443 is the anchor day itself: they agree.
    let h = Expr::Hijri {
        day: Some(3),
        month: 6,
        year: Some(1443),
        rel: None,
    };
    let r = resolve(
        &Expr::Paired(Box::new(h.clone()), Box::new(date(Some(6), 1, Some(2022)))),
        &past(),
    );
    is(&r, THURSDAY, THURSDAY);
    assert!(r.date.unwrap().reason.contains("agrees"));
    assert!(r.warning.is_none());
    // Five days apart: the Gregorian side wins, and the editor is told.
    let r = resolve(
        &Expr::Paired(Box::new(h), Box::new(date(Some(11), 1, Some(2022)))),
        &past(),
    );
    is(&r, "2022-01-11", "2022-01-11");
    assert!(r.warning.unwrap().contains("2022-01-06"));
}

#[test]
fn ranges_times_and_parts_of_the_day() {
    let cx = past();
    let r = resolve(
        &Expr::Range(
            Box::new(date(Some(13), 7, Some(2021))),
            Box::new(date(Some(15), 7, Some(2021))),
        ),
        &cx,
    );
    is(&r, "2021-07-13", "2021-07-15");
    assert_eq!(r.kind, MentionKind::Interval);
    let r = resolve(
        &Expr::Time(Box::new(Clock {
            day: Some(Expr::RelDay(-1)),
            hour: 15,
            minute: Some(30),
            until: None,
            zone: None,
        })),
        &cx,
    );
    is_valued(&r, "2022-01-05", "2022-01-05", "2022-01-05T15:30");
    let date = r.date.unwrap();
    assert_eq!(
        (date.precision, date.part_of_day),
        (Precision::Minute, Some(PartOfDay::Afternoon))
    );
    // Without a day of its own, on the anchor day; a span of two hours.
    let r = resolve(
        &Expr::Time(Box::new(Clock {
            day: None,
            hour: 9,
            minute: None,
            until: Some((11, None)),
            zone: None,
        })),
        &cx,
    );
    is_valued(&r, THURSDAY, THURSDAY, "2022-01-06T09:00/2022-01-06T11:00");
    let r = resolve(
        &Expr::DayPart(DayPart::Evening, Box::new(weekday(Weekday::Sun, None))),
        &cx,
    );
    is_valued(&r, "2022-01-02", "2022-01-02", "2022-01-02TEV");
    // A part of the day alone falls on the day its sentence gives.
    let mut on_monday = past();
    on_monday.sentence_day = Some(d("2022-01-03"));
    let r = resolve(&Expr::DayPartAlone(DayPart::Morning), &on_monday);
    is(&r, "2022-01-03", "2022-01-03");
    assert_eq!(r.date.unwrap().part_of_day, Some(PartOfDay::Morning));
}

#[test]
fn mentions_that_are_not_events() {
    let cx = past();
    let r = resolve(&Expr::Present, &cx);
    assert_eq!(
        (r.kind, r.date.is_none(), r.value.as_str()),
        (MentionKind::Present, true, "PRESENT_REF")
    );
    let r = resolve(
        &Expr::Set {
            unit: Unit::Week,
            weekday: Some(Weekday::Fri),
        },
        &cx,
    );
    assert_eq!((r.kind, r.value.as_str()), (MentionKind::Set, "XXXX-WXX-5"));
    let r = resolve(
        &Expr::Set {
            unit: Unit::Year,
            weekday: None,
        },
        &cx,
    );
    assert_eq!(r.value, "P1Y");
}

#[test]
fn references_back_take_the_date_written_last() {
    let mut cx = past();
    // Nothing written before: unresolved, and said so.
    let r = resolve(&Expr::Then { since: false }, &cx);
    assert_eq!(r.date.as_ref().unwrap().start, None);
    cx.previous = Some(d("2019-01-01"));
    cx.previous_span = Some((d("2019-12-31"), Precision::Year));
    is_valued(
        &resolve(&Expr::Then { since: false }, &cx),
        "2019-01-01",
        "2019-12-31",
        "2019",
    );
    let r = resolve(&Expr::Then { since: true }, &cx);
    is_valued(&r, "2019-01-01", THURSDAY, "2019/2022-01-06");
    assert_eq!(r.kind, MentionKind::Interval);
}

#[test]
fn nth_days_shifted_weekdays_weekdays_of_a_week_and_school_years() {
    let cx = past();
    // The third day of Eid al-Adha 1442 (20 July 2021).
    is(
        &resolve(
            &Expr::Nth {
                n: 3,
                unit: Unit::Day,
                of: Box::new(Expr::Occasion {
                    occasion: Occasion::EidAlAdha,
                    year: Some(2021),
                    hijri_year: false,
                    rel: None,
                }),
            },
            &cx,
        ),
        "2021-07-22",
        "2021-07-22",
    );
    // The last day of October 2015.
    is(
        &resolve(
            &Expr::Nth {
                n: -1,
                unit: Unit::Day,
                of: Box::new(date(None, 10, Some(2015))),
            },
            &cx,
        ),
        "2015-10-31",
        "2015-10-31",
    );
    // The Tuesday after next: next Tuesday, a week on.
    is(
        &resolve(
            &Expr::Shifted {
                n: 1,
                unit: Unit::Week,
                of: Box::new(weekday(Weekday::Tue, Some(Rel::Next))),
            },
            &cx,
        ),
        "2022-01-18",
        "2022-01-18",
    );
    // Thursday of next week.
    is(
        &resolve(
            &Expr::WeekdayIn {
                weekday: Weekday::Thu,
                week: Box::new(Expr::RelUnit(Unit::Week, Rel::Next)),
            },
            &cx,
        ),
        "2022-01-13",
        "2022-01-13",
    );
    // The school year runs September to June.
    is(
        &resolve(&Expr::SchoolYear(Rel::This), &cx),
        "2021-09-01",
        "2022-06-30",
    );
    is(
        &resolve(&Expr::SchoolYear(Rel::Next), &cx),
        "2022-09-01",
        "2023-06-30",
    );
}

#[test]
fn the_weekend_is_the_languages_weekend() {
    assert_eq!(arabic().weekend_start, Weekday::Fri);
    let fri_sat = |rel, prefer| resolve(&Expr::Weekend(rel), &at(THURSDAY, prefer));
    let sat_sun = |rel, prefer| {
        resolve(
            &Expr::Weekend(rel),
            &Context::new(Some(d(THURSDAY)), false, prefer, &SAT_SUN),
        )
    };
    // On a Thursday, "the weekend" in news is the one just past, in an agenda the one ahead.
    let r = fri_sat(None, Prefer::Past);
    is(&r, "2021-12-31", "2022-01-01");
    let date = r.date.unwrap();
    assert!(
        date.reason
            .starts_with("the weekend (Friday–Saturday, as in much of the Arab world)"),
        "{}",
        date.reason
    );
    assert_eq!(date.modifier, Some(Modifier::End));
    is(&fri_sat(None, Prefer::Future), "2022-01-07", "2022-01-08");
    is(
        &fri_sat(Some(Rel::Next), Prefer::Past),
        "2022-01-07",
        "2022-01-08",
    );
    let r = sat_sun(None, Prefer::Past);
    is(&r, "2022-01-01", "2022-01-02");
    assert!(
        r.date
            .unwrap()
            .reason
            .starts_with("the weekend (Saturday–Sunday, as in much of Europe)")
    );
    is(&sat_sun(None, Prefer::Future), "2022-01-08", "2022-01-09");
    is(
        &sat_sun(Some(Rel::Next), Prefer::Past),
        "2022-01-08",
        "2022-01-09",
    );
    // On the Saturday itself, the weekend around it.
    let saturday = Context::new(Some(d("2022-01-08")), false, Prefer::Past, arabic());
    is(
        &resolve(&Expr::Weekend(None), &saturday),
        "2022-01-07",
        "2022-01-08",
    );
    // Mid-week is the language's: Tuesday–Wednesday in Arabic, Wednesday alone in the test
    // language.
    is(
        &resolve(&Expr::MidWeek(None), &past()),
        "2022-01-04",
        "2022-01-05",
    );
    let europe = Context::new(Some(d(THURSDAY)), false, Prefer::Past, &SAT_SUN);
    let mid = resolve(&Expr::MidWeek(None), &europe);
    is(&mid, "2022-01-05", "2022-01-05");
    assert!(mid.date.unwrap().reason.contains("(Wednesday)"));
}

#[test]
fn without_an_anchor_relative_expressions_stay_unresolved_in_order() {
    let none = Context::new(None, false, Prefer::Past, arabic());
    for (e, hint) in [
        (Expr::RelDay(-1), -1),
        (Expr::RelDay(2), 2),
        (weekday(Weekday::Mon, Some(Rel::Last)), -4),
        (weekday(Weekday::Mon, Some(Rel::Next)), 4),
        (Expr::Weekend(None), -3),
    ] {
        let r = resolve(&e, &none);
        let date = r.date.as_ref().expect("kept as an event");
        assert_eq!((date.start, date.end), (None, None), "{e:?}");
        assert!(date.uncertain);
        assert!(date.reason.contains("--anchor"), "{}", date.reason);
        assert_eq!(r.order_hint, hint, "{e:?}");
    }
    // An inferred anchor makes every relative date uncertain, and only those.
    let inferred = Context::new(Some(d(THURSDAY)), true, Prefer::Past, arabic());
    assert!(
        resolve(&Expr::RelDay(-1), &inferred)
            .date
            .unwrap()
            .uncertain
    );
    assert!(
        !resolve(&Expr::Year(2019), &inferred)
            .date
            .unwrap()
            .uncertain
    );
}
