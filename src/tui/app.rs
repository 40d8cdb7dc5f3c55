//! The viewer's state and the only function that changes it.
//!
//! [`App`] holds what the screen shows (selection, scroll positions, focus, the open view, the
//! search) and the layouts computed from the timeline (wrapped and reordered lines), which are
//! rebuilt only when the selection, the size or the timeline changes, never per frame.
//! [`update`] applies one [`Action`]; drawing ([`super::view::draw`]) only reads. Side effects
//! that need the terminal (copying to the clipboard) are queued as [`Effect`]s for the event
//! loop, so the whole app can be driven and checked in tests without a terminal.

use super::BidiMode;
use super::bidi::{VisualLine, layout_paragraph, layout_text, layout_truncated};
use super::keymap::{self, Context, Lookup};
use super::strip::sanitize;
use super::timestrip::{StripLayout, TimeStrip};
use super::view;
use crate::text::normalize::{normalize, push_folded};
use crate::timeline::format::date_heading;
use crate::timeline::model::{Event, Timeline};
use ratatui::crossterm::event::KeyEvent;

/// Everything a key, the mouse or the event loop can ask of the app.
///
/// Review actions (verify, flag, note, correct, anchor, undo, export) are reserved as
/// [`Action::Reserved`] until the review file lands; they will become their own variants.
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
    /// A key reserved for reviewing (not yet available); carries the key.
    Reserved(char),
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
}

/// Something only the event loop can do, queued by [`update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
}

/// Which pane of the main view has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The event list: keys move the selection.
    List,
    /// The detail pane: keys scroll it.
    Detail,
}

/// The view on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Time strip, event list and detail pane.
    Main,
    /// The whole article.
    Article,
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

/// One row of the event list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A day header: index into [`App::groups`].
    Header(u32),
    /// An event: index into the timeline's events.
    Event(u32),
}

/// A day header of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// "Thursday 6 January 2022", "about …", "night of …", "1989 – 2019".
    pub heading: String,
    /// Marks the reader should not miss: range, approximate.
    pub tags: String,
}

/// The kind of a detail-pane line, which decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailKind {
    /// The date as a person reads it.
    Title,
    /// Value, reason, source: plain information.
    Info,
    /// The source sentence, with the expression highlighted.
    Sentence,
}

/// One laid-out line of the detail pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLine {
    /// Its style.
    pub kind: DetailKind,
    /// Its cells.
    pub line: VisualLine,
}

/// The article laid out at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLayout {
    /// Index of the document.
    pub doc: usize,
    /// Text width it was laid out at.
    pub width: u16,
    /// The lines of the article, or of the window of it around the selected sentence (see
    /// [`ARTICLE_WINDOW`]).
    pub lines: Vec<VisualLine>,
    /// The byte range of the document laid out (the whole text unless it is very long).
    pub range: (usize, usize),
}

/// How much text (bytes) on each side of the selected sentence the article view lays out: an
/// article is laid out whole unless it is longer than this, so a 60 MB file or a 20 MB line does
/// not turn into gigabytes of cells. Moving to a sentence outside the window lays out a new one.
pub const ARTICLE_WINDOW: usize = 256 * 1024;

/// The part of `text` the article view lays out around `[start, end)`: at most
/// [`ARTICLE_WINDOW`] bytes on each side, starting and ending at line ends when there are any.
pub fn article_window(text: &str, start: usize, end: usize) -> (usize, usize) {
    if text.len() <= 2 * ARTICLE_WINDOW {
        return (0, text.len());
    }
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (floor(start), floor(end.max(start)));
    let mut lo = floor(start.saturating_sub(ARTICLE_WINDOW));
    if lo > 0
        && let Some(nl) = text[lo..start].find('\n')
    {
        lo += nl + 1;
    }
    let mut hi = floor(end + ARTICLE_WINDOW);
    if hi < text.len()
        && let Some(nl) = text[end..hi].rfind('\n')
    {
        hi = end + nl;
    }
    (lo, hi)
}

/// A sentence that has events, and its first event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    /// Sentence start (document byte offset).
    pub start: usize,
    /// Sentence end.
    pub end: usize,
    /// The first event (in timeline order) found in it.
    pub event: usize,
}

/// The search state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The prompt, while typing: the text typed so far.
    pub input: Option<String>,
    /// The query in force (as typed).
    pub query: String,
    /// Events that match, in timeline order.
    pub matches: Vec<usize>,
    /// Where the selection was when the prompt opened, and the search before it.
    origin: Option<(usize, String, Vec<usize>)>,
}

/// The viewer's whole state.
#[derive(Debug)]
pub struct App {
    /// The timeline shown (read only).
    pub timeline: Timeline,
    /// Set-up choices.
    pub config: Config,
    /// The list's rows: day headers and events.
    pub rows: Vec<Row>,
    /// The row of each event.
    pub event_row: Vec<usize>,
    /// The day headers.
    pub groups: Vec<Group>,
    /// Dated sentences of each document, by start.
    pub dated: Vec<Vec<Dated>>,
    /// Selected event (meaningless when there are none).
    pub selected: usize,
    /// First list row on screen.
    pub list_top: usize,
    /// The list rows on screen, laid out (refreshed when the list scrolls or the size changes,
    /// so moving the selection within the screen lays out nothing).
    pub list_lines: Vec<VisualLine>,
    /// What `list_lines` was laid out for: first row, width, height.
    list_key: Option<(usize, u16, u16)>,
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// The view on screen.
    pub view: View,
    /// The help overlay, when open: its scroll offset.
    pub help: Option<usize>,
    /// The search.
    pub search: Search,
    /// Detail pane lines for the selected event at the current width.
    pub detail: Vec<DetailLine>,
    /// Search matches inside the selected sentence (document byte ranges).
    pub detail_matches: Vec<(usize, usize)>,
    /// First detail line on screen.
    pub detail_scroll: usize,
    /// The article layout, while the article is open.
    pub article: Option<ArticleLayout>,
    /// First article line on screen.
    pub article_top: usize,
    /// Event clusters of the time strip.
    pub strip: TimeStrip,
    /// The time strip at the current width.
    pub strip_layout: StripLayout,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// A one-off message for the status bar, cleared by the next key.
    pub status: Option<String>,
    /// Queued side effects for the event loop.
    pub effects: Vec<Effect>,
    /// Set when the viewer should end, with the exit status.
    pub quit: Option<u8>,
    /// The first key of a sequence, waiting for the second.
    pub pending: Option<char>,
}

impl App {
    /// Builds the state for a timeline on a terminal of `size`; lays everything out once.
    pub fn new(timeline: Timeline, config: Config, size: (u16, u16)) -> Self {
        let mut rows = Vec::with_capacity(timeline.events.len() + 16);
        let mut event_row = Vec::with_capacity(timeline.events.len());
        let mut groups: Vec<Group> = Vec::new();
        for (i, e) in timeline.events.iter().enumerate() {
            let heading = date_heading(&e.date);
            if groups.last().is_none_or(|g| g.heading != heading) {
                rows.push(Row::Header(groups.len() as u32));
                groups.push(Group {
                    tags: tags(e),
                    heading,
                });
            }
            event_row.push(rows.len());
            rows.push(Row::Event(i as u32));
        }
        let mut dated: Vec<Vec<Dated>> = vec![Vec::new(); timeline.documents.len()];
        // Document ids to indices once (a search per event took seconds with 10,000 files).
        let doc_index: std::collections::HashMap<&str, usize> = timeline
            .documents
            .iter()
            .enumerate()
            .map(|(k, d)| (d.id.as_str(), k))
            .collect();
        for (i, e) in timeline.events.iter().enumerate() {
            if let Some(&d) = doc_index.get(e.document.as_str()) {
                dated[d].push(Dated {
                    start: e.sentence.start,
                    end: e.sentence.end,
                    event: i,
                });
            }
        }
        for list in &mut dated {
            // Timeline order is kept within a sentence, so the first event survives dedup.
            list.sort_by_key(|d| (d.start, d.event));
            list.dedup_by_key(|d| d.start);
        }
        let strip = TimeStrip::new(&timeline.events);
        let mut app = App {
            timeline,
            config,
            rows,
            event_row,
            groups,
            dated,
            selected: 0,
            list_top: 0,
            list_lines: Vec::new(),
            list_key: None,
            focus: Focus::List,
            view: View::Main,
            help: None,
            search: Search::default(),
            detail: Vec::new(),
            detail_matches: Vec::new(),
            detail_scroll: 0,
            article: None,
            article_top: 0,
            strip,
            strip_layout: StripLayout::default(),
            size,
            status: None,
            effects: Vec::new(),
            quit: None,
            pending: None,
        };
        if config.kitty && config.bidi == BidiMode::App {
            app.status = Some(
                "kitty detected: if Arabic reads backwards, run with --bidi terminal (see ?)"
                    .into(),
            );
        }
        app.relayout();
        app
    }

    /// The selected event, if there is any.
    pub fn event(&self) -> Option<&Event> {
        self.timeline.events.get(self.selected)
    }

    /// Index of the document the selected event comes from (the first document otherwise).
    pub fn document(&self) -> usize {
        self.event()
            .and_then(|e| {
                self.timeline
                    .documents
                    .iter()
                    .position(|d| d.id == e.document)
            })
            .unwrap_or(0)
    }

    /// Where keys go now.
    pub fn context(&self) -> Context {
        if self.search.input.is_some() {
            Context::Search
        } else if self.help.is_some() {
            Context::Help
        } else if self.view == View::Article {
            Context::Article
        } else {
            Context::Main
        }
    }

    /// Turns a key press into an action through the keymap (typed text in the search prompt).
    pub fn action_for_key(&self, ev: &KeyEvent) -> Option<Action> {
        let name = keymap::key_name(ev)?;
        let pending = self.pending.map(|c| c.to_string());
        match keymap::lookup(self.context(), pending.as_deref(), &name) {
            Lookup::Act(a) => Some(a),
            Lookup::Pending(p) => p.chars().next().map(Action::Prefix),
            Lookup::Unbound if self.context() == Context::Search => match name.as_str() {
                "Space" => Some(Action::SearchInput(' ')),
                s if s.chars().count() == 1 => s.chars().next().map(Action::SearchInput),
                _ => None,
            },
            Lookup::Unbound => None,
        }
    }

    fn list_height(&self) -> usize {
        view::areas(self.size).map_or(1, |a| usize::from(a.list_inner().height).max(1))
    }

    fn detail_height(&self) -> usize {
        view::areas(self.size).map_or(1, |a| usize::from(a.detail_inner().height).max(1))
    }

    fn article_height(&self) -> usize {
        view::areas(self.size).map_or(1, |a| usize::from(a.article_text().height).max(1))
    }

    /// Recomputes every width-dependent layout (after a resize or at start).
    fn relayout(&mut self) {
        if let Some(a) = view::areas(self.size) {
            self.strip_layout = self.strip.layout(&self.timeline.events, a.strip.width);
        }
        self.rebuild_detail();
        if self.view == View::Article {
            self.build_article();
        }
        self.ensure_visible();
    }

    /// Lays out the detail pane for the selected event.
    fn rebuild_detail(&mut self) {
        let width = view::areas(self.size).map_or(0, |a| a.detail_text().width);
        let mode = self.config.bidi;
        let mut out = Vec::new();
        let push = |kind, text: &str, base: usize, out: &mut Vec<DetailLine>| {
            for line in layout_paragraph(text, base, width, mode) {
                out.push(DetailLine { kind, line });
            }
        };
        let blank = DetailLine {
            kind: DetailKind::Info,
            line: VisualLine::default(),
        };
        match self.event() {
            None => {
                push(
                    DetailKind::Title,
                    "No dated events were found.",
                    0,
                    &mut out,
                );
                push(
                    DetailKind::Info,
                    "Enter opens the article; ? lists the keys.",
                    0,
                    &mut out,
                );
            }
            Some(e) => {
                push(DetailKind::Title, &date_heading(&e.date), 0, &mut out);
                let mut flags = vec![format!("value {}", e.date.value)];
                flags.push(format!("{:?}", e.date.precision).to_lowercase());
                if let Some(p) = e.date.part_of_day {
                    flags.push(format!("{p:?}").to_lowercase());
                }
                if let Some(m) = e.date.modifier {
                    flags.push(format!("{m:?}").to_lowercase());
                }
                if e.date.approximate {
                    flags.push("approximate".into());
                }
                if e.date.uncertain {
                    flags.push("uncertain".into());
                }
                push(DetailKind::Info, &flags.join(" · "), 0, &mut out);
                if !e.date.reason.is_empty() {
                    push(
                        DetailKind::Info,
                        &format!("how: {}", e.date.reason),
                        0,
                        &mut out,
                    );
                }
                out.push(blank.clone());
                push(
                    DetailKind::Sentence,
                    &e.sentence.text,
                    e.sentence.start,
                    &mut out,
                );
                out.push(blank);
                let source = format!(
                    "{} · sentence {} · “{}”",
                    e.document,
                    e.sentence.index + 1,
                    e.expression.text
                );
                push(DetailKind::Info, &source, 0, &mut out);
            }
        }
        self.detail = out;
        self.detail_matches = match (self.event(), self.search.query.is_empty()) {
            (Some(e), false) => fold_spans(&e.sentence.text, e.sentence.start, &self.search.query),
            _ => Vec::new(),
        };
    }

    /// Lays out the selected event's article at the article width.
    fn build_article(&mut self) {
        let doc = self.document();
        let width = view::areas(self.size).map_or(0, |a| a.article_text().width);
        let sentence = self
            .event()
            .map_or((0, 0), |e| (e.sentence.start, e.sentence.end));
        if self.article.as_ref().is_some_and(|a| {
            a.doc == doc && a.width == width && a.range.0 <= sentence.0 && sentence.1 <= a.range.1
        }) {
            return;
        }
        let Some(d) = self.timeline.documents.get(doc) else {
            self.article = Some(ArticleLayout {
                doc,
                width,
                lines: Vec::new(),
                range: (0, 0),
            });
            return;
        };
        let (lo, hi) = article_window(
            &d.text,
            sentence.0.min(d.text.len()),
            sentence.1.min(d.text.len()),
        );
        let lines = layout_text(&d.text[lo..hi], lo, width, self.config.bidi);
        self.article = Some(ArticleLayout {
            doc,
            width,
            lines,
            range: (lo, hi),
        });
    }

    /// Scrolls the article so the selected sentence starts a third of the way down.
    fn scroll_article_to_sentence(&mut self) {
        let (Some(a), Some(e)) = (&self.article, self.event()) else {
            return;
        };
        let line = a.lines.partition_point(|l| l.end <= e.sentence.start);
        let h = self.article_height();
        self.article_top = line.saturating_sub(h / 3);
        self.clamp_article();
    }

    fn clamp_article(&mut self) {
        let n = self.article.as_ref().map_or(0, |a| a.lines.len());
        let h = self.article_height();
        self.article_top = self.article_top.min(n.saturating_sub(h));
    }

    /// Keeps the selected event (and its day header, when it is the first of the day) on screen.
    fn ensure_visible(&mut self) {
        let Some(&row) = self.event_row.get(self.selected) else {
            self.list_top = 0;
            self.refresh_list_lines();
            return;
        };
        let h = self.list_height();
        let first = if row > 0 && matches!(self.rows[row - 1], Row::Header(_)) {
            row - 1
        } else {
            row
        };
        if first < self.list_top {
            self.list_top = first;
        }
        if row >= self.list_top + h {
            self.list_top = row + 1 - h;
        }
        self.list_top = self.list_top.min(self.rows.len().saturating_sub(h));
        self.refresh_list_lines();
    }

    /// Lays out the list rows on screen, if the window onto the list moved.
    fn refresh_list_lines(&mut self) {
        let Some(inner) = view::areas(self.size).map(|a| a.list_inner()) else {
            self.list_lines.clear();
            self.list_key = None;
            return;
        };
        let key = (self.list_top, inner.width, inner.height);
        if self.list_key == Some(key) {
            return;
        }
        self.list_key = Some(key);
        let mode = self.config.bidi;
        self.list_lines = self
            .rows
            .iter()
            .skip(self.list_top)
            .take(usize::from(inner.height))
            .map(|row| match *row {
                Row::Header(g) => {
                    let g = &self.groups[g as usize];
                    let head = if g.tags.is_empty() {
                        g.heading.clone()
                    } else {
                        format!("{} {}", g.heading, g.tags)
                    };
                    layout_truncated(&head, 0, inner.width, mode)
                }
                Row::Event(i) => layout_truncated(
                    &self.timeline.events[i as usize].label,
                    0,
                    inner.width.saturating_sub(2),
                    mode,
                ),
            })
            .collect();
    }

    /// Selects an event: keeps it in view and lays out its detail.
    pub fn select(&mut self, i: usize) {
        let n = self.timeline.events.len();
        if n == 0 {
            return;
        }
        self.selected = i.min(n - 1);
        self.detail_scroll = 0;
        self.ensure_visible();
        self.rebuild_detail();
        if self.view == View::Article {
            self.build_article();
        }
    }

    /// The event on a list row. A header stands for the event under it, or, when moving up,
    /// for the last event of the day above.
    fn event_at_row(&self, row: usize, up: bool) -> Option<usize> {
        let row = row.min(self.rows.len().checked_sub(1)?);
        let event = |r: usize| match self.rows.get(r) {
            Some(Row::Event(i)) => Some(*i as usize),
            _ => None,
        };
        match self.rows[row] {
            Row::Event(i) => Some(i as usize),
            Row::Header(_) if up && row > 0 => event(row - 1),
            Row::Header(_) => event(row + 1),
        }
    }

    /// Moves the list selection by `delta` rows (headers count, as on screen).
    fn move_rows(&mut self, delta: isize) {
        let Some(&row) = self.event_row.get(self.selected) else {
            return;
        };
        let target = row.saturating_add_signed(delta);
        if delta < 0 && target == 0 {
            self.select(0);
            return;
        }
        if let Some(i) = self.event_at_row(target, delta < 0) {
            self.select(i);
        }
    }

    /// Lines of scrollable content and page height in the focused scrollable view.
    fn scroll_target(&mut self) -> Option<(&mut usize, usize, usize)> {
        if self.help.is_some() {
            let n = view::help_lines(self).len();
            let page = view::help_height(self.size);
            return self.help.as_mut().map(|s| (s, n, page));
        }
        match (self.view, self.focus) {
            (View::Article, _) => {
                let n = self.article.as_ref().map_or(0, |a| a.lines.len());
                let page = self.article_height();
                Some((&mut self.article_top, n, page))
            }
            (View::Main, Focus::Detail) => {
                let n = self.detail.len();
                let page = self.detail_height();
                Some((&mut self.detail_scroll, n, page))
            }
            (View::Main, Focus::List) => None,
        }
    }

    /// Scrolls the focused text view by `delta` lines.
    fn scroll(&mut self, delta: isize) {
        if let Some((top, n, page)) = self.scroll_target() {
            let max = n.saturating_sub(page);
            *top = top.saturating_add_signed(delta).min(max);
        }
    }

    fn page(&self) -> usize {
        match (self.help, self.view, self.focus) {
            (Some(_), _, _) => view::help_height(self.size),
            (None, View::Article, _) => self.article_height(),
            (None, View::Main, Focus::Detail) => self.detail_height(),
            (None, View::Main, Focus::List) => self.list_height(),
        }
    }

    /// Moves by `delta` in whatever has the keyboard: the list selection, or a scroll.
    fn motion(&mut self, delta: isize) {
        if self.help.is_none() && self.view == View::Main && self.focus == Focus::List {
            self.move_rows(delta);
        } else {
            self.scroll(delta);
        }
    }

    fn jump_dated(&mut self, forward: bool) {
        let doc = self.document();
        let Some(cur) = self.event().map(|e| e.sentence.start) else {
            return;
        };
        let list = &self.dated[doc];
        let next = if forward {
            list.iter().find(|d| d.start > cur)
        } else {
            list.iter().rev().find(|d| d.start < cur)
        };
        match next.copied() {
            Some(d) => {
                self.select(d.event);
                self.scroll_article_to_sentence();
            }
            None => {
                self.status = Some(if forward {
                    "no dated sentence further down".into()
                } else {
                    "no dated sentence further up".into()
                })
            }
        }
    }

    fn run_search(&mut self) {
        let q = normalize(self.search.input.as_deref().unwrap_or(""));
        self.search.query = self.search.input.clone().unwrap_or_default();
        self.search.matches = if q.is_empty() {
            Vec::new()
        } else {
            self.timeline
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    normalize(&e.label).contains(&q) || normalize(&e.sentence.text).contains(&q)
                })
                .map(|(i, _)| i)
                .collect()
        };
        let origin = self.search.origin.as_ref().map_or(0, |o| o.0);
        let target = self
            .search
            .matches
            .iter()
            .find(|&&m| m >= origin)
            .or(self.search.matches.first())
            .copied();
        self.select(target.unwrap_or(origin));
    }

    fn next_match(&mut self, forward: bool) {
        let m = &self.search.matches;
        if m.is_empty() {
            self.status = Some(if self.search.query.is_empty() {
                "no search: press / to search".into()
            } else {
                format!("no match for “{}”", self.search.query)
            });
            return;
        }
        let pos = m.partition_point(|&x| x < self.selected);
        let k = if forward {
            if m.get(pos) == Some(&self.selected) {
                (pos + 1) % m.len()
            } else {
                pos % m.len()
            }
        } else if pos == 0 {
            m.len() - 1
        } else {
            pos - 1
        };
        let (target, total) = (m[k], m.len());
        self.select(target);
        self.status = Some(format!("match {}/{total}", k + 1));
    }
}

/// The header tags for an event's day: ranges and approximate dates are marked as such.
fn tags(e: &Event) -> String {
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

/// Byte ranges (offset by `base`) where `query` occurs in `text`, both folded for search
/// (harakat and tatweel ignored, hamza and alef variants the same, Latin case-insensitive).
pub fn fold_spans(text: &str, base: usize, query: &str) -> Vec<(usize, usize)> {
    let q = normalize(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut folded = String::with_capacity(text.len());
    let mut map: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = folded.len();
        push_folded(c, &mut folded);
        for _ in before..folded.len() {
            map.push((base + i, base + i + c.len_utf8()));
        }
    }
    folded
        .match_indices(&q)
        .map(|(p, m)| (map[p].0, map[p + m.len() - 1].1))
        .collect()
}

/// Applies one action to the state. The only place the state changes.
pub fn update(app: &mut App, action: Action) {
    app.pending = None;
    if !matches!(action, Action::Resize(..) | Action::Prefix(_)) {
        app.status = None;
    }
    let n = app.timeline.events.len();
    match action {
        Action::Prefix(c) => app.pending = Some(c),
        Action::Down => app.motion(1),
        Action::Up => app.motion(-1),
        Action::Top => {
            if app.help.is_none() && app.view == View::Main && app.focus == Focus::List {
                app.select(0);
            } else {
                app.scroll(isize::MIN / 2);
            }
        }
        Action::Bottom => {
            if app.help.is_none() && app.view == View::Main && app.focus == Focus::List {
                app.select(n.saturating_sub(1));
            } else {
                app.scroll(isize::MAX / 2);
            }
        }
        Action::PageDown => app.motion(app.page().saturating_sub(1).max(1) as isize),
        Action::PageUp => app.motion(-(app.page().saturating_sub(1).max(1) as isize)),
        Action::HalfPageDown => app.motion((app.page() / 2).max(1) as isize),
        Action::HalfPageUp => app.motion(-((app.page() / 2).max(1) as isize)),
        Action::FocusNext | Action::FocusPrev => {
            app.focus = match app.focus {
                Focus::List => Focus::Detail,
                Focus::Detail => Focus::List,
            };
        }
        Action::Open => {
            if app.timeline.documents.is_empty() {
                return;
            }
            app.view = View::Article;
            app.build_article();
            app.article_top = 0;
            app.scroll_article_to_sentence();
        }
        Action::NextDated => app.jump_dated(true),
        Action::PrevDated => app.jump_dated(false),
        Action::Copy => match app.event() {
            Some(e) => {
                let text = sanitize(&e.sentence.text);
                app.status = Some(format!(
                    "copied the sentence ({} characters) to the clipboard",
                    text.chars().count()
                ));
                app.effects.push(Effect::Copy(text));
            }
            None => app.status = Some("nothing to copy: no event selected".into()),
        },
        Action::Help => {
            app.help = match app.help {
                Some(_) => None,
                None => Some(0),
            }
        }
        Action::Back => {
            if app.help.is_some() {
                app.help = None;
            } else if app.view == View::Article {
                app.view = View::Main;
                app.article = None;
            } else if !app.search.query.is_empty() {
                app.search = Search::default();
                app.rebuild_detail();
            }
        }
        Action::Quit => {
            if app.help.is_some() {
                app.help = None;
            } else if app.view == View::Article {
                app.view = View::Main;
                app.article = None;
            } else {
                app.quit = Some(0);
            }
        }
        Action::ForceQuit => app.quit = Some(0),
        Action::Terminate(code) => app.quit = Some(code),
        Action::SearchStart => {
            let prev = std::mem::take(&mut app.search);
            app.search.origin = Some((app.selected, prev.query, prev.matches));
            app.search.input = Some(String::new());
        }
        Action::SearchInput(c) => {
            if let Some(input) = app.search.input.as_mut() {
                input.push(c);
                app.run_search();
            }
        }
        Action::SearchBackspace => {
            if let Some(input) = app.search.input.as_mut() {
                input.pop();
                app.run_search();
            }
        }
        Action::SearchConfirm => {
            app.search.input = None;
            app.search.origin = None;
            app.status = Some(match app.search.matches.len() {
                0 if app.search.query.is_empty() => "search cleared".into(),
                0 => format!("no match for “{}”", app.search.query),
                k => format!(
                    "{k} events match “{}”: n next, N previous",
                    app.search.query
                ),
            });
        }
        Action::SearchCancel => {
            let origin = app.search.origin.take();
            app.search.input = None;
            if let Some((sel, query, matches)) = origin {
                app.search.query = query;
                app.search.matches = matches;
                app.select(sel);
            }
            app.rebuild_detail();
        }
        Action::NextMatch => app.next_match(true),
        Action::PrevMatch => app.next_match(false),
        Action::Reserved(c) => {
            app.status = Some(format!(
                "'{c}' is reserved for reviewing, which is not available yet"
            ));
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            app.relayout();
            app.clamp_article();
        }
        Action::Click(col, row) => {
            let Some(a) = view::areas(app.size) else {
                return;
            };
            if app.view != View::Main || app.help.is_some() {
                return;
            }
            let list = a.list_inner();
            if contains(list, col, row) {
                app.focus = Focus::List;
                let r = app.list_top + usize::from(row - list.y);
                if r < app.rows.len()
                    && let Some(i) = app.event_at_row(r, false)
                {
                    app.select(i);
                }
            } else if contains(a.detail, col, row) {
                app.focus = Focus::Detail;
            }
        }
        Action::WheelDown(col, row) | Action::WheelUp(col, row) => {
            let delta = if matches!(action, Action::WheelDown(..)) {
                3
            } else {
                -3
            };
            if app.help.is_none()
                && app.view == View::Main
                && let Some(a) = view::areas(app.size)
            {
                app.focus = if contains(a.detail, col, row) {
                    Focus::Detail
                } else {
                    Focus::List
                };
            }
            app.motion(delta);
        }
    }
}

fn contains(r: ratatui::layout::Rect, col: u16, row: u16) -> bool {
    col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
}
