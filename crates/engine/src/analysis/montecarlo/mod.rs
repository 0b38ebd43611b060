//! Monte Carlo: many projections of one design under random fee growth, summarised month by month
//! as percentile bands, plus the distribution of final supply.
//!
//! Each path runs the same monthly [`step`] as the deterministic projection; only the fee growth
//! factor differs. From month 2 on it is drawn lognormal around the scenario's growth,
//! median-centred (`docs/model.md`, "Monte Carlo"):
//!
//! ```text
//! factor_t = g · exp(σ_m · z_t),   g = (1 + fee_growth)^(1/12),   σ_m = growth_volatility / √12,
//! z_t ~ N(0, 1) independent
//! ```
//!
//! With zero volatility `exp(0) = 1` exactly, so every path, and so every percentile, is the
//! deterministic projection bit for bit.
//!
//! **Random numbers.** Each path has its own xoshiro256++ stream (`rand_xoshiro`), seeded from
//! the scenario's seed and the path's number (`run.rs`), so a path's draws do not depend on the
//! other paths or on the number of threads (chosen over ChaCha8 for speed; a simulation needs
//! statistical quality, which xoshiro256++ has, not cryptographic strength). Each `z` is drawn
//! by the ziggurat method ([`Ziggurat`]), almost always from one 64-bit word. The ziggurat's
//! tables and rare slow cases, the growth factor's `exp` and the monthly step use only IEEE
//! arithmetic and `libm` (or, for `exp` in lanes, `libm`'s own operations: `exp.rs`), never the
//! platform's maths library, so the same scenario and seed give the same bits natively and in the
//! browser. (`rand_distr`'s `StandardNormal` calls the platform's `exp` and `ln` when `std` is on,
//! as it is in this workspace: glibc's `ln` differs from `libm`'s in the last bit for about 7 % of
//! arguments.)
//!
//! **Cost.** Memory is `O(paths)`: one [`State`](crate::model::State) (or, for a plain design,
//! the five fields its paths do not share that decide what is reported: `paths.rs`) and one
//! stream per path and the reported quantities of the months between two synchronisations of the
//! threads (`4 · 8` bytes a path and month, `3 · 8` when the price is the same on every path: 24
//! months, fewer past 4 MiB but never fewer than 2, with the `parallel` feature;
//! one month without); months are never stored per path beyond that. The step allocates nothing. The fast
//! run (`fast.rs`) steps four paths in the lanes of one step (`model/lanes.rs`: the same bits as
//! one path at a time) and a block of months per task between synchronisations; within a group
//! the month's draws
//! come first (`growth.rs`), then the step. Percentiles come from a histogram, not a sort: see
//! [`percentiles_with`]; the fast run counts it over the range the last two months foresee
//! (`focus.rs`), and over the whole range when that misses. A run that comes near the edge of the float range is run again path by
//! path, every column checked (`run.rs`), so that overflow is reported as the projection reports
//! it.

mod crowded;
mod exp;
mod fast;
mod focus;
mod growth;
mod keys;
mod paths;
mod percentiles;
mod run;
mod sampling;

pub use percentiles::{percentiles, percentiles_with, Scratch};
pub use sampling::Ziggurat;

use crate::scenario::error::{FieldError, ScenarioError};
use crate::scenario::validate::validate;
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// Number of bins of the final-supply histogram (one bin when every path ends at the same supply).
pub const HISTOGRAM_BINS: usize = 40;

/// The percentiles reported, in percent, in the order of [`Percentiles`]' fields.
pub const PERCENTILES: [u32; 5] = [5, 25, 50, 75, 95];

/// A Monte Carlo run: percentile bands for every month and the distribution of final supply,
/// with the scenario that produced them (its `paths`, `seed` and `growth_volatility` included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonteCarlo {
    /// The scenario simulated.
    pub scenario: Scenario,
    /// Number of paths simulated (the scenario's `paths`).
    pub paths: u32,
    /// Seed of the random numbers (the scenario's `seed`).
    pub seed: u64,
    /// One band per month, month 1 first.
    pub months: Vec<Band>,
    /// Supply at the end of the horizon across paths, tokens.
    pub final_supply: Distribution,
    /// Share of paths whose final supply is strictly below the initial supply, 0..=1.
    pub probability_supply_below_start: f64,
}

/// The spread across paths of one month's quantities.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// 1-based month.
    pub month: u32,
    /// Supply at the end of the month, tokens.
    pub supply: Percentiles,
    /// Tokens burned since month 0.
    pub cumulative_burned: Percentiles,
    /// The month's `(burned_usd + staker_usd) / fees_usd`.
    pub value_capture_ratio: Percentiles,
    /// The month's token price, USD.
    pub price_usd: Percentiles,
}

/// Reads one quantity's percentiles from a band.
pub type Pick = fn(&Band) -> &Percentiles;

/// The quantities a [`Band`] holds, with their column names, in the order every export and the
/// worker's frame list them.
pub const BAND_QUANTITIES: [(&str, Pick); 4] = [
    ("supply", |b| &b.supply),
    ("cumulative_burned", |b| &b.cumulative_burned),
    ("value_capture_ratio", |b| &b.value_capture_ratio),
    ("price_usd", |b| &b.price_usd),
];

/// The 5th, 25th, 50th, 75th and 95th percentiles of a sample, nearest-rank: the `q`-th
/// percentile of `n` values is the `⌈q·n/100⌉`-th smallest (the smallest when that is 0).
/// Every percentile is one of the paths' own values.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Percentiles {
    /// 5th percentile.
    pub p5: f64,
    /// 25th percentile (lower quartile).
    pub p25: f64,
    /// 50th percentile (median).
    pub p50: f64,
    /// 75th percentile (upper quartile).
    pub p75: f64,
    /// 95th percentile.
    pub p95: f64,
}

impl Percentiles {
    /// The five values in [`PERCENTILES`] order.
    pub fn values(&self) -> [f64; 5] {
        [self.p5, self.p25, self.p50, self.p75, self.p95]
    }
}

/// A distribution across paths: percentiles, extremes, mean and a histogram to draw.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Distribution {
    /// Nearest-rank percentiles (see [`Percentiles`]).
    pub percentiles: Percentiles,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// Arithmetic mean, `min + Σ(value − min) / paths` summed in path order.
    pub mean: f64,
    /// Counts in equal-width bins from `min` to `max`.
    pub histogram: Histogram,
}

/// Equal-width bins: bin `i` holds the values in `[edges[i], edges[i + 1])`, the last bin also
/// its upper edge. `edges` has one more entry than `counts`; the counts sum to the number of paths.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Histogram {
    /// Bin edges, ascending; the first is the minimum and the last the maximum.
    pub edges: Vec<f64>,
    /// Number of values in each bin.
    pub counts: Vec<u32>,
}

/// Validate `scenario` and run its Monte Carlo with the scenario's own `paths`, `seed` and
/// `growth_volatility`. A path that leaves the range of 64-bit floats stops the run with
/// [`ScenarioError::Overflow`] at the first month where any path did, naming the first
/// quantity that overflowed on the first such path.
pub fn monte_carlo(scenario: &Scenario) -> Result<MonteCarlo, ScenarioError> {
    monte_carlo_with_progress(scenario, &mut |_, _| {})
}

/// [`monte_carlo`], calling `progress(month, months)` after each month (for a progress bar).
///
/// With the `parallel` feature the whole run is one job of rayon's pool, so that the run's
/// parallel steps start from a worker thread of the pool (which takes its share of the work)
/// rather than each being sent to the pool from outside and waited for: twenty such hand-offs a
/// run cost about 1 ms of 21 at 10,000 paths.
pub fn monte_carlo_with_progress(
    scenario: &Scenario,
    progress: &mut (dyn FnMut(u32, u32) + Send),
) -> Result<MonteCarlo, ScenarioError> {
    in_pool(|| run_checked(scenario, progress))
}

/// Most paths a batch run takes ([`monte_carlo_of_paths`]): about 0.35 GB of memory (each path's
/// state and random stream, and two months of samples).
pub const MAX_BATCH_PATHS: u32 = 1_000_000;

/// [`monte_carlo_with_progress`] with `paths` paths in place of the scenario's own: the command
/// line's batch runs, which may go past a scenario's 100,000 (the page's limit, where a run must
/// stay interactive) up to [`MAX_BATCH_PATHS`]. The scenario is validated as written, its own
/// `paths` included.
pub fn monte_carlo_of_paths(
    scenario: &Scenario,
    paths: u32,
    progress: &mut (dyn FnMut(u32, u32) + Send),
) -> Result<MonteCarlo, ScenarioError> {
    validate(scenario)?;
    if !(1..=MAX_BATCH_PATHS).contains(&paths) {
        let allowed = format!("a whole number between 1 and {MAX_BATCH_PATHS}");
        let error = FieldError::new("paths", f64::from(paths), &allowed, &allowed, paths.to_string());
        return Err(ScenarioError::Invalid(vec![error]));
    }
    let scenario = Scenario { paths, ..scenario.clone() };
    in_pool(|| run_valid(&scenario, progress))
}

/// `run` as one job of rayon's pool with the `parallel` feature (see
/// [`monte_carlo_with_progress`]), on the calling thread without it.
fn in_pool<T: Send>(run: impl FnOnce() -> T + Send) -> T {
    #[cfg(feature = "parallel")]
    {
        rayon::scope(|_| run())
    }
    #[cfg(not(feature = "parallel"))]
    {
        run()
    }
}

/// The fast run, or the careful one if the fast one could not vouch for every row.
fn run_checked(scenario: &Scenario, progress: &mut dyn FnMut(u32, u32)) -> Result<MonteCarlo, ScenarioError> {
    validate(scenario)?;
    run_valid(scenario, progress)
}

/// [`run_checked`] of a scenario already validated.
fn run_valid(scenario: &Scenario, progress: &mut dyn FnMut(u32, u32)) -> Result<MonteCarlo, ScenarioError> {
    match fast::simulate(scenario, progress) {
        Some(result) => result,
        // A path came near the edge of the float range: run again, same draws, checking every
        // column of every month.
        None => run::careful(scenario, progress),
    }
}

/// Extremes, mean, histogram and the share below `start` of `values` (in path order); the
/// percentiles are filled in by the caller from the last month's band.
fn distribution_unranked(values: &[f64], start: f64) -> (Distribution, f64) {
    let (min, max) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let n = values.len() as f64;
    // Summed from the minimum, so that equal values have exactly their value as mean; and kept
    // within the extremes, where rounding could otherwise nudge it.
    let mean = (min + values.iter().map(|v| v - min).sum::<f64>() / n).clamp(min, max);
    let below = values.iter().filter(|&&v| v < start).count() as f64 / n;
    let distribution =
        Distribution { percentiles: Percentiles::default(), min, max, mean, histogram: histogram(values, min, max) };
    (distribution, below)
}

/// Equal-width histogram of `values` between their `min` and `max`; see [`Histogram`].
fn histogram(values: &[f64], min: f64, max: f64) -> Histogram {
    let bins = if max > min { HISTOGRAM_BINS } else { 1 };
    let width = (max - min) / bins as f64;
    let mut edges: Vec<f64> = (0..bins).map(|i| min + width * i as f64).collect();
    edges.push(max);
    let mut counts = vec![0u32; bins];
    for &v in values {
        let i = if width > 0.0 { (((v - min) / width) as usize).min(bins - 1) } else { 0 };
        counts[i] += 1;
    }
    Histogram { edges, counts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_counts_every_value_once() {
        let values = [0.0, 1.0, 2.0, 3.0, 4.0];
        let h = histogram(&values, 0.0, 4.0);
        assert_eq!(h.edges.len(), HISTOGRAM_BINS + 1);
        assert_eq!(h.edges[0], 0.0);
        assert_eq!(h.edges[HISTOGRAM_BINS], 4.0);
        assert_eq!(h.counts.iter().sum::<u32>(), 5);
        assert_eq!(h.counts[HISTOGRAM_BINS - 1], 1, "the maximum is in the last bin");
        let flat = histogram(&[2.0, 2.0], 2.0, 2.0);
        assert_eq!((flat.edges, flat.counts), (vec![2.0, 2.0], vec![2]));
    }
}
