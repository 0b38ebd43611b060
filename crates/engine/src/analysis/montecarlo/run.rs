//! The careful run, and what both runs share: each path's random stream ([`path_stream`]), the
//! chunk of paths a task steps ([`CHUNK`]) and the cheap test that a row surely did not overflow
//! ([`surely_finite`]).
//!
//! **Paths are independent.** Each has its own random numbers, a xoshiro256++ stream seeded from
//! the scenario's seed and the path's number ([`path_stream`]), so a path's draws do not depend on
//! which other paths there are, in what order they run, or on how many threads run them. With the
//! `parallel` feature (the command line) paths are stepped in chunks on every core by rayon;
//! without it (the browser) one after another; the numbers are the same bits.
//!
//! **The careful run** steps every path alone, month by month, and checks every column of every
//! row as the deterministic projection does, so that the first overflow is reported at the month
//! and with the quantity the projection would name. It runs only when the fast run (`fast.rs`)
//! found a row that was not surely finite. Its memory is one [`State`] and one stream per path and
//! one buffer per reported quantity.

use super::percentiles::{percentiles_with, Scratch};
use super::sampling::Ziggurat;
use super::{distribution_unranked, Band, Distribution, MonteCarlo};
use crate::model::lanes::Real;
use crate::model::{step, Model, Month, Plan, State};
use crate::scenario::error::ScenarioError;
use crate::scenario::Scenario;
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// Paths a task steps in one go: 98 tasks a block at 100,000 paths. Fewer, larger tasks than
/// 256 paths (391 tasks) cost less to hand out and steal, and a chunk's states and streams (72 KB
/// for a plain design) still fit a core's caches: 100,000 paths of the numpy peer's design, 2
/// threads, 105 → 95 ms (97 for 512).
pub(super) const CHUNK: usize = 1024;

/// One path: its state and its random numbers.
type Path = (State, Xoshiro256PlusPlus);

/// SplitMix64's finaliser: a bijection of `u64` that scatters nearby inputs.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The random stream of path `k` of a run seeded with `seed`: distinct paths get unrelated
/// streams (their seeds are mixed, so no stream is another's shifted by a few draws).
pub(crate) fn path_stream(seed: u64, k: usize) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus::seed_from_u64(mix(seed) ^ mix(k as u64 ^ 0x6a09_e667_f3bc_c909))
}

/// The quantities a month reports per path: supply, cumulative burned, value capture, price.
type Outputs<'a> = [&'a mut [f64]; 4];

/// One chunk's share of the month: its number, its paths and its four output slices.
type Task<'a> = (usize, (&'a mut [Path], (&'a mut [f64], (&'a mut [f64], (&'a mut [f64], &'a mut [f64])))));

/// Why a careful chunk stopped: the path (within the run) and the quantity that overflowed.
type Overflowed = Option<(usize, &'static str)>;

/// Step one chunk of paths through `month`, checking every column of every row; returns the
/// first overflow in it.
fn chunk(
    model: &Model,
    normal: &Ziggurat,
    sigma: f64,
    month: u32,
    first: usize,
    paths: &mut [Path],
    [supply, burned, capture, price]: Outputs,
) -> Overflowed {
    let growth = model.monthly_fee_growth;
    let mut factors = [growth; CHUNK];
    // Month 1 is the first-month fees whatever the factor: nothing is drawn for it.
    if month > 1 {
        for (factor, (_, rng)) in factors.iter_mut().zip(paths.iter_mut()) {
            *factor = growth * libm::exp(sigma * normal.sample(rng));
        }
    }
    for (j, (state, _)) in paths.iter_mut().enumerate() {
        let row = step(model, state, factors[j]);
        if let Some(quantity) = row.first_non_finite() {
            return Some((first + j, quantity));
        }
        (supply[j], burned[j], capture[j], price[j]) =
            (row.supply, row.cumulative_burned, row.value_capture_ratio, row.price_usd);
    }
    None
}

/// Every chunk of `paths` through `month`, on every core with the `parallel` feature: the
/// overflow of the lowest-numbered path, if any.
fn month_of(
    model: &Model,
    normal: &Ziggurat,
    sigma: f64,
    month: u32,
    paths: &mut [Path],
    outputs: &mut [Vec<f64>; 4],
) -> Overflowed {
    let [a, b, c, d] = outputs;
    let run = |(i, (p, (a, (b, (c, d))))): Task| chunk(model, normal, sigma, month, i * CHUNK, p, [a, b, c, d]);
    let join = |x: Overflowed, y: Overflowed| match (x, y) {
        (Some(x), Some(y)) => Some(if x.0 <= y.0 { x } else { y }),
        (x, y) => x.or(y),
    };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        paths
            .par_chunks_mut(CHUNK)
            .zip(
                a.par_chunks_mut(CHUNK)
                    .zip(b.par_chunks_mut(CHUNK).zip(c.par_chunks_mut(CHUNK).zip(d.par_chunks_mut(CHUNK)))),
            )
            .enumerate()
            .map(run)
            .reduce(|| None, join)
    }
    #[cfg(not(feature = "parallel"))]
    {
        paths
            .chunks_mut(CHUNK)
            .zip(a.chunks_mut(CHUNK).zip(b.chunks_mut(CHUNK).zip(c.chunks_mut(CHUNK).zip(d.chunks_mut(CHUNK)))))
            .enumerate()
            .map(run)
            .fold(None, join)
    }
}

/// The month's four bands, from all paths (in parallel pairs with the `parallel` feature).
fn band(month: u32, outputs: &[Vec<f64>; 4], scratch: &mut [Scratch; 4]) -> Band {
    let [s0, s1, s2, s3] = scratch;
    let ((supply, cumulative_burned), (value_capture_ratio, price_usd));
    #[cfg(feature = "parallel")]
    {
        ((supply, cumulative_burned), (value_capture_ratio, price_usd)) = rayon::join(
            || rayon::join(|| percentiles_with(&outputs[0], s0), || percentiles_with(&outputs[1], s1)),
            || rayon::join(|| percentiles_with(&outputs[2], s2), || percentiles_with(&outputs[3], s3)),
        );
    }
    #[cfg(not(feature = "parallel"))]
    {
        ((supply, cumulative_burned), (value_capture_ratio, price_usd)) = (
            (percentiles_with(&outputs[0], s0), percentiles_with(&outputs[1], s1)),
            (percentiles_with(&outputs[2], s2), percentiles_with(&outputs[3], s3)),
        );
    }
    Band { month, supply, cumulative_burned, value_capture_ratio, price_usd }
}

/// The careful run, for a valid scenario: path by path, checking every column of every row
/// exactly as the deterministic projection does, so that an overflow is reported as the
/// projection reports it. [`fast::simulate`](super::fast::simulate) runs first and hands over to
/// this one when some row was not [`surely_finite`].
pub(super) fn careful(scenario: &Scenario, progress: &mut dyn FnMut(u32, u32)) -> Result<MonteCarlo, ScenarioError> {
    let plan = Plan::new(scenario);
    let model = plan.first();
    let n = scenario.paths as usize;
    let sigma = scenario.growth_volatility / 12f64.sqrt(); // monthly volatility of log growth
    let normal = Ziggurat::new();
    let start = State::start(model);
    let mut paths: Vec<Path> = (0..n).map(|k| (start, path_stream(scenario.seed, k))).collect();
    let mut outputs: [Vec<f64>; 4] = std::array::from_fn(|_| vec![0.0; n]);
    let mut scratch: [Scratch; 4] = Default::default();
    let mut bands = Vec::with_capacity(model.months as usize);
    let mut final_supply = Distribution::default();
    let mut below = 0.0;

    for month in 1..=model.months {
        let overflow = month_of(plan.at(month), &normal, sigma, month, &mut paths, &mut outputs);
        if let Some((_, quantity)) = overflow {
            return Err(ScenarioError::Overflow { month, year: month.div_ceil(12), quantity });
        }
        if month == model.months {
            (final_supply, below) = distribution_unranked(&outputs[0], scenario.initial_supply);
        }
        bands.push(band(month, &outputs, &mut scratch));
        progress(month, model.months);
    }

    Ok(finish(scenario, bands, final_supply, below))
}

/// The run's result from its bands and final-supply distribution (whose percentiles are the last
/// band's supply): one assembly for the fast and the careful run.
pub(super) fn finish(scenario: &Scenario, bands: Vec<Band>, mut final_supply: Distribution, below: f64) -> MonteCarlo {
    if let Some(last) = bands.last() {
        final_supply.percentiles = last.supply;
    }
    MonteCarlo {
        scenario: scenario.clone(),
        paths: scenario.paths,
        seed: scenario.seed,
        months: bands,
        final_supply,
        probability_supply_below_start: below,
    }
}

/// Bound under which fees, price and supply keep every other column of the month finite.
const SAFE: f64 = 1e100;

/// A cheap sufficient test that none of the month's columns overflowed, so that the hot loop
/// need neither compute nor test them all (that costs a fifth of the run). When fees, price and
/// the supply (which starts the next month) are finite, non-negative and below `SAFE`, and the
/// supply is zero or above `1 / SAFE`, and the price above `1 / SAFE` (so that a dollar is at most
/// `SAFE` tokens), every other column of the step is bounded well below
/// 1e308: burned tokens never exceed the supply at the start of the month and minted tokens a
/// twelfth of it; values in USD are at most such a token amount times the price, or a share of
/// fees grossed up by at most `1 / (1 − conversion_cost)` ≤ 2⁵³; market cap and volume are
/// price × supply times at most 1000 / 12; rates are per token of a supply of at least
/// `1 / SAFE`; the value capture ratio is at most about 1. When the test fails, [`monte_carlo`]
/// runs again and [`Month::first_non_finite`] decides, so overflow is reported exactly as the
/// deterministic projection reports it. Debug builds (the tests) check the claim on every row.
#[inline(always)]
pub(super) fn surely_finite<R: Real>(m: &Month<R>) -> bool {
    surely_finite_parts(m.fees_usd, m.price_usd, m.supply)
}

/// [`surely_finite`] of a month with these fees, price and supply.
#[inline(always)]
pub(super) fn surely_finite_parts<R: Real>(fees_usd: R, price_usd: R, supply: R) -> bool {
    R::all(surely_finite_lanes(fees_usd, price_usd, supply))
}

/// [`surely_finite_parts`] lane by lane, before the lanes are folded into one answer.
#[inline(always)]
pub(super) fn surely_finite_lanes<R: Real>(fees_usd: R, price_usd: R, supply: R) -> R::Mask {
    fees_usd.lt(SAFE)
        & price_usd.lt(SAFE)
        & price_usd.gt(1.0 / SAFE)
        & supply.lt(SAFE)
        & (supply.eq_to(0.0) | supply.gt(1.0 / SAFE))
}
