//! End-to-end: the real binary in a pseudo-terminal, its screen read back with vt100.
//!
//! Every wait polls the screen with a generous deadline (never a fixed sleep), so the tests hold
//! on a loaded CI machine.

mod pty_common;
use pty_common::*;

#[test]
fn browse_the_sample_and_quit_cleanly() {
    let mut s = Session::spawn(&[], &[], 100, 30);
    s.wait_for(" Events 1/");
    s.wait_for("anchor Thursday 6 January 2022");
    s.send("j");
    s.wait_for(" Events 2/");
    s.send("G");
    s.wait_until("the last event", |sc| {
        let c = sc.contents();
        c.lines().any(|l| {
            l.split(" Events ")
                .nth(1)
                .and_then(|r| r.split_whitespace().next())
                .and_then(|p| p.split_once('/'))
                .is_some_and(|(a, b)| a == b)
        })
    });
    s.send("gg");
    s.wait_for(" Events 1/");
    s.send("?");
    s.wait_for("Keys · q, Esc or ? closes");
    s.send("q");
    s.wait_gone("Keys · q, Esc or ? closes");
    s.send("\r");
    s.wait_for("· sentence ");
    s.send("q");
    s.wait_for(" Events 1/");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

#[test]
fn search_ignores_hamza_and_ctrl_c_quits_from_the_prompt() {
    let mut s = Session::spawn(&[], &[], 100, 30);
    s.wait_for(" Events 1/");
    // The article writes الأربعاء (hamza on alef); the search types it without.
    s.send("/الاربعاء");
    s.wait_for("search: ");
    s.send("\r");
    s.wait_for("events match");
    s.send("/x");
    s.wait_for("search: ");
    s.send("\x03");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_burst_of_keys_is_taken_in_one_go() {
    let mut s = Session::spawn(&[], &[], 100, 30);
    s.wait_for(" Events 1/");
    s.send(&"j".repeat(200));
    s.wait_until("the last event after a burst of j", |sc| {
        let c = sc.contents();
        c.contains(" Events ") && {
            let p = c.split(" Events ").nth(1).unwrap_or("");
            let p = p.split_whitespace().next().unwrap_or("");
            p.split_once('/').is_some_and(|(a, b)| a == b)
        }
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn tiny_window_then_back() {
    let mut s = Session::spawn(&[], &[], 100, 30);
    s.wait_for(" Events 1/");
    s.resize(20, 5);
    s.wait_for("window too small");
    s.resize(100, 30);
    s.wait_for(" Events 1/");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (sig, code) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129)] {
        let mut s = Session::spawn(&[], &[], 100, 30);
        s.wait_for(" Events 1/");
        let pid = s.child.process_id().expect("pid") as libc::pid_t;
        // SAFETY: sends a signal to the child this test spawned; no memory is involved.
        assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), code, "{sig}");
        s.assert_restored();
    }
}

#[test]
fn mouse_click_selects_and_capture_is_released() {
    let mut s = Session::spawn(&["--mouse"], &[], 100, 30);
    s.wait_for(" Events 1/");
    s.wait_until("mouse capture", |sc| {
        sc.mouse_protocol_mode() != vt100::MouseProtocolMode::None
    });
    // SGR click (1-based column 10, row 8): a list row below the first event.
    s.send("\x1b[<0;10;8M\x1b[<0;10;8m");
    s.wait_until("the click to select another event", |sc| {
        !sc.contents().contains(" Events 1/")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let p = s.parser.lock().unwrap();
    assert_eq!(
        p.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
}

#[test]
fn bidi_terminal_sends_logical_text_and_leaves_vte_alone() {
    let mut s = Session::spawn(&["--bidi", "terminal"], &[], 100, 30);
    s.wait_for(" Events 1/");
    s.send("G");
    // The last events are Thursday's; their sentences are sent in reading order.
    s.wait_for("يوم الخميس");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let raw = s.raw.lock().unwrap();
    assert!(!String::from_utf8_lossy(&raw).contains("\x1b[8l"));
}

#[test]
fn app_bidi_switches_vte_reordering_off_and_back_on() {
    let mut s = Session::spawn(&[], &[], 100, 30);
    s.wait_for(" Events 1/");
    s.send("q");
    assert!(s.wait_exit().success());
    let raw = s.raw.lock().unwrap();
    let text = String::from_utf8_lossy(&raw);
    let off = text.find("\x1b[8l").expect("ESC [ 8 l sent");
    assert!(text[off..].contains("\x1b[8h"));
}

#[test]
fn no_color_still_marks_the_selection() {
    let mut s = Session::spawn(&[], &[("NO_COLOR", "1")], 100, 30);
    s.wait_for(" Events 1/");
    s.wait_until("a reversed selected row", |sc| {
        (0..30).any(|r| sc.cell(r, 5).is_some_and(|c| c.inverse()))
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn not_a_terminal_points_at_extract() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("tarikh extract"), "{err}");
}

#[test]
fn a_key_that_arrives_with_a_resize_is_never_stranded() {
    // Each key is typed right behind two window resizes: the first wakes the viewer, and while
    // it draws, the second SIGWINCH and the key arrive together. An edge-triggered event source
    // reported only the resize then and left the key unread until another one arrived (issue
    // 12: the `q` after a burst of resizes at 1×1 was missed). Every key must take effect.
    let mut s = Session::spawn(&[], &[], 100, 30);
    s.wait_for(" Events 1/");
    for i in 0..40u16 {
        s.resize(90, 25);
        s.resize(100 + i % 2, 30);
        if i % 2 == 0 {
            s.send("j");
            s.wait_for(" Events 2/");
        } else {
            s.send("k");
            s.wait_for(" Events 1/");
        }
    }
    s.resize(60, 20);
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn gg_typed_slowly_goes_to_the_top() {
    let mut s = Session::spawn(&[], &[], 100, 30);
    s.wait_for(" Events 1/");
    for _ in 0..3 {
        s.send("G");
        s.wait_gone(" Events 1/");
        s.send("g");
        s.wait_for("g…");
        // Longer than the half-second tick that used to drop the pending g: this pause is the
        // typing pace under test, not a wait for the program.
        std::thread::sleep(std::time::Duration::from_millis(600));
        s.send("g");
        s.wait_for(" Events 1/");
    }
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn ctrl_l_repaints_what_another_program_scribbled() {
    let mut s = Session::spawn(&[], &[], 100, 30);
    s.wait_for(" Events 1/");
    // As if a background job wrote on the terminal: the screen has cells ratatui did not draw.
    s.parser.lock().unwrap().process(b"\x1b[5;5HSCRIBBLE");
    s.wait_for("SCRIBBLE");
    s.send("\x0c");
    s.wait_gone("SCRIBBLE");
    s.wait_for(" Events 1/");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_correction_typed_in_arabic_is_shown_then_applied() {
    let mut s = Session::spawn(&[], &[], 120, 30);
    s.wait_for(" Events 1/");
    s.send("c");
    s.wait_for("correct the date:");
    s.send("الثلاثاء المقبل");
    s.wait_for("→ Tuesday 11 January 2022");
    s.send("\r");
    s.wait_for("date corrected to 2022-01-11");
    // The sample has no file beside it: q warns once, the second q quits.
    s.send("q");
    s.wait_for("q again drops them");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn esc_in_the_search_prompt_goes_back_to_where_it_began() {
    let mut s = Session::spawn(&[], &[], 100, 30);
    s.wait_for(" Events 1/");
    s.send("jj");
    s.wait_for(" Events 3/");
    s.send("/1989");
    s.wait_for("search: 1989");
    s.wait_gone(" Events 3/");
    s.send("\x1b");
    s.wait_gone("search: ");
    s.wait_for(" Events 3/");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn sigterm_while_typing_a_note_keeps_it_in_the_review_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(
        &article,
        "وصل الوفد إلى عمان يوم الأربعاء 5 يناير 2022 في زيارة رسمية.",
    )
    .unwrap();
    let path = article.to_str().unwrap();
    let mut s = Session::spawn(&[path], &[], 120, 30);
    s.wait_for(" Events 1/");
    s.send("e");
    s.wait_for("note:");
    s.send("check AFP");
    s.wait_for("check AFP");
    let pid = s.child.process_id().expect("pid") as libc::pid_t;
    // SAFETY: sends a signal to the child this test spawned; no memory is involved.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    assert_eq!(s.wait_exit().exit_code(), 143);
    s.assert_restored();
    let review = std::fs::read_to_string(dir.path().join("story.txt.tarikh.json")).unwrap();
    assert!(review.contains("\"note\": \"check AFP\""), "{review}");
    let out = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(out.contains("kept the note"), "said on stderr");
}

#[test]
fn ampersand_filters_and_t_jumps_in_the_real_terminal() {
    let mut s = Session::spawn(&[], &[], 200, 50);
    s.wait_for(" Events 1/");
    s.send("&1989");
    s.wait_for(" Events 1/1 of ");
    s.send("\r");
    s.wait_for("filter “1989”");
    s.wait_for("[& 1989]");
    s.send("&");
    s.send("\x15\r");
    s.wait_for("no filter: every event shows");
    s.send("t2022-01-06");
    s.wait_for("→ Thursday 6 January 2022: Thursday 6 January 2022");
    s.send("\r");
    s.wait_for("went to Thursday 6 January 2022");
    s.send("q");
    assert!(s.wait_exit().success());
}
