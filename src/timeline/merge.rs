//! Merging documents: events that several articles report on the same days with closely
//! matching sentences form one group, so the editor sees the story once and can expand its
//! sources, and nothing is lost.

use std::collections::HashSet;

use super::model::Event;
use crate::text::normalize::normalize;

/// How much of the shorter sentence's words the other must share to count as the same report.
const SHARED_WORDS: f64 = 0.6;

/// Words of a sentence that carry content: normalised, three letters or more.
fn content_words(sentence: &str) -> HashSet<String> {
    normalize(sentence)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_string)
        .collect()
}

/// True when two sentences share most of the shorter one's content words.
pub fn closely_matching(a: &str, b: &str) -> bool {
    let (wa, wb) = (content_words(a), content_words(b));
    let shorter = wa.len().min(wb.len());
    if shorter == 0 {
        return false;
    }
    let shared = wa.intersection(&wb).count();
    shared as f64 / shorter as f64 >= SHARED_WORDS
}

/// Sets `group` on events of different documents that share their days and closely match.
/// `events` must be sorted by days (as the timeline is).
pub fn group_reports(events: &mut [Event]) {
    let mut run_start = 0;
    while run_start < events.len() {
        let days = (events[run_start].date.start, events[run_start].date.end);
        let mut run_end = run_start + 1;
        while run_end < events.len()
            && (events[run_end].date.start, events[run_end].date.end) == days
        {
            run_end += 1;
        }
        if days.0.is_some() {
            group_run(&mut events[run_start..run_end]);
        }
        run_start = run_end;
    }
}

/// Within events of the same days: union-find over matching pairs from different documents.
fn group_run(run: &mut [Event]) {
    let n = run.len();
    if n < 2 {
        return;
    }
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..n {
        for j in (i + 1)..n {
            if run[i].document != run[j].document
                && closely_matching(&run[i].sentence.text, &run[j].sentence.text)
            {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| root(&mut parent, i)).collect();
    for i in 0..n {
        let r = roots[i];
        if roots.iter().filter(|&&x| x == r).count() > 1 {
            run[i].group = Some(run[r].id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_of_one_report_match_and_other_news_does_not() {
        assert!(closely_matching(
            "وأكد قاسم جومارت توكاييف الأربعاء أن العصابات الإرهابية تقود المظاهرات.",
            "أكد الرئيس قاسم جومارت توكاييف يوم الأربعاء أن عصابات إرهابية تقود المظاهرات في البلاد."
        ));
        assert!(!closely_matching(
            "وأكد قاسم جومارت توكاييف الأربعاء أن العصابات الإرهابية تقود المظاهرات.",
            "ودعت موسكو الأربعاء إلى حل الأزمة من خلال الحوار."
        ));
    }
}
