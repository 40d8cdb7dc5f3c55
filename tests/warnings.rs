//! The consistency warnings an editor relies on, and --prefer future on forward-looking text.

use chrono::NaiveDate;
use tarikh::{Options, Prefer, extract};

fn opts(anchor: &str, prefer: Prefer) -> Options {
    Options {
        anchor: Some(anchor.parse().unwrap()),
        prefer,
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
    }
}

fn warnings(text: &str) -> Vec<String> {
    extract(text, &opts("2022-01-06", Prefer::Past)).warnings
}

#[test]
fn a_weekday_that_does_not_match_its_date() {
    let w = warnings("وقع الانفجار يوم الخميس 7 يناير 2022 في المدينة.");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("Thursday") && w[0].contains("Friday"),
        "{w:?}"
    );
    assert!(warnings("وقع الانفجار يوم الخميس 6 يناير 2022.").is_empty());
}

#[test]
fn hijri_and_gregorian_that_disagree() {
    let w = warnings("صدر القرار في 3 جمادى الآخرة 1443 هـ الموافق 20 يناير 2022 م.");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("Hijri"), "{w:?}");
    // One event for the pair, on the Gregorian side's day.
    let t = extract(
        "صدر القرار في 3 جمادى الآخرة 1443 هـ الموافق 6 يناير 2022 م.",
        &opts("2022-01-06", Prefer::Past),
    );
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    assert_eq!(t.events.len(), 1);
    assert!(t.events[0].date.reason.contains("Umm al-Qura"));
}

#[test]
fn a_relative_date_after_the_articles_own_date() {
    let w = warnings("وقع الحادث في 20 يناير أمام المبنى.");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("after the article's own date"), "{w:?}");
    // Text that itself points forward is not suspicious.
    assert!(warnings("سيعقد الاجتماع غدا ويستمر حتى الأسبوع المقبل.").is_empty());
}

#[test]
fn prefer_future_reads_agendas_forward() {
    let t = extract(
        "يلتقي الوزيران الأحد، ثم تنطلق القمة في مارس، ويحتفل المسلمون بعيد الأضحى.",
        &opts("2022-01-06", Prefer::Future),
    );
    let starts: Vec<String> = t
        .events
        .iter()
        .map(|e| e.date.start.unwrap().to_string())
        .collect();
    assert_eq!(starts, vec!["2022-01-09", "2022-03-01", "2022-07-09"]);
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
}
