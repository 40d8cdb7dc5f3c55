//! The app state driven by actions and key events, without a terminal.

mod tui_common;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tarikh::tui::action::{Action, Effect};
use tarikh::tui::app::{App, Focus, View, settle, update};
use tui_common::*;

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(a) = app.action_for_key(&KeyEvent::new(code, mods)) {
        // As the event loop does: the files an action asks for are written before the next.
        update(app, a);
        settle(app);
    }
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

#[test]
fn j_k_g_and_gg_move_the_selection() {
    let mut app = app(100, 30);
    press(&mut app, "j");
    assert_eq!(app.selected, 1);
    press(&mut app, "k");
    assert_eq!(app.selected, 0);
    press(&mut app, "k");
    assert_eq!(app.selected, 0, "stays on the first event");
    press(&mut app, "G");
    assert_eq!(app.selected, 3);
    press(&mut app, "j");
    assert_eq!(app.selected, 3, "stays on the last event");
    press(&mut app, "g");
    assert_eq!(app.selected, 3, "a single g waits for the second");
    press(&mut app, "g");
    assert_eq!(app.selected, 0);
    key(&mut app, KeyCode::End, KeyModifiers::NONE);
    assert_eq!(app.selected, 3);
    key(&mut app, KeyCode::Home, KeyModifiers::NONE);
    assert_eq!(app.selected, 0);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(app.selected, 1);
}

#[test]
fn tab_moves_focus_and_keys_then_scroll_the_detail() {
    let mut app = app(60, 14);
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(app.focus, Focus::Detail);
    let sel = app.selected;
    press(&mut app, "j");
    assert_eq!(app.selected, sel, "j scrolls the detail, not the list");
    assert!(app.detail.scroll <= 1);
    key(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn enter_opens_the_article_at_the_sentence_and_q_comes_back() {
    let mut app = app(100, 30);
    press(&mut app, "G");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.view, View::Article);
    let a = app.article.layout.as_ref().unwrap();
    let e = app.event().unwrap();
    let first = a
        .lines
        .iter()
        .position(|l| l.end > e.sentence.start)
        .unwrap();
    assert!(
        first >= app.article.top && first < app.article.top + 26,
        "sentence in view"
    );
    press(&mut app, "q");
    assert_eq!(app.view, View::Main);
    assert_eq!(app.quit, None);
    press(&mut app, "q");
    assert_eq!(app.quit, Some(0));
}

#[test]
fn n_and_brackets_walk_the_dated_sentences_in_the_article() {
    let mut app = app(100, 30);
    // Start at the earliest sentence in the text (يوم الخميس, sentence 1).
    let first = (0..4)
        .min_by_key(|&i| app.timeline.events[i].sentence.start)
        .unwrap();
    app.select(first);
    update(&mut app, Action::Open);
    let mut starts = vec![app.event().unwrap().sentence.start];
    for _ in 0..3 {
        press(&mut app, "n");
        starts.push(app.event().unwrap().sentence.start);
    }
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    press(&mut app, "n");
    assert!(app.status.as_deref().unwrap().contains("no dated sentence"));
    press(&mut app, "[");
    assert_eq!(app.event().unwrap().sentence.start, starts[2]);
    press(&mut app, "]");
    assert_eq!(app.event().unwrap().sentence.start, starts[3]);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.view, View::Main);
}

#[test]
fn search_folds_harakat_and_hamza() {
    let mut app = app(100, 30);
    press(&mut app, "/");
    assert!(app.search.input.is_some());
    // Typed with no hamza and with a stray fatha: still finds الأربعاء.
    press(&mut app, "الاَربعاء");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.search.matches.len(), 1);
    let e = &app.timeline.events[app.selected];
    assert!(e.sentence.text.contains("الأربعاء"));
    assert!(
        !app.detail.matches.is_empty(),
        "the match is marked in the sentence"
    );
    // n / N wrap around a single match.
    press(&mut app, "n");
    assert_eq!(app.selected, app.search.matches[0]);
    press(&mut app, "N");
    assert_eq!(app.selected, app.search.matches[0]);
    // Latin is case-insensitive.
    press(&mut app, "/csto");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(
        app.search.matches.is_empty(),
        "CSTO is in no fixture sentence"
    );
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(
        app.search.query.is_empty(),
        "Esc in the list clears the search"
    );
}

#[test]
fn search_cancel_goes_back() {
    let mut app = app(100, 30);
    press(&mut app, "j");
    press(&mut app, "/الخميس");
    assert_ne!(app.search.matches.len(), 0);
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(app.search.input.as_deref(), Some("الخمي"));
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.selected, 1);
    assert!(app.search.input.is_none() && app.search.query.is_empty());
    // q typed in the prompt is text, not quit; Ctrl-c always quits.
    press(&mut app, "/q");
    assert_eq!(app.quit, None);
    key(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(app.quit, Some(0));
}

#[test]
fn y_queues_the_sentence_for_the_clipboard_in_reading_order() {
    let mut app = app(100, 30);
    press(&mut app, "y");
    let e = app.event().unwrap().sentence.text.clone();
    assert_eq!(app.effects, vec![Effect::Copy(e)]);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app(100, 20);
    press(&mut app, "?");
    assert_eq!(app.help, Some(0));
    press(&mut app, "j");
    assert_eq!(app.help, Some(1));
    assert_eq!(app.selected, 0, "keys scroll the help, not the list");
    key(&mut app, KeyCode::F(1), KeyModifiers::NONE);
    assert_eq!(app.help, None);
    press(&mut app, "?q");
    assert_eq!(app.help, None);
    assert_eq!(app.quit, None, "q closes the help first");
}

/// Three articles: two report one story on the same day, the third something else.
fn stories() -> App {
    let src = |id: &str, text: &str| tarikh::Source {
        id: id.into(),
        path: None,
        text: text.into(),
    };
    let t = tarikh::extract_sources(
        vec![
            src(
                "reuters",
                "أعلن الرئيس قاسم جومارت توكاييف يوم الأربعاء 5 يناير 2022 أن عصابات إرهابية تقود المظاهرات في البلاد.",
            ),
            src(
                "afp",
                "وأكد قاسم جومارت توكاييف يوم الأربعاء 5 يناير 2022 أن العصابات الإرهابية تقود المظاهرات في البلاد.",
            ),
            src(
                "ahram",
                "افتتح المعرض الدولي للكتاب يوم الخميس 6 يناير 2022 في القاهرة.",
            ),
        ],
        &tarikh::Options::default(),
    );
    App::new(t, config(), (100, 30))
}

#[test]
fn a_story_several_documents_report_is_one_entry_until_unfolded() {
    let mut app = stories();
    let shown = |app: &App| {
        (0..app.timeline.events.len())
            .filter(|&i| app.shown(i))
            .count()
    };
    assert_eq!(app.timeline.events.len(), 3);
    assert_eq!(
        shown(&app),
        2,
        "the second report is folded under the first"
    );
    assert_eq!(app.other_sources(0), 1);
    press(&mut app, "z");
    assert_eq!(shown(&app), 3);
    assert!(app.status.as_deref().unwrap().contains("1 other source"));
    press(&mut app, "z");
    assert_eq!(shown(&app), 2);
    press(&mut app, "G");
    press(&mut app, "z");
    assert!(app.status.as_deref().unwrap().contains("no other document"));
}

#[test]
fn d_shows_one_document_at_a_time() {
    let mut app = stories();
    let shown_docs = |app: &App| {
        let mut d: Vec<String> = (0..app.timeline.events.len())
            .filter(|&i| app.shown(i))
            .map(|i| app.timeline.events[i].document.clone())
            .collect();
        d.dedup();
        d
    };
    press(&mut app, "D");
    assert_eq!(shown_docs(&app), vec!["reuters"]);
    press(&mut app, "D");
    assert_eq!(
        shown_docs(&app),
        vec!["afp"],
        "one document shows its folded reports too"
    );
    press(&mut app, "DD");
    assert_eq!(app.document_filter, None);
    assert_eq!(
        app.document_tag(&app.timeline.events[0]).as_deref(),
        Some("reuters")
    );
}

#[test]
fn x_exports_in_the_format_typed_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, "وصل الوفد يوم 5 يناير 2022 إلى عمان.").unwrap();
    let t = tarikh::extract_sources(
        vec![tarikh::Source {
            id: "story".into(),
            path: Some(article.display().to_string()),
            text: std::fs::read_to_string(&article).unwrap(),
        }],
        &tarikh::Options::default(),
    );
    let mut app = App::new(t, config(), (100, 30));
    press(&mut app, "x");
    assert!(app.prompt.is_some());
    // The prompt starts with "md": replace it with an unknown name, then with csv.
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    press(&mut app, "pdf");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(
        app.prompt
            .as_ref()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .contains("pdf")
    );
    for _ in 0..3 {
        key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    press(&mut app, "csv");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(app.prompt.is_none());
    let out = dir.path().join("story.timeline.csv");
    let status = app.status.clone().unwrap();
    assert!(status.contains(&out.display().to_string()), "{status}");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(
        csv.contains("يوم 5 يناير 2022") && csv.contains("2022-01-05"),
        "{csv}"
    );
}

#[test]
fn paging_keys_and_resizes() {
    let tl = big_timeline(500);
    let mut app = App::new(tl, config(), (100, 30));
    key(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    let after_page = app.selected;
    assert!(after_page > 10, "{after_page}");
    key(&mut app, KeyCode::Char(' '), KeyModifiers::NONE);
    assert!(app.selected > after_page);
    key(&mut app, KeyCode::PageUp, KeyModifiers::NONE);
    key(&mut app, KeyCode::PageUp, KeyModifiers::NONE);
    assert_eq!(app.selected, 0);
    key(&mut app, KeyCode::Char('d'), KeyModifiers::CONTROL);
    let half = app.selected;
    assert!(half > 5 && half < after_page, "{half}");
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.selected, 0);
    // The selection stays on screen through resizes.
    press(&mut app, "G");
    for (w, h) in [(40, 10), (10, 3), (200, 60), (100, 30)] {
        update(&mut app, Action::Resize(w, h));
        let row = app.list.event_row[app.selected];
        assert!(row >= app.list.top);
    }
    let _ = render(&app);
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut app = app(100, 30);
    let a = tarikh::tui::layout::areas(app.size).unwrap();
    let inner = a.list_inner();
    // Row 3 of the list is the night event's row (header, event, header, event).
    update(&mut app, Action::Click(inner.x + 3, inner.y + 3));
    assert_eq!(app.selected, 1);
    // The wheel moves three rows: past the next header to the last Thursday event.
    update(&mut app, Action::WheelDown(inner.x + 3, inner.y + 3));
    assert_eq!(app.selected, 3);
    update(&mut app, Action::Click(a.detail.x + 3, a.detail.y + 3));
    assert_eq!(app.focus, Focus::Detail);
}

/// A timeline of `n` events cycling over the fixture's four.
fn big_timeline(n: usize) -> tarikh::Timeline {
    let mut tl = sample_timeline();
    let base = tl.events.clone();
    tl.events = (0..n)
        .map(|i| {
            let mut e = base[i % base.len()].clone();
            let shift = chrono::Days::new((i / base.len()) as u64);
            e.date.start = e.date.start.map(|d| d + shift);
            e.date.end = e.date.end.map(|d| d + shift);
            e
        })
        .collect();
    tl.events.sort_by_key(|e| (e.date.start, e.date.end));
    tl
}

#[test]
fn kitty_gets_told_about_bidi_terminal() {
    let cfg = tarikh::tui::Config {
        kitty: true,
        ..config()
    };
    let app = App::new(sample_timeline(), cfg, (100, 30));
    assert!(app.status.as_deref().unwrap().contains("--bidi terminal"));
    let help = tarikh::tui::help::help_lines(&app.config);
    assert!(help.iter().any(|l| {
        l.text
            .contains("kitty (kitty detected): use --bidi terminal")
    }));
}

#[test]
fn help_lists_every_key_of_the_keymap() {
    let app = app(100, 30);
    let help: String = tarikh::tui::help::help_lines(&app.config)
        .iter()
        .map(|l| l.text.clone() + "\n")
        .collect();
    for b in tarikh::tui::keymap::KEYMAP {
        assert!(help.contains(b.help), "{}", b.help);
        for k in b.keys {
            assert!(help.contains(&tarikh::tui::keymap::shown(k)), "{k}");
        }
    }
}

#[test]
fn d_lays_the_list_out_again_and_ctrl_l_redraws() {
    let mut app = stories();
    // Issue 12: after D the list kept the rows laid out for the previous document.
    press(&mut app, "DD");
    assert_eq!(app.document_filter, Some(1));
    // Everything but the status bar, whose message the next key clears.
    let body = |app: &App| {
        let mut s = screen(&render(app));
        s.pop();
        s
    };
    let after_d = body(&app);
    key(&mut app, KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert_eq!(app.effects, vec![Effect::Redraw]);
    assert_eq!(
        body(&app),
        after_d,
        "D left rows of another document on screen"
    );
    // Unfolding a story changes the rows too.
    press(&mut app, "D");
    press(&mut app, "D");
    press(&mut app, "z");
    let after_z = body(&app);
    update(&mut app, Action::Redraw);
    assert_eq!(body(&app), after_z);
}

#[test]
fn gg_survives_the_tick_and_a_resize_between_its_two_keys() {
    let mut app = app(100, 30);
    press(&mut app, "G");
    press(&mut app, "g");
    assert_eq!(app.pending, Some('g'));
    let bar = screen(&render(&app)).last().unwrap().clone();
    assert!(bar.contains("g…"), "the pending key is shown: {bar}");
    update(&mut app, Action::Tick);
    update(&mut app, Action::Resize(120, 30));
    press(&mut app, "g");
    assert_eq!(app.selected, 0);
    assert_eq!(app.pending, None);
}

/// One article with a weekday that does not fit its date (5 July 2025 is a Saturday), a
/// relative date leaning on the inferred anchor, and a full date.
fn doubtful_article() -> App {
    let t = tarikh::extract_sources(
        vec![tarikh::Source {
            id: "algiers".into(),
            path: None,
            text: "الجزائر في 3 جويلية 2025 - قال الوزير اليوم الجمعة 5 جويلية 2025 إن المفاوضات ستستمر. \
                   وكان الوفد قد وصل يوم الثلاثاء الماضي."
                .into(),
        }],
        &tarikh::Options::default(),
    );
    App::new(t, config(), (120, 30))
}

#[test]
fn warnings_and_doubt_reach_the_viewer() {
    let mut app = doubtful_article();
    let warned = app
        .timeline
        .events
        .iter()
        .position(|e| e.expression.text.contains("الجمعة 5 جويلية"))
        .expect("the Friday event");
    assert!(
        app.warnings.contains_key(&warned),
        "{:?}",
        app.timeline.warnings
    );
    app.select(warned);
    let text = screen(&render(&app)).join("\n");
    assert!(text.contains("⚠ "), "the detail names the warning:\n{text}");
    assert!(text.contains("Saturday"), "{text}");
    // The status bar names the anchor's basis in a few words that fit.
    let bar = screen(&render(&app)).last().unwrap().clone();
    let anchor = &app.timeline.documents[0].anchor;
    let basis = tarikh::tui::doubt::anchor_basis(anchor).basis;
    let day = tarikh::export::words::day_name(anchor.date.expect("an anchor"));
    let head: String = basis.chars().take(20).collect();
    assert!(bar.contains(&format!("anchor {day} · {head}")), "{bar}");
    // F reaches the doubtful events: the warned one and the one leaning on the inferred anchor.
    while app.filter != tarikh::tui::app::Filter::Doubtful {
        press(&mut app, "F");
    }
    let shown: Vec<usize> = (0..app.timeline.events.len())
        .filter(|&i| app.shown(i))
        .collect();
    assert!(shown.contains(&warned));
    assert_eq!(shown.len(), app.doubtful);
    assert!(
        shown
            .iter()
            .all(|&i| { app.warnings.contains_key(&i) || app.timeline.events[i].date.uncertain })
    );
}

#[test]
fn an_unanchored_document_points_to_a() {
    let t = tarikh::extract(
        "وكان الوفد قد وصل يوم الثلاثاء الماضي.",
        &tarikh::Options::default(),
    );
    let app = App::new(t, config(), (240, 30));
    let s = screen(&render(&app));
    assert!(
        s.last().unwrap().contains("no document date: A sets it"),
        "{s:?}"
    );
    assert!(s.join("\n").contains("A sets the document's date"));
    let text = s.join("\n");
    assert!(
        !text.contains("--anchor"),
        "the viewer points to A, not a flag: {text}"
    );
}

fn ctrl(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

#[test]
fn prompts_type_over_their_value_and_read_dates_as_written() {
    let mut app = app(100, 30);
    // The first event is 1989–2019: c opens with that range, and typing replaces it.
    press(&mut app, "c");
    assert_eq!(app.prompt.as_ref().unwrap().text, "1989-01-01/2019-12-31");
    press(&mut app, "4 يناير");
    let p = app.prompt.clone().unwrap();
    assert_eq!(p.text, "4 يناير", "not appended to the range");
    assert_eq!(p.preview.as_deref(), Some("→ Tuesday 4 January 2022"));
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(app.prompt.is_none());
    let e = app.event().unwrap();
    let c = e.review.as_ref().unwrap().corrected.unwrap();
    assert_eq!(c.start.to_string(), "2022-01-04");
    // +N counts from the event's date now.
    press(&mut app, "c+2");
    assert_eq!(
        app.prompt.as_ref().unwrap().preview.as_deref(),
        Some("→ Thursday 6 January 2022")
    );
    ctrl(&mut app, 'u');
    press(&mut app, "الثلاثاء المقبل");
    assert_eq!(
        app.prompt.as_ref().unwrap().preview.as_deref(),
        Some("→ Tuesday 11 January 2022")
    );
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    // x starts with md selected: typing md gives md, not mdmd.
    press(&mut app, "xmd");
    assert_eq!(app.prompt.as_ref().unwrap().text, "md");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
}

#[test]
fn a_offers_the_full_dates_of_the_text_with_tab() {
    let mut app = doubtful_article();
    press(&mut app, "A");
    let p = app.prompt.clone().unwrap();
    assert_eq!(p.candidates, vec!["2025-07-03", "2025-07-05"]);
    assert!(
        p.preview
            .unwrap()
            .contains("Tab: 2 full date(s) in the text")
    );
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    let p = app.prompt.clone().unwrap();
    assert_eq!(p.text, "2025-07-05");
    assert!(p.preview.unwrap().contains("date 2 of 2"));
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let a = &app.timeline.documents[0].anchor;
    assert_eq!(a.date.unwrap().to_string(), "2025-07-05");
    press(&mut app, "j");
    let bar = screen(&render(&app)).last().unwrap().clone();
    assert!(bar.contains("set by you"), "{bar}");
}

#[test]
fn the_prompt_shows_its_error_whole() {
    for w in [80, 200] {
        let mut app = app(w, 24);
        press(&mut app, "cbanana");
        key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        let bar = screen(&render(&app)).last().unwrap().clone();
        assert!(
            bar.contains("✗ no date in 'banana': type 2022-01-05"),
            "{w}: {bar}"
        );
        if w == 200 {
            let error = bar.split('✗').nth(1).unwrap();
            assert!(!error.contains('…') && error.contains("+7"), "cut: {bar}");
        }
    }
}

#[test]
fn help_wraps_instead_of_cutting_and_explains_the_marks() {
    let app = app(80, 24);
    let lines = tarikh::tui::help::help_lines_at(&app.config, (80, 24));
    for l in &lines {
        assert!(
            l.text.chars().count() <= 73,
            "cut at 80 columns: {}",
            l.text
        );
    }
    let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
    let wrapped: Vec<String> = lines.iter().flat_map(|l| words(&l.text)).collect();
    let whole: Vec<String> = tarikh::tui::help::help_lines(&app.config)
        .iter()
        .flat_map(|l| words(&l.text))
        .collect();
    assert_eq!(wrapped, whole, "nothing lost in wrapping");
    let text: String = lines.iter().map(|l| l.text.clone() + "\n").collect();
    for mark in ["›", "⚠", "?", "✓", "!", "±", "✎", "+"] {
        assert!(text.contains(&format!("{mark} ")), "no legend for {mark}");
    }
}

fn search(app: &mut App, q: &str) -> Vec<String> {
    press(app, "/");
    press(app, q);
    key(app, KeyCode::Enter, KeyModifiers::NONE);
    app.search
        .matches
        .iter()
        .map(|&i| app.timeline.events[i].expression.text.clone())
        .collect()
}

#[test]
fn search_finds_dates_and_whole_words_only() {
    let mut app = app(100, 30);
    let night = vec!["ليل الأربعاء حتى الخميس".to_string()];
    assert_eq!(search(&mut app, "2022-01-05"), night);
    assert_eq!(search(&mut app, "January 5"), night);
    assert_eq!(search(&mut app, "5 january"), night);
    assert_eq!(search(&mut app, "wednesday"), night);
    let t = tarikh::extract(
        "وصل الوفد إلى الخليل يوم الأحد 2 يناير 2022. ووقعت الاشتباكات ليل الأربعاء 5 يناير 2022.",
        &tarikh::Options::default(),
    );
    let mut app = App::new(t, config(), (100, 30));
    search(&mut app, "ليل");
    let sentences: Vec<&str> = app
        .search
        .matches
        .iter()
        .map(|&i| app.timeline.events[i].sentence.text.as_str())
        .collect();
    assert!(!sentences.is_empty());
    assert!(
        sentences.iter().all(|s| !s.contains("الخليل")),
        "ليل is not found inside الخليل: {sentences:?}"
    );
}

#[test]
fn n_says_when_it_wraps() {
    let mut app = app(100, 30);
    search(&mut app, "الخميس");
    let total = app.search.matches.len();
    assert!(total > 1);
    for _ in 1..total {
        press(&mut app, "n");
        assert!(!app.status.as_deref().unwrap().contains("back to the first"));
    }
    press(&mut app, "n");
    let s = app.status.clone().unwrap();
    assert!(s.contains("past the last match, back to the first"), "{s}");
    press(&mut app, "N");
    let s = app.status.clone().unwrap();
    assert!(
        s.contains("before the first match, round to the last"),
        "{s}"
    );
}

/// A story two agencies report on 5 January, and between them (in timeline order) an
/// unrelated event of the same day.
fn story_and_neighbour() -> App {
    let src = |id: &str, text: &str| tarikh::Source {
        id: id.into(),
        path: None,
        text: text.into(),
    };
    let t = tarikh::extract_sources(
        vec![
            src(
                "reuters",
                "أعلن الرئيس قاسم جومارت توكاييف يوم الأربعاء 5 يناير 2022 أن عصابات إرهابية تقود المظاهرات في البلاد.",
            ),
            src(
                "ahram",
                "افتتح المعرض الدولي للكتاب يوم الأربعاء 5 يناير 2022 في القاهرة.",
            ),
            src(
                "afp",
                "وأكد قاسم جومارت توكاييف يوم الأربعاء 5 يناير 2022 أن العصابات الإرهابية تقود المظاهرات في البلاد.",
            ),
        ],
        &tarikh::Options::default(),
    );
    App::new(t, config(), (120, 30))
}

#[test]
fn an_unfolded_story_is_a_tree_and_v_verifies_all_of_it() {
    use tarikh::tui::list::Row;
    let mut app = story_and_neighbour();
    let doc = |app: &App, r: &Row| app.timeline.events[r.event().unwrap()].document.clone();
    let story = app
        .timeline
        .events
        .iter()
        .position(|e| e.document == "reuters")
        .unwrap();
    app.select(story);
    let detail: String = screen(&render(&app)).join("\n");
    assert!(detail.contains("also reported by afp"), "{detail}");
    press(&mut app, "z");
    let rows: Vec<(bool, String)> = app
        .list
        .rows
        .iter()
        .filter(|r| r.event().is_some())
        .map(|r| (matches!(r, Row::Source(_)), doc(&app, r)))
        .collect();
    assert_eq!(
        rows,
        vec![
            (false, "reuters".to_string()),
            (true, "afp".to_string()),
            (false, "ahram".to_string())
        ],
        "the other source right under the first, indented"
    );
    // Drawn with a branch mark, indented.
    let afp = app
        .timeline
        .events
        .iter()
        .position(|e| e.document == "afp")
        .unwrap();
    let list = tarikh::tui::layout::areas(app.size).unwrap().list_inner();
    let y = list.y + (app.list.event_row[afp] - app.list.top) as u16;
    let r = render(&app);
    let x = list.x + tarikh::tui::layout::LIST_GUTTER;
    assert_eq!(r.backend().buffer()[(x, y)].symbol(), "└");
    // j walks into the source, V verifies the whole story.
    press(&mut app, "j");
    assert_eq!(app.selected, afp);
    press(&mut app, "V");
    let verified = |app: &App, d: &str| {
        app.timeline.events.iter().any(|e| {
            e.document == d
                && e.review.as_ref().map(|r| r.status) == Some(tarikh::ReviewStatus::Verified)
        })
    };
    assert!(verified(&app, "reuters") && verified(&app, "afp") && !verified(&app, "ahram"));
    assert!(app.status.as_deref().unwrap().contains("whole story"));
}

#[test]
fn the_title_counts_what_the_filter_shows() {
    let mut app = app(100, 30);
    press(&mut app, "v");
    press(&mut app, "F");
    let text = screen(&render(&app)).join("\n");
    assert!(text.contains(" Events 1/3 of 4 "), "{text}");
    press(&mut app, "F");
    let text = screen(&render(&app)).join("\n");
    assert!(
        text.contains(" Events 0/0 of 4 "),
        "nothing flagged: {text}"
    );
}

#[test]
fn a_hijri_date_is_headed_in_its_own_calendar() {
    let t = tarikh::extract(
        "وفي رمضان 1443 هـ افتتح المسجد الكبير.",
        &tarikh::Options::default(),
    );
    let app = App::new(t, config(), (120, 30));
    assert!(
        app.list.groups[0].heading.starts_with("Ramadan 1443 AH · "),
        "{:?}",
        app.list.groups[0]
    );
}

#[test]
fn an_unknown_key_says_where_the_keys_are() {
    let mut app = app(100, 30);
    press(&mut app, "Q");
    assert_eq!(
        app.status.as_deref(),
        Some("Q does nothing here; ? lists the keys")
    );
}

#[test]
fn t_jumps_to_a_date_as_written() {
    let mut app = app(100, 30);
    press(&mut app, "t");
    press(&mut app, "5 يناير");
    let p = app.prompt.clone().unwrap();
    assert!(
        p.preview
            .as_deref()
            .unwrap()
            .starts_with("→ Wednesday 5 January 2022: "),
        "{:?}",
        p.preview
    );
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(app.prompt.is_none());
    assert_eq!(
        app.event().unwrap().expression.text,
        "ليل الأربعاء حتى الخميس"
    );
    // A day inside a range that started before it lands on the first event starting then.
    press(&mut app, "t2022-01-06");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(
        app.event().unwrap().date.start.unwrap().to_string(),
        "2022-01-06"
    );
    // : is the same key, and a day after every event says so and stays open.
    press(&mut app, ":2030-01-01");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let p = app.prompt.clone().unwrap();
    assert!(p.error.unwrap().contains("no event on or after"));
}

#[test]
fn ampersand_filters_the_list_as_you_type_and_esc_puts_it_back() {
    let mut app = app(100, 30);
    press(&mut app, "&الخميس");
    let shown = |app: &App| {
        (0..app.timeline.events.len())
            .filter(|&i| app.shown(i))
            .count()
    };
    assert_eq!(shown(&app), 3, "filtered while typing");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(shown(&app), 4, "Esc puts the list back");
    press(&mut app, "&2022-01-06 الخميس");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(shown(&app), 3);
    let text = screen(&render(&app)).join("\n");
    assert!(
        text.contains("[& 2022-01-06"),
        "the filter stays on screen: {text}"
    );
    assert!(text.contains(" Events 1/3 of 4 "), "{text}");
    press(&mut app, "v&verified");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(shown(&app), 1);
    // & then Ctrl-U and Enter clears it.
    press(&mut app, "&");
    ctrl(&mut app, 'u');
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(shown(&app), 4);
    assert!(app.query.is_none());
    // Esc in the list clears a filter too.
    press(&mut app, "&1989");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(shown(&app), 1);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(shown(&app), 4);
}
