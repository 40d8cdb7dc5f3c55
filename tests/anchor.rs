//! Inferring the article's own date, in the reference's order of trust.

use chrono::NaiveDate;
use tarikh::{AnchorBasis, Options, extract};

fn anchor(text: &str) -> (Option<String>, AnchorBasis, String) {
    let opts = Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        ..Options::default()
    };
    let t = extract(text, &opts);
    let a = &t.documents[0].anchor;
    (a.date.map(|d| d.to_string()), a.basis, a.reason.clone())
}

#[test]
fn a_full_date_whose_weekday_agrees_wins() {
    let (d, basis, reason) =
        anchor("وقعت الحادثة في 3 مارس 2015. وأعلنت الوزارة الخميس 6 يناير 2022 نتائج التحقيق.");
    assert_eq!(d.as_deref(), Some("2022-01-06"));
    assert_eq!(basis, AnchorBasis::Inferred);
    assert!(reason.contains("full date"), "{reason}");
}

#[test]
fn a_dateline_gives_the_date() {
    let (d, _, reason) = anchor("الرباط - 12 أكتوبر 2021\nقال مسؤول إن الاجتماع انتهى أمس.");
    assert_eq!(d.as_deref(), Some("2021-10-12"));
    assert!(reason.contains("dateline"), "{reason}");
}

#[test]
fn a_weekday_and_day_month_take_the_first_fitting_year_from_the_latest_named() {
    let (d, _, reason) =
        anchor("حكم البلاد من 1999 إلى 2016. وتظاهر الآلاف يوم الجمعة (18 مارس) في العاصمة.");
    // 18 March is a Friday in 2016 and again in 2022; the first from 2016 on is 2016.
    assert_eq!(d.as_deref(), Some("2016-03-18"));
    assert!(reason.contains("2016"), "{reason}");
}

#[test]
fn with_no_year_named_the_most_recent_fitting_year_up_to_today() {
    let (d, _, _) = anchor("وتظاهر الآلاف يوم الجمعة (18 مارس) في العاصمة.");
    assert_eq!(d.as_deref(), Some("2022-03-18"));
}

#[test]
fn yesterday_with_its_weekday_moves_the_anchor_to_the_right_day() {
    let (d, _, reason) = anchor(
        "عقد المجلس جلسته ظهر أمس الثلاثاء في بيروت عام 2022. ويعقد البرلمان جلسة يوم الخميس 27 كانون الثاني.",
    );
    assert_eq!(d.as_deref(), Some("2022-01-26"));
    assert!(reason.contains("Wednesday"), "{reason}");
}

#[test]
fn no_date_at_all_leaves_the_article_unanchored() {
    let (d, basis, reason) = anchor("وصل الوفد أمس وسيغادر غدا.");
    assert_eq!(d, None);
    assert_eq!(basis, AnchorBasis::None);
    assert!(reason.contains("--anchor"), "{reason}");
}

#[test]
fn an_inferred_anchor_is_never_after_today() {
    let (d, _, _) = anchor("الرباط - 12 أكتوبر 2031\nقال مسؤول إن الاجتماع انتهى أمس.");
    assert_eq!(d, None);
}
