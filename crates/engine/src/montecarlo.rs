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
//! **Random numbers.** One xoshiro256++ stream (`rand_xoshiro`) seeded with `seed_from_u64(seed)`
//! (chosen over ChaCha8 for speed: the 10,000-path run took 18.6 ms instead of 20.4 ms in the same
//! session; a simulation needs statistical quality, which xoshiro256++ has, not cryptographic
//! strength).
//! Paths are advanced together, month by month; within a month path 0 draws first, then path 1,
//! and so on. Each `z` is drawn by the ziggurat method ([`Ziggurat`]), almost always from one
//! 64-bit word. The ziggurat's tables and rare slow cases, the growth factor's `exp` and the
//! monthly step use only IEEE arithmetic and `libm`, never the platform's maths library, so the
//! same scenario and seed give the same bits natively and in the browser. (`rand_distr`'s
//! `StandardNormal` calls the platform's `exp` and `ln` when `std` is on, as it is in this
//! workspace: glibc's `ln` differs from `libm`'s in the last bit for about 7 % of arguments.)
//!
//! **Cost.** Memory is `O(paths)`: one [`State`] per path and one reusable sample buffer per
//! reported quantity; months are never stored per path. The step allocates nothing. Each month
//! the draws are made in one loop and the paths stepped in another (one loop doing both is
//! twice as slow: every path then waits on its draw). Percentiles are selected, not sorted:
//! see [`percentiles`].

use crate::error::ScenarioError;
use crate::model::Model;
use crate::month::Month;
use crate::scenario::Scenario;
use crate::step::{step, State};
use crate::validate::validate;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
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
}

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
    validate(scenario)?;
    match simulate::<false>(scenario) {
        Some(result) => result,
        // A path came near the edge of the float range: run again, same draws, checking every
        // column of every month.
        // (A careful run always returns `Some`; the fallback only keeps this free of panics.)
        None => {
            simulate::<true>(scenario).unwrap_or(Err(ScenarioError::Overflow { month: 0, year: 0, quantity: "supply" }))
        }
    }
}

/// The run itself, for a valid scenario. Unless `CAREFUL`, each month is checked only with
/// [`surely_finite`], and `None` says that some month failed that test, so that the caller runs
/// again with `CAREFUL`, which checks every column of every row exactly as the deterministic
/// projection does (and so always returns `Some`).
fn simulate<const CAREFUL: bool>(scenario: &Scenario) -> Option<Result<MonteCarlo, ScenarioError>> {
    let model = Model::new(scenario);
    let paths = scenario.paths as usize;
    let growth = model.monthly_fee_growth;
    let sigma = scenario.growth_volatility / 12f64.sqrt(); // monthly volatility of log growth
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(scenario.seed);
    let normal = Ziggurat::new();

    let mut states = vec![State::start(&model); paths];
    let mut factors = vec![growth; paths];
    let mut supply = vec![0.0; paths];
    let mut burned = vec![0.0; paths];
    let mut capture = vec![0.0; paths];
    let mut scratch: Vec<u64> = Vec::with_capacity(paths);
    let mut bands = Vec::with_capacity(model.months as usize);
    let mut final_supply = Distribution::default();
    let mut below = 0.0;

    for month in 1..=model.months {
        // Draw the month's factors first, then step: two short loops whose iterations are
        // independent run far faster than one long chain of draw → exp → step per path.
        // Month 1 is the first-month fees whatever the factor: nothing is drawn for it.
        if month > 1 {
            for factor in factors.iter_mut() {
                *factor = growth * libm::exp(sigma * normal.sample(&mut rng));
            }
        }
        let mut sure = true;
        for (k, (state, &factor)) in states.iter_mut().zip(&factors).enumerate() {
            let row = step(&model, state, factor);
            if CAREFUL {
                if let Some(quantity) = row.first_non_finite() {
                    return Some(Err(ScenarioError::Overflow { month, year: row.year(), quantity }));
                }
            } else {
                sure &= surely_finite(&row); // no branch: the loop stays tight
                debug_assert!(
                    !surely_finite(&row) || row.first_non_finite().is_none(),
                    "surely_finite let a non-finite column through: {row:?}"
                );
            }
            supply[k] = row.supply;
            burned[k] = row.cumulative_burned;
            capture[k] = row.value_capture_ratio;
        }
        if !sure {
            return None;
        }
        if month == model.months {
            (final_supply, below) = distribution_unranked(&supply, scenario.initial_supply);
        }
        bands.push(Band {
            month,
            supply: percentiles_with(&supply, &mut scratch),
            cumulative_burned: percentiles_with(&burned, &mut scratch),
            value_capture_ratio: percentiles_with(&capture, &mut scratch),
        });
    }

    if let Some(last) = bands.last() {
        final_supply.percentiles = last.supply;
    }
    Some(Ok(MonteCarlo {
        scenario: scenario.clone(),
        paths: scenario.paths,
        seed: scenario.seed,
        months: bands,
        final_supply,
        probability_supply_below_start: below,
    }))
}

/// Bound under which fees, price and supply keep every other column of the month finite.
const SAFE: f64 = 1e100;

/// A cheap sufficient test that none of the month's columns overflowed, so that the hot loop
/// need neither compute nor test them all (that costs a fifth of the run). When fees, price and
/// the supply (which starts the next month) are finite, non-negative and below `SAFE`, and the
/// supply is zero or above `1 / SAFE`, every other column of the step is bounded well below
/// 1e308: burned tokens never exceed the supply at the start of the month and minted tokens a
/// twelfth of it; values in USD are at most such a token amount times the price, or a share of
/// fees grossed up by at most `1 / (1 − conversion_cost)` ≤ 2⁵³; market cap and volume are
/// price × supply times at most 1000 / 12; rates are per token of a supply of at least
/// `1 / SAFE`; the value capture ratio is at most about 1. When the test fails, [`monte_carlo`]
/// runs again and [`Month::first_non_finite`] decides, so overflow is reported exactly as the
/// deterministic projection reports it. Debug builds (the tests) check the claim on every row.
#[inline(always)]
fn surely_finite(m: &Month) -> bool {
    m.fees_usd < SAFE && m.price_usd < SAFE && m.supply < SAFE && (m.supply == 0.0 || m.supply > 1.0 / SAFE)
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

/// Nearest-rank percentiles of `sample` (see [`Percentiles`]) in `O(len)` by selection: the
/// median first, then each other percentile within the part of the slice on its side. Ordering
/// is [`f64::total_cmp`]'s; an empty slice gives zeros. Allocates its scratch space: a loop over
/// many samples should call [`percentiles_with`].
pub fn percentiles(sample: &[f64]) -> Percentiles {
    percentiles_with(sample, &mut Vec::with_capacity(sample.len()))
}

/// [`percentiles`] without reordering `sample`, selecting on order-preserving integer keys in
/// `scratch` (reused across calls, so a Monte Carlo run allocates it once). Comparing `u64`s is
/// about twice as fast as `f64::total_cmp`, which is what selection spends its time on.
pub fn percentiles_with(sample: &[f64], scratch: &mut Vec<u64>) -> Percentiles {
    let n = sample.len();
    if n == 0 {
        return Percentiles::default();
    }
    if let Some(p) = narrow_percentiles(sample) {
        return p;
    }
    scratch.clear();
    scratch.extend(sample.iter().map(|&x| order_key(x)));
    // 0-based index of the ⌈q·n/100⌉-th smallest value.
    let [i5, i25, i50, i75, i95] = PERCENTILES.map(|q| ((q as usize * n).div_ceil(100)).max(1) - 1);

    let (lower, &mut p50, upper) = scratch.select_nth_unstable(i50);
    let (p5, p25) = lower_pair(lower, i5, i25, p50);
    // Indices into `upper`, which starts at i50 + 1.
    let (p75, p95) = upper_pair(upper, i75 - i50, i95 - i50, p50);
    let [p5, p25, p50, p75, p95] = [p5, p25, p50, p75, p95].map(from_order_key);
    Percentiles { p5, p25, p50, p75, p95 }
}

/// `x` as an integer whose order is [`f64::total_cmp`]'s: positive floats get the top bit set,
/// negative ones are inverted so that larger magnitudes sort lower.
#[inline(always)]
fn order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The inverse of [`order_key`].
#[inline(always)]
fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 { key & !(1 << 63) } else { !key })
}

/// Percentiles by counting, when the values of `sample` are positive and all among 64
/// consecutive floating-point numbers: a sample that is constant, or that differs only by
/// rounding (a value capture ratio that is the same share of fees on every path). Two passes and
/// no selection; `None` for any other sample. For positive numbers the order of the bits is the
/// order of the values, so the ranks are exactly those of [`percentiles`].
fn narrow_percentiles(sample: &[f64]) -> Option<Percentiles> {
    const SPAN: u64 = 64;
    let n = sample.len();
    // Extremes four lanes at a time (this pass vectorises); NaN fails the test below.
    let (mut lo, mut hi) = ([sample[0]; 4], [sample[0]; 4]);
    let mut chunks = sample.chunks_exact(4);
    for chunk in &mut chunks {
        for lane in 0..4 {
            lo[lane] = if chunk[lane] < lo[lane] { chunk[lane] } else { lo[lane] };
            hi[lane] = if chunk[lane] > hi[lane] { chunk[lane] } else { hi[lane] };
        }
    }
    let lo = chunks.remainder().iter().chain(&lo).fold(lo[0], |m, &v| if v < m { v } else { m });
    let hi = chunks.remainder().iter().chain(&hi).fold(hi[0], |m, &v| if v > m { v } else { m });
    if !(lo > 0.0 && hi.is_finite() && hi.to_bits() - lo.to_bits() < SPAN) {
        return None;
    }
    let base = lo.to_bits();
    // Four interleaved tallies, so that runs of equal values do not wait on one counter.
    let mut counts = [[0u32; SPAN as usize]; 4];
    // A NaN escapes the extremes above; it lands outside the span, and `outside` sends the
    // sample to selection after all.
    let mut outside = false;
    let mut slot = |x: f64| {
        let offset = x.to_bits().wrapping_sub(base);
        outside |= offset >= SPAN;
        (offset & (SPAN - 1)) as usize
    };
    let mut chunks = sample.chunks_exact(4);
    for chunk in &mut chunks {
        for lane in 0..4 {
            counts[lane][slot(chunk[lane])] += 1;
        }
    }
    for &x in chunks.remainder() {
        counts[0][slot(x)] += 1;
    }
    if outside {
        return None;
    }
    let mut values = [0.0; 5];
    let (mut below, mut offset) = (0usize, 0usize);
    for (value, q) in values.iter_mut().zip(PERCENTILES) {
        let k = ((q as usize * n).div_ceil(100)).max(1) - 1;
        loop {
            let here: usize = counts.iter().map(|t| t[offset] as usize).sum();
            if below + here > k {
                break;
            }
            below += here;
            offset += 1;
        }
        *value = f64::from_bits(base + offset as u64);
    }
    let [p5, p25, p50, p75, p95] = values;
    Some(Percentiles { p5, p25, p50, p75, p95 })
}

/// The values of rank `a ≤ b` within `lower` (all ≤ `median`), where an index equal to
/// `lower.len()` means the median itself.
fn lower_pair(lower: &mut [u64], a: usize, b: usize, median: u64) -> (u64, u64) {
    if b == lower.len() {
        return if a == b {
            (median, median)
        } else {
            let (_, &mut va, _) = lower.select_nth_unstable(a);
            (va, median)
        };
    }
    let (below, &mut vb, _) = lower.select_nth_unstable(b);
    let va = if a == b { vb } else { *below.select_nth_unstable(a).1 };
    (va, vb)
}

/// The values at offsets `a ≤ b` past the median, `upper` holding the values after it (all ≥
/// `median`); offset 0 means the median itself and offset `k ≥ 1` is `upper[k − 1]` in order.
fn upper_pair(upper: &mut [u64], a: usize, b: usize, median: u64) -> (u64, u64) {
    if a == 0 {
        return if b == 0 {
            (median, median)
        } else {
            let (_, &mut vb, _) = upper.select_nth_unstable(b - 1);
            (median, vb)
        };
    }
    let (_, &mut va, above) = upper.select_nth_unstable(a - 1);
    let vb = if a == b { va } else { *above.select_nth_unstable(b - a - 1).1 };
    (va, vb)
}

/// A uniform number strictly inside (0, 1) from one 64-bit word: `(⌊w / 2¹²⌋ + ½) / 2⁵²`,
/// exact in binary floating point, symmetric about ½.
#[inline]
fn uniform(rng: &mut Xoshiro256PlusPlus) -> f64 {
    const SCALE: f64 = 1.0 / (1u64 << 52) as f64;
    ((rng.next_u64() >> 12) as f64 + 0.5) * SCALE
}

/// Standard normal draws by the ziggurat method (Marsaglia and Tsang 2000, in Doornik's 2005
/// form as in `rand_distr`): 256 layers of equal area under `f(x) = exp(−x²/2)`. Almost every draw
/// is one 64-bit word, a table look-up and a multiplication; the few that land in a layer's
/// wedge or in the tail beyond `R` call `libm::exp` / `libm::log`. The tables are built with
/// `libm` too, so the draws are the same bits on every platform.
#[derive(Debug, Clone)]
pub struct Ziggurat {
    /// Layer edges: `x[0] = V / f(R)` (the base layer's width with its tail), `x[1] = R`,
    /// decreasing to `x[256] = 0`.
    x: [f64; 257],
    /// `f(x[i])`.
    f: [f64; 257],
}

impl Ziggurat {
    /// Where the tail starts.
    const R: f64 = 3.654_152_885_361_009;
    /// Area of each layer.
    const V: f64 = 0.00492867323399;

    /// `exp(−x²/2)`.
    #[inline]
    fn density(x: f64) -> f64 {
        libm::exp(-0.5 * x * x)
    }

    /// Build the tables: each layer `i ≥ 1` is the rectangle of width `x[i]` between `f(x[i])`
    /// and `f(x[i + 1])`, with area `V`.
    pub fn new() -> Self {
        let mut x = [0.0; 257];
        x[0] = Self::V / Self::density(Self::R);
        x[1] = Self::R;
        for i in 2..256 {
            x[i] = libm::sqrt(-2.0 * libm::log(Self::V / x[i - 1] + Self::density(x[i - 1])));
        }
        x[256] = 0.0;
        let f = x.map(Self::density);
        Self { x, f }
    }

    /// One standard normal draw.
    #[inline]
    pub fn sample(&self, rng: &mut Xoshiro256PlusPlus) -> f64 {
        loop {
            let bits = rng.next_u64();
            let i = (bits & 0xff) as usize;
            // The top 52 bits as a uniform on [−1, 1): a number in [2, 4) minus 3, exactly.
            let u = f64::from_bits(0x4000_0000_0000_0000 | (bits >> 12)) - 3.0;
            let x = u * self.x[i];
            if x.abs() < self.x[i + 1] {
                return x; // inside the layer's rectangle that lies wholly under the curve
            }
            if i == 0 {
                return Self::tail(rng, u);
            }
            // In the wedge: accept if a uniform height in the layer falls under the curve.
            if self.f[i + 1] + (self.f[i] - self.f[i + 1]) * uniform(rng) < Self::density(x) {
                return x;
            }
        }
    }

    /// A draw beyond `R` (Marsaglia 1964), on the side of `u`'s sign.
    #[cold]
    fn tail(rng: &mut Xoshiro256PlusPlus, u: f64) -> f64 {
        loop {
            let x = libm::log(uniform(rng)) / Self::R; // negative
            let y = libm::log(uniform(rng));
            if -2.0 * y >= x * x {
                return if u < 0.0 { x - Self::R } else { Self::R - x };
            }
        }
    }
}

impl Default for Ziggurat {
    fn default() -> Self {
        Self::new()
    }
}

/// The monthly CSV column names: `month`, then `<quantity>_p<q>` for supply, cumulative burned
/// and value capture ratio at each of [`PERCENTILES`].
pub const CSV_HEADER: &[&str] = &[
    "month",
    "supply_p5",
    "supply_p25",
    "supply_p50",
    "supply_p75",
    "supply_p95",
    "cumulative_burned_p5",
    "cumulative_burned_p25",
    "cumulative_burned_p50",
    "cumulative_burned_p75",
    "cumulative_burned_p95",
    "value_capture_ratio_p5",
    "value_capture_ratio_p25",
    "value_capture_ratio_p50",
    "value_capture_ratio_p75",
    "value_capture_ratio_p95",
];

/// One CSV row; its field names are [`CSV_HEADER`].
#[derive(Serialize)]
struct Row {
    month: u32,
    supply_p5: f64,
    supply_p25: f64,
    supply_p50: f64,
    supply_p75: f64,
    supply_p95: f64,
    cumulative_burned_p5: f64,
    cumulative_burned_p25: f64,
    cumulative_burned_p50: f64,
    cumulative_burned_p75: f64,
    cumulative_burned_p95: f64,
    value_capture_ratio_p5: f64,
    value_capture_ratio_p25: f64,
    value_capture_ratio_p50: f64,
    value_capture_ratio_p75: f64,
    value_capture_ratio_p95: f64,
}

impl From<&Band> for Row {
    fn from(b: &Band) -> Self {
        let (s, c, v) = (b.supply, b.cumulative_burned, b.value_capture_ratio);
        Row {
            month: b.month,
            supply_p5: s.p5,
            supply_p25: s.p25,
            supply_p50: s.p50,
            supply_p75: s.p75,
            supply_p95: s.p95,
            cumulative_burned_p5: c.p5,
            cumulative_burned_p25: c.p25,
            cumulative_burned_p50: c.p50,
            cumulative_burned_p75: c.p75,
            cumulative_burned_p95: c.p95,
            value_capture_ratio_p5: v.p5,
            value_capture_ratio_p25: v.p25,
            value_capture_ratio_p50: v.p50,
            value_capture_ratio_p75: v.p75,
            value_capture_ratio_p95: v.p95,
        }
    }
}

/// The bands as CSV: the [`CSV_HEADER`] row, then one row per month. Numbers are written as the
/// projection's CSV writes them (`crate::export::csv`).
pub fn csv(monte_carlo: &MonteCarlo) -> String {
    crate::export::table(CSV_HEADER, monte_carlo.months.iter().map(Row::from))
}

/// The whole run as pretty JSON: scenario, bands and final-supply distribution.
pub fn json(monte_carlo: &MonteCarlo) -> String {
    serde_json::to_string_pretty(monte_carlo).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Φ(x)` from `libm::erfc`.
    fn normal_cdf(x: f64) -> f64 {
        0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
    }

    #[test]
    #[allow(clippy::excessive_precision)] // the published table, digit for digit
    fn ziggurat_tables_match_the_published_ones() {
        // rand_distr's ZIG_NORM_X, generated independently.
        let z = Ziggurat::new();
        for (i, want) in [
            (0, 3.910757959537090045),
            (1, 3.654152885361008796),
            (2, 3.449278298560964462),
            (254, 0.286174591747260509),
            (255, 0.215241895913273806),
        ] {
            assert!((z.x[i] - want).abs() <= 1e-14, "x[{i}] = {}", z.x[i]);
        }
        assert_eq!(z.x[256], 0.0);
        assert_eq!(z.f[256], 1.0);
        assert!(z.x.windows(2).all(|w| w[0] > w[1]), "layers shrink upwards");
    }

    #[test]
    fn uniforms_are_strictly_inside_the_unit_interval() {
        const SCALE: f64 = 1.0 / (1u64 << 52) as f64;
        assert_eq!(0.5 * SCALE, 1.0 / (1u64 << 53) as f64);
        assert!((((u64::MAX >> 12) as f64 + 0.5) * SCALE) < 1.0);
    }

    /// A million draws against the normal distribution: moments, tails beyond the ziggurat's
    /// base, and the largest gap between the empirical and the true distribution function
    /// (Kolmogorov–Smirnov: 1.95 / √n is the 0.1 % critical value).
    #[test]
    fn ziggurat_draws_are_standard_normal() {
        let z = Ziggurat::new();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        let n = 1_000_000;
        let mut draws: Vec<f64> = (0..n).map(|_| z.sample(&mut rng)).collect();
        let mean = draws.iter().sum::<f64>() / n as f64;
        let variance = draws.iter().map(|d| (d - mean) * (d - mean)).sum::<f64>() / n as f64;
        let kurtosis = draws.iter().map(|d| (d - mean).powi(4)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.005, "mean {mean}");
        assert!((variance - 1.0).abs() < 0.005, "variance {variance}");
        assert!((kurtosis - 3.0).abs() < 0.05, "kurtosis {kurtosis}");
        let beyond_r = draws.iter().filter(|d| d.abs() > Ziggurat::R).count() as f64 / n as f64;
        let want = 2.0 * normal_cdf(-Ziggurat::R); // 2.6e-4
        assert!((beyond_r / want - 1.0).abs() < 0.15, "tail share {beyond_r} vs {want}");
        let below_zero = draws.iter().filter(|&&d| d < 0.0).count() as f64 / n as f64;
        assert!((below_zero - 0.5).abs() < 0.002, "{below_zero}");
        draws.sort_by(f64::total_cmp);
        let ks = draws
            .iter()
            .enumerate()
            .map(|(i, &d)| {
                let cdf = normal_cdf(d);
                (cdf - i as f64 / n as f64).abs().max((cdf - (i + 1) as f64 / n as f64).abs())
            })
            .fold(0.0, f64::max);
        assert!(ks < 1.95 / (n as f64).sqrt(), "Kolmogorov–Smirnov distance {ks}");
    }

    #[test]
    fn narrow_samples_are_counted_with_the_same_ranks() {
        let a = 0.8f64;
        let b = f64::from_bits(a.to_bits() - 1);
        let c = f64::from_bits(a.to_bits() + 40);
        for n in [1usize, 2, 3, 7, 20, 99, 100, 101, 5000] {
            let values: Vec<f64> = (0..n).map(|i| [a, b, c, a][(i * 7) % 4]).collect();
            let by_count = narrow_percentiles(&values).expect("narrow");
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let want = PERCENTILES.map(|q| sorted[(q as usize * n).div_ceil(100).max(1) - 1]);
            let got = [by_count.p5, by_count.p25, by_count.p50, by_count.p75, by_count.p95];
            assert_eq!(got, want, "n = {n}");
        }
        assert!(narrow_percentiles(&[1.0, 2.0]).is_none());
        assert!(narrow_percentiles(&[0.0, 0.0]).is_none(), "zeros go to selection");
        assert!(narrow_percentiles(&[f64::NAN, 1.0]).is_none());
        assert!(narrow_percentiles(&[1.0, f64::NAN, 1.0, 1.0, 1.0, 1.0]).is_none(), "NaN after the first");
        assert!(narrow_percentiles(&[1.0, -f64::NAN]).is_none());
        assert!(narrow_percentiles(&[1.0, f64::INFINITY]).is_none());
    }

    #[test]
    fn nearest_rank_percentiles() {
        let one = [3.0];
        let p = percentiles(&one);
        assert_eq!([p.p5, p.p25, p.p50, p.p75, p.p95], [3.0; 5]);
        // 1..=20 shuffled: ranks ⌈q·20/100⌉ = 1, 5, 10, 15, 19.
        let twenty: Vec<f64> = (1..=20).map(|i| ((i * 7) % 20 + 1) as f64).collect();
        let p = percentiles(&twenty);
        assert_eq!([p.p5, p.p25, p.p50, p.p75, p.p95], [1.0, 5.0, 10.0, 15.0, 19.0]);
        for n in 1..=41usize {
            let values: Vec<f64> = (0..n).map(|i| ((i * 17) % n) as f64).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let sample = values;
            let p = percentiles(&sample);
            let want = PERCENTILES.map(|q| sorted[(q as usize * n).div_ceil(100).max(1) - 1]);
            assert_eq!([p.p5, p.p25, p.p50, p.p75, p.p95], want, "n = {n}");
        }
    }

    #[test]
    fn csv_header_is_the_row_fields() {
        let band = Band {
            month: 1,
            supply: Percentiles::default(),
            cumulative_burned: Percentiles::default(),
            value_capture_ratio: Percentiles::default(),
        };
        let mc = MonteCarlo {
            scenario: Scenario::default(),
            paths: 1,
            seed: 1,
            months: vec![band],
            final_supply: Distribution::default(),
            probability_supply_below_start: 0.0,
        };
        assert_eq!(csv(&mc).lines().next().unwrap(), CSV_HEADER.join(","));
        let none = MonteCarlo { months: vec![], ..mc };
        assert_eq!(csv(&none).trim_end(), CSV_HEADER.join(","));
    }

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
