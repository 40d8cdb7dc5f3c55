//! The list filter typed after `&` (as in less): words, a day or a range of days, documents,
//! a review status and doubt, all of which an event must match.
//!
//! `ليل 2022-01-05..2022-01-07 doc:reuters flagged doubtful`: the words as search finds them
//! (see [`super::search`]), the days overlapping the range (one ISO day is a range of one),
//! `doc:` a part of the document's name, `verified` / `flagged` / `unreviewed`, and `doubtful`
//! (a warning or an uncertain date).

use super::doubt;
use super::search;
use crate::lang::normalize;
use crate::model::{Event, ReviewStatus};
use chrono::NaiveDate;

/// A parsed list filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// As typed.
    pub raw: String,
    words: Vec<String>,
    days: Option<(NaiveDate, NaiveDate)>,
    documents: Vec<String>,
    status: Option<ReviewStatus>,
    doubtful: bool,
}

fn iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

impl ListQuery {
    /// Reads a filter; `None` when it is empty (no filter).
    pub fn parse(raw: &str) -> Option<ListQuery> {
        let mut q = ListQuery {
            raw: raw.trim().to_string(),
            ..ListQuery::default()
        };
        for token in raw.split_whitespace() {
            let lower = token.to_lowercase();
            let range = token
                .split_once("..")
                .and_then(|(a, b)| Some((iso(a)?, iso(b)?)))
                .or_else(|| iso(token).map(|d| (d, d)));
            let status = ReviewStatus::ALL
                .into_iter()
                .find(|s| lower == s.name() || lower == s.mark().trim());
            match lower.as_str() {
                _ if status.is_some() => q.status = status,
                "doubtful" | "doubt" | "⚠" | "?" => q.doubtful = true,
                _ if lower.starts_with("doc:") => q.documents.push(lower[4..].to_string()),
                _ if range.is_some() => q.days = range,
                _ => q.words.push(normalize(token)),
            }
        }
        (!q.raw.is_empty()).then_some(q)
    }

    /// Whether the list shows `e`, with its [`search::haystack`] and whether it has a warning.
    pub fn keeps(&self, e: &Event, haystack: &str, warned: bool) -> bool {
        let status = e
            .review
            .as_ref()
            .map_or(ReviewStatus::Unreviewed, |r| r.status);
        let days_ok = self
            .days
            .is_none_or(|(a, b)| match (e.date.start, e.date.end) {
                (Some(s), Some(t)) => s <= b && a <= t,
                _ => false,
            });
        // Cheapest first: a filter key runs this over every event.
        days_ok
            && self.status.is_none_or(|s| s == status)
            && (!self.doubtful || doubt::doubtful(e, warned))
            && (self.documents.is_empty() || {
                let doc = e.document.to_lowercase();
                self.documents.iter().all(|d| doc.contains(d.as_str()))
            })
            && self.words.iter().all(|w| search::matches(haystack, w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_reads_its_terms() {
        assert_eq!(ListQuery::parse("  "), None);
        let q =
            ListQuery::parse("ليل 2022-01-05..2022-01-07 doc:Reuters flagged doubtful").unwrap();
        assert_eq!(q.words, vec![normalize("ليل")]);
        assert_eq!(
            q.days,
            Some((iso("2022-01-05").unwrap(), iso("2022-01-07").unwrap()))
        );
        assert_eq!(q.documents, vec!["reuters"]);
        assert_eq!(q.status, Some(ReviewStatus::Flagged));
        assert!(q.doubtful);
    }
}
