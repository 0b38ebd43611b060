//! The fee split: who gets each dollar of gross fees before any token changes hands.

use super::lanes::Real;
use super::Model;
use crate::scenario::FeeDenomination;

/// One month's gross fees divided by destination, USD. Sums to gross fees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeeSplit<R = f64> {
    /// The part of fees that never reaches the protocol (LPs, front-ends, other third parties).
    pub third_party: R,
    /// Set aside for burning (in tokens if native, to buy back tokens otherwise).
    pub burn_budget: R,
    /// Paid to stakers as revenue, in whatever the fees are denominated in.
    pub stakers: R,
    /// Kept by the treasury.
    pub treasury: R,
}

/// Split `fees` (USD) by the protocol take, then the take by burn, staker and treasury shares.
#[inline]
pub fn split<R: Real>(model: &Model, fees: R) -> FeeSplit<R> {
    split_for(model.denomination, model.protocol_take, model.burn_share, model.staker_share, fees)
}

/// [`split_shares`] under a fee mode: burn and mint burns every dollar users pay (the service is
/// paid for by burning the token; providers are paid by emission, not by fees).
#[inline]
pub fn split_for<R: Real>(
    mode: FeeDenomination,
    protocol_take: f64,
    burn_share: f64,
    staker_share: f64,
    fees: R,
) -> FeeSplit<R> {
    if mode == FeeDenomination::BurnAndMint {
        let zero = R::splat(0.0);
        return FeeSplit { third_party: zero, burn_budget: fees, stakers: zero, treasury: zero };
    }
    split_shares(protocol_take, burn_share, staker_share, fees)
}

/// [`split`] with the shares given.
#[inline]
pub fn split_shares<R: Real>(protocol_take: f64, burn_share: f64, staker_share: f64, fees: R) -> FeeSplit<R> {
    let take = fees * protocol_take; // USD the protocol controls
    let burn_budget = take * burn_share;
    let stakers = take * staker_share;
    // Subtracting (rather than multiplying by 1 - b - s) keeps the split summing to the fees
    // to within one rounding, which the supply and fee identities depend on.
    // Shares that sum to one leave the treasury nothing, not the subtraction's rounding (a
    // treasury holding 5e-11 tokens reads as a bug).
    let treasury =
        if burn_share + staker_share >= 1.0 - 1e-12 { R::splat(0.0) } else { (take - burn_budget - stakers).max(0.0) };
    let split = FeeSplit { third_party: fees - take, burn_budget, stakers, treasury };
    debug_assert!(R::all(split.third_party.ge(0.0) & split.treasury.ge(0.0)));
    split
}
