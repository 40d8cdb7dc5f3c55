//! Odd and hostile input through the real binary: byte-order marks, CRLF, mixed scripts, bidi
//! marks, NUL bytes, endless words and lines, sentences without a date, binary files, thousands
//! of files at once. Each run has a generous deadline (a hang guard, not a speed claim).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Far above what any case here needs even in a debug build on a loaded machine.
const HANG_GUARD: Duration = Duration::from_secs(120);

/// Runs `tarikh ARGS` with `input` on standard input, killing it if it outlives the guard.
fn run(args: &[&str], input: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let writer = input.map(|bytes| {
        let mut stdin = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        })
    });
    // Drain the pipes on threads so a large output cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).map(|_| v)
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).map(|_| v)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > HANG_GUARD {
            let _ = child.kill();
            panic!("tarikh {args:?} still running after {HANG_GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if let Some(w) = writer {
        w.join().unwrap();
    }
    Output {
        status,
        stdout: out_t.join().unwrap().unwrap(),
        stderr: err_t.join().unwrap().unwrap(),
    }
}

fn extract_file(path: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["extract", "--anchor", "2022-01-06"];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    run(&args, None)
}

fn ok_json(o: &Output) -> serde_json::Value {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

/// Every event's expression and sentence slice the original bytes exactly.
fn assert_spans(text: &str, v: &serde_json::Value) {
    for e in v["events"].as_array().unwrap() {
        for part in ["expression", "sentence"] {
            let (s, t) = (
                e[part]["start"].as_u64().unwrap() as usize,
                e[part]["end"].as_u64().unwrap() as usize,
            );
            assert!(text.is_char_boundary(s) && text.is_char_boundary(t), "{e}");
            assert_eq!(&text[s..t], e[part]["text"].as_str().unwrap(), "{part}");
        }
    }
}

fn expressions(v: &serde_json::Value) -> Vec<String> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["expression"]["text"].as_str().unwrap().to_string())
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn bom_crlf_and_bare_cr_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "\u{FEFF}عنوان\r\nوتواصلت الاحتجاجات يوم الخميس (6 يناير).\r\rوقال أمس إن الوضع هادئ.\r\n";
    let p = write(dir.path(), "a.txt", text.as_bytes());
    let v = ok_json(&extract_file(&p, &[]));
    assert_spans(text, &v);
    assert_eq!(expressions(&v), vec!["أمس", "يوم الخميس (6 يناير)"]);
    for e in v["events"].as_array().unwrap() {
        let s = e["sentence"]["text"].as_str().unwrap();
        assert!(!s.contains(['\r', '\n', '\u{FEFF}']), "{s:?}");
    }
}

#[test]
fn mixed_latin_arabic_hebrew_with_bidi_marks() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Reuters: \u{200F}يوم الخميس\u{200F} (6 يناير 2022) — בְּיוֹם חֲמִישִׁי \u{200E}NATO\u{200E} \
                قالت الشرطة \u{202B}أمس\u{202C} إن \u{2067}2021\u{2069} كان عاما صعبا.";
    let p = write(dir.path(), "mixed.txt", text.as_bytes());
    let v = ok_json(&extract_file(&p, &[]));
    assert_spans(text, &v);
    let got = expressions(&v);
    assert!(
        got.iter().any(|e| e.contains("الخميس")),
        "the weekday survives the marks around it: {got:?}"
    );
}

#[test]
fn nul_bytes_and_controls_inside_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let text = "وتواصلت\0 الاحتجاجات يوم الخميس (6 يناير 2022)\0.\u{1b}[2J وقال\u{7} أمس\u{0} شيئا.";
    let p = write(dir.path(), "nul.txt", text.as_bytes());
    let o = extract_file(&p, &[]);
    let v = ok_json(&o);
    assert_spans(text, &v);
    assert!(!expressions(&v).is_empty());
    // JSON escapes every C0 control, so the raw bytes never reach a terminal that cats it.
    assert!(!o.stdout.iter().any(|&b| b < 0x20 && b != b'\n'));
}

#[test]
fn markdown_output_shows_control_characters_instead_of_sending_them() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{1b}]0;pwned\u{7}\u{1b}]52;c;aGk=\u{7}وتواصلت \u{9b}31m الاحتجاجات \u{202E}يوم الخميس (6 يناير 2022)\u{202C} \u{2066}هنا\u{2069}\0.";
    let p = write(dir.path(), "esc.txt", text.as_bytes());
    let o = extract_file(&p, &["--format", "md"]);
    assert!(o.status.success());
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.contains("يوم الخميس (6 يناير 2022)"), "{md}");
    for bad in [
        '\u{1b}', '\u{7}', '\u{0}', '\u{9b}', '\u{202E}', '\u{202C}', '\u{2066}', '\u{2069}',
    ] {
        assert!(!md.contains(bad), "{bad:?} passed through:\n{md}");
    }
    // Visible escapes, themselves escaped for Markdown (rendered: `\u{1b}]0;pwned`).
    assert!(md.contains(r"\\u{1b}\]0;pwned"), "made visible:\n{md}");
    assert!(md.contains(r"\\u{202e}"), "made visible:\n{md}");
}

#[test]
fn an_endless_word_and_an_endless_line() {
    let dir = tempfile::tempdir().unwrap();
    // A 1 MB word with a date on each side, then a 3 MB line with no punctuation at all and
    // a date every few hundred bytes (every event carries its sentence: the line is cut into
    // bounded pieces, or the output would be the line times the number of dates).
    let mut text = String::from("في 5 يناير 2022 ");
    text.push_str(&"ب".repeat(500_000));
    text.push_str(" يوم الخميس\n");
    let unit = "وتواصلت الاحتجاجات يوم الخميس في المدينة الرئيسية حيث ينتشر الجيش وقالت الشرطة إن العشرات قتلوا ليل الأربعاء حتى الخميس ";
    while text.len() < 4_000_000 {
        text.push_str(unit);
    }
    let p = write(dir.path(), "long.txt", text.as_bytes());
    let o = extract_file(&p, &["--format", "jsonl"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = o.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty());
    let mut n = 0;
    for l in lines {
        let e: serde_json::Value = serde_json::from_slice(l).unwrap();
        let s = e["sentence"]["text"].as_str().unwrap();
        assert!(s.len() <= 4096, "a sentence of {} bytes", s.len());
        n += 1;
    }
    assert!(n > 5_000, "{n} events");
    assert!(
        o.stdout.len() < 40 * text.len(),
        "output {} bytes for {} bytes of input",
        o.stdout.len(),
        text.len()
    );
}

#[test]
fn a_hundred_thousand_sentences_without_a_date() {
    let text = "هذه جملة لا تاريخ فيها ولا يوم. ".repeat(100_000);
    let o = run(
        &[
            "extract",
            "--anchor",
            "2022-01-06",
            "--format",
            "jsonl",
            "-",
        ],
        Some(text.as_bytes()),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty(), "no events expected");
}

/// A large file is checked for UTF-8 in two halves side by side: a bad byte in either half,
/// or a cut that would fall inside a letter, is still found, at its offset; a valid large
/// file reads whole.
#[test]
fn a_large_file_with_one_bad_byte_is_refused_at_that_byte() {
    let dir = tempfile::tempdir().unwrap();
    let line = "وقال الوزير أمس إن الاجتماع سيعقد يوم 3 مارس 2021.\n";
    let good = line.repeat((3 << 20) / line.len());
    for at in [1000, good.len() / 2 - 1, good.len() / 2, good.len() - 3] {
        // Replace the byte at `at` (inside a letter or not) by one that never starts UTF-8.
        let mut bytes = good.clone().into_bytes();
        bytes[at] = 0xFF;
        let p = write(dir.path(), "bad.txt", &bytes);
        let o = extract_file(&p, &[]);
        assert_eq!(o.status.code(), Some(1), "byte {at}");
        let e = String::from_utf8_lossy(&o.stderr);
        // The offset is where the bad sequence starts: the byte, or the letter it was in.
        let start = (0..=at).rev().find(|&k| good.is_char_boundary(k)).unwrap();
        assert!(
            e.contains("not UTF-8") && e.contains(&format!("offset {start})")),
            "byte {at}: {e}"
        );
    }
    let p = write(dir.path(), "good.txt", good.as_bytes());
    let o = extract_file(&p, &["--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(0));
    let lines = String::from_utf8(o.stdout).unwrap().lines().count();
    assert!(lines >= 2 * (good.len() / line.len()), "{lines}");
}

#[test]
fn binary_files_are_refused_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8], &str)] = &[
        ("doc.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "PDF"),
        ("img.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
        ("img.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF", "JPEG image"),
        ("img.gif", b"GIF89a\x01\0\x01\0", "GIF image"),
        ("a.docx", b"PK\x03\x04\x14\0\x06\0", "ZIP"),
        ("prog", b"\x7fELF\x02\x01\x01\0\0\0", "executable"),
        ("a.gz", b"\x1f\x8b\x08\0\0\0\0\0", "compressed"),
        ("u16.txt", b"\xFF\xFE\x45\x06\x2A\x06", "UTF-16"),
        ("zeros.txt", &[0u8; 4096], "binary"),
        ("cp1256.txt", b"\xe3\xcd\xe3\xcf", "not UTF-8"),
    ];
    for (name, bytes, needle) in cases {
        let p = write(dir.path(), name, bytes);
        let o = extract_file(&p, &[]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(e.trim_end().lines().count(), 1, "{name}: {e}");
        assert!(
            e.starts_with("tarikh: ") && e.contains(needle),
            "{name}: {e}"
        );
        assert!(!e.contains("panicked"), "{e}");
        assert!(o.stdout.is_empty(), "{name}");
    }
}

/// A file past the 4 GiB one document may have is refused before it is read (a sparse file:
/// no disk, no memory).
#[test]
fn a_file_past_four_gib_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    std::fs::File::create(&p)
        .unwrap()
        .set_len(u64::from(u32::MAX) + 1)
        .unwrap();
    let o = extract_file(&p, &[]);
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(e.trim_end().lines().count(), 1, "{e}");
    assert!(e.contains("huge.txt") && e.contains("at most 4 GiB"), "{e}");
    assert!(o.stdout.is_empty());
}

#[test]
fn two_thousand_files_as_a_directory_and_as_paths() {
    let dir = tempfile::tempdir().unwrap();
    let article = "وتواصلت الاحتجاجات يوم الخميس (6 يناير 2022) في ألماتي.";
    let mut paths = Vec::new();
    for i in 0..2000 {
        paths.push(write(
            dir.path(),
            &format!("a{i:05}.txt"),
            article.as_bytes(),
        ));
    }
    let o = run(
        &["extract", "--format", "jsonl", dir.path().to_str().unwrap()],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        o.stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        2000
    );

    let mut args = vec!["extract", "--format", "jsonl"];
    let strs: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    args.extend(strs);
    let o = run(&args, None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ids: std::collections::HashSet<String> = o
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            let e: serde_json::Value = serde_json::from_slice(l).unwrap();
            e["document"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids.len(), 2000, "each file keeps its own document id");
}
