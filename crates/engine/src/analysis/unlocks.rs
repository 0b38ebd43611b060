//! The allocation table bucket by bucket, for the Unlocks chart and for naming who sold in the
//! flows chart: each bucket's unlocked tokens month by month, and the dollars its holders' sales
//! filled at. The model itself only needs the table's monthly totals (`model/vesting.rs`).

use crate::model::Month;
use crate::scenario::Scenario;

/// One bucket of the allocation table over the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct BucketUnlocks {
    /// The bucket's name, as the table gives it.
    pub name: String,
    /// Whether its tokens go to the treasury (never sold).
    pub treasury: bool,
    /// Tokens unlocked by the end of month `t` (`unlocked[0]` at launch), `12 · years + 1` values.
    pub unlocked: Vec<f64>,
    /// Tokens its holders sell in month `t` (`sold[t − 1]`), `12 · years` values.
    pub sold: Vec<f64>,
}

/// Every bucket's unlocks, in table order (empty without allocations).
pub fn unlocks(s: &Scenario) -> Vec<BucketUnlocks> {
    let months = s.months();
    s.allocations
        .iter()
        .map(|a| {
            let tokens = a.share * s.initial_supply;
            let unlocked: Vec<f64> = (0..=months).map(|t| tokens * a.unlocked_by(t)).collect();
            let sold_share = if a.treasury { 0.0 } else { a.sold_share };
            let sold = unlocked.windows(2).map(|w| (w[1] - w[0]) * sold_share).collect();
            BucketUnlocks { name: a.name.clone(), treasury: a.treasury, unlocked, sold }
        })
        .collect()
}

/// What each bucket's sales filled at, in USD per month: all of a month's unlock sales trade as
/// one order, so each bucket's part of `unlock_sells_usd` is its part of the tokens sold.
pub fn sells_by_bucket(buckets: &[BucketUnlocks], months: &[Month]) -> Vec<Vec<f64>> {
    buckets
        .iter()
        .map(|b| {
            months
                .iter()
                .map(|m| {
                    let i = m.month as usize - 1;
                    let all: f64 = buckets.iter().map(|o| o.sold[i]).sum();
                    if all > 0.0 {
                        m.unlock_sells_usd * b.sold[i] / all
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::supply::default_allocations;

    #[test]
    fn every_bucket_unlocks_by_its_closed_form_and_the_sales_add_up_to_the_column() {
        let s = Scenario::default();
        let buckets = unlocks(&s);
        assert_eq!(buckets.len(), default_allocations().len());
        let team = &buckets[0];
        let tokens = 0.2 * s.initial_supply;
        for t in 0..=12 {
            assert_eq!(team.unlocked[t], 0.0, "month {t}: the team's cliff");
        }
        for t in 13..=48usize {
            let want = tokens * (t - 12) as f64 / 36.0;
            assert!((team.unlocked[t] - want).abs() <= 1e-6 * tokens, "month {t}");
            assert!((team.sold[t - 1] - tokens / 36.0 * 0.25).abs() <= 1e-6 * tokens, "month {t}");
        }
        assert!(team.unlocked[48..].iter().all(|&u| u == tokens));
        assert!(buckets.iter().find(|b| b.treasury).unwrap().sold.iter().all(|&x| x == 0.0));

        let p = crate::project(&s).unwrap();
        let usd = sells_by_bucket(&buckets, &p.months);
        for m in &p.months {
            let i = m.month as usize - 1;
            let sum: f64 = usd.iter().map(|b| b[i]).sum();
            assert!((sum - m.unlock_sells_usd).abs() <= 1e-9 * m.unlock_sells_usd.max(1.0), "month {}", m.month);
        }
    }
}
