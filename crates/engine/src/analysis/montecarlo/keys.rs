//! Order-preserving integer keys of floats, and the buckets the percentiles count them into:
//! shared by the histogram ([`percentiles`](super::percentiles)) and its second counts of crowded
//! buckets ([`crowded`](super::crowded)).

/// Buckets of the histogram pass: `2^BITS`, about ten keys each for 10,000 paths.
pub(super) const BITS: u32 = 10;

/// The most buckets there are. A bucket number masked to it is the same number, and the compiler
/// then knows it is in bounds.
pub(super) const BUCKETS: usize = 1 << BITS;

/// `x` as an integer whose order is [`f64::total_cmp`]'s: positive floats get the top bit set,
/// negative ones are inverted so that larger magnitudes sort lower.
#[inline(always)]
pub(super) fn order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    // All ones for a negative float, the top bit alone for a positive one; no branch.
    let mask = ((bits as i64 >> 63) as u64) | 1 << 63;
    bits ^ mask
}

/// The inverse of [`order_key`].
#[inline(always)]
pub(super) fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 { key & !(1 << 63) } else { !key })
}

/// How far keys in `lo..=hi` are shifted right to number their bucket: at most [`BUCKETS`]
/// buckets of equal width cover the range (width one, shift 0, when it is that narrow).
#[inline]
pub(super) fn shift_for(lo: u64, hi: u64) -> u32 {
    (64 - (hi - lo).leading_zeros()).saturating_sub(BITS)
}

/// The bucket of `counts` that holds the `rank`-th smallest value (0-based), and its rank within
/// that bucket.
#[inline]
pub(super) fn bucket_of(counts: &[u32], rank: usize) -> (usize, usize) {
    let (mut bucket, mut below) = (0, 0);
    while below + counts[bucket] as usize <= rank {
        below += counts[bucket] as usize;
        bucket += 1;
    }
    (bucket, rank - below)
}
