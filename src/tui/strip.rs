//! Making article text safe to put on a terminal.
//!
//! Articles come from the web and can carry anything: escape sequences that would reprogram the
//! terminal, C1 controls, and bidi overrides that would scramble the line the app already laid
//! out. Every character passes through [`display_char`] before it reaches a cell, so nothing
//! that came from the article can act on the terminal.

/// What one article character becomes on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Shown as itself (or as a visible stand-in, e.g. `␛` for ESC).
    Char(char),
    /// Removed: invisible formatting that only affects layout (bidi overrides, marks, BOM).
    Drop,
}

/// Maps one character to what is safe to display.
///
/// C0 controls become their Control Pictures (`␛`, `␀`, …) so an editor can see that the article
/// carried them; C1 controls become `�`; tab and line/paragraph separators become a space; bidi
/// embeddings, overrides, isolates and marks are dropped, because the app does its own reordering
/// and a stray override would reverse a whole line behind its back. Joiners (ZWJ, ZWNJ) are kept
/// here because shaping needs them; the layout drops them once letters are joined.
pub fn display_char(c: char) -> Shown {
    match c {
        '\t' | '\u{2028}' | '\u{2029}' | '\n' | '\r' => Shown::Char(' '),
        '\u{0}'..='\u{1F}' => Shown::Char(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7F}' => Shown::Char('\u{2421}'),
        '\u{80}'..='\u{9F}' => Shown::Char('\u{FFFD}'),
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{200B}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{00AD}' => Shown::Drop,
        _ => Shown::Char(c),
    }
}

/// A whole string made safe for the screen (for short texts that need no position map).
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter_map(|c| match display_char(c) {
            Shown::Char(d) => Some(d),
            Shown::Drop => None,
        })
        .filter(|c| !matches!(c, '\u{200C}' | '\u{200D}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_overrides_never_pass() {
        let s = sanitize("a\u{1b}[2Jb\u{202E}c\u{2067}d\u{85}e\u{7}f");
        assert_eq!(s, "a␛[2Jbcd\u{FFFD}e␇f");
        assert!(!s.chars().any(|c| c.is_control()));
    }
}
