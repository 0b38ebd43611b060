//! Where a quantity's percentiles will lie some months ahead, from the last two months'
//! ([`Trend`]): the range of keys that the histogram of [`percentiles_focused`] counts finely,
//! for the fast run's block of samples ([`percentiles_of`]). A path's quantities move little in a
//! month, so its percentiles do too; the range is their extrapolated span and a quarter of it
//! again each side. A guess that misses is told by the counts, and the whole range is counted
//! instead: the result is exact either way.

use super::keys::order_key;
use super::percentiles::{percentiles_between, percentiles_focused, Scratch};
use super::Percentiles;

/// The last two months' percentiles of one quantity.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Trend {
    last: Option<Percentiles>,
    before: Option<Percentiles>,
}

/// The fewest keys a focus spans: its buckets are then one key wide at most, so that a quantity
/// equal up to rounding on most paths (a value capture ratio that is one share of fees) is read
/// from the counts alone.
const NARROWEST: u64 = 1023;

impl Trend {
    /// A month's percentiles, months in order.
    pub fn record(&mut self, p: Percentiles) {
        self.before = self.last;
        self.last = Some(p);
    }

    /// The keys `lo..=hi` the percentiles are expected between, `ahead` months after the last
    /// recorded; `None` before two months are known, or when the range would span most keys
    /// (values of both signs).
    pub fn focus(&self, ahead: u32) -> Option<(u64, u64)> {
        let (last, before) = (self.last?, self.before?);
        let ahead = f64::from(ahead);
        let low = last.p5.min(last.p5 + ahead * (last.p5 - before.p5));
        let high = last.p95.max(last.p95 + ahead * (last.p95 - before.p95));
        let margin = (high - low) / 4.0;
        let (lo, hi) = (low - margin, high + margin);
        if !(lo.is_finite() && hi.is_finite()) {
            return None;
        }
        let (mut lo, mut hi) = (order_key(lo), order_key(hi));
        if hi - lo < NARROWEST {
            let centre = lo / 2 + hi / 2;
            (lo, hi) = (centre.saturating_sub(NARROWEST / 2), centre.saturating_add(NARROWEST - NARROWEST / 2));
        }
        (hi - lo < 1 << 62).then_some((lo, hi))
    }
}

/// The percentiles of each sample of `samples` (`n` values each, between its `extremes`), where
/// a focus is foreseen by its histogram ([`percentiles_focused`]) unless that misses, in parallel
/// with the `parallel` feature.
pub(super) fn percentiles_of(
    samples: &[f64],
    n: usize,
    extremes: &[(f64, f64)],
    foci: &[Option<(u64, u64)>],
    scratch: &mut [Scratch],
) -> Vec<Percentiles> {
    type Task<'a> = (&'a [f64], ((&'a (f64, f64), &'a Option<(u64, u64)>), &'a mut Scratch));
    let one = |(sample, ((&(min, max), &focus), scratch)): Task| {
        // A sample of one value needs no histogram (nor is it stored: a shared price).
        let focused = focus.filter(|_| min != max).and_then(|(lo, hi)| percentiles_focused(sample, lo, hi, scratch));
        focused.unwrap_or_else(|| percentiles_between(sample, min, max, scratch))
    };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        samples.par_chunks(n).zip(extremes.par_iter().zip(foci).zip(scratch)).map(one).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        samples.chunks(n).zip(extremes.iter().zip(foci).zip(scratch)).map(one).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::montecarlo::keys::from_order_key;

    fn months(values: [[f64; 5]; 2]) -> Trend {
        let mut trend = Trend::default();
        for [p5, p25, p50, p75, p95] in values {
            trend.record(Percentiles { p5, p25, p50, p75, p95 });
        }
        trend
    }

    #[test]
    fn two_months_foresee_the_span_ahead_with_a_margin() {
        let mut one = Trend::default();
        one.record(Percentiles { p5: 1.0, p25: 2.0, p50: 3.0, p75: 4.0, p95: 5.0 });
        assert_eq!(one.focus(1), None, "one month tells no trend");
        // Rising by 1 a month from 2..=6: three months ahead the span is the last p5 to the
        // extrapolated p95, 2..=9, and a quarter of it (1.75) each side.
        let trend = months([[1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 3.0, 4.0, 5.0, 6.0]]);
        let (lo, hi) = trend.focus(3).unwrap();
        assert_eq!((from_order_key(lo), from_order_key(hi)), (0.25, 10.75));
        // Falling: from the extrapolated p5 to the last p95, 10..=15, and 1.25 each side.
        let (lo, hi) = months([[12.0, 13.0, 14.0, 15.0, 16.0], [11.0, 12.0, 13.0, 14.0, 15.0]]).focus(1).unwrap();
        assert_eq!((from_order_key(lo), from_order_key(hi)), (8.75, 16.25));
    }

    #[test]
    fn a_focus_spans_at_least_a_thousand_keys_and_never_both_signs_widely() {
        let (lo, hi) = months([[0.8; 5], [0.8; 5]]).focus(1).unwrap();
        assert_eq!(hi - lo, NARROWEST);
        assert!((lo..=hi).contains(&order_key(0.8)));
        assert_eq!(months([[-1.0, 0.0, 0.0, 0.0, 1.0], [-1.0, 0.0, 0.0, 0.0, 1.0]]).focus(1), None);
        assert_eq!(months([[1.0; 5], [f64::INFINITY; 5]]).focus(1), None);
    }
}
