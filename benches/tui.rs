//! Viewer speed: the first frame of the sample, and one keypress to a redrawn frame on
//! timelines of growing size (it must stay flat: only visible rows are drawn, layouts are
//! cached per selection and width).
//!
//! Run: `cargo bench --bench tui`

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::io::Read;
use std::num::NonZeroU16;
use std::time::{Duration, Instant};
use tarikh::tui::BidiMode;
use tarikh::tui::Config;
use tarikh::tui::action::Action;
use tarikh::tui::app::{App, update};
use tarikh::{Options, Source, Timeline};

const SAMPLE: &str = include_str!("../data/sample.txt");
const SIZE: (u16, u16) = (120, 40);

fn config() -> Config {
    Config {
        bidi: BidiMode::App,
        mouse: false,
        kitty: false,
        color: true,
    }
}

fn sample() -> Timeline {
    let src = Source {
        id: "sample".into(),
        path: None,
        text: SAMPLE.into(),
    };
    tarikh::extract_sources(vec![src], &Options::default())
}

/// `n` events: the sample's events repeated on successive days, all pointing into the sample.
fn generated(n: usize) -> Timeline {
    let mut tl = sample();
    let base = tl.events.clone();
    assert!(!base.is_empty(), "the extractor finds events in the sample");
    tl.events = (0..n)
        .map(|i| {
            let mut e = base[i % base.len()].clone();
            let shift = chrono::Days::new((i / base.len()) as u64);
            e.date.start = e.date.start.map(|d| d + shift);
            e.date.end = e.date.end.map(|d| d + shift);
            e.id = format!("{}#{i}", e.id);
            e
        })
        .collect();
    tl.events.sort_by_key(|e| (e.date.start, e.date.end));
    tl
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap()
}

fn first_frame(c: &mut Criterion) {
    c.bench_function("first frame of the sample (extract + layout + draw)", |b| {
        b.iter(|| {
            let app = App::new(sample(), config(), SIZE);
            let mut t = terminal();
            t.draw(|f| tarikh::tui::view::draw(&app, f)).unwrap();
            black_box(t);
        })
    });
    let tl = sample();
    c.bench_function("first frame of the sample (layout + draw only)", |b| {
        b.iter(|| {
            let app = App::new(tl.clone(), config(), SIZE);
            let mut t = terminal();
            t.draw(|f| tarikh::tui::view::draw(&app, f)).unwrap();
            black_box(t);
        })
    });
}

fn keypress(c: &mut Criterion) {
    let mut g = c.benchmark_group("keypress to redrawn frame");
    for n in [1_000usize, 10_000, 100_000] {
        let mut app = App::new(generated(n), config(), SIZE);
        app.select(n / 2);
        let mut t = terminal();
        t.draw(|f| tarikh::tui::view::draw(&app, f)).unwrap();
        let mut down = true;
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                update(&mut app, if down { Action::Down } else { Action::Up });
                down = !down;
                t.draw(|f| tarikh::tui::view::draw(&app, f)).unwrap();
            })
        });
    }
    g.finish();
    // A page down lays out every row on screen again (the sentence around each expression).
    let mut g = c.benchmark_group("page down to redrawn frame");
    for n in [1_000usize, 100_000] {
        let mut app = App::new(generated(n), config(), SIZE);
        app.select(n / 2);
        let mut t = terminal();
        t.draw(|f| tarikh::tui::view::draw(&app, f)).unwrap();
        let mut down = true;
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                update(
                    &mut app,
                    if down {
                        Action::PageDown
                    } else {
                        Action::PageUp
                    },
                );
                down = !down;
                t.draw(|f| tarikh::tui::view::draw(&app, f)).unwrap();
            })
        });
    }
    g.finish();
}

/// A key typed in the `&` filter: the list is filtered again over every event, then drawn.
fn filter_keystroke(c: &mut Criterion) {
    use tarikh::tui::prompt::Edit;
    let mut g = c.benchmark_group("filter keystroke to redrawn frame");
    g.sample_size(20);
    for n in [10_000usize, 100_000] {
        let mut app = App::new(generated(n), config(), SIZE);
        update(&mut app, Action::FilterStart);
        update(&mut app, Action::Edit(Edit::Insert('ا')));
        let mut t = terminal();
        let mut typing = true;
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let e = if typing {
                    Edit::Insert('ل')
                } else {
                    Edit::Backspace
                };
                update(&mut app, Action::Edit(e));
                typing = !typing;
                t.draw(|f| tarikh::tui::view::draw(&app, f)).unwrap();
            })
        });
    }
    g.finish();
}

/// The real binary in a pseudo-terminal: from spawning it to the event list on screen.
fn process_start(c: &mut Criterion) {
    let mut g = c.benchmark_group("process start to first frame (pty)");
    g.sample_size(20);
    g.bench_function("sample", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let pty = native_pty_system()
                    .openpty(PtySize {
                        rows: SIZE.1,
                        cols: SIZE.0,
                        pixel_width: 0,
                        pixel_height: 0,
                    })
                    .unwrap();
                let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tarikh"));
                cmd.env("TERM", "xterm-256color");
                let start = Instant::now();
                let mut child = pty.slave.spawn_command(cmd).unwrap();
                let mut reader = pty.master.try_clone_reader().unwrap();
                let mut parser = vt100::Parser::new(
                    NonZeroU16::new(SIZE.1).unwrap(),
                    NonZeroU16::new(SIZE.0).unwrap(),
                    0,
                );
                let mut buf = [0u8; 65536];
                loop {
                    let n = reader.read(&mut buf).unwrap();
                    parser.process(&buf[..n]);
                    if parser.screen().contents().contains(" Events ") {
                        break;
                    }
                }
                total += start.elapsed();
                child.kill().unwrap();
                let _ = child.wait();
            }
            total
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    first_frame,
    keypress,
    filter_keystroke,
    process_start
);
criterion_main!(benches);
