//! The model: a validated scenario turned into monthly constants ([`Model`]), the monthly
//! [`step`](step::step) built from one module per mechanism, and the run over the horizon.
//!
//! [`Model`] holds the per-month constants derived once from a validated scenario, so the monthly
//! step does no `powf`, no allocation and no branching on strings. Powers use `libm` rather than
//! the platform's maths library so that native and wasm32 builds give bit-identical numbers. Monte
//! Carlo and the sensitivity sweep call the step millions of times; everything that does not change
//! month to month is here.

mod burn;
pub(crate) mod columns;
mod fees;
pub mod month;
mod price;
pub mod run;
mod staking;
pub mod step;
pub mod summary;

pub use month::Month;
pub use run::{run, summarize};
pub use step::{step, State};
pub use summary::Summary;

use crate::scenario::{FeeDenomination, PriceModel, Scenario, YieldSource};

/// The scenario turned into monthly rates. Built by [`Model::new`] from a validated scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    /// Number of monthly steps.
    pub months: u32,
    /// Token supply at month 0, tokens.
    pub initial_supply: f64,
    /// Gross fees in month 1, USD; chosen so that the first twelve months sum to `annual_fees_usd`.
    pub first_month_fees: f64,
    /// Month-on-month growth factor of gross fees, `(1 + fee_growth)^(1/12)`.
    pub monthly_fee_growth: f64,
    /// Price at month 1 under the fixed model, USD.
    pub initial_price: f64,
    /// Month-on-month growth factor of the fixed price, `(1 + price_growth)^(1/12)`.
    pub monthly_price_growth: f64,
    /// Which price model applies.
    pub price_model: PriceModel,
    /// Fully diluted market cap over annualised fees (fee-multiple model).
    pub price_to_fees: f64,
    /// What fees are paid in.
    pub denomination: FeeDenomination,
    /// Share of a buyback lost to intermediaries (non-native fees only).
    pub conversion_cost: f64,
    /// Share of gross fees the protocol controls.
    pub protocol_take: f64,
    /// Share of the take burned.
    pub burn_share: f64,
    /// Share of the take paid to stakers.
    pub staker_share: f64,
    /// Share of supply staked.
    pub staked_fraction: f64,
    /// Target staking reward per month, fraction of staked tokens (`target_staking_apr / 12`).
    pub monthly_apr: f64,
    /// Where staking rewards come from.
    pub yield_source: YieldSource,
    /// Share of minted rewards sold.
    pub reward_sell_share: f64,
    /// Annual trading volume over market cap.
    pub turnover: f64,
    /// First month of the speculation shock (`u32::MAX` when there is none).
    pub shock_month: u32,
    /// Turnover from the shock on.
    pub shocked_turnover: f64,
    /// Factor on the fixed-model price from the shock on (1 − price drop).
    pub shocked_price_factor: f64,
}

impl Model {
    /// Derive the monthly constants. The scenario must already be valid.
    pub fn new(s: &Scenario) -> Self {
        let monthly_fee_growth = libm::pow(1.0 + s.fee_growth, 1.0 / 12.0);
        Self {
            months: s.months(),
            initial_supply: s.initial_supply,
            first_month_fees: s.annual_fees_usd / first_year_weight(monthly_fee_growth),
            monthly_fee_growth,
            initial_price: s.initial_price_usd,
            monthly_price_growth: libm::pow(1.0 + s.price_growth, 1.0 / 12.0),
            price_model: s.price_model,
            price_to_fees: s.price_to_fees,
            denomination: s.fee_denomination,
            conversion_cost: if s.fee_denomination == FeeDenomination::Native { 0.0 } else { s.conversion_cost },
            protocol_take: s.protocol_take,
            burn_share: s.burn_share,
            staker_share: s.staker_share,
            staked_fraction: s.staked_fraction,
            monthly_apr: s.target_staking_apr / 12.0,
            yield_source: s.staking_yield_source,
            reward_sell_share: s.reward_sell_share,
            turnover: s.turnover,
            shock_month: s.shock_month().unwrap_or(u32::MAX),
            shocked_turnover: s.turnover * (1.0 - s.speculation_shock.map_or(0.0, |k| k.turnover_drop)),
            shocked_price_factor: 1.0 - s.speculation_shock.map_or(0.0, |k| k.price_drop),
        }
    }
}

/// `1 + g + g² + … + g¹¹`: first-month fees times this is the first year's fees.
fn first_year_weight(g: f64) -> f64 {
    (0..12).fold((0.0, 1.0), |(sum, power), _| (sum + power, power * g)).0
}

/// USD turned into tokens at `price`; nothing to convert is zero tokens even at a zero price
/// (a fee-multiple token with no fees has no price, and no fees to burn either).
pub(crate) fn tokens_for(usd: f64, price: f64) -> f64 {
    if usd <= 0.0 {
        0.0
    } else {
        usd / price
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_year_of_fees_sums_to_annual_fees() {
        for growth in [-0.9, -0.2, 0.0, 0.2, 5.0] {
            let s = Scenario { fee_growth: growth, ..Scenario::default() };
            let m = Model::new(&s);
            let year: f64 = (0..12).map(|k| m.first_month_fees * m.monthly_fee_growth.powi(k)).sum();
            assert!((year - s.annual_fees_usd).abs() <= 1e-9 * s.annual_fees_usd, "growth {growth}: {year}");
        }
    }
}
