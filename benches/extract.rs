//! Extraction throughput over a 20 MB corpus of Arabic news text, beside `wc -w` on the same
//! bytes (the goal: extraction is no slower than counting the words).
//!
//! The corpus is the bundled sample plus `benches/extra_sentences.txt`, repeated to 20 MiB and
//! written to `target/bench-corpus.txt` so `wc -w` reads exactly what tarikh reads.

use std::hint::black_box;
use std::process::Command;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use tarikh::{Options, Source, extract_sources};

const TARGET_BYTES: usize = 20 * 1024 * 1024;

fn corpus() -> String {
    let unit = format!(
        "{}\n{}",
        include_str!("../data/sample.txt"),
        include_str!("extra_sentences.txt")
    );
    let mut text = String::with_capacity(TARGET_BYTES + unit.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&unit);
        text.push('\n');
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus.txt");
    std::fs::write(&path, &text).expect("write corpus");
    let opts = Options {
        anchor: NaiveDate::from_ymd_opt(2022, 1, 6),
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        ..Options::default()
    };
    let mut group = c.benchmark_group("20MiB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tarikh extract", |b| {
        // The command line moves the text it read into the extractor; so does the benchmark.
        b.iter_batched(
            || {
                vec![Source {
                    id: "corpus".into(),
                    path: None,
                    text: text.clone(),
                }]
            },
            |sources| black_box(extract_sources(sources, &opts).events.len()),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("wc -w", |b| {
        b.iter(|| {
            let out = Command::new("wc")
                .arg("-w")
                .arg(&path)
                .output()
                .expect("wc runs");
            black_box(out.stdout)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
