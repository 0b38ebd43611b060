//! Where supply comes from (`docs/model.md`, "Allocations and vesting", "Emission schedules",
//! "Changes over time"): the allocation table with its vesting, the emission schedule, and the
//! changes a design makes to itself from a month on.

use serde::{Deserialize, Serialize};

/// One bucket of the allocation table: a share of the initial supply, part of it unlocked at
/// launch, the rest locked for a cliff and then vesting linearly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Allocation {
    /// What the bucket is ("team", "investors"), 1 to 40 characters.
    pub name: String,
    /// Share of the initial supply, fraction 0..=1; the buckets' shares sum to 1.
    pub share: f64,
    /// Share of the bucket unlocked at launch, fraction 0..=1.
    pub unlocked_at_launch: f64,
    /// Months after launch before anything more unlocks, whole months, 0..=`12 · years`.
    pub cliff_months: u32,
    /// Months over which the rest unlocks in equal monthly parts after the cliff, whole months
    /// 0..=600 (0: all of it at the cliff).
    pub vesting_months: u32,
    /// Share of each unlock that is sold into the market, fraction 0..=1.
    pub sold_share: f64,
    /// Whether the bucket is the treasury's: its tokens go to the treasury as they unlock.
    pub treasury: bool,
}

impl Default for Allocation {
    fn default() -> Self {
        Self {
            name: "bucket".into(),
            share: 0.0,
            unlocked_at_launch: 0.0,
            cliff_months: 0,
            vesting_months: 0,
            sold_share: 0.0,
            treasury: false,
        }
    }
}

impl Allocation {
    /// Share of the bucket unlocked by the end of month `m` (month 0 is launch).
    pub fn unlocked_by(&self, m: u32) -> f64 {
        let rest = 1.0 - self.unlocked_at_launch;
        let vested = if m < self.cliff_months {
            0.0
        } else if self.vesting_months == 0 {
            1.0
        } else {
            (f64::from(m - self.cliff_months) / f64::from(self.vesting_months)).min(1.0)
        };
        self.unlocked_at_launch + rest * vested
    }
}

/// The allocation table new designs start from: team, investors, community, treasury and
/// ecosystem, in the shape of the vesting schedules token projects publish (the team and
/// investors locked for a year and vesting over two to three; the community and treasury partly
/// liquid at launch). Illustrative, like the other defaults.
pub fn default_allocations() -> Vec<Allocation> {
    let bucket = |name: &str, share, unlocked_at_launch, cliff_months, vesting_months, sold_share, treasury| {
        Allocation { name: name.into(), share, unlocked_at_launch, cliff_months, vesting_months, sold_share, treasury }
    };
    vec![
        bucket("team", 0.20, 0.0, 12, 36, 0.25, false),
        bucket("investors", 0.15, 0.0, 12, 24, 0.4, false),
        bucket("community", 0.35, 0.5, 0, 24, 0.2, false),
        bucket("treasury", 0.20, 0.25, 0, 48, 0.0, true),
        bucket("ecosystem", 0.10, 0.2, 0, 36, 0.3, false),
    ]
}

/// How new tokens are issued. See `docs/model.md`, "Emission schedules".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EmissionSchedule {
    /// Staking rewards at `target_staking_apr`, funded as `staking_yield_source` says.
    #[default]
    TargetApr,
    /// An annual rate of supply falling by a fixed share a year to a floor (Solana).
    Disinflation,
    /// Tokens a year halving every so many years (Bitcoin, Helium's HIP-20).
    Halving,
    /// Issuance proportional to the square root of the amount staked (Ethereum's proof of stake).
    SqrtStaked,
    /// A flat amount a month (an incentive programme).
    FixedPerMonth,
}

/// The emission schedule and its parameters (each used by one schedule). New tokens go to the
/// stakers (validators, providers), who sell `reward_sell_share` of them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Emission {
    /// Which schedule [target_apr].
    pub schedule: EmissionSchedule,
    /// Disinflation: the annual rate in year 1, fraction of supply 0..=1 [0.08].
    pub initial_rate: f64,
    /// Disinflation: the share by which the rate falls each year, fraction 0..=1 [0.15].
    pub decline: f64,
    /// Disinflation: the rate it never falls below, fraction of supply 0..=1 [0.015].
    pub floor: f64,
    /// Halving: tokens issued a year before the first halving, 0..=1e15 [5e7].
    pub tokens_per_year: f64,
    /// Halving: years between halvings, 0.25..=50 [4].
    pub halving_years: f64,
    /// Square root of stake: tokens a year per square root of the tokens staked, 0..=1e6 [166.3]
    /// (Ethereum's: see docs/model.md).
    pub sqrt_factor: f64,
    /// Fixed: tokens issued a month, 0..=1e15 [1e6].
    pub tokens_per_month: f64,
}

impl Default for Emission {
    fn default() -> Self {
        Self {
            schedule: EmissionSchedule::TargetApr,
            initial_rate: 0.08,
            decline: 0.15,
            floor: 0.015,
            tokens_per_year: 5e7,
            halving_years: 4.0,
            sqrt_factor: 166.3,
            tokens_per_month: 1e6,
        }
    }
}

/// From `month` on, the numeric field `field` (a key of the fields table) takes `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Change {
    /// First month with the new value, 1..=`12 · years`.
    pub month: u32,
    /// The field's key, e.g. `protocol_take` or `emission.initial_rate`.
    pub field: String,
    /// The new value, in the field's own units and range.
    pub value: f64,
}

impl Default for Change {
    fn default() -> Self {
        Self { month: 13, field: "burn_share".into(), value: 0.5 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_unlocks_its_launch_share_then_nothing_until_the_cliff_then_linearly() {
        let team =
            Allocation { unlocked_at_launch: 0.1, cliff_months: 12, vesting_months: 36, ..Allocation::default() };
        assert_eq!(team.unlocked_by(0), 0.1);
        assert_eq!(team.unlocked_by(11), 0.1);
        assert_eq!(team.unlocked_by(12), 0.1);
        assert!((team.unlocked_by(13) - (0.1 + 0.9 / 36.0)).abs() < 1e-15);
        assert_eq!(team.unlocked_by(48), 1.0);
        assert_eq!(team.unlocked_by(500), 1.0);
        let cliff = Allocation { cliff_months: 12, ..Allocation::default() };
        assert_eq!((cliff.unlocked_by(11), cliff.unlocked_by(12)), (0.0, 1.0), "no vesting: all at the cliff");
        let sum: f64 = default_allocations().iter().map(|a| a.share).sum();
        assert!((sum - 1.0).abs() < 1e-12);
    }
}
