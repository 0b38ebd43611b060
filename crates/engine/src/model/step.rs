//! The monthly step: the one function every projection, Monte Carlo path and sweep cell runs.
//! It reads the model and the state, allocates nothing, and returns the month's row.
//!
//! Order within a month: price → fees and their split → burn (from circulating supply) →
//! staking rewards (minted) → new supply. The supply identity
//! `supply = initial + cumulative minted − cumulative burned` is checked in debug builds.

use super::month::Month;
use super::Model;
use super::{burn, fees, price, staking};

/// What carries over from one month to the next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct State {
    /// Months completed so far.
    pub month: u32,
    /// Token supply now, tokens.
    pub supply: f64,
    /// Gross fees of the last month completed, USD (the base the next month grows from;
    /// month 1 starts from the model's first-month fees instead).
    pub fees: f64,
    /// Fixed-model price of the next month before any shock, USD.
    pub path_price: f64,
    /// Tokens minted so far.
    pub cumulative_minted: f64,
    /// Tokens burned so far.
    pub cumulative_burned: f64,
}

impl State {
    /// The state at month 0.
    pub fn start(model: &Model) -> Self {
        Self {
            month: 0,
            supply: model.initial_supply,
            fees: 0.0,
            path_price: model.initial_price,
            cumulative_minted: 0.0,
            cumulative_burned: 0.0,
        }
    }
}

/// Advance one month. `fee_growth` is this month's growth factor of gross fees over the last
/// month (the model's `monthly_fee_growth` for a deterministic projection, a random draw
/// for a Monte Carlo path).
#[inline]
pub fn step(model: &Model, state: &mut State, fee_growth: f64) -> Month {
    let month = state.month + 1;
    let supply = state.supply; // tokens at the start of the month
    let staked_before = supply * model.staked_fraction;
    let circulating_before = supply - staked_before;

    let fees_usd = if month == 1 { model.first_month_fees } else { state.fees * fee_growth };
    let price_usd = price::monthly(model, month, state.path_price, fees_usd, supply);
    let split = fees::split(model, fees_usd);
    let burn = burn::execute(model, split.burn_budget, price_usd, circulating_before);
    let minted = staking::minted(model, staked_before, price_usd, split.stakers);

    let supply_after = supply + minted - burn.tokens;
    let staked = supply_after * model.staked_fraction;
    // Locked from circulation by use: new stake beyond the minted rewards that land in staking.
    // (With a constant staked fraction this is zero; minting into stake is not consumption.)
    let newly_locked = (staked - staked_before - minted).max(0.0);
    let per_start_supply = if supply > 0.0 { 12.0 / supply } else { 0.0 }; // annualised, per token
    let market_cap_usd = price_usd * supply_after;
    let turnover = if month >= model.shock_month { model.shocked_turnover } else { model.turnover }; // per year
    let trading_volume_usd = turnover / 12.0 * market_cap_usd;
    let minted_usd = minted * price_usd;
    let minted_sold_usd = minted_usd * model.reward_sell_share;

    state.month = month;
    state.supply = supply_after;
    state.fees = fees_usd;
    state.path_price *= model.monthly_price_growth;
    state.cumulative_minted += minted;
    state.cumulative_burned += burn.tokens;
    debug_assert!(supply_after >= 0.0, "supply went negative at month {month}");
    debug_assert!(
        (supply_after - (model.initial_supply + state.cumulative_minted - state.cumulative_burned)).abs()
            <= 1e-9 * (model.initial_supply + state.cumulative_minted),
        "supply identity broken at month {month}"
    );

    Month {
        month,
        supply: supply_after,
        staked,
        circulating: supply_after - staked,
        price_usd,
        market_cap_usd,
        minted,
        burned: burn.tokens,
        cumulative_minted: state.cumulative_minted,
        cumulative_burned: state.cumulative_burned,
        fees_usd,
        burned_usd: burn.usd,
        staker_usd: split.stakers,
        treasury_usd: split.treasury + burn.unburnable_usd,
        leaked_usd: split.third_party + burn.conversion_usd,
        unburnable_usd: burn.unburnable_usd,
        minted_usd,
        minted_sold_usd,
        net_holder_value_usd: burn.usd + split.stakers - minted_sold_usd,
        trading_volume_usd,
        turnover,
        burn_rate: burn.tokens * per_start_supply,
        consumption_rate: (burn.tokens + newly_locked) * per_start_supply,
        value_capture_ratio: if fees_usd > 0.0 { (burn.usd + split.stakers) / fees_usd } else { 0.0 },
    }
}
