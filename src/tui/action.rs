//! What can be asked of the viewer ([`Action`]: keys, the mouse, the event loop) and what only
//! the event loop can do for it ([`Effect`]). Its own module so that the key table, the state
//! and the event loop all depend on it and not on one another.

use super::prompt::Edit;

/// Everything a key, the mouse or the event loop can ask of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Next event, or scroll down one line.
    Down,
    /// Previous event, or scroll up one line.
    Up,
    /// First event, or the top.
    Top,
    /// Last event, or the bottom.
    Bottom,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Open the article at the selected event.
    Open,
    /// Article: jump to the next dated sentence.
    NextDated,
    /// Article: jump to the previous dated sentence.
    PrevDated,
    /// Copy the selected event's sentence to the clipboard.
    Copy,
    /// Toggle the help overlay.
    Help,
    /// Close the current view (or clear the search in the list).
    Back,
    /// Close the current view; quit from the list.
    Quit,
    /// Quit from anywhere.
    ForceQuit,
    /// Open the search prompt.
    SearchStart,
    /// Type a character into the search prompt.
    SearchInput(char),
    /// Delete the last character of the search prompt.
    SearchBackspace,
    /// Keep the typed search and close the prompt.
    SearchConfirm,
    /// Close the prompt and go back to where the search started.
    SearchCancel,
    /// Select the next search match.
    NextMatch,
    /// Select the previous search match.
    PrevMatch,
    /// Toggle the selected event's verified status.
    Verify,
    /// Toggle the selected event's flagged status.
    Flag,
    /// Mark every report of the selected event's story verified.
    VerifyStory,
    /// Open the note prompt for the selected event.
    EditNote,
    /// Open the prompt to correct the selected event's date.
    Correct,
    /// Open the prompt to set the selected event's document date (anchor).
    SetAnchor,
    /// Undo the last review change.
    Undo,
    /// Do again the last review change undone.
    Redo,
    /// Read the article again from disk.
    Reload,
    /// Cycle the list filter: all, unreviewed, flagged.
    Filter,
    /// Cycle which document the list shows: all, then each in turn.
    DocumentFilter,
    /// Show or fold the other sources of a story several documents report.
    ToggleSources,
    /// Open the list filter (`&`, as in less): words, days, documents, status, doubt.
    FilterStart,
    /// Open the prompt to jump to a date.
    JumpStart,
    /// Export the timeline to a file, in a format typed at the prompt.
    Export,
    /// Open or close the list of orphaned reviews.
    Orphans,
    /// Delete the selected orphaned review.
    DeleteOrphan,
    /// Save the reviews to the fallback place after a failed save.
    SaveElsewhere,
    /// Edit the input line (type, move, delete: the readline keys).
    Edit(Edit),
    /// Put the next suggested value in the input line (the anchor's candidate dates).
    PromptNextCandidate,
    /// Accept the prompt.
    PromptConfirm,
    /// Close the prompt without changing anything.
    PromptCancel,
    /// Half a second passed: look whether an article changed on disk.
    Tick,
    /// The first key of a key sequence (`g` of `gg`).
    Prefix(char),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Mouse click at a column and row.
    Click(u16, u16),
    /// Mouse wheel down at a column and row.
    WheelDown(u16, u16),
    /// Mouse wheel up at a column and row.
    WheelUp(u16, u16),
    /// A signal asks the viewer to end; carries the exit status.
    Terminate(u8),
    /// Lay everything out again and repaint the whole terminal (Ctrl-L, as in less and vim).
    Redraw,
    /// A key that means nothing where it was pressed: say so, and where the keys are listed.
    Unbound(char),
}

/// Something [`super::app::update`] asks for and does not do itself: writing files
/// ([`super::app::settle`] carries those out and reports back) and the terminal's own work
/// (the event loop's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the reviews changed since the last save.
    Save,
    /// Write the timeline in this format beside the first article.
    Export(crate::export::format::Format),
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Clear the terminal and paint every cell again (whatever another program left on it).
    Redraw,
}
