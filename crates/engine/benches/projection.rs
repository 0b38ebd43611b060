//! Criterion benchmarks of the engine's hot paths. Run with `cargo bench -p consumption-lab-engine`.
#![allow(missing_docs)]

use consumption_lab_engine::{project, summarize, Scenario};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn projection(c: &mut Criterion) {
    let ten = Scenario::default();
    let fifty = Scenario {
        years: 50,
        ..Scenario::default()
    };
    c.bench_function("project/default_10y", |b| {
        b.iter(|| project(black_box(&ten)))
    });
    c.bench_function("project/default_50y", |b| {
        b.iter(|| project(black_box(&fifty)))
    });
    c.bench_function("summarize/default_10y", |b| {
        b.iter(|| summarize(black_box(&ten)))
    });
}

criterion_group!(benches, projection);
criterion_main!(benches);
