//! The viewer under hostile conditions, through the real binary in a pseudo-terminal (vt100
//! reads the screen back): an article full of escape sequences and bidi overrides, Ctrl-C and
//! SIGINT, a panic, a 1×1 window, and running inside tmux and GNU screen (skipped when they are
//! not installed).

use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod pty_common;
use pty_common::*;

/// An article that tries everything: clear screen, OSC title and clipboard requests, a DCS
/// string, a C1 CSI, bells, NUL, bidi overrides and isolates — around real dates.
const HOSTILE: &str = "\u{1b}]0;PWNED-TITLE\u{7}\u{1b}]52;c;UFdORUQ=\u{7}\u{1b}[2J\u{1b}[31m\
وتواصلت الاحتجاجات يوم الخميس (6 يناير 2022) في ألماتي\u{0}\u{7}.\n\
\u{1b}P+q544e\u{1b}\\وقالت الشرطة \u{9b}31m أمس \u{202E}إن العشرات\u{202C} قتلوا \u{2067}ليل الأربعاء\u{2069}.\n\
\u{9d}2;PWNED\u{9c}وفي \u{202D}5 يناير\u{202A} \u{2066}شيء\u{2068}\u{2069} آخر.\n";

fn hostile_file(dir: &Path) -> String {
    let p = dir.join("hostile.txt");
    std::fs::write(&p, HOSTILE).unwrap();
    p.to_str().unwrap().to_string()
}

/// Nothing the article carried reached the terminal: no OSC, DCS, C1, bell, NUL or bidi control
/// in the bytes the viewer wrote, and the screen shows the stand-ins instead.
fn assert_nothing_leaked(raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    for (what, needle) in [
        ("OSC", "\u{1b}]"),
        ("DCS", "\u{1b}P"),
        ("string terminator", "\u{1b}\\"),
        ("clear screen from the article", "\u{1b}[2J\u{1b}[31m"),
        ("C1 CSI", "\u{9b}"),
        ("C1 OSC", "\u{9d}"),
        ("C1 ST", "\u{9c}"),
        ("BEL", "\u{7}"),
        ("NUL", "\u{0}"),
        ("PWNED", "PWNED-TITLE\u{7}"),
    ] {
        assert!(!text.contains(needle), "{what} reached the terminal");
    }
    for c in [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}',
    ] {
        assert!(
            !text.contains(c),
            "bidi control U+{:04X} reached the terminal",
            c as u32
        );
    }
}

#[test]
fn control_characters_in_an_article_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_file(dir.path());
    for bidi in ["app", "terminal"] {
        let mut s = Session::spawn(
            &["--bidi", bidi, "--anchor", "2022-01-06", &file],
            &[],
            100,
            30,
        );
        s.wait_for(" Events 1/");
        // Walk every event (the detail pane shows each sentence), then the whole article.
        s.send("G");
        s.wait_until("the last event", |sc| {
            let c = sc.contents();
            c.split(" Events ")
                .nth(1)
                .and_then(|r| r.split_whitespace().next())
                .and_then(|p| p.split_once('/'))
                .is_some_and(|(a, b)| a == b)
        });
        s.send("gg\r");
        s.wait_for("· sentence ");
        s.wait_for("␛");
        s.send("q");
        s.send("q");
        assert!(s.wait_exit().success());
        s.assert_restored();
        assert_nothing_leaked(&s.raw.lock().unwrap());
    }
}

#[test]
fn ctrl_c_quits_from_the_list_and_the_article() {
    for keys in ["", "\r"] {
        let mut s = Session::spawn(&[], &[], 100, 30);
        s.wait_for(" Events 1/");
        if !keys.is_empty() {
            s.send(keys);
            s.wait_for("· sentence ");
        }
        s.send("\x03");
        assert!(s.wait_exit().success());
        s.assert_restored();
    }
}

#[test]
fn sigint_restores_the_terminal() {
    let mut s = Session::spawn(&[], &[], 100, 30);
    s.wait_for(" Events 1/");
    let pid = s.child.process_id().expect("pid") as libc::pid_t;
    // SAFETY: sends a signal to the child this test spawned; no memory is involved.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    assert_eq!(s.wait_exit().exit_code(), 130);
    s.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_says_why() {
    let mut s = Session::spawn(&[], &[("TARIKH_TEST_PANIC", "1")], 100, 30);
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    // The panic message is printed after the restore, so it is readable on the main screen.
    s.wait_for("TARIKH_TEST_PANIC");
    let raw = s.raw.lock().unwrap();
    let text = String::from_utf8_lossy(&raw);
    let leave = text
        .rfind("\u{1b}[?1049l")
        .expect("left the alternate screen");
    assert!(
        text[leave..].contains("TARIKH_TEST_PANIC"),
        "message after the restore"
    );
}

#[test]
fn a_one_by_one_window() {
    // Start at 1×1, draw, grow, shrink back, quit: no panic, no garbage, terminal restored.
    let mut s = Session::spawn(&[], &[], 1, 1);
    s.wait_until("the alternate screen", |sc| sc.alternate_screen());
    s.resize(100, 30);
    s.wait_for(" Events 1/");
    s.resize(1, 1);
    s.wait_until("the list to go", |sc| !sc.contents().contains("Events"));
    s.send("j");
    s.resize(2, 1);
    s.resize(1, 2);
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// Whether `program` runs (`version_flag` prints its version: tmux's `-v` would turn on logging
/// into the current directory instead).
fn have(program: &str, version_flag: &str) -> bool {
    Command::new(program)
        .arg(version_flag)
        .output()
        .is_ok_and(|o| o.status.success() || !o.stdout.is_empty())
}

/// Polls `probe` until it returns true or the deadline passes.
fn poll_until(what: &str, mut probe: impl FnMut() -> bool) {
    let start = Instant::now();
    while !probe() {
        assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Runs a closure when dropped: stops a tmux server or screen session even when a test fails.
struct OnDrop<F: FnMut()>(F);

impl<F: FnMut()> Drop for OnDrop<F> {
    fn drop(&mut self) {
        (self.0)();
    }
}

/// `sh -c` line running tarikh and writing its exit status to `status`.
fn run_line(args: &str, status: &Path) -> String {
    format!(
        "cd '{}' && '{}' {args}; echo $? > '{}'",
        env!("CARGO_MANIFEST_DIR"),
        env!("CARGO_BIN_EXE_tarikh"),
        status.display()
    )
}

#[test]
fn runs_inside_tmux() {
    if !have("tmux", "-V") {
        eprintln!("tmux is not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("tmux.sock");
    let status = dir.path().join("status");
    let file = hostile_file(dir.path());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .env_remove("TMUX")
            .env("TERM", "xterm-256color")
            .output()
            .unwrap()
    };
    let _cleanup = OnDrop(|| {
        let _ = tmux(&["kill-server"]);
    });
    let line = run_line(&format!("--anchor 2022-01-06 '{file}'"), &status);
    let o = tmux(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "100",
        "-y",
        "30",
        "sh",
        "-c",
        &line,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pane =
        || String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned();
    poll_until("the list inside tmux", || pane().contains(" Events 1/"));
    // tmux keeps the window title the article tried to set out of its own state.
    let title = tmux(&["display-message", "-p", "-t", "t", "#{pane_title}"]);
    assert!(!String::from_utf8_lossy(&title.stdout).contains("PWNED"));
    tmux(&["resize-window", "-t", "t", "-x", "1", "-y", "1"]);
    tmux(&["resize-window", "-t", "t", "-x", "80", "-y", "24"]);
    poll_until("the list after a resize", || pane().contains(" Events "));
    tmux(&["send-keys", "-t", "t", "q"]);
    poll_until("tarikh to exit inside tmux", || {
        std::fs::read_to_string(&status).is_ok_and(|s| s.ends_with('\n'))
    });
    assert_eq!(std::fs::read_to_string(&status).unwrap().trim(), "0");
}

#[test]
fn runs_inside_gnu_screen() {
    if !have("screen", "-v") {
        eprintln!("GNU screen is not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let status = dir.path().join("status");
    let hardcopy = dir.path().join("screen.txt");
    let name = format!("tarikh-test-{}", std::process::id());
    let screen = |args: &[&str]| {
        Command::new("screen")
            .args(args)
            .env_remove("STY")
            .env("TERM", "xterm-256color")
            .env("SCREENDIR", dir.path().join("sockets"))
            .output()
            .unwrap()
    };
    std::fs::create_dir(dir.path().join("sockets")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            dir.path().join("sockets"),
            std::fs::Permissions::from_mode(0o700),
        )
        .unwrap();
    }
    let line = run_line("", &status);
    // -D -m: a new detached session, without forking, so the command runs until it ends;
    // -U: UTF-8 (the hardcopy is in the session's encoding).
    let mut child = Command::new("screen")
        .args(["-U", "-D", "-m", "-S", &name, "sh", "-c", &line])
        .env_remove("STY")
        .env("TERM", "xterm-256color")
        .env("SCREENDIR", dir.path().join("sockets"))
        .spawn()
        .unwrap();
    let _cleanup = OnDrop(|| {
        let _ = screen(&["-S", &name, "-X", "quit"]);
    });
    let shown = || {
        let _ = std::fs::remove_file(&hardcopy);
        screen(&["-S", &name, "-X", "hardcopy", hardcopy.to_str().unwrap()]);
        String::from_utf8_lossy(&std::fs::read(&hardcopy).unwrap_or_default()).into_owned()
    };
    poll_until("the list inside screen", || shown().contains(" Events 1/"));
    screen(&["-S", &name, "-X", "stuff", "q"]);
    poll_until("tarikh to exit inside screen", || {
        std::fs::read_to_string(&status).is_ok_and(|s| s.ends_with('\n'))
    });
    assert_eq!(std::fs::read_to_string(&status).unwrap().trim(), "0");
    let _ = child.wait();
}

#[test]
fn long_articles_are_laid_out_in_a_window_around_the_sentence() {
    use tarikh::tui::app::{ARTICLE_WINDOW, article_window};
    let short = "سطر\n".repeat(10);
    assert_eq!(article_window(&short, 4, 8), (0, short.len()));
    let long = "كلمة كلمة كلمة\n".repeat(100_000);
    let mid = (long.len() / 2..)
        .find(|&i| long.is_char_boundary(i))
        .unwrap();
    let (lo, hi) = article_window(&long, mid, mid + 10);
    assert!(lo <= mid && mid + 10 <= hi);
    assert!(hi - lo <= 2 * ARTICLE_WINDOW + 10);
    assert!(long[..lo].ends_with('\n') && long[hi..].starts_with('\n'));
    // One endless line: cut at character boundaries.
    let line = "ب".repeat(1_000_000);
    let (lo, hi) = article_window(&line, 1000, 1010);
    assert_eq!(lo, 0);
    assert!(line.is_char_boundary(hi) && hi < line.len());
}

#[test]
fn a_two_megabyte_article_opens_at_its_last_sentence() {
    // Longer than the article window on both sides of the middle: the view lays out a window
    // around the sentence, and moving to far sentences lays out new windows.
    let dir = tempfile::tempdir().unwrap();
    let para =
        "وتواصلت الاحتجاجات في المدينة الرئيسية حيث ينتشر الجيش وقالت الشرطة إن الوضع هادئ.\n";
    let mut text = String::from("وتواصلت الاحتجاجات يوم الخميس (6 يناير 2022).\n");
    while text.len() < 2_000_000 {
        text.push_str(para);
    }
    text.push_str("وقالت الشرطة أمس إن الوضع هادئ.\n");
    let p = dir.path().join("long.txt");
    std::fs::write(&p, &text).unwrap();
    let mut s = Session::spawn(
        &["--anchor", "2022-01-06", p.to_str().unwrap()],
        &[],
        100,
        30,
    );
    // Events are in date order: أمس (the last sentence) first, then the first sentence.
    s.wait_for(" Events 1/2");
    s.send("\r");
    s.wait_for("· Wednesday 5 January 2022 ─");
    s.send("N");
    s.wait_for("· Thursday 6 January 2022 ─");
    s.send("n");
    s.wait_for("· Wednesday 5 January 2022 ─");
    s.send("q");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// The terminal disappears under the viewer (its window closed, tmux killed): the viewer must
/// end by itself, not spin on the dead terminal.
#[test]
fn the_viewer_ends_when_its_terminal_disappears() {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two new descriptors into the integers we pass and only reads the
    // window size; no other memory.
    let ok = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(ok, 0, "openpty");
    // SAFETY: sets a flag on a descriptor we own: the viewer must not inherit the terminal's
    // master side, or closing ours would not close the terminal.
    unsafe { libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC) };
    // SAFETY: both descriptors were just opened for us and are owned from here on.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tarikh"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TERM", "xterm-256color")
        .stdin(slave.try_clone().unwrap())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave.try_clone().unwrap());
    // SAFETY: runs in the child between fork and exec and only calls async-signal-safe
    // functions: a new session whose controlling terminal is the pty, as a terminal gives.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    // Only the viewer may hold the terminal's other side, as with a real terminal window.
    drop(cmd);
    drop(slave);
    // Wait for the first frame, then close the terminal.
    let mut file = std::fs::File::from(master);
    let mut seen = Vec::new();
    let start = Instant::now();
    // The status bar's "? help" is written last in a frame.
    while !String::from_utf8_lossy(&seen).contains("help") {
        assert!(start.elapsed() < Duration::from_secs(30), "no first frame");
        let mut buf = [0u8; 4096];
        match file.read(&mut buf) {
            Ok(n) if n > 0 => seen.extend_from_slice(&buf[..n]),
            _ => break,
        }
    }
    drop(file);
    let closed = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(!status.success(), "a lost terminal ends like a hang-up");
            break;
        }
        if closed.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the viewer kept running after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
