//! The fee split: who gets each dollar of gross fees before any token changes hands.

use super::Model;
use crate::scenario::FeeDenomination;

/// One month's gross fees divided by destination, USD. Sums to gross fees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeeSplit {
    /// The part of fees that never reaches the protocol (LPs, front-ends, other third parties).
    pub third_party: f64,
    /// Set aside for burning (in tokens if native, to buy back tokens otherwise).
    pub burn_budget: f64,
    /// Paid to stakers as revenue, in whatever the fees are denominated in.
    pub stakers: f64,
    /// Kept by the treasury.
    pub treasury: f64,
}

/// Split `fees` (USD) by the protocol take, then the take by burn, staker and treasury shares.
pub fn split(model: &Model, fees: f64) -> FeeSplit {
    split_for(model.denomination, model.protocol_take, model.burn_share, model.staker_share, fees)
}

/// [`split_shares`] under a fee mode: burn and mint burns every dollar users pay (the service is
/// paid for by burning the token; providers are paid by emission, not by fees).
pub fn split_for(mode: FeeDenomination, protocol_take: f64, burn_share: f64, staker_share: f64, fees: f64) -> FeeSplit {
    if mode == FeeDenomination::BurnAndMint {
        return FeeSplit { third_party: 0.0, burn_budget: fees, stakers: 0.0, treasury: 0.0 };
    }
    split_shares(protocol_take, burn_share, staker_share, fees)
}

/// [`split`] with the shares given.
pub fn split_shares(protocol_take: f64, burn_share: f64, staker_share: f64, fees: f64) -> FeeSplit {
    let take = fees * protocol_take; // USD the protocol controls
    let burn_budget = take * burn_share;
    let stakers = take * staker_share;
    // Subtracting (rather than multiplying by 1 - b - s) keeps the split summing to the fees
    // to within one rounding, which the supply and fee identities depend on.
    let treasury = (take - burn_budget - stakers).max(0.0);
    let split = FeeSplit { third_party: fees - take, burn_budget, stakers, treasury };
    debug_assert!(split.third_party >= 0.0 && split.treasury >= 0.0);
    split
}
