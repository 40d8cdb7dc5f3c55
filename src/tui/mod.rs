//! The terminal viewer.

pub mod bidi;
pub mod shape;
pub mod strip;

use crate::timeline::model::Timeline;

/// Who lays out right-to-left text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BidiMode {
    /// tarikh reorders and shapes every line itself (most terminals).
    #[default]
    App,
    /// The terminal does its own bidi: send logical, unshaped text.
    Terminal,
}

/// How the viewer runs.
#[derive(Debug, Clone, Default)]
pub struct TuiOptions {
    /// Right-to-left layout mode.
    pub bidi: BidiMode,
    /// Capture the mouse.
    pub mouse: bool,
}

/// Shows the timeline; returns the process exit status.
pub fn run(timeline: Timeline, _opts: &TuiOptions) -> anyhow::Result<u8> {
    print!("{}", crate::timeline::format::Format::Md.render(&timeline));
    Ok(0)
}
