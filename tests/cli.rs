//! The command line as scripts use it: formats, exit statuses and one-line errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tarikh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

/// One line, starting with the program name, and no panic text.
fn assert_one_clear_line(o: &Output, needle: &str) {
    let e = stderr(o);
    assert_eq!(e.trim_end().lines().count(), 1, "{e}");
    assert!(e.starts_with("tarikh: "), "{e}");
    assert!(e.contains(needle), "{e}");
    assert!(!e.contains("panicked"), "{e}");
}

#[test]
fn extract_sample_as_json_schema_1() {
    let o = tarikh(&["extract", "data/sample.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["schema"], 1);
    let doc = &v["documents"][0];
    assert_eq!(doc["id"], "sample");
    assert_eq!(doc["path"], "data/sample.txt");
    assert_eq!(doc["language"], "ar");
    assert_eq!(doc["anchor"]["date"], "2022-01-06");
    assert_eq!(doc["anchor"]["basis"], "inferred");
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 11);
    let first = &events[0];
    assert_eq!(first["date"]["value"], "1989/2019");
    assert_eq!(first["date"]["precision"], "year");
    for key in [
        "start",
        "end",
        "part_of_day",
        "approximate",
        "uncertain",
        "modifier",
        "reason",
    ] {
        assert!(first["date"].get(key).is_some(), "date.{key} missing");
    }
    for key in ["text", "start", "end", "index"] {
        assert!(
            first["sentence"].get(key).is_some(),
            "sentence.{key} missing"
        );
    }
    assert!(first["label"].as_str().unwrap().len() > 5);
    let mentions = v["mentions"].as_array().unwrap();
    assert!(
        mentions
            .iter()
            .any(|m| m["kind"] == "present" && m["value"] == "PRESENT_REF")
    );
    let night = events
        .iter()
        .find(|e| e["expression"]["text"] == "ليل الأربعاء حتى الخميس")
        .unwrap();
    assert_eq!(night["date"]["part_of_day"], "night");
    assert_eq!(night["date"]["value"], "2022-01-05TNI");
}

#[test]
fn no_file_means_the_bundled_sample() {
    let o = tarikh(&["extract", "--format", "jsonl"]);
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = o
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 11);
    assert!(lines.iter().all(|e| e["document"] == "sample"));
}

#[test]
fn markdown_is_an_editors_chronology() {
    let o = tarikh(&["extract", "--format", "md", "data/sample.txt"]);
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.contains("## Saturday 1 January 2022"), "{md}");
    assert!(
        md.contains("## night of Wednesday 5 – Thursday 6 January 2022"),
        "{md}"
    );
    assert!(
        md.contains("## about Tuesday 4 – Wednesday 5 January 2022"),
        "{md}"
    );
    assert!(md.contains("- **يوم السبت الماضي**"), "{md}");
    assert!(md.contains("> نتج عن ارتفاع أسعار الوقود"), "{md}");
    // Headings follow the timeline order.
    let a = md.find("## 1989 – 2019").unwrap();
    let b = md.find("## Saturday 1 January 2022").unwrap();
    assert!(a < b);
}

#[test]
fn anchor_flag_wins_and_prefer_future_looks_ahead() {
    // No verb gives a tense, so --prefer decides which Saturday.
    let text = "جدول الوزير: يوم السبت اجتماع، وأمس زيارة.".as_bytes();
    let o = with_stdin(&["extract", "--anchor", "2023-06-12", "-"], text);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["documents"][0]["anchor"]["basis"], "given");
    assert_eq!(v["documents"][0]["id"], "stdin");
    let starts: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"]["start"].as_str().unwrap())
        .collect();
    assert_eq!(starts, vec!["2023-06-10", "2023-06-11"]);
    let o = with_stdin(
        &[
            "extract",
            "--anchor",
            "2023-06-12",
            "--prefer",
            "future",
            "-",
        ],
        text,
    );
    let v = json(&o);
    let starts: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"]["start"].as_str().unwrap())
        .collect();
    assert_eq!(starts, vec!["2023-06-11", "2023-06-17"]);
}

#[test]
fn unanchored_text_keeps_its_events_unresolved_and_warns() {
    let o = with_stdin(&["extract", "-"], "وصل الوفد أمس وسيغادر غدا.".as_bytes());
    assert!(o.status.success());
    let v = json(&o);
    assert_eq!(v["documents"][0]["anchor"]["basis"], "none");
    assert!(v["documents"][0]["anchor"]["date"].is_null());
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert!(events.iter().all(|e| e["date"]["start"].is_null()));
    // Ordered by their offsets from the unknown date: yesterday before tomorrow.
    assert_eq!(events[0]["expression"]["text"], "أمس");
    assert_eq!(events[1]["expression"]["text"], "غدا");
    assert!(v["warnings"][0].as_str().unwrap().contains("--anchor"));
}

#[test]
fn output_file_and_bom_crlf_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("عنوان\r\nوقعت الحادثة يوم 6 يناير 2022.\r\n".as_bytes());
    std::fs::write(&input, &bytes).unwrap();
    let out = dir.path().join("out.json");
    let o = tarikh(&[
        "extract",
        "-o",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let e = &v["events"][0];
    assert_eq!(e["expression"]["text"], "يوم 6 يناير 2022");
    let (s, t) = (
        e["expression"]["start"].as_u64().unwrap() as usize,
        e["expression"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..t], "يوم 6 يناير 2022".as_bytes());
    assert_eq!(v["documents"][0]["anchor"]["date"], "2022-01-06");
}

#[test]
fn input_errors_exit_1_with_one_line() {
    let o = tarikh(&["extract", "no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert_one_clear_line(&o, "no/such/file.txt");

    let dir = tempfile::tempdir().unwrap();
    let o = tarikh(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_one_clear_line(&o, "no .txt files");

    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"caf\xe9 \xff").unwrap();
    let o = tarikh(&["extract", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_one_clear_line(&o, "not UTF-8");

    let pdf = dir.path().join("scan.txt");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3").unwrap();
    let o = tarikh(&["extract", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_one_clear_line(&o, "PDF");

    let o = tarikh(&["extract", "-o", "/no/such/dir/out.json", "data/sample.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert_one_clear_line(&o, "cannot write");
}

#[test]
fn a_directory_means_its_txt_files_in_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), "غادر يوم 7 يناير 2022.").unwrap();
    std::fs::write(dir.path().join("a.txt"), "وصل يوم 5 يناير 2022.").unwrap();
    std::fs::write(dir.path().join("notes.md"), "يوم 1 يناير 2022").unwrap();
    let o = tarikh(&["extract", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let ids: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["a", "b"]);
    assert_eq!(v["events"].as_array().unwrap().len(), 2);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["extract", "--anchor", "06/01/2022", "data/sample.txt"],
        vec!["extract", "--anchor", "2022-02-30", "data/sample.txt"],
        vec!["extract", "--format", "pdf"],
        vec!["--no-such-flag"],
    ] {
        let o = tarikh(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_one_clear_line(&o, "tarikh --help");
    }
}

#[test]
fn help_and_version_succeed() {
    let o = tarikh(&["--help"]);
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("extract") && help.contains("--bidi") && help.contains("--anchor"));
    let o = tarikh(&["extract", "--help"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("--format"));
    assert!(tarikh(&["--version"]).status.success());
}
