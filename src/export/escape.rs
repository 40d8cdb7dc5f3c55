//! Escaping article text for each place an export puts it.
//!
//! An article is untrusted: it may carry HTML (`<script>`, `</script>`), Markdown syntax,
//! terminal escape sequences, bidi overrides that reorder whatever follows them, or cells a
//! spreadsheet would run. Every export passes article text through one of these functions so
//! that the program reading the export shows that text as text and nothing else.

/// True for characters that act instead of showing: C0/C1 controls other than line ends and
/// tabs, and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
/// would reorder the text after them in any viewer.
pub fn is_hostile(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Writes hostile characters (see [`is_hostile`]) as visible `\u{1b}` escapes, so a reader
/// sees that the article had them and nothing acts on the terminal or the page. Line ends and
/// tabs stay.
pub fn visible_controls(s: &str) -> String {
    if !s.contains(is_hostile) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_hostile(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes text for HTML content and quoted attribute values (`& < > " '`), with hostile
/// characters made visible (as in [`visible_controls`], between U+200E marks so the escape
/// keeps its order inside right-to-left text).
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            // Between left-to-right marks, so the escape reads `\u{202e}` in Arabic text too.
            c if is_hostile(c) => out.push_str(&format!("\u{200E}\\u{{{:x}}}\u{200E}", c as u32)),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Makes serialised JSON safe to paste inside an HTML `<script>` element: `<`, `>` and `&`
/// become `\u003c` … (so `</script>` or `<!--` in an article cannot end or confuse the
/// element), and U+2028/U+2029 are escaped for older JavaScript parsers. Those characters only
/// occur inside JSON strings, where the escapes mean the same thing.
pub fn json_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for one line of Markdown: HTML is written as entities (`&lt;script&gt;` shows
/// as text in every renderer), inline syntax (`* _ [ ] ` \ | ~ !`) is backslash-escaped, a line
/// start that would open a list, heading, quote or numbered item is escaped too, runs of white space
/// (line breaks included) become one space, and hostile characters are made visible.
pub fn markdown(s: &str) -> String {
    let s = visible_controls(s);
    let mut one_line = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            one_line.push(c);
        } else if !one_line.ends_with(' ') {
            one_line.push(' ');
        }
    }
    let mut out = String::with_capacity(one_line.len() + 16);
    // "1. " or "1) " at the start would number a list.
    let digits = one_line.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in one_line.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i == digits && digits > 0 => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_leaves_no_markup_and_shows_overrides() {
        assert_eq!(
            html("<script>alert('x')</script> & \u{202E}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; \u{200E}\\u{202e}\u{200E}"
        );
    }

    #[test]
    fn json_for_script_cannot_close_the_element() {
        let json = serde_json::to_string("</script><!--\u{2028}").unwrap();
        let safe = json_for_script(&json);
        assert!(!safe.contains('<') && !safe.contains('\u{2028}'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><!--\u{2028}");
    }

    #[test]
    fn markdown_escapes_syntax_and_line_starts() {
        assert_eq!(markdown("# a *b* <i>"), "\\# a \\*b\\* &lt;i&gt;");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("12. item"), "12\\. item");
        assert_eq!(markdown("a\n> b"), "a &gt; b");
        assert_eq!(markdown("2022-01-06"), "2022-01-06");
    }
}
