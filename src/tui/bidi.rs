//! Line layout: wrap in logical order, reorder each line for display, align.
//!
//! ratatui writes cells left to right in the order it is given and knows nothing about
//! right-to-left text, and most terminals do not reorder either. So the viewer lays out every
//! piece of text itself ([`BidiMode::App`]):
//!
//! 1. make each character safe to display ([`super::strip`]) and shape Arabic letters
//!    ([`super::shape`]), keeping for every output character the bytes it came from;
//! 2. cut the text into grapheme clusters (a letter and its harakat stay one cell) and measure
//!    each cluster as it will be drawn, after shaping;
//! 3. wrap in logical order at spaces;
//! 4. reorder each line with the Unicode bidi algorithm (unicode-bidi's visual runs), reversing
//!    right-to-left runs cluster by cluster and mirroring brackets there, which unicode-bidi
//!    leaves to the caller;
//! 5. right-align lines of right-to-left paragraphs.
//!
//! [`BidiMode::Terminal`] stops after step 3: the terminal gets logical, unshaped text and
//! does its own bidi. Every [`Glyph`] keeps its source byte range, so highlights are decided
//! per cell after all of this, and a layout is computed once and drawn many times.

use super::BidiMode;
use super::shape::{Mapped, shape};
use super::strip::{Shown, display_char};
use unicode_bidi::ParagraphBidiInfo;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One grapheme cluster as it goes into a cell, and the source bytes it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph {
    /// What is written into the cell (shaped, mirrored, safe).
    pub text: String,
    /// Cells it takes, measured on `text` itself.
    pub width: u16,
    /// First source byte (document offset when laid out with a base).
    pub start: usize,
    /// One past the last source byte.
    pub end: usize,
}

impl Glyph {
    /// Whether this glyph shows any byte of `start..end`.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// One screen line in visual (left-to-right cell) order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisualLine {
    /// Glyphs from the leftmost cell.
    pub glyphs: Vec<Glyph>,
    /// Blank cells before the first glyph (right alignment).
    pub indent: u16,
    /// Lowest source byte on the line (for finding where a sentence starts).
    pub start: usize,
    /// One past the highest source byte on the line.
    pub end: usize,
}

impl VisualLine {
    /// Cells taken by the glyphs (without the indent).
    pub fn width(&self) -> u16 {
        self.glyphs.iter().map(|g| g.width).sum()
    }
}

/// Turns text into logical-order glyphs: safe characters, shaped in app mode, one glyph per
/// grapheme cluster, zero-width leftovers merged into the glyph before them.
fn logical_glyphs(text: &str, base: usize, mode: BidiMode) -> Vec<Glyph> {
    let mut chars: Vec<Mapped> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if let Shown::Char(d) = display_char(c) {
            chars.push((d, base + i, base + i + c.len_utf8()));
        }
    }
    let chars = match mode {
        BidiMode::App => shape(&chars),
        BidiMode::Terminal => chars
            .into_iter()
            .filter(|(c, _, _)| !matches!(c, '\u{200C}' | '\u{200D}'))
            .collect(),
    };
    let s: String = chars.iter().map(|(c, _, _)| *c).collect();
    let mut glyphs: Vec<Glyph> = Vec::new();
    let mut ci = 0;
    for g in s.graphemes(true) {
        let n = g.chars().count();
        let part = &chars[ci..ci + n];
        ci += n;
        let start = part.iter().map(|p| p.1).min().unwrap_or(base);
        let end = part.iter().map(|p| p.2).max().unwrap_or(base);
        let width = g.width() as u16;
        if width == 0 {
            if let Some(last) = glyphs.last_mut() {
                last.text.push_str(g);
                last.end = last.end.max(end);
            }
            continue;
        }
        glyphs.push(Glyph {
            text: g.to_string(),
            width,
            start,
            end,
        });
    }
    glyphs
}

fn is_space(g: &Glyph) -> bool {
    g.text == " "
}

/// Greedy wrap in logical order: break after spaces, hard-break words wider than the line.
/// Returns glyph index ranges without trailing spaces.
fn wrap(glyphs: &[Glyph], width: u16) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let (mut start, mut col, mut brk) = (0usize, 0u32, None::<usize>);
    for (i, g) in glyphs.iter().enumerate() {
        let w = u32::from(g.width);
        if is_space(g) {
            col += w;
            brk = Some(i + 1);
            continue;
        }
        if col + w > u32::from(width) && col > 0 {
            match brk {
                Some(b) if b > start => {
                    lines.push((start, b));
                    start = b;
                    col = glyphs[b..i].iter().map(|g| u32::from(g.width)).sum();
                }
                _ => {
                    lines.push((start, i));
                    start = i;
                    col = 0;
                }
            }
            brk = None;
        }
        col += w;
    }
    lines.push((start, glyphs.len()));
    lines
        .into_iter()
        .map(|(a, mut b)| {
            while b > a && is_space(&glyphs[b - 1]) {
                b -= 1;
            }
            (a, b)
        })
        .collect()
}

/// Mirrors a bracket for display inside a right-to-left run (bidi rule L4).
fn mirror(text: &str) -> Option<&'static str> {
    Some(match text {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        "«" => "»",
        "»" => "«",
        "‹" => "›",
        "›" => "‹",
        _ => return None,
    })
}

/// A paragraph prepared for layout: its glyphs and, in app mode, its bidi analysis.
struct Prepared {
    glyphs: Vec<Glyph>,
    /// Byte offset of each glyph in `joined`.
    offsets: Vec<usize>,
    joined: String,
}

impl Prepared {
    fn new(text: &str, base: usize, mode: BidiMode) -> Self {
        Prepared::rejoin(logical_glyphs(text, base, mode))
    }

    fn byte(&self, glyph: usize) -> usize {
        self.offsets
            .get(glyph)
            .copied()
            .unwrap_or(self.joined.len())
    }

    /// Builds the visual line for logical glyphs `a..b`.
    fn line(
        &self,
        info: Option<&ParagraphBidiInfo<'_>>,
        (a, b): (usize, usize),
        width: u16,
    ) -> VisualLine {
        let logical = &self.glyphs[a..b];
        let start = logical.iter().map(|g| g.start).min().unwrap_or(0);
        let end = logical.iter().map(|g| g.end).max().unwrap_or(0);
        let Some(info) = info else {
            return VisualLine {
                glyphs: logical.to_vec(),
                indent: 0,
                start,
                end,
            };
        };
        let mut glyphs = Vec::with_capacity(b - a);
        if a < b {
            let (levels, runs) = info.visual_runs(self.byte(a)..self.byte(b));
            for run in runs {
                let first = self.offsets[a..b].partition_point(|&o| o < run.start) + a;
                let last = self.offsets[a..b].partition_point(|&o| o < run.end) + a;
                if levels[run.start].is_rtl() {
                    for g in self.glyphs[first..last].iter().rev() {
                        let mut g = g.clone();
                        if let Some(m) = mirror(&g.text) {
                            g.text = m.to_string();
                        }
                        glyphs.push(g);
                    }
                } else {
                    glyphs.extend_from_slice(&self.glyphs[first..last]);
                }
            }
        }
        let mut line = VisualLine {
            glyphs,
            indent: 0,
            start,
            end,
        };
        if info.paragraph_level.is_rtl() {
            line.indent = width.saturating_sub(line.width());
        }
        line
    }
}

/// Lays out one paragraph (text without line breaks) at `width` cells.
///
/// `base` is the byte offset of `text` in its document, so glyph ranges are document offsets
/// and can be compared with event spans directly.
pub fn layout_paragraph(text: &str, base: usize, width: u16, mode: BidiMode) -> Vec<VisualLine> {
    if width == 0 {
        return Vec::new();
    }
    let p = Prepared::new(text, base, mode);
    let info = match mode {
        BidiMode::App => Some(ParagraphBidiInfo::new(&p.joined, None)),
        BidiMode::Terminal => None,
    };
    wrap(&p.glyphs, width)
        .into_iter()
        .map(|r| p.line(info.as_ref(), r, width))
        .collect()
}

/// Lays out a text of several paragraphs (split at line breaks); an empty paragraph gives an
/// empty line, as in the article.
pub fn layout_text(text: &str, base: usize, width: u16, mode: BidiMode) -> Vec<VisualLine> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if matches!(c, '\n' | '\r' | '\u{2029}') {
            let para = &text[start..i];
            if para.trim().is_empty() {
                if !(c == '\n' && text[..i].ends_with('\r')) && i < text.len() {
                    out.push(VisualLine {
                        start: base + start,
                        end: base + start,
                        ..VisualLine::default()
                    });
                }
            } else {
                out.extend(layout_paragraph(para, base + start, width, mode));
            }
            start = i + c.len_utf8();
        }
    }
    out
}

/// Lays out the part of `text` around the source bytes `around` (document offsets, like
/// `base`) that fits in `width` cells: whole words are added on both sides of it, alternately,
/// while they fit, and an ellipsis marks each side that was cut. The bytes `around` are always
/// kept (cut at their end, in reading order, only when they alone are wider than the line), so
/// a list row built on it always shows its expression.
pub fn layout_around(
    text: &str,
    base: usize,
    around: (usize, usize),
    width: u16,
    mode: BidiMode,
) -> VisualLine {
    if width == 0 {
        return VisualLine::default();
    }
    // Only the text near the expression can show: prepare (shape, measure) that much, not a
    // 2 KB sentence for every row. Twice `width` cells of fully vocalised Arabic (a letter and
    // a haraka, 4 bytes a cell) on each side is more than can fit, so the cut never shows.
    let reach = 8 * usize::from(width);
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (rel0, rel1) = (
        around.0.saturating_sub(base).min(text.len()),
        around.1.saturating_sub(base).min(text.len()),
    );
    let lo = floor(rel0.saturating_sub(reach));
    let hi = floor(rel1.max(rel0) + reach);
    let (more_left, more_right) = (lo > 0, hi < text.len());
    let p = Prepared::new(&text[lo..hi], base + lo, mode);
    let n = p.glyphs.len();
    let total: u32 = p.glyphs.iter().map(|g| u32::from(g.width)).sum();
    if !more_left && !more_right && total <= u32::from(width) {
        return layout_truncated(text, base, width, mode);
    }
    let first = p.glyphs.partition_point(|g| g.end <= around.0);
    let last = p.glyphs.partition_point(|g| g.start < around.1).max(first);
    // Cells before each glyph, so measuring a candidate window costs nothing.
    let mut before = Vec::with_capacity(n + 1);
    before.push(0u32);
    for g in &p.glyphs {
        before.push(before[before.len() - 1] + u32::from(g.width));
    }
    let cells = |a: usize, b: usize| before[b] - before[a];
    // One cell for each ellipsis a cut side needs.
    let cut_left = |a: usize| a > 0 || more_left;
    let cut_right = |b: usize| b < n || more_right;
    let fits = |a: usize, b: usize| {
        cells(a, b) + u32::from(cut_left(a)) + u32::from(cut_right(b)) <= u32::from(width)
    };
    let (mut a, mut b) = (first, last);
    if !fits(a, b) {
        let start = p.glyphs.get(first).map_or(rel0, |g| g.start - base);
        return layout_truncated(&text[start.min(text.len())..], base + start, width, mode);
    }
    // The word boundary before `a` (the start of the previous word) and after `b`.
    let left = |a: usize| {
        let mut k = a;
        while k > 0 && is_space(&p.glyphs[k - 1]) {
            k -= 1;
        }
        while k > 0 && !is_space(&p.glyphs[k - 1]) {
            k -= 1;
        }
        k
    };
    let right = |b: usize| {
        let mut k = b;
        while k < n && is_space(&p.glyphs[k]) {
            k += 1;
        }
        while k < n && !is_space(&p.glyphs[k]) {
            k += 1;
        }
        k
    };
    loop {
        let (l, r) = (left(a), right(b));
        let grow_left = l < a && fits(l, b);
        if grow_left {
            a = l;
        }
        let grow_right = r > b && fits(a, r);
        if grow_right {
            b = r;
        }
        if !grow_left && !grow_right {
            break;
        }
    }
    while a < b && is_space(&p.glyphs[a]) {
        a += 1;
    }
    while b > a && is_space(&p.glyphs[b - 1]) {
        b -= 1;
    }
    let dots = |at: usize| Glyph {
        text: "…".into(),
        width: 1,
        start: at,
        end: at,
    };
    let mut glyphs = Vec::with_capacity(b - a + 2);
    if cut_left(a) {
        glyphs.push(dots(p.glyphs.get(a).map_or(base + lo, |g| g.start)));
    }
    glyphs.extend_from_slice(&p.glyphs[a..b]);
    if cut_right(b) {
        glyphs.push(dots(
            b.checked_sub(1).map_or(base + hi, |k| p.glyphs[k].end),
        ));
    }
    let p = Prepared::rejoin(glyphs);
    let info = match mode {
        BidiMode::App => Some(ParagraphBidiInfo::new(&p.joined, None)),
        BidiMode::Terminal => None,
    };
    let mut line = p.line(info.as_ref(), (0, p.glyphs.len()), width);
    line.glyphs.retain(|g| g.width > 0);
    line
}

/// Lays out one line that must fit in `width` cells: the text's beginning (in reading order)
/// is kept and an ellipsis marks the cut, so a right-to-left label is cut on its left.
pub fn layout_truncated(text: &str, base: usize, width: u16, mode: BidiMode) -> VisualLine {
    truncated(text, base, width, mode, None)
}

/// [`layout_truncated`] for a line of the viewer's own (English) words with Arabic inside it,
/// such as a status bar naming a search: the line reads left to right whatever its first letter,
/// the Arabic in it right to left.
pub fn layout_truncated_ltr(text: &str, width: u16, mode: BidiMode) -> VisualLine {
    truncated(text, 0, width, mode, Some(unicode_bidi::Level::ltr()))
}

fn truncated(
    text: &str,
    base: usize,
    width: u16,
    mode: BidiMode,
    level: Option<unicode_bidi::Level>,
) -> VisualLine {
    if width == 0 {
        return VisualLine::default();
    }
    let mut p = Prepared::new(text, base, mode);
    let total: u32 = p.glyphs.iter().map(|g| u32::from(g.width)).sum();
    if total > u32::from(width) {
        let mut col = 0u32;
        let keep = p
            .glyphs
            .iter()
            .take_while(|g| {
                col += u32::from(g.width);
                col < u32::from(width)
            })
            .count();
        let mut keep = keep;
        while keep > 0 && is_space(&p.glyphs[keep - 1]) {
            keep -= 1;
        }
        let at = p.glyphs.get(keep).map_or(base, |g| g.start);
        p.glyphs.truncate(keep);
        p.glyphs.push(Glyph {
            text: "…".into(),
            width: 1,
            start: at,
            end: at,
        });
        p = Prepared::rejoin(p.glyphs);
    }
    let info = match mode {
        BidiMode::App => Some(ParagraphBidiInfo::new(&p.joined, level)),
        BidiMode::Terminal => None,
    };
    let n = p.glyphs.len();
    let mut line = p.line(info.as_ref(), (0, n), width);
    // A line whose text was all spaces is still one (empty) line.
    line.glyphs.retain(|g| g.width > 0);
    line
}

impl Prepared {
    fn rejoin(glyphs: Vec<Glyph>) -> Self {
        let mut joined = String::new();
        let mut offsets = Vec::with_capacity(glyphs.len());
        for g in &glyphs {
            offsets.push(joined.len());
            joined.push_str(&g.text);
        }
        Prepared {
            glyphs,
            offsets,
            joined,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_around_keeps_the_expression_and_whole_words() {
        let text = "one two three four five six seven eight nine ten";
        let at = text.find("six").unwrap();
        let line = layout_around(text, 100, (100 + at, 100 + at + 3), 20, BidiMode::App);
        let shown = line_text(&line);
        assert!(shown.contains("six"), "{shown}");
        assert!(
            shown.starts_with('…') && shown.trim_end().ends_with('…'),
            "{shown}"
        );
        assert!(line.width() <= 20);
        assert!(
            !shown.contains("on…") && !shown.contains("…ne"),
            "whole words: {shown}"
        );
        // Short text: the whole of it, as layout_truncated gives.
        let short = layout_around("a b", 0, (2, 3), 20, BidiMode::App);
        assert_eq!(line_text(&short), "a b");
        // The expression alone too wide: its start is kept.
        let cut = layout_around(text, 0, (at, text.len()), 8, BidiMode::App);
        assert!(line_text(&cut).starts_with("six"), "{}", line_text(&cut));
        // Arabic: the expression stays, right to left.
        let ar = "قال الوزير إن الوفد وصل يوم الخميس إلى العاصمة بعد رحلة طويلة";
        let e = ar.find("يوم الخميس").unwrap();
        let l = layout_around(ar, 0, (e, e + "يوم الخميس".len()), 24, BidiMode::App);
        assert!(l.glyphs.iter().any(|g| g.overlaps(e, e + 1)));
        assert!(l.width() <= 24);
    }

    /// The cells of a line as plain text (indent included).
    fn line_text(line: &VisualLine) -> String {
        let mut s = " ".repeat(usize::from(line.indent));
        for g in &line.glyphs {
            s.push_str(&g.text);
        }
        s
    }

    fn unshaped(line: &VisualLine) -> String {
        use unicode_normalization::UnicodeNormalization;
        line_text(line).nfkc().collect()
    }

    #[test]
    fn arabic_line_is_reversed_and_right_aligned() {
        let lines = layout_paragraph("يوم الخميس", 0, 20, BidiMode::App);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].indent, 10);
        assert_eq!(unshaped(&lines[0]).trim(), "سيمخلا موي");
    }

    #[test]
    fn digits_and_latin_keep_their_order_inside_arabic() {
        let l = &layout_paragraph("يوم الخميس (6 يناير 2022) مع (CSTO)", 0, 60, BidiMode::App)[0];
        assert_eq!(unshaped(l).trim(), "(CSTO) عم (2022 رياني 6) سيمخلا موي");
    }

    #[test]
    fn harakat_stay_on_their_letter() {
        let l = &layout_paragraph("سُمع", 0, 10, BidiMode::App)[0];
        let texts: Vec<&str> = l.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts.len(), 3);
        assert!(texts[2].ends_with('\u{064F}'));
    }

    #[test]
    fn wraps_in_logical_order() {
        let lines = layout_paragraph("واحد اثنان ثلاثة", 0, 11, BidiMode::App);
        assert_eq!(lines.len(), 2);
        assert_eq!(unshaped(&lines[0]).trim(), "نانثا دحاو");
        // The lam-alef ligature is one cell; it reads back as logical "لا".
        assert_eq!(unshaped(&lines[1]).trim(), "ةثلاث");
    }

    #[test]
    fn terminal_mode_sends_logical_text() {
        let l = &layout_paragraph("يوم الخميس", 0, 20, BidiMode::Terminal)[0];
        assert_eq!(line_text(l), "يوم الخميس");
    }

    #[test]
    fn truncation_keeps_the_beginning() {
        let l = layout_truncated("abc def ghi", 0, 6, BidiMode::App);
        assert_eq!(line_text(&l), "abc d…");
        let l = layout_truncated("واحد اثنان", 0, 6, BidiMode::App);
        assert_eq!(unshaped(&l), " ...دحاو"); // NFKC spells the ellipsis out
    }

    #[test]
    fn glyphs_keep_source_ranges() {
        let text = "قال يوم الخميس";
        let start = text.find("الخميس").unwrap();
        let l = &layout_paragraph(text, 100, 40, BidiMode::App)[0];
        let hit: Vec<&Glyph> = l
            .glyphs
            .iter()
            .filter(|g| g.overlaps(100 + start, 100 + text.len()))
            .collect();
        assert_eq!(hit.len(), 6);
    }
}
