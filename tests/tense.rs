//! The tense of a sentence decides which way an expression that could point either way
//! resolves, and the reason says which word decided.

use chrono::NaiveDate;
use tarikh::{Options, Prefer, extract};

fn opts(prefer: Prefer) -> Options {
    Options {
        anchor: NaiveDate::from_ymd_opt(2022, 1, 6),
        prefer,
        ..Options::default()
    }
}

fn only(text: &str, prefer: Prefer) -> (String, String) {
    let t = extract(text, &opts(prefer));
    assert_eq!(t.events.len(), 1, "{text}: {:?}", t.events);
    let d = &t.events[0].date;
    (d.start.unwrap().to_string(), d.reason.clone())
}

#[test]
fn the_reason_quotes_the_clue_and_its_direction() {
    let (day, reason) = only("ستعقد اللجنة اجتماعها يوم السبت.", Prefer::Past);
    assert_eq!(day, "2022-01-08");
    assert!(reason.contains("'ستعقد' points ahead"), "{reason}");
    let (day, reason) = only("وقع الانفجار يوم السبت.", Prefer::Future);
    assert_eq!(day, "2022-01-01");
    assert!(reason.contains("'وقع' points back"), "{reason}");
    let (day, reason) = only("سيحتفل المسلمون بعيد الأضحى.", Prefer::Past);
    assert_eq!(day, "2022-07-09");
    assert!(reason.contains("'سيحتفل' points ahead"), "{reason}");
}

#[test]
fn prefer_decides_only_when_the_sentence_says_nothing() {
    let text = "جدول الوزير: يوم السبت اجتماع.";
    assert_eq!(only(text, Prefer::Past).0, "2022-01-01");
    assert_eq!(only(text, Prefer::Future).0, "2022-01-08");
    let (_, reason) = only(text, Prefer::Past);
    assert!(!reason.contains("points"), "{reason}");
}

#[test]
fn a_weekday_dated_elsewhere_keeps_its_day_and_says_so() {
    let t = extract(
        "ستشهد المنطقة أمطارا يوم الاثنين. وأكدت الأرصاد تسجيل أمطار يوم الاثنين.",
        &opts(Prefer::Past),
    );
    let second = &t.events[1].date;
    assert_eq!(second.start.unwrap().to_string(), "2022-01-10");
    assert!(
        second.reason.contains("dates elsewhere, 2022-01-10"),
        "{}",
        second.reason
    );
}
