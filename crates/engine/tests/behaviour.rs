//! Holders who respond (`docs/model.md`, "Staking that follows yield", "Burn and mint", "A
//! treasury that spends", "Slashing and exposure"): the laws each mechanism keeps, its closed
//! forms, and that switching it off gives back the model without it.

mod common;

use common::{all_circulating, still};
use consumption_lab_engine::{
    project, Emission, EmissionSchedule, FeeDenomination, PriceModel, Projection, Scenario, ScenarioError, YieldSource,
};
use proptest::prelude::*;

fn projected(s: &Scenario) -> Option<Projection> {
    match project(s) {
        Ok(p) => Some(p),
        Err(ScenarioError::Overflow { .. }) => None,
        Err(e) => panic!("valid scenario rejected: {e}\n{s:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, max_global_rejects: 20_000, ..ProptestConfig::default() })]

    /// With zero speed the staked share never moves, and nothing about how stakers would move
    /// (their required yield, their ceiling, the unbonding delay, whether they trade) changes
    /// any number: the result is the fixed-stake model's, bit for bit.
    #[test]
    fn with_zero_speed_the_stake_never_moves(
        s in common::scenario(),
        behave in common::behaviour(),
    ) {
        let fixed = Scenario { stake_adjustment_speed: 0.0, slashing_rate: 0.0, ..s };
        let other = Scenario {
            stake_adjustment_speed: 0.0,
            slashing_rate: 0.0,
            treasury_budget_usd: fixed.treasury_budget_usd,
            treasury_budget_growth: fixed.treasury_budget_growth,
            staking_basis: fixed.staking_basis,
            governance: fixed.governance,
            ..behave.apply(fixed.clone())
        };
        let (Some(a), Some(b)) = (projected(&fixed), projected(&other)) else { return Ok(()) };
        for (x, y) in a.months.iter().zip(&b.months) {
            prop_assert_eq!(x.staked_share, fixed.staked_fraction, "month {}", x.month);
            prop_assert_eq!(x.unbonding, 0.0);
            prop_assert_eq!((x.stake_buys_usd, x.unstake_sells_usd), (0.0, 0.0));
            prop_assert_eq!(x, y, "month {}", x.month);
        }
    }

    /// Raising the opportunity cost never raises the equilibrium stake: at a fixed price, with
    /// constant usage and an emission that does not change by the calendar, stakers who need more
    /// yield end up holding no more of the stakeable tokens. (Month by month the paths can
    /// cross: a larger stake earning minted rewards also dilutes itself more, so the stake the
    /// yield sustains can be lower for a while where more is staked.)
    #[test]
    fn a_dearer_alternative_never_raises_the_equilibrium_stake(
        s in common::scenario(),
        (low, high) in (0.0..=0.3f64, 0.0..=0.3f64).prop_map(|(a, b)| (a.min(b), a.max(b))),
        speed in 0.05..=1.0f64,
        per_month in prop_oneof![Just(EmissionSchedule::TargetApr), Just(EmissionSchedule::FixedPerMonth)],
    ) {
        let s = Scenario {
            years: 50,
            price_model: PriceModel::Fixed,
            price_growth: 0.0,
            fee_growth: 0.0,
            allocations: Vec::new(),
            speculation_shock: None,
            max_supply: None,
            emission: Emission { schedule: per_month, ..s.emission },
            stake_adjustment_speed: speed,
            max_staked_fraction: 1.0,
            ..still(s)
        };
        let a = projected(&Scenario { required_staking_yield: low, ..s.clone() });
        let b = projected(&Scenario { required_staking_yield: high, ..s.clone() });
        if let (Some(a), Some(b)) = (a, b) {
            let settled = |p: &Projection| {
                let n = p.months.len();
                (p.months[n - 1].staked_share - p.months[n - 13].staked_share).abs() < 1e-6
            };
            prop_assume!(settled(&a) && settled(&b));
            // Where the burn runs out of tokens, the stake decides what is left to burn, and with
            // it the supply that dilution is measured against: another equilibrium altogether.
            prop_assume!(a.summary.unburnable_usd + b.summary.unburnable_usd == 0.0);
            let (x, y) = (a.months.last().unwrap(), b.months.last().unwrap());
            prop_assert!(y.staked_share <= x.staked_share + 1e-6, "{} at {high} > {} at {low}", y.staked_share, x.staked_share);
        }
    }
}

/// A burn-and-mint design with no allocation table, constant usage and constant emission.
fn burn_and_mint(price_model: PriceModel, annual_fees_usd: f64, fee_growth: f64) -> Scenario {
    Scenario {
        years: 50,
        initial_supply: 1e8,
        fee_denomination: FeeDenomination::BurnAndMint,
        emission: Emission { schedule: EmissionSchedule::FixedPerMonth, tokens_per_month: 1e6, ..Emission::default() },
        annual_fees_usd,
        fee_growth,
        price_model,
        price_to_fees: 4.0,
        valuation_basis: consumption_lab_engine::ValuationBasis::GrossFees,
        ..all_circulating()
    }
}

/// docs/model.md, "Burn and mint": with the price at `m` times annualised usage over supply,
/// each month burns `S / 12m` tokens against `M` minted, so supply converges to `12 · m · M`
/// (48 M tokens here) whatever the usage, geometrically at `1 − 1/12m` a month, and the price to
/// usage over emission.
#[test]
fn burn_and_mint_converges_to_its_equilibrium_supply() {
    for fees in [1.2e7, 1.2e8] {
        let p = project(&burn_and_mint(PriceModel::FeeMultiple, fees, 0.0)).unwrap();
        let equilibrium = 12.0 * 4.0 * 1e6;
        let gap = |t: usize| (p.months[t - 1].supply - equilibrium).abs() / equilibrium;
        assert!(gap(600) < 1e-4, "fees {fees}: {}", p.months[599].supply);
        // The gap shrinks by the stated factor: (1 − 1/48)^120 over ten years.
        let want = (1.0 - 1.0 / 48.0f64).powi(120);
        assert!((gap(240) / gap(120) / want - 1.0).abs() < 0.01, "{} vs {want}", gap(240) / gap(120));
        // At equilibrium the price is usage over emission: a month's fees buy a month's minting.
        let last = p.months.last().unwrap();
        assert!((last.price_usd / (fees / 12.0 / 1e6) - 1.0).abs() < 1e-3, "{}", last.price_usd);
        assert!((last.equilibrium_fees_usd / last.fees_usd - 1.0).abs() < 1e-3);
    }
}

/// At a fixed price supply only drifts, and burn passes mint in the month usage reaches
/// `minted × price`: $1M a month of fees grow 50 % a year from $250k.
#[test]
fn burn_passes_mint_where_usage_reaches_the_emission_s_value() {
    let s = burn_and_mint(PriceModel::Fixed, 3e6, 0.5);
    let p = project(&Scenario { years: 7, ..s }).unwrap();
    assert_eq!(p.summary.unburnable_usd, 0.0, "every month's burn found its tokens");
    let crossing = p.summary.burn_exceeds_mint_month;
    let fees = |t: u32| p.months[t as usize - 1].fees_usd;
    assert!(crossing > 1 && fees(crossing) >= 1e6 && fees(crossing - 1) < 1e6, "month {crossing}");
    assert!(p.months[..crossing as usize - 1].iter().all(|m| m.burned < m.minted), "supply rose before");
    assert!(p.months[crossing as usize..].iter().all(|m| m.burned > m.minted), "and falls after");
    // Every fee dollar is burned, bought by users, none of it a buyback or revenue.
    let sum = &p.summary;
    assert!((sum.burned_usd / sum.fees_usd - 1.0).abs() < 1e-12);
    assert_eq!((sum.buyback_usd, sum.staker_usd, sum.treasury_usd), (0.0, 0.0, 0.0));
    assert!((sum.fee_buys_usd - sum.fees_usd).abs() < 1e-6 * sum.fees_usd);
}

#[test]
fn a_treasury_pays_from_its_dollars_then_its_tokens_and_says_when_it_runs_dry() {
    // Stablecoin fees keep 20 % of $20M a year in dollars: a $1M-a-month budget spends them, then
    // sells the treasury's 20 % of the supply until nothing is left.
    let s = Scenario {
        fee_denomination: FeeDenomination::Stablecoin,
        treasury_budget_usd: 1e6,
        treasury_budget_growth: 0.5,
        price_model: PriceModel::Fixed, // so that a sale raises exactly what it was priced at
        ..Scenario::default()
    };
    let p = project(&s).unwrap();
    let dry = p.summary.treasury_dry_month;
    assert!(dry > 12 && dry < 120, "runs dry at month {dry}");
    for m in &p.months {
        assert!(m.treasury_cash_usd >= 0.0 && m.treasury_tokens >= -1e-6, "month {}", m.month);
        let budget = 1e6 * 1.5f64.powf(f64::from(m.month - 1) / 12.0);
        assert!((m.treasury_spent_usd + m.treasury_shortfall_usd - budget).abs() < 1e-6 * budget, "month {}", m.month);
    }
    let after = &p.months[dry as usize..];
    assert!(after.iter().all(|m| m.treasury_tokens <= 1e-6 * m.supply), "nothing left to sell");
    assert!(p.months[..12].iter().any(|m| m.treasury_sells_usd > 0.0), "sales once its dollars run short");
    assert!(p.months.iter().all(|m| m.treasury_spent_usd >= m.treasury_sells_usd));
    // Without a budget nothing is spent and the runway is not a number.
    let idle = project(&Scenario { treasury_budget_usd: 0.0, ..s }).unwrap();
    assert_eq!((idle.summary.treasury_spent_usd, idle.summary.final_treasury_runway_months), (0.0, None));
}

#[test]
fn slashing_burns_stake_apart_from_use_and_counts_as_consumption() {
    let base = Scenario { slashing_rate: 0.0, ..all_circulating() };
    let slashed = Scenario { slashing_rate: 0.12, ..base.clone() };
    let (a, b) = (project(&base).unwrap(), project(&slashed).unwrap());
    let m = &b.months[0];
    assert!((m.slashed - 0.01 * 0.4 * 1e9).abs() < 1e-3, "1 % of the stake in a month: {}", m.slashed);
    assert_eq!(m.burned, a.months[0].burned, "use burns are untouched in month 1");
    assert!(b.summary.final_supply < a.summary.final_supply);
    assert!(b.summary.mean_consumption_rate > a.summary.mean_consumption_rate);
    assert!((b.summary.cumulative_slashed - b.months.iter().map(|m| m.slashed).sum::<f64>()).abs() < 1.0);
}

#[test]
fn unstaked_tokens_wait_out_their_unbonding_then_circulate() {
    // Nothing pays stakers: they all leave, at half the gap a month, and wait three months.
    let s = Scenario {
        staker_share: 0.0,
        staking_yield_source: YieldSource::Revenue,
        stake_adjustment_speed: 0.5,
        unbonding_months: 3,
        stake_trade_share: 1.0,
        price_model: PriceModel::Fixed,
        ..all_circulating()
    };
    let p = project(&s).unwrap();
    let left_in_month_1 = 0.5 * 0.4 * p.months[0].supply; // the stake a share of every token here
    assert!((p.months[0].unbonding - left_in_month_1).abs() < 1.0);
    assert_eq!((p.months[0].unstake_sells_usd, p.months[2].unstake_sells_usd), (0.0, 0.0), "waiting");
    assert!((p.months[3].unstake_sells_usd - left_in_month_1).abs() < 1.0, "sold on release at $1");
    assert!(p.months.last().unwrap().staked_share < 1e-3);
    assert!(p.summary.mean_consumption_rate < 0.0, "stake leaving is consumption's opposite");
}

#[test]
fn stakers_move_toward_the_stake_their_yield_sustains() {
    // Revenue of $6M a year on a $1 token sustains 120 M tokens staked at a 5 % required yield.
    let s = Scenario {
        fee_growth: 0.0,
        staking_yield_source: YieldSource::Revenue,
        burn_share: 0.0,
        price_model: PriceModel::Fixed,
        stake_adjustment_speed: 0.2,
        max_staked_fraction: 1.0,
        ..all_circulating()
    };
    let p = project(&s).unwrap();
    let last = p.months.last().unwrap();
    assert!((last.staked / 1.2e8 - 1.0).abs() < 1e-3, "{}", last.staked);
    assert!((last.staking_yield - 0.05).abs() < 1e-4, "{}", last.staking_yield);
}
