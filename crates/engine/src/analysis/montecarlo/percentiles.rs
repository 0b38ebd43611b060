//! Nearest-rank percentiles across paths: by selection on order-preserving integer keys, or by
//! counting when a sample's values lie within 64 consecutive floats. See [`percentiles`].

use super::{Percentiles, PERCENTILES};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
