//! Nearest-rank percentiles across paths: by a histogram of order-preserving integer keys and a
//! selection within the few buckets that hold the ranks. See [`percentiles_with`].

use super::crowded::{crowded, dense};
use super::keys::{bucket_of, from_order_key, order_key, shift_for, BUCKETS};
use super::{Percentiles, PERCENTILES};

/// Nearest-rank percentiles of `sample` (see [`Percentiles`]) in `O(len)`. Ordering is
/// [`f64::total_cmp`]'s; an empty slice gives zeros. Allocates its scratch space: a loop over many
/// samples should call [`percentiles_with`].
pub fn percentiles(sample: &[f64]) -> Percentiles {
    percentiles_with(sample, &mut Scratch::default())
}

/// Buffers [`percentiles_with`] reuses across calls, so that a Monte Carlo run allocates once.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    /// Each value's bucket, in the sample's order.
    buckets: Vec<u16>,
    /// Four interleaved tallies of [`BUCKETS`] buckets each.
    counts: Vec<[u32; BUCKETS]>,
    picked: [Vec<u64>; 5],
}

/// Values the pick pass tests at once (one vector register of bucket numbers with AVX2).
const PICK: usize = 16;

/// [`percentiles`] without reordering `sample`, by a histogram of order-preserving integer keys:
/// one pass finds the keys' range, a second gives each value its bucket of 1,024 equal buckets of
/// that range (a 16-bit number, four values to an instruction), a third counts the bucket numbers
/// (four interleaved tallies), the counts say which bucket holds each of the five ranks, a fourth
/// pass compares the bucket numbers with those few, sixteen to an instruction, and keeps the keys
/// of the values in them (a few dozen of 10,000), and a selection within each gives the exact
/// value. Linear passes of cheap integer work: measured 2× faster than selecting the five ranks
/// with `select_nth_unstable` on all the keys (`montecarlo/percentiles_only`, 29 → 14 ms on this
/// machine for 480 samples of 10,000); stored 16-bit bucket numbers rather than keys made afresh
/// in each pass took that to 7.2 ms from 8.7.
///
/// When the range is narrow enough that every bucket is one key (a value capture ratio that is
/// the same share of fees on every path, up to rounding), the counts alone give each rank's value:
/// no pick pass, and no selection among thousands of equal keys (a quarter of the default
/// design's samples; `montecarlo/10000_paths_10y` 22.3 → 20.0 ms).
pub fn percentiles_with(sample: &[f64], scratch: &mut Scratch) -> Percentiles {
    if sample.is_empty() {
        return Percentiles::default();
    }
    let (lo, hi) = sample.iter().fold((u64::MAX, 0), |(lo, hi), &x| (lo.min(order_key(x)), hi.max(order_key(x))));
    by_histogram(sample, lo, hi, false, scratch).expect("a histogram of the whole range finds every rank")
}

/// [`percentiles_with`] of a sample whose extremes are known: no NaN, and every value between
/// `min` and `max` (the Monte Carlo run finds them as it records the paths, which saves a pass).
pub(super) fn percentiles_between(sample: &[f64], min: f64, max: f64, scratch: &mut Scratch) -> Percentiles {
    if sample.is_empty() {
        return Percentiles::default();
    }
    // `f64::min` and `max` do not tell −0 from +0: a zero extreme stands for both.
    let lo = order_key(if min == 0.0 { -0.0 } else { min });
    let hi = order_key(if max == 0.0 { 0.0 } else { max });
    if lo == hi {
        // One value on every path: the sample need not be read (nor stored: a shared price).
        return Percentiles { p5: min, p25: min, p50: min, p75: min, p95: min };
    }
    debug_assert!(sample.iter().all(|&x| (lo..=hi).contains(&order_key(x))), "{min} {max}");
    by_histogram(sample, lo, hi, false, scratch).expect("a histogram of the whole range finds every rank")
}

/// [`percentiles_with`] by a histogram of the keys `lo..=hi` alone, values beyond them counted
/// in its first and last buckets: buckets far narrower than the sample's whole range where its
/// extremes lie far from the ranks (the tails of lognormal growth), so that each rank's bucket
/// holds few values. `None` when a rank falls in the first or last bucket, which hold values
/// outside the keys: the whole range is then needed. The sample has no NaN.
pub(super) fn percentiles_focused(sample: &[f64], lo: u64, hi: u64, scratch: &mut Scratch) -> Option<Percentiles> {
    debug_assert!(hi > lo + 1, "{lo} {hi}");
    by_histogram(sample, lo, hi, true, scratch)
}

/// The histogram passes of [`percentiles_with`], with every key of `sample` in `lo..=hi`, or,
/// when `clamped`, those beyond counted in the first and last bucket (`None` when a rank falls
/// in one of those).
fn by_histogram(sample: &[f64], lo: u64, hi: u64, clamped: bool, scratch: &mut Scratch) -> Option<Percentiles> {
    let n = sample.len();
    // 0-based index of the ⌈q·n/100⌉-th smallest value, ascending.
    let ranks = PERCENTILES.map(|q| ((q as usize * n).div_ceil(100)).max(1) - 1);
    if lo == hi {
        let v = from_order_key(lo);
        return Some(Percentiles { p5: v, p25: v, p50: v, p75: v, p95: v });
    }
    let Scratch { buckets, counts, picked } = scratch;
    let shift = shift_for(lo, hi);
    let used = ((hi - lo) >> shift) as usize + 1; // buckets holding some of the range
    buckets.clear();
    if clamped {
        // Signed keys, which vector instructions compare, clamped into the range.
        let signed = |key: u64| (key ^ 1 << 63) as i64;
        let (low, high) = (signed(lo), signed(hi));
        let offset = |x: f64| signed(order_key(x)).clamp(low, high).wrapping_sub(low) as u64; // 0..=hi − lo
        buckets.extend(sample.iter().map(|&x| (offset(x) >> shift) as u16));
    } else {
        buckets.extend(sample.iter().map(|&x| ((order_key(x) - lo) >> shift) as u16));
    }
    // Four interleaved tallies, so that runs of values in one bucket do not wait on one counter.
    counts.resize(4, [0; BUCKETS]);
    counts.iter_mut().for_each(|c| c[..used].fill(0));
    let mut quads = buckets.chunks_exact(4);
    for quad in &mut quads {
        for (tally, &b) in counts.iter_mut().zip(quad) {
            tally[b as usize & (BUCKETS - 1)] += 1;
        }
    }
    for &b in quads.remainder() {
        counts[0][b as usize & (BUCKETS - 1)] += 1;
    }
    let (first, rest) = counts.split_at_mut(1);
    let count = &mut first[0];
    for tally in rest {
        for (c, t) in count[..used].iter_mut().zip(&tally[..used]) {
            *c += t;
        }
    }
    // The bucket of each rank and the rank within it.
    let at = ranks.map(|rank| {
        let (bucket, within) = bucket_of(&count[..used], rank);
        (bucket as u16, within)
    });
    if clamped && at.iter().any(|&(b, _)| b == 0 || usize::from(b) == used - 1) {
        return None;
    }
    if shift == 0 {
        // Every bucket is one key (a narrow sample, such as a value capture ratio that is the
        // same share of fees on every path): a rank's bucket is its value, with no pass to pick it.
        let [p5, p25, p50, p75, p95] = at.map(|(b, _)| from_order_key(lo + u64::from(b)));
        return Some(Percentiles { p5, p25, p50, p75, p95 });
    }
    // A crowded bucket is counted again over its own values' range (`dense`);
    // the keys of the others are picked (ranks in one bucket share it: `picked[r]` stays empty
    // for a rank whose bucket is an earlier rank's), and selected among.
    let mut keys = [None; 5];
    for r in 0..5 {
        let d = at[r].0;
        if crowded(count[d as usize] as usize, n) && keys[r].is_none() {
            dense(sample, buckets, d, &at, &mut keys);
        }
    }
    const NONE: u16 = u16::MAX; // no bucket: there are at most `BUCKETS`
    let wanted: [u16; 5] = std::array::from_fn(|r| if keys[r].is_some() { NONE } else { at[r].0 });
    let slot_of = |b: u16| wanted.iter().position(|&w| w == b);
    picked.iter_mut().for_each(Vec::clear);
    if wanted.iter().any(|&w| w != NONE) {
        // Each lane all ones where its bucket is wanted, in 16-bit masks: one comparison a
        // wanted bucket for the whole block (the same test on `bool`s compiles, alone, to twenty
        // times the instructions, shuffling lanes; in the run the two measured alike).
        let hit = |block: &[u16; PICK]| {
            let mut lanes = [0u16; PICK];
            for (lane, &b) in lanes.iter_mut().zip(block) {
                for &w in &wanted {
                    *lane |= u16::from(b == w).wrapping_neg();
                }
            }
            // One bit a lane, so that only the lanes hit are visited.
            lanes.iter().enumerate().fold(0u32, |bits, (i, &lane)| bits | u32::from(lane & 1) << i)
        };
        let mut blocks = buckets.chunks_exact(PICK);
        for (k, block) in (&mut blocks).enumerate() {
            let mut lanes = hit(block.try_into().expect("a block of PICK"));
            while lanes != 0 {
                let i = lanes.trailing_zeros() as usize;
                lanes &= lanes - 1;
                let slot = slot_of(block[i]).expect("a wanted bucket");
                picked[slot].push(order_key(sample[k * PICK + i]));
            }
        }
        let from = n - blocks.remainder().len();
        for (i, &b) in blocks.remainder().iter().enumerate() {
            if let Some(slot) = slot_of(b) {
                picked[slot].push(order_key(sample[from + i]));
            }
        }
    }
    let value = |r: usize| {
        let (b, within) = at[r];
        let key = keys[r].unwrap_or_else(|| {
            let slot = slot_of(b).expect("a rank's own bucket");
            *picked[slot].select_nth_unstable(within).1
        });
        from_order_key(key)
    };
    let [p5, p25, p50, p75, p95] = std::array::from_fn(value);
    Some(Percentiles { p5, p25, p50, p75, p95 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_samples_are_counted_with_the_same_ranks() {
        // Values that differ only by rounding (a value capture ratio that is the same share of
        // fees on every path) fill a few buckets of width one: the ranks are exact.
        let a = 0.8f64;
        let b = f64::from_bits(a.to_bits() - 1);
        let c = f64::from_bits(a.to_bits() + 40);
        for n in [1usize, 2, 3, 7, 20, 99, 100, 101, 5000] {
            let values: Vec<f64> = (0..n).map(|i| [a, b, c, a][(i * 7) % 4]).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let want = PERCENTILES.map(|q| sorted[(q as usize * n).div_ceil(100).max(1) - 1]);
            assert_eq!(percentiles(&values).values(), want, "n = {n}");
        }
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

    /// A focused histogram gives exactly a full sort's nearest ranks whenever it gives any, and
    /// gives them whenever the focus holds every rank away from its ends.
    #[test]
    fn a_focused_histogram_finds_a_full_sorts_ranks_or_says_it_missed() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        let scratch = std::cell::RefCell::new(Scratch::default());
        let found = std::cell::Cell::new(0);
        let mut runner = TestRunner::new(Config { cases: 400, failure_persistence: None, ..Config::default() });
        let sample = proptest::collection::vec(
            prop_oneof![
                50 => 1e3..1e6f64,
                10 => 1e5..1.0001e5f64,
                1 => Just(0.5),
                1 => Just(-0.0),
                1 => -1e3..0.0f64
            ],
            1..2000,
        );
        // Most foci hold the 5th to the 95th percentile; the others are anywhere.
        let (a, b) =
            (prop_oneof![3 => 0.02..0.045f64, 1 => 0.0..1.0f64], prop_oneof![3 => 0.955..0.98f64, 1 => 0.0..1.0f64]);
        runner
            .run(&(sample, a, b, 0..1u64 << 40), |(sample, a, b, wide)| {
                let mut sorted = sample.clone();
                sorted.sort_by(f64::total_cmp);
                let n = sample.len();
                let want = PERCENTILES.map(|q| sorted[(q as usize * n).div_ceil(100).max(1) - 1].to_bits());
                // A focus from one place of the sorted sample to another, widened by some keys.
                let at = |u: f64| order_key(sorted[((n - 1) as f64 * u) as usize]);
                let (lo, hi) = (at(a.min(b)).saturating_sub(wide), at(a.max(b)).saturating_add(wide));
                let (lo, hi) = (lo, hi.max(lo + 2));
                let got = percentiles_focused(&sample, lo, hi, &mut scratch.borrow_mut());
                if let Some(got) = got {
                    prop_assert_eq!(got.values().map(f64::to_bits), want);
                    found.set(found.get() + 1);
                } else {
                    // Missed only when some rank lies in an end bucket, which also holds the values
                    // beyond the focus.
                    let shift = shift_for(lo, hi);
                    let last = (hi - lo) >> shift;
                    let bucket = |bits: u64| (order_key(f64::from_bits(bits)).clamp(lo, hi) - lo) >> shift;
                    prop_assert!(want.iter().any(|&w| bucket(w) == 0 || bucket(w) == last), "missed");
                }
                Ok(())
            })
            .unwrap();
        // About 70 of the 400 find them; fewer than 40 would mean the focused path went untested.
        assert!(found.get() > 40, "only {} of 400 found their ranks", found.get());
    }

    /// The histogram and the selection within buckets give exactly a full sort's nearest ranks,
    /// on samples of every shape: wide and narrow ranges, ties, signs, infinities, one value.
    #[test]
    fn percentiles_equal_a_full_sort_exactly() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        let value = prop_oneof![
            4 => -1e6..1e6f64,
            2 => 1e9..1.0001e9f64,
            1 => prop_oneof![Just(0.0), Just(-0.0), Just(1.0), Just(f64::INFINITY), Just(f64::NEG_INFINITY)],
            1 => any::<f64>(),
        ];
        let scratch = std::cell::RefCell::new(Scratch::default());
        let mut runner = TestRunner::new(Config { cases: 400, failure_persistence: None, ..Config::default() });
        runner
            .run(&proptest::collection::vec(value, 1..2000), |sample| {
                let mut sorted = sample.clone();
                sorted.sort_by(f64::total_cmp);
                let n = sample.len();
                let want = PERCENTILES.map(|q| sorted[(q as usize * n).div_ceil(100).max(1) - 1].to_bits());
                let got = percentiles_with(&sample, &mut scratch.borrow_mut()).values().map(f64::to_bits);
                prop_assert_eq!(got, want);
                Ok(())
            })
            .unwrap();
    }
}
