//! The fast run: paths stepped [`LANES`] at a time in the lanes of one step, and months stepped
//! in blocks of [`BLOCK`] between two synchronisations of the threads.
//!
//! **Lanes.** The step is generic over its numbers ([`Real`]); here it runs on
//! [`Lanes<LANES>`](Lanes), so one call advances `LANES` paths with vector instructions, each
//! lane exactly the `f64` step (see `model/lanes.rs`). A run whose paths do not fill the last
//! group pads it with copies of its first lane: they are stepped, never reported, and overflow
//! exactly when that lane does.
//!
//! **Blocks.** Each task steps its chunk of paths through a block of months before the threads
//! meet, and the block's percentiles are then taken in parallel, one task a month and quantity:
//! two synchronisations a block instead of one step and four percentile tasks a month. The cost
//! is memory: the reported quantities of a block's months, `4 · months · 8` bytes a path, so
//! blocks shorten as the paths grow (see [`block_months`]).
//! Each chunk of [`CHUNK`] paths is its own task (rayon's own split of the chunks left a few large
//! pieces, and one core idle for the last of them: 3–5 ms of each block at 100,000 paths).
//!
//! **Percentiles.** Each quantity's percentiles move little from one month to the next, so the
//! last two months' foresee where the block's will lie (`focus.rs`), and the histogram counts
//! that range finely, values beyond it in its end buckets (`percentiles_focused`): each rank's
//! bucket then holds a few hundred values rather than thousands (the tails of lognormal growth
//! stretch the whole range). A focus that misses is told by the counts, and the sample is counted
//! again over its whole range: the same exact ranks either way.
//!
//! **Checks.** Each row is checked only with [`surely_finite`]; a chunk stops at the first month
//! that fails it, and the run returns `None` so that the caller runs the careful one, path by
//! path, which reports any overflow exactly as the deterministic projection does.

use super::focus::{percentiles_of, Trend};
use super::growth;
use super::paths::{self, Carried, PathState, Reported};
use super::percentiles::Scratch;
use super::run::{path_stream, CHUNK};
use super::sampling::Ziggurat;
use super::{distribution_unranked, Band, Distribution, MonteCarlo};
use crate::model::lanes::{Lanes, Mask, Real};
use crate::model::{Model, Plan, State};
use crate::scenario::error::ScenarioError;
use crate::scenario::PriceModel;
use crate::scenario::Scenario;
use rand_xoshiro::Xoshiro256PlusPlus;

/// Paths a step advances together. Four lanes are one AVX2 register (native builds,
/// `.cargo/config.toml`), or two SSE2 registers. Eight measured slower with AVX2 (27 against
/// 23 ms: the step's values no longer fit the sixteen registers) and with AVX-512.
pub(super) const LANES: usize = 4;

/// Most months a task steps between two synchronisations of the threads, with the `parallel`
/// feature (fewer barriers: 24 measured 19.6 ms against 19.8 for 12 and 21.7 for 6 at 10,000
/// paths); one thread never waits, so it takes one month at a time and keeps the memory of one
/// month.
#[cfg(feature = "parallel")]
pub(super) const BLOCK: usize = 24;
#[cfg(not(feature = "parallel"))]
pub(super) const BLOCK: usize = 1;

/// About the most memory a block's samples take above [`MIN_BLOCK`] months: blocks are shorter
/// than [`BLOCK`] from about 5,500 paths on (13 months at 10,000, two at 100,000). Small enough
/// that the percentiles read the block's samples from the caches rather than from memory: at
/// 100,000 paths of the numpy peer's design, 2 threads, on this machine's AMD EPYC (1 MiB of L2
/// a core, 32 MiB of L3), 4 MiB measured 99 ms against 105 for 8, 112 for 16 and 119 for 32 (and
/// 105 for 1 MiB with one-month blocks). On the Intel machine of earlier rounds 8 MiB was best
/// (167 ms against 197 for 4).
const BLOCK_BYTES: usize = 4 << 20;

/// The fewest months in a block, however many paths: a chunk's states then stay in cache for
/// two months rather than crossing memory every month (1,000,000 paths of the numpy peer's design:
/// 2.41 s against 2.61 with one-month blocks, 2.41 with four and 2.85 with eight, whose samples no
/// longer fit the caches). The samples take `2 · 4 · 8` = 64 bytes a path there, beside the
/// path's state and stream (about 270 bytes, or 72 for a plain design: `paths.rs`).
#[cfg(feature = "parallel")]
const MIN_BLOCK: usize = 2;
#[cfg(not(feature = "parallel"))]
const MIN_BLOCK: usize = 1;

/// Months in a block of a run of `paths` paths that stores `stored` quantities a path-month.
fn block_months(paths: usize, stored: usize) -> usize {
    (BLOCK_BYTES / (stored * std::mem::size_of::<f64>() * paths.max(1))).clamp(MIN_BLOCK, BLOCK)
}

/// Whether the month's price is the same on every path (the fixed price model: it follows the
/// calendar alone). Its sample is then not stored: its extremes, equal, are its percentiles
/// (a quarter of the samples' memory, and at 100,000 paths blocks of three months instead of two;
/// the numpy peer's design, 2 threads: 152 → 150 ms, within the noise, but less memory).
fn price_is_shared(model: &Model) -> bool {
    model.price_model == PriceModel::Fixed
}

/// The numbers of one group of paths.
type Number = Lanes<LANES>;

/// Each path of a group's random numbers. They are kept apart from the groups' states (all of
/// each, or what a plain design's paths do not share: [`PathState`]), so that the month's draws
/// read them in order rather than one every state's length (1.1 KB a group for the whole state):
/// with the draws in a loop of their own (see [`chunk`]) and each group's streams beside its
/// state, the default design took 371 ms at 100,000 paths against 270, waiting on memory.
type Streams = [Xoshiro256PlusPlus; LANES];

/// Groups a task steps: [`CHUNK`] paths.
const GROUPS: usize = CHUNK / LANES;

/// The reported quantities of each path: supply, cumulative burned, value capture, price.
const QUANTITIES: usize = 4;

/// The smallest and largest value of a sample in one chunk, lane by lane (what the whole range's
/// histogram needs, with the other chunks', instead of a pass of its own); [`NOTHING`] at first.
type Range = (Number, Number);
const NOTHING: Range = (Lanes([f64::INFINITY; LANES]), Lanes([f64::NEG_INFINITY; LANES]));

/// A month of the block: its number, the model in force and, for a plain design, the state its
/// paths share at the month's start (see `paths.rs`).
struct BlockMonth<'a> {
    model: &'a Model,
    month: u32,
    shared: State<Number>,
    /// [`price_is_shared`].
    shared_price: bool,
}

/// Step one chunk of groups through `months`, writing each path's quantities of each month into
/// `outputs` (month by month, quantity by quantity, `paths` values each: the chunk's share of the
/// block's samples) and their ranges into `ranges` (one a sample). Returns whether every row was
/// surely finite, stopping after the first month with one that is not.
fn chunk<S: PathState<Number>>(
    months: &[BlockMonth],
    normal: &Ziggurat,
    sigma: f64,
    paths: usize,
    (groups, streams): (&mut [S], &mut [Streams]),
    outputs: &mut [&mut [f64]],
    ranges: &mut [Range],
) -> bool {
    ranges.fill(NOTHING);
    for (m, BlockMonth { model, month, shared, shared_price }) in months.iter().enumerate() {
        let growth = model.monthly_fee_growth;
        let out = &mut outputs[m * QUANTITIES..(m + 1) * QUANTITIES];
        let ranges = &mut ranges[m * QUANTITIES..(m + 1) * QUANTITIES];
        // The month's growth factors first, for every group (see `growth::of_groups`).
        let drawn: [Number; GROUPS] =
            growth::of_groups::<LANES, GROUPS, 16>(normal, growth, sigma, *month, paths, streams);
        // Every group's test folded once a month (a branch a group: 104 → 102 ms at 100,000
        // paths); a failed row's samples are written, but the run is then discarded.
        let mut finite = Mask([!0; LANES]); // every lane true
        for (g, (state, factors)) in groups.iter_mut().zip(drawn).enumerate() {
            let real = (paths - g * LANES).min(LANES);
            let row = state.step(model, shared, factors);
            finite = finite & row.surely_finite();
            record(&row, g * LANES, real, *shared_price, out, ranges);
        }
        if !Number::all(finite) {
            return false;
        }
    }
    true
}

/// The group's reported quantities into the samples, path `first` onward (but for a price shared
/// by every path), and into their ranges (the padding lanes are copies of the first: they move
/// no extreme).
#[inline(always)]
fn record(
    row: &Reported<Number>,
    first: usize,
    real: usize,
    shared_price: bool,
    out: &mut [&mut [f64]],
    ranges: &mut [Range],
) {
    let quantities = row.quantities;
    for ((lo, hi), quantity) in ranges.iter_mut().zip(quantities) {
        (*lo, *hi) = (Real::min(*lo, quantity), Real::max(*hi, quantity));
    }
    let stored = if shared_price { QUANTITIES - 1 } else { QUANTITIES }; // the price is the last
    for (sample, quantity) in out[..stored].iter_mut().zip(quantities) {
        if real == LANES {
            // A copy of known length: a few stores, not a call to `memcpy` (a sixth of the run).
            sample[first..first + LANES].copy_from_slice(&quantity.0);
        } else {
            sample[first..first + real].iter_mut().zip(quantity.0).for_each(|(s, q)| *s = q);
        }
    }
}

/// The run, for a valid scenario; `None` when some row was not surely finite (see the module doc).
pub(super) fn simulate(
    scenario: &Scenario,
    progress: &mut dyn FnMut(u32, u32),
) -> Option<Result<MonteCarlo, ScenarioError>> {
    let plan = Plan::new(scenario);
    // Only with the `parallel` feature (the command line): the browser's runs, a few thousand
    // paths a month at a time, fit the caches with the whole state, and the second copy of the
    // run would add 8.4 KB to the compute worker's download.
    if cfg!(feature = "parallel") && plan.is_plain() {
        simulate_as::<Carried<Number>>(scenario, &plan, progress)
    } else {
        simulate_as::<State<Number>>(scenario, &plan, progress)
    }
}

/// [`simulate`] keeping `S` of each group between months.
fn simulate_as<S: PathState<Number>>(
    scenario: &Scenario,
    plan: &Plan,
    progress: &mut dyn FnMut(u32, u32),
) -> Option<Result<MonteCarlo, ScenarioError>> {
    let model = plan.first();
    let n = scenario.paths as usize;
    let sigma = scenario.growth_volatility / 12f64.sqrt(); // monthly volatility of log growth
    let normal = Ziggurat::new();
    let start = State::<Number>::splat(&State::start(model));
    let mut groups: Vec<S> = vec![S::start(&start); n.div_ceil(LANES)];
    let mut streams: Vec<Streams> =
        (0..groups.len()).map(|g| std::array::from_fn(|i| path_stream(scenario.seed, g * LANES + i))).collect();
    let mut shared = start;
    let stored = if (1..=model.months).all(|t| price_is_shared(plan.at(t))) { QUANTITIES - 1 } else { QUANTITIES };
    let months_a_block = block_months(n, stored);
    let mut samples = vec![0.0; months_a_block * QUANTITIES * n];
    let mut scratch: Vec<Scratch> = (0..months_a_block * QUANTITIES).map(|_| Scratch::default()).collect();
    let mut ranges = Vec::new();
    let mut trends = [Trend::default(); QUANTITIES];
    let mut bands = Vec::with_capacity(model.months as usize);
    let mut final_supply = Distribution::default();
    let mut below = 0.0;

    let mut first = 1;
    while first <= model.months {
        let last = (first + months_a_block as u32 - 1).min(model.months);
        let months: Vec<BlockMonth> = (first..=last)
            .map(|month| {
                let (model, at_start) = (plan.at(month), shared);
                if S::SHARES {
                    paths::advance(model, &mut shared);
                }
                BlockMonth { model, month, shared: at_start, shared_price: price_is_shared(model) }
            })
            .collect();
        let used = months.len() * QUANTITIES * n;
        let extremes =
            block(&months, &normal, sigma, n, (&mut groups, &mut streams), &mut samples[..used], &mut ranges)?;
        // A price not stored is read from its extremes, which must then agree (they do: it
        // follows the calendar); were they ever to differ, the careful run would decide.
        let price = |m: usize| extremes[m * QUANTITIES + QUANTITIES - 1];
        if months.iter().enumerate().any(|(m, month)| month.shared_price && price(m).0 != price(m).1) {
            return None;
        }
        let foci: Vec<Option<(u64, u64)>> =
            (0..months.len() * QUANTITIES).map(|s| trends[s % QUANTITIES].focus((s / QUANTITIES) as u32 + 1)).collect();
        let percentiles = percentiles_of(&samples[..used], n, &extremes, &foci, &mut scratch);
        for (s, &p) in percentiles.iter().enumerate() {
            trends[s % QUANTITIES].record(p);
        }
        for (m, month) in (first..=last).enumerate() {
            let q = &percentiles[m * QUANTITIES..(m + 1) * QUANTITIES];
            bands.push(Band {
                month,
                supply: q[0],
                cumulative_burned: q[1],
                value_capture_ratio: q[2],
                price_usd: q[3],
            });
            progress(month, model.months);
        }
        if last == model.months {
            let supply = (months.len() - 1) * QUANTITIES * n;
            (final_supply, below) = distribution_unranked(&samples[supply..supply + n], scenario.initial_supply);
        }
        first = last + 1;
    }

    Some(Ok(super::run::finish(scenario, bands, final_supply, below)))
}

/// Every chunk of groups through the block's `months`, on every core with the `parallel` feature;
/// each sample's smallest and largest value when every row was surely finite. `samples` holds the
/// block's samples, `n` values each; `ranges` is room for each chunk's ranges.
fn block<S: PathState<Number>>(
    months: &[BlockMonth],
    normal: &Ziggurat,
    sigma: f64,
    n: usize,
    (groups, streams): (&mut [S], &mut [Streams]),
    samples: &mut [f64],
    ranges: &mut Vec<Range>,
) -> Option<Vec<(f64, f64)>> {
    let per_chunk = months.len() * QUANTITIES;
    let chunks = n.div_ceil(CHUNK);
    // Each chunk's share of every sample of the block, and its own ranges: written in place, so
    // that no task returns (and no reduction copies) a range per sample, which at 1,000,000 paths
    // was a tenth of the run in `memmove`.
    ranges.resize(chunks * per_chunk, NOTHING);
    let mut shares: Vec<Vec<&mut [f64]>> = (0..chunks).map(|_| Vec::with_capacity(per_chunk)).collect();
    for sample in samples.chunks_mut(n) {
        for (share, piece) in shares.iter_mut().zip(sample.chunks_mut(CHUNK)) {
            share.push(piece);
        }
    }
    type Task<'a, 'b, S> = (usize, (((&'a mut [S], &'a mut [Streams]), Vec<&'b mut [f64]>), &'a mut [Range]));
    let run = |(c, (((groups, streams), mut share), ranges)): Task<S>| {
        chunk(months, normal, sigma, (n - c * CHUNK).min(CHUNK), (groups, streams), &mut share, ranges)
    };
    #[cfg(feature = "parallel")]
    let finite = {
        use rayon::prelude::*;
        groups
            .par_chunks_mut(GROUPS)
            .zip(streams.par_chunks_mut(GROUPS))
            .zip(shares)
            .zip(ranges.par_chunks_mut(per_chunk))
            .enumerate()
            // Every chunk its own task: rayon's own split leaves a few large pieces, and a core
            // idle for the last of them (3–5 ms of a block at 100,000 paths).
            .with_max_len(1)
            .map(run)
            .reduce(|| true, |a, b| a && b)
    };
    #[cfg(not(feature = "parallel"))]
    let finite = groups
        .chunks_mut(GROUPS)
        .zip(streams.chunks_mut(GROUPS))
        .zip(shares)
        .zip(ranges.chunks_mut(per_chunk))
        .enumerate()
        .all(run);
    finite.then(|| {
        (0..per_chunk)
            .map(|s| {
                let (lo, hi) = ranges[s..]
                    .iter()
                    .step_by(per_chunk)
                    .fold(NOTHING, |(lo, hi), &(l, h)| (Real::min(lo, l), Real::max(hi, h)));
                (lo.0.into_iter().fold(f64::INFINITY, f64::min), hi.0.into_iter().fold(f64::NEG_INFINITY, f64::max))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Change, FeeDenomination, Governance, PriceModel, SpeculationShock, YieldSource};

    /// Blocks are long while their samples are small, and shorten as paths grow, to a floor.
    #[test]
    #[cfg(feature = "parallel")]
    fn blocks_shorten_as_the_paths_grow() {
        assert_eq!([1, 10_000, 100_000, 1_000_000].map(|n| block_months(n, 4)), [24, 13, 2, 2]);
        assert_eq!([1, 10_000, 100_000, 1_000_000].map(|n| block_months(n, 3)), [24, 17, 2, 2]);
    }

    /// The fast run is the careful one, path by path, bit for bit: designs of every price model
    /// and fee mode, a path count that leaves the last group part empty, months past a block.
    #[test]
    fn lanes_and_blocks_give_the_careful_runs_bits() {
        let base = Scenario { paths: 37, years: 3, growth_volatility: 0.8, ..Scenario::default() };
        let plain = Scenario { paths: 37, years: 3, growth_volatility: 0.8, ..Scenario::defaults_of(2).unwrap() };
        let designs = [
            base.clone(),
            Scenario { price_model: PriceModel::Fixed, ..base.clone() },
            Scenario {
                price_model: PriceModel::FeeMultiple,
                fee_denomination: FeeDenomination::Stablecoin,
                ..base.clone()
            },
            Scenario { fee_denomination: FeeDenomination::External, conversion_cost: 0.1, ..base.clone() },
            Scenario { fee_denomination: FeeDenomination::BurnAndMint, ..base.clone() },
            Scenario {
                unbonding_months: 3,
                slashing_rate: 0.01,
                governance: Governance::Slashable,
                treasury_budget_usd: 5e7,
                treasury_budget_growth: 0.5,
                ..base.clone()
            },
            Scenario { speculation_shock: Some(SpeculationShock::default()), growth_volatility: 2.0, ..base.clone() },
            // Plain designs (`paths.rs`): the numpy peer's, and one of every other fee mode,
            // yield source and price model a plain design may have, with a change of its stake.
            Scenario { price_model: PriceModel::Fixed, allocations: vec![], ..plain.clone() },
            Scenario {
                fee_denomination: FeeDenomination::Stablecoin,
                staking_yield_source: YieldSource::Inflation,
                price_model: PriceModel::FeeMultiple,
                changes: vec![Change { month: 14, field: "staked_fraction".into(), value: 0.6 }],
                ..plain.clone()
            },
            Scenario {
                fee_denomination: FeeDenomination::BurnAndMint,
                staking_yield_source: YieldSource::Revenue,
                speculation_shock: Some(SpeculationShock::default()),
                price_model: PriceModel::Fixed,
                ..plain
            },
        ];
        for (k, s) in designs.into_iter().enumerate() {
            let s = Scenario { seed: k as u64, ..s };
            assert_eq!(Plan::new(&s).is_plain(), k >= 7, "design {k}");
            let fast = simulate(&s, &mut |_, _| {}).expect("surely finite").unwrap();
            assert_eq!(fast, super::super::run::careful(&s, &mut |_, _| {}).unwrap(), "design {k}");
        }
    }
}
