//! Extracts one file and prints the event count and elapsed time (for profiling).
fn main() {
    let path = std::env::args().nth(1).expect("usage: extract_file FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let opts = tarikh::Options {
        anchor: chrono::NaiveDate::from_ymd_opt(2022, 1, 6),
        ..Default::default()
    };
    let len = text.len();
    let source = tarikh::Source {
        id: "file".into(),
        path: Some(path),
        text,
    };
    let t0 = std::time::Instant::now();
    let t = tarikh::extract_sources(vec![source], &opts);
    let dt = t0.elapsed();
    println!(
        "{} events, {} mentions, {:.1} ms, {:.1} MB/s",
        t.events.len(),
        t.mentions.len(),
        dt.as_secs_f64() * 1e3,
        len as f64 / dt.as_secs_f64() / 1e6
    );
}
