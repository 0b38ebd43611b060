//! The monthly step: the one function every projection, Monte Carlo path and sweep cell runs.
//! It reads the model and the state, allocates nothing, and returns the month's row.
//!
//! Order within a month: the month's vesting unlocks, their sold share sold into the market
//! first, alone (unlock sellers move on the day) → fees and their split → the valuation anchor →
//! the price (under the market model: traders pull the price toward the anchor) → burn (a buyback
//! trades through the market first) → new tokens by the emission schedule → the month's other
//! orders clear through the market (users buying tokens to pay fees; third parties, stakers and
//! reward holders selling) → new supply. LPs bring the market's depth to its share of the circulating market cap at the month's
//! price, after the traders' pull and before the month's orders. The supply identity
//! `supply = initial + cumulative minted − cumulative burned` is checked in debug builds, and so
//! is `locked = locked at launch − unlocked so far`.

use super::market::Pool;
use super::month::Month;
use super::price::{self, Anchor};
use super::{burn, emission, fees, tokens_for, valuation_basis, Model};
use crate::scenario::{FeeDenomination, PriceModel};

/// What carries over from one month to the next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct State {
    /// Months completed so far.
    pub month: u32,
    /// Token supply now, tokens.
    pub supply: f64,
    /// Gross fees of the last month completed before any speculation shock, USD (the base the
    /// next month grows from; month 1 starts from the model's first-month fees instead).
    pub fees: f64,
    /// Fixed-model price of the next month before any shock, USD.
    pub path_price: f64,
    /// The market's speculative premium before any shock, USD of market cap.
    pub premium: f64,
    /// Tokens the treasury holds.
    pub treasury_tokens: f64,
    /// Tokens still locked by vesting.
    pub locked: f64,
    /// Tokens staked at the end of the last month.
    pub staked: f64,
    /// The market's pool at the end of the last month.
    pub pool: Pool,
    /// Tokens minted so far.
    pub cumulative_minted: f64,
    /// Tokens burned so far.
    pub cumulative_burned: f64,
}

impl State {
    /// The state at month 0: the allocation table's launch unlocks circulate (or sit in the
    /// treasury), the rest is locked.
    pub fn start(model: &Model) -> Self {
        let (locked, treasury_tokens) = (model.vesting.locked_at_launch, model.vesting.treasury_at_launch);
        let circulating = circulating(model, model.initial_supply, locked, treasury_tokens);
        let depth = model.liquidity
            * model.initial_price
            * if model.depth_on_supply { model.initial_supply } else { circulating };
        Self {
            month: 0,
            supply: model.initial_supply,
            fees: 0.0,
            path_price: model.initial_price,
            premium: model.launch_premium,
            treasury_tokens,
            locked,
            staked: staked(model, model.initial_supply, locked),
            pool: Pool { price: model.initial_price, depth },
            cumulative_minted: 0.0,
            cumulative_burned: 0.0,
        }
    }
}

/// Tokens staked out of a supply of `supply` with `locked` of it locked by vesting: a share of
/// what has unlocked (locked tokens cannot be staked).
#[inline]
fn staked(model: &Model, supply: f64, locked: f64) -> f64 {
    (supply - locked) * model.staked_fraction
}

/// Tokens that can be bought, sold and burned: neither locked, staked nor the treasury's.
#[inline]
fn circulating(model: &Model, supply: f64, locked: f64, treasury_tokens: f64) -> f64 {
    (supply - locked - staked(model, supply, locked) - treasury_tokens).max(0.0)
}

/// The month's orders other than the buyback, in tokens; they fill together at one price.
#[derive(Debug, Clone, Copy, Default)]
struct Orders {
    /// Tokens users buy to pay the month's fees in the token.
    fee_buys: f64,
    /// Tokens third parties sell out of their share of fees paid in the token.
    third_party_sells: f64,
    /// Tokens stakers sell out of fee revenue paid in the token.
    staker_sells: f64,
    /// Minted reward tokens sold.
    reward_sells: f64,
}

/// Advance one month. `fee_growth` is this month's growth factor of gross fees over the last
/// month (the model's `monthly_fee_growth` for a deterministic projection, a random draw
/// for a Monte Carlo path).
#[inline(always)]
pub fn step(model: &Model, state: &mut State, fee_growth: f64) -> Month {
    let month = state.month + 1;
    let shocked = month >= model.shock_month;
    let supply = state.supply; // tokens at the start of the month
    let staked_before = staked(model, supply, state.locked);
    let circulating_before = circulating(model, supply, state.locked, state.treasury_tokens);
    let market = model.price_model == PriceModel::Market;
    let unlock = model.vesting.month(month);
    // Unlocked tokens are sold as they unlock, alone, before the traders' pull (zero: no market).
    let unlock_fill = if market && unlock.sold > 0.0 { state.pool.clear(0.0, 0.0, unlock.sold) } else { 0.0 };

    let path_fees = if month == model.fee_reset_month { model.first_month_fees } else { state.fees * fee_growth };
    let fees_usd = if shocked { path_fees * model.shocked_fee_factor } else { path_fees };
    let split = fees::split(model, fees_usd);
    let premium = if shocked { state.premium * model.shocked_premium_factor } else { state.premium };
    let basis = valuation_basis(model.valuation_basis, fees_usd, &split, model.conversion_cost);
    let anchor = if model.price_model == PriceModel::Market {
        price::anchor(model, basis, premium, supply)
    } else {
        Anchor { fundamental: price::anchor(model, basis, 0.0, supply).fundamental, premium: 0.0 }
    };
    let pool = &mut state.pool;
    let (price_usd, traders_paid) = price::monthly(model, month, state.path_price, fees_usd, supply, &anchor, pool);
    if market {
        // LPs keep the market's depth at its share of the circulating market cap at the month's
        // price, before the month's orders (after a crash the traders' pull, not the crash, sets
        // the depth; locked, staked and treasury tokens are not in the market).
        pool.recentre(model.liquidity * price_usd * if model.depth_on_supply { supply } else { circulating_before });
    }
    let market_depth_usd = if market { pool.depth } else { 0.0 }; // no market is modelled: the price is given

    let per_token = 1.0 / price_usd; // one division a month; every conversion below multiplies
    let burn = burn::execute(model, split.burn_budget, price_usd, per_token, circulating_before, pool);
    let minted = emission::minted(model, month, staked_before, supply, per_token, split.stakers);

    // Orders in tokens, at the month's price; under the market model they fill together at one
    // price that their net moves, elsewhere at the month's price.
    let native = model.denomination == FeeDenomination::Native;
    let orders = Orders {
        fee_buys: if native { tokens_for(fees_usd, per_token) } else { 0.0 },
        third_party_sells: if native { tokens_for(split.third_party, per_token) } else { 0.0 },
        staker_sells: if native { tokens_for(split.stakers, per_token) * model.reward_sell_share } else { 0.0 },
        reward_sells: minted * model.reward_sell_share,
    };
    let fill = if market {
        let sells = orders.third_party_sells + orders.staker_sells + orders.reward_sells;
        pool.clear(0.0, orders.fee_buys, sells)
    } else {
        price_usd
    };
    let fee_tokens = if native { tokens_for(split.treasury, per_token) } else { 0.0 };
    let treasury_tokens = state.treasury_tokens + fee_tokens + unlock.to_treasury;
    let locked = model.vesting.locked_after(month);
    let unlocked = state.locked - locked;

    let supply_after = supply + minted - burn.tokens;
    let staked = staked(model, supply_after, locked);
    // Locked from circulation by use: stake added by a rise of the staked fraction (a change).
    // Stake that follows the supply is not consumption: minted rewards landing in staking, or
    // tokens moving from a vesting lock to a staking one.
    let newly_locked = (staked_before - state.staked).max(0.0);
    let per_start_supply = if supply > 0.0 { 12.0 / supply } else { 0.0 }; // annualised, per token
    let market_cap_usd = price_usd * supply_after;
    let turnover = if shocked { model.shocked_turnover } else { model.turnover }; // per year
    let trading_volume_usd = turnover / 12.0 * market_cap_usd;
    let minted_usd = minted * price_usd;

    state.month = month;
    state.supply = supply_after;
    state.fees = path_fees;
    state.path_price *= model.monthly_price_growth;
    state.premium *= model.monthly_premium_growth;
    state.treasury_tokens = treasury_tokens;
    state.locked = locked;
    state.staked = staked;
    state.cumulative_minted += minted;
    state.cumulative_burned += burn.tokens;
    debug_assert!(supply_after >= 0.0, "supply went negative at month {month}");
    debug_assert!(
        (supply_after - (model.initial_supply + state.cumulative_minted - state.cumulative_burned)).abs()
            <= 1e-9 * (model.initial_supply + state.cumulative_minted),
        "supply identity broken at month {month}"
    );
    debug_assert!(locked <= supply_after + 1e-6 * supply_after, "more locked than supply at month {month}");
    let circulating_after = (supply_after - locked - staked - treasury_tokens).max(0.0);

    Month {
        month,
        supply: supply_after,
        staked,
        circulating: circulating_after,
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
        leaked_usd: split.third_party + burn.conversion_usd + burn.slippage_usd,
        unburnable_usd: burn.unburnable_usd,
        minted_usd,
        minted_sold_usd: orders.reward_sells * fill,
        net_holder_value_usd: burn.usd + split.stakers - minted_usd,
        trading_volume_usd,
        turnover,
        burn_rate: burn.tokens * per_start_supply,
        consumption_rate: (burn.tokens + newly_locked) * per_start_supply,
        value_capture_ratio: if fees_usd > 0.0 { (burn.usd + split.stakers) / fees_usd } else { 0.0 },
        treasury_tokens,
        fundamental_usd: anchor.fundamental,
        anchor_usd: if model.price_model == PriceModel::Market { anchor.value() } else { price_usd },
        market_depth_usd,
        fee_buys_usd: orders.fee_buys * fill,
        buyback_usd: burn.bought_usd,
        trader_buys_usd: traders_paid.max(0.0),
        third_party_sells_usd: orders.third_party_sells * fill,
        staker_sells_usd: orders.staker_sells * fill,
        trader_sells_usd: (-traders_paid).max(0.0),
        slippage_usd: burn.slippage_usd,
        locked,
        unlocked,
        unlock_sells_usd: unlock.sold * if market { unlock_fill } else { price_usd },
        circulating_market_cap_usd: price_usd * circulating_after,
        fully_diluted_usd: price_usd * if model.max_supply.is_finite() { model.max_supply } else { supply_after },
    }
}
