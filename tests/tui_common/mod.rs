//! Shared fixtures for the viewer tests: a hand-built timeline over the bundled sample, with
//! real byte spans, so rendering tests do not depend on the extractor.
#![allow(dead_code)]

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tarikh::tui::BidiMode;
use tarikh::tui::Config;
use tarikh::tui::app::App;
use tarikh::*;

/// The bundled sample article.
pub const SAMPLE: &str = include_str!("../../data/sample.txt");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn event(
    sentences: &[TextSpan],
    (start, end): (usize, usize),
    (first, last): (NaiveDate, NaiveDate),
    value: &str,
    precision: Precision,
    night: bool,
    reason: &str,
) -> Event {
    let text = SAMPLE;
    let (index, s) = sentences
        .iter()
        .enumerate()
        .find(|(_, s)| s.start <= start && end <= s.end)
        .expect("expression inside a sentence");
    let sentence = &text[s.start..s.end];
    let label: String = sentence.chars().take(48).collect();
    Event {
        id: format!("sample:{start}-{end}"),
        document: "sample".into(),
        date: EventDate {
            value: value.into(),
            start: Some(first),
            end: Some(last),
            precision,
            part_of_day: night.then_some(PartOfDay::Night),
            approximate: false,
            uncertain: false,
            modifier: None,
            reason: reason.into(),
        },
        expression: Quote {
            text: text[start..end].into(),
            start,
            end,
        },
        sentence: SentenceQuote {
            text: sentence.into(),
            start: s.start,
            end: s.end,
            index,
        },
        label,
        review: None,
        group: None,
        order_hint: 0,
    }
}

/// The sample's timeline as the extractor should produce it (four events).
pub fn sample_timeline() -> Timeline {
    let sentences = tarikh::text::split_sentences(SAMPLE, &tarikh::lang::ar::ARABIC.sentence_ends);
    let thursday = "'يوم الخميس (6 يناير)' fixes Thursday 6 January 2022";
    let mut events = vec![
        event(
            &sentences,
            (36, 55),
            (d(2022, 1, 6), d(2022, 1, 6)),
            "2022-01-06",
            Precision::Day,
            false,
            "the Thursday of the article's week, Thursday 2022-01-06",
        ),
        event(
            &sentences,
            (692, 726),
            (d(2022, 1, 6), d(2022, 1, 6)),
            "2022-01-06",
            Precision::Day,
            false,
            "Thursday 6 January, in the anchor's year 2022",
        ),
        event(
            &sentences,
            (994, 1037),
            (d(2022, 1, 5), d(2022, 1, 6)),
            "2022-01-05TNI",
            Precision::Day,
            true,
            "the night from the Wednesday before the anchor into Thursday 2022-01-06",
        ),
        event(
            &sentences,
            (4855, 4876),
            (d(1989, 1, 1), d(2019, 12, 31)),
            "1989/2019",
            Precision::Year,
            false,
            "the years written out, 1989 to 2019",
        ),
    ];
    events.sort_by_key(|e| (e.date.start, e.date.end, e.expression.start));
    Timeline {
        schema: SCHEMA,
        documents: vec![DocumentInfo {
            id: "sample".into(),
            path: None,
            language: "ar".into(),
            anchor: Anchor {
                date: Some(d(2022, 1, 6)),
                basis: AnchorBasis::Inferred,
                uncertain: false,
                reason: thursday.into(),
            },
            text: SAMPLE.into(),
            sentences,
        }],
        events,
        mentions: Vec::new(),
        warnings: Vec::new(),
    }
}

/// The usual test configuration: app-side bidi, no colour (so snapshots show modifiers).
pub fn config() -> Config {
    Config {
        bidi: BidiMode::App,
        mouse: false,
        kitty: false,
        color: false,
    }
}

/// An app over the sample timeline on a `w`×`h` screen.
pub fn app(w: u16, h: u16) -> App {
    App::new(sample_timeline(), config(), (w, h))
}

/// Draws the app on a test terminal of its size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| tarikh::tui::view::draw(app, f)).unwrap();
    t
}

/// The screen as text lines.
pub fn screen(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let mut s = String::new();
            for x in 0..buf.area.width {
                s.push_str(buf[(x, y)].symbol());
            }
            s
        })
        .collect()
}
