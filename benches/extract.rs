//! The command as a user runs it, beside `wc -w` on the same file: `tarikh extract --format
//! jsonl` on 20 MB of real-shaped Arabic news, end to end (reading the file, extracting,
//! writing 100 MB of JSON lines to /dev/null), each run a fresh process. The goal: no slower
//! than counting the words, and peak memory at most twice the input.
//!
//! `cargo bench --bench extract` (a release build). The corpus is the 30 dev articles of
//! `tests/dev/` repeated to 20 MB (about 4 events per 1,000 bytes, as real news), written to
//! `target/bench-corpus.txt`. Each command runs `RUNS` times, alternating; the best and the
//! median wall time of each, their ratio, and the command's peak resident memory are printed.
//! No library call is timed here: what a user waits for is the process.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TARGET_BYTES: usize = 20 * 1000 * 1000;
const RUNS: usize = 7;

/// The dev articles, in name order, repeated until the corpus holds `TARGET_BYTES`.
fn corpus(root: &Path) -> PathBuf {
    let mut names: Vec<PathBuf> = std::fs::read_dir(root.join("tests/dev"))
        .expect("tests/dev")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let unit: String = names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("dev article") + "\n")
        .collect();
    let mut text = String::with_capacity(TARGET_BYTES + unit.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&unit);
    }
    let path = root.join("target/bench-corpus.txt");
    std::fs::write(&path, &text).expect("write the corpus");
    path
}

/// Runs the command once with its output to /dev/null: its wall time.
fn run(program: &str, args: &[&str]) -> Duration {
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    let wall = start.elapsed();
    assert!(status.success(), "{program} {args:?} failed ({status})");
    wall
}

/// The largest peak resident memory of any child waited for so far (KiB): the kernel's
/// accounting, as GNU time reports it.
fn children_peak() -> i64 {
    // SAFETY: an all-zero rusage is a valid value for the kernel to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: fills the local it points to.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss
}

fn main() {
    // `cargo bench` passes harness flags (`--bench`); nothing here takes any.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = corpus(root);
    let file = file.to_str().expect("a UTF-8 path");
    let tarikh = env!("CARGO_BIN_EXE_tarikh");
    let ours = [
        "extract",
        "--format",
        "jsonl",
        "--anchor",
        "2022-01-06",
        file,
    ];
    let mut a = Vec::new();
    let mut b = Vec::new();
    for _ in 0..RUNS {
        a.push(run(tarikh, &ours));
        b.push(run("wc", &["-w", file]));
    }
    // wc -w holds a few MiB: the largest child is tarikh.
    let peak = children_peak();
    a.sort();
    b.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let bytes = std::fs::metadata(file).expect("corpus").len() as f64;
    println!("20 MB of dev articles ({bytes:.0} bytes), {RUNS} runs each, alternating:");
    println!(
        "  tarikh extract --format jsonl  best {:7.1} ms  median {:7.1} ms  peak {:.1} MiB ({:.2}x the input)",
        ms(a[0]),
        ms(a[RUNS / 2]),
        peak as f64 / 1024.0,
        peak as f64 * 1024.0 / bytes
    );
    println!(
        "  wc -w                          best {:7.1} ms  median {:7.1} ms",
        ms(b[0]),
        ms(b[RUNS / 2])
    );
    println!(
        "  ratio tarikh / wc -w           best {:.2}  median {:.2}",
        ms(a[0]) / ms(b[0]),
        ms(a[RUNS / 2]) / ms(b[RUNS / 2])
    );
}
