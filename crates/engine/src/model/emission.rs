//! New tokens each month, by the emission schedule (`docs/model.md`, "Emission schedules"), never
//! beyond `max_supply`. Under `target_apr` the staking yield source decides (`staking.rs`); the
//! other schedules issue by their own rule, to the stakers, whatever the fees.

use super::lanes::Real;
use super::{staking, Model};
use crate::scenario::EmissionSchedule;

/// The disinflation schedule's annual rate in month `t`: `max(floor, initial · (1 − decline)^y)`
/// with `y = (t − 1) / 12` years since launch (so month 12·y + 1 has exactly year y's rate).
pub fn disinflation_rate(initial: f64, decline: f64, floor: f64, t: u32) -> f64 {
    (initial * libm::pow(1.0 - decline, f64::from(t - 1) / 12.0)).max(floor)
}

/// Ethereum-style issuance: `factor · √staked` tokens a year.
#[inline]
pub fn sqrt_staked_per_year<R: Real>(factor: f64, staked: R) -> R {
    R::splat(factor) * staked.max(0.0).sqrt()
}

/// Tokens minted in month `t`, with `staked` and `supply` at its start; `per_token` is one over
/// the month's price and `staker_revenue_usd` the fees paid to stakers.
#[inline(always)] // inside the step, which is inlined into each run
pub fn minted<R: Real>(model: &Model, t: u32, staked: R, supply: R, per_token: R, staker_revenue_usd: R) -> R {
    let e = &model.emission;
    let raw = match e.schedule {
        EmissionSchedule::TargetApr => staking::minted(model, staked, per_token, staker_revenue_usd),
        EmissionSchedule::Disinflation => R::splat(model.monthly_inflation(t)) * supply,
        EmissionSchedule::Halving => {
            let epoch = (f64::from(t - 1) / (12.0 * e.halving_years)).floor();
            R::splat(e.tokens_per_year / 12.0 * libm::pow(0.5, epoch))
        }
        EmissionSchedule::SqrtStaked => sqrt_staked_per_year(e.sqrt_factor, staked) / 12.0,
        EmissionSchedule::FixedPerMonth => R::splat(e.tokens_per_month),
    };
    raw.min((R::splat(model.max_supply) - supply).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solanas_schedule_is_its_published_formula_at_every_year() {
        for year in 0..=15u32 {
            let want = f64::max(0.015, 0.08 * libm::pow(0.85, f64::from(year)));
            assert_eq!(disinflation_rate(0.08, 0.15, 0.015, 12 * year + 1), want, "year {year}");
        }
        assert_eq!(disinflation_rate(0.08, 0.15, 0.015, 12 * 30 + 1), 0.015, "the floor");
    }

    #[test]
    fn ethereums_issuance_at_14_and_34_million_staked() {
        // The consensus spec's ideal issuance, 64 · EFFECTIVE_BALANCE_INCREMENT / √(total staked)
        // per epoch per increment: about 1,701 ETH a day at 14 M ETH staked and 2,655 at 34 M.
        for (staked, per_day) in [(14e6, 1_701.0), (34e6, 2_655.0)] {
            let got = sqrt_staked_per_year(166.3, staked) / 365.25;
            assert!((got / per_day - 1.0).abs() < 0.01, "{staked}: {got} a day");
        }
    }
}
