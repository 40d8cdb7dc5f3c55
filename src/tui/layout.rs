//! Where everything goes on the screen: pure geometry, shared by drawing, paging, mouse clicks
//! and the layout caches, so they never disagree. Imports nothing of the viewer's state.

use ratatui::layout::Rect;

/// How many characters of a document's id tag its events in the list.
pub const DOCUMENT_TAG: usize = 8;

/// Narrowest window the viewer draws in; below it, a one-line notice.
pub const MIN_WIDTH: u16 = 40;
/// Lowest window the viewer draws in.
pub const MIN_HEIGHT: u16 = 10;
/// Columns before a list row's text: search match, doubt, review status, corrected, note,
/// folded sources.
pub const LIST_GUTTER: u16 = 6;
/// How far another source of a story is indented under its first report.
pub const SOURCE_INDENT: u16 = 2;
/// Cells of the short day column ("Thu 06 Jan", "1989–2019").
pub const DAY_WIDTH: u16 = 10;
/// The list is wide enough for a day column beside the day headers.
const DAY_COLUMN_FROM: u16 = 100;
/// Room (after the marks and the day) from which the expression gets a column of its own;
/// below it the sentence column alone carries the expression, highlighted.
const EXPRESSION_COLUMN_FROM: u16 = 60;
/// Widest expression column.
const EXPRESSION_MAX: u16 = 32;
/// Narrowest sentence column worth keeping beside a document tag.
const MIN_CONTEXT: u16 = 12;
/// A column separator: a space, a rule, a space.
const SEP: u16 = 3;

/// Where the parts of an event row go: `(x, width)` from the list's inner left edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListColumns {
    /// The short day, on wide lists.
    pub day: Option<(u16, u16)>,
    /// The date expression on its own, when there is room.
    pub expression: Option<(u16, u16)>,
    /// The document's tag, when several documents are open.
    pub document: Option<(u16, u16)>,
    /// The sentence around the expression (the expression always among it), in the rest.
    pub context: (u16, u16),
}

/// The columns of an event row in a list `width` cells wide (inside its border). Pure, so the
/// app lays out each part at the width it is drawn at.
pub fn list_columns(width: u16, documents: bool) -> ListColumns {
    let mut x = LIST_GUTTER.min(width);
    let take = |x: &mut u16, w: u16| {
        let column = (*x, w);
        *x += w + SEP;
        column
    };
    let day = (width >= DAY_COLUMN_FROM).then(|| take(&mut x, DAY_WIDTH));
    let rest = width.saturating_sub(x);
    let expression =
        (rest >= EXPRESSION_COLUMN_FROM).then(|| take(&mut x, (rest * 2 / 5).min(EXPRESSION_MAX)));
    // The document's tag only when the sentence keeps room beside it (the detail pane names
    // the document anyway).
    let tag = DOCUMENT_TAG as u16 + SEP;
    let room = width.saturating_sub(x);
    let document =
        (documents && room >= tag + MIN_CONTEXT).then(|| take(&mut x, DOCUMENT_TAG as u16));
    let x = x.min(width);
    ListColumns {
        day,
        expression,
        document,
        context: (x, width - x),
    }
}

/// Where everything goes on a screen of a given size. Pure, so the app uses the same geometry
/// for paging and mouse clicks as drawing does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The time strip (empty on short windows).
    pub strip: Rect,
    /// The event list, with its border.
    pub list: Rect,
    /// The detail pane, with its border.
    pub detail: Rect,
    /// The article view, with its border.
    pub article: Rect,
    /// The status bar.
    pub status: Rect,
}

/// Inside a one-cell border.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

impl Areas {
    /// The list rows.
    pub fn list_inner(&self) -> Rect {
        inner(self.list)
    }

    /// Inside the detail border.
    pub fn detail_inner(&self) -> Rect {
        inner(self.detail)
    }

    /// Where detail text goes (one cell of padding each side).
    pub fn detail_text(&self) -> Rect {
        let r = self.detail_inner();
        Rect::new(r.x + 1, r.y, r.width.saturating_sub(2), r.height)
    }

    /// Where article text goes (a two-cell gutter on the left for sentence marks).
    pub fn article_text(&self) -> Rect {
        let r = inner(self.article);
        Rect::new(r.x + 2, r.y, r.width.saturating_sub(3), r.height)
    }
}

/// The screen geometry for `(width, height)`, or `None` when the window is too small.
pub fn areas((w, h): (u16, u16)) -> Option<Areas> {
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return None;
    }
    let strip_h = if h >= 18 { 3 } else { 0 };
    let body_h = h - 1 - strip_h;
    // The list's rows carry the expression and its sentence, so the list takes most of the
    // width; the detail pane wraps.
    let list_w = (w * 11 / 20).max(24).min(w - 16);
    Some(Areas {
        strip: Rect::new(1, 0, w - 2, strip_h),
        list: Rect::new(0, strip_h, list_w, body_h),
        detail: Rect::new(list_w, strip_h, w - list_w, body_h),
        article: Rect::new(0, 0, w, h - 1),
        status: Rect::new(0, h - 1, w, 1),
    })
}

/// The help (and orphan list) box on a screen `area`.
pub fn help_rect(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(HELP_WIDTH);
    let h = area.height.saturating_sub(2);
    Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h)
}

/// The widest the help box gets: every line of it fits in one row.
const HELP_WIDTH: u16 = 124;

/// Rows of help text visible at this screen size.
pub fn help_height(size: (u16, u16)) -> usize {
    usize::from(
        help_rect(Rect::new(0, 0, size.0, size.1))
            .height
            .saturating_sub(2),
    )
    .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_columns_fit_the_width() {
        // The smallest window: the sentence keeps the row, the tag goes.
        let c = list_columns(22, true);
        assert_eq!((c.day, c.expression, c.document), (None, None, None));
        assert_eq!(c.context, (LIST_GUTTER, 22 - LIST_GUTTER));
        // 80 columns: a document tag beside the sentence.
        let c = list_columns(42, true);
        assert!(c.document.is_some() && c.expression.is_none());
        assert!(c.context.1 >= MIN_CONTEXT && c.context.0 + c.context.1 == 42);
        // 200 columns: every column, nothing past the edge.
        let c = list_columns(108, true);
        let (d, e, t) = (c.day.unwrap(), c.expression.unwrap(), c.document.unwrap());
        assert!(d.0 + d.1 < e.0 && e.0 + e.1 < t.0 && t.0 + t.1 < c.context.0);
        assert_eq!(c.context.0 + c.context.1, 108);
    }
}
