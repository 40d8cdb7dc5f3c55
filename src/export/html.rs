//! `--format html`: the timeline as one self-contained page.
//!
//! One file with its style and a small script inline: no fonts, scripts or images from the
//! network (a Content-Security-Policy forbids every fetch, and runs no script but the page's
//! own, by its hash), so it opens from a mail attachment or a CMS upload as it is. The page is Arabic-first: `<html lang="ar" dir="rtl">`, time runs
//! from right to left, and every English part (dates in words, how a date was resolved) is its
//! own `dir="ltr"` element, so punctuation stays at the right end of each.
//!
//! - The axis opens at the scale of the story: dates close together (gaps up to
//!   [`BREAK_DAYS`]) form a cluster drawn to its own scale, the cluster with the most events
//!   takes most of the width (a day per column when it spans a month or less), and far ranges
//!   (1989–2019) are narrow clusters behind a visible break (`≈`), like the viewer's strip.
//! - Each event: its date in words (with `about`, `night of`, and an `uncertain` badge when the
//!   resolution may be off), the article's phrase, the sentence with the expression marked, how
//!   the date was resolved, the review status and note, and its document.
//! - Filters by document and by review status; keyboard: Tab through the filters and the
//!   events (the axis marks are not Tab stops, or a long timeline would take thousands of
//!   presses to reach its first event), `j`/`k` (or ↓/↑ on an event) to the next/previous shown
//!   event, the axis marking the focused one; a click on an axis mark jumps to its event.
//!   Without script every event is simply shown.
//! - Printed, the filters and the axis give way to the events (one card never split over two
//!   pages), with the filter in force said at the top.
//!
//! The markup is also well-formed XML (void elements closed, the script in a CDATA section),
//! so XML tools can read the page too. All article text goes through [`html`]: a hostile article (`<script>`, `</script>`, bidi
//! overrides, formula cells) changes nothing but text.

use std::fmt::Write as _;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::escape::html;
use super::words::{anchor_words, date_heading, event_status, headline, review_parts};
use crate::model::{Event, ReviewStatus, Timeline};
use crate::resolve::calendar::{month_name, weekday_name};

/// A gap longer than this many days between dates breaks the axis (as in the viewer's strip).
pub const BREAK_DAYS: i64 = 180;
/// Share of the axis width (in percent) a cluster other than the story's own gets.
const FAR_SHARE: u32 = 12;
/// Warnings shown unfolded, at most; more are folded under their count.
const OPEN_WARNINGS: usize = 3;
/// Rows of marks on the axis, at most; more overlapping events share the last row.
const MAX_LANES: usize = 6;
/// A cluster spanning at most this many days is drawn with one labelled column per day.
const DAY_COLUMNS: i64 = 31;

/// The sentence's bytes `range` as HTML, with the part that is the event's expression inside
/// `<mark>`. Ranges that split a character fall back to the whole range unmarked.
pub fn marked(e: &Event, range: Range<usize>) -> String {
    let text = &e.sentence.text;
    let Some(part) = text.get(range.clone()) else {
        return html(text);
    };
    let a = e
        .expression
        .start
        .saturating_sub(e.sentence.start)
        .clamp(range.start, range.end);
    let b = e
        .expression
        .end
        .saturating_sub(e.sentence.start)
        .clamp(a, range.end);
    match (
        text.get(range.start..a),
        text.get(a..b),
        text.get(b..range.end),
    ) {
        (Some(before), Some(expr), Some(after)) if !expr.is_empty() => {
            format!("{}<mark>{}</mark>{}", html(before), html(expr), html(after))
        }
        _ => html(part),
    }
}

/// Day number, for arithmetic.
fn day(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn date_of(n: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n as i32).unwrap_or_default()
}

/// The element id of an event's card (ids may hold any character but white space).
fn card_id(index: usize) -> String {
    format!("event-{}", index + 1)
}

/// A run of dates close together, and the events in it.
struct Cluster {
    first: i64,
    last: i64,
    events: Vec<usize>,
}

/// Groups the resolved events (by index) into clusters separated by gaps over [`BREAK_DAYS`].
fn clusters(events: &[Event]) -> Vec<Cluster> {
    let mut spans: Vec<(i64, i64, usize)> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((day(e.date.start?), day(e.date.end?), i)))
        .collect();
    spans.sort_unstable();
    let mut out: Vec<Cluster> = Vec::new();
    for (a, b, i) in spans {
        match out.last_mut() {
            Some(c) if a - c.last <= BREAK_DAYS => {
                c.last = c.last.max(b);
                c.events.push(i);
            }
            _ => out.push(Cluster {
                first: a,
                last: b,
                events: vec![i],
            }),
        }
    }
    out
}

/// A short date for axis labels: "6 Jan 2022", or the year alone for long clusters.
fn short_date(d: NaiveDate, long: bool) -> String {
    if long {
        d.year().to_string()
    } else {
        format!("{} {} {}", d.day(), &month_name(d.month())[..3], d.year())
    }
}

/// The axis: clusters right to left (earliest at the right), each to its own scale.
fn axis(t: &Timeline, out: &mut String) {
    let clusters = clusters(&t.events);
    if clusters.is_empty() {
        return;
    }
    // The story's own cluster: the most events, the latest on a tie.
    let main = (0..clusters.len())
        .max_by_key(|&i| (clusters[i].events.len(), i))
        .unwrap_or(0);
    let far = (clusters.len() - 1) as u32;
    let far_share = 40u32
        .checked_div(far)
        .map_or(0, |share| FAR_SHARE.min(share));
    let _ = write!(
        out,
        "<nav class=\"axis\" aria-label=\"Time axis\" lang=\"en\"><div class=\"segments\">"
    );
    for (k, c) in clusters.iter().enumerate() {
        if k > 0 {
            let gap = c.first - clusters[k - 1].last;
            let (n, unit) = if gap >= 365 {
                (gap / 365, "year")
            } else {
                (gap / 30, "month")
            };
            let words = format!("{n} {unit}{} later", if n == 1 { "" } else { "s" });
            let _ = write!(
                out,
                "<div class=\"break\" title=\"{words}\" aria-label=\"break: {words}\">≈</div>"
            );
        }
        let grow = if k == main {
            100 - far_share * far
        } else {
            far_share
        };
        let span = c.last - c.first + 1;
        let long = span > 2 * 366;
        let mut marks = String::new();
        // Lanes so that overlapping events do not cover each other.
        let mut lanes: Vec<i64> = Vec::new();
        for &i in &c.events {
            let e = &t.events[i];
            let (Some(s), Some(end)) = (e.date.start, e.date.end) else {
                continue;
            };
            let (s, end) = (day(s), day(end));
            // Past MAX_LANES, events share the last lane rather than make the axis tall.
            let lane = match lanes.iter().position(|&l| l < s) {
                Some(free) => free,
                None if lanes.len() < MAX_LANES => {
                    lanes.push(end);
                    lanes.len() - 1
                }
                None => MAX_LANES - 1,
            };
            lanes[lane] = lanes[lane].max(end);
            let at = (s - c.first) as f64 * 100.0 / span as f64;
            let width = (end - s + 1) as f64 * 100.0 / span as f64;
            let _ = write!(
                marks,
                "<a class=\"mark{}\" href=\"#{id}\" tabindex=\"-1\" data-event=\"{id}\" style=\"inset-inline-start:{at:.3}%;width:{width:.3}%;top:{top}em\" title=\"{title}\"><span class=\"sr\">{title}</span></a>",
                if end > s { " range" } else { "" },
                id = card_id(i),
                top = 0.2 + lane as f64 * 0.9,
                title = html(&format!(
                    "{} · {}",
                    date_heading(&e.date),
                    e.expression.text
                )),
            );
        }
        let _ = write!(
            out,
            "<div class=\"segment\" style=\"flex-grow:{grow}\"><div class=\"track\" style=\"height:{h:.1}em\">{marks}</div>",
            h = 0.4 + lanes.len().max(1) as f64 * 0.9
        );
        if span <= DAY_COLUMNS && k == main {
            out.push_str("<ol class=\"days\">");
            for n in c.first..=c.last {
                let d = date_of(n);
                let _ = write!(
                    out,
                    "<li><time datetime=\"{d}\">{} {}</time></li>",
                    &weekday_name(d.weekday())[..3],
                    d.day()
                );
            }
            let _ = write!(
                out,
                "</ol><p class=\"ends\"><span>{}</span></p>",
                month_span(date_of(c.first), date_of(c.last))
            );
        } else {
            let _ = write!(
                out,
                "<p class=\"ends\"><span>{}</span><span>{}</span></p>",
                short_date(date_of(c.first), long),
                short_date(date_of(c.last), long)
            );
        }
        out.push_str("</div>");
    }
    out.push_str("</div></nav>\n");
}

/// "January 2022", or "December 2021 – January 2022" when a short cluster spans two months.
fn month_span(first: NaiveDate, last: NaiveDate) -> String {
    let name = |d: NaiveDate| format!("{} {}", month_name(d.month()), d.year());
    if (first.year(), first.month()) == (last.year(), last.month()) {
        name(first)
    } else {
        format!("{} – {}", name(first), name(last))
    }
}

fn header(t: &Timeline, out: &mut String) {
    out.push_str("<header>");
    match t.documents.as_slice() {
        [d] => {
            // `auto`: a headline may be in Latin script (a wire code, an English title).
            let _ = write!(out, "<h1 dir=\"auto\">{}</h1>", html(headline(d)));
        }
        docs => {
            let _ = write!(
                out,
                "<h1 lang=\"en\" dir=\"ltr\">Timeline of {} articles</h1>",
                docs.len()
            );
        }
    }
    out.push_str("<ul class=\"documents\">");
    for d in &t.documents {
        let dated = anchor_words(d);
        let _ = write!(
            out,
            "<li lang=\"en\" dir=\"ltr\"><b>{}</b> · {}",
            html(&d.id),
            html(&dated)
        );
        if t.documents.len() > 1 {
            let _ = write!(
                out,
                "<br/><bdi lang=\"ar\" dir=\"rtl\">{}</bdi>",
                html(headline(d))
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    if !t.warnings.is_empty() {
        // Folded when there are many, so the timeline stays at the top of the page.
        let n = t.warnings.len();
        let _ = write!(
            out,
            "<details class=\"warnings\" lang=\"en\" dir=\"ltr\"{}><summary>{n} warning{} to check</summary><ul>",
            if n <= OPEN_WARNINGS {
                " open=\"open\""
            } else {
                ""
            },
            if n == 1 { "" } else { "s" }
        );
        for w in &t.warnings {
            let _ = write!(out, "<li>{}</li>", html(w));
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</header>\n");
}

fn filters(t: &Timeline, out: &mut String) {
    out.push_str("<form class=\"filters\" lang=\"en\" dir=\"ltr\" aria-label=\"Filters\">");
    if t.documents.len() > 1 {
        out.push_str(
            "<label>Document <select id=\"f-doc\"><option value=\"\">all documents</option>",
        );
        for d in &t.documents {
            let id = html(&d.id);
            let _ = write!(out, "<option value=\"{id}\">{id}</option>");
        }
        out.push_str("</select></label>");
    }
    out.push_str("<fieldset><legend>Review status</legend>");
    for status in ReviewStatus::ALL {
        let n = t
            .events
            .iter()
            .filter(|e| event_status(e) == status)
            .count();
        let s = status.name();
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" class=\"f-status\" value=\"{s}\" checked=\"checked\"/> {s} ({n})</label>"
        );
    }
    let _ = write!(
        out,
        "</fieldset><output id=\"shown\" aria-live=\"polite\">{n} of {n} events shown</output>\
         <p class=\"keys\">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous event, <kbd>Tab</kbd> filters and events; a click on the axis jumps to its event</p></form>",
        n = t.events.len()
    );
    out.push('\n');
}

fn status_of(e: &Event) -> &'static str {
    event_status(e).name()
}

fn card(t: &Timeline, i: usize, e: &Event, out: &mut String) {
    let status = status_of(e);
    let _ = write!(
        out,
        "<li class=\"event status-{status}\" id=\"{id}\" tabindex=\"0\" data-doc=\"{doc}\" data-status=\"{status}\">",
        id = card_id(i),
        doc = html(&e.document),
    );
    let when = date_heading(&e.date);
    // The first day, machine-readable (a range's end is in the words and the value).
    let datetime = e
        .date
        .start
        .map(|s| format!(" datetime=\"{s}\""))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<p class=\"when\" lang=\"en\" dir=\"ltr\"><time{datetime}>{}</time>",
        html(&when)
    );
    if e.date.approximate {
        out.push_str(" <span class=\"badge approximate\">approximate</span>");
    }
    if e.date.uncertain {
        out.push_str(" <span class=\"badge uncertain\" title=\"the text is exact, but the resolution may be off: check it\">uncertain</span>");
    }
    let _ = write!(
        out,
        " <span class=\"value\">{}</span></p>",
        html(&e.date.value)
    );
    let _ = write!(
        out,
        "<p class=\"phrase\"><bdi>{}</bdi></p>",
        html(&e.expression.text)
    );
    let _ = write!(
        out,
        "<blockquote class=\"sentence\">{}</blockquote>",
        marked(e, 0..e.sentence.text.len())
    );
    let _ = write!(
        out,
        "<p class=\"how\" lang=\"en\" dir=\"ltr\">How: {}</p>",
        html(&e.date.reason)
    );
    let review = match review_parts(e) {
        Some((status, corrected, note)) => {
            let mut s = format!("<span class=\"status\">{status}</span>");
            if let Some(c) = corrected {
                let _ = write!(s, " · {}", html(&c));
            }
            if !note.is_empty() {
                let _ = write!(s, " · note: <bdi class=\"note\">{}</bdi>", html(note));
            }
            s
        }
        None => "<span class=\"status\">not reviewed</span>".into(),
    };
    let _ = write!(
        out,
        "<p class=\"review\" lang=\"en\" dir=\"ltr\">Review: {review}</p>"
    );
    let source = if t.documents.len() > 1 {
        format!("{} · ", html(&e.document))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<p class=\"source\" lang=\"en\" dir=\"ltr\">{source}sentence {}</p></li>",
        e.sentence.index + 1
    );
}

/// Renders the timeline as one self-contained HTML page.
pub fn render(t: &Timeline) -> String {
    let title = match t.documents.as_slice() {
        [d] => headline(d).to_string(),
        docs => format!("Timeline of {} articles", docs.len()),
    };
    let mut out = String::with_capacity(4096 + t.events.len() * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_SHA256}'\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"tarikh {}\"/>\n<title>{} — tarikh</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        html(&title)
    );
    header(t, &mut out);
    axis(t, &mut out);
    filters(t, &mut out);
    out.push_str(
        "<p class=\"print-filter\" lang=\"en\" dir=\"ltr\"></p>\n<main><ol class=\"events\">\n",
    );
    for (i, e) in t.events.iter().enumerate() {
        card(t, i, e, &mut out);
    }
    out.push_str("</ol>");
    if t.events.is_empty() {
        out.push_str("<p lang=\"en\" dir=\"ltr\">No dated event was found.</p>");
    }
    let _ = write!(
        out,
        "</main>\n<script>//<![CDATA[{SCRIPT}//]]></script>\n</body>\n</html>\n"
    );
    out
}

/// The page's style: system fonts only, logical properties so right to left needs no mirror.
const STYLE: &str = r#"
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#d0d4da;--accent:#0b57d0;--flag:#b3261e;--ok:#1e7b34;--bg:#fff;--card:#f7f8fa}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1rem 1.25rem 3rem;color:var(--ink);background:var(--bg);font:1.05rem/1.7 "Noto Naskh Arabic","Noto Sans Arabic","Amiri","Geeza Pro","Segoe UI",Tahoma,"DejaVu Sans",sans-serif}
[lang=en]{font-family:system-ui,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;font-size:.92em;line-height:1.5}
h1{font-size:1.45rem;line-height:1.5;margin:.5rem 0}
header ul{list-style:none;padding:0;margin:.25rem 0;color:var(--muted)}
.warnings{color:var(--flag);margin:.25rem 0}
.warnings summary{cursor:pointer;font-weight:600}
.warnings ul{color:var(--ink)}
.axis{margin:1rem 0;padding:.5rem 0;border-block:1px solid var(--line)}
.segments{display:flex;align-items:stretch;gap:0}
.segment{min-width:5rem;flex-basis:0}
.track{position:relative;background:repeating-linear-gradient(to left,transparent 0,transparent calc(100% - 1px),var(--line) 0) ;border-block-end:2px solid var(--ink)}
.break{flex:0 0 2rem;text-align:center;font-size:1.4rem;color:var(--muted);align-self:flex-start}
.mark{position:absolute;display:block;height:.7em;min-width:.7em;border-radius:.35em;background:var(--accent);outline-offset:2px}
.mark.range{background:color-mix(in srgb,var(--accent) 45%,transparent);border:1px solid var(--accent)}
.mark.off{opacity:.15}
.mark[aria-current=true]{background:var(--flag);border-color:var(--flag)}
.days{display:flex;list-style:none;margin:0;padding:0}
.days li{flex:1 1 0;text-align:center;font-size:.8rem;color:var(--muted);border-inline-start:1px solid var(--line)}
.ends{display:flex;justify-content:space-between;margin:0;font-size:.8rem;color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center;margin:.5rem 0 1rem}
.filters fieldset{border:0;margin:0;padding:0;display:flex;gap:.75rem}
.filters legend{float:left;margin-inline-end:.5rem;font-weight:600}
.keys{margin:0;color:var(--muted);display:none}
.js .keys{display:block}
.events{list-style:none;padding:0;margin:0}
.event{content-visibility:auto;contain-intrinsic-size:auto 11rem;background:var(--card);border:1px solid var(--line);border-inline-start:4px solid var(--line);border-radius:.4rem;padding:.6rem .9rem;margin:.6rem 0}
.event:focus{outline:3px solid var(--accent);outline-offset:2px}
.event.status-verified{border-inline-start-color:var(--ok)}
.event.status-flagged{border-inline-start-color:var(--flag)}
.event p{margin:.15rem 0}
.when{font-weight:700;font-size:1rem}
.value{font-weight:400;color:var(--muted);font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em}
.badge{display:inline-block;font-weight:600;font-size:.78em;padding:0 .45em;border-radius:.6em;border:1px solid currentColor}
.badge.approximate{color:#8a5a00}
.badge.uncertain{color:var(--flag)}
.phrase{font-size:1.15rem;font-weight:700;color:var(--accent)}
.sentence{margin:.3rem 0;padding-inline-start:.8rem;border-inline-start:3px solid var(--line)}
mark{background:#fff0a8;color:inherit;font-weight:700;padding:0 .1em;border-radius:.15em}
.how,.review,.source{color:var(--muted)}
.review .status{font-weight:700}
.status-verified .review .status{color:var(--ok)}
.status-flagged .review .status{color:var(--flag)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
[hidden]{display:none!important}
.print-filter{display:none}
@media print{
 body{max-width:none;padding:0;font-size:11pt}
 .filters,.axis{display:none}
 .print-filter:not(:empty){display:block;color:var(--muted)}
 .event{content-visibility:visible;break-inside:avoid;background:none;border-color:#999}
 mark{background:none;text-decoration:underline 2px;font-weight:700}
}
"#;

/// The SHA-256 (base64) of the page's one `<script>` element's text, `//<![CDATA[` + the
/// page's script + `//]]>`: the Content-Security-Policy lets that script run and no other, so even
/// markup that escaped the escaping could not run. `tests/exports.rs` recomputes it (and says the
/// new value when the script changes); `tests/browser.rs` proves a browser agrees.
pub const SCRIPT_SHA256: &str = "2g19eE9LBbnIrnrRh1+yPPHcrCmJiSJ+HXyVHZxxsKg=";

/// The page's script: filters, keyboard, and the axis mark of the event in focus.
const SCRIPT: &str = r#"
(function(){"use strict";
var root=document.documentElement;root.classList.add("js");
var events=Array.prototype.slice.call(document.querySelectorAll(".event"));
var marks={};
Array.prototype.forEach.call(document.querySelectorAll(".mark"),function(m){(marks[m.dataset.event]=marks[m.dataset.event]||[]).push(m);});
var doc=document.getElementById("f-doc");
var boxes=Array.prototype.slice.call(document.querySelectorAll(".f-status"));
var shown=document.getElementById("shown");
var note=document.querySelector(".print-filter");
function apply(){
 var want={};boxes.forEach(function(b){want[b.value]=b.checked;});
 var d=doc?doc.value:"";var n=0;
 events.forEach(function(e){
  var on=(!d||e.dataset.doc===d)&&want[e.dataset.status];
  e.hidden=!on;if(on)n++;
  (marks[e.id]||[]).forEach(function(m){m.classList.toggle("off",!on);});
 });
 shown.textContent=n+" of "+events.length+" events shown";
 var parts=[];if(d)parts.push("document "+d);
 var off=boxes.filter(function(b){return !b.checked;}).map(function(b){return b.value;});
 if(off.length)parts.push("hiding "+off.join(", "));
 note.textContent=parts.length?"Filter: "+parts.join("; ")+" ("+shown.textContent+")":"";
}
if(doc)doc.addEventListener("change",apply);
boxes.forEach(function(b){b.addEventListener("change",apply);});
function current(){var a=document.activeElement;return a&&a.closest?a.closest(".event"):null;}
function go(step){
 var vis=events.filter(function(e){return !e.hidden;});if(!vis.length)return;
 var i=vis.indexOf(current());
 var next=i<0?(step>0?vis[0]:vis[vis.length-1]):vis[Math.max(0,Math.min(vis.length-1,i+step))];
 next.focus();next.scrollIntoView({block:"nearest"});mark(next);
}
document.addEventListener("keydown",function(ev){
 if(ev.altKey||ev.ctrlKey||ev.metaKey)return;
 var t=ev.target;if(t&&t.matches&&t.matches("input:not([type=checkbox]),select,textarea"))return;
 var k=ev.key,on=current();
 if(k==="j"||(on&&k==="ArrowDown")){go(1);ev.preventDefault();}
 else if(k==="k"||(on&&k==="ArrowUp")){go(-1);ev.preventDefault();}
});
function mark(e){
 Array.prototype.forEach.call(document.querySelectorAll(".mark[aria-current]"),function(m){m.removeAttribute("aria-current");});
 if(e)(marks[e.id]||[]).forEach(function(m){m.setAttribute("aria-current","true");});
}
document.addEventListener("focusin",function(){mark(current());});
Object.keys(marks).forEach(function(id){marks[id].forEach(function(m){m.addEventListener("click",function(ev){var e=document.getElementById(id);if(e&&!e.hidden){ev.preventDefault();e.focus();e.scrollIntoView({block:"center"});mark(e);}});});});
apply();
})();
"#;
