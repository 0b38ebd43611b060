//! Strategies shared by the engine's property tests.
#![allow(dead_code, missing_docs)]

use consumption_lab_engine::{FeeDenomination, PriceModel, Scenario, YieldSource};
use proptest::prelude::*;

pub fn denomination() -> impl Strategy<Value = FeeDenomination> {
    prop_oneof![Just(FeeDenomination::Native), Just(FeeDenomination::Stablecoin), Just(FeeDenomination::External)]
}

pub fn yield_source() -> impl Strategy<Value = YieldSource> {
    prop_oneof![Just(YieldSource::Inflation), Just(YieldSource::Revenue), Just(YieldSource::Hybrid)]
}

pub fn price_model() -> impl Strategy<Value = PriceModel> {
    prop_oneof![Just(PriceModel::Fixed), Just(PriceModel::FeeMultiple)]
}

/// A log-uniform positive number between `lo` and `hi`: scales matter more than digits.
pub fn log_range(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    (lo.ln()..=hi.ln()).prop_map(f64::exp)
}

/// Any valid scenario, across the whole allowed range of every field, with edge values mixed in.
pub fn scenario() -> impl Strategy<Value = Scenario> {
    let share = || prop_oneof![1 => Just(0.0), 1 => Just(1.0), 6 => 0.0..=1.0f64];
    (
        (1u32..=50, log_range(1.0, 1e15), log_range(1e-9, 1e9), prop_oneof![1 => Just(0.0), 9 => log_range(1.0, 1e15)]),
        (-0.99..=3.0f64, denomination(), share(), share()),
        (share(), share(), share(), share()),
        (yield_source(), share(), price_model(), -0.9..=2.0f64, log_range(0.1, 1000.0), 0.0..=1000.0f64),
    )
        .prop_map(
            |(
                (years, supply, price, fees),
                (growth, denom, cost, take),
                (burn, staker, staked, apr),
                (source, sell, model, pg, ptf, turnover),
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
                    price_to_fees: ptf,
                    turnover,
                    ..Scenario::default()
                }
            },
        )
}
