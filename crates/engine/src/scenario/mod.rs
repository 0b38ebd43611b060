//! The scenario: one protocol's token design, the single contract that the app, share links,
//! saved designs and the command line all serialise.
//!
//! Every field is optional in JSON and takes the default documented on it; an unknown field is
//! an error (`deny_unknown_fields`), so a typo in a saved design is reported instead of silently
//! running the default. Each field names the `docs/model.md` section that argues it.
//!
//! The first stage: everything about a design before it runs. Its fields and their ranges
//! (`fields`), the rules between fields (`rules`), validation, reading JSON, and the errors that
//! name a field.

pub mod calendar;
pub mod error;
pub mod fields;
pub mod number;
pub(crate) mod parse;
pub mod rules;
pub mod supply;
pub mod supply_fields;
pub mod validate;
mod validate_supply;
mod words;

pub use calendar::CalendarMonth;
pub use supply::{Allocation, Change, Emission, EmissionSchedule};

use serde::{Deserialize, Serialize};

/// How users pay protocol fees. See `docs/model.md`, "Fee denomination".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FeeDenomination {
    /// Fees are paid in the protocol's own token: the burn share is destroyed directly.
    #[default]
    Native,
    /// Fees arrive as stablecoins: burning needs a market buyback, which costs `conversion_cost`.
    Stablecoin,
    /// Fees arrive in third-party traded assets (a DEX's LP fees): same buyback cost as stablecoins.
    External,
    /// Burn and mint: users pay a USD-priced service by buying the token and burning all of it;
    /// providers (the stakers) are paid by the emission schedule alone (Helium's data credits).
    BurnAndMint,
}

/// Where staking rewards come from. See `docs/model.md`, "Staking".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum YieldSource {
    /// The whole target APR is minted as new tokens: stakers are paid to hold.
    Inflation,
    /// Stakers receive only the staker share of fees; nothing is ever minted.
    Revenue,
    /// The staker share of fees is paid first; only the shortfall to the target APR is minted.
    #[default]
    Hybrid,
}

/// How the token price is set each month. See `docs/model.md`, "Price".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PriceModel {
    /// The price is an outcome: every flow that touches the token trades through one pool whose
    /// depth follows market cap, and traders pull the price toward a valuation anchor.
    #[default]
    Market,
    /// Price is `initial_price_usd` compounded by `price_growth` a year, whatever the protocol does.
    Fixed,
    /// Fully diluted market cap is `price_to_fees` times annualised gross fees.
    FeeMultiple,
}

/// What the market's valuation anchor is a multiple of. See `docs/model.md`, "Price".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ValuationBasis {
    /// What reaches holders: the value burned plus staker revenue (the essay's value capture).
    #[default]
    HolderValue,
    /// Gross fees, whoever gets them (the fee-multiple model's basis).
    GrossFees,
}

/// What the market's depth is a share of. See `docs/model.md`, "Price".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DepthBasis {
    /// The market cap of the circulating supply: locked, staked and treasury tokens are not in
    /// the market (version 3 on).
    #[default]
    Circulating,
    /// The market cap of every token (the meaning `liquidity` had in version 2).
    Supply,
}

/// What `staked_fraction` is a share of. See `docs/model.md`, "Staking that follows yield".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum StakeBasis {
    /// Tokens held outside vesting locks and the treasury: the treasury's tokens cannot be
    /// staked (version 4 on).
    #[default]
    Held,
    /// Every token not locked by vesting, the treasury's included (the meaning of versions 1–3).
    Unlocked,
}

/// Who governs the protocol and whether they can lose for it. See `docs/model.md`, "Slashing and
/// exposure".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Governance {
    /// Token holders vote on the design and nothing of theirs can be slashed (most protocols).
    #[default]
    Insulated,
    /// Voting power is stake that the slashing rate applies to: influence comes with exposure.
    Slashable,
    /// The design is not governed by token holders (versions 1–3 graded only what is minted).
    None,
}

/// The scenario format this build writes. Files, links and saved designs without a version were
/// written before versions existed (version 1) and are read with version 1's defaults; those of
/// version 2 (before allocations) with version 2's, and so on.
pub const VERSION: u32 = 4;

/// A protocol's token design and the market assumptions around it.
///
/// Units: token amounts in tokens, money in USD, rates and shares as fractions (0.05 = 5 %).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// The format version the scenario is written in [2]. Reading upgrades older versions: a field
    /// they leave out takes the default of the version they were written under.
    /// (model.md, "Presets, links and saved designs")
    pub version: u32,
    /// Horizon in whole years, 1..=50 [10]; the projection has `12 * years` monthly steps.
    /// (model.md, "Time")
    pub years: u32,
    /// The calendar month of month 1, `"YYYY-MM"` [null: months from launch only]. Charts then
    /// label dates and exports carry each row's date; nothing in the model depends on it.
    /// (model.md, "Time")
    pub start: Option<CalendarMonth>,
    /// Token supply at month 0, tokens, 1..=1e15 [1e9]. (model.md, "Supply")
    pub initial_supply: f64,
    /// The most tokens there can ever be [null: no cap]; at least the initial supply. Every
    /// emission schedule stops there. (model.md, "Emission schedules")
    pub max_supply: Option<f64>,
    /// The allocation table: who holds the initial supply and when it unlocks [team, investors,
    /// community, treasury, ecosystem; none in version 1]. Shares sum to 1; without buckets every
    /// token circulates at launch. (model.md, "Allocations and vesting")
    pub allocations: Vec<Allocation>,
    /// How new tokens are issued [target_apr]. (model.md, "Emission schedules")
    pub emission: Emission,
    /// Changes the design makes to itself from a month on [none]. (model.md, "Changes over time")
    pub changes: Vec<Change>,
    /// Token price at month 0, USD, 1e-9..=1e9 [1.0]. (model.md, "Price")
    pub initial_price_usd: f64,
    /// Gross fees users pay in the first year, USD, 0..=1e15 [2e7]. (model.md, "Fees")
    pub annual_fees_usd: f64,
    /// Annual growth of gross fees, fraction, greater than -1 and at most 100 [0.20].
    /// Negative values model shrinking usage. (model.md, "Fees")
    pub fee_growth: f64,
    /// What users pay fees in [native]. (model.md, "Fee denomination")
    pub fee_denomination: FeeDenomination,
    /// Share of a buyback lost to intermediaries (spread, slippage, bridge and swap fees) when
    /// fees are not native, fraction 0..=1 [0.02]. (model.md, "Fee denomination")
    pub conversion_cost: f64,
    /// Share of gross fees the protocol controls, fraction 0..=1 [1.0]; the rest goes straight to
    /// liquidity providers or other third parties. (model.md, "Fee split")
    pub protocol_take: f64,
    /// Share of the protocol take that is burned, fraction 0..=1 [0.5]. (model.md, "Fee split")
    pub burn_share: f64,
    /// Share of the protocol take paid to stakers, fraction 0..=1 [0.3];
    /// `burn_share + staker_share` is at most 1, the treasury keeps the rest. (model.md, "Fee split")
    pub staker_share: f64,
    /// Share of the stakeable tokens locked in staking at launch, fraction 0..=1 [0.4]; it then
    /// follows the yield at `stake_adjustment_speed`. (model.md, "Staking")
    pub staked_fraction: f64,
    /// What `staked_fraction` is a share of [held]: tokens outside vesting and the treasury, or
    /// every unlocked token (versions 1–3). (model.md, "Staking that follows yield")
    pub staking_basis: StakeBasis,
    /// The opportunity cost of staking: the real yield a year below which stakers leave,
    /// fraction 0..=1 [0.05]. (model.md, "Staking that follows yield")
    pub required_staking_yield: f64,
    /// Share of the gap to the stake this month's real yield would sustain that stakers close
    /// each month, fraction 0..=1 [0.1; 0 before version 4: the stake never moves].
    /// (model.md, "Staking that follows yield")
    pub stake_adjustment_speed: f64,
    /// The most of the stakeable tokens stakers ever hold, fraction 0..=1 [0.8; 1 before version
    /// 4]: exchanges, market makers and traders keep the rest liquid whatever the yield.
    /// (model.md, "Staking that follows yield")
    pub max_staked_fraction: f64,
    /// Months unstaked tokens wait before they can move, whole months 0..=12 [1].
    /// (model.md, "Staking that follows yield")
    pub unbonding_months: u32,
    /// Share of the stake's moves that trade: new stake bought in the market, released stake sold
    /// into it, fraction 0..=1 [0.5]. (model.md, "Staking that follows yield")
    pub stake_trade_share: f64,
    /// Expected share of the staked tokens slashed (destroyed) a year, fraction 0..=1 [0].
    /// (model.md, "Slashing and exposure")
    pub slashing_rate: f64,
    /// Whether the holders who govern can be slashed [insulated; none before version 4].
    /// (model.md, "Slashing and exposure")
    pub governance: Governance,
    /// Annual reward rate stakers are promised, fraction of staked tokens 0..=1 [0.05].
    /// (model.md, "Staking")
    pub target_staking_apr: f64,
    /// Where staking rewards come from [hybrid]. (model.md, "Staking")
    pub staking_yield_source: YieldSource,
    /// Share of newly minted rewards sold on the market, fraction 0..=1 [0.5]. (model.md, "Staking")
    pub reward_sell_share: f64,
    /// What the treasury spends in month 1, USD a month, 0..=1e12 [300000; 0 before version 4]:
    /// paid from its stablecoin income first, then by selling its tokens. (model.md, "A treasury
    /// that spends")
    pub treasury_budget_usd: f64,
    /// Annual growth of the treasury's budget, fraction, greater than -1 and at most 10 [0.0].
    /// (model.md, "A treasury that spends")
    pub treasury_budget_growth: f64,
    /// How the price is set [market]. (model.md, "Price")
    pub price_model: PriceModel,
    /// Annual growth of the fixed model's price, or of the market's speculative premium, fraction,
    /// greater than -1 and at most 100 [0.0]. (model.md, "Price")
    pub price_growth: f64,
    /// The valuation multiple, 0.1..=1000 [25]: fully diluted market cap over annualised gross
    /// fees under the fee-multiple model; the market's anchor over annualised holder value (or
    /// gross fees). (model.md, "Price")
    pub price_to_fees: f64,
    /// What the market's valuation anchor is a multiple of [holder_value]. (model.md, "Price")
    pub valuation_basis: ValuationBasis,
    /// Depth of the market as a share of the circulating market cap, 0.001..=10 [0.5]: the value
    /// of both sides of the constant-product pool a month's net orders trade against.
    /// (model.md, "Price")
    pub liquidity: f64,
    /// What `liquidity` is a share of [circulating]: the circulating market cap, or the market
    /// cap of every token (version 2's meaning). (model.md, "Price")
    pub liquidity_basis: DepthBasis,
    /// Share of the gap between the price and the valuation anchor that traders close each month,
    /// fraction 0..=1 [0.2]. (model.md, "Price")
    pub valuation_pull: f64,
    /// Share of fees that comes from speculative activity and falls with it when speculation fades,
    /// fraction 0..=1 [0.3]. (model.md, "Speculation shock")
    pub fee_speculation_share: f64,
    /// Annual trading volume over market cap, per year, 0..=1000 [12]. It moves no supply:
    /// it is shown beside consumption, which is the essay's point. (model.md, "Turnover")
    pub turnover: f64,
    /// A fall in speculation from a given year on [null: none]. (model.md, "Speculation shock")
    pub speculation_shock: Option<SpeculationShock>,
    /// Annual discount rate for the present value of holder cash flows, fraction 0..=1 [0.15].
    /// (model.md, "Valuation lenses")
    pub discount_rate: f64,
    /// Annual volatility of fee growth for Monte Carlo paths, fraction 0..=2 [0.3].
    /// (model.md, "Monte Carlo")
    pub growth_volatility: f64,
    /// Number of Monte Carlo paths, 1..=100000 [2000]. (model.md, "Monte Carlo")
    pub paths: u32,
    /// Seed of the Monte Carlo random numbers, any unsigned 64-bit integer [1]: the same seed
    /// gives the same paths on every platform. (model.md, "Monte Carlo")
    pub seed: u64,
}

/// Speculation fading: from the start of year `year`, trading turnover falls by `turnover_drop`
/// and, under the fixed price model, the price by `price_drop`. Fees (use) are unaffected: that is
/// the essay's test of a consumption-driven design. (model.md, "Speculation shock")
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SpeculationShock {
    /// First year affected, 1..=`years` [3]; the shock starts at month `12 · (year − 1) + 1`.
    pub year: u32,
    /// Fraction by which turnover falls, 0..=1 [0.8].
    pub turnover_drop: f64,
    /// Fraction by which the fixed-model price falls, 0..=0.99 [0.5].
    pub price_drop: f64,
}

impl Default for SpeculationShock {
    fn default() -> Self {
        Self { year: 3, turnover_drop: 0.8, price_drop: 0.5 }
    }
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            version: VERSION,
            years: 10,
            start: None,
            initial_supply: 1e9,
            max_supply: None,
            allocations: supply::default_allocations(),
            emission: Emission::default(),
            changes: Vec::new(),
            initial_price_usd: 1.0,
            annual_fees_usd: 2e7,
            fee_growth: 0.20,
            fee_denomination: FeeDenomination::Native,
            conversion_cost: 0.02,
            protocol_take: 1.0,
            burn_share: 0.5,
            staker_share: 0.3,
            staked_fraction: 0.4,
            staking_basis: StakeBasis::Held,
            required_staking_yield: 0.05,
            stake_adjustment_speed: 0.1,
            max_staked_fraction: 0.8,
            unbonding_months: 1,
            stake_trade_share: 0.5,
            slashing_rate: 0.0,
            governance: Governance::Insulated,
            target_staking_apr: 0.05,
            staking_yield_source: YieldSource::Hybrid,
            reward_sell_share: 0.5,
            treasury_budget_usd: 3e5,
            treasury_budget_growth: 0.0,
            price_model: PriceModel::Market,
            price_growth: 0.0,
            price_to_fees: 25.0,
            valuation_basis: ValuationBasis::HolderValue,
            liquidity: 0.5,
            liquidity_basis: DepthBasis::Circulating,
            valuation_pull: 0.2,
            fee_speculation_share: 0.3,
            turnover: 12.0,
            speculation_shock: None,
            discount_rate: 0.15,
            growth_volatility: 0.3,
            paths: 2000,
            seed: 1,
        }
    }
}

impl Scenario {
    /// The defaults of format `version`: what a field left out of a file, link or saved design
    /// written in that version means. `None` for a version this build does not know.
    pub fn defaults_of(version: u32) -> Option<Self> {
        match version {
            // Before price was an outcome: a fixed price, fees untouched by speculation, and every
            // token circulating at launch.
            1 => Some(Self { price_model: PriceModel::Fixed, fee_speculation_share: 0.0, ..Self::defaults_of(2)? }),
            // Before allocations: every token circulating at launch, and a market whose depth was
            // a tenth of the whole market cap.
            2 => Some(Self {
                allocations: Vec::new(),
                liquidity: 0.1,
                liquidity_basis: DepthBasis::Supply,
                ..Self::defaults_of(3)?
            }),
            // Before holders responded: a stake that never moves (a share of every unlocked
            // token), a treasury that never spends, and governance the scorecard did not grade.
            3 => Some(Self {
                staking_basis: StakeBasis::Unlocked,
                stake_adjustment_speed: 0.0,
                max_staked_fraction: 1.0,
                unbonding_months: 0,
                stake_trade_share: 0.0,
                governance: Governance::None,
                treasury_budget_usd: 0.0,
                ..Self::default()
            }),
            VERSION => Some(Self::default()),
            _ => None,
        }
    }

    /// Number of monthly steps in the projection.
    pub fn months(&self) -> u32 {
        self.years.saturating_mul(12)
    }

    /// First month hit by the speculation shock, if there is one.
    pub fn shock_month(&self) -> Option<u32> {
        self.speculation_shock.map(|k| k.year.saturating_sub(1).saturating_mul(12) + 1)
    }

    /// Move a speculation shock that lies beyond the horizon to its last year; returns the year it
    /// was moved from, if it moved. The one rule for a shorter horizon, used by share links, the
    /// app's levers and the sensitivity sweep alike.
    pub fn clamp_shock_to_horizon(&mut self) -> Option<u32> {
        let years = self.years.max(1);
        let shock = self.speculation_shock.as_mut()?;
        (shock.year > years).then(|| std::mem::replace(&mut shock.year, years))
    }
}
