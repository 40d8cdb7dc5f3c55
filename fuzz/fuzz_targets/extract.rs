//! Arbitrary bytes → lossy UTF-8 → `tarikh::extract`, with and without an anchor: no panic, no
//! hang, and every span slices the text it claims. Run with `cargo +nightly fuzz run extract`
//! from the repository root (see README, "Fuzzing").
#![no_main]

use libfuzzer_sys::fuzz_target;
use tarikh::{Options, extract};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    // The first byte picks the anchor mode, so both inference and a given anchor are explored.
    let anchor = match data.first() {
        Some(b) if b & 1 == 1 => chrono::NaiveDate::from_ymd_opt(2022, 1, 6),
        _ => None,
    };
    let opts = Options {
        anchor,
        today,
        ..Options::default()
    };
    let t = extract(&text, &opts);
    for e in &t.events {
        assert!(text.is_char_boundary(e.expression.start));
        assert!(text.is_char_boundary(e.expression.end));
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
        assert_eq!(
            &text[m.expression.start..m.expression.end],
            m.expression.text
        );
    }
});
