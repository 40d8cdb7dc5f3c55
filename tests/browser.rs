//! End to end in a real headless browser (Debian's `chromium`; `.ci/run` installs it when
//! missing): the `--format html` page, a page that embeds the TimelineJS JSON inline, and the
//! Markdown chronology as pandoc renders it load with no console error, show every event,
//! filter and answer keys, and a hostile article changes nothing but text. Without chromium
//! (or pandoc, for the Markdown) each test says so on stderr and passes.
//!
//! No network: the pages are local files, chromium resolves no host, and the html page's
//! Content-Security-Policy would report any fetch as a console error. Screenshots land in
//! `target/tmp/browser/` (see BENCHMARKS.md for what they show).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tarikh::export::format::Format;
use tarikh::export::html::SCRIPT_SHA256;
use tarikh::{EventReview, Options, ReviewStatus, Source, Timeline, extract_sources};

mod export_checks;
use export_checks::hostile;

/// Far above what a page needs even on a loaded machine: a hang guard.
const DEADLINE: Duration = Duration::from_secs(90);

/// The browser, or `None` (after saying why) when it is not installed.
fn chromium(test: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file());
    if found.is_none() {
        // Straight to stderr, past the test harness's capture, so a passing run shows it too.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: no chromium on PATH, so the page was not checked in a browser \
             (install it with 'apt-get install chromium', as .ci/run does)"
        );
    }
    found
}

/// What one browser run gave.
struct Run {
    /// The DOM after scripts ran (`--dump-dom`), or empty for a screenshot run.
    dom: String,
    /// Chromium's log, console messages included.
    log: String,
}

/// Runs headless chromium on a local file with `extra` flags, under [`DEADLINE`].
fn browse(browser: &Path, page: &Path, extra: &[&str]) -> Run {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!(
                "chromium still running after {DEADLINE:?} on {}",
                page.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Run {
        dom: out_t.join().unwrap(),
        log: err_t.join().unwrap(),
    }
}

/// Records every script error and every CSP refusal into the page itself, before any other
/// script runs, so the dumped DOM proves there were none.
const ERROR_HOOK: &str = "<script>(function(){var r=document.documentElement;function add(m){r.setAttribute('data-errors',(r.getAttribute('data-errors')||'')+m+'; ');}window.addEventListener('error',function(e){add('error: '+e.message);});document.addEventListener('securitypolicyviolation',function(e){add('csp: '+e.violatedDirective+' '+e.blockedURI);});})();</script>";

/// Console messages: our pages write none, so any (an uncaught error, a CSP refusal, a
/// `console.error`) means the page is broken or tried the network. Chromium logs them all as
/// `INFO:CONSOLE`, whatever their level.
fn console_errors(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught") || l.contains("Refused to"))
        .collect()
}

fn assert_clean(run: &Run, what: &str) {
    assert!(
        !run.dom.contains(" data-errors=\""),
        "{what}: the page reported errors: {}",
        run.dom
            .split("data-errors=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("")
    );
    let errors = console_errors(&run.log);
    assert!(errors.is_empty(), "{what}: console errors: {errors:#?}");
}

/// The html page's policy: only its own script runs (`strict_policy_*` tests that).
fn strict_policy() -> String {
    format!("script-src 'sha256-{SCRIPT_SHA256}'")
}

/// Writes `html` with the error hook first in `<head>` and `probe` (a script) at the end. The
/// html page's policy is relaxed to let those two run: what they check is the page's own
/// escaping and behaviour.
fn page(dir: &Path, name: &str, html: &str, probe: &str) -> PathBuf {
    let hooked = html
        .replacen(&strict_policy(), "script-src 'unsafe-inline'", 1)
        .replacen("<head>", &format!("<head>{ERROR_HOOK}"), 1)
        .replacen("</body>", &format!("<script>{probe}</script></body>"), 1);
    assert_ne!(hooked, html, "the page has a head and a body");
    let path = dir.join(name);
    std::fs::write(&path, hooked).unwrap();
    path
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// The value of an attribute the probe set on `<html>`.
fn probe_result(dom: &str) -> String {
    dom.split("data-probe=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("the probe did not run:\n{}", &dom[..dom.len().min(2000)]))
        .to_string()
}

fn sample() -> Timeline {
    let mut t = extract_sources(
        vec![Source {
            id: "sample".into(),
            path: Some("data/sample.txt".into()),
            text: include_str!("../data/sample.txt").into(),
        }],
        &Options::default(),
    );
    // Two reviews, so the status filter and the review lines have something to show.
    let review = |status, note: &str| EventReview {
        status,
        note: note.into(),
        corrected: None,
        extracted: None,
    };
    let n = t.events.len();
    t.events[n - 2].review = Some(review(ReviewStatus::Verified, "confirmed with Reuters"));
    t.events[1].review = Some(review(ReviewStatus::Flagged, "أي سبت؟ تحقق من الوكالة"));
    t
}

/// Where screenshots go.
fn shots() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const FILTER_PROBE: &str = r#"(function(){
var r=[];function vis(){return Array.prototype.filter.call(document.querySelectorAll('.event'),function(e){return !e.hidden;}).length;}
function key(k){(document.activeElement||document).dispatchEvent(new KeyboardEvent('keydown',{key:k,bubbles:true}));}
r.push('js='+document.documentElement.classList.contains('js'));
r.push('all='+vis());
var box=document.querySelector('.f-status[value=unreviewed]');box.checked=false;box.dispatchEvent(new Event('change'));
r.push('reviewed='+vis());
r.push('print='+document.querySelector('.print-filter').textContent.replace(/"/g,''));
box.checked=true;box.dispatchEvent(new Event('change'));
key('j');r.push('j='+document.activeElement.id);
key('j');r.push('jj='+document.activeElement.id);
key('k');r.push('k='+document.activeElement.id);
key('G');
r.push('marked='+document.querySelectorAll('.mark[aria-current=true]').length);
document.documentElement.setAttribute('data-probe',r.join(' | '));
})();"#;

#[test]
fn the_html_page_loads_shows_every_event_filters_and_answers_keys() {
    let Some(browser) = chromium("the_html_page_loads_shows_every_event_filters_and_answers_keys")
    else {
        return;
    };
    let t = sample();
    let dir = tempfile::tempdir().unwrap();
    let html = Format::Html.render(&t);
    let p = page(dir.path(), "sample.html", &html, FILTER_PROBE);
    let run = browse(&browser, &p, &["--dump-dom"]);
    assert_clean(&run, "sample page");
    assert_eq!(count(&run.dom, "<li class=\"event "), t.events.len());
    let probe = probe_result(&run.dom);
    let n = t.events.len();
    assert!(probe.contains("js=true"), "{probe}");
    assert!(probe.contains(&format!("all={n}")), "{probe}");
    assert!(
        probe.contains("reviewed=2"),
        "only the verified and the flagged: {probe}"
    );
    assert!(
        probe.contains(&format!(
            "print=Filter: hiding unreviewed (2 of {n} events shown)"
        )),
        "{probe}"
    );
    assert!(probe.contains("| j=event-1 |"), "{probe}");
    assert!(probe.contains("| jj=event-2 |"), "{probe}");
    assert!(probe.contains("| k=event-1 |"), "{probe}");
    assert!(
        probe.contains("marked=1"),
        "the focused event's axis mark: {probe}"
    );
    // What a reader sees, for BENCHMARKS.md.
    let plain = dir.path().join("plain.html");
    std::fs::write(&plain, &html).unwrap();
    let shot = shots().join("html-sample.png");
    let run = browse(
        &browser,
        &plain,
        &[
            "--window-size=1200,1500",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    assert!(console_errors(&run.log).is_empty(), "{}", run.log);
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
    // Printed: the print style applied to the screen, and a real PDF.
    let print = dir.path().join("print.html");
    std::fs::write(&print, html.replace("@media print{", "@media all{")).unwrap();
    let shot = shots().join("html-sample-print.png");
    browse(
        &browser,
        &print,
        &[
            "--window-size=900,1300",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    let pdf = shots().join("html-sample.pdf");
    browse(
        &browser,
        &plain,
        &[&format!("--print-to-pdf={}", pdf.display())],
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF") && bytes.len() > 10_000);
}

#[test]
fn the_html_page_of_a_merge_filters_by_document() {
    let Some(browser) = chromium("the_html_page_of_a_merge_filters_by_document") else {
        return;
    };
    let src = |id: &str, text: &str| Source {
        id: id.into(),
        path: None,
        text: text.into(),
    };
    let t = extract_sources(
        vec![
            src(
                "reuters",
                "أعلن الرئيس يوم الأربعاء 5 يناير 2022 حالة الطوارئ. وفي 1991 استقلت البلاد.",
            ),
            src("afp", "وأكد الرئيس يوم الأربعاء 5 يناير 2022 حالة الطوارئ."),
        ],
        &Options::default(),
    );
    let probe = "(function(){var s=document.getElementById('f-doc');s.value='afp';s.dispatchEvent(new Event('change'));\
        var n=Array.prototype.filter.call(document.querySelectorAll('.event'),function(e){return !e.hidden;}).length;\
        document.documentElement.setAttribute('data-probe','afp='+n+' off='+document.querySelectorAll('.mark.off').length);})();";
    let dir = tempfile::tempdir().unwrap();
    let p = page(dir.path(), "merge.html", &Format::Html.render(&t), probe);
    let run = browse(&browser, &p, &["--dump-dom"]);
    assert_clean(&run, "merged page");
    assert_eq!(count(&run.dom, "<li class=\"event "), 3);
    assert_eq!(
        count(&run.dom, "class=\"break\""),
        1,
        "1991 is far from 2022"
    );
    assert_eq!(probe_result(&run.dom), "afp=1 off=2");
}

#[test]
fn a_hostile_article_changes_nothing_but_text_in_the_html_page() {
    let Some(browser) = chromium("a_hostile_article_changes_nothing_but_text_in_the_html_page")
    else {
        return;
    };
    let t = hostile();
    let dir = tempfile::tempdir().unwrap();
    let probe = "document.documentElement.setAttribute('data-probe','title='+document.title.length+' img='+document.images.length+' scripts='+document.scripts.length+' b='+document.querySelectorAll('b').length)";
    let html = Format::Html.render(&t);
    let p = page(dir.path(), "hostile.html", &html, probe);
    let run = browse(&browser, &p, &["--dump-dom"]);
    assert_clean(&run, "hostile page");
    assert!(!run.dom.contains("<title>pwned") && !run.dom.contains("<title>img"));
    assert_eq!(count(&run.dom, "<li class=\"event "), t.events.len());
    let title = html
        .split("<title>")
        .nth(1)
        .unwrap()
        .split("</title>")
        .next()
        .unwrap();
    let expected_title = title
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"");
    assert_eq!(
        probe_result(&run.dom),
        format!(
            "title={} img=0 scripts=3 b={}",
            expected_title.encode_utf16().count(),
            t.documents.len()
        ),
        "the title kept, no image, only our scripts, only our <b>"
    );
    // The article's markup is on the page as text.
    // As text (pandoc curls the quotes).
    assert!(
        run.dom.contains("&lt;script&gt;document.title="),
        "{}",
        run.dom
    );
    assert!(run.dom.contains("&lt;img src=x onerror="));
    let shot = shots().join("html-hostile.png");
    let plain = dir.path().join("plain.html");
    std::fs::write(&plain, &html).unwrap();
    browse(
        &browser,
        &plain,
        &[
            "--window-size=1200,1400",
            &format!("--screenshot={}", shot.display()),
        ],
    );
}

/// A newsroom page that pastes the TimelineJS JSON into a `<script>` and hands it to a
/// renderer that, like TimelineJS, puts `headline`, `text` and `display_date` in with
/// `innerHTML`. (TimelineJS itself is not loaded: the test has no network.)
fn timelinejs_page(json: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>embed</title></head><body><div id=\"tl\"></div>\
<script>var timeline_json = {json};</script>\
<script>(function(){{var root=document.getElementById('tl');\
function add(h,c){{var d=document.createElement('div');d.className=c;d.innerHTML=h;root.appendChild(d);}}\
var t=timeline_json;add(t.title.text.headline,'title');add(t.title.text.text,'title-text');\
t.events.forEach(function(s){{add(s.display_date,'date');add(s.text.headline,'headline');add(s.text.text,'text');if(s.group)add(s.group,'group');}});\
(t.eras||[]).forEach(function(e){{add(e.text.headline,'era');}});\
root.setAttribute('data-slides',t.events.length);}})();</script></body></html>"
    )
}

#[test]
fn timelinejs_json_embedded_inline_survives_a_hostile_article() {
    let Some(browser) = chromium("timelinejs_json_embedded_inline_survives_a_hostile_article")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, t) in [("sample", sample()), ("hostile", hostile())] {
        let json = Format::Timelinejs.render(&t);
        let slides = serde_json::from_str::<serde_json::Value>(&json).unwrap()["events"]
            .as_array()
            .unwrap()
            .len();
        let probe = "document.documentElement.setAttribute('data-probe','title='+document.title+' img='+document.images.length+' scripts='+document.scripts.length+' b='+document.querySelectorAll('#tl b').length+' marks='+document.querySelectorAll('#tl mark').length)";
        let p = page(
            dir.path(),
            &format!("{name}.html"),
            &timelinejs_page(&json),
            probe,
        );
        let run = browse(&browser, &p, &["--dump-dom"]);
        assert_clean(&run, name);
        assert!(
            run.dom.contains(&format!("data-slides=\"{slides}\"")),
            "{name}: every slide rendered"
        );
        let probe = probe_result(&run.dom);
        let (seen, marks) = probe.split_once(" marks=").unwrap();
        assert_eq!(
            seen, "title=embed img=0 scripts=4 b=0",
            "{name}: nothing but text from the article"
        );
        assert!(
            marks.parse::<usize>().unwrap() >= slides,
            "{name}: every slide marks its expression: {probe}"
        );
        if name == "hostile" {
            assert!(run.dom.contains("&lt;b&gt;عاجل&lt;/b&gt;"));
            assert!(run.dom.contains("&lt;/script&gt;"));
        }
    }
}

/// `pandoc`, or `None` (after saying why) when it is not installed.
fn pandoc(test: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .map(|d| d.join("pandoc"))
        .find(|p| p.is_file());
    if found.is_none() {
        // Straight to stderr, past the test harness's capture, so a passing run shows it too.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: no pandoc on PATH, so the Markdown was not rendered \
             (install it with 'apt-get install pandoc', as .ci/run does)"
        );
    }
    found
}

#[test]
fn markdown_rendered_by_pandoc_runs_nothing_and_reads_right_to_left() {
    let test = "markdown_rendered_by_pandoc_runs_nothing_and_reads_right_to_left";
    let (Some(browser), Some(pandoc)) = (chromium(test), pandoc(test)) else {
        return;
    };
    let t = hostile();
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("hostile.md");
    std::fs::write(&md, Format::Md.render(&t)).unwrap();
    let rendered = dir.path().join("rendered.html");
    let status = Command::new(pandoc)
        .args([
            "-f",
            "markdown",
            "-t",
            "html5",
            "-s",
            "--metadata",
            "title=md",
            "-o",
        ])
        .arg(&rendered)
        .arg(&md)
        .status()
        .unwrap();
    assert!(status.success(), "pandoc renders the chronology");
    let html = std::fs::read_to_string(&rendered).unwrap();
    // Every list item (an event) inside a right-to-left block must lay out right to left.
    let probe = "(function(){var items=document.querySelectorAll('div[dir=rtl] li');\
        var rtl=Array.prototype.filter.call(items,function(li){return getComputedStyle(li).direction==='rtl';}).length;\
        document.documentElement.setAttribute('data-probe','title='+document.title+' scripts='+document.scripts.length+' img='+document.images.length+' b='+document.querySelectorAll('body b').length+' items='+items.length+' rtl='+rtl);})();";
    let p = page(dir.path(), "md.html", &html, probe);
    let run = browse(&browser, &p, &["--dump-dom"]);
    assert_clean(&run, "pandoc's rendering");
    let n = t.events.len();
    assert_eq!(
        probe_result(&run.dom),
        format!("title=md scripts=2 img=0 b=0 items={n} rtl={n}"),
        "only our hook and probe ran, and each event reads right to left"
    );
    // As text (pandoc curls the quotes).
    assert!(
        run.dom.contains("&lt;script&gt;document.title="),
        "{}",
        run.dom
    );
}

#[test]
fn strict_policy_runs_the_pages_script_and_no_other() {
    let Some(browser) = chromium("strict_policy_runs_the_pages_script_and_no_other") else {
        return;
    };
    let html = Format::Html.render(&hostile());
    assert!(html.contains(&strict_policy()));
    let dir = tempfile::tempdir().unwrap();
    // As written: the page's own script runs (its hash is right), with no console message.
    let plain = dir.path().join("plain.html");
    std::fs::write(&plain, &html).unwrap();
    let run = browse(&browser, &plain, &["--dump-dom"]);
    assert!(
        run.dom.contains(
            "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ar\" dir=\"rtl\" class=\"js\">"
        ),
        "the page's script ran"
    );
    assert!(
        console_errors(&run.log).is_empty(),
        "{:#?}",
        console_errors(&run.log)
    );
    // Markup that got past the escaping would still not run: the policy refuses it.
    let injected = dir.path().join("injected.html");
    std::fs::write(
        &injected,
        html.replacen("</body>", "<script>document.title='injected'</script><img src=x onerror=\"document.title='img'\"></body>", 1),
    )
    .unwrap();
    let run = browse(&browser, &injected, &["--dump-dom"]);
    assert!(!run.dom.contains("<title>injected") && !run.dom.contains("<title>img"));
    assert!(
        run.dom.contains("class=\"js\""),
        "the page's own script still ran"
    );
    assert!(
        run.log
            .contains("Executing inline script violates the following Content Security Policy")
            && run.log.contains("Loading the image"),
        "chromium says it refused: {}",
        run.log
    );
}
