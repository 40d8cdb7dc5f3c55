//! The viewer's state and the only function that changes it.
//!
//! [`App`] holds what the screen shows (selection, scroll positions, focus, the open view, the
//! search) and the layouts computed from the timeline (wrapped and reordered lines), which are
//! rebuilt only when the selection, the size or the timeline changes, never per frame.
//! [`update`] applies one [`Action`]; drawing ([`super::view::draw`]) only reads. Side effects
//! that need the terminal (copying to the clipboard) are queued as [`Effect`]s for the event
//! loop, so the whole app can be driven and checked in tests without a terminal.

use super::action::{Action, Effect};
use super::bidi::{VisualLine, layout_paragraph, layout_text};
use super::help;
use super::keymap::{self, Context, Lookup};
use super::layout;
use super::list::{Group, ListState, Row, day_heading, tags};
use super::prompt::{Edit, Prompt, PromptKind, parse_date, span_heading};
use super::query::ListQuery;
use super::strip::sanitize;
use super::timestrip::{StripLayout, TimeStrip};
use super::{BidiMode, Config};
use super::{doubt, search};
use crate::export::format::{FORMATS, Format};
use crate::export::words::{date_heading, day_name};
use crate::lang::normalize;
use crate::model::{DaySpan, Event, ReviewStatus, Timeline};
use crate::review::session::Session;
use crate::review::session::{Outcome, SAVING};
use crate::review::{fold, span_text};
use ratatui::crossterm::event::KeyEvent;

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

/// Which events the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    /// Every event.
    #[default]
    All,
    /// Events nobody has verified or flagged yet.
    Unreviewed,
    /// Flagged events only.
    Flagged,
    /// Events with a warning or a date that may be wrong (`⚠`, `?`).
    Doubtful,
}

impl Filter {
    /// The next filter in the cycle.
    pub fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Unreviewed,
            Filter::Unreviewed => Filter::Flagged,
            Filter::Flagged => Filter::Doubtful,
            Filter::Doubtful => Filter::All,
        }
    }

    /// Its name in the status bar.
    pub fn name(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Unreviewed => "unreviewed",
            Filter::Flagged => "flagged",
            Filter::Doubtful => "doubtful",
        }
    }

    fn keeps(self, e: &Event, warned: bool) -> bool {
        let status = e
            .review
            .as_ref()
            .map_or(ReviewStatus::Unreviewed, |r| r.status);
        match self {
            Filter::All => true,
            Filter::Unreviewed => status == ReviewStatus::Unreviewed,
            Filter::Flagged => status == ReviewStatus::Flagged,
            Filter::Doubtful => doubt::doubtful(e, warned),
        }
    }
}

/// The detail pane: the selected event laid out at the current width, and where it scrolls.
#[derive(Debug, Default)]
pub struct DetailPane {
    /// Lines for the selected event.
    pub lines: Vec<DetailLine>,
    /// Search matches inside the selected sentence (document byte ranges).
    pub matches: Vec<(usize, usize)>,
    /// First line on screen.
    pub scroll: usize,
}

/// The article view: its layout while it is open, and where it scrolls.
#[derive(Debug, Default)]
pub struct ArticlePane {
    /// The article laid out, while the article is open.
    pub layout: Option<ArticleLayout>,
    /// First line on screen.
    pub top: usize,
}

/// The viewer's whole state.
#[derive(Debug)]
pub struct App {
    /// The timeline shown (read only).
    pub timeline: Timeline,
    /// Set-up choices.
    pub config: Config,
    /// The event list: rows, where each event stands, what is on screen.
    pub list: ListState,
    /// Dated sentences of each document, by start.
    pub dated: Vec<Vec<Dated>>,
    /// Selected event (meaningless when there are none).
    pub selected: usize,
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// The view on screen.
    pub view: View,
    /// The help overlay, when open: its scroll offset.
    pub help: Option<usize>,
    /// The search.
    pub search: Search,
    /// The detail pane's state.
    pub detail: DetailPane,
    /// The article view's state.
    pub article: ArticlePane,
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
    /// The reviews: applied to `timeline`, saved after every change.
    pub reviews: Session,
    /// Verified, flagged and unreviewed events, counted when reviews change (not per frame).
    pub counts: (usize, usize, usize),
    /// Events with a warning or an uncertain date, counted with `counts`.
    pub doubtful: usize,
    /// The warnings of each event (by index), read when the timeline changes.
    pub warnings: std::collections::HashMap<usize, Vec<String>>,
    /// What search looks through for each event ([`search::haystack`]), built with the
    /// timeline.
    haystacks: Vec<String>,
    /// Which events the list shows.
    pub filter: Filter,
    /// The one document the list shows, or all of them.
    pub document_filter: Option<usize>,
    /// The filter typed after `&`: words, days, documents, status, doubt.
    pub query: Option<ListQuery>,
    /// The filter in force when the `&` prompt opened (Esc puts it back).
    query_before: Option<ListQuery>,
    /// Stories (group ids) whose other sources are unfolded in the list.
    pub expanded: std::collections::HashSet<String>,
    /// The input line, while open.
    pub prompt: Option<Prompt>,
    /// The orphaned-review list, when open: the selected one.
    pub orphans: Option<usize>,
    /// Quit was pressed with unsaved reviews: the next quit goes through.
    quit_armed: bool,
    /// Lines for stderr once the terminal is restored (what happened to half-typed input).
    pub farewell: Vec<String>,
}

impl App {
    /// Builds the state for a timeline on a terminal of `size`; lays everything out once.
    pub fn new(timeline: Timeline, config: Config, size: (u16, u16)) -> Self {
        let reviews = Session::memory(&timeline);
        App::with_reviews(timeline, reviews, config, size)
    }

    /// Builds the state for a timeline and its reviews (loaded with the articles).
    pub fn with_reviews(
        mut timeline: Timeline,
        mut reviews: Session,
        config: Config,
        size: (u16, u16),
    ) -> Self {
        if reviews.attached.len() != timeline.events.len() {
            reviews.apply(&mut timeline);
        }
        // The viewer's update changes memory only; its loop writes the files (settle).
        reviews.defer_saves = true;
        let strip = TimeStrip::new(&timeline.events);
        let mut app = App {
            timeline,
            config,
            list: ListState::default(),
            dated: Vec::new(),
            selected: 0,
            focus: Focus::List,
            view: View::Main,
            help: None,
            search: Search::default(),
            detail: DetailPane::default(),
            article: ArticlePane::default(),
            strip,
            strip_layout: StripLayout::default(),
            size,
            status: None,
            effects: Vec::new(),
            quit: None,
            pending: None,
            reviews,
            filter: Filter::All,
            prompt: None,
            orphans: None,
            counts: (0, 0, 0),
            doubtful: 0,
            warnings: Default::default(),
            haystacks: Vec::new(),
            document_filter: None,
            query: None,
            query_before: None,
            expanded: Default::default(),
            quit_armed: false,
            farewell: Vec::new(),
        };
        app.timeline_derived();
        app.rebuild_rows();
        if config.kitty && config.bidi == BidiMode::App {
            app.status = Some(
                "kitty detected: if Arabic reads backwards, run with --bidi terminal (see ?)"
                    .into(),
            );
        }
        let mut notices = std::mem::take(&mut app.reviews.notices);
        let orphans = app.reviews.orphans().len();
        if orphans > 0 {
            notices.push(format!(
                "{orphans} orphaned review(s): their events are no longer found; o lists them"
            ));
        }
        if !notices.is_empty() {
            app.status = Some(notices.join("; "));
        }
        app.relayout();
        app
    }

    /// Rebuilds the list rows and day headers from the timeline and what the list shows.
    fn rebuild_rows(&mut self) {
        let timeline = &self.timeline;
        let n = timeline.events.len();
        let mut rows = Vec::with_capacity(n + 16);
        // A hidden event stands on the row of the next shown one (filled in below).
        let mut event_row = vec![usize::MAX; n];
        let mut groups: Vec<Group> = Vec::new();
        let mut hidden = 0;
        // An unfolded story's other reports go right under its first one (a tree, as in a
        // mail reader's thread), not at their own places in the timeline.
        let mut sources: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        if self.document_filter.is_none() && !self.expanded.is_empty() {
            for (i, e) in timeline.events.iter().enumerate() {
                if let Some(g) = e.group.as_deref()
                    && g != e.id
                    && self.expanded.contains(g)
                    && self.keeps(i, e)
                {
                    sources.entry(g).or_default().push(i);
                }
            }
        }
        let placed = |e: &Event| {
            e.group
                .as_deref()
                .is_some_and(|g| g != e.id && sources.contains_key(g))
        };
        let mut last = None;
        for (i, e) in timeline.events.iter().enumerate() {
            if !self.keeps(i, e) {
                hidden += 1;
                continue;
            }
            if placed(e) {
                continue;
            }
            // Sorted events share their day with the one before, mostly: word the heading only
            // when the date differs (a filter key rebuilds the rows of 100,000 events).
            let d = &e.date;
            let same_day = last.is_some_and(|l: &crate::model::EventDate| {
                (
                    l.start,
                    l.end,
                    l.precision,
                    l.part_of_day,
                    l.approximate,
                    l.modifier,
                ) == (
                    d.start,
                    d.end,
                    d.precision,
                    d.part_of_day,
                    d.approximate,
                    d.modifier,
                )
            });
            last = Some(d);
            if !same_day || rows.is_empty() {
                let heading = day_heading(d);
                if groups.last().is_none_or(|g| g.heading != heading) || rows.is_empty() {
                    rows.push(Row::Header(groups.len() as u32));
                    groups.push(Group {
                        tags: tags(e),
                        heading,
                    });
                }
            }
            event_row[i] = rows.len();
            rows.push(Row::Event(i as u32));
            for &j in sources.get(e.id.as_str()).into_iter().flatten() {
                event_row[j] = rows.len();
                rows.push(Row::Source(j as u32));
            }
        }
        if hidden > 0 {
            let mut next = rows.len().saturating_sub(1);
            for r in event_row.iter_mut().rev() {
                if *r == usize::MAX {
                    *r = next;
                } else {
                    next = *r;
                }
            }
        }
        let mut rank = 0u32;
        self.list.rank = rows
            .iter()
            .map(|r| {
                let before = rank;
                rank += u32::from(r.event().is_some());
                before
            })
            .collect();
        self.list.rows = rows;
        self.list.event_row = event_row;
        self.list.groups = groups;
        self.list.invalidate();
    }

    /// What depends on the timeline but not on what the list shows: the warnings on each
    /// event, what search looks through, the counts, the dated sentences of each document.
    /// Built when the timeline changes (a review, an anchor, a reload), not per filter key.
    fn timeline_derived(&mut self) {
        self.warnings = doubt::event_warnings(&self.timeline);
        self.haystacks = self.timeline.events.iter().map(search::haystack).collect();
        self.counts = Session::counts(&self.timeline);
        self.doubtful = (self.timeline.events.iter().enumerate())
            .filter(|(i, e)| doubt::doubtful(e, self.warnings.contains_key(i)))
            .count();
        let timeline = &self.timeline;
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
        self.dated = dated;
    }

    /// Whether the list shows this event: the review filter, the document filter, and folded
    /// stories (only the first report of a story shows until its sources are unfolded).
    fn keeps(&self, i: usize, e: &Event) -> bool {
        let document_ok = self.document_filter.is_none_or(|d| {
            self.timeline
                .documents
                .get(d)
                .is_some_and(|doc| doc.id == e.document)
        });
        // Folding applies to the merged view; one document alone shows all its own reports.
        let folded = self.document_filter.is_none()
            && e.group
                .as_ref()
                .is_some_and(|g| *g != e.id && !self.expanded.contains(g));
        let warned = self.warnings.contains_key(&i);
        let query_ok = (self.query.as_ref()).is_none_or(|q| q.keeps(e, &self.haystacks[i], warned));
        self.filter.keeps(e, warned) && document_ok && !folded && query_ok
    }

    /// How many other documents report the same story as event `i` (0 when it stands alone).
    pub fn other_sources(&self, i: usize) -> usize {
        let Some(g) = self.timeline.events.get(i).and_then(|e| e.group.as_ref()) else {
            return 0;
        };
        self.timeline
            .events
            .iter()
            .filter(|e| e.group.as_ref() == Some(g))
            .count()
            .saturating_sub(1)
    }

    /// The other documents that report the story of event `i` (empty when it stands alone).
    pub fn story_documents(&self, i: usize) -> Vec<String> {
        let Some(e) = self.timeline.events.get(i) else {
            return Vec::new();
        };
        let Some(g) = e.group.as_ref() else {
            return Vec::new();
        };
        let mut docs: Vec<String> = (self.timeline.events.iter())
            .filter(|x| x.group.as_ref() == Some(g) && x.document != e.document)
            .map(|x| sanitize(&x.document))
            .collect();
        docs.dedup();
        docs
    }

    /// Marks every report of the selected event's story verified (each an undo step).
    fn verify_story(&mut self) {
        let Some(g) = self.event().and_then(|e| e.group.clone()) else {
            self.status = Some("no other document reports this event: v verifies it".into());
            return;
        };
        let ids: Vec<String> = (self.timeline.events.iter())
            .filter(|e| e.group.as_ref() == Some(&g))
            .map(|e| e.id.clone())
            .collect();
        let keep = self.selection_key();
        let mut changed = 0;
        let mut last = None;
        for id in &ids {
            let Some(i) = self.timeline.events.iter().position(|e| &e.id == id) else {
                continue;
            };
            let status = self.timeline.events[i].review.as_ref().map(|r| r.status);
            if status == Some(ReviewStatus::Verified) {
                continue;
            }
            let out = self
                .reviews
                .change(&mut self.timeline, i, "✓ verified", |e| {
                    e.status = ReviewStatus::Verified
                });
            changed += 1;
            last = Some(out);
        }
        match last {
            Some(mut out) => {
                out.message = format!(
                    "✓ verified the whole story: {changed} of {} sources changed (u undoes one at a time); {}",
                    ids.len(),
                    out.message
                );
                self.after_review(out, keep);
            }
            None => self.status = Some(format!("all {} sources are verified already", ids.len())),
        }
    }

    /// The short tag of an event's document in the list, when there are several documents.
    pub fn document_tag(&self, e: &Event) -> Option<String> {
        (self.timeline.documents.len() > 1)
            .then(|| e.document.chars().take(layout::DOCUMENT_TAG).collect())
    }

    fn cycle_document(&mut self) {
        let docs = self.timeline.documents.len();
        self.document_filter = match self.document_filter {
            None if docs > 1 => Some(0),
            Some(d) if d + 1 < docs => Some(d + 1),
            _ => None,
        };
        self.refilter();
        self.status = Some(match self.document_filter {
            Some(d) => format!(
                "showing document {} ({} of {docs}); D cycles the documents",
                self.timeline.documents[d].id,
                d + 1
            ),
            None if docs > 1 => format!("showing all {docs} documents; D shows one at a time"),
            None => "there is only one document".into(),
        });
    }

    fn toggle_sources(&mut self) {
        let Some(g) = self.event().and_then(|e| e.group.clone()) else {
            self.status = Some("no other document reports this event".into());
            return;
        };
        let others = self.other_sources(self.selected);
        if self.expanded.remove(&g) {
            self.status = Some(format!(
                "{others} other source(s) folded under the first report"
            ));
        } else {
            self.expanded.insert(g);
            self.status = Some(format!(
                "{others} other source(s) of this story shown; z folds them"
            ));
        }
        self.refilter();
    }

    /// After the set of shown events changed (a filter, a document, a fold): rebuild the rows,
    /// keep the selection on a shown event, and lay out the list and the detail again, so no
    /// row on screen is left from before (the `D` bug of issue 12). The time strip shows every
    /// event whatever the filter, so it stays.
    fn refilter(&mut self) {
        self.rebuild_rows();
        self.settle_selection();
        self.rebuild_detail();
        if self.view == View::Article {
            self.build_article();
        }
        self.ensure_visible();
    }

    /// The selected event's place among the events the list shows (from 1; 0 when none is
    /// shown), and how many it shows.
    pub fn list_position(&self) -> (usize, usize) {
        let shown = self.list.rank.last().map_or(0, |&r| r as usize)
            + usize::from(self.list.rows.last().is_some_and(|r| r.event().is_some()));
        let at = match self.list.event_row.get(self.selected) {
            Some(&row) if self.shown(self.selected) => self.list.rank[row] as usize + 1,
            _ => 0,
        };
        (at, shown)
    }

    /// Whether event `i` is shown under the current filter.
    pub fn shown(&self, i: usize) -> bool {
        self.timeline
            .events
            .get(i)
            .is_some_and(|e| self.keeps(i, e))
    }

    /// After the timeline changed (a review, a correction, an anchor, a reload): rebuild every
    /// derived view and keep the selection on the same event (by id, else by its text).
    fn timeline_changed(&mut self, keep: Option<(String, String, String, usize)>) {
        self.timeline_derived();
        self.rebuild_rows();
        self.strip = TimeStrip::new(&self.timeline.events);
        let n = self.timeline.events.len();
        if let Some((id, expr, sentence, start)) = keep {
            let by_id = self.timeline.events.iter().position(|e| e.id == id);
            let by_text = || {
                self.timeline
                    .events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        fold(&e.expression.text) == expr && fold(&e.sentence.text) == sentence
                    })
                    .min_by_key(|(_, e)| e.expression.start.abs_diff(start))
                    .map(|(i, _)| i)
            };
            self.selected = by_id.or_else(by_text).unwrap_or(self.selected);
        }
        self.selected = self.selected.min(n.saturating_sub(1));
        self.settle_selection();
        if self.view == View::Article {
            // Laid out again only if a reload dropped the layout (reviews do not change text).
            self.build_article();
            self.clamp_article();
        } else {
            self.article.layout = None;
        }
        if !self.search.query.is_empty() {
            let q = normalize(&self.search.query);
            self.search.matches = self.matching(&q);
        }
        self.relayout();
    }

    /// The viewer is being ended (SIGTERM, SIGHUP) while a note is typed: the note is kept as
    /// typed, saved like any other, and said so on stderr. Other half-typed input (a date, a
    /// format) is not applied — half a date could be a wrong one — but printed there too.
    fn keep_typed_note(&mut self) {
        let Some(p) = self.prompt.take() else { return };
        let text = p.text.trim().to_string();
        if p.selected || text.is_empty() {
            return;
        }
        let expr = self
            .event()
            .map(|e| sanitize(&e.expression.text))
            .unwrap_or_default();
        if p.kind != PromptKind::Note || self.event().is_none() {
            self.farewell.push(format!(
                "the viewer was ended while typing “{text}” ({}) for “{expr}”; it was not applied",
                p.kind.label()
            ));
            return;
        }
        let out = self
            .reviews
            .change(&mut self.timeline, self.selected, "note saved", |e| {
                e.note = text.clone()
            });
        self.farewell.push(format!(
            "the viewer was ended while a note was typed: kept the note “{text}” on “{expr}” ({})",
            out.message
        ));
    }

    /// Quits, unless reviews are unsaved and this is the first try: then says how to keep them.
    fn quit_or_warn(&mut self) {
        if self.reviews.unsaved() && !self.quit_armed {
            self.quit_armed = true;
            self.status = Some(
                "reviews NOT SAVED: q again drops them, W saves them to your home directory".into(),
            );
            return;
        }
        self.quit = Some(0);
    }

    /// Moves the selection off an event the filter hides, onto the next shown one.
    fn settle_selection(&mut self) {
        if self.shown(self.selected) {
            return;
        }
        if let Some(&row) = self.list.event_row.get(self.selected)
            && let Some(i) = self.list.event_at_row(row, false)
        {
            self.selected = i;
        }
    }

    /// Applies a review change's outcome: status message and, when the timeline changed,
    /// every derived view (the selection stays on `keep`).
    fn after_review(&mut self, out: Outcome, keep: Option<(String, String, String, usize)>) {
        if out.changed {
            self.timeline_changed(keep);
        }
        self.quit_armed = false;
        self.status = Some(out.message);
    }

    /// Opens the input line, prefilled (and selected, so typing replaces it).
    fn open_prompt(&mut self, kind: PromptKind, text: String) {
        let mut p = Prompt::new(kind, text);
        if kind == PromptKind::Anchor {
            p.candidates = doubt::anchor_candidates(&self.timeline, self.document())
                .into_iter()
                .map(|d| d.to_string())
                .collect();
        }
        self.prompt = Some(p);
        self.refresh_preview();
    }

    /// The jump's target: the first event the list shows that starts on or after `day`, else
    /// the first one still going on then (a range that began before it).
    fn first_on_or_after(&self, day: chrono::NaiveDate) -> Option<usize> {
        let first = |ok: &dyn Fn(&Event) -> bool| {
            (0..self.timeline.events.len()).find(|&i| self.shown(i) && ok(&self.timeline.events[i]))
        };
        first(&|e| e.date.start.is_some_and(|s| s >= day))
            .or_else(|| first(&|e| e.date.end.is_some_and(|end| end >= day)))
    }

    /// The selected event's date now (the correction if there is one), as a span of days.
    fn current_span(&self) -> Option<DaySpan> {
        let e = self.event()?;
        e.review.as_ref().and_then(|r| r.corrected).or_else(|| {
            Some(DaySpan {
                start: e.date.start?,
                end: e.date.end?,
            })
        })
    }

    /// Reads a date typed at the prompt, against the selected event's document.
    fn typed_date(&self, text: &str) -> Result<DaySpan, String> {
        let anchor = self
            .timeline
            .documents
            .get(self.document())
            .and_then(|d| d.anchor.date);
        parse_date(text, self.current_span(), anchor, self.reviews.opts.prefer)
    }

    /// Says, as the user types, what Enter would do with the text.
    fn refresh_preview(&mut self) {
        let Some(p) = &self.prompt else { return };
        let text = p.text.trim().to_string();
        let preview = match p.kind {
            PromptKind::Note => None,
            PromptKind::Filter => {
                let (_, shown) = self.list_position();
                Some(format!(
                    "{shown} of {} events · {}",
                    self.timeline.events.len(),
                    p.kind.hint()
                ))
            }
            // The formats come from the one table the export uses, never a copy of it.
            PromptKind::Export => {
                let all: Vec<&str> = FORMATS.iter().map(|f| f.name).collect();
                let lower = text.to_ascii_lowercase();
                let names: Vec<&str> = all
                    .iter()
                    .copied()
                    .filter(|n| n.starts_with(&lower))
                    .collect();
                Some(if names.is_empty() {
                    format!("no such format; one of {}", all.join(" "))
                } else {
                    names.join(" ")
                })
            }
            _ if text.is_empty() => Some(p.kind.hint().to_string()),
            PromptKind::Correct | PromptKind::Anchor => Some(match self.typed_date(&text) {
                Ok(span) => format!("→ {}", span_heading(&span)),
                Err(why) => why,
            }),
            PromptKind::Jump => Some(match self.typed_date(&text) {
                Ok(span) => match self.first_on_or_after(span.start) {
                    Some(i) => format!(
                        "→ {}: {}",
                        span_heading(&span),
                        date_heading(&self.timeline.events[i].date)
                    ),
                    None => format!("→ {}: no event on or after it", span_heading(&span)),
                },
                Err(why) => why,
            }),
        };
        let tab = match (p.kind, p.candidates.len(), p.pick) {
            (PromptKind::Anchor, 0, _) => String::new(),
            (PromptKind::Anchor, n, Some(k)) => {
                format!(" · Tab: date {} of {n} in the text", k + 1)
            }
            (PromptKind::Anchor, n, None) => format!(" · Tab: {n} full date(s) in the text"),
            _ => String::new(),
        };
        if let Some(p) = self.prompt.as_mut() {
            p.preview = preview.map(|s| s + &tab);
        }
    }

    /// Enter in the input line: apply it, or keep it open with the reason it was refused.
    fn confirm_prompt(&mut self) {
        let Some(p) = self.prompt.clone() else { return };
        let keep = self.selection_key();
        let i = self.selected;
        let outcome = match p.kind {
            PromptKind::Filter => {
                self.prompt = None;
                self.query_before = None;
                let (_, shown) = self.list_position();
                self.status = Some(match &self.query {
                    Some(q) => format!(
                        "filter “{}”: {shown} of {} events; & changes it, & Ctrl-U Enter clears it",
                        q.raw,
                        self.timeline.events.len()
                    ),
                    None => "no filter: every event shows".into(),
                });
                return;
            }
            PromptKind::Jump => {
                let target = self
                    .typed_date(&p.text)
                    .map(|span| (span, self.first_on_or_after(span.start)));
                match target {
                    Ok((span, Some(i))) => {
                        self.prompt = None;
                        self.select(i);
                        self.status = Some(format!("went to {}", span_heading(&span)));
                    }
                    Ok((span, None)) => {
                        if let Some(pr) = self.prompt.as_mut() {
                            pr.error =
                                Some(format!("no event on or after {}", span_heading(&span)));
                        }
                    }
                    Err(why) => {
                        if let Some(pr) = self.prompt.as_mut() {
                            pr.error = Some(why);
                        }
                    }
                }
                return;
            }
            PromptKind::Export => {
                let name = p.text.trim().to_ascii_lowercase();
                let Some(format) = Format::from_name(&name) else {
                    if let Some(pr) = self.prompt.as_mut() {
                        pr.error = Some(format!("'{name}' is not one of the export formats"));
                    }
                    return;
                };
                self.prompt = None;
                self.status = Some(format!("exporting as {}…", format.spec().name));
                self.effects.push(Effect::Export(format));
                return;
            }
            PromptKind::Note => {
                if self.event().is_none() {
                    self.prompt = None;
                    return;
                }
                let note = p.text.trim().to_string();
                let what = if note.is_empty() {
                    "note removed"
                } else {
                    "note saved"
                };
                self.reviews
                    .change(&mut self.timeline, i, what, |e| e.note = note)
            }
            PromptKind::Correct => match self.typed_date(&p.text) {
                _ if self.event().is_none() => {
                    self.prompt = None;
                    return;
                }
                Ok(span) => {
                    let what = format!("date corrected to {}", span_text(&span));
                    self.reviews
                        .change(&mut self.timeline, i, &what, |e| e.corrected = Some(span))
                }
                Err(_) if p.text.trim().is_empty() => {
                    self.reviews
                        .change(&mut self.timeline, i, "correction removed", |e| {
                            e.corrected = None
                        })
                }
                Err(why) => {
                    if let Some(pr) = self.prompt.as_mut() {
                        pr.error = Some(why);
                    }
                    return;
                }
            },
            PromptKind::Anchor => match self.typed_date(&p.text) {
                Ok(span) if span.start == span.end => {
                    let d = self.document();
                    self.reviews.set_anchor(&mut self.timeline, d, span.start)
                }
                refused => {
                    if let Some(pr) = self.prompt.as_mut() {
                        pr.error = Some(match refused {
                            Ok(span) => format!(
                                "the document's date is one day, not {}",
                                span_heading(&span)
                            ),
                            Err(why) => why,
                        });
                    }
                    return;
                }
            },
        };
        self.prompt = None;
        self.after_review(outcome, keep);
    }

    /// Writes the whole timeline (reviews included) beside the first article, or in the current
    /// directory for the sample and standard input; atomically, so a half-written export never
    /// replaces a good one. Returns where it went.
    fn export(&self, format: Format) -> anyhow::Result<std::path::PathBuf> {
        use anyhow::Context as _;
        use std::io::Write as _;
        let first = self.timeline.documents.first();
        let (dir, stem) = match first
            .and_then(|d| d.path.as_deref())
            .map(std::path::Path::new)
        {
            Some(p) => (
                p.parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .map_or_else(|| ".".into(), |d| d.to_path_buf()),
                p.file_stem()
                    .map_or_else(|| "tarikh".into(), |s| s.to_string_lossy().into_owned()),
            ),
            None => (std::path::PathBuf::from("."), "tarikh".to_string()),
        };
        let path = dir.join(format!("{stem}.timeline.{}", format.extension()));
        let mut tmp = tempfile::NamedTempFile::new_in(&dir)
            .with_context(|| format!("cannot write in {}", dir.display()))?;
        let mut out = std::io::BufWriter::new(tmp.as_file_mut());
        format.write(&self.timeline, &mut out)?;
        out.flush()?;
        drop(out);
        tmp.as_file().sync_all()?;
        tmp.persist(&path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(path)
    }

    /// Toggles the selected event's status between `status` and unreviewed.
    fn toggle_status(&mut self, status: ReviewStatus) {
        let Some(e) = self.event() else {
            self.status = Some("no event to review".into());
            return;
        };
        let now = e
            .review
            .as_ref()
            .map_or(ReviewStatus::Unreviewed, |r| r.status);
        let next = if now == status {
            ReviewStatus::Unreviewed
        } else {
            status
        };
        let what = match next {
            ReviewStatus::Unreviewed => format!("back to {}", next.name()),
            _ => format!("{} {}", next.mark(), next.name()),
        };
        let keep = self.selection_key();
        let out = self
            .reviews
            .change(&mut self.timeline, self.selected, &what, |e| {
                e.status = next
            });
        self.after_review(out, keep);
    }

    /// What identifies the selected event across a change of the timeline.
    fn selection_key(&self) -> Option<(String, String, String, usize)> {
        self.event().map(|e| {
            (
                e.id.clone(),
                fold(&e.expression.text),
                fold(&e.sentence.text),
                e.expression.start,
            )
        })
    }

    /// The selected event, if there is any.
    pub fn event(&self) -> Option<&Event> {
        self.timeline.events.get(self.selected)
    }

    /// Closes the innermost open view (help, orphan list, article); false when none was open.
    /// Esc and q share it and differ only in what they do at the top.
    fn close_view(&mut self) -> bool {
        if self.help.is_some() {
            self.help = None;
        } else if self.orphans.is_some() {
            self.orphans = None;
        } else if self.view == View::Article {
            self.view = View::Main;
            self.article.layout = None;
        } else {
            return false;
        }
        true
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
        if self.prompt.is_some() {
            Context::Prompt
        } else if self.search.input.is_some() {
            Context::Search
        } else if self.orphans.is_some() {
            Context::Orphans
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
            Lookup::Unbound if self.context() == Context::Prompt => match name.as_str() {
                "Space" => Some(Action::Edit(Edit::Insert(' '))),
                s if s.chars().count() == 1 => {
                    s.chars().next().map(|c| Action::Edit(Edit::Insert(c)))
                }
                _ => None,
            },
            Lookup::Unbound => match name.chars().count() {
                1 => name.chars().next().map(Action::Unbound),
                _ => None,
            },
        }
    }

    fn list_height(&self) -> usize {
        layout::areas(self.size).map_or(1, |a| usize::from(a.list_inner().height).max(1))
    }

    fn detail_height(&self) -> usize {
        layout::areas(self.size).map_or(1, |a| usize::from(a.detail_inner().height).max(1))
    }

    fn article_height(&self) -> usize {
        layout::areas(self.size).map_or(1, |a| usize::from(a.article_text().height).max(1))
    }

    /// Recomputes every width-dependent layout (after a resize or at start).
    fn relayout(&mut self) {
        if let Some(a) = layout::areas(self.size) {
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
        let width = layout::areas(self.size).map_or(0, |a| a.detail_text().width);
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
                push(DetailKind::Title, &day_heading(&e.date), 0, &mut out);
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
                for w in self.warnings.get(&self.selected).into_iter().flatten() {
                    push(DetailKind::Title, &format!("⚠ {w}"), 0, &mut out);
                }
                if let Some(r) = &e.review {
                    let status = match r.status {
                        ReviewStatus::Unreviewed => {
                            format!("review: {} (v verifies, f flags)", r.status.name())
                        }
                        s => format!("review: {} {}", s.mark(), s.name()),
                    };
                    push(DetailKind::Title, &status, 0, &mut out);
                    if let (Some(c), Some(x)) = (&r.corrected, &r.extracted) {
                        push(
                            DetailKind::Title,
                            &format!(
                                "± corrected to {} (extracted: {})",
                                span_text(c),
                                date_heading(x)
                            ),
                            0,
                            &mut out,
                        );
                    }
                    if !r.note.is_empty() {
                        push(
                            DetailKind::Info,
                            &format!("✎ note: {}", r.note),
                            0,
                            &mut out,
                        );
                    }
                }
                if !e.date.reason.is_empty() {
                    push(
                        DetailKind::Info,
                        &format!("how: {}", in_the_viewer(&e.date.reason)),
                        0,
                        &mut out,
                    );
                }
                let doc = self.document();
                if let (Some(d), Some(b)) = (
                    self.timeline.documents.get(doc),
                    doubt::document_anchor(&self.timeline, doc, &self.warnings),
                ) {
                    let text = match d.anchor.date {
                        Some(day) => format!(
                            "anchor: {} — {}{}; {}",
                            day_name(day),
                            b.basis,
                            if b.shaky {
                                " (check it: A sets it)"
                            } else {
                                ""
                            },
                            d.anchor.reason
                        ),
                        None => "anchor: none found — A sets the document's date, and its \
                                 relative dates resolve"
                            .into(),
                    };
                    push(DetailKind::Info, &text, 0, &mut out);
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
                let others = self.story_documents(self.selected);
                if !others.is_empty() {
                    let story = format!(
                        "story: also reported by {} — z unfolds / folds its sources, V verifies them all",
                        others.join(", ")
                    );
                    push(DetailKind::Title, &story, 0, &mut out);
                }
            }
        }
        self.detail.lines = out;
        self.detail.matches = match (self.event(), self.search.query.is_empty()) {
            (Some(e), false) => {
                search::fold_spans(&e.sentence.text, e.sentence.start, &self.search.query)
            }
            _ => Vec::new(),
        };
    }

    /// Lays out the selected event's article at the article width.
    fn build_article(&mut self) {
        let doc = self.document();
        let width = layout::areas(self.size).map_or(0, |a| a.article_text().width);
        let sentence = self
            .event()
            .map_or((0, 0), |e| (e.sentence.start, e.sentence.end));
        if self.article.layout.as_ref().is_some_and(|a| {
            a.doc == doc && a.width == width && a.range.0 <= sentence.0 && sentence.1 <= a.range.1
        }) {
            return;
        }
        let Some(d) = self.timeline.documents.get(doc) else {
            self.article.layout = Some(ArticleLayout {
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
        self.article.layout = Some(ArticleLayout {
            doc,
            width,
            lines,
            range: (lo, hi),
        });
    }

    /// Scrolls the article so the selected sentence starts a third of the way down.
    fn scroll_article_to_sentence(&mut self) {
        let (Some(a), Some(e)) = (&self.article.layout, self.event()) else {
            return;
        };
        let line = a.lines.partition_point(|l| l.end <= e.sentence.start);
        let h = self.article_height();
        self.article.top = line.saturating_sub(h / 3);
        self.clamp_article();
    }

    fn clamp_article(&mut self) {
        let n = self.article.layout.as_ref().map_or(0, |a| a.lines.len());
        let h = self.article_height();
        self.article.top = self.article.top.min(n.saturating_sub(h));
    }

    /// Keeps the selected event (and its day header, when it is the first of the day) on screen.
    fn ensure_visible(&mut self) {
        let Some(&row) = self.list.event_row.get(self.selected) else {
            self.list.top = 0;
            self.list.lay_out(
                &self.timeline,
                layout::areas(self.size).map(|a| a.list_inner()),
                self.config.bidi,
            );
            return;
        };
        let h = self.list_height();
        let first = if row > 0 && matches!(self.list.rows[row - 1], Row::Header(_)) {
            row - 1
        } else {
            row
        };
        if first < self.list.top {
            self.list.top = first;
        }
        if row >= self.list.top + h {
            self.list.top = row + 1 - h;
        }
        self.list.top = self.list.top.min(self.list.rows.len().saturating_sub(h));
        self.list.lay_out(
            &self.timeline,
            layout::areas(self.size).map(|a| a.list_inner()),
            self.config.bidi,
        );
    }

    /// Selects an event: keeps it in view and lays out its detail.
    pub fn select(&mut self, i: usize) {
        let n = self.timeline.events.len();
        if n == 0 {
            return;
        }
        self.selected = i.min(n - 1);
        if !self.shown(self.selected) {
            self.filter = Filter::All;
            self.document_filter = None;
            self.query = None;
            if let Some(g) = self.timeline.events[self.selected].group.clone() {
                self.expanded.insert(g);
            }
            self.rebuild_rows();
            self.status = Some("filter off: the event to show was hidden by it".into());
        }
        self.detail.scroll = 0;
        self.ensure_visible();
        self.rebuild_detail();
        if self.view == View::Article {
            self.build_article();
        }
    }

    /// Moves the list selection by `delta` rows (headers count, as on screen).
    fn move_rows(&mut self, delta: isize) {
        let Some(&row) = self.list.event_row.get(self.selected) else {
            return;
        };
        let target = row.saturating_add_signed(delta);
        if delta < 0 && target == 0 {
            self.select(0);
            return;
        }
        if let Some(i) = self.list.event_at_row(target, delta < 0) {
            self.select(i);
        }
    }

    /// Lines of scrollable content and page height in the focused scrollable view.
    fn scroll_target(&mut self) -> Option<(&mut usize, usize, usize)> {
        if self.help.is_some() {
            let n = help::help_lines_at(&self.config, self.size).len();
            let page = layout::help_height(self.size);
            return self.help.as_mut().map(|s| (s, n, page));
        }
        match (self.view, self.focus) {
            (View::Article, _) => {
                let n = self.article.layout.as_ref().map_or(0, |a| a.lines.len());
                let page = self.article_height();
                Some((&mut self.article.top, n, page))
            }
            (View::Main, Focus::Detail) => {
                let n = self.detail.lines.len();
                let page = self.detail_height();
                Some((&mut self.detail.scroll, n, page))
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
            (Some(_), _, _) => layout::help_height(self.size),
            (None, View::Article, _) => self.article_height(),
            (None, View::Main, Focus::Detail) => self.detail_height(),
            (None, View::Main, Focus::List) => self.list_height(),
        }
    }

    /// Moves by `delta` in whatever has the keyboard: the list selection, or a scroll.
    fn motion(&mut self, delta: isize) {
        if let Some(o) = self.orphans {
            let n = self.reviews.orphans().len();
            self.orphans = Some(o.saturating_add_signed(delta).min(n.saturating_sub(1)));
            return;
        }
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
        self.search.matches = self.matching(&q);
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

    /// Events whose label or sentence contains the folded query `q`.
    fn matching(&self, q: &str) -> Vec<usize> {
        if q.is_empty() {
            return Vec::new();
        }
        (0..self.haystacks.len())
            .filter(|&i| search::matches(&self.haystacks[i], q))
            .collect()
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
        // As vim and less say it: a search that went round the end says so.
        let round = if forward {
            target <= self.selected
        } else {
            target >= self.selected
        };
        let wrapped = match (round, total) {
            (false, _) => "",
            (true, 1) => "; the only match",
            (true, _) if forward => "; past the last match, back to the first",
            (true, _) => "; before the first match, round to the last",
        };
        self.select(target);
        self.status = Some(format!("match {}/{total}{wrapped}", k + 1));
    }
}

/// A reason written for the command line, told the viewer's way: where extraction says to
/// pass `--anchor`, the viewer's answer is the `A` key.
fn in_the_viewer(reason: &str) -> String {
    reason
        .replace("set it with --anchor", "A sets it")
        .replace("set one with --anchor", "A sets one")
}

/// Applies one action to the state. The only place the state changes.
/// Applies one action to the state. It writes no file: a review change asks for a save and
/// an export for its file ([`Effect`]), which [`settle`] carries out.
pub fn update(app: &mut App, action: Action) {
    update_state(app, action);
    if app.reviews.wants_save() && !app.effects.contains(&Effect::Save) {
        app.effects.push(Effect::Save);
    }
}

/// Carries out the effects that write files — the reviews' save, an export — and puts how
/// each went in the status bar; the terminal's own effects stay queued for the event loop,
/// which calls this after every batch of keys, before it draws or quits.
pub fn settle(app: &mut App) {
    for effect in std::mem::take(&mut app.effects) {
        match effect {
            Effect::Save => {
                let keep = app.selection_key();
                let said = app.status.clone();
                for (out, result) in app.reviews.flush(&mut app.timeline) {
                    // What the change said stays; its "saving…" becomes how the save went.
                    let message = match &said {
                        Some(s) if s.contains(SAVING) => s.replace(SAVING, &result),
                        _ => out.message.clone(),
                    };
                    app.after_review(Outcome { message, ..out }, keep.clone());
                }
            }
            Effect::Export(format) => {
                app.status = Some(match app.export(format) {
                    Ok(path) => format!(
                        "exported {} events to {}",
                        app.timeline.events.len(),
                        path.display()
                    ),
                    Err(e) => format!("export failed: {e:#}"),
                });
            }
            other => app.effects.push(other),
        }
    }
}

fn update_state(app: &mut App, action: Action) {
    // Only a key ends a pending sequence: the half-second tick and a resize arriving between
    // the two g of gg must not (issue 12: gg failed at a normal typing pace).
    if !matches!(action, Action::Resize(..) | Action::Tick) {
        app.pending = None;
    }
    if !matches!(
        action,
        Action::Resize(..) | Action::Prefix(_) | Action::Tick
    ) {
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
            app.article.top = 0;
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
            // Innermost first: a view, then the search, then the & filter (as lazygit's Esc).
            if app.close_view() {
                return;
            }
            if !app.search.query.is_empty() {
                app.search = Search::default();
                app.rebuild_detail();
            } else if app.query.take().is_some() {
                app.refilter();
                app.status = Some("filter cleared: every event shows".into());
            }
        }
        Action::Quit => {
            if !app.close_view() {
                app.quit_or_warn();
            }
        }
        Action::ForceQuit => app.quit_or_warn(),
        Action::Terminate(code) => {
            app.keep_typed_note();
            app.quit = Some(code);
        }
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
        Action::DocumentFilter => app.cycle_document(),
        Action::ToggleSources => app.toggle_sources(),
        Action::FilterStart => {
            app.query_before = app.query.clone();
            let raw = app
                .query
                .as_ref()
                .map(|q| q.raw.clone())
                .unwrap_or_default();
            app.open_prompt(PromptKind::Filter, raw);
        }
        Action::JumpStart => app.open_prompt(PromptKind::Jump, String::new()),
        Action::Export => {
            let formats: Vec<&str> = FORMATS.iter().map(|f| f.name).collect();
            app.status = Some(format!("export as: {}", formats.join(", ")));
            app.open_prompt(PromptKind::Export, "md".into());
        }
        Action::Verify => app.toggle_status(ReviewStatus::Verified),
        Action::VerifyStory => app.verify_story(),
        Action::Flag => app.toggle_status(ReviewStatus::Flagged),
        Action::EditNote => match app.event() {
            Some(e) => {
                let note = e
                    .review
                    .as_ref()
                    .map(|r| r.note.clone())
                    .unwrap_or_default();
                app.open_prompt(PromptKind::Note, note);
            }
            None => app.status = Some("no event to write a note on".into()),
        },
        Action::Correct => match app.event() {
            Some(e) => {
                let text = match e.review.as_ref().and_then(|r| r.corrected) {
                    Some(span) => span_text(&span),
                    None => match (e.date.start, e.date.end) {
                        (Some(a), Some(b)) if a == b => a.to_string(),
                        (Some(a), Some(b)) => format!("{a}/{b}"),
                        _ => String::new(),
                    },
                };
                app.open_prompt(PromptKind::Correct, text);
            }
            None => app.status = Some("no event to correct".into()),
        },
        Action::SetAnchor => {
            if app.timeline.documents.is_empty() {
                return;
            }
            let d = app.document();
            let text = app.timeline.documents[d]
                .anchor
                .date
                .map(|d| d.to_string())
                .unwrap_or_default();
            app.open_prompt(PromptKind::Anchor, text);
        }
        Action::Undo => {
            let keep = app.selection_key();
            match app.reviews.undo(&mut app.timeline) {
                Some(out) => app.after_review(out, keep),
                None => app.status = Some("nothing to undo".into()),
            }
        }
        Action::Redo => {
            let keep = app.selection_key();
            match app.reviews.redo(&mut app.timeline) {
                Some(out) => app.after_review(out, keep),
                None => app.status = Some("nothing to redo".into()),
            }
        }
        Action::Reload => {
            if app.timeline.documents.is_empty() {
                return;
            }
            let keep = app.selection_key();
            let d = app.document();
            let out = app.reviews.reload(&mut app.timeline, d);
            app.article.layout = None;
            app.after_review(out, keep);
        }
        Action::Tick => {
            let keep = app.selection_key();
            if let Some(out) = app.reviews.merge_outside_changes(&mut app.timeline) {
                app.after_review(out, keep);
            }
            for d in app.reviews.changed_articles() {
                let keep = app.selection_key();
                let mut out = app.reviews.reload(&mut app.timeline, d);
                app.article.layout = None;
                out.message = format!("the article changed on disk: {}", out.message);
                app.after_review(out, keep);
            }
        }
        Action::Filter => {
            app.filter = app.filter.next();
            app.refilter();
            let shown = (0..n).filter(|&i| app.shown(i)).count();
            app.status = Some(format!(
                "showing {} events ({shown} of {n}); F cycles all / unreviewed / flagged / doubtful",
                app.filter.name()
            ));
        }
        Action::Orphans => {
            app.orphans = match app.orphans {
                Some(_) => None,
                None => Some(0),
            };
        }
        Action::DeleteOrphan => {
            let list = app.reviews.orphans();
            if let Some(&(d, k)) = app.orphans.and_then(|o| list.get(o)) {
                let keep = app.selection_key();
                let out = app.reviews.delete_orphan(&mut app.timeline, d, k);
                app.after_review(out, keep);
                let left = app.reviews.orphans().len();
                app.orphans = app.orphans.map(|o| o.min(left.saturating_sub(1)));
            } else {
                app.status = Some("no orphaned review to delete".into());
            }
        }
        Action::SaveElsewhere => match app.reviews.first_unsaved() {
            Some(d) => {
                let keep = app.selection_key();
                let out = app.reviews.save_elsewhere(&mut app.timeline, d);
                app.after_review(out, keep);
            }
            None => app.status = Some("every review is saved".into()),
        },
        Action::Edit(e) => {
            if let Some(p) = app.prompt.as_mut()
                && p.edit(e)
            {
                if p.kind == PromptKind::Filter {
                    // The list follows the filter as it is typed, as in lazygit.
                    app.query = ListQuery::parse(&p.text);
                    app.refilter();
                }
                app.refresh_preview();
            }
        }
        Action::PromptNextCandidate => {
            if let Some(p) = app.prompt.as_mut() {
                if p.next_candidate() {
                    app.refresh_preview();
                } else {
                    app.status = Some("nothing to pick from here".into());
                }
            }
        }
        Action::PromptConfirm => app.confirm_prompt(),
        Action::PromptCancel => {
            if app
                .prompt
                .take()
                .is_some_and(|p| p.kind == PromptKind::Filter)
            {
                app.query = app.query_before.take();
                app.refilter();
            }
            app.status = Some("cancelled: nothing changed".into());
        }
        Action::Unbound(c) => {
            app.status = Some(format!("{c} does nothing here; ? lists the keys"));
        }
        Action::Redraw => {
            app.list.invalidate();
            app.article.layout = None;
            app.relayout();
            app.clamp_article();
            app.effects.push(Effect::Redraw);
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            app.relayout();
            app.clamp_article();
        }
        Action::Click(col, row) => {
            let Some(a) = layout::areas(app.size) else {
                return;
            };
            if app.view != View::Main || app.help.is_some() {
                return;
            }
            let list = a.list_inner();
            if contains(list, col, row) {
                app.focus = Focus::List;
                let r = app.list.top + usize::from(row - list.y);
                if r < app.list.rows.len()
                    && let Some(i) = app.list.event_at_row(r, false)
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
                && let Some(a) = layout::areas(app.size)
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
