//! Times each pipeline stage on one file (for profiling).
fn main() {
    let path = std::env::args().nth(1).expect("usage: stages FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let t0 = std::time::Instant::now();
    let sentences = tarikh::text::split_sentences(&text);
    let t1 = std::time::Instant::now();
    let found = tarikh::lang::ar::scan(&text, &sentences);
    let t2 = std::time::Instant::now();
    let mut tokens = tarikh::text::Tokens::default();
    let mut n = 0;
    for s in &sentences {
        tarikh::text::tokenize(&text, s.start, s.end, &mut tokens);
        n += tokens.len();
    }
    let t3 = std::time::Instant::now();
    let cx = tarikh::resolve::Context {
        anchor: chrono::NaiveDate::from_ymd_opt(2022, 1, 6),
        inferred: false,
        prefer: tarikh::Prefer::Past,
    };
    let resolved: Vec<_> = found
        .iter()
        .map(|(_, f)| tarikh::resolve::resolve(&f.expr, &cx))
        .collect();
    let t4 = std::time::Instant::now();
    println!(
        "resolve {:.1} ms ({})",
        (t4 - t3).as_secs_f64() * 1e3,
        resolved.len()
    );
    println!(
        "split {:.1} ms ({} sentences), scan {:.1} ms ({} found), tokenize only {:.1} ms ({n} tokens)",
        (t1 - t0).as_secs_f64() * 1e3,
        sentences.len(),
        (t2 - t1).as_secs_f64() * 1e3,
        found.len(),
        (t3 - t2).as_secs_f64() * 1e3
    );
}
