//! Reviewing end to end: the real binary in a pseudo-terminal. A change shown as saved survives
//! SIGKILL; a failed save is reported and kept; a corrupt review file is kept aside; two
//! viewers on one article merge instead of overwriting; verify, flag and note come back after
//! a restart; an article edited on disk is reloaded with its reviews.
//!
//! Every wait polls the screen or the file with a generous deadline (no fixed sleeps).

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(40);
const SAMPLE: &str = include_str!("../data/sample.txt");
const COLS: u16 = 150;
const ROWS: u16 = 32;

struct Viewer {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Viewer {
    fn spawn(args: &[&str], home: &Path) -> Viewer {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tarikh"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("KITTY_WINDOW_ID");
        cmd.env_remove("TARIKH_BIDI");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(ROWS).unwrap(),
            NonZeroU16::new(COLS).unwrap(),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Viewer {
            parser,
            writer,
            child,
            _master: pty.master,
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out waiting for {text:?}; screen:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends a key and waits for the status line it produces.
    fn press(&mut self, keys: &str, status: &str) {
        self.send(keys);
        self.wait_for(status);
    }

    fn quit(&mut self) {
        self.send("q");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit {status:?}");
                return;
            }
            if start.elapsed() > DEADLINE {
                panic!("the viewer did not quit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn sigkill(&mut self) {
        let pid = self.child.process_id().expect("pid") as libc::pid_t;
        // SAFETY: signals the child this test spawned; no memory is involved.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
        let start = Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            assert!(start.elapsed() < DEADLINE, "not killed");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Viewer {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

struct Fixture {
    dir: tempfile::TempDir,
    article: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        std::fs::write(&article, SAMPLE).unwrap();
        Fixture { dir, article }
    }

    fn arg(&self) -> &str {
        self.article.to_str().unwrap()
    }

    fn review(&self) -> PathBuf {
        self.dir.path().join("a.txt.tarikh.json")
    }

    fn review_json(&self) -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(self.review()).unwrap()).unwrap()
    }

    fn open(&self) -> Viewer {
        let v = Viewer::spawn(&[self.arg()], self.dir.path());
        v.wait_for(" Events 1/");
        v
    }
}

fn statuses(v: &serde_json::Value) -> Vec<String> {
    v["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_change_shown_as_saved_survives_sigkill() {
    let f = Fixture::new();
    let mut v = f.open();
    let started = Instant::now();
    v.press("v", "verified; saved");
    let latency = started.elapsed();
    v.sigkill();
    assert_eq!(statuses(&f.review_json()), ["verified"]);
    eprintln!("keypress to 'saved' on screen: {latency:?}");
}

#[test]
fn verify_flag_and_an_arabic_and_latin_note_come_back_after_a_restart() {
    let f = Fixture::new();
    let mut v = f.open();
    v.press("v", "✓ verified; saved");
    v.send("j");
    v.wait_for(" Events 2/");
    v.press("f", "! flagged; saved");
    v.send("j");
    v.wait_for(" Events 3/");
    v.press("e", "note: ");
    // Latin and Arabic with the cursor keys: a stray "x" removed with Left and Delete, a typo
    // with Backspace, then the first word typed at Home.
    v.send("من APx");
    v.send("\x1b[D\x1b[3~");
    v.send("Q\x7f");
    v.send("\x1b[Hتحقق ");
    v.press("\r", "note saved; saved");
    v.wait_for("✓1 verified  !1 flagged");
    v.quit();
    let json = f.review_json();
    let notes: Vec<&str> = json["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["note"].as_str().unwrap())
        .collect();
    assert!(notes.contains(&"تحقق من AP"), "{notes:?}");

    let mut v = f.open();
    v.wait_for("✓1 verified  !1 flagged");
    v.send("jj");
    v.wait_for(" Events 3/");
    v.wait_for("AP");
    v.wait_for("✎ note:");
    v.quit();
}

#[test]
fn a_failed_save_is_reported_kept_and_can_go_elsewhere() {
    let f = Fixture::new();
    // A directory that is a regular file: no write can succeed, even as root.
    let blocker = f.dir.path().join("not-a-dir");
    std::fs::write(&blocker, b"").unwrap();
    let review = blocker.join("a.txt.tarikh.json");
    let home = tempfile::tempdir().unwrap();
    let mut v = Viewer::spawn(
        &["--review", review.to_str().unwrap(), f.arg()],
        home.path(),
    );
    v.wait_for(" Events 1/");
    v.press("v", "NOT SAVED");
    v.wait_for("W saves to");
    v.wait_for("✓1");
    // Quitting warns first instead of dropping the review.
    v.press("q", "q again drops them");
    v.press("W", "saving to a new place; saved");
    let saved = home.path().join("a.txt.tarikh.json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&saved).unwrap()).unwrap();
    assert_eq!(statuses(&json), ["verified"]);
    v.quit();
}

#[test]
fn a_corrupt_review_file_is_kept_as_bak_and_not_overwritten() {
    let f = Fixture::new();
    std::fs::write(f.review(), b"{\"tarikh_review\": 1, \"reviews\": [").unwrap();
    let mut v = f.open();
    v.wait_for("kept as");
    let bak = f.dir.path().join("a.txt.tarikh.json.bak");
    assert_eq!(
        std::fs::read(&bak).unwrap(),
        b"{\"tarikh_review\": 1, \"reviews\": ["
    );
    v.press("f", "saved");
    v.quit();
    assert_eq!(statuses(&f.review_json()), ["flagged"]);
    assert_eq!(
        std::fs::read(&bak).unwrap(),
        b"{\"tarikh_review\": 1, \"reviews\": ["
    );
}

#[test]
fn two_viewers_on_one_article_merge_and_say_so() {
    let f = Fixture::new();
    let mut a = f.open();
    let mut b = f.open();
    a.press("v", "saved");
    // b notices a's save on its own (polling the review file) or, at the latest, when saving.
    b.wait_for("merged 1 review change(s) saved by another tarikh");
    b.wait_for("✓1 verified");
    b.send("j");
    b.wait_for(" Events 2/");
    b.press("f", "! flagged; saved");
    b.wait_for("✓1 verified  !1 flagged");
    // a takes in b's flag without doing anything.
    a.wait_for("✓1 verified  !1 flagged");
    a.send("G");
    a.press("e", "note: ");
    a.send("x");
    a.press("\r", "note saved; saved");
    a.quit();
    b.quit();
    let mut got = statuses(&f.review_json());
    got.sort();
    assert_eq!(got, ["flagged", "unreviewed", "verified"]);
}

#[test]
fn an_article_edited_on_disk_is_reloaded_with_its_reviews() {
    let f = Fixture::new();
    let mut v = f.open();
    v.press("v", "saved");
    std::fs::write(&f.article, format!("سطر جديد في أعلى المقال.\n{SAMPLE}")).unwrap();
    v.wait_for("the article changed on disk: reloaded");
    v.wait_for("✓1");
    v.wait_for(" Events 1/");
    v.press("r", "reloaded");
    v.quit();
}
