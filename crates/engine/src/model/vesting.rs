//! The allocation table turned into tokens, month by month, once per projection: what circulates
//! and what the treasury holds at launch, what is locked, and each month's unlocks (sold, kept,
//! or handed to the treasury). See `docs/model.md`, "Allocations and vesting".

use crate::scenario::Scenario;

/// Tokens one month's vesting releases.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Unlock {
    /// To holders who sell them into the market this month.
    pub sold: f64,
    /// To holders who keep them (they join the circulating supply).
    pub kept: f64,
    /// To the treasury, from its own bucket.
    pub to_treasury: f64,
}

impl Unlock {
    /// Every token released this month.
    pub fn total(&self) -> f64 {
        self.sold + self.kept + self.to_treasury
    }
}

/// The vesting of a whole allocation table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Vesting {
    /// Tokens still locked at launch.
    pub locked_at_launch: f64,
    /// Tokens the treasury holds at launch (its bucket's launch share).
    pub treasury_at_launch: f64,
    /// Each month's unlocks; `months[t − 1]` is month `t`. Empty without allocations.
    months: Vec<Unlock>,
    /// Tokens still locked at the end of each month, from each bucket's share still locked (not
    /// by subtracting the unlocks: once every bucket has vested it is exactly zero).
    locked: Vec<f64>,
}

impl Vesting {
    /// The vesting of `s`'s allocations over its horizon (nothing locked without allocations).
    pub fn new(s: &Scenario) -> Self {
        let months = s.months();
        let mut v = Vesting::default();
        if s.allocations.is_empty() {
            return v;
        }
        v.months = vec![Unlock::default(); months as usize];
        v.locked = vec![0.0; months as usize];
        for a in &s.allocations {
            let tokens = a.share * s.initial_supply;
            let at_launch = tokens * a.unlocked_by(0);
            v.locked_at_launch += tokens - at_launch;
            if a.treasury {
                v.treasury_at_launch += at_launch;
            }
            for t in 1..=months {
                v.locked[t as usize - 1] += tokens * (1.0 - a.unlocked_by(t));
                let released = tokens * (a.unlocked_by(t) - a.unlocked_by(t - 1));
                let month = &mut v.months[t as usize - 1];
                if a.treasury {
                    month.to_treasury += released;
                } else {
                    month.sold += released * a.sold_share;
                    month.kept += released * (1.0 - a.sold_share);
                }
            }
        }
        v
    }

    /// Whether no token is ever locked or unlocked: every amount is exactly `+0`, as without
    /// allocations (the plain step reads them as zeros).
    pub fn is_idle(&self) -> bool {
        let zero = |x: f64| x.to_bits() == 0;
        zero(self.locked_at_launch)
            && self.locked.iter().all(|&l| zero(l))
            && self.months.iter().all(|u| zero(u.sold) && zero(u.kept) && zero(u.to_treasury))
    }

    /// What month `t` unlocks (nothing beyond the horizon or without allocations).
    #[inline]
    pub fn month(&self, t: u32) -> Unlock {
        self.months.get(t as usize - 1).copied().unwrap_or_default()
    }

    /// Tokens still locked at the end of month `t` (none without allocations).
    #[inline]
    pub fn locked_after(&self, t: u32) -> f64 {
        self.locked.get(t as usize - 1).copied().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Allocation;

    #[test]
    fn a_bucket_releases_its_tokens_month_by_month_as_its_schedule_says() {
        let team = Allocation {
            name: "team".into(),
            share: 0.2,
            unlocked_at_launch: 0.1,
            cliff_months: 12,
            vesting_months: 36,
            sold_share: 0.5,
            treasury: false,
        };
        let treasury = Allocation {
            name: "treasury".into(),
            share: 0.8,
            unlocked_at_launch: 0.5,
            vesting_months: 10,
            treasury: true,
            ..Allocation::default()
        };
        let s = Scenario { allocations: vec![team, treasury], initial_supply: 1e9, ..Scenario::default() };
        let v = Vesting::new(&s);
        assert!((v.locked_at_launch - (0.2e9 * 0.9 + 0.8e9 * 0.5)).abs() < 1e-3);
        assert_eq!(v.treasury_at_launch, 0.8e9 * 0.5);
        for t in 1..=12 {
            assert_eq!(v.month(t).sold + v.month(t).kept, 0.0, "month {t}: the team's cliff");
        }
        let monthly = 0.2e9 * 0.9 / 36.0;
        for t in 13..=48 {
            assert!((v.month(t).sold - monthly / 2.0).abs() < 1e-6 && (v.month(t).kept - monthly / 2.0).abs() < 1e-6);
        }
        assert_eq!(v.month(49).total(), 0.0);
        for t in 1..=10 {
            assert!((v.month(t).to_treasury - 0.8e9 * 0.5 / 10.0).abs() < 1e-6);
        }
        let released: f64 = (1..=120).map(|t| v.month(t).total()).sum();
        assert!((released - v.locked_at_launch).abs() < 1e-3, "everything locked unlocks within the horizon");
        assert!((v.locked_after(47) - 0.2e9 * 0.9 / 36.0).abs() < 1e-3);
        assert_eq!(v.locked_after(48), 0.0, "exactly none left once every bucket has vested");
    }
}
