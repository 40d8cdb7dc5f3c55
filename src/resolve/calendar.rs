//! Calendar arithmetic and English names used in reasons and headings.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// English weekday names, Monday first (chrono's order).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// English month names.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Thursday".
pub fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS[w.num_days_from_monday() as usize]
}

/// "January" for 1.
pub fn month_name(m: u32) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}

/// "Thursday 6 January 2022".
pub fn day_name(d: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(d.weekday()),
        d.day(),
        month_name(d.month()),
        d.year()
    )
}

/// "Thursday 2022-01-06", the form reasons use for the anchor.
pub fn anchor_name(d: NaiveDate) -> String {
    let name = weekday_name(d.weekday());
    let mut s = String::with_capacity(name.len() + 11);
    s.push_str(name);
    s.push(' ');
    push_iso_day(&mut s, d);
    s
}

/// `d` as `YYYY-MM-DD` (the year zero-padded to four digits, signed before year 0).
pub fn iso_day(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push_iso_day(&mut s, d);
    s
}

/// Appends `d` as [`iso_day`] writes it, digit by digit: every event's value and many reasons
/// hold a day, and the formatting machinery was most of the time resolution took.
pub fn push_iso_day(out: &mut String, d: NaiveDate) {
    match iso_digits(d) {
        Some(digits) => out.extend(digits.map(char::from)),
        None => out.push_str(&format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())),
    }
}

/// The ten bytes of `YYYY-MM-DD` for a year from 0 to 9999 (`None` for others, which each
/// writer signs its own way).
pub fn iso_digits(d: NaiveDate) -> Option<[u8; 10]> {
    let y = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let (m, day) = (d.month(), d.day());
    let digit = |n: u32| b'0' + (n % 10) as u8;
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// `d` moved by `n` days (saturating at the calendar's ends).
pub fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    let r = if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    };
    r.unwrap_or(d)
}

/// Days from `d`'s weekday forward to `w` (0–6).
pub fn days_until(d: NaiveDate, w: Weekday) -> i64 {
    ((w.num_days_from_monday() + 7 - d.weekday().num_days_from_monday()) % 7) as i64
}

/// The weekday `n` days after `w` (before, for negative `n`).
pub fn shift_weekday(w: Weekday, n: i64) -> Weekday {
    let k = (w.num_days_from_monday() as i64 + n).rem_euclid(7);
    Weekday::try_from(k as u8).unwrap_or(w)
}

/// The first day of `d`'s week, for weeks that start on `start` (Monday: the ISO week).
pub fn week_first(d: NaiveDate, start: Weekday) -> NaiveDate {
    add_days(d, -((7 - days_until(d, start)) % 7))
}

/// How reasons name a week that starts on `start`: "ISO week (Monday to Sunday)", or
/// "week (Saturday to Friday)".
pub fn week_words(start: Weekday) -> String {
    let iso = if start == Weekday::Mon { "ISO " } else { "" };
    format!(
        "{iso}week ({} to {})",
        weekday_name(start),
        weekday_name(start.pred())
    )
}

/// TIMEX3 week value of `d`: "2022-W01".
pub fn iso_week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// TIMEX3 value of the seven days from `first`: the ISO week when they are one, else the span.
pub fn week_value(first: NaiveDate) -> String {
    if first.weekday() == Weekday::Mon {
        iso_week_value(first)
    } else {
        format!("{}/{}", first, add_days(first, 6))
    }
}

/// The last day of a month.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_days_are_written_as_the_formatter_writes_them() {
        for (y, m, d) in [
            (2022, 1, 6),
            (7, 12, 31),
            (0, 1, 1),
            (9999, 12, 31),
            (-44, 3, 15),
            (12345, 6, 7),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso_day(date), format!("{y:04}-{m:02}-{d:02}"));
        }
        let d = NaiveDate::from_ymd_opt(2022, 1, 6).unwrap();
        assert_eq!(anchor_name(d), "Thursday 2022-01-06");
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn names_and_weeks() {
        assert_eq!(day_name(d("2022-01-06")), "Thursday 6 January 2022");
        assert_eq!(iso_week_value(d("2022-01-04")), "2022-W01");
        assert_eq!(iso_week_value(d("2022-01-01")), "2021-W52");
        assert_eq!(week_first(d("2022-01-06"), Weekday::Mon), d("2022-01-03"));
        assert_eq!(week_first(d("2022-01-06"), Weekday::Sat), d("2022-01-01"));
        assert_eq!(week_first(d("2022-01-01"), Weekday::Sat), d("2022-01-01"));
        assert_eq!(week_words(Weekday::Mon), "ISO week (Monday to Sunday)");
        assert_eq!(week_words(Weekday::Sat), "week (Saturday to Friday)");
        assert_eq!(week_value(d("2022-01-03")), "2022-W01");
        assert_eq!(week_value(d("2022-01-01")), "2022-01-01/2022-01-07");
        assert_eq!(days_until(d("2022-01-06"), Weekday::Sat), 2);
        assert_eq!(month_end(2024, 2), Some(d("2024-02-29")));
        assert_eq!(month_end(2021, 12), Some(d("2021-12-31")));
    }
}
