//! Streaming extraction (`extract --input-jsonl`) over 10,000 documents, beside single-document
//! extraction of the same text, in bytes of article text per second.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use tarikh::export::stream;
use tarikh::{Options, Source, extract_sources};

const DOCUMENTS: usize = 10_000;

/// 10,000 short articles: the sample's paragraphs and the extra sentences, rotated.
fn documents() -> Vec<String> {
    let pieces: Vec<&str> = include_str!("../data/sample.txt")
        .lines()
        .chain(include_str!("extra_sentences.txt").lines())
        .filter(|l| !l.trim().is_empty())
        .collect();
    (0..DOCUMENTS)
        .map(|i| {
            (0..6)
                .map(|k| pieces[(i * 7 + k * 3) % pieces.len()])
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = documents();
    let text_bytes: usize = docs.iter().map(String::len).sum();
    let mut input = String::new();
    for (i, d) in docs.iter().enumerate() {
        input.push_str(&serde_json::json!({"id": format!("d{i}"), "text": d}).to_string());
        input.push('\n');
    }
    let whole = docs.join("\n\n");
    let opts = Options {
        anchor: NaiveDate::from_ymd_opt(2022, 1, 6),
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        ..Options::default()
    };
    let mut group = c.benchmark_group("10k documents");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.bench_function("stream jsonl in, jsonl out", |b| {
        b.iter(|| {
            let stats = stream::run(input.as_bytes(), std::io::sink(), &opts, |_, _| {}, |_| {});
            black_box(stats.map(|s| s.events).unwrap_or_default())
        })
    });
    group.bench_function("one document of the same text", |b| {
        b.iter_batched(
            || {
                vec![Source {
                    id: "all".into(),
                    path: None,
                    text: whole.clone(),
                }]
            },
            |sources| black_box(extract_sources(sources, &opts).events.len()),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
