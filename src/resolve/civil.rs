//! National and civil days by country: facts of each country's calendar, not of a language.
//!
//! A national day without its country ("اليوم الوطني") takes the country the article is about;
//! the language's scanner names it (the country its text names most).

use crate::lang::expr::{CivilDay, Country};

/// The (month, day) a country keeps a civil day on, if it keeps it; a day of one people
/// (يوم الأرض, ذكرى النكبة) needs no country.
pub fn date(kind: CivilDay, country: Option<Country>) -> Option<(u32, u32)> {
    use CivilDay as D;
    use Country as C;
    match kind {
        D::LandDay => return Some((3, 30)),
        D::Nakba => return Some((5, 15)),
        _ => {}
    }
    let country = country?;
    // Where a country's national day is its independence day, both names lead there.
    let national = match country {
        C::Uae => (12, 2),
        C::Saudi => (9, 23),
        C::Kuwait => (2, 25),
        C::Qatar => (12, 18),
        C::Bahrain => (12, 16),
        C::Oman => (11, 18),
        C::Yemen => (5, 22),
        C::Jordan => (5, 25),
        C::Lebanon => (11, 22),
        C::Syria => (4, 17),
        C::Iraq => (10, 3),
        C::Egypt => (7, 23),
        C::Sudan => (1, 1),
        C::Libya => (12, 24),
        C::Tunisia => (3, 20),
        C::Algeria => (7, 5),
        C::Morocco => (7, 30),
        C::Mauritania => (11, 28),
        C::Palestine => (11, 15),
    };
    let day = match (kind, country) {
        (D::National, _) => national,
        (D::Independence, C::Morocco) => (11, 18),
        (D::Independence, C::Algeria | C::Libya | C::Tunisia | C::Sudan | C::Jordan) => national,
        (D::Independence, C::Lebanon | C::Mauritania | C::Qatar | C::Bahrain) => national,
        (D::Independence, C::Palestine) => national,
        (D::Independence, C::Syria) => (4, 17),
        (D::Independence, C::Kuwait) => (2, 25),
        (D::Independence, C::Uae) => (12, 2),
        (D::Martyrs, C::Uae) => (11, 30),
        (D::Throne, C::Morocco) => (7, 30),
        (D::Liberation, C::Kuwait) => (2, 26),
        (D::Liberation, C::Egypt) => (4, 25),
        (D::Evacuation, C::Syria) => (4, 17),
        (D::Unity, C::Yemen) => (5, 22),
        (D::Founding, C::Saudi) => (2, 22),
        _ => return None,
    };
    Some(day)
}

/// The English name of a civil day, for reasons.
pub fn name(kind: CivilDay) -> &'static str {
    match kind {
        CivilDay::National => "national day",
        CivilDay::Independence => "independence day",
        CivilDay::Martyrs => "Martyrs' Day",
        CivilDay::Throne => "Throne Day",
        CivilDay::Liberation => "liberation day",
        CivilDay::Evacuation => "Evacuation Day",
        CivilDay::Unity => "Unity Day",
        CivilDay::Founding => "Founding Day",
        CivilDay::LandDay => "Land Day (30 March)",
        CivilDay::Nakba => "Nakba Day (15 May)",
    }
}

/// The country's English name, for reasons.
pub fn country_name(c: Country) -> &'static str {
    match c {
        Country::Uae => "the UAE",
        Country::Saudi => "Saudi Arabia",
        Country::Kuwait => "Kuwait",
        Country::Qatar => "Qatar",
        Country::Bahrain => "Bahrain",
        Country::Oman => "Oman",
        Country::Yemen => "Yemen",
        Country::Jordan => "Jordan",
        Country::Lebanon => "Lebanon",
        Country::Syria => "Syria",
        Country::Iraq => "Iraq",
        Country::Egypt => "Egypt",
        Country::Sudan => "Sudan",
        Country::Libya => "Libya",
        Country::Tunisia => "Tunisia",
        Country::Algeria => "Algeria",
        Country::Morocco => "Morocco",
        Country::Mauritania => "Mauritania",
        Country::Palestine => "Palestine",
    }
}
