//! Strategies shared by the engine's property tests.
#![allow(dead_code, missing_docs)]

use consumption_lab_engine::{
    Allocation, Emission, EmissionSchedule, FeeDenomination, Governance, PriceModel, Projection, Scenario, StakeBasis,
    ValuationBasis, YieldSource,
};
use proptest::prelude::*;

pub fn denomination() -> impl Strategy<Value = FeeDenomination> {
    prop_oneof![
        3 => Just(FeeDenomination::Native),
        3 => Just(FeeDenomination::Stablecoin),
        2 => Just(FeeDenomination::External),
        2 => Just(FeeDenomination::BurnAndMint),
    ]
}

pub fn yield_source() -> impl Strategy<Value = YieldSource> {
    prop_oneof![Just(YieldSource::Inflation), Just(YieldSource::Revenue), Just(YieldSource::Hybrid)]
}

pub fn price_model() -> impl Strategy<Value = PriceModel> {
    prop_oneof![Just(PriceModel::Market), Just(PriceModel::Fixed), Just(PriceModel::FeeMultiple)]
}

pub fn valuation_basis() -> impl Strategy<Value = ValuationBasis> {
    prop_oneof![Just(ValuationBasis::HolderValue), Just(ValuationBasis::GrossFees)]
}

/// The defaults without an allocation table, with a stake that never moves and a treasury that
/// never spends: every token circulates at launch, as before vesting existed, so the closed forms
/// of fees, burns and the market hold exactly.
pub fn all_circulating() -> Scenario {
    still(Scenario { allocations: Vec::new(), ..Scenario::default() })
}

/// `s` with holders who do not respond (version 3's meaning): the stake a constant share of every
/// unlocked token, no unbonding, no slashing, no treasury budget.
pub fn still(s: Scenario) -> Scenario {
    Scenario {
        staking_basis: StakeBasis::Unlocked,
        stake_adjustment_speed: 0.0,
        max_staked_fraction: 1.0,
        unbonding_months: 0,
        stake_trade_share: 0.0,
        slashing_rate: 0.0,
        treasury_budget_usd: 0.0,
        ..s
    }
}

/// A log-uniform positive number between `lo` and `hi`: scales matter more than digits.
pub fn log_range(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    (lo.ln()..=hi.ln()).prop_map(f64::exp)
}

/// An allocation table: none, the defaults, or one to six random buckets whose shares sum to 1
/// (cliffs within a year, so that every horizon holds them).
pub fn allocations() -> impl Strategy<Value = Vec<Allocation>> {
    let bucket = (0.01..=1.0f64, 0.0..=1.0f64, 0u32..=12, 0u32..=120, 0.0..=1.0f64, prop::bool::weighted(0.2));
    let random = prop::collection::vec(bucket, 1..=6).prop_map(|rows| {
        let total: f64 = rows.iter().map(|r| r.0).sum();
        let mut table: Vec<Allocation> = rows
            .iter()
            .enumerate()
            .map(|(i, &(share, launch, cliff, vesting, sold, treasury))| Allocation {
                name: format!("bucket {i}"),
                share: share / total,
                unlocked_at_launch: launch,
                cliff_months: cliff,
                vesting_months: vesting,
                sold_share: sold,
                treasury,
            })
            .collect();
        // The last share takes the rounding, so that the table sums to 1 to the last bit or two.
        let rest: f64 = table[..table.len() - 1].iter().map(|a| a.share).sum();
        let last = table.len() - 1;
        table[last].share = (1.0 - rest).max(0.0);
        table
    });
    prop_oneof![2 => Just(Vec::new()), 1 => Just(Scenario::default().allocations), 3 => random]
}

/// An emission schedule with its parameters across their ranges, and sometimes a cap on supply
/// (`cap` times the initial supply).
pub fn emission() -> impl Strategy<Value = (Emission, Option<f64>)> {
    let schedule = prop_oneof![
        3 => Just(EmissionSchedule::TargetApr),
        1 => Just(EmissionSchedule::Disinflation),
        1 => Just(EmissionSchedule::Halving),
        1 => Just(EmissionSchedule::SqrtStaked),
        1 => Just(EmissionSchedule::FixedPerMonth),
    ];
    let cap = prop_oneof![2 => Just(None), 1 => (1.0..=3.0f64).prop_map(Some)];
    (schedule, 0.0..=0.3f64, 0.0..=1.0f64, 0.0..=0.05f64, 0.0..=0.2f64, 0.25..=50.0f64, 0.0..=0.01f64, cap).prop_map(
        |(schedule, initial_rate, decline, floor, per_year, halving_years, per_month, cap)| {
            // Token amounts as shares of a billion-token supply; scaled in `scenario`.
            let e = Emission {
                schedule,
                initial_rate,
                decline,
                floor,
                tokens_per_year: per_year,
                halving_years,
                sqrt_factor: 166.3,
                tokens_per_month: per_month,
            };
            (e, cap)
        },
    )
}

/// Any valid scenario, across the whole allowed range of every field, with edge values mixed in.
pub fn scenario() -> impl Strategy<Value = Scenario> {
    (base_scenario(), allocations(), emission(), behaviour()).prop_map(
        |(s, allocations, (mut emission, cap), behave)| {
            emission.tokens_per_year *= s.initial_supply;
            emission.tokens_per_month *= s.initial_supply;
            emission.sqrt_factor *= (s.initial_supply / 1.2e8).sqrt(); // Ethereum's rate at any scale
            let max_supply = cap.map(|c| (c * s.initial_supply).min(1e15).max(s.initial_supply));
            behave.apply(Scenario { allocations, emission, max_supply, ..s })
        },
    )
}

/// How holders respond: the behaviour fields of a scenario, drawn by [`behaviour`].
#[derive(Debug, Clone)]
pub struct Behaviour {
    speed: f64,
    max_staked: f64,
    required: f64,
    unbonding: u32,
    trade: f64,
    slashing: f64,
    /// The budget as a multiple of a month's fees or of a thousandth of the launch market cap,
    /// whichever is larger.
    budget: f64,
    budget_growth: f64,
    basis: StakeBasis,
    governance: Governance,
}

impl Behaviour {
    /// `s` with these behaviours.
    pub fn apply(&self, s: Scenario) -> Scenario {
        let scale = (s.annual_fees_usd / 12.0).max(1e-3 * s.initial_price_usd * s.initial_supply);
        Scenario {
            stake_adjustment_speed: self.speed,
            max_staked_fraction: self.max_staked,
            required_staking_yield: self.required,
            unbonding_months: self.unbonding,
            stake_trade_share: self.trade,
            slashing_rate: self.slashing,
            treasury_budget_usd: (self.budget * scale).min(1e12),
            treasury_budget_growth: self.budget_growth,
            staking_basis: self.basis,
            governance: self.governance,
            ..s
        }
    }
}

/// Stake following yield, unbonding, slashing and the treasury's budget across their ranges, and
/// sometimes off.
pub fn behaviour() -> impl Strategy<Value = Behaviour> {
    let share = || prop_oneof![1 => Just(0.0), 1 => Just(1.0), 4 => 0.0..=1.0f64];
    let basis = prop_oneof![3 => Just(StakeBasis::Held), 1 => Just(StakeBasis::Unlocked)];
    let governance = prop_oneof![Just(Governance::Insulated), Just(Governance::Slashable), Just(Governance::None)];
    (
        (share(), share(), 0.0..=0.3f64, 0u32..=12, share()),
        (prop_oneof![2 => Just(0.0), 1 => 0.0..=0.3f64], prop_oneof![1 => Just(0.0), 2 => 0.0..=3.0f64], -0.5..=1.0f64),
        (basis, governance),
    )
        .prop_map(
            |(
                (speed, max_staked, required, unbonding, trade),
                (slashing, budget, budget_growth),
                (basis, governance),
            )| {
                Behaviour {
                    speed,
                    max_staked,
                    required,
                    unbonding,
                    trade,
                    slashing,
                    budget,
                    budget_growth,
                    basis,
                    governance,
                }
            },
        )
}

/// [`scenario`]'s fields of the main table.
fn base_scenario() -> impl Strategy<Value = Scenario> {
    let share = || prop_oneof![1 => Just(0.0), 1 => Just(1.0), 6 => 0.0..=1.0f64];
    (
        (1u32..=50, log_range(1.0, 1e15), log_range(1e-9, 1e9), prop_oneof![1 => Just(0.0), 9 => log_range(1.0, 1e15)]),
        (-0.99..=3.0f64, denomination(), share(), share()),
        (share(), share(), share(), share()),
        (yield_source(), share(), price_model(), -0.9..=2.0f64, log_range(0.1, 1000.0), 0.0..=1000.0f64),
        (log_range(0.001, 1.0), share(), valuation_basis(), share()),
    )
        .prop_map(
            |(
                (years, supply, price, fees),
                (growth, denom, cost, take),
                (burn, staker, staked, apr),
                (source, sell, model, pg, ptf, turnover),
                (liquidity, valuation_pull, valuation_basis, fee_speculation_share),
            )| {
                // Keep burn + staker shares within 1 the way a person would: scale them down together.
                let total = burn + staker;
                let (burn_share, staker_share) =
                    if total > 1.0 { (burn / total, staker / total * (1.0 - 1e-12)) } else { (burn, staker) };
                Scenario {
                    years,
                    initial_supply: supply,
                    initial_price_usd: price,
                    annual_fees_usd: fees,
                    fee_growth: growth,
                    fee_denomination: denom,
                    conversion_cost: cost,
                    protocol_take: take,
                    burn_share,
                    staker_share,
                    staked_fraction: staked,
                    target_staking_apr: apr,
                    staking_yield_source: source,
                    reward_sell_share: sell,
                    price_model: model,
                    price_growth: pg,
                    liquidity,
                    valuation_pull,
                    valuation_basis,
                    fee_speculation_share,
                    price_to_fees: ptf,
                    turnover,
                    ..Scenario::default()
                }
            },
        )
}

/// The largest share of the market's depth any month's orders took.
pub fn shallowest(p: &Projection) -> f64 {
    p.months
        .iter()
        .map(|m| {
            let orders = m.fee_buys_usd
                + m.buyback_usd
                + m.third_party_sells_usd
                + m.staker_sells_usd
                + m.minted_sold_usd
                + m.unlock_sells_usd;
            if m.market_depth_usd > 0.0 {
                orders / m.market_depth_usd
            } else {
                f64::INFINITY
            }
        })
        .fold(0.0, f64::max)
}

/// `s` with a year's fees at most a tenth of its market's depth at launch, and staking rewards at
/// most 20 % a year.
pub fn deep_enough(s: Scenario) -> Scenario {
    let depth = s.liquidity * s.initial_price_usd * s.initial_supply * (1.0 - s.staked_fraction);
    Scenario {
        annual_fees_usd: s.annual_fees_usd.min(0.1 * depth),
        target_staking_apr: s.target_staking_apr.min(0.2),
        ..s
    }
}
