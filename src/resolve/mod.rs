//! Resolution: the document's anchor, and each mention turned into calendar days.

/// Which way an expression that could point either way resolves ("Saturday", "in March").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prefer {
    /// The most recent such day: what news reports mean.
    #[default]
    Past,
    /// The next such day: agendas and announcements.
    Future,
}
