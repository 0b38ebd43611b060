//! Staking: the rewards (paid from fees, from newly minted tokens, or from fees topped up by
//! minting), the stake that follows the yield, and the unbonding queue (`docs/model.md`,
//! "Staking", "Staking that follows yield"). The essay's test: "if stakers earn yield from
//! inflation rather than protocol revenue, they're being paid to hold". Minting is the dilution
//! every holder pays for that.

use super::lanes::{Lanes, Real};
use super::{tokens_for, Model};
use crate::scenario::YieldSource;

/// Tokens minted this month as staking rewards.
/// `per_token` is one over the month's price.
#[inline]
pub fn minted<R: Real>(model: &Model, staked: R, per_token: R, staker_revenue_usd: R) -> R {
    let target = staked * model.monthly_apr; // tokens stakers are promised this month
    match model.yield_source {
        YieldSource::Inflation => target,
        YieldSource::Revenue => R::splat(0.0),
        YieldSource::Hybrid => (target - tokens_for(staker_revenue_usd, per_token)).max(0.0),
    }
}

/// Stakers' real yield a year: the month's income (fee revenue and minted rewards, in tokens)
/// over the stake, annualised, less the dilution every holder suffers from the month's minting;
/// 0 when (next to) nothing is staked, where a yield per staked token means nothing.
#[inline]
pub fn real_yield<R: Real>(income: R, staked: R, minted: R, supply: R, per_supply: R) -> R {
    let none = staked.le(R::splat(NONE_STAKED) * supply);
    R::select(none, R::splat(0.0), R::splat(12.0) * income / staked - dilution(minted, supply, per_supply))
}

/// A stake below this share of supply is none: the stake's share is set to 0 there, so a stake
/// leaving geometrically never lingers at a billionth of a token (nor its yield at infinity).
pub const NONE_STAKED: f64 = 1e-12;

/// The month's minting over supply (`per_supply` is one over it), annualised.
#[inline]
fn dilution<R: Real>(minted: R, supply: R, per_supply: R) -> R {
    R::select(supply.gt(0.0), R::splat(12.0) * minted * per_supply, R::splat(0.0))
}

/// The stake, in tokens, that this month's income would pay exactly the required real yield:
/// `12 · income / (required + dilution)`. Income that nothing is required of sustains any stake
/// (infinite); no income sustains none.
#[inline]
pub fn sustained_stake<R: Real>(income: R, minted: R, supply: R, per_supply: R, required: f64) -> R {
    let hurdle = R::splat(required) + dilution(minted, supply, per_supply);
    let paid = R::select(hurdle.le(0.0), R::splat(f64::INFINITY), R::splat(12.0) * income / hurdle);
    R::select(income.le(0.0), R::splat(0.0), paid)
}

/// Most months unstaked tokens can wait (`unbonding_months`' maximum).
pub const MAX_UNBONDING: u32 = 12;
const SLOTS: usize = MAX_UNBONDING as usize + 1;

/// Tokens waiting to leave staking, by the month they are released: a ring with a slot per month
/// of the longest delay, so a delay changed mid-run never loses a token (every slot is emptied
/// within 13 months of being filled).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unbonding<R = f64> {
    slots: [R; SLOTS],
    /// Tokens waiting in all slots.
    pub total: R,
}

impl<R: Real> Default for Unbonding<R> {
    fn default() -> Self {
        Self { slots: [R::default(); SLOTS], total: R::default() }
    }
}

impl<const N: usize> Unbonding<Lanes<N>> {
    /// `queue` in every lane.
    pub fn splat(queue: &Unbonding) -> Self {
        Self { slots: queue.slots.map(Lanes::from), total: Lanes::from(queue.total) }
    }
}

impl<R: Real> Unbonding<R> {
    /// Queue `tokens` to be released in month `release`.
    #[inline]
    pub fn queue(&mut self, release: u32, tokens: R) {
        self.slots[release as usize % SLOTS] += tokens;
        self.total += tokens;
    }

    /// Take the tokens released in `month`.
    #[inline]
    pub fn release(&mut self, month: u32) -> R {
        let slot = &mut self.slots[month as usize % SLOTS];
        let tokens = std::mem::take(slot);
        // Empty means empty: a sum of subtractions would leave rounding behind.
        let empty = self.slots[1..].iter().fold(self.slots[0].eq_to(0.0), |all, &t| all & t.eq_to(0.0));
        self.total = R::select(empty, R::splat(0.0), (self.total - tokens).max(0.0));
        tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sustained_stake_pays_exactly_the_required_real_yield() {
        let (income, minted, supply, required) = (1e6, 4e5, 1e9, 0.05);
        let per_supply = 1.0 / supply;
        let stake = sustained_stake(income, minted, supply, per_supply, required);
        assert!((real_yield(income, stake, minted, supply, per_supply) - required).abs() < 1e-12);
        assert!(
            sustained_stake(income, minted, supply, per_supply, 0.08) < stake,
            "a dearer alternative keeps less stake"
        );
        assert_eq!(sustained_stake(0.0, 0.0, supply, per_supply, required), 0.0);
        assert_eq!(sustained_stake(1.0, 0.0, supply, per_supply, 0.0), f64::INFINITY);
    }

    #[test]
    fn unbonding_releases_each_month_what_was_queued_for_it() {
        let mut q = Unbonding::default();
        q.queue(3, 5.0);
        q.queue(4, 2.0);
        q.queue(3, 1.0);
        assert_eq!((q.release(2), q.total), (0.0, 8.0));
        assert_eq!((q.release(3), q.total), (6.0, 2.0));
        assert_eq!((q.release(4), q.total), (2.0, 0.0));
        q.queue(4 + MAX_UNBONDING, 1.0);
        assert_eq!(q.release(4 + MAX_UNBONDING), 1.0, "the longest delay has its own slot");
    }
}
