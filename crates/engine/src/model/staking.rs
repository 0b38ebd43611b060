//! Staking rewards: paid from fees, from newly minted tokens, or from fees topped up by minting.
//! The essay's test: "if stakers earn yield from inflation rather than protocol revenue, they're
//! being paid to hold". Minting is the dilution every holder pays for that.

use super::{tokens_for, Model};
use crate::scenario::YieldSource;

/// Tokens minted this month as staking rewards.
/// `per_token` is one over the month's price.
pub fn minted(model: &Model, staked: f64, per_token: f64, staker_revenue_usd: f64) -> f64 {
    let target = staked * model.monthly_apr; // tokens stakers are promised this month
    match model.yield_source {
        YieldSource::Inflation => target,
        YieldSource::Revenue => 0.0,
        YieldSource::Hybrid => (target - tokens_for(staker_revenue_usd, per_token)).max(0.0),
    }
}
