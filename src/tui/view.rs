//! Drawing: reads the [`App`] and fills a frame. Never changes state.
//!
//! Only what is visible is drawn: the list draws the rows between its top and its height, the
//! article the lines on screen; text comes already laid out (wrapped, reordered, shaped) from the
//! app's caches, and each glyph's style is decided here from its source range (the expression,
//! the selected sentence, search matches), which is how a highlight lands on the right cells
//! after reordering. Highlights always carry a modifier (reverse, bold, underline), so they
//! survive `NO_COLOR`.

use super::BidiMode;
use super::app::{App, DetailKind, Filter, Focus, View};
use super::bidi::{Glyph, VisualLine, layout_truncated, layout_truncated_ltr};
use super::doubt::{anchor_basis, document_anchor};
use super::help::help_lines_at;
use super::layout::{
    Areas, LIST_GUTTER, MIN_HEIGHT, MIN_WIDTH, SOURCE_INDENT, areas, help_rect, inner, list_columns,
};
use super::list::{ListLine, Row};
use super::prompt::Prompt;
use super::strip::sanitize;
use super::timestrip::{Mark, segment_labels};
use crate::export::words::{date_heading, day_name};
use crate::model::{EventDate, Precision, ReviewStatus};
use crate::review::span_text;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

/// The styles, with and without colour.
struct Theme {
    color: bool,
}

impl Theme {
    fn pick(&self, color: Style, mono: Style) -> Style {
        if self.color { color } else { mono }
    }
    fn selected(&self) -> Style {
        self.pick(
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }
    fn expression(&self) -> Style {
        self.pick(
            Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }
    fn sentence(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
    fn matched(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }
    /// The date expression in a list row: bold and underlined (the row itself may be in
    /// reverse video, so not reverse again).
    fn list_expression(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }
    fn heading(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
    fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }
    fn marker(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
    fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }
    fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

/// Draws the whole screen for the current state.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let Some(a) = areas((area.width, area.height)) else {
        too_small(buf, area);
        return;
    };
    let theme = Theme {
        color: app.config.color,
    };
    match app.view {
        View::Main => {
            draw_strip(app, buf, a.strip, &theme);
            draw_list(app, buf, a.list, &theme);
            draw_detail(app, buf, &a, &theme);
        }
        View::Article => draw_article(app, buf, &a, &theme),
    }
    draw_status(app, buf, a.status, &theme);
    if app.orphans.is_some() {
        draw_orphans(app, buf, area, &theme);
    }
    if app.help.is_some() {
        draw_help(app, buf, area, &theme);
    }
}

fn too_small(buf: &mut Buffer, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let msg = format!(
        "window too small ({}×{}): need {MIN_WIDTH}×{MIN_HEIGHT}; q quits",
        area.width, area.height
    );
    buf.set_stringn(area.x, area.y, msg, usize::from(area.width), Style::new());
}

/// Writes a laid-out line at row `y` of `rect`, styling each glyph by its source range.
fn put_line(
    buf: &mut Buffer,
    rect: Rect,
    y: u16,
    line: &VisualLine,
    style_of: impl Fn(&Glyph) -> Style,
) {
    let right = rect.x + rect.width;
    let mut x = rect.x + line.indent.min(rect.width);
    for g in &line.glyphs {
        if x + g.width > right {
            break;
        }
        buf.set_stringn(x, y, &g.text, usize::from(g.width), style_of(g));
        x += g.width;
    }
}

fn put_text(buf: &mut Buffer, rect: Rect, y: u16, text: &str, style: Style, mode: BidiMode) {
    let line = layout_truncated(text, 0, rect.width, mode);
    put_line(buf, rect, y, &line, |_| style);
}

fn draw_strip(app: &App, buf: &mut Buffer, r: Rect, t: &Theme) {
    if r.height < 3 {
        return;
    }
    let s = &app.strip_layout;
    if s.segments.is_empty() {
        put_text(
            buf,
            r,
            r.y,
            "no dated events on the time line",
            t.dim(),
            BidiMode::App,
        );
        return;
    }
    for seg in &s.segments {
        for x in seg.x..seg.x + seg.width {
            let (ch, style) = match s.marks.get(usize::from(x)) {
                Some(Mark::Point) => ("●", Style::new()),
                Some(Mark::Range) => ("━", Style::new()),
                _ => ("─", t.dim()),
            };
            buf.set_string(r.x + x, r.y, ch, style);
        }
        let (left, right) = segment_labels(seg);
        buf.set_stringn(r.x + seg.x, r.y + 2, &left, usize::from(seg.width), t.dim());
        let rw = right.chars().count() as u16;
        if right != left && left.chars().count() as u16 + rw < seg.width {
            buf.set_string(r.x + seg.x + seg.width - rw, r.y + 2, &right, t.dim());
        }
    }
    for x in s.breaks() {
        buf.set_string(
            r.x + x,
            r.y,
            "≈",
            t.marker().remove_modifier(Modifier::BOLD),
        );
    }
    let Some(e) = app.event() else { return };
    let (Some(a), Some(b)) = (e.date.start, e.date.end) else {
        return;
    };
    let (Some(ca), Some(cb)) = (s.column(a), s.column(b)) else {
        return;
    };
    // A day is a ▲ under its point; a range a bracket under its span (not a row of ▲).
    for x in ca..=cb {
        let mark = match (x == ca, x == cb) {
            (true, true) => "▲",
            (true, false) => "└",
            (false, true) => "┘",
            (false, false) => "─",
        };
        buf.set_string(r.x + x, r.y + 1, mark, t.marker());
    }
    let label = date_heading(&e.date);
    let lw = label.chars().count() as u16;
    let x = if cb + 2 + lw <= r.width {
        cb + 2
    } else {
        ca.saturating_sub(lw + 1)
    };
    buf.set_stringn(
        r.x + x,
        r.y + 1,
        &label,
        usize::from(r.width - x),
        t.marker(),
    );
}

fn draw_list(app: &App, buf: &mut Buffer, r: Rect, t: &Theme) {
    let n = app.timeline.events.len();
    let pos = position(app);
    let focused = app.focus == Focus::List;
    let block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(t.border(focused))
        .title(format!(" Events {pos} "));
    block.render(r, buf);
    let inner = inner(r);
    if n == 0 {
        put_text(
            buf,
            inner,
            inner.y,
            "no dated events",
            t.dim(),
            BidiMode::App,
        );
        return;
    }
    let several = app.timeline.documents.len() > 1;
    let event_cols = list_columns(inner.width, several);
    let source_cols = list_columns(inner.width.saturating_sub(SOURCE_INDENT), several);
    for (k, row) in app
        .list
        .rows
        .iter()
        .skip(app.list.top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + k as u16;
        match (*row, app.list.lines.get(k)) {
            (Row::Header(_), Some(ListLine::Header(line))) => {
                let full = Rect::new(inner.x, y, inner.width, 1);
                put_line(buf, full, y, line, |_| t.heading());
            }
            (
                Row::Event(i) | Row::Source(i),
                Some(ListLine::Event {
                    expression,
                    context,
                }),
            ) => {
                // Another source of a story: indented under the first report, with a branch.
                let (cols, shift) = match row {
                    Row::Source(_) => {
                        buf.set_string(inner.x + LIST_GUTTER, y, "└", t.dim());
                        (source_cols, SOURCE_INDENT)
                    }
                    _ => (event_cols, 0),
                };
                let at = |(x, w): (u16, u16), y: u16| Rect::new(inner.x + shift + x, y, w, 1);
                let i = i as usize;
                let e = &app.timeline.events[i];
                let selected = i == app.selected;
                let base = if selected { t.selected() } else { Style::new() };
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
                if app.search.matches.binary_search(&i).is_ok() {
                    buf.set_string(inner.x, y, "›", t.matched());
                }
                if app.warnings.contains_key(&i) {
                    buf.set_string(inner.x + 1, y, "⚠", t.marker());
                } else if e.date.uncertain {
                    buf.set_string(inner.x + 1, y, "?", Style::new());
                }
                if let Some(r) = &e.review {
                    let mark = r.status.mark();
                    let style = match r.status {
                        ReviewStatus::Flagged => t.marker(),
                        _ => Style::new().add_modifier(Modifier::BOLD),
                    };
                    buf.set_string(inner.x + 2, y, mark, style);
                    if r.corrected.is_some() {
                        buf.set_string(inner.x + 3, y, "±", Style::new());
                    }
                    if !r.note.is_empty() {
                        buf.set_string(inner.x + 4, y, "✎", Style::new());
                    }
                }
                // A story other documents also report: "+" while its sources are folded.
                if app.document_filter.is_none()
                    && e.group.as_ref().is_some_and(|g| !app.expanded.contains(g))
                    && app.other_sources(i) > 0
                {
                    buf.set_string(inner.x + 5, y, "+", t.marker());
                }
                let expr = (e.expression.start, e.expression.end);
                let expr_style = t.list_expression();
                // A rule ends each column but the last, in the middle of its separator.
                let rule = |buf: &mut Buffer, (x, w): (u16, u16)| {
                    buf.set_string(inner.x + shift + x + w + 1, y, "│", t.dim());
                };
                if let Some(c) = cols.day {
                    put_text(
                        buf,
                        at(c, y),
                        y,
                        &short_day(&e.date),
                        t.dim(),
                        BidiMode::App,
                    );
                    rule(buf, c);
                }
                if let Some(c) = cols.expression {
                    put_line(buf, at(c, y), y, expression, |_| expr_style);
                    rule(buf, c);
                }
                if let (Some(c), Some(tag)) = (cols.document, app.document_tag(e)) {
                    put_text(buf, at(c, y), y, &tag, t.dim(), app.config.bidi);
                    rule(buf, c);
                }
                put_line(buf, at(cols.context, y), y, context, |g| {
                    if g.overlaps(expr.0, expr.1) {
                        expr_style
                    } else {
                        Style::new()
                    }
                });
            }
            _ => {}
        }
    }
}

/// "9/11": the selected event among those the list shows; with a filter on, also how many
/// there are in all ("2/5 of 11").
fn position(app: &App) -> String {
    let (at, shown) = app.list_position();
    let n = app.timeline.events.len();
    if shown == n {
        format!("{at}/{n}")
    } else {
        format!("{at}/{shown} of {n}")
    }
}

/// An event's day in at most [`super::layout::DAY_WIDTH`] cells, for the list's day column.
fn short_day(d: &EventDate) -> String {
    let (Some(a), Some(b)) = (d.start, d.end) else {
        return "unresolved".into();
    };
    let years = matches!(
        d.precision,
        Precision::Year | Precision::Decade | Precision::Century
    );
    if years {
        return if a.year() == b.year() {
            a.year().to_string()
        } else {
            format!("{}–{}", a.year(), b.year())
        };
    }
    if d.precision == Precision::Month && (a.year(), a.month()) == (b.year(), b.month()) {
        return a.format("%b %Y").to_string();
    }
    if a == b {
        a.format("%a %d %b").to_string()
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}–{}", a.format("%d"), b.format("%d %b"))
    } else {
        format!("{}–…", a.format("%d %b"))
    }
}

fn draw_detail(app: &App, buf: &mut Buffer, a: &Areas, t: &Theme) {
    let focused = app.focus == Focus::Detail;
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(t.border(focused))
        .title(" Detail ")
        .render(a.detail, buf);
    let r = a.detail_text();
    let expr = app.event().map(|e| (e.expression.start, e.expression.end));
    for (k, d) in app
        .detail
        .lines
        .iter()
        .skip(app.detail.scroll)
        .take(usize::from(r.height))
        .enumerate()
    {
        let y = r.y + k as u16;
        put_line(buf, r, y, &d.line, |g| match d.kind {
            DetailKind::Title => t.heading(),
            DetailKind::Info => Style::new(),
            DetailKind::Sentence => {
                let mut s = Style::new();
                if app.detail.matches.iter().any(|&(a, b)| g.overlaps(a, b)) {
                    s = s.patch(t.matched());
                }
                if expr.is_some_and(|(a, b)| g.overlaps(a, b)) {
                    s = s.patch(t.expression());
                }
                s
            }
        });
    }
}

fn draw_article(app: &App, buf: &mut Buffer, a: &Areas, t: &Theme) {
    let Some(layout) = &app.article.layout else {
        return;
    };
    let doc = &app.timeline.documents[layout.doc];
    let dated = &app.dated[layout.doc];
    let title = match app.event() {
        Some(e) => format!(
            " {} · sentence {} · {} ",
            sanitize(&doc.id),
            e.sentence.index + 1,
            date_heading(&e.date)
        ),
        None => format!(" {} ", sanitize(&doc.id)),
    };
    Block::bordered()
        .border_style(t.border(true))
        .title(title)
        .render(a.article, buf);
    let r = a.article_text();
    let sel = app.event().filter(|e| e.document == doc.id).map(|e| {
        (
            (e.sentence.start, e.sentence.end),
            (e.expression.start, e.expression.end),
        )
    });
    for (k, line) in layout
        .lines
        .iter()
        .skip(app.article.top)
        .take(usize::from(r.height))
        .enumerate()
    {
        let y = r.y + k as u16;
        let in_sel = sel.is_some_and(|((s, e), _)| line.start < e && s < line.end);
        let i = dated.partition_point(|d| d.start < line.end);
        let in_dated = i > 0 && dated[i - 1].end > line.start && line.end > line.start;
        if in_sel {
            buf.set_string(r.x - 2, y, "▌", t.marker());
        } else if in_dated {
            buf.set_string(r.x - 2, y, "┊", t.dim());
        }
        put_line(buf, r, y, line, |g| match sel {
            Some(((ss, se), (es, ee))) if g.overlaps(ss, se) => {
                if g.overlaps(es, ee) {
                    t.expression()
                } else {
                    t.sentence()
                }
            }
            _ => Style::new(),
        });
    }
}

/// The input line: label, then the typed text laid out like every other line (so Arabic reads
/// right to left), the cursor's character in reverse video (the whole value while it is still
/// selected), then what Enter would do or why it was refused, which gets the room it needs.
fn draw_prompt(app: &App, p: &Prompt, buf: &mut Buffer, r: Rect, t: &Theme) {
    let head = format!(" {}: ", p.kind.label());
    let hw = (head.chars().count() as u16).min(r.width / 4);
    buf.set_stringn(r.x, r.y, &head, usize::from(hw), t.status());
    let tail = match (&p.error, &p.preview) {
        (Some(e), _) => format!("  ✗ {e}"),
        (None, Some(v)) => format!("  {v}  · Enter · Esc"),
        (None, None) => "  Enter saves · Esc cancels".into(),
    };
    let rest = Rect::new(r.x + hw, r.y, r.width.saturating_sub(hw), 1);
    // A trailing space gives the cursor a cell at the end of the text.
    let text = format!("{} ", p.text);
    let full = layout_truncated(&text, 0, u16::MAX, app.config.bidi).width();
    let tail_w = tail.chars().count() as u16;
    // The tail is shown whole when the text leaves room for it; otherwise the text gets what
    // it needs (up to two thirds of the line) and the tail the rest.
    let fw = if full.saturating_add(tail_w) <= rest.width {
        rest.width - tail_w
    } else {
        full.min(rest.width * 2 / 3)
    };
    let field = Rect::new(rest.x, r.y, fw, 1);
    let line = layout_truncated(&text, 0, field.width, app.config.bidi);
    let cursor = p.cursor;
    let style = Style::new().remove_modifier(Modifier::REVERSED);
    buf.set_style(field, style);
    put_line(buf, field, r.y, &line, |g| {
        if p.selected && g.start < p.text.len() {
            style.add_modifier(Modifier::REVERSED)
        } else if g.overlaps(cursor, cursor + 1) {
            style.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        } else {
            style
        }
    });
    let ts = if p.error.is_some() {
        t.status().add_modifier(Modifier::BOLD)
    } else {
        t.status()
    };
    let tail_area = Rect::new(field.x + field.width, r.y, rest.width - fw, 1);
    put_text(buf, tail_area, r.y, &tail, ts, app.config.bidi);
}

fn draw_status(app: &App, buf: &mut Buffer, r: Rect, t: &Theme) {
    buf.set_style(r, t.status());
    if let Some(p) = &app.prompt {
        draw_prompt(app, p, buf, r, t);
        return;
    }
    if let Some(input) = &app.search.input {
        let text = format!(
            "search: {input}▏ ({} matching; Enter keeps, Esc cancels)",
            app.search.matches.len()
        );
        put_text(buf, r, r.y, &text, t.status(), app.config.bidi);
        return;
    }
    let pos = position(app);
    let (v, f, u) = app.counts;
    let mut tail = String::new();
    // The first key of a sequence waits for the second, and says so (vim's showcmd).
    if let Some(p) = app.pending {
        tail.push_str(&format!("│ {p}… "));
    }
    let orphans = app.reviews.orphans().len();
    if orphans > 0 {
        tail.push_str(&format!("│ {orphans} orphaned (o) "));
    }
    if app.reviews.unsaved() {
        tail.push_str("│ NOT SAVED (W) ");
    }
    if app.search.query.is_empty() {
        tail.push_str("│ ? help ");
    } else {
        // The count before the query: after Arabic, a number would join its run.
        tail.push_str(&format!(
            "│ {} matching /{} ",
            app.search.matches.len(),
            app.search.query
        ));
    }
    let mut filter = if app.filter == Filter::All {
        String::new()
    } else {
        format!(" [{}]", app.filter.name())
    };
    if let Some(d) = app
        .document_filter
        .and_then(|d| app.timeline.documents.get(d))
    {
        filter.push_str(&format!(" [{}]", d.id));
    }
    if let Some(q) = &app.query {
        filter.push_str(&format!(" [& {}]", q.raw));
    }
    // Words when there is room, the marks alone (as in the list) when there is not.
    let doubt = app.doubtful;
    let long =
        format!("{filter} ✓{v} verified  !{f} flagged  {u} unreviewed  ?{doubt} doubtful {tail}");
    let right = if long.chars().count() as u16 <= r.width / 2 {
        long
    } else {
        format!("{filter} ✓{v} !{f} ○{u} ?{doubt} {tail}")
    };
    let middle = match &app.status {
        Some(s) => s.clone(),
        None => match app.timeline.documents.get(app.document()) {
            // The basis in a few words (the whole reason is in the detail pane).
            Some(d) => match d.anchor.date {
                Some(day) => {
                    let b = document_anchor(&app.timeline, app.document(), &app.warnings)
                        .unwrap_or_else(|| anchor_basis(&d.anchor));
                    let check = if b.shaky { " · check it: A" } else { "" };
                    format!("anchor {} · {}{check}", day_name(day), b.basis)
                }
                None => "no document date: A sets it".into(),
            },
            None => String::new(),
        },
    };
    let rw = (right.chars().count() as u16).min(r.width / 2);
    let left = format!(" {pos} │ {middle}");
    let lr = Rect::new(r.x, r.y, r.width.saturating_sub(rw + 1), 1);
    put_text(buf, lr, r.y, &left, t.status(), app.config.bidi);
    if rw < r.width {
        // Laid out like the rest: a search query in Arabic reads right to left, joined.
        let area = Rect::new(r.x + r.width - rw, r.y, rw, 1);
        let style = t.status().add_modifier(Modifier::BOLD);
        let line = layout_truncated_ltr(&right, rw, app.config.bidi);
        put_line(buf, area, r.y, &line, |_| style);
    }
}

/// The orphaned reviews: their status, note and sentence, so the editor can decide to delete.
fn draw_orphans(app: &App, buf: &mut Buffer, area: Rect, t: &Theme) {
    let r = help_rect(area);
    Clear.render(r, buf);
    let list = app.reviews.orphans();
    Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.border(true))
        .title(format!(
            " Orphaned reviews {} · event no longer found · d deletes · u undoes · o/Esc closes ",
            list.len()
        ))
        .render(r, buf);
    let inner = Rect::new(
        r.x + 2,
        r.y + 1,
        r.width.saturating_sub(3),
        r.height.saturating_sub(2),
    );
    if list.is_empty() {
        put_text(
            buf,
            inner,
            inner.y,
            "no orphaned reviews",
            t.dim(),
            BidiMode::App,
        );
        return;
    }
    let sel = app.orphans.unwrap_or(0);
    let per = 3u16;
    let visible = usize::from((inner.height / per).max(1));
    let top = sel.saturating_sub(visible - 1);
    for (k, &(d, e)) in list.iter().enumerate().skip(top).take(visible) {
        let entry = &app.reviews.docs[d].file.reviews[e];
        let y = inner.y + (k - top) as u16 * per;
        let mut head = format!("{} “{}”", entry.status.mark(), sanitize(&entry.expression));
        if let Some(c) = &entry.corrected {
            head.push_str(&format!(" ± {}", span_text(c)));
        }
        if !entry.note.is_empty() {
            head.push_str(&format!(" ✎ {}", sanitize(&entry.note)));
        }
        let style = if k == sel { t.selected() } else { Style::new() };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        put_text(buf, inner, y, &head, style, app.config.bidi);
        if y + 1 < inner.y + inner.height {
            put_text(
                buf,
                inner,
                y + 1,
                &sanitize(&entry.sentence),
                t.dim(),
                app.config.bidi,
            );
        }
    }
}

fn draw_help(app: &App, buf: &mut Buffer, area: Rect, t: &Theme) {
    let r = help_rect(area);
    Clear.render(r, buf);
    Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.border(true))
        .title(" Keys · q, Esc or ? closes · j/k scroll ")
        .render(r, buf);
    let inner = Rect::new(
        r.x + 2,
        r.y + 1,
        r.width.saturating_sub(3),
        r.height.saturating_sub(2),
    );
    let top = app.help.unwrap_or(0);
    for (k, l) in help_lines_at(&app.config, (area.width, area.height))
        .iter()
        .skip(top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let style = if l.heading { t.heading() } else { Style::new() };
        // Laid out like every other line: the Arabic examples read right to left, joined.
        // The leading spaces (the indentation) stay at the left whatever the text's direction.
        let y = inner.y + k as u16;
        let text = l.text.trim_start_matches(' ');
        let lead = (l.text.len() - text.len()) as u16;
        let rest = Rect::new(
            inner.x + lead.min(inner.width),
            y,
            inner.width.saturating_sub(lead),
            1,
        );
        let line = layout_truncated_ltr(text, rest.width, app.config.bidi);
        put_line(buf, rest, y, &line, |_| style);
    }
}
