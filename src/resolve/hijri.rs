//! The Hijri calendar, by icu_calendar's Umm al-Qura tables (the Saudi civil calendar, which
//! most Arabic news follows). Local sightings can start a month a day earlier or later, so
//! reasons name the convention.

use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::Hijri;
use icu_calendar::types::Month;
use icu_calendar::{Date, Iso};

/// The convention named in reasons.
pub const CONVENTION: &str = "Umm al-Qura calendar; local sighting may differ by a day";

fn calendar() -> Hijri<icu_calendar::cal::hijri::UmmAlQura> {
    Hijri::new_umm_al_qura()
}

/// The Gregorian day of Hijri `year`-`month`-`day`.
pub fn to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day).ok()?;
    let h = Date::try_new(year.into(), Month::new(month), day, calendar()).ok()?;
    let iso = h.to_calendar(Iso);
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        iso.month().ordinal as u32,
        iso.day_of_month().0 as u32,
    )
}

/// The Hijri (year, month, day) of a Gregorian day.
pub fn from_gregorian(d: NaiveDate) -> Option<(i32, u32, u32)> {
    let iso = Date::try_new_iso(d.year(), d.month() as u8, d.day() as u8).ok()?;
    let h = iso.to_calendar(calendar());
    Some((
        h.year().extended_year(),
        h.month().ordinal as u32,
        h.day_of_month().0 as u32,
    ))
}

/// First and last Gregorian day of a Hijri month.
pub fn month_span(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = to_gregorian(year, month, 1)?;
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let next = to_gregorian(ny, nm, 1)?;
    Some((first, next.pred_opt()?))
}

/// The Hijri months in English, for reasons.
pub fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Muharram",
        "Safar",
        "Rabi al-Awwal",
        "Rabi al-Akhir",
        "Jumada al-Ula",
        "Jumada al-Akhira",
        "Rajab",
        "Shaban",
        "Ramadan",
        "Shawwal",
        "Dhu al-Qada",
        "Dhu al-Hijja",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_references_example_converts_both_ways() {
        assert_eq!(to_gregorian(1443, 6, 3), Some(d("2022-01-06")));
        assert_eq!(from_gregorian(d("2022-01-06")), Some((1443, 6, 3)));
    }

    #[test]
    fn ramadan_1443_and_eid_al_adha_1442() {
        assert_eq!(
            month_span(1443, 9),
            Some((d("2022-04-02"), d("2022-05-01")))
        );
        assert_eq!(to_gregorian(1442, 12, 10), Some(d("2021-07-20")));
        assert_eq!(to_gregorian(1443, 13, 1), None);
    }
}
