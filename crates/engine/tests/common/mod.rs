//! Strategies shared by the engine's property tests.
#![allow(dead_code, missing_docs)]

use consumption_lab_engine::{FeeDenomination, PriceModel, Projection, Scenario, ValuationBasis, YieldSource};
use proptest::prelude::*;

pub fn denomination() -> impl Strategy<Value = FeeDenomination> {
    prop_oneof![Just(FeeDenomination::Native), Just(FeeDenomination::Stablecoin), Just(FeeDenomination::External)]
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
            let orders =
                m.fee_buys_usd + m.buyback_usd + m.third_party_sells_usd + m.staker_sells_usd + m.minted_sold_usd;
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
    let depth = s.liquidity * s.initial_price_usd * s.initial_supply;
    Scenario {
        annual_fees_usd: s.annual_fees_usd.min(0.1 * depth),
        target_staking_apr: s.target_staking_apr.min(0.2),
        ..s
    }
}
