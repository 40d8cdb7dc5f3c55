//! The terminal viewer: browse a timeline's events and read their sources, Arabic shown
//! right to left.
//!
//! One module per concern: [`action`] (what can be asked of the viewer), [`app`] (state and
//! the one `update` function), [`layout`] (pure screen geometry), [`list`] (the event list's rows), [`doubt`] (warnings, the
//! anchor's trust, anchor candidates), [`keymap`] (the key table behind both key handling and
//! [`help`]), [`prompt`] (the input line and the dates typed in it), [`search`] (what a query
//! matches), [`query`] (the `&` list filter), [`view`] (drawing, read-only), [`bidi`],
//! [`shape`] and [`strip`] (laying out right-to-left text safely), [`timestrip`] (the time
//! strip's scale), [`terminal`] (the real terminal and its restoration). The timeline model
//! carries no UI types; the viewer only reads it.

pub mod action;
pub mod app;
pub mod bidi;
pub mod doubt;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod prompt;
pub mod query;
pub mod search;
pub mod shape;
pub mod strip;
pub mod terminal;
pub mod timestrip;
pub mod view;

use crate::model::Timeline;
use crate::review::session::Session;

/// Who lays out right-to-left text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BidiMode {
    /// tarikh reorders and shapes every line itself (most terminals).
    #[default]
    App,
    /// The terminal does its own bidi: send logical, unshaped text.
    Terminal,
}

/// How the viewer is set up; decided once at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// Who lays out right-to-left text.
    pub bidi: BidiMode,
    /// Whether the mouse is captured.
    pub mouse: bool,
    /// Running in kitty, which reorders Arabic words itself (see the help).
    pub kitty: bool,
    /// Colours allowed (no `NO_COLOR`); highlights never rely on colour alone anyway.
    pub color: bool,
}

/// How the viewer runs.
#[derive(Debug, Clone, Default)]
pub struct TuiOptions {
    /// Right-to-left layout mode: `app` for most terminals, `terminal` for those that reorder.
    pub bidi: BidiMode,
    /// Capture the mouse (off by default: capturing takes text selection away).
    pub mouse: bool,
}

/// Shows the timeline in the terminal, with its reviews (saved after every change), until the
/// user quits; returns the process exit status
/// (1, with a line on stderr, when standard output is not a terminal).
pub fn run(timeline: Timeline, reviews: Session, opts: &TuiOptions) -> anyhow::Result<u8> {
    terminal::run(timeline, reviews, opts)
}
