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
pub mod emission;
mod fees;
pub mod lanes;
pub mod market;
pub mod month;
pub mod plan;
pub(crate) mod price;
pub mod run;
pub mod staking;
pub mod state;
pub mod step;
pub mod summary;
mod treasury;
pub mod vesting;

pub use month::Month;
pub use plan::Plan;
pub use run::{run, summarize};
pub use state::State;
pub use step::step;
pub use summary::Summary;

use crate::scenario::{Emission, EmissionSchedule, FeeDenomination, PriceModel, Scenario, ValuationBasis, YieldSource};
use lanes::Real;
use std::sync::Arc;
use vesting::Vesting;

/// The scenario turned into monthly rates. Built by [`Model::new`] from a validated scenario;
/// a design with changes over time has one per phase (see [`Plan`]). Cloning shares the
/// precomputed tables.
#[derive(Debug, Clone, PartialEq)]
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
    /// The valuation multiple (fee-multiple model, and the market's anchor).
    pub price_to_fees: f64,
    /// What the market's anchor is a multiple of.
    pub valuation_basis: ValuationBasis,
    /// The market's depth as a share of market cap.
    pub liquidity: f64,
    /// Whether the depth is a share of every token's market cap (version 2's meaning) rather than
    /// of the circulating one.
    pub depth_on_supply: bool,
    /// Share of the gap to the anchor closed each month (market model).
    pub valuation_pull: f64,
    /// The market's speculative premium at launch, USD of market cap: what the launch price is
    /// above the anchor's fundamental value in month 1 (zero when it is below).
    pub launch_premium: f64,
    /// Month-on-month growth factor of the speculative premium, `(1 + price_growth)^(1/12)`.
    pub monthly_premium_growth: f64,
    /// Factor on fees from the shock on: `1 − fee_speculation_share · turnover_drop`.
    pub shocked_fee_factor: f64,
    /// Factor on the speculative premium from the shock on: `1 − turnover_drop` (speculators leave).
    pub shocked_premium_factor: f64,
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
    /// Share of the stakeable tokens staked when this phase sets it (see `stake_reset_month`).
    pub staked_fraction: f64,
    /// Whether the treasury's tokens are outside what can be staked (version 4's basis).
    pub stake_excludes_treasury: bool,
    /// The month whose stake is `staked_fraction` rather than where the last month left it:
    /// month 1, or the month a change set `staked_fraction`.
    pub stake_reset_month: u32,
    /// The opportunity cost of staking, a year.
    pub required_staking_yield: f64,
    /// Share of the gap to the sustainable stake closed each month.
    pub stake_adjustment_speed: f64,
    /// The most of the stakeable tokens stakers move toward.
    pub max_staked_fraction: f64,
    /// Months unstaked tokens wait.
    pub unbonding_months: u32,
    /// Share of stake moves that trade through the market.
    pub stake_trade_share: f64,
    /// Share of the stake slashed each month (`slashing_rate / 12`).
    pub monthly_slashing: f64,
    /// The treasury's budget in month 1, USD a month.
    pub treasury_budget: f64,
    /// Month-on-month growth factor of the treasury's budget.
    pub monthly_budget_growth: f64,
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
    /// The month whose fees are `first_month_fees` rather than last month's grown: month 1, or
    /// the month a change set `annual_fees_usd` (fees restart at the new level there).
    pub fee_reset_month: u32,
    /// The emission schedule and its parameters.
    pub emission: Emission,
    /// The most tokens there can be (infinite without a cap).
    pub max_supply: f64,
    /// The allocation table's unlocks, month by month (shared by every phase of a plan).
    pub vesting: Arc<Vesting>,
    /// The disinflation schedule's monthly rate of supply, `rate(t) / 12`, for months 1 to the
    /// horizon; `inflation[t − 1]` is month `t`'s. Empty under other schedules.
    inflation: Arc<[f64]>,
}

impl Model {
    /// Derive the monthly constants. The scenario must already be valid; its `changes` are not
    /// applied (a [`Plan`] applies them).
    pub fn new(s: &Scenario) -> Self {
        Self::with_vesting(s, Arc::new(Vesting::new(s)), Resets::LAUNCH)
    }

    /// [`Model::new`] with the vesting already computed, and fees restarting at
    /// `fee_reset_month` (a phase of a [`Plan`]).
    pub(crate) fn with_vesting(s: &Scenario, vesting: Arc<Vesting>, resets: Resets) -> Self {
        let monthly_fee_growth = libm::pow(1.0 + s.fee_growth, 1.0 / 12.0);
        let first_month_fees = s.annual_fees_usd / first_year_weight(monthly_fee_growth);
        let conversion_cost = match s.fee_denomination {
            FeeDenomination::Native | FeeDenomination::BurnAndMint => 0.0, // users buy the token themselves
            FeeDenomination::Stablecoin | FeeDenomination::External => s.conversion_cost,
        };
        let turnover_drop = s.speculation_shock.map_or(0.0, |k| k.turnover_drop);
        let shocked_fee_factor = 1.0 - s.fee_speculation_share * turnover_drop;
        // Month 1's fees, after the shock if it hits in month 1.
        let month_one_fees =
            if s.shock_month() == Some(1) { first_month_fees * shocked_fee_factor } else { first_month_fees };
        let split = fees::split_for(s.fee_denomination, s.protocol_take, s.burn_share, s.staker_share, month_one_fees);
        let basis = valuation_basis(s.valuation_basis, month_one_fees, &split, conversion_cost);
        // Per token, as the step computes it, so that a launch price at the anchor has no premium.
        let fundamental = price::multiple_of(s.price_to_fees, basis) * (1.0 / s.initial_supply);
        Self {
            months: s.months(),
            initial_supply: s.initial_supply,
            first_month_fees,
            monthly_fee_growth,
            initial_price: s.initial_price_usd,
            monthly_price_growth: libm::pow(1.0 + s.price_growth, 1.0 / 12.0),
            price_model: s.price_model,
            price_to_fees: s.price_to_fees,
            valuation_basis: s.valuation_basis,
            liquidity: s.liquidity,
            depth_on_supply: s.liquidity_basis == crate::scenario::DepthBasis::Supply,
            valuation_pull: s.valuation_pull,
            launch_premium: (s.initial_price_usd - fundamental).max(0.0) * s.initial_supply,
            monthly_premium_growth: libm::pow(1.0 + s.price_growth, 1.0 / 12.0),
            shocked_fee_factor,
            shocked_premium_factor: 1.0 - turnover_drop,
            denomination: s.fee_denomination,
            conversion_cost,
            protocol_take: s.protocol_take,
            burn_share: s.burn_share,
            staker_share: s.staker_share,
            staked_fraction: s.staked_fraction,
            stake_excludes_treasury: s.staking_basis == crate::scenario::StakeBasis::Held,
            stake_reset_month: resets.stake,
            required_staking_yield: s.required_staking_yield,
            stake_adjustment_speed: s.stake_adjustment_speed,
            max_staked_fraction: s.max_staked_fraction,
            unbonding_months: s.unbonding_months,
            stake_trade_share: s.stake_trade_share,
            monthly_slashing: s.slashing_rate / 12.0,
            treasury_budget: s.treasury_budget_usd,
            monthly_budget_growth: libm::pow(1.0 + s.treasury_budget_growth, 1.0 / 12.0),
            monthly_apr: s.target_staking_apr / 12.0,
            yield_source: s.staking_yield_source,
            reward_sell_share: s.reward_sell_share,
            turnover: s.turnover,
            shock_month: s.shock_month().unwrap_or(u32::MAX),
            shocked_turnover: s.turnover * (1.0 - s.speculation_shock.map_or(0.0, |k| k.turnover_drop)),
            shocked_price_factor: 1.0 - s.speculation_shock.map_or(0.0, |k| k.price_drop),
            fee_reset_month: resets.fees,
            emission: s.emission,
            max_supply: s.max_supply.unwrap_or(f64::INFINITY),
            vesting,
            inflation: inflation_table(&s.emission, s.months()),
        }
    }

    /// The disinflation schedule's rate of supply in month `t`, per month.
    #[inline]
    pub fn monthly_inflation(&self, t: u32) -> f64 {
        self.inflation.get(t as usize - 1).copied().unwrap_or(0.0)
    }

    /// Whether the design leaves idle every mechanism [`plain_step`](step::plain_step) compiles
    /// out: a price that is not the market's, vesting that never locks or unlocks a token, a stake
    /// that never moves (no stakers following the yield, no slashing, no unbonding) and no
    /// treasury budget. Version 1 and 2 designs without allocations are plain, as is the numpy
    /// peer's model (`scripts/bench.sh`).
    pub fn is_plain(&self) -> bool {
        self.price_model != PriceModel::Market
            && self.vesting.is_idle()
            && self.stake_adjustment_speed == 0.0
            && self.monthly_slashing == 0.0
            && self.unbonding_months == 0
            && self.treasury_budget == 0.0
    }
}

/// The months from which a phase's levels replace where the run had taken them: fees restart at
/// the phase's annual fees, the stake at its staked fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Resets {
    /// The month fees restart at `first_month_fees`.
    pub fees: u32,
    /// The month the stake is set to `staked_fraction`.
    pub stake: u32,
}

impl Resets {
    /// Both from month 1: a run without changes.
    pub const LAUNCH: Self = Self { fees: 1, stake: 1 };
}

/// [`Model::monthly_inflation`]'s table: the `powf`s of the disinflation schedule, done once.
fn inflation_table(e: &Emission, months: u32) -> Arc<[f64]> {
    if e.schedule != EmissionSchedule::Disinflation {
        return Arc::from([]);
    }
    (1..=months).map(|t| emission::disinflation_rate(e.initial_rate, e.decline, e.floor, t) / 12.0).collect()
}

/// What the anchor's multiple applies to this month, USD: the value that reaches holders (the burn
/// budget net of conversion, and staker revenue), or gross fees.
#[inline]
pub(crate) fn valuation_basis<R: Real>(
    basis: ValuationBasis,
    fees: R,
    split: &fees::FeeSplit<R>,
    conversion_cost: f64,
) -> R {
    match basis {
        ValuationBasis::HolderValue => split.burn_budget * (1.0 - conversion_cost) + split.stakers,
        ValuationBasis::GrossFees => fees,
    }
}

/// `1 + g + g² + … + g¹¹`: first-month fees times this is the first year's fees.
fn first_year_weight(g: f64) -> f64 {
    (0..12).fold((0.0, 1.0), |(sum, power), _| (sum + power, power * g)).0
}

/// USD turned into tokens at a price whose inverse is `per_token` (the step divides once a month,
/// not once a conversion: the divisions sat on the step's critical path). Nothing to convert is
/// zero tokens even at a zero price (a fee-multiple token with no fees has no price, and no fees
/// to burn either).
#[inline]
pub(crate) fn tokens_for<R: Real>(usd: R, per_token: R) -> R {
    R::select(usd.le(0.0), R::splat(0.0), usd * per_token)
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
