//! The stable-Rust side of fuzzing, sized for CI (a few seconds in a debug build):
//! - every input kept in `tests/fuzz_regressions/` (crashes and hangs found by `cargo fuzz` or by
//!   the loops below) still extracts cleanly;
//! - a seeded mutation loop over the hand-written corpus sentences and the sample article;
//! - proptest on arbitrary bytes (lossy UTF-8, as the fuzz target does);
//! - 1 MB adversarial strings built to provoke quadratic work, each under a hang guard.
//!
//! "Cleanly" means: no panic, every span slices the text it claims, sentences contain their
//! expressions, and each date starts no later than it ends. The deep run is `cargo fuzz` (README).

use chrono::NaiveDate;
use proptest::prelude::*;
use std::sync::mpsc;
use std::time::Duration;
use tarikh::{Options, Timeline, extract};

/// A hang guard, not a speed claim: far above what any case takes in a debug build.
const HANG_GUARD: Duration = Duration::from_secs(60);

fn options(anchored: bool) -> Options {
    Options {
        anchor: anchored.then(|| NaiveDate::from_ymd_opt(2022, 1, 6).unwrap()),
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        ..Options::default()
    }
}

fn check(text: &str, t: &Timeline) {
    for e in &t.events {
        let (s, end) = (e.expression.start, e.expression.end);
        assert!(text.is_char_boundary(s) && text.is_char_boundary(end));
        assert_eq!(&text[s..end], e.expression.text);
        assert_eq!(&text[e.sentence.start..e.sentence.end], e.sentence.text);
        assert!(e.sentence.start <= s && end <= e.sentence.end);
        if let (Some(a), Some(b)) = (e.date.start, e.date.end) {
            assert!(a <= b, "{e:?}");
        }
    }
    for m in &t.mentions {
        assert_eq!(
            &text[m.expression.start..m.expression.end],
            m.expression.text
        );
    }
}

/// Extracts `text` (with an anchor, or inferring one) on another thread, failing if it takes
/// longer than the guard (a hang) or panics.
fn extract_guarded(name: &str, text: String, anchors: &'static [bool]) {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        for &anchored in anchors {
            let t = extract(&text, &options(anchored));
            check(&text, &t);
        }
        let _ = tx.send(());
    });
    match rx.recv_timeout(HANG_GUARD) {
        Ok(()) => handle.join().unwrap(),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            if let Err(e) = handle.join() {
                std::panic::resume_unwind(e)
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{name}: no result after {HANG_GUARD:?}"),
    }
}

#[test]
fn kept_fuzz_inputs_extract_cleanly() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz_regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        extract_guarded(
            &path.display().to_string(),
            String::from_utf8_lossy(&bytes).into_owned(),
            &[false, true],
        );
        n += 1;
    }
    assert!(n > 0, "no inputs in {dir}");
}

/// xorshift64*: deterministic, so a failure names its iteration and reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The corpus sentences and the sample article's lines: the inputs mutations start from.
fn seeds() -> Vec<Vec<u8>> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(format!("{root}/src/lang/ar/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            out.push(line.split('\t').next().unwrap().as_bytes().to_vec());
        }
    }
    let sample = std::fs::read_to_string(format!("{root}/data/sample.txt")).unwrap();
    out.extend(sample.lines().map(|l| l.as_bytes().to_vec()));
    out
}

/// Bytes that matter to the tokenizer and the sentence splitter: Arabic lead and continuation
/// bytes, marks, quotes, digits, controls.
const INTERESTING: &[u8] = &[
    0xD8, 0xD9, 0xDA, 0xDB, 0x80, 0xA7, 0xBF, 0xC2, 0xAB, 0xBB, 0xE2, 0x80, 0x9C, 0x9D, 0xA6, 0xA9,
    0xEF, 0xBB, 0xBF, b'.', b'!', b'?', b'"', b'(', b')', b'/', b'-', b'\n', b'\r', b' ', b'0',
    b'1', b'2', b'9', 0, 0x1B,
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], out: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(6) {
        let len = out.len();
        match rng.below(7) {
            0 if len > 0 => out[rng.below(len)] = rng.next() as u8,
            1 => out.insert(
                rng.below(len + 1),
                INTERESTING[rng.below(INTERESTING.len())],
            ),
            2 if len > 0 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(16)).min(len);
                out.drain(a..b);
            }
            3 if len > 0 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(32)).min(len);
                let piece = out[a..b].to_vec();
                let at = rng.below(len + 1);
                out.splice(at..at, piece);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let a = rng.below(other.len());
                let b = (a + 1 + rng.below(64)).min(other.len());
                let at = rng.below(len + 1);
                out.splice(at..at, other[a..b].iter().copied());
            }
            5 => {
                let other = &seeds[rng.below(seeds.len())];
                out.push(b' ');
                out.extend_from_slice(other);
            }
            _ if len > 0 => {
                // Cut at a random byte, often in the middle of a character.
                out.truncate(rng.below(len));
            }
            _ => {}
        }
    }
}

#[test]
fn mutations_of_the_corpus_extract_cleanly() {
    let seeds = seeds();
    let mut rng = Rng(0x7A71_4B00_0000_0007);
    for i in 0..40_000 {
        let mut input = seeds[rng.below(seeds.len())].clone();
        mutate(&mut rng, &seeds, &mut input);
        let text = String::from_utf8_lossy(&input);
        let t = extract(&text, &options(i % 2 == 0));
        check(&text, &t);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_as_lossy_text(bytes in proptest::collection::vec(any::<u8>(), 0..4096), anchored in any::<bool>()) {
        let text = String::from_utf8_lossy(&bytes);
        let t = extract(&text, &options(anchored));
        check(&text, &t);
    }
}

/// The wider forms (Hijri, offsets, parts of periods, clock times, seasons, "future" cues):
/// long random mixes of them exercise chaining (ranges, الموافق pairs, offsets from a previous
/// date) far beyond the corpus sentences.
const WIDE_VOCAB: &[&str] = &[
    "رمضان",
    "شوال",
    "ذي",
    "الحجة",
    "محرم",
    "صفر",
    "1443",
    "هـ",
    "الموافق",
    "عيد",
    "الفطر",
    "بعد",
    "قبل",
    "منذ",
    "يومين",
    "أسبوعين",
    "ثلاثة",
    "أيام",
    "أشهر",
    "سنوات",
    "من",
    "ذلك",
    "مطلع",
    "أواخر",
    "منتصف",
    "الشهر",
    "الجاري",
    "الماضي",
    "المقبل",
    "العام",
    "القرن",
    "الـ",
    "20",
    "الساعة",
    "العاشرة",
    "صباحا",
    "مساء",
    "10:30",
    "الصيف",
    "الشتاء",
    "عقد",
    "الثمانينيات",
    "من المقرر",
    "سوف",
    "المرتقب",
    "ليلة",
    "أمس",
    "غدا",
    "يوم",
    "الجمعة",
    "كل",
    "أسبوع",
    "خلال",
    "لمدة",
    "بين",
    "و",
    "إلى",
    "حتى",
    "(",
    ")",
    "/",
    "-",
    ".",
    "،",
    "\n",
    "كانون",
    "الثاني",
    "يناير",
    "2022",
    "٢٠٢٢",
    "31",
    "29",
    "فبراير",
    "0",
    "4294967296",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn long_mixes_of_the_wider_vocabulary(
        words in proptest::collection::vec(proptest::sample::select(WIDE_VOCAB), 0..200),
        glue in proptest::collection::vec(proptest::sample::select(&[" ", "", "، ", " و"][..]), 200),
        anchored in any::<bool>(),
    ) {
        let mut text = String::new();
        for (w, g) in words.iter().zip(&glue) {
            text.push_str(w);
            text.push_str(g);
        }
        let t = extract(&text, &options(anchored));
        check(&text, &t);
    }
}

/// Repeats `unit` to about 1 MB.
fn mb(unit: &str) -> String {
    unit.repeat(1_000_000 / unit.len() + 1)
}

/// Repeats `unit` to about 256 KB: for units dense in dates, where a debug build spends its time
/// building tens of thousands of events (the 1 MB and larger runs are in `benches/sizes.sh`).
fn kb256(unit: &str) -> String {
    unit.repeat(256_000 / unit.len() + 1)
}

#[test]
fn one_megabyte_adversarial_strings_finish() {
    let cases: Vec<(&str, String)> = vec![
        ("weekdays", mb("يوم الخميس ")),
        ("night chains", kb256("ليل الأربعاء حتى ")),
        ("range chains", mb("من 1 إلى ")),
        ("chained offsets", kb256("بعد يومين من ذلك ")),
        ("paired dates", kb256("1 رمضان 1443 الموافق ")),
        ("numeric dates", kb256("1/1/")),
        ("open brackets", mb("(")),
        ("brackets and dates", kb256("الخميس (6 يناير) (")),
        ("unbalanced quotes", kb256("«\"“ الخميس ")),
        ("stops only", mb(".؟؛…")),
        ("one number", "1".repeat(1_000_000)),
        ("one word", "ب".repeat(500_000)),
        ("harakat", format!("ب{}", "\u{064E}".repeat(500_000))),
        ("tatweel", format!("الخميـ{}ـس", "ـ".repeat(500_000))),
        ("clitics", kb256("وبالخميس وللأحد وفي ")),
        ("months", kb256("يناير فبراير كانون الثاني ")),
        ("parts and seasons", mb("مطلع منتصف أواخر صيف ")),
        ("lines", mb("2022\n")),
        ("controls", kb256("\u{1b}[2J\u{0}\u{202E}\u{9b}يوم")),
    ];
    for (i, (name, text)) in cases.into_iter().enumerate() {
        extract_guarded(name, text, if i % 2 == 0 { &[true] } else { &[false] });
    }
}

/// The grouping of one report across documents compares each distinct sentence once; it must
/// give the groups the plain pairwise comparison gives (union of every cross-document pair of
/// closely matching sentences with the same days, named by the earliest event).
#[test]
fn report_groups_match_the_pairwise_definition() {
    use tarikh::Source;
    use tarikh::extract::merge::closely_matching;
    const POOL: &[&str] = &[
        "وأكد قاسم جومارت توكاييف يوم الأربعاء أن العصابات الإرهابية تقود المظاهرات.",
        "أكد الرئيس قاسم جومارت توكاييف يوم الأربعاء أن عصابات إرهابية تقود المظاهرات في البلاد.",
        "ودعت موسكو يوم الأربعاء إلى حل الأزمة من خلال الحوار.",
        "دعت موسكو يوم الأربعاء إلى حل الأزمة عبر الحوار بين الأطراف.",
        "وارتفعت أسعار الوقود يوم الأربعاء في ألماتي.",
        "يوم الأربعاء.",
    ];
    let mut rng = Rng(0x5EED_0000_0000_0042);
    let mut grouped = 0;
    for round in 0..40 {
        let docs = 1 + rng.below(5);
        let sources: Vec<Source> = (0..docs)
            .map(|d| {
                let text: Vec<&str> = (0..1 + rng.below(4))
                    .map(|_| POOL[rng.below(POOL.len())])
                    .collect();
                Source {
                    id: format!("d{d}"),
                    path: None,
                    text: text.join("\n"),
                }
            })
            .collect();
        let t = tarikh::extract_sources(sources, &options(true));
        let ev = &t.events;
        let n = ev.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                i = p[i];
            }
            i
        }
        for i in 0..n {
            for j in i + 1..n {
                if (ev[i].date.start, ev[i].date.end) == (ev[j].date.start, ev[j].date.end)
                    && ev[i].date.start.is_some()
                    && ev[i].document != ev[j].document
                    && closely_matching(&ev[i].sentence.text, &ev[j].sentence.text)
                {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
        let roots: Vec<usize> = (0..n).map(|i| root(&mut parent, i)).collect();
        for i in 0..n {
            let r = roots[i];
            let expected =
                (roots.iter().filter(|&&x| x == r).count() > 1).then(|| ev[r].id.clone());
            assert_eq!(ev[i].group, expected, "round {round}, event {i}");
            grouped += usize::from(expected.is_some());
        }
    }
    assert!(grouped > 20, "the rounds exercised grouping: {grouped}");
}
