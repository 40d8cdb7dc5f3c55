//! Merging documents: events that several articles report on the same days with closely
//! matching sentences form one group, so the editor sees the story once and can expand its
//! sources, and nothing is lost.

use std::collections::HashSet;

use crate::lang::normalize;
use crate::model::Event;
use crate::text::likeness::{content_words, likeness, shared_share};

/// How much of the shorter sentence's words the other must share to count as the same report.
const SHARED_WORDS: f64 = 0.6;

/// True when two sentences share most of the shorter one's content words.
pub fn closely_matching(a: &str, b: &str) -> bool {
    likeness(&normalize(a), &normalize(b)) >= SHARED_WORDS
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
    // One document only: nothing to group (and nothing to normalise).
    if n < 2 || run.iter().all(|e| e.document == run[0].document) {
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
    fn union(parent: &mut [usize], i: usize, j: usize) {
        let (a, b) = (root(parent, i), root(parent, j));
        parent[a.max(b)] = a.min(b);
    }
    // Compare each distinct set of content words once, not every pair of events: 10,000
    // copies of one wire story on one day made n² comparisons, each normalising both
    // sentences again (minutes for 2,000 files). Events with the same words match each other;
    // they are linked when they come from two documents or more, and two matching sets link
    // all their events unless both sets come from one and the same document.
    let mut keys: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
    {
        let mut index: std::collections::HashMap<Vec<String>, usize> = Default::default();
        // The same sentence (a wire story in many files) is normalised once.
        let mut by_text: std::collections::HashMap<&str, usize> = Default::default();
        for (i, e) in run.iter().enumerate() {
            if let Some(&k) = by_text.get(e.sentence.text.as_str()) {
                keys[k].1.push(i);
                continue;
            }
            let folded = normalize(&e.sentence.text);
            let mut words: Vec<String> = content_words(&folded)
                .into_iter()
                .map(str::to_string)
                .collect();
            words.sort_unstable();
            let k = *index.entry(words.clone()).or_insert_with(|| {
                keys.push((words, Vec::new()));
                keys.len() - 1
            });
            keys[k].1.push(i);
            by_text.insert(&e.sentence.text, k);
        }
    }
    // The one document all of a key's events come from, if they do.
    let single: Vec<Option<&str>> = keys
        .iter()
        .map(|(_, m)| {
            let d = run[m[0]].document.as_str();
            m.iter().all(|&i| run[i].document == d).then_some(d)
        })
        .collect();
    let sets: Vec<HashSet<&str>> = keys
        .iter()
        .map(|(w, _)| w.iter().map(String::as_str).collect())
        .collect();
    for (k, (words, members)) in keys.iter().enumerate() {
        if single[k].is_none() && !words.is_empty() {
            for &i in &members[1..] {
                union(&mut parent, members[0], i);
            }
        }
    }
    for a in 0..keys.len() {
        for b in (a + 1)..keys.len() {
            if single[a].is_some() && single[a] == single[b] {
                continue;
            }
            if shared_share(&sets[a], &sets[b]) >= SHARED_WORDS {
                let first = keys[a].1[0];
                for &i in keys[a].1.iter().chain(&keys[b].1) {
                    union(&mut parent, first, i);
                }
            }
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| root(&mut parent, i)).collect();
    let mut sizes = vec![0usize; n];
    for &r in &roots {
        sizes[r] += 1;
    }
    for i in 0..n {
        let r = roots[i];
        if sizes[r] > 1 {
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
