//! Inferring the article's own date by weighing its clues: claims about today (datelines,
//! relative days written with their dates, anniversaries), constraints (the weekday of today,
//! the years named) and event dates; uncertain when they are weak or disagree.

use chrono::NaiveDate;
use tarikh::{AnchorBasis, Options, extract};

fn anchor(text: &str) -> (Option<String>, AnchorBasis, String) {
    let (d, basis, _, reason) = weighed(text);
    (d, basis, reason)
}

/// The inferred anchor: date, basis, whether it is uncertain, and the reason.
fn weighed(text: &str) -> (Option<String>, AnchorBasis, bool, String) {
    let opts = Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        ..Options::default()
    };
    let t = extract(text, &opts);
    let a = &t.documents[0].anchor;
    (
        a.date.map(|d| d.to_string()),
        a.basis,
        a.uncertain,
        a.reason.clone(),
    )
}

/// The anchor's date and whether it is uncertain.
fn day(text: &str) -> (Option<String>, bool) {
    let (d, _, u, _) = weighed(text);
    (d, u)
}

fn sure(text: &str, want: &str) {
    let (d, _, u, reason) = weighed(text);
    assert_eq!(d.as_deref(), Some(want), "{text}\n{reason}");
    assert!(!u, "should be certain: {text}\n{reason}");
}

fn unsure(text: &str, want: &str) {
    let (d, _, u, reason) = weighed(text);
    assert_eq!(d.as_deref(), Some(want), "{text}\n{reason}");
    assert!(u, "should be uncertain: {text}\n{reason}");
    assert!(reason.contains("uncertain"), "{reason}");
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
    // A dated event moved to the weekday the text gives for today: uncertain.
    assert!(reason.contains("uncertain"), "{reason}");
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

// ---- datelines ------------------------------------------------------------------------------

#[test]
fn an_agency_dateline_without_its_year_takes_the_named_year_the_weekday_confirms() {
    sure(
        "وزارة الصحة تعلن خطة جديدة\nالقاهرة – 5 – 3 (أ ش أ) -- أعلنت وزارة الصحة اليوم الأحد خطتها لعام 2023.",
        "2023-03-05",
    );
    // No weekday to confirm the year: the named year is only a guess.
    unsure(
        "وزارة الصحة تعلن خطة جديدة\nالقاهرة – 5 – 3 (أ ش أ) -- أعلنت وزارة الصحة خطتها لعام 2023.",
        "2023-03-05",
    );
}

#[test]
fn a_dateline_whose_tokens_a_web_copy_scrambled_still_reads() {
    sure(
        "آخر تحديث 12 15:36 2022 أفريل\nقال مسؤول إن الاجتماع انتهى أمس.",
        "2022-04-12",
    );
    // A clock glued to the date after it.
    sure(
        "09:417/3/2021, الأحد\nقال مسؤول إن الاجتماع انتهى أمس.",
        "2021-03-07",
    );
    // A publication line in Eastern digits, with a two-word month.
    sure(
        "أخبار محلية\nنشر بتاريخ: ٣ كانون الأول ٢٠٢١\nقال مسؤول إن الاجتماع انتهى أمس.",
        "2021-12-03",
    );
}

#[test]
fn a_date_in_a_headline_is_not_a_dateline_unless_another_clue_agrees() {
    // "تنطلق ... 5 أغسطس 2024" may be the headline's event: not taken on its own word.
    let (d, u) = day("القمة العربية تنطلق 5 أغسطس 2024\nيستعد القادة للقمة في الرياض.");
    assert!(d.is_none() || u, "{d:?}");
    // A date after a preposition is an event, never a dateline: at most an uncertain hint.
    let (_, _, u, reason) = weighed("القمة في 5 أغسطس 2024\nيستعد القادة للقمة.");
    assert!(u && !reason.contains("dateline"), "{reason}");
    // With today's weekday agreeing, the top line is the article's day.
    sure(
        "مركز الأخبار 5 أغسطس 2024\nأعلنت الحكومة اليوم الاثنين خطتها.",
        "2024-08-05",
    );
}

#[test]
fn publication_lines_in_the_forms_sites_print() {
    let body = "\nقال مسؤول إن الاجتماع انتهى أمس.";
    for top in [
        "الجمعة 13 أكتوبر 2023 - 10:42 ص",
        "2023/10/13",
        "13.10.2023 | 10:42",
        "تاريخ النشر: 13/10/2023",
        "حرر في 13/10/2023",
        "آخر تحديث: الجمعة، 13 تشرين الأول 2023",
        "بغداد/ 13 تشرين الأول/ أكتوبر 2023",
        "13 أكتوبر، 2023",
        "الجمعة 28 ربيع الأول 1445 هـ - 13 أكتوبر 2023 م",
    ] {
        sure(&format!("{top}{body}"), "2023-10-13");
    }
    // A future verb before it: an event, not a publication line.
    let (d, _) = day(&format!("ستنطلق في 13/10/2023{body}"));
    assert_ne!(d.as_deref(), Some("2023-10-13"));
}

#[test]
fn hijri_and_agency_datelines() {
    sure(
        "الرياض - الثلاثاء 29 شعبان 1436هـ\nأعلنت المحكمة العليا أن غدا هو المتمم لشهر شعبان.",
        "2015-06-16",
    );
    // "CITY في DATE (AGENCY)": a dateline even after في.
    sure(
        "القاهرة في 20 مارس 2024 (رويترز) - قالت الوزارة إن الاجتماع انتهى أمس الثلاثاء.",
        "2024-03-20",
    );
    // A headline's event date does not shake the agency dateline the weekday confirms.
    sure(
        "مجلس الوزراء يقرر عطلة الخميس 6 يوليو 2023\nالكويت – 3 – 7 (كونا) -- قرر مجلس الوزراء اليوم الاثنين اعتبار الخميس عطلة رسمية.",
        "2023-07-03",
    );
}

#[test]
fn without_a_clue_about_today_a_written_year_beats_a_completed_one() {
    unsure(
        "دمشق (سانا) - بدأت يوم الأحد 3 آذار 2019 امتحانات الشهادة الثانوية، وتستمر حتى الخميس 14 آذار.",
        "2019-03-03",
    );
}

#[test]
fn numbers_and_headlines_that_look_like_dates_are_not_datelines() {
    // A count, a score, a year alone.
    for text in [
        "5 قتلى في هجوم على سوق\nقتل خمسة أشخاص في الهجوم.",
        "فوز 2 - 1 للفريق\nانتهت المباراة بفوز الفريق.",
        "انتخابات 2024: ما الذي ينتظر الناخبين\nيتوجه الناخبون إلى الصناديق.",
    ] {
        let (d, _) = day(text);
        assert_eq!(d, None, "{text}");
    }
}

// ---- a relative day written with its date ----------------------------------------------------

#[test]
fn tomorrow_yesterday_today_with_a_full_date_fix_the_day() {
    sure(
        "وتنطلق القمة يوم غد الخميس 1 فبراير 2024 في الرياض.",
        "2024-01-31",
    );
    sure(
        "وعقد المجلس أمس الثلاثاء 5 مارس 2024 جلسة طارئة.",
        "2024-03-06",
    );
    sure(
        "ويبدأ المهرجان بعد غد السبت 10 فبراير 2024 في عمان.",
        "2024-02-08",
    );
    sure(
        "وفي حديث اليوم الأحد، 4 فبراير 2024، قال الوزير إن الخطة جاهزة.",
        "2024-02-04",
    );
}

#[test]
fn today_with_its_weekday_and_a_day_month_takes_the_year_the_weekday_confirms() {
    sure(
        "وقال المتحدث اليوم الاثنين 17 يوليو إن الحكومة ستعلن ميزانية عام 2023.",
        "2023-07-17",
    );
    // 17 July 2022 is a Sunday: the named year does not fit, so the year is a guess.
    unsure(
        "وقال المتحدث اليوم الاثنين 17 يوليو إن الحكومة راجعت ميزانية عام 2022.",
        "2023-07-17",
    );
}

#[test]
fn today_with_a_hijri_date_or_a_hijri_pair_fixes_the_day() {
    sure(
        "عقدت المحكمة جلسة مساء هذا اليوم الثلاثاء التاسع والعشرين من شهر شعبان عام 1436هـ.",
        "2015-06-16",
    );
    sure(
        "أعلنت الهيئة اليوم الثلاثاء 29 شعبان 1436هـ الموافق 16 يونيو 2015 نتائج الرصد.",
        "2015-06-16",
    );
}

#[test]
fn on_this_day_in_history_is_not_today() {
    for text in [
        "وفي مثل هذا اليوم 5 يونيو 1967 اندلعت الحرب.",
        "وفي ذلك اليوم 5 يونيو 1967 اندلعت الحرب.",
    ] {
        let (_, _, u, reason) = weighed(text);
        assert!(
            u && !reason.contains("puts the article"),
            "{text}: {reason}"
        );
    }
    // "هذا اليوم" alone is today.
    sure(
        "عقدت المحكمة جلسة مساء هذا اليوم الثلاثاء 16 يونيو 2015 للنظر في القضية.",
        "2015-06-16",
    );
}

#[test]
fn a_national_day_is_not_today() {
    // "اليوم الوطني 2 ديسمبر 2021" names a holiday, not the article's day.
    // No anchor, or an uncertain one: never that day with confidence.
    let (d, u) = day("تحتفل الإمارات باليوم الوطني 2 ديسمبر 2021 بعروض في أبوظبي.");
    assert!(d.is_none() || u, "{d:?}");
}

// ---- the weekday of today against dated clues -----------------------------------------------

#[test]
fn a_dateline_the_weekday_contradicts_moves_to_the_nearest_day_and_says_uncertain() {
    // 12 October 2021 is a Tuesday; "أمس الأحد" makes the article a Monday.
    let (d, _, u, reason) =
        weighed("الرباط - 12 أكتوبر 2021\nوقال مسؤول إن الاجتماع انتهى أمس الأحد.");
    assert_eq!(d.as_deref(), Some("2021-10-11"));
    assert!(u && reason.contains("Monday"), "{reason}");
}

#[test]
fn a_weekday_in_apposition_gives_today_but_one_after_and_does_not() {
    // "يوم أمس (الخميس)": the article is a Friday.
    let (d, u) =
        day("العدد 12 - الخميس 18 نوفمبر 2010\nتوافد الزوار حتى يوم أمس (الخميس) على السواحل.");
    assert_eq!((d.as_deref(), u), (Some("2010-11-19"), true));
    // "أمس، والخميس …" is another day, not yesterday's name.
    sure(
        "العدد 12 - الخميس 18 نوفمبر 2010\nوصل الوفد أمس، والخميس يغادر إلى بيروت.",
        "2010-11-18",
    );
}

#[test]
fn weekdays_that_disagree_make_the_anchor_uncertain() {
    unsure(
        "الرباط - 12 أكتوبر 2021\nوقال إن الوفد وصل أمس الاثنين، وإن الاجتماع يعقد اليوم الخميس.",
        "2021-10-12",
    );
}

#[test]
fn an_event_date_on_todays_weekday_is_the_anchor_when_it_is_the_latest() {
    sure(
        "تحتفل ليبيا اليوم السبت بعيد استقلالها. وفي عام 1951 نالت استقلالها، ويصادف العيد هذا العام السبت 24-12-2011.",
        "2011-12-24",
    );
    // An older date that happens to fall on today's weekday is not trusted.
    let (d, u) = day(
        "قال الوزير اليوم الأربعاء إن الحكومة ستراجع القرار. وكان القرار قد صدر في 4 يونيو 2014، ونشر في 8 يونيو 2014.",
    );
    assert!(u, "{d:?}");
}

#[test]
fn an_event_date_without_a_clue_about_today_is_only_a_hint() {
    unsure(
        "أصدر رئيس الوزراء قرارا بأن يكون يوم الخميس الموافق 24 من شهر يوليو 2025 عطلة رسمية.",
        "2025-07-24",
    );
}

// ---- dates the text puts ahead ---------------------------------------------------------------

#[test]
fn a_date_the_text_puts_in_the_future_is_never_the_anchor() {
    let (d, _) = day("ستعقد القمة في 5 أغسطس 2024 في الرياض.");
    assert_ne!(d.as_deref(), Some("2024-08-05"));
    let (d, _) = day("ومن المقرر أن تعقد القمة في 5 أغسطس 2024 في الرياض.");
    assert_ne!(d.as_deref(), Some("2024-08-05"));
    // With today's weekday, the article is the Monday before, and uncertain.
    unsure(
        "أعلنت الجامعة اليوم الاثنين أن القمة ستعقد في 5 أغسطس 2024 في الرياض.",
        "2024-07-29",
    );
    // A noun that starts like a future verb is not one.
    let (d, _) = day("وصلت سيارة الوزير في 5 أغسطس 2024 إلى الرياض.");
    assert_eq!(d.as_deref(), Some("2024-08-05"));
}

// ---- anniversaries ---------------------------------------------------------------------------

#[test]
fn an_anniversary_landing_on_todays_weekday_is_taken_but_uncertain() {
    // 12 January 2020 is a Sunday, ten years after the quake.
    unsure(
        "في الذكرى العاشرة للزلزال، تجمع الأهالي صباح اليوم الأحد في الساحة. وكان الزلزال قد ضرب المدينة في 12 يناير 2010.",
        "2020-01-12",
    );
    // No weekday for today: an anniversary alone fixes nothing.
    let (d, _) = day(
        "في الذكرى العاشرة للزلزال تجمع الأهالي في الساحة. وكان الزلزال قد ضرب المدينة عام 2010.",
    );
    assert_eq!(d, None);
}

#[test]
fn a_given_anchor_is_never_uncertain() {
    let opts = Options {
        anchor: NaiveDate::from_ymd_opt(2024, 1, 31),
        ..Options::default()
    };
    let t = extract(
        "الرباط - 12 أكتوبر 2021\nوقال مسؤول إن الاجتماع انتهى أمس الأحد.",
        &opts,
    );
    let a = &t.documents[0].anchor;
    assert_eq!(a.basis, AnchorBasis::Given);
    assert!(!a.uncertain);
}

#[test]
fn the_json_anchor_says_whether_it_is_uncertain() {
    let opts = Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        ..Options::default()
    };
    let t = extract(
        "الرباط - 12 أكتوبر 2021\nوقال مسؤول إن الاجتماع انتهى أمس الأحد.",
        &opts,
    );
    let v = serde_json::to_value(&t).unwrap();
    assert_eq!(v["documents"][0]["anchor"]["uncertain"], true);
    assert_eq!(v["documents"][0]["anchor"]["date"], "2021-10-11");
    // Events resolved against it are uncertain too.
    let yesterday = t
        .events
        .iter()
        .find(|e| e.expression.text.contains("أمس"))
        .expect("أمس is an event");
    assert!(yesterday.date.uncertain, "{:?}", yesterday.date);
}
