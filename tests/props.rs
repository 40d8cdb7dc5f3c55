//! Property tests: extraction never panics, and every span it reports is valid, on arbitrary
//! strings and on random mixes of Arabic temporal vocabulary, digits and punctuation.

use chrono::NaiveDate;
use proptest::prelude::*;
use tarikh::{Options, Timeline, extract};

/// Words and marks that stress the grammar: temporal vocabulary with clitics and harakat,
/// digits in three scripts, brackets, separators and traps.
const VOCAB: &[&str] = &[
    "يوم",
    "الخميس",
    "والأربعاء",
    "بالسبت",
    "للأحد",
    "الإثنين",
    "الماضي",
    "المقبل",
    "القادمة",
    "ليل",
    "ليلة",
    "الليلة",
    "الماضية",
    "حتى",
    "إلى",
    "على",
    "من",
    "بين",
    "و",
    "منذ",
    "في",
    "عام",
    "سنة",
    "يناير",
    "كانون",
    "الثاني",
    "الأول",
    "آب",
    "مارس",
    "جوان",
    "أمس",
    "أول",
    "غداً",
    "بعد",
    "غد",
    "اليوم",
    "منتصف",
    "نهاية",
    "عطلة",
    "الأسبوع",
    "هذا",
    "الآن",
    "شهر",
    "م",
    "عشر",
    "أحد",
    "جمعة",
    "الخمس",
    "ألف",
    "81",
    "6",
    "٦",
    "۶",
    "2022",
    "٢٠٢٢",
    "1989",
    "2019",
    "31",
    "0",
    "99999999999",
    "(",
    ")",
    "/",
    "-",
    ".",
    "،",
    "؟",
    "«",
    "»",
    "\"",
    "\n",
    "\r\n",
    "ـ",
    "\u{064B}",
    "\u{200F}",
    "\u{FEFB}",
    "ﺍﻟﺨﻤﻴﺲ",
];

fn options() -> Options {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        ..Options::default()
    }
}

fn check_spans(text: &str, t: &Timeline) {
    for e in &t.events {
        assert!(
            text.is_char_boundary(e.expression.start) && text.is_char_boundary(e.expression.end)
        );
        assert_eq!(
            &text[e.expression.start..e.expression.end],
            e.expression.text
        );
        assert_eq!(&text[e.sentence.start..e.sentence.end], e.sentence.text);
        assert!(e.sentence.start <= e.expression.start && e.expression.end <= e.sentence.end);
        if let (Some(s), Some(end)) = (e.date.start, e.date.end) {
            assert!(s <= end, "{e:?}");
        }
    }
    for m in &t.mentions {
        assert!(
            text.is_char_boundary(m.expression.start) && text.is_char_boundary(m.expression.end)
        );
        assert_eq!(
            &text[m.expression.start..m.expression.end],
            m.expression.text
        );
    }
    let days: Vec<_> = t
        .events
        .iter()
        .map(|e| (e.date.start.is_none(), e.date.start, e.date.end))
        .collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "events out of order");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let t = extract(&text, &options());
        check_spans(&text, &t);
    }

    #[test]
    fn vocabulary_mixes_give_valid_spans(
        words in proptest::collection::vec(proptest::sample::select(VOCAB), 0..40),
        spaces in proptest::collection::vec(any::<bool>(), 40),
        anchored in any::<bool>(),
    ) {
        let mut text = String::new();
        for (i, w) in words.iter().enumerate() {
            text.push_str(w);
            if spaces[i] {
                text.push(' ');
            }
        }
        let mut opts = options();
        if anchored {
            opts.anchor = NaiveDate::from_ymd_opt(2022, 1, 6);
        }
        let t = extract(&text, &opts);
        check_spans(&text, &t);
    }
}
