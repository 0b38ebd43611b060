//! The monthly step: the one function every projection, Monte Carlo path and sweep cell runs.
//! It reads the model and the state, allocates nothing, and returns the month's row.
//!
//! Order within a month: the month's vesting unlocks, their sold share sold into the market
//! first, alone (unlock sellers move on the day) → fees and their split → the valuation anchor →
//! the price (under the market model: traders pull the price toward the anchor) → burn (a buyback
//! trades through the market first) → slashing → new tokens by the emission schedule → the
//! treasury's budget → stakers move toward the stake the month's real yield sustains, and the
//! unbonding queue releases → the month's other orders clear through the market (users buying
//! tokens to pay fees, new stakers buying; third parties, stakers, reward holders, the treasury
//! and stakers leaving selling) → new supply. LPs bring the market's depth to its share of the circulating market cap at the month's
//! price, after the traders' pull and before the month's orders. The supply identity
//! `supply = initial + cumulative minted − cumulative burned − cumulative slashed` is checked in
//! debug builds.

use super::lanes::Real;
use super::month::Month;
use super::price::{self, Anchor};
use super::staking;
use super::state::{stakeable, State};
use super::treasury::Spending;
use super::vesting::Unlock;
use super::{burn, emission, fees, tokens_for, treasury, valuation_basis, Model};
use crate::scenario::{FeeDenomination, PriceModel};

/// The month's orders other than the buyback, in tokens; they fill together at one price.
#[derive(Debug, Clone, Copy)]
struct Orders<R> {
    /// Tokens users buy to pay the month's fees in the token.
    fee_buys: R,
    /// Tokens third parties sell out of their share of fees paid in the token.
    third_party_sells: R,
    /// Tokens stakers sell out of fee revenue paid in the token.
    staker_sells: R,
    /// Minted reward tokens sold.
    reward_sells: R,
    /// Tokens new stakers buy.
    stake_buys: R,
    /// Released stake sold.
    unstake_sells: R,
    /// Treasury tokens sold to pay its budget.
    treasury_sells: R,
}

/// Advance one month. `fee_growth` is this month's growth factor of gross fees over the last
/// month (the model's `monthly_fee_growth` for a deterministic projection, a random draw
/// for a Monte Carlo path).
#[inline(always)]
pub fn step<R: Real>(model: &Model, state: &mut State<R>, fee_growth: R) -> Month<R> {
    step_as::<R, false>(model, state, fee_growth)
}

/// [`step`] of a plain design ([`Model::is_plain`]): the same month, every column the same bits,
/// with the mechanisms such a design leaves idle compiled out (the market and its pool, vesting,
/// stakers who move, slashing, unbonding, the treasury's budget). It is no faster by itself
/// (measured: the runtime branches it removes are predicted), but it reads no field of the state
/// those mechanisms keep, so the Monte Carlo can keep only the fields a plain design's paths do
/// not share (`analysis/montecarlo/paths.rs`).
#[inline(always)]
pub fn plain_step<R: Real>(model: &Model, state: &mut State<R>, fee_growth: R) -> Month<R> {
    debug_assert!(model.is_plain(), "plain_step of a design that is not plain");
    step_as::<R, true>(model, state, fee_growth)
}

/// The step, with `PLAIN` saying that the design is plain: each idle mechanism's contribution is
/// then the zero it would have computed.
#[inline(always)]
fn step_as<R: Real, const PLAIN: bool>(model: &Model, state: &mut State<R>, fee_growth: R) -> Month<R> {
    let zero = R::splat(0.0);
    let month = state.month + 1;
    let shocked = month >= model.shock_month;
    let supply = state.supply; // tokens at the start of the month
    if month == model.stake_reset_month {
        state.stake_share = R::splat(model.staked_fraction); // launch, or a change setting the stake
    }
    // A plain design locks nothing and queues nothing: `x − 0` is `x`, so these read as zeros.
    let (locked_before, unbonding_before) = if PLAIN { (zero, zero) } else { (state.locked, state.unbonding.total) };
    let stakeable_before = stakeable(model, supply, locked_before, state.treasury_tokens);
    let staked_before = state.stake_share * stakeable_before;
    let circulating_before =
        (supply - locked_before - staked_before - unbonding_before - state.treasury_tokens).max(0.0);
    let market = !PLAIN && model.price_model == PriceModel::Market;
    let unlock = if PLAIN { Unlock::default() } else { model.vesting.month(month) };
    // Unlocked tokens are sold as they unlock, alone, before the traders' pull (zero: no market).
    let unlock_fill =
        if market && unlock.sold > 0.0 { state.pool.clear(zero, zero, R::splat(unlock.sold)) } else { zero };

    let path_fees =
        if month == model.fee_reset_month { R::splat(model.first_month_fees) } else { state.fees * fee_growth };
    let fees_usd = if shocked { path_fees * model.shocked_fee_factor } else { path_fees };
    let split = fees::split(model, fees_usd);
    let premium = if shocked { state.premium * model.shocked_premium_factor } else { state.premium };
    let basis = valuation_basis(model.valuation_basis, fees_usd, &split, model.conversion_cost);
    // One division by the supply, shared: divisions are most of a month's cost (about 8 cycles
    // each against 1 for a product), so the step divides by each quantity once and multiplies.
    let per_supply = R::splat(1.0) / supply;
    let anchor = if market {
        price::anchor(model, basis, premium, supply, per_supply)
    } else {
        Anchor { fundamental: price::anchor(model, basis, zero, supply, per_supply).fundamental, premium: zero }
    };
    let pool = &mut state.pool;
    let (price_usd, traders_paid) = price::monthly(model, month, state.path_price, fees_usd, per_supply, &anchor, pool);
    if market {
        // LPs keep the market's depth at its share of the circulating market cap at the month's
        // price, before the month's orders (after a crash the traders' pull, not the crash, sets
        // the depth; locked, staked and treasury tokens are not in the market).
        let depth_basis = if model.depth_on_supply { supply } else { circulating_before };
        pool.recentre(R::splat(model.liquidity) * price_usd * depth_basis);
    }
    let market_depth_usd = if market { pool.depth } else { zero }; // no market is modelled: the price is given

    let per_token = R::splat(1.0) / price_usd; // one division a month; every conversion below multiplies
    let burn = burn::execute(model, split.burn_budget, price_usd, per_token, circulating_before, pool);
    // From the stake alone; never more than the burn left (rounding, when nearly nothing is left).
    let slashed =
        if PLAIN { zero } else { (staked_before * model.monthly_slashing).min((supply - burn.tokens).max(0.0)) };
    let minted = emission::minted(model, month, staked_before, supply, per_token, split.stakers);

    // The treasury: its fee income (tokens when fees are native, USD otherwise, and any burn
    // budget that found nothing to burn), then its budget, from its USD first.
    let native = model.denomination == FeeDenomination::Native;
    // Native fee tokens come out of what circulates: never more than the burn left of it (in a
    // design whose fees dwarf its supply, the rest of the treasury's share is kept in dollars).
    let left_circulating = (circulating_before - burn.tokens).max(0.0);
    let owed = if native { tokens_for(split.treasury, per_token) } else { zero };
    let fee_tokens = owed.min(left_circulating);
    let fee_cash = if native {
        let rest = (split.treasury - fee_tokens * price_usd).max(0.0);
        R::select(owed.gt(left_circulating), rest, zero)
    } else {
        split.treasury
    };
    let cash_in = fee_cash + burn.unburnable_usd;
    let held = state.treasury_tokens + fee_tokens + unlock.to_treasury;
    let budget = R::splat(model.treasury_budget) * state.budget_factor;
    let spending = if PLAIN {
        Spending::default() // no budget: nothing paid
    } else {
        treasury::spend(budget, state.treasury_cash + cash_in, held, price_usd, per_token)
    };
    let treasury_tokens = held - spending.tokens_to_sell;

    let supply_after = supply + minted - burn.tokens - slashed;
    let locked = if PLAIN { zero } else { R::splat(model.vesting.locked_after(month)) };
    let stakeable_after = stakeable(model, supply_after, locked, treasury_tokens);
    // The stake follows the supply at its share; slashing takes from the stake alone.
    // (Without slashing nothing is taken: the division is skipped, with the same result.)
    let kept = if !PLAIN && model.monthly_slashing > 0.0 {
        R::select(
            slashed.gt(0.0) & stakeable_before.gt(slashed),
            (staked_before - slashed) / (stakeable_before - slashed),
            state.stake_share,
        )
    } else {
        state.stake_share
    };
    let income = tokens_for(split.stakers, per_token) + minted; // stakers' month, in tokens
    let released = if PLAIN { zero } else { state.unbonding.release(month) };
    let (base, share) = if !PLAIN && model.stake_adjustment_speed > 0.0 {
        // The stake and the tokens still unbonding never exceed what can be staked: where the
        // stakeable tokens shrank under a full queue, the stake is what is left (no decision, so
        // not a move), and stakers decide from there. They close part of the gap to the stake the
        // month's real yield sustains, never beyond the most they ever hold. Nothing stakeable:
        // nothing to decide.
        let per_stakeable = R::splat(1.0) / stakeable_after;
        let room = (R::splat(1.0) - state.unbonding.total * per_stakeable).max(0.0);
        let base = kept.min(room);
        let sustained = staking::sustained_stake(income, minted, supply, per_supply, model.required_staking_yield);
        let target = (sustained * per_stakeable).min(model.max_staked_fraction).min(room);
        let share = (base + R::splat(model.stake_adjustment_speed) * (target - base)).clamp(0.0, room);
        let share = R::select(share.lt(staking::NONE_STAKED), zero, share);
        let decide = stakeable_after.gt(0.0);
        (R::select(decide, base, kept), R::select(decide, share, kept))
    } else {
        (kept, kept)
    };
    // Tokens: + joined the stake, − left it (a plain design's stake never moves: `share − base`
    // is `+0`, as is its product).
    let moved = if PLAIN { zero } else { (share - base) * stakeable_after };
    let (joined, left) = (moved.max(0.0), (-moved).max(0.0));
    let released = if PLAIN {
        zero // the stake never moves: nothing leaves it
    } else if model.unbonding_months == 0 {
        released + left
    } else {
        state.unbonding.queue(month + model.unbonding_months, left);
        released
    };

    // Orders in tokens, at the month's price; under the market model they fill together at one
    // price that their net moves, elsewhere at the month's price.
    let orders = Orders {
        fee_buys: if native { tokens_for(fees_usd, per_token) } else { zero },
        third_party_sells: if native { tokens_for(split.third_party, per_token) } else { zero },
        staker_sells: if native { tokens_for(split.stakers, per_token) * model.reward_sell_share } else { zero },
        reward_sells: minted * model.reward_sell_share,
        stake_buys: joined * model.stake_trade_share,
        unstake_sells: released * model.stake_trade_share,
        treasury_sells: spending.tokens_to_sell,
    };
    let fill = if market {
        let buys = orders.fee_buys + orders.stake_buys;
        let sells = orders.third_party_sells
            + orders.staker_sells
            + orders.reward_sells
            + orders.unstake_sells
            + orders.treasury_sells;
        pool.clear(zero, buys, sells)
    } else {
        price_usd
    };
    let unlocked = locked_before - locked;
    let staked = share * stakeable_after;
    // Locked from circulation by use: stake added by a rise of the staked fraction (a change) and
    // by stakers following the yield, less stake they left. Stake that follows the supply is not
    // consumption: minted rewards landing in staking, or tokens moving from a vesting lock to a
    // staking one.
    let newly_locked = (staked_before - state.staked).max(0.0) + joined - left;
    // Annualised, per token.
    let per_start_supply = R::select(supply.gt(0.0), R::splat(12.0) * per_supply, zero);
    let market_cap_usd = price_usd * supply_after;
    let turnover = if shocked { model.shocked_turnover } else { model.turnover }; // per year
    let trading_volume_usd = R::splat(turnover / 12.0) * market_cap_usd;
    let minted_usd = minted * price_usd;
    // The sale raises the fill's price, not the month's: what it raises beyond the budget stays
    // in the treasury's dollars, and a shortfall from slippage goes unpaid (without counting as
    // running dry).
    let treasury_raised = spending.tokens_to_sell * fill;
    let needed = budget - spending.from_cash - spending.shortfall;
    let treasury_paid = spending.from_cash + treasury_raised.min(needed);

    state.month = month;
    state.supply = supply_after;
    state.fees = path_fees;
    state.path_price *= model.monthly_price_growth;
    state.premium *= model.monthly_premium_growth;
    state.treasury_tokens = treasury_tokens;
    state.treasury_cash = state.treasury_cash + cash_in - spending.from_cash + (treasury_raised - needed).max(0.0);
    state.budget_factor *= model.monthly_budget_growth;
    state.locked = locked;
    state.staked = staked;
    state.stake_share = share;
    state.cumulative_minted += minted;
    state.cumulative_burned += burn.tokens;
    state.cumulative_slashed += slashed;
    debug_assert!(R::all(supply_after.ge(0.0)), "supply went negative at month {month}");
    debug_assert!(
        R::all(
            (supply_after
                - (R::splat(model.initial_supply) + state.cumulative_minted
                    - state.cumulative_burned
                    - state.cumulative_slashed))
                .abs()
                .le(R::splat(1e-9) * (R::splat(model.initial_supply) + state.cumulative_minted))
        ),
        "supply identity broken at month {month}"
    );
    debug_assert!(
        R::all(locked.le(supply_after + R::splat(1e-6) * supply_after)),
        "more locked than supply at month {month}"
    );
    let unbonding = if PLAIN { zero } else { state.unbonding.total };
    let circulating_after = (supply_after - locked - staked - unbonding - treasury_tokens).max(0.0);
    // Burn and mint: users buying the token to burn it are fee buyers, not a buyback.
    let users_burn = model.denomination == FeeDenomination::BurnAndMint;

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
        turnover: R::splat(turnover),
        burn_rate: burn.tokens * per_start_supply,
        consumption_rate: (burn.tokens + slashed + newly_locked) * per_start_supply,
        value_capture_ratio: R::select(fees_usd.gt(0.0), (burn.usd + split.stakers) / fees_usd, zero),
        treasury_tokens,
        fundamental_usd: anchor.fundamental,
        anchor_usd: if market { anchor.value() } else { price_usd },
        market_depth_usd,
        fee_buys_usd: orders.fee_buys * fill + if users_burn { burn.bought_usd } else { zero },
        buyback_usd: if users_burn { zero } else { burn.bought_usd },
        trader_buys_usd: traders_paid.max(0.0),
        third_party_sells_usd: orders.third_party_sells * fill,
        staker_sells_usd: orders.staker_sells * fill,
        trader_sells_usd: (-traders_paid).max(0.0),
        slippage_usd: burn.slippage_usd,
        locked,
        unlocked,
        unlock_sells_usd: R::splat(unlock.sold) * if market { unlock_fill } else { price_usd },
        circulating_market_cap_usd: price_usd * circulating_after,
        fully_diluted_usd: price_usd
            * if model.max_supply.is_finite() { R::splat(model.max_supply) } else { supply_after },
        staked_share: share,
        staking_yield: staking::real_yield(income, staked_before, minted, supply, per_supply),
        unbonding,
        staking_consumption_rate: newly_locked * per_start_supply,
        stake_buys_usd: orders.stake_buys * fill,
        unstake_sells_usd: orders.unstake_sells * fill,
        slashed,
        cumulative_slashed: state.cumulative_slashed,
        treasury_cash_usd: state.treasury_cash,
        treasury_cash_in_usd: cash_in,
        treasury_spent_usd: treasury_paid,
        treasury_sells_usd: treasury_raised,
        treasury_shortfall_usd: spending.shortfall,
        equilibrium_fees_usd: if users_burn { minted_usd } else { zero },
    }
}
