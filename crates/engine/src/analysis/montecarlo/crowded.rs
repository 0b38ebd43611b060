//! Buckets of the percentiles' histogram that hold too many values to select among: counted
//! again, over their own values' range ([`dense`]), until few enough are left ([`select`]).

use super::keys::{bucket_of, order_key, shift_for, BUCKETS};

/// The keys of every rank in bucket `d` of the first histogram (`at`: each rank's bucket and its
/// rank within it), into `keys`: the bucket's values are counted again, into buckets of their own
/// range. A bucket of the first histogram can hold most of the sample: a value capture ratio that
/// is one share of fees on all but a few paths (those whose burn the circulating supply caps)
/// spans a wide range, and its bulk, equal up to rounding, falls in one bucket (99,997 values of
/// 100,000 in some months of the numpy peer's design). Its own range is then a few hundred keys
/// wide, and the second counts give each rank's value without picking and selecting among the
/// bucket's keys (with the bucket numbers above, the percentiles of that run took 91 ms of the
/// processors' time against 98).
pub(super) fn dense(sample: &[f64], buckets: &[u16], d: u16, at: &[(u16, usize); 5], keys: &mut [Option<u64>; 5]) {
    let member = |(&b, &x): (&u16, &f64)| (b == d, order_key(x));
    let (lo, hi) =
        buckets.iter().zip(sample).map(member).fold((u64::MAX, 0), |(lo, hi), (m, k)| {
            (lo.min(if m { k } else { u64::MAX }), hi.max(if m { k } else { 0 }))
        });
    let ranks = (0..5).filter(|&r| at[r].0 == d);
    if lo == hi {
        ranks.for_each(|r| keys[r] = Some(lo));
        return;
    }
    let shift = shift_for(lo, hi);
    // Four interleaved tallies, and a last bucket for the values outside `d`.
    let mut tallies = [[0u32; BUCKETS + 1]; 4];
    let sub = |(m, k): (bool, u64)| if m { ((k - lo) >> shift) as usize & (BUCKETS - 1) } else { BUCKETS };
    let mut quads = buckets.chunks_exact(4).zip(sample.chunks_exact(4));
    for (b, x) in &mut quads {
        for (tally, value) in tallies.iter_mut().zip(b.iter().zip(x)) {
            tally[sub(member(value))] += 1;
        }
    }
    let tail = n_tail(sample.len());
    for value in buckets[tail..].iter().zip(&sample[tail..]) {
        tallies[0][sub(member(value))] += 1;
    }
    let count: [u32; BUCKETS] = std::array::from_fn(|i| tallies.iter().map(|t| t[i]).sum());
    let mut wanted = [(0usize, 0usize); 5]; // each rank's bucket of the second counts, and within it
    for r in ranks.clone() {
        wanted[r] = bucket_of(&count, at[r].1);
    }
    for r in ranks {
        let (b, within) = wanted[r];
        keys[r] = Some(if shift == 0 {
            lo + b as u64
        } else {
            let mut picked: Vec<u64> = (buckets.iter().zip(sample).map(member))
                .filter(|&(m, k)| m && sub((m, k)) == b)
                .map(|(_, k)| k)
                .collect();
            select(&mut picked, within)
        });
    }
}

/// Where the values left over by steps of four start.
fn n_tail(n: usize) -> usize {
    n - n % 4
}

/// Keys a bucket may hold and still be selected among directly: beyond it, [`select`] counts them
/// into buckets again.
pub(super) const FEW: usize = 4096;

/// Whether a bucket of `count` of a sample's `n` values is crowded: counting it again costs two
/// passes over the sample, selecting among its keys about ten times its count in comparisons
/// and moves, so it is counted again only beyond an eighth of the sample (and [`FEW`]). A fixed
/// threshold of [`FEW`] made most rank buckets of a 1,000,000-path run crowded (a thousand keys a
/// bucket there): 2.5 → 4.2 s.
pub(super) fn crowded(count: usize, n: usize) -> bool {
    count > FEW.max(n / 8)
}

/// The `within`-th smallest of `keys` (0-based), reordering them. A bucket of the first histogram
/// can hold most of the sample: a value capture ratio that is one share of fees on all but a few
/// paths (those whose burn the circulating supply caps) spans a wide range, and its bulk, equal up
/// to rounding, falls in one bucket. Such a bucket is counted again over its own keys' range,
/// which is narrow, rather than selected among: the keys that [`dense`] picks from a second
/// histogram's bucket, when even that bucket holds more than [`FEW`].
fn select(keys: &mut [u64], within: usize) -> u64 {
    if keys.len() <= FEW {
        return *keys.select_nth_unstable(within).1;
    }
    let (lo, hi) = keys.iter().fold((u64::MAX, 0), |(lo, hi), &k| (lo.min(k), hi.max(k)));
    if lo == hi {
        return lo;
    }
    let shift = shift_for(lo, hi);
    let bucket = |k: u64| ((k - lo) >> shift) as usize & (BUCKETS - 1);
    let mut count = [0u32; BUCKETS];
    keys.iter().for_each(|&k| count[bucket(k)] += 1);
    let (b, within) = bucket_of(&count, within);
    if shift == 0 {
        return lo + b as u64;
    }
    // The bucket's keys to the front, and the rank among them.
    let mut kept = 0;
    for i in 0..keys.len() {
        let k = keys[i];
        if bucket(k) == b {
            keys[kept] = k;
            kept += 1;
        }
    }
    select(&mut keys[..kept], within)
}

#[cfg(test)]
mod tests {
    use super::super::percentiles::percentiles;
    use super::super::PERCENTILES;

    /// Crowded buckets (a tight cluster beside far outliers, as a value
    /// capture ratio that is one share of fees on all but a few paths) are counted again, and a
    /// bucket of those counts that still holds too many is counted again in turn: every rank as
    /// a full sort has it.
    #[test]
    fn crowded_buckets_are_counted_again_with_the_same_ranks() {
        let mut bits = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            bits
        };
        let a = 0.8f64;
        let near = |ulps: u64| f64::from_bits(a.to_bits() - 200 + ulps % 400);
        for n in [4097usize, 5000, 20_011, 60_000] {
            let shapes: [Box<dyn Fn(usize, u64) -> f64>; 5] = [
                // A cluster a few hundred keys wide, and outliers far below and above.
                Box::new(|i, r| match i % 997 {
                    0 => 1e-3 * (r % 100) as f64,
                    1 => 5.0,
                    _ => near(r),
                }),
                // The cluster and, in its own bucket of the first counts, values spread wide.
                Box::new(|i, r| match i % 50 {
                    0 => 0.0,
                    1 => a + (r % 1000) as f64 * 1e-9,
                    _ => near(r),
                }),
                // One value everywhere but at one path.
                Box::new(|i, _| if i == 3 { -2.0 } else { a }),
                // Two clusters, one per ten paths in the second, and a far outlier.
                Box::new(|i, r| match i % 10 {
                    0 => 3.0 + near(r),
                    _ if i == 7 => 1e9,
                    _ => near(r),
                }),
                // Wide and even: no crowded bucket.
                Box::new(|_, r| (r >> 11) as f64),
            ];
            for (k, shape) in shapes.iter().enumerate() {
                let values: Vec<f64> = (0..n).map(|i| shape(i, next())).collect();
                let mut sorted = values.clone();
                sorted.sort_by(f64::total_cmp);
                let want = PERCENTILES.map(|q| sorted[(q as usize * n).div_ceil(100).max(1) - 1].to_bits());
                assert_eq!(percentiles(&values).values().map(f64::to_bits), want, "shape {k}, n = {n}");
            }
        }
    }
}
