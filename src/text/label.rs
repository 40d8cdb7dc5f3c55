//! The label of an event: the start of its sentence, cut at a word boundary, for one list row
//! or one line of an export.

/// How many characters a label keeps from its sentence.
const LABEL_CHARS: usize = 64;

/// Where a sentence's label ends: `None` when the whole sentence fits in a label (64
/// characters), else the byte offset of the last white space within them (or the cut itself,
/// for one endless word). Exports that show a label and then the rest of the sentence cut here
/// too.
pub fn label_cut(sentence: &str) -> Option<usize> {
    // Look only at the head: sentences can be long, and labels are built for every event.
    let (i, _) = sentence.char_indices().nth(LABEL_CHARS)?;
    let head = &sentence[..i];
    Some(head.rfind(char::is_whitespace).unwrap_or(i))
}

/// The label's words, each once, and whether the sentence was cut (the label then ends in
/// `…`): what [`label`] joins with single spaces, for writers that copy them straight out.
pub fn label_words(sentence: &str) -> (std::str::SplitWhitespace<'_>, bool) {
    let cut = label_cut(sentence);
    let head = &sentence[..cut.unwrap_or(sentence.len())];
    (head.split_whitespace(), cut.is_some())
}

/// The label of a sentence: its head, white space folded to single spaces.
pub fn label(sentence: &str) -> String {
    let (words, cut) = label_words(sentence);
    let mut out = String::with_capacity(sentence.len().min(4 * LABEL_CHARS) + 3);
    for (k, word) in words.enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if cut {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cut_long_sentences_at_a_word() {
        assert_eq!(label("  قصير\tجدا  "), "قصير جدا");
        let long = "كلمة ".repeat(40);
        let l = label(&long);
        assert!(
            l.ends_with('…') && l.chars().count() <= LABEL_CHARS + 1,
            "{l}"
        );
        assert!(!l.contains("  "));
    }
}
