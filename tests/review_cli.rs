//! `tarikh extract` with a review file: each event's review in JSON, statuses and notes in
//! Markdown, the review file's anchor, orphans as warnings, and `--review` for one article only.

use std::path::Path;
use std::process::Command;

const SAMPLE: &str = include_str!("../data/sample.txt");

fn tarikh(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .output()
        .unwrap()
}

const REVIEW: &str = r#"{
  "tarikh_review": 1,
  "reviews": [
    { "expression": "يوم الخميس (6 يناير)",
      "sentence": "وأشار صحفيو رويترز الذين سمعوا أصوات طلقات نارية إلى أن عدة عربات مدرعة وعشرات الجنود انتشروا يوم الخميس (6 يناير) في الساحة الرئيسية في ألماتي ، أكبر مدينة في البلاد ، حيث تظاهر عدة مئات من الناس مرة أخرى ضد الحكومة.",
      "status": "verified", "note": "confirmed with Reuters" },
    { "expression": "من 1989 إلى 2019",
      "sentence": "يتوجه غضب المتظاهرين بشكل خاص إلى الرئيس السابق نور سلطان نزارباييف ، 81 ، الذي حكم البلاد من 1989 إلى 2019 والذي يحتفظ بنفوذ كبير.",
      "status": "flagged", "note": "تحقق من التواريخ", "corrected": { "start": "1990-04-24", "end": "2019-03-19" } },
    { "expression": "أمس", "sentence": "جملة حذفت من المقال أمس.", "status": "flagged" }
  ]
}"#;

fn fixture(review: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, SAMPLE).unwrap();
    std::fs::write(dir.path().join("a.txt.tarikh.json"), review).unwrap();
    let path = article.to_str().unwrap().to_string();
    (dir, path)
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = tarikh(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn event<'a>(v: &'a serde_json::Value, expr: &str) -> &'a serde_json::Value {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["expression"]["text"] == expr)
        .unwrap()
}

#[test]
fn json_carries_every_events_review_when_a_review_file_exists() {
    let (_dir, article) = fixture(REVIEW);
    let v = json(&["extract", &article]);
    let th = &event(&v, "يوم الخميس (6 يناير)")["review"];
    assert_eq!(th["status"], "verified");
    assert_eq!(th["note"], "confirmed with Reuters");
    assert!(th["corrected"].is_null());
    let years = event(&v, "من 1989 إلى 2019");
    assert_eq!(years["review"]["status"], "flagged");
    assert_eq!(years["review"]["corrected"]["start"], "1990-04-24");
    assert_eq!(years["date"]["start"], "1990-04-24");
    assert_eq!(years["review"]["extracted"]["start"], "1989-01-01");
    let other = event(&v, "يوم السبت الماضي");
    assert_eq!(other["review"]["status"], "unreviewed");
    let warnings = v["warnings"].to_string();
    assert!(warnings.contains("orphaned review"), "{warnings}");
}

#[test]
fn json_without_a_review_file_has_no_review_field() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, SAMPLE).unwrap();
    let v = json(&["extract", article.to_str().unwrap()]);
    assert!(v["events"][0].get("review").is_none());
}

#[test]
fn markdown_shows_statuses_notes_and_corrections() {
    let (_dir, article) = fixture(REVIEW);
    let out = tarikh(&["extract", "--format", "md", &article]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("- ✓ **يوم الخميس (6 يناير)**")
            && md.contains("note:</span> <span dir=\"auto\">confirmed with Reuters</span>"),
        "{md}"
    );
    assert!(md.contains("- ! **من 1989 إلى 2019**"), "{md}");
    assert!(md.contains("corrected (extracted: 1989 – 2019)"), "{md}");
    // The note in its own direction, the English around it left to right.
    assert!(
        md.contains("note:</span> <span dir=\"auto\">تحقق من التواريخ</span>"),
        "{md}"
    );
    assert!(md.contains("- ○ **"), "{md}");
}

#[test]
fn the_review_files_anchor_is_the_documents_date_unless_anchor_is_given() {
    let (_dir, article) = fixture(r#"{"tarikh_review": 1, "anchor": "2022-01-13", "reviews": []}"#);
    let v = json(&["extract", &article]);
    let a = &v["documents"][0]["anchor"];
    assert_eq!(a["date"], "2022-01-13");
    assert_eq!(a["basis"], "given");
    assert!(a["reason"].as_str().unwrap().contains("review file"));
    let v = json(&["extract", "--anchor", "2022-01-06", &article]);
    assert_eq!(v["documents"][0]["anchor"]["date"], "2022-01-06");
}

#[test]
fn review_names_one_articles_file() {
    let (dir, article) = fixture(REVIEW);
    let elsewhere = dir.path().join("elsewhere.json");
    std::fs::copy(dir.path().join("a.txt.tarikh.json"), &elsewhere).unwrap();
    std::fs::remove_file(dir.path().join("a.txt.tarikh.json")).unwrap();
    let v = json(&["extract", "--review", elsewhere.to_str().unwrap(), &article]);
    assert_eq!(
        event(&v, "يوم الخميس (6 يناير)")["review"]["status"],
        "verified"
    );
    let out = tarikh(&[
        "extract",
        "--review",
        elsewhere.to_str().unwrap(),
        &article,
        &article,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("one article"));
}

#[test]
fn a_corrupt_review_file_is_reported_and_left_alone_by_extract() {
    let (dir, article) = fixture("{ broken");
    let out = tarikh(&["extract", &article]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be read"));
    let kept = std::fs::read_to_string(Path::new(dir.path()).join("a.txt.tarikh.json")).unwrap();
    assert_eq!(kept, "{ broken");
}

#[test]
fn csv_fills_the_review_columns() {
    let (_dir, article) = fixture(REVIEW);
    let out = tarikh(&["extract", "--format", "csv", &article]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.contains(",verified,\"confirmed with Reuters\","),
        "{csv}"
    );
    assert!(csv.contains(",flagged,\"تحقق من التواريخ\","), "{csv}");
}

#[test]
fn review_does_not_apply_to_a_stream_of_documents() {
    let out = tarikh(&["extract", "--input-jsonl", "--review", "r.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--input-jsonl"));
}
