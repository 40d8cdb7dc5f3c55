//! Rendering tests: each view drawn on ratatui's TestBackend over a hand-built timeline of the
//! sample (so the pictures do not move when the extractor changes), with insta snapshots, and
//! cell-level checks that Arabic lands in visual order with its highlight on the right cells.

mod tui_common;
use ratatui::style::Modifier;
use tarikh::tui::BidiMode;
use tarikh::tui::Config;
use tarikh::tui::action::Action;
use tarikh::tui::app::{App, update};
use tarikh::tui::list::ListLine;
use tui_common::*;
use unicode_normalization::UnicodeNormalization;

fn select_expression(app: &mut App, expr: &str) {
    let i = app
        .timeline
        .events
        .iter()
        .position(|e| e.expression.text == expr)
        .unwrap();
    app.select(i);
}

#[test]
fn list_and_detail() {
    let mut app = app(100, 30);
    select_expression(&mut app, "يوم الخميس (6 يناير)");
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn article_view() {
    let mut app = app(100, 30);
    select_expression(&mut app, "ليل الأربعاء حتى الخميس");
    update(&mut app, Action::Open);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn help_overlay() {
    let mut app = app(100, 40);
    update(&mut app, Action::Help);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn search_prompt_and_matches() {
    let mut app = app(100, 30);
    update(&mut app, Action::SearchStart);
    for c in "الاربعاء".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    insta::assert_snapshot!("search_typing", render(&app).backend());
    update(&mut app, Action::SearchConfirm);
    insta::assert_snapshot!("search_confirmed", render(&app).backend());
}

#[test]
fn tiny_window() {
    let app = app(30, 6);
    insta::assert_snapshot!(render(&app).backend());
    // Degenerate sizes draw nothing and do not panic.
    for (w, h) in [(1, 1), (0, 0), (39, 40), (200, 9)] {
        let mut a = tui_common::app(100, 30);
        update(&mut a, Action::Resize(w, h));
        update(&mut a, Action::Open);
        update(&mut a, Action::Help);
        let _ = render(&a);
    }
}

#[test]
fn empty_timeline() {
    let mut tl = sample_timeline();
    tl.events.clear();
    let mut app = App::new(tl, config(), (80, 20));
    insta::assert_snapshot!("empty_list", render(&app).backend());
    update(&mut app, Action::Open);
    let _ = render(&app);
}

/// The expression's cells, left to right, read back (NFKC undoes shaping) as the visual form.
#[test]
fn arabic_highlight_is_on_the_right_cells_in_visual_order() {
    // Wide enough for the expression to sit on one line in the detail pane.
    let mut app = app(160, 30);
    select_expression(&mut app, "يوم الخميس (6 يناير)");
    let t = render(&app);
    let buf = t.backend().buffer();
    let mut rows_with_hits = Vec::new();
    let pane = tarikh::tui::layout::areas(app.size).unwrap().detail_text();
    for y in pane.y..pane.y + pane.height {
        let hits: Vec<u16> = (pane.x..pane.x + pane.width)
            .filter(|&x| {
                let m = buf[(x, y)].modifier;
                m.contains(Modifier::REVERSED) && m.contains(Modifier::BOLD)
            })
            .collect();
        if !hits.is_empty() {
            rows_with_hits.push((y, hits));
        }
    }
    assert_eq!(
        rows_with_hits.len(),
        1,
        "the expression sits on one line: {rows_with_hits:?}\n{}",
        screen(&t).join("\n")
    );
    let (y, xs) = &rows_with_hits[0];
    assert!(
        xs.windows(2).all(|w| w[1] == w[0] + 1),
        "highlighted cells are contiguous: {xs:?}"
    );
    let cells: String = xs.iter().map(|&x| buf[(x, *y)].symbol()).collect();
    let read: String = cells.nfkc().collect();
    // Visual order: يوم at the right end, the parenthesis (mirrored) at the left, 6 before يناير.
    assert_eq!(read, "(رياني 6) سيمخلا موي");
    // What comes just before the expression in reading order (انتشروا) is to its right.
    let right: String = (xs[xs.len() - 1] + 1..buf.area.width)
        .map(|x| buf[(x, *y)].symbol())
        .collect::<String>()
        .nfkc()
        .collect();
    assert!(right.contains("اورشتنا"), "{right}");
    // The styled buffer, for review.
    let mut styled = String::new();
    for x in xs[0].saturating_sub(3)..(xs[xs.len() - 1] + 4).min(buf.area.width) {
        let c = &buf[(x, *y)];
        styled.push_str(&format!("{x:3} {:?} {:?}\n", c.symbol(), c.modifier));
    }
    insta::assert_snapshot!("highlight_cells", styled);
}

#[test]
fn colour_highlights_keep_a_modifier() {
    let cfg = Config {
        color: true,
        ..config()
    };
    let mut app = App::new(sample_timeline(), cfg, (100, 30));
    select_expression(&mut app, "يوم الخميس (6 يناير)");
    let t = render(&app);
    let buf = t.backend().buffer();
    let highlighted = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].bg == ratatui::style::Color::Yellow)
        .count();
    assert!(highlighted > 10);
    assert!(
        (0..buf.area.height)
            .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
            .filter(|&(x, y)| buf[(x, y)].bg == ratatui::style::Color::Yellow)
            .all(|(x, y)| buf[(x, y)].modifier.contains(Modifier::BOLD))
    );
}

#[test]
fn terminal_mode_sends_logical_unshaped_text() {
    let cfg = Config {
        bidi: BidiMode::Terminal,
        ..config()
    };
    let mut app = App::new(sample_timeline(), cfg, (100, 30));
    select_expression(&mut app, "يوم الخميس (6 يناير)");
    let text = screen(&render(&app)).join("\n");
    assert!(text.contains("يوم الخميس (6 يناير)"), "{text}");
}

#[test]
fn control_characters_from_the_article_never_reach_the_screen() {
    let mut tl = sample_timeline();
    let evil = "\u{1b}[2J\u{1b}]52;c;AAAA\u{7}\u{202E}\u{2066}\u{85}\u{9b}31m";
    let doc = &mut tl.documents[0];
    doc.text = format!("{evil}{}", doc.text);
    let shift = evil.len();
    for e in &mut tl.events {
        e.expression.start += shift;
        e.expression.end += shift;
        e.sentence.start += shift;
        e.sentence.end += shift;
        e.sentence.text = format!("{evil}{}", e.sentence.text);
        e.label = format!("{evil}{}", e.label);
    }
    for view in 0..2 {
        let mut app = App::new(tl.clone(), config(), (100, 30));
        if view == 1 {
            update(&mut app, Action::Top);
            update(&mut app, Action::Open);
            update(&mut app, Action::Top);
        }
        let t = render(&app);
        let buf = t.backend().buffer();
        for cell in buf.content() {
            assert!(
                !cell.symbol().chars().any(|c| c.is_control()
                    || ('\u{202A}'..='\u{202E}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)),
                "{:?}",
                cell.symbol()
            );
        }
        if view == 1 {
            assert!(screen(&t).join("").contains("␛[2J"));
        }
    }
}

#[test]
fn a_warned_event_is_marked_in_the_gutter_in_bold() {
    let mut tl = sample_timeline();
    let e = &tl.events[1];
    tl.warnings.push(tarikh::extract::expression_warning(
        &e.document,
        &e.expression.text,
        e.expression.start,
        "Thursday is not the 6th",
    ));
    let app = App::new(tl, config(), (100, 30));
    let t = render(&app);
    let buf = t.backend().buffer();
    let list = tarikh::tui::layout::areas(app.size).unwrap().list_inner();
    let y = list.y + app.list.event_row[1] as u16 - app.list.top as u16;
    let cell = &buf[(list.x + 1, y)];
    assert_eq!(cell.symbol(), "⚠");
    assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
    // The other rows keep the plain `?` column empty (their dates are certain).
    let y0 = list.y + app.list.event_row[0] as u16 - app.list.top as u16;
    assert_eq!(buf[(list.x + 1, y0)].symbol(), " ");
}

/// Issue 12: rows are built around the expression, with columns sized to the window.
#[test]
fn rows_show_the_expression_at_80x24_and_200x50() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut app = App::new(sample_timeline(), config(), (w, h));
        select_expression(&mut app, "ليل الأربعاء حتى الخميس");
        insta::assert_snapshot!(format!("rows_{w}x{h}"), render(&app).backend());
    }
}

/// The list row of event `i`, as cells: (symbol, modifier) from the list's inner left edge.
fn row_cells(
    app: &App,
    t: &ratatui::Terminal<ratatui::backend::TestBackend>,
    i: usize,
) -> Vec<(String, Modifier)> {
    let list = tarikh::tui::layout::areas(app.size).unwrap().list_inner();
    let y = list.y + (app.list.event_row[i] - app.list.top) as u16;
    let buf = t.backend().buffer();
    (list.x..list.x + list.width)
        .map(|x| (buf[(x, y)].symbol().to_string(), buf[(x, y)].modifier))
        .collect()
}

#[test]
fn every_row_shows_its_expression_highlighted_at_any_width() {
    // (At the smallest window, 40 columns, a long expression is cut at its end.)
    for (w, h) in [(80, 24), (120, 30), (200, 50)] {
        let app = App::new(sample_timeline(), config(), (w, h));
        let t = render(&app);
        for i in 0..app.timeline.events.len() {
            if app.list.event_row[i] < app.list.top {
                continue;
            }
            let cells = row_cells(&app, &t, i);
            let e = &app.timeline.events[i];
            let (a, b) = (e.expression.start, e.expression.end);
            let Some(ListLine::Event { context, .. }) =
                app.list.lines.get(app.list.event_row[i] - app.list.top)
            else {
                panic!("row of event {i} is not an event line");
            };
            // Every letter of the expression is in the sentence column …
            let shown: Vec<_> = context.glyphs.iter().filter(|g| g.overlaps(a, b)).collect();
            for (k, c) in e.expression.text.char_indices() {
                let at = a + k;
                assert!(
                    c.is_whitespace() || shown.iter().any(|g| g.overlaps(at, at + 1)),
                    "{w}×{h}: event {i} hides {c:?} of its expression"
                );
            }
            // … and drawn highlighted.
            let marked = cells
                .iter()
                .filter(|c| c.1.contains(Modifier::BOLD | Modifier::UNDERLINED) && c.0 != " ")
                .count();
            let letters = shown.iter().filter(|g| g.text != " ").count();
            assert!(
                marked >= letters,
                "{w}×{h}: event {i}: {marked} of {letters}"
            );
        }
    }
}

#[test]
fn two_events_of_one_sentence_get_different_rows() {
    let t = tarikh::extract(
        "وصل الوفد إلى العاصمة يوم الثلاثاء 4 يناير 2022 بعد رحلة طويلة وغادرها يوم الخميس 6 يناير 2022 دون أن يعلن عن نتائج.",
        &tarikh::Options::default(),
    );
    assert_eq!(t.events.len(), 2);
    for (w, h) in [(80, 24), (200, 50)] {
        let app = App::new(t.clone(), config(), (w, h));
        let r = render(&app);
        let text = |i| -> String {
            row_cells(&app, &r, i)
                .iter()
                .skip(6)
                .map(|c| c.0.clone())
                .collect()
        };
        assert_ne!(text(0), text(1), "{w}×{h}");
    }
}

#[test]
fn a_selected_range_is_a_bracket_under_the_strip() {
    let mut app = app(100, 30);
    select_expression(&mut app, "ليل الأربعاء حتى الخميس");
    let t = render(&app);
    let marks: String = (0..100)
        .map(|x| t.backend().buffer()[(x, 1)].symbol().to_string())
        .filter(|s| ["▲", "└", "─", "┘"].contains(&s.as_str()))
        .collect();
    assert!(!marks.contains("▲▲"), "{marks}");
    assert!(marks.ends_with('┘') && marks.contains('─'), "{marks}");
}

/// Issue 12 at the smallest common size: the input line with its preview, the help wrapped.
#[test]
fn prompt_and_help_at_80x24() {
    let mut app = app(80, 24);
    update(&mut app, Action::Correct);
    for c in "4 يناير".chars() {
        update(&mut app, Action::Edit(tarikh::tui::prompt::Edit::Insert(c)));
    }
    insta::assert_snapshot!("prompt_80x24", render(&app).backend());
    update(&mut app, Action::PromptCancel);
    update(&mut app, Action::Help);
    for _ in 0..20 {
        update(&mut app, Action::Down);
    }
    insta::assert_snapshot!("help_80x24", render(&app).backend());
}
