//! The time strip: where the events fall in time, at a glance.
//!
//! Time runs left to right in proportion, but one article can mention 1989–2019 beside a week
//! of January 2022; drawn to one scale, the week would be a single column. So events are
//! grouped into clusters separated by gaps longer than [`BREAK_DAYS`], each cluster gets its
//! own share of the width and its own scale, and a visible break (`≈`) separates them.
//! Clusters are found once per timeline; columns once per width.

use crate::model::Event;
use chrono::{Datelike, NaiveDate};

/// A gap longer than this (in days) between events starts a new cluster with its own scale.
pub const BREAK_DAYS: i64 = 180;
/// Cells taken by a break between clusters.
const BREAK_WIDTH: u16 = 3;
/// Narrowest useful cluster; with less room, the closest clusters are merged.
const MIN_SEGMENT: u16 = 12;

/// Day number of a date, for arithmetic.
fn day(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// A run of events close together in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cluster {
    first: i64,
    last: i64,
}

/// The clusters of a timeline (width independent).
#[derive(Debug, Clone, Default)]
pub struct TimeStrip {
    clusters: Vec<Cluster>,
}

/// One cluster placed on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// First column.
    pub x: u16,
    /// Columns taken.
    pub width: u16,
    /// First day shown.
    pub first: NaiveDate,
    /// Last day shown.
    pub last: NaiveDate,
}

/// What a column of the strip shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// No event here.
    Empty,
    /// Inside a multi-day event.
    Range,
    /// One or more events start or fall here.
    Point,
}

/// The strip laid out at one width.
#[derive(Debug, Clone, Default)]
pub struct StripLayout {
    /// The clusters, left to right.
    pub segments: Vec<Segment>,
    /// One mark per column.
    pub marks: Vec<Mark>,
}

impl TimeStrip {
    /// Groups the resolved events into clusters.
    pub fn new(events: &[Event]) -> Self {
        let mut spans: Vec<(i64, i64)> = events
            .iter()
            .filter_map(|e| Some((day(e.date.start?), day(e.date.end?))))
            .collect();
        spans.sort_unstable();
        let mut clusters: Vec<Cluster> = Vec::new();
        for (a, b) in spans {
            match clusters.last_mut() {
                Some(c) if a - c.last <= BREAK_DAYS => c.last = c.last.max(b),
                _ => clusters.push(Cluster { first: a, last: b }),
            }
        }
        TimeStrip { clusters }
    }

    /// Places the clusters in `width` columns and marks where events fall.
    pub fn layout(&self, events: &[Event], width: u16) -> StripLayout {
        let mut clusters = self.clusters.clone();
        let fits = |n: usize| {
            n <= 1 || u32::from(width) >= n as u32 * u32::from(MIN_SEGMENT + BREAK_WIDTH)
        };
        while !fits(clusters.len()) {
            // Merge the two clusters with the smallest gap between them.
            let i = (0..clusters.len() - 1)
                .min_by_key(|&i| clusters[i + 1].first - clusters[i].last)
                .unwrap_or(0);
            clusters[i].last = clusters[i + 1].last;
            clusters.remove(i + 1);
        }
        let n = clusters.len() as u16;
        if n == 0 || width == 0 {
            return StripLayout::default();
        }
        let room = width.saturating_sub(BREAK_WIDTH * (n - 1));
        let mut segments = Vec::with_capacity(clusters.len());
        let mut x = 0;
        for (i, c) in clusters.iter().enumerate() {
            let w = room / n + u16::from((i as u16) < room % n);
            segments.push(Segment {
                x,
                width: w,
                first: NaiveDate::from_num_days_from_ce_opt(c.first as i32).unwrap_or_default(),
                last: NaiveDate::from_num_days_from_ce_opt(c.last as i32).unwrap_or_default(),
            });
            x += w + BREAK_WIDTH;
        }
        let mut layout = StripLayout {
            segments,
            marks: vec![Mark::Empty; usize::from(width)],
        };
        for e in events {
            let (Some(a), Some(b)) = (e.date.start, e.date.end) else {
                continue;
            };
            let (Some(ca), Some(cb)) = (layout.column(a), layout.column(b)) else {
                continue;
            };
            for c in ca + 1..=cb {
                if layout.marks[usize::from(c)] == Mark::Empty {
                    layout.marks[usize::from(c)] = Mark::Range;
                }
            }
            layout.marks[usize::from(ca)] = Mark::Point;
        }
        layout
    }
}

impl StripLayout {
    /// The column of a day, if it lies in a cluster.
    pub fn column(&self, d: NaiveDate) -> Option<u16> {
        let s = self.segments.iter().find(|s| s.first <= d && d <= s.last)?;
        let span = day(s.last) - day(s.first);
        if span == 0 {
            return Some(s.x + s.width.saturating_sub(1) / 2);
        }
        let off = (day(d) - day(s.first)) * i64::from(s.width.saturating_sub(1)) / span;
        Some(s.x + off as u16)
    }

    /// Columns where breaks are drawn (the middle of each gap between segments).
    pub fn breaks(&self) -> impl Iterator<Item = u16> + '_ {
        self.segments
            .windows(2)
            .map(|w| w[0].x + w[0].width + BREAK_WIDTH / 2)
    }
}

/// The short labels at the two ends of a segment, at a grain that suits its length.
pub fn segment_labels(s: &Segment) -> (String, String) {
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = day(s.last) - day(s.first);
    let f = |d: NaiveDate| -> String {
        if days >= 730 {
            d.year().to_string()
        } else if days >= 60 {
            format!("{} {}", MON[d.month0() as usize], d.year())
        } else {
            format!("{} {} {}", d.day(), MON[d.month0() as usize], d.year())
        }
    };
    (f(s.first), f(s.last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn ev(a: (i32, u32, u32), b: (i32, u32, u32)) -> Event {
        let d = |(y, m, dd): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, dd);
        Event {
            id: String::new(),
            document: String::new(),
            date: EventDate {
                value: String::new(),
                start: d(a),
                end: d(b),
                precision: Precision::Day,
                part_of_day: None,
                approximate: false,
                uncertain: false,
                modifier: None,
                reason: String::new(),
            },
            expression: Quote {
                text: String::new(),
                start: 0,
                end: 0,
            },
            sentence: SentenceQuote {
                text: String::new(),
                start: 0,
                end: 0,
                index: 0,
            },
            label: String::new(),
            review: None,
            group: None,
            order_hint: 0,
        }
    }

    #[test]
    fn far_ranges_get_their_own_segment_and_a_break() {
        let events = [
            ev((1989, 1, 1), (2019, 12, 31)),
            ev((2022, 1, 1), (2022, 1, 1)),
            ev((2022, 1, 6), (2022, 1, 6)),
        ];
        let l = TimeStrip::new(&events).layout(&events, 60);
        assert_eq!(l.segments.len(), 2);
        assert_eq!(l.breaks().count(), 1);
        let jan1 = l
            .column(NaiveDate::from_ymd_opt(2022, 1, 1).unwrap())
            .unwrap();
        let jan6 = l
            .column(NaiveDate::from_ymd_opt(2022, 1, 6).unwrap())
            .unwrap();
        assert!(jan1 < jan6, "time runs left to right in proportion");
        assert_eq!(l.marks[usize::from(jan6)], Mark::Point);
        assert_eq!(l.marks[5], Mark::Range, "inside 1989–2019");
    }

    #[test]
    fn too_many_clusters_merge_to_fit() {
        let events: Vec<Event> = (0..40)
            .map(|y| ev((1900 + y, 1, 1), (1900 + y, 1, 1)))
            .collect();
        let l = TimeStrip::new(&events).layout(&events, 60);
        assert!(l.segments.len() <= 4, "{}", l.segments.len());
        assert!(l.segments.iter().all(|s| s.width >= MIN_SEGMENT));
    }
}
