//! How alike two sentences are, by the content words they share: the one measure behind
//! grouping one report across articles and finding a review's sentence after an edit.

use std::collections::HashSet;

/// The words of a normalised sentence that carry content: runs of letters and digits, three
/// characters or more (particles and single-letter clitics say nothing about the report).
pub fn content_words(normalized: &str) -> HashSet<&str> {
    normalized
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .collect()
}

/// The share of the smaller set's words the other has too: 1 when one sentence's content is
/// all in the other, 0 when they share none or either has none.
pub fn shared_share(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / smaller as f64
}

/// [`shared_share`] of two normalised sentences.
pub fn likeness(a: &str, b: &str) -> f64 {
    shared_share(&content_words(a), &content_words(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likeness_counts_shared_content_words_of_the_shorter_sentence() {
        assert_eq!(
            likeness("قال الوزير إن الخطة جاهزة", "قال الوزير إن الخطة جاهزة"),
            1.0
        );
        // Two of the shorter one's three content words (قال الوزير الخطة).
        let s = likeness("قال الوزير الخطة", "قال الوزير في بيان إن الموازنة جاهزة");
        assert!((s - 2.0 / 3.0).abs() < 1e-9, "{s}");
        // Short words do not count: "في" and "إن" are shared but say nothing.
        assert_eq!(likeness("في إن", "في إن"), 0.0);
        assert_eq!(likeness("", "قال الوزير"), 0.0);
    }
}
