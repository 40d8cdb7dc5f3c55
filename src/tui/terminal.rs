//! The real terminal: set it up, run the event loop, and always put it back.
//!
//! Restoring happens in exactly one function ([`restore`]), reached from every way out: a
//! normal quit and an error (a guard's `Drop`), a panic (a hook installed before the terminal
//! is touched), and SIGTERM, SIGHUP or SIGINT from `kill` (a flag the loop polls, so the loop
//! ends normally and returns 128 + the signal number).
//! While tarikh lays out Arabic itself it asks VTE terminals not to reorder it a second time
//! (`ESC [ 8 l`), and gives them their reordering back on the way out (`ESC [ 8 h`).

use super::action::{Action, Effect};
use super::app::{App, settle, update};
use super::view;
use super::{BidiMode, Config, TuiOptions};
use crate::model::Timeline;
use crate::review::session::Session;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute, queue};
use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The terminal is in the viewer's state and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Mouse capture is on.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// VTE's own bidi was switched off.
static VTE_BIDI_OFF: AtomicBool = AtomicBool::new(false);

/// Whether this is kitty, which shapes and reverses Arabic words by itself.
pub fn is_kitty() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "xterm-kitty")
        || std::env::var_os("KITTY_WINDOW_ID").is_some()
}

/// Whether colour is allowed (<https://no-color.org>: `NO_COLOR` set and not empty forbids it).
pub fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Puts the terminal back the way the shell expects it. Safe to call more than once and from
/// a panic hook: only the first call after the viewer took the terminal does anything.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    // Modes first, the main screen last, all in one write: whoever sees the main screen back
    // (a person, or a test reading the pty) sees a fully restored terminal.
    if VTE_BIDI_OFF.swap(false, Ordering::SeqCst) {
        let _ = out.write_all(b"\x1b[8h");
    }
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = queue!(out, DisableMouseCapture);
    }
    let _ = queue!(out, cursor::Show, LeaveAlternateScreen);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped, whatever the way out of the loop.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Switches to the viewer's terminal state: raw mode, alternate screen, hidden cursor, VTE
/// reordering off in app mode, mouse capture when asked.
fn enter(cfg: &Config) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    install_panic_hook();
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if cfg.bidi == BidiMode::App {
        VTE_BIDI_OFF.store(true, Ordering::SeqCst);
        out.write_all(b"\x1b[8l")?;
    }
    if cfg.mouse {
        MOUSE.store(true, Ordering::SeqCst);
        execute!(out, EnableMouseCapture)?;
    }
    out.flush()?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Base64 (standard alphabet, padded), for the OSC 52 clipboard sequence.
pub fn base64(data: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that puts `text` on the system clipboard (terminals that allow it).
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Turns a terminal event into an action: key presses (not releases), resizes, and the mouse
/// when it was asked for.
fn translate(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => app.action_for_key(&k),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) if app.config.mouse => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::WheelDown(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::WheelUp(m.column, m.row)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}

/// `event::poll`, with an interrupted wait (a signal arrived) counted as "nothing yet".
fn poll(timeout: Duration) -> io::Result<bool> {
    match event::poll(timeout) {
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(false),
        r => r,
    }
}

/// Runs the viewer on the real terminal until the user quits; returns the exit status.
pub fn run(timeline: Timeline, reviews: Session, opts: &TuiOptions) -> anyhow::Result<u8> {
    if !io::stdout().is_terminal() {
        eprintln!(
            "tarikh: standard output is not a terminal, so the viewer cannot open; \
             use 'tarikh extract' to print the timeline (JSON, Markdown, …)"
        );
        return Ok(1);
    }
    let cfg = Config {
        bidi: opts.bidi,
        mouse: opts.mouse,
        kitty: is_kitty(),
        color: color_allowed(),
    };
    let signal = Arc::new(AtomicUsize::new(0));
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    let mut terminal = enter(&cfg)?;
    let _guard = Guard;
    watch_for_a_lost_terminal(Arc::clone(&signal));
    // Start crossterm's event reader (it installs the SIGWINCH handler) before the first
    // frame, so a resize while that frame is drawn is not lost; then read the size.
    poll(Duration::ZERO)?;
    let size = terminal.size()?;
    let mut app = App::with_reviews(timeline, reviews, cfg, (size.width, size.height));
    let mut last_tick = Instant::now();
    // A hidden switch for the tests: panic after the first frame, to prove the panic hook
    // restores the terminal. Read once, here; it does nothing else.
    let mut test_panic = std::env::var_os("TARIKH_TEST_PANIC").is_some();
    let code = loop {
        terminal.draw(|f| view::draw(&app, f))?;
        if std::mem::take(&mut test_panic) {
            panic!("TARIKH_TEST_PANIC is set: panicking on purpose after the first frame");
        }
        // Sleep until something happens; a signal is noticed within the poll interval, and an
        // article changed on disk within about half a second.
        loop {
            let sig = signal.load(Ordering::SeqCst);
            if sig != 0 {
                update(&mut app, Action::Terminate(128 + sig as u8));
                settle(&mut app);
                break;
            }
            if last_tick.elapsed() >= TICK {
                last_tick = Instant::now();
                let before = app.status.clone();
                update(&mut app, Action::Tick);
                settle(&mut app);
                if app.status != before {
                    break;
                }
            }
            if poll(Duration::from_millis(200))? {
                break;
            }
        }
        // Take every queued event before drawing again, so held keys do not lag behind.
        while app.quit.is_none() && signal.load(Ordering::SeqCst) == 0 && poll(DRAIN)? {
            let ev = event::read()?;
            // After any resize the next frame is drawn whole: a window shrunk and grown back
            // before we looked has the same size as before but lost what it showed, and a diff
            // against the old frame would leave it half empty.
            if matches!(ev, Event::Resize(..)) {
                // (`Terminal::clear` would ask the terminal for the cursor position first.)
                let size = terminal.size()?;
                terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
            }
            if let Some(action) = translate(&app, ev) {
                // Each action's files are written before the next is read: a review is on
                // disk before the key after it (and before any way out of the loop).
                update(&mut app, action);
                settle(&mut app);
            }
        }
        settle(&mut app);
        for effect in app.effects.drain(..) {
            match effect {
                // Carried out by settle just above, which leaves only the terminal's own.
                Effect::Save | Effect::Export(_) => {}
                Effect::Copy(text) => {
                    let mut out = io::stdout();
                    out.write_all(osc52(&text).as_bytes())?;
                    out.flush()?;
                }
                Effect::Redraw => {
                    // Not `Terminal::clear`: it asks the terminal for its cursor position, a
                    // round trip the event reader would race. Clear the screen, then draw one
                    // blank frame so ratatui forgets what it drew and the next frame paints
                    // every cell.
                    queue!(terminal.backend_mut(), Clear(ClearType::All))?;
                    terminal.draw(|_| {})?;
                }
            }
        }
        if let Some(code) = app.quit {
            break code;
        }
    };
    restore();
    for line in &app.farewell {
        eprintln!("tarikh: {line}");
    }
    // Quitting twice (or a signal) with reviews that could not be saved: they are not dropped
    // silently but printed, so they can be kept from the terminal's scrollback.
    for d in app.reviews.docs.iter().filter(|d| d.unsaved) {
        if let Ok(json) = serde_json::to_string_pretty(&d.file) {
            eprintln!(
                "tarikh: the reviews of '{}' were NOT saved; here they are (save as {}.tarikh.json):\n{json}",
                d.id, d.id
            );
        }
    }
    Ok(code)
}

/// When the terminal goes away (its window closed, the multiplexer killed), crossterm's reader
/// spins on the dead descriptor and the event loop never gets control back. A watchdog thread
/// notices — the descriptor is no terminal any more, or a termination signal went unanswered
/// for two seconds — and ends the process as a hang-up would. Reviews are saved at every
/// change, so nothing is lost.
fn watch_for_a_lost_terminal(signal: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        let mut unanswered = 0u32;
        loop {
            std::thread::sleep(Duration::from_millis(500));
            if !ACTIVE.load(Ordering::SeqCst) {
                return;
            }
            let sig = signal.load(Ordering::SeqCst);
            unanswered = if sig != 0 { unanswered + 1 } else { 0 };
            if !io::stdout().is_terminal() || unanswered >= 4 {
                restore();
                let code = if sig != 0 { 128 + sig as i32 } else { 129 };
                std::process::exit(code);
            }
        }
    });
}

/// How long the loop waits for one more queued event before it draws. Not zero: crossterm's
/// `/dev/tty` source (level-triggered, so a key that arrives together with a resize is never
/// stranded) reads nothing at all when polled with a zero timeout.
const DRAIN: Duration = Duration::from_millis(1);

/// How often the event loop looks whether an article changed on disk.
const TICK: Duration = Duration::from_millis(500);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
