//! Reviewing through the app's keys (no terminal): statuses in the list, the note input line
//! with Arabic and Latin and its cursor, a refused date that keeps the prompt, a correction
//! that moves the event, the filter, orphans, undo; snapshots of the list and the input line.

mod tui_common;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tarikh::ReviewStatus;
use tarikh::tui::app::{App, Filter, settle, update};
use tui_common::*;

fn key(app: &mut App, code: KeyCode) {
    if let Some(a) = app.action_for_key(&KeyEvent::new(code, KeyModifiers::NONE)) {
        // As the event loop does: the files an action asks for are written before the next.
        update(app, a);
        settle(app);
    }
}

fn ctrl(app: &mut App, c: char) {
    if let Some(a) = app.action_for_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)) {
        // As the event loop does: the files an action asks for are written before the next.
        update(app, a);
        settle(app);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The viewer on the sample written as `article`, its reviews in the file beside it.
fn app_on_file(article: &std::path::Path) -> App {
    let src = tarikh::Source {
        id: "a".into(),
        path: Some(article.display().to_string()),
        text: SAMPLE.into(),
    };
    let mut session = tarikh::review::session::Session::load(
        std::slice::from_ref(&src),
        None,
        tarikh::Options::default(),
        true,
    );
    let timeline = session.extract(vec![src]);
    App::with_reviews(timeline, session, config(), (100, 30))
}

fn status_of(app: &App, i: usize) -> ReviewStatus {
    app.timeline.events[i]
        .review
        .as_ref()
        .map_or(ReviewStatus::Unreviewed, |r| r.status)
}

/// The expression of the selected event.
fn selected_expr(app: &App) -> String {
    app.event().unwrap().expression.text.clone()
}

#[test]
fn verify_flag_and_note_show_in_the_list_and_detail() {
    let mut app = app(100, 30);
    typed(&mut app, "v");
    assert_eq!(status_of(&app, 0), ReviewStatus::Verified);
    assert!(app.status.as_deref().unwrap().contains("not saved"));
    typed(&mut app, "jf");
    assert_eq!(status_of(&app, 1), ReviewStatus::Flagged);
    typed(&mut app, "je");
    typed(&mut app, "راجع AFP");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.event().unwrap().review.as_ref().unwrap().note,
        "راجع AFP"
    );
    // Verify twice goes back to unreviewed.
    typed(&mut app, "kvv");
    assert_eq!(status_of(&app, 1), ReviewStatus::Unreviewed);
    typed(&mut app, "f");
    insta::assert_snapshot!("list_with_statuses", render(&app).backend());
}

#[test]
fn the_note_line_edits_arabic_and_latin_with_the_cursor() {
    let mut app = app(100, 30);
    typed(&mut app, "e");
    typed(&mut app, "تأكد من AP");
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Delete);
    typed(&mut app, "ت");
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "FP");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    let p = app.prompt.clone().unwrap();
    assert_eq!(p.text, "تأكد من AFP");
    assert_eq!(&p.text[p.cursor..], "FP");
    insta::assert_snapshot!("note_input_line", render(&app).backend());
    key(&mut app, KeyCode::Esc);
    assert!(app.prompt.is_none());
    assert!(app.event().unwrap().review.is_none(), "Esc changes nothing");
}

#[test]
fn an_invalid_date_keeps_the_prompt_and_a_correction_moves_the_event() {
    let mut app = app(100, 30);
    // The first event is 1989–2019; correct it to a day after every other event.
    let expr = selected_expr(&app);
    typed(&mut app, "c");
    assert_eq!(app.prompt.as_ref().unwrap().text, "1989-01-01/2019-12-31");
    typed(&mut app, "2022-02-30");
    key(&mut app, KeyCode::Enter);
    let p = app.prompt.clone().expect("the prompt stays open");
    assert!(p.error.unwrap().contains("not a date"));
    ctrl(&mut app, 'w');
    typed(&mut app, "2022-01-09");
    key(&mut app, KeyCode::Enter);
    assert!(app.prompt.is_none());
    let last = app.timeline.events.len() - 1;
    assert_eq!(app.timeline.events[last].expression.text, expr);
    assert_eq!(app.selected, last, "the selection follows the event");
    assert!(
        app.detail
            .lines
            .iter()
            .any(|l| l.line.glyphs.iter().any(|g| g.text == "±"))
    );
    typed(&mut app, "u");
    assert_eq!(app.timeline.events[0].expression.text, expr);
}

#[test]
fn the_filter_cycles_all_unreviewed_flagged() {
    let mut app = app(100, 30);
    typed(&mut app, "vjf");
    typed(&mut app, "F");
    assert_eq!(app.filter, Filter::Unreviewed);
    assert!(
        app.selected >= 2,
        "selection moved to a shown event: {}",
        app.selected
    );
    let shown = (0..app.timeline.events.len())
        .filter(|&i| app.shown(i))
        .count();
    assert_eq!(shown, 2);
    typed(&mut app, "F");
    assert_eq!(app.filter, Filter::Flagged);
    assert_eq!(status_of(&app, app.selected), ReviewStatus::Flagged);
    typed(&mut app, "F");
    assert_eq!(app.filter, Filter::Doubtful);
    typed(&mut app, "F");
    assert_eq!(app.filter, Filter::All);
}

#[test]
fn the_anchor_prompt_refuses_a_bad_date_and_reresolves_on_a_good_one() {
    let mut app = app(100, 30);
    typed(&mut app, "A");
    assert_eq!(app.prompt.as_ref().unwrap().text, "2022-01-06");
    // The value shown is selected: the first key replaces it.
    typed(&mut app, "x");
    assert_eq!(app.prompt.as_ref().unwrap().text, "x");
    key(&mut app, KeyCode::Enter);
    assert!(app.prompt.as_ref().unwrap().error.is_some());
    ctrl(&mut app, 'u');
    assert_eq!(app.prompt.as_ref().unwrap().text, "");
    // Typed as an editor writes it, read by the extractor, shown before Enter.
    typed(&mut app, "13 يناير 2022");
    let p = app.prompt.clone().unwrap();
    assert_eq!(p.preview.as_deref(), Some("→ Thursday 13 January 2022"));
    key(&mut app, KeyCode::Enter);
    assert!(app.prompt.is_none());
    let a = &app.timeline.documents[0].anchor;
    assert_eq!(a.date.unwrap().to_string(), "2022-01-13");
    // The sample re-extracted around the new anchor: Thursday is now the 13th.
    assert!(
        app.timeline
            .events
            .iter()
            .any(|e| e.date.start.is_some_and(|d| d.to_string() == "2022-01-13")),
        "{:?}",
        app.timeline
            .events
            .iter()
            .map(|e| e.date.value.clone())
            .collect::<Vec<_>>()
    );
}

#[test]
fn quitting_with_unsaved_reviews_warns_once() {
    let mut app = app(100, 30);
    typed(&mut app, "v");
    typed(&mut app, "q");
    assert_eq!(app.quit, None);
    assert!(app.status.as_deref().unwrap().contains("NOT SAVED"));
    typed(&mut app, "q");
    assert_eq!(app.quit, Some(0));
}

#[test]
fn orphans_are_listed_with_their_sentence_deleted_with_d_and_undone_with_u() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, SAMPLE).unwrap();
    std::fs::write(
        dir.path().join("a.txt.tarikh.json"),
        r#"{"tarikh_review": 1, "reviews": [
            {"expression": "أمس", "sentence": "جملة حذفت من المقال أمس.", "status": "flagged", "note": "gone"}
        ]}"#,
    )
    .unwrap();
    let mut app = app_on_file(&article);
    assert!(app.status.as_deref().unwrap().contains("1 orphaned review"));
    typed(&mut app, "o");
    assert_eq!(app.orphans, Some(0));
    let screen = screen(&render(&app)).join("\n");
    assert!(screen.contains("Orphaned reviews 1"), "{screen}");
    assert!(screen.contains("gone"), "{screen}");
    typed(&mut app, "d");
    assert!(app.reviews.orphans().is_empty());
    let on_disk = std::fs::read_to_string(dir.path().join("a.txt.tarikh.json")).unwrap();
    assert!(!on_disk.contains("gone"), "{on_disk}");
    typed(&mut app, "u");
    assert_eq!(app.reviews.orphans().len(), 1);
    let on_disk = std::fs::read_to_string(dir.path().join("a.txt.tarikh.json")).unwrap();
    assert!(on_disk.contains("gone"), "{on_disk}");
    typed(&mut app, "o");
    assert_eq!(app.orphans, None);
}

#[test]
fn a_reload_keeps_the_selection_and_every_review() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, SAMPLE).unwrap();
    let mut app = app_on_file(&article);
    let target = app
        .timeline
        .events
        .iter()
        .position(|e| e.expression.text == "يوم الخميس (6 يناير)")
        .unwrap();
    app.select(target);
    typed(&mut app, "f");
    let before = app.event().unwrap().expression.start;
    // Every offset moves; the event and its review must not.
    std::fs::write(&article, format!("سطر جديد في أعلى المقال.\n{SAMPLE}")).unwrap();
    typed(&mut app, "r");
    assert!(app.status.as_deref().unwrap().contains("reloaded"));
    let e = app.event().unwrap();
    assert_eq!(e.expression.text, "يوم الخميس (6 يناير)");
    assert!(e.expression.start > before);
    assert_eq!(e.review.as_ref().unwrap().status, ReviewStatus::Flagged);
}

#[test]
fn reviewing_from_the_article_view_keeps_the_article_open() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Enter);
    let top = app.article.top;
    typed(&mut app, "v");
    assert_eq!(app.view, tarikh::tui::app::View::Article);
    assert!(app.article.layout.is_some());
    assert_eq!(app.article.top, top);
    assert_eq!(status_of(&app, app.selected), ReviewStatus::Verified);
}

#[test]
fn undo_says_what_it_undid_and_ctrl_r_redoes_it() {
    let mut app = app(100, 30);
    let expr = selected_expr(&app);
    typed(&mut app, "v");
    typed(&mut app, "u");
    let s = app.status.clone().unwrap();
    assert!(
        s.starts_with(&format!("undone: ✓ verified “{expr}”")),
        "{s}"
    );
    assert_eq!(status_of(&app, app.selected), ReviewStatus::Unreviewed);
    ctrl(&mut app, 'r');
    let s = app.status.clone().unwrap();
    assert!(
        s.starts_with(&format!("redone: ✓ verified “{expr}”")),
        "{s}"
    );
    assert_eq!(status_of(&app, app.selected), ReviewStatus::Verified);
    ctrl(&mut app, 'r');
    assert_eq!(app.status.as_deref(), Some("nothing to redo"));
    // A new change ends what could be redone.
    typed(&mut app, "u");
    typed(&mut app, "f");
    ctrl(&mut app, 'r');
    assert_eq!(app.status.as_deref(), Some("nothing to redo"));
    assert_eq!(status_of(&app, app.selected), ReviewStatus::Flagged);
}

#[test]
fn a_note_half_typed_when_a_signal_ends_the_viewer_is_kept() {
    let mut app = app(100, 30);
    typed(&mut app, "eتحقق من");
    update(&mut app, tarikh::tui::action::Action::Terminate(143));
    settle(&mut app);
    assert_eq!(app.quit, Some(143));
    let note = app.event().unwrap().review.as_ref().unwrap().note.clone();
    assert_eq!(note, "تحقق من");
    assert!(
        app.farewell[0].contains("kept the note “تحقق من”"),
        "{:?}",
        app.farewell
    );
    // A half-typed date is not applied, only reported.
    let mut other = tui_common::app(100, 30);
    typed(&mut other, "c2022-01");
    update(&mut other, tarikh::tui::action::Action::Terminate(129));
    assert!(other.event().unwrap().review.is_none());
    assert!(
        other.farewell[0].contains("not applied"),
        "{:?}",
        other.farewell
    );
}

#[test]
fn update_writes_no_file_settle_saves_and_says_how_it_went() {
    // The viewer's update only changes state and asks for the save (an effect); settle, which
    // the event loop runs after every action, writes the file and reports it.
    use tarikh::tui::action::{Action, Effect};
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, SAMPLE).unwrap();
    let mut app = app_on_file(&article);
    let file = dir.path().join("a.txt.tarikh.json");
    update(&mut app, Action::Verify);
    assert!(!file.exists(), "update itself wrote the review file");
    assert_eq!(app.effects, vec![Effect::Save]);
    assert!(app.status.as_deref().unwrap().ends_with("saving…"));
    settle(&mut app);
    assert!(app.effects.is_empty());
    let on_disk = std::fs::read_to_string(&file).unwrap();
    assert!(on_disk.contains("\"verified\""), "{on_disk}");
    let status = app.status.as_deref().unwrap();
    assert!(
        status.contains("✓ verified") && status.contains("saved → "),
        "{status}"
    );
    // An export too is written only by settle.
    update(&mut app, Action::Export);
    for c in "csv".chars() {
        update(&mut app, Action::Edit(tarikh::tui::prompt::Edit::Insert(c)));
    }
    update(&mut app, Action::PromptConfirm);
    let csv = dir.path().join("a.timeline.csv");
    assert!(
        !csv.exists()
            && app
                .effects
                .contains(&Effect::Export(tarikh::export::format::Format::Csv))
    );
    settle(&mut app);
    assert!(csv.exists(), "{:?}", app.status);
}
