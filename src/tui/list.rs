//! The event list's own state: its rows (day headers, events, a story's other sources), where
//! each event stands, the first row on screen and the rows laid out for the screen.

use super::BidiMode;
use super::bidi::{VisualLine, layout_around, layout_truncated};
use super::layout;
use crate::export::words::date_heading;
use crate::model::{Event, Timeline};
use ratatui::layout::Rect;

/// One row of the event list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A day header: index into [`ListState::groups`].
    Header(u32),
    /// An event: index into the timeline's events.
    Event(u32),
    /// Another source of the story of the event row above it, indented under it.
    Source(u32),
}

impl Row {
    /// The event on this row, if it is not a header.
    pub fn event(self) -> Option<usize> {
        match self {
            Row::Header(_) => None,
            Row::Event(i) | Row::Source(i) => Some(i as usize),
        }
    }
}

/// One list row on screen, laid out for its columns (see [`layout::list_columns`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListLine {
    /// A day header across the row.
    Header(VisualLine),
    /// An event: its expression in its own column, and the sentence around it.
    Event {
        /// The date expression, as written (empty when the list has no column for it).
        expression: VisualLine,
        /// The words around the expression, the expression among them.
        context: VisualLine,
    },
}

/// A day header of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// "Thursday 6 January 2022", "about …", "night of …", "1989 – 2019".
    pub heading: String,
    /// Marks the reader should not miss: range, approximate.
    pub tags: String,
}

/// The list: rows, the row of each event, and the rows on screen laid out.
#[derive(Debug, Default)]
pub struct ListState {
    /// The rows: day headers and events.
    pub rows: Vec<Row>,
    /// The row of each event (a hidden event: the row of the next shown one).
    pub event_row: Vec<usize>,
    /// How many event rows come before each row (the selection's place among the shown).
    pub rank: Vec<u32>,
    /// The day headers.
    pub groups: Vec<Group>,
    /// First row on screen.
    pub top: usize,
    /// The rows on screen, laid out (refreshed when the list scrolls or the size changes).
    pub lines: Vec<ListLine>,
    /// What `lines` was laid out for: first row, width, height.
    key: Option<(usize, u16, u16)>,
}

impl ListState {
    /// Forgets the laid-out rows, so the next [`ListState::lay_out`] lays them out again.
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// Lays out the rows on screen for a list of `inner` size, unless they are laid out for
    /// that window already (moving the selection within the screen lays out nothing).
    pub fn lay_out(&mut self, timeline: &Timeline, inner: Option<Rect>, mode: BidiMode) {
        let Some(inner) = inner else {
            self.lines.clear();
            self.key = None;
            return;
        };
        let key = (self.top, inner.width, inner.height);
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        let several = timeline.documents.len() > 1;
        let cols = layout::list_columns(inner.width, several);
        let source_cols =
            layout::list_columns(inner.width.saturating_sub(layout::SOURCE_INDENT), several);
        self.lines = self
            .rows
            .iter()
            .skip(self.top)
            .take(usize::from(inner.height))
            .map(|row| match *row {
                Row::Header(g) => {
                    let g = &self.groups[g as usize];
                    let fits = |s: &str| s.chars().count() <= usize::from(inner.width);
                    // When the window is narrow the tags go first, then the weekday names (the
                    // detail pane keeps the whole heading).
                    let head = [format!("{} {}", g.heading, g.tags), g.heading.clone()]
                        .into_iter()
                        .find(|h| fits(h))
                        .unwrap_or_else(|| without_weekdays(&g.heading));
                    ListLine::Header(layout_truncated(head.trim_end(), 0, inner.width, mode))
                }
                Row::Event(i) | Row::Source(i) => {
                    let e = &timeline.events[i as usize];
                    let cols = match row {
                        Row::Source(_) => source_cols,
                        _ => cols,
                    };
                    let expr = (e.expression.start, e.expression.end);
                    ListLine::Event {
                        expression: cols.expression.map_or_else(VisualLine::default, |(_, w)| {
                            layout_truncated(&e.expression.text, e.expression.start, w, mode)
                        }),
                        context: layout_around(
                            &e.sentence.text,
                            e.sentence.start,
                            expr,
                            cols.context.1,
                            mode,
                        ),
                    }
                }
            })
            .collect();
    }

    /// The event on a list row. A header stands for the event under it, or, when moving up,
    /// for the last event of the day above.
    pub fn event_at_row(&self, row: usize, up: bool) -> Option<usize> {
        let row = row.min(self.rows.len().checked_sub(1)?);
        let event = |r: usize| match self.rows.get(r) {
            Some(r) => r.event(),
            _ => None,
        };
        match self.rows[row] {
            Row::Event(i) | Row::Source(i) => Some(i as usize),
            Row::Header(_) if up && row > 0 => event(row - 1),
            Row::Header(_) => event(row + 1),
        }
    }
}

/// A day header: the date as a person reads it, and for a date the text gives in the Hijri
/// calendar, that date first ("Ramadan 1443 AH · 2 April – 1 May 2022").
pub fn day_heading(date: &crate::model::EventDate) -> String {
    use crate::model::Precision;
    use crate::resolve::hijri;
    let gregorian = date_heading(date);
    let Some(start) = date
        .start
        .filter(|_| date.reason.contains(hijri::CONVENTION))
    else {
        return gregorian;
    };
    let Some((y, m, d)) = hijri::from_gregorian(start) else {
        return gregorian;
    };
    let hijri = match date.precision {
        Precision::Year | Precision::Decade | Precision::Century => format!("{y} AH"),
        Precision::Month => format!("{} {y} AH", hijri::month_name(m)),
        _ => format!("{d} {} {y} AH", hijri::month_name(m)),
    };
    format!("{hijri} · {gregorian}")
}

/// A day heading without its weekday names ("night of 5 – 6 January 2022"), for narrow lists.
fn without_weekdays(heading: &str) -> String {
    heading
        .split(' ')
        .filter(|w| !crate::resolve::calendar::WEEKDAYS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The header tags for an event's day: ranges and approximate dates are marked as such.
pub fn tags(e: &Event) -> String {
    let mut t = Vec::new();
    if e.date.start != e.date.end {
        t.push("range");
    }
    if e.date.approximate {
        t.push("approximate");
    }
    if e.date.start.is_none() {
        t.push("unresolved");
    }
    t.iter()
        .map(|s| format!("[{s}]"))
        .collect::<Vec<_>>()
        .join(" ")
}
