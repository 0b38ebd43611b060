//! Closed-form checks: cases simple enough to compute by hand, so the model's numbers can be
//! trusted where they can be verified.

mod common;
use common::all_circulating;
use consumption_lab_engine::{project, FeeDenomination, PriceModel, Scenario, ScenarioError, YieldSource};

/// Fixed price 1, flat fees, native, all taken, all burned, nothing to stakers, revenue yield:
/// every fee dollar burns one token.
fn pure_burn(years: u32) -> Scenario {
    Scenario {
        years,
        initial_supply: 1e12, // enough that the burn never runs out of circulating tokens
        initial_price_usd: 1.0,
        price_model: PriceModel::Fixed,
        price_growth: 0.0,
        fee_growth: 0.0,
        fee_denomination: FeeDenomination::Native,
        protocol_take: 1.0,
        burn_share: 1.0,
        staker_share: 0.0,
        staking_yield_source: YieldSource::Revenue,
        ..all_circulating()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn cumulative_burn_is_years_times_annual_fees() {
    for years in [1, 2, 5, 10, 30, 50] {
        let s = pure_burn(years);
        let p = project(&s).unwrap();
        for m in p.months.iter().filter(|m| m.month % 12 == 0) {
            let want = f64::from(m.year()) * s.annual_fees_usd;
            assert!(close(m.cumulative_burned, want), "year {}: {} vs {want}", m.year(), m.cumulative_burned);
        }
        assert!(close(p.summary.burned_usd, f64::from(years) * s.annual_fees_usd));
        assert_eq!(p.summary.cumulative_minted, 0.0);
        assert!(close(p.summary.value_capture_ratio, 1.0));
    }
}

#[test]
fn first_year_fees_equal_annual_fees_at_any_growth() {
    for growth in [-0.5, 0.0, 0.2, 3.0] {
        let s = Scenario { fee_growth: growth, ..all_circulating() };
        let p = project(&s).unwrap();
        let year1: f64 = p.months[..12].iter().map(|m| m.fees_usd).sum();
        let year2: f64 = p.months[12..24].iter().map(|m| m.fees_usd).sum();
        assert!(close(year1, s.annual_fees_usd));
        assert!(close(year2, s.annual_fees_usd * (1.0 + growth)), "growth {growth}: year 2 fees {year2}");
    }
}

#[test]
fn full_burn_floors_supply_at_zero_and_keeps_the_rest_in_treasury() {
    // Fees of 3x the supply's value a year: the circulating supply is gone within the first year.
    let s = Scenario {
        initial_supply: 1e9,
        annual_fees_usd: 3e9,
        staked_fraction: 0.0,
        target_staking_apr: 0.0,
        ..pure_burn(3)
    };
    let p = project(&s).unwrap();
    assert_eq!(p.summary.final_supply, 0.0);
    assert!(close(p.summary.cumulative_burned, s.initial_supply));
    assert!(close(p.summary.unburnable_usd, p.summary.fees_usd - s.initial_supply));
    assert!(close(p.summary.treasury_usd, p.summary.unburnable_usd));
    assert!(p.months.iter().all(|m| m.supply >= 0.0));
}

#[test]
fn inflation_yield_compounds_the_target_apr() {
    let s = Scenario {
        annual_fees_usd: 0.0,
        staking_yield_source: YieldSource::Inflation,
        staked_fraction: 0.5,
        target_staking_apr: 0.06,
        years: 4,
        ..all_circulating()
    };
    let p = project(&s).unwrap();
    let want = s.initial_supply * (1.0 + 0.5 * 0.06 / 12.0_f64).powi(48);
    assert!(close(p.summary.final_supply, want), "{} vs {want}", p.summary.final_supply);
    assert_eq!(p.summary.value_capture_ratio, 0.0);
}

#[test]
fn stablecoin_buyback_leaks_the_conversion_cost() {
    // At a fixed price the buyback has no slippage: only the conversion cost leaks.
    let native =
        Scenario { fee_denomination: FeeDenomination::Native, price_model: PriceModel::Fixed, ..all_circulating() };
    let stable = Scenario { fee_denomination: FeeDenomination::Stablecoin, conversion_cost: 0.1, ..native.clone() };
    let (n, st) = (project(&native).unwrap().summary, project(&stable).unwrap().summary);
    assert!(close(st.leaked_usd, 0.1 * n.burned_usd));
    assert!(close(st.burned_usd, 0.9 * n.burned_usd));
    assert!(close(st.staker_usd, n.staker_usd));
    assert!(st.final_supply > n.final_supply);
}

#[test]
fn protocol_take_sends_the_rest_to_third_parties() {
    let s = Scenario { protocol_take: 0.25, ..all_circulating() };
    let p = project(&s).unwrap().summary;
    assert!(close(p.leaked_usd, 0.75 * p.fees_usd));
    assert!(close(p.value_capture_ratio, 0.25 * 0.8));
}

#[test]
fn hybrid_mints_only_the_shortfall() {
    // Fees far above the target APR: the staker share covers it, nothing is minted.
    let rich = Scenario { annual_fees_usd: 1e9, price_model: PriceModel::Fixed, ..all_circulating() };
    assert_eq!(project(&rich).unwrap().summary.cumulative_minted, 0.0);
    // No fees: hybrid mints the whole target, exactly like inflation.
    let poor = Scenario { annual_fees_usd: 0.0, ..all_circulating() };
    let inflation = Scenario { staking_yield_source: YieldSource::Inflation, ..poor.clone() };
    assert!(close(project(&poor).unwrap().summary.final_supply, project(&inflation).unwrap().summary.final_supply));
}

#[test]
fn fee_multiple_prices_supply_at_the_multiple() {
    let s =
        Scenario { price_model: PriceModel::FeeMultiple, price_to_fees: 25.0, fee_growth: 0.0, ..all_circulating() };
    let p = project(&s).unwrap();
    let m1 = &p.months[0];
    assert!(close(m1.price_usd * s.initial_supply, 25.0 * s.annual_fees_usd));
}

#[test]
fn overflow_is_reported_by_month_not_shown_as_infinity() {
    // Burning 80 % of supply a month under the fee-multiple model drives supply into underflow,
    // and the price (market cap over supply) out of range.
    let s = Scenario {
        years: 50,
        price_model: PriceModel::FeeMultiple,
        price_to_fees: 0.1,
        burn_share: 1.0,
        staker_share: 0.0,
        staked_fraction: 0.0,
        staking_yield_source: YieldSource::Revenue,
        ..all_circulating()
    };
    match project(&s) {
        Err(ScenarioError::Overflow { month, quantity, .. }) => {
            assert!(month > 1 && month <= 600, "month {month}");
            let message = project(&s).unwrap_err().to_string();
            assert!(message.contains(&format!("at month {month}")), "{message}");
            assert!(message.contains(quantity));
        }
        other => panic!("expected an overflow, got {other:?}"),
    }
}

#[test]
fn fifty_years_of_500_percent_growth_stays_finite() {
    let s = Scenario { years: 50, fee_growth: 5.0, ..all_circulating() };
    let p = project(&s).unwrap();
    assert!(p.summary.fees_usd.is_finite() && p.summary.fees_usd > 1e45);
}

#[test]
fn price_growth_of_minus_99_percent_is_defined() {
    let s = Scenario { years: 50, price_growth: -0.99, ..all_circulating() };
    let p = project(&s).unwrap();
    assert!(p.summary.final_price_usd > 0.0 && p.summary.final_supply.is_finite());
}
