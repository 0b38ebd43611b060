//! Criterion benchmarks of the engine's hot paths. Run with `cargo bench -p consumption-lab-engine`.
#![allow(missing_docs)]
// Native tests only, never linked into the page: the size rules of clippy.toml do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use consumption_lab_engine::montecarlo::{monte_carlo, percentiles_with};
use consumption_lab_engine::sweep::{sweep, SweepAxis};
use consumption_lab_engine::{project, summarize, Allocation, Change, PriceModel, Scenario};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn projection(c: &mut Criterion) {
    let ten = Scenario::default();
    let fifty = Scenario { years: 50, ..Scenario::default() };
    c.bench_function("project/default_10y", |b| b.iter(|| project(black_box(&ten))));
    let fixed = Scenario { price_model: PriceModel::Fixed, ..Scenario::default() };
    c.bench_function("project/default_10y_fixed_price", |b| b.iter(|| project(black_box(&fixed))));
    c.bench_function("project/default_50y", |b| b.iter(|| project(black_box(&fifty))));
    c.bench_function("summarize/default_10y", |b| b.iter(|| summarize(black_box(&ten))));
    let bare = Scenario { allocations: Vec::new(), ..Scenario::default() };
    c.bench_function("project/no_allocations_10y", |b| b.iter(|| project(black_box(&bare))));
    let long = ten_buckets_five_changes();
    c.bench_function("project/ten_buckets_five_changes_10y", |b| b.iter(|| project(black_box(&long))));
}

/// The page's budget case: ten buckets vesting on different schedules and five changes.
fn ten_buckets_five_changes() -> Scenario {
    let allocations = (0..10)
        .map(|i| Allocation {
            name: format!("bucket {i}"),
            share: 0.1,
            unlocked_at_launch: if i >= 4 { 0.25 } else { 0.0 },
            cliff_months: [12, 6, 12, 6, 0, 0, 0, 3, 0, 24][i],
            vesting_months: [36, 18, 24, 12, 24, 0, 48, 36, 6, 48][i],
            sold_share: 0.3,
            treasury: i == 6,
        })
        .collect();
    let change = |month, field: &str, value| Change { month, field: field.into(), value };
    let changes = vec![
        change(13, "protocol_take", 0.8),
        change(25, "burn_share", 0.6),
        change(27, "annual_fees_usd", 4e6),
        change(37, "emission.initial_rate", 0.05),
        change(61, "target_staking_apr", 0.03),
    ];
    Scenario { allocations, changes, ..Scenario::default() }
}

fn montecarlo(c: &mut Criterion) {
    let scenario = Scenario { paths: 10_000, ..Scenario::default() };
    c.bench_function("montecarlo/10000_paths_10y", |b| b.iter(|| monte_carlo(black_box(&scenario))));
    // Every mechanism of holders who respond on: stakers following the yield with a three-month
    // unbonding, slashing, slashable governance, the treasury's budget (the defaults have the
    // first and the last).
    let every = Scenario {
        unbonding_months: 3,
        slashing_rate: 0.01,
        governance: consumption_lab_engine::Governance::Slashable,
        treasury_budget_growth: 0.1,
        ..scenario.clone()
    };
    c.bench_function("montecarlo/10000_paths_10y_every_mechanism", |b| b.iter(|| monte_carlo(black_box(&every))));
    // The same at a fixed price: what the market costs.
    let fixed = Scenario { price_model: PriceModel::Fixed, ..scenario.clone() };
    c.bench_function("montecarlo/10000_paths_10y_fixed_price", |b| b.iter(|| monte_carlo(black_box(&fixed))));
    // The numpy peer's plain design (scripts/bench.sh) at 10,000 and 100,000 paths: its paths keep
    // seven fields of their state (analysis/montecarlo/paths.rs), and at 100,000 a block is two
    // months, whose samples stay in the caches.
    let peer = Scenario { price_model: PriceModel::Fixed, allocations: vec![], ..Scenario::defaults_of(2).unwrap() };
    for paths in [10_000, 100_000] {
        let plain = Scenario { paths, ..peer.clone() };
        let mut group = c.benchmark_group("montecarlo");
        group.sample_size(if paths > 10_000 { 10 } else { 100 });
        group.bench_function(format!("{paths}_paths_10y_plain"), |b| b.iter(|| monte_carlo(black_box(&plain))));
        group.finish();
    }
    // The percentile part alone: four quantities × 120 months of 10,000 values, as in the run above.
    let result = monte_carlo(&scenario).unwrap();
    let spread = result.final_supply.max - result.final_supply.min;
    let mut bits = 0x9E37_79B9_7F4A_7C15u64; // xorshift: an unordered sample over the same range
    let sample: Vec<f64> = (0..10_000)
        .map(|_| {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            result.final_supply.min + spread * (bits >> 11) as f64 / (1u64 << 53) as f64
        })
        .collect();
    let mut scratch = consumption_lab_engine::montecarlo::Scratch::default();
    c.bench_function("montecarlo/percentiles_only_480x10000", |b| {
        b.iter(|| {
            for _ in 0..480 {
                black_box(percentiles_with(black_box(&sample), &mut scratch));
            }
        })
    });
}

fn sensitivity(c: &mut Criterion) {
    let scenario = Scenario::default();
    let x: SweepAxis = "burn_share:0:0.7:64".parse().unwrap();
    let y: SweepAxis = "fee_growth:-0.5:1.0:64".parse().unwrap();
    c.bench_function("sweep/64x64_burn_share_x_fee_growth", |b| {
        b.iter(|| sweep(black_box(&scenario), black_box(&x), black_box(&y)))
    });
}

criterion_group!(benches, projection, montecarlo, sensitivity);
criterion_main!(benches);
