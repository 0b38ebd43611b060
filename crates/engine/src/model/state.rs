//! What carries over from one month to the next ([`State`]), one path's or several side by side,
//! and where a run starts from.

use super::lanes::Real;
use super::market::Pool;
use super::staking::Unbonding;
use super::Model;

/// What carries over from one month to the next: one path's (`f64`) or several paths' side by
/// side ([`Lanes`](super::lanes::Lanes)).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct State<R = f64> {
    /// Months completed so far.
    pub month: u32,
    /// Token supply now, tokens.
    pub supply: R,
    /// Gross fees of the last month completed before any speculation shock, USD (the base the
    /// next month grows from; month 1 starts from the model's first-month fees instead).
    pub fees: R,
    /// Fixed-model price of the next month before any shock, USD.
    pub path_price: R,
    /// The market's speculative premium before any shock, USD of market cap.
    pub premium: R,
    /// Tokens the treasury holds.
    pub treasury_tokens: R,
    /// Tokens still locked by vesting.
    pub locked: R,
    /// Tokens staked at the end of the last month.
    pub staked: R,
    /// Share of the stakeable tokens staked at the end of the last month.
    pub stake_share: R,
    /// Tokens unstaked and waiting to be released.
    pub unbonding: Unbonding<R>,
    /// USD the treasury holds.
    pub treasury_cash: R,
    /// The treasury budget's growth since launch (the budget is the model's times this).
    pub budget_factor: R,
    /// The market's pool at the end of the last month.
    pub pool: Pool<R>,
    /// Tokens minted so far.
    pub cumulative_minted: R,
    /// Tokens burned by use so far.
    pub cumulative_burned: R,
    /// Tokens slashed so far.
    pub cumulative_slashed: R,
}

impl State {
    /// The state at month 0: the allocation table's launch unlocks circulate (or sit in the
    /// treasury), the rest is locked.
    pub fn start(model: &Model) -> Self {
        let (locked, treasury_tokens) = (model.vesting.locked_at_launch, model.vesting.treasury_at_launch);
        let staked = model.staked_fraction * stakeable(model, model.initial_supply, locked, treasury_tokens);
        let circulating = (model.initial_supply - locked - staked - treasury_tokens).max(0.0);
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
            staked,
            stake_share: model.staked_fraction,
            unbonding: Unbonding::default(),
            treasury_cash: 0.0,
            budget_factor: 1.0,
            pool: Pool { price: model.initial_price, depth },
            cumulative_minted: 0.0,
            cumulative_burned: 0.0,
            cumulative_slashed: 0.0,
        }
    }
}

impl<const N: usize> State<super::lanes::Lanes<N>> {
    /// `state` in every lane: `N` paths at the same point.
    pub fn splat(state: &State) -> Self {
        let s = state;
        let l = super::lanes::Lanes::from;
        Self {
            month: s.month,
            supply: l(s.supply),
            fees: l(s.fees),
            path_price: l(s.path_price),
            premium: l(s.premium),
            treasury_tokens: l(s.treasury_tokens),
            locked: l(s.locked),
            staked: l(s.staked),
            stake_share: l(s.stake_share),
            unbonding: Unbonding::splat(&s.unbonding),
            treasury_cash: l(s.treasury_cash),
            budget_factor: l(s.budget_factor),
            pool: Pool { price: l(s.pool.price), depth: l(s.pool.depth) },
            cumulative_minted: l(s.cumulative_minted),
            cumulative_burned: l(s.cumulative_burned),
            cumulative_slashed: l(s.cumulative_slashed),
        }
    }
}

/// What the staked share is a share of, tokens: every token not locked by vesting, less the
/// treasury's from version 4 on (the treasury does not stake); unbonding tokens are in it (they
/// left the stake, not the basis), so a release moves tokens into circulation and nowhere else.
#[inline]
pub(super) fn stakeable<R: Real>(model: &Model, supply: R, locked: R, treasury_tokens: R) -> R {
    let treasury = if model.stake_excludes_treasury { treasury_tokens } else { R::splat(0.0) };
    (supply - locked - treasury).max(0.0)
}
