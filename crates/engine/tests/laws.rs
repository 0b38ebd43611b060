//! The model's own laws, checked on thousands of random valid scenarios.

mod common;

use consumption_lab_engine::{project, validate, Projection, Scenario, ScenarioError, YieldSource};
use proptest::prelude::*;

/// Projection of a valid scenario; overflow is a legitimate typed outcome at extreme corners.
fn projected(s: &Scenario) -> Option<Projection> {
    prop_assert_valid(s);
    match project(s) {
        Ok(p) => Some(p),
        Err(ScenarioError::Overflow { .. }) => None,
        Err(e) => panic!("valid scenario rejected: {e}\n{s:?}"),
    }
}

fn prop_assert_valid(s: &Scenario) {
    assert!(validate(s).is_ok(), "strategy produced an invalid scenario: {s:?}");
}

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * scale.abs().max(f64::MIN_POSITIVE)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, max_global_rejects: 20_000, ..ProptestConfig::default() })]

    /// supply = initial + cumulative minted − cumulative burned − cumulative slashed, and
    /// gross fees = burned value + staker revenue + treasury + leaked, every month.
    #[test]
    fn supply_and_fee_identities_hold_every_month(s in common::scenario()) {
        let Some(p) = projected(&s) else { return Ok(()) };
        for m in &p.months {
            let scale = s.initial_supply + m.cumulative_minted;
            let expected = s.initial_supply + m.cumulative_minted - m.cumulative_burned - m.cumulative_slashed;
            prop_assert!(close(m.supply, expected, scale), "supply identity broken at month {}: {} vs {expected}", m.month, m.supply);
            let parts = m.burned_usd + m.staker_usd + m.treasury_usd + m.leaked_usd;
            prop_assert!(close(m.fees_usd, parts, m.fees_usd), "fee identity broken at month {}: {} vs {}", m.month, m.fees_usd, parts);
        }
    }

    /// No NaN or infinity anywhere, supply never negative, burns never exceed what circulated.
    #[test]
    fn projections_are_finite_and_supply_non_negative(s in common::scenario()) {
        let Some(p) = projected(&s) else { return Ok(()) };
        // Months and summary only: the scenario's `speculation_shock: null` is a legitimate null.
        // And the runway, null only without a budget.
        let runway = p.summary.final_treasury_runway_months;
        prop_assert!(runway.is_some() == (s.treasury_budget_usd > 0.0 && s.treasury_budget_growth > -1.0) || runway.is_none());
        prop_assert!(runway.is_none_or(f64::is_finite));
        let summary = consumption_lab_engine::Summary { final_treasury_runway_months: None, ..p.summary };
        let json = serde_json::to_value((&p.months, &summary)).unwrap();
        prop_assert!(!json.to_string().replace("\"final_treasury_runway_months\":null", "").contains("null"), "a non-finite number was serialised as null");
        let mut previous_supply = s.initial_supply;
        let mut previous_staked = 0.0; // month 1: a bound, the launch stake is at least 0
        for m in &p.months {
            prop_assert!(m.first_non_finite().is_none());
            prop_assert!(m.supply >= 0.0 && m.staked >= 0.0 && m.circulating >= 0.0 && m.unbonding >= 0.0);
            prop_assert!((0.0..=1.0).contains(&m.staked_share));
            prop_assert!(m.treasury_cash_usd >= 0.0 && m.treasury_tokens >= 0.0, "the treasury never owes");
            // The burn takes only what circulated: never the stake the month started with (last
            // month's, as no change resets it here).
            prop_assert!(m.burned <= (previous_supply - previous_staked) * (1.0 + 1e-12));
            prop_assert!((0.0..=1.0 + 1e-12).contains(&m.value_capture_ratio));
            previous_supply = m.supply;
            previous_staked = m.staked;
        }
    }

    /// A larger burn share never leaves more supply, other things equal. Under the market model,
    /// in markets deep enough for the design (no month's orders reach 5 % of its depth: a buyback
    /// many times its market prices the next month's tokens out of its own reach), and not for a
    /// hybrid yield: more burn lifts the price, and a yield promised in tokens then takes more
    /// minting to pay (docs/model.md, "Price"), nor for a stake that follows the yield; nor with
    /// a treasury that spends, nor (with a stake that follows the yield) once the burn runs out of
    /// tokens (the comments below say why). Without a cap: under `max_supply` what a burn frees is
    /// minted again, and a burn that takes all that circulates takes less of a supply
    /// the earlier burns left smaller.
    #[test]
    fn more_burn_never_leaves_more_supply(s in common::scenario().prop_map(common::deep_enough), extra in 0.0..=1.0f64) {
        // Without a treasury budget: paid from the fee income a larger burn takes from it, the
        // treasury sells tokens instead, which are stakeable, and a yield promised on the stake
        // mints on them.
        // And with the stake a share of every unlocked token: where the treasury's tokens cannot
        // be staked, the native fees a larger burn takes from the treasury become stakeable, and
        // a yield promised on the stake mints on them too.
        let staking_basis = consumption_lab_engine::StakeBasis::Unlocked;
        let s = Scenario { max_supply: None, treasury_budget_usd: 0.0, staking_basis, ..s };
        let mut more = s.clone();
        more.burn_share = (s.burn_share + extra * (1.0 - s.burn_share - s.staker_share)).min(1.0 - s.staker_share);
        let (Some(base), Some(burnier)) = (projected(&s), projected(&more)) else { return Ok(()) };
        // Once the burn runs out of tokens, what is not circulating decides the supply: a stake
        // that follows the yield keeps more or fewer tokens out of the burn's reach as the supply
        // changes its dilution.
        let responds = s.stake_adjustment_speed > 0.0;
        prop_assume!(!responds || base.summary.unburnable_usd + burnier.summary.unburnable_usd == 0.0);
        if s.price_model == consumption_lab_engine::PriceModel::Market {
            prop_assume!(s.staking_yield_source != YieldSource::Hybrid);
            // Nor for a stake that follows the yield: a higher price makes the same fee dollars
            // fewer tokens of yield, stakers leave, and what they sell moves the price again.
            prop_assume!(s.stake_adjustment_speed == 0.0);
            prop_assume!(common::shallowest(&base) < 0.05 && common::shallowest(&burnier) < 0.05);
        }
        for (a, b) in base.months.iter().zip(&burnier.months) {
            prop_assert!(b.supply <= a.supply * (1.0 + 1e-9) + 1e-9, "month {}: burn {} left {} > {} at burn {}", a.month, more.burn_share, b.supply, a.supply, s.burn_share);
        }
    }

    /// A revenue-funded yield never mints.
    #[test]
    fn revenue_funded_yield_never_mints(s in common::scenario()) {
        // Under the target-APR schedule the yield source decides issuance; the others issue by rule.
        let emission = consumption_lab_engine::Emission { schedule: consumption_lab_engine::EmissionSchedule::TargetApr, ..s.emission };
        let s = Scenario { staking_yield_source: YieldSource::Revenue, emission, ..s };
        let Some(p) = projected(&s) else { return Ok(()) };
        prop_assert_eq!(p.summary.cumulative_minted, 0.0);
        prop_assert!(p.months.iter().all(|m| m.minted == 0.0 && m.minted_usd == 0.0));
    }

    /// The summary's totals are the sums of the months.
    #[test]
    fn summary_totals_are_sums_of_months(s in common::scenario()) {
        let Some(p) = projected(&s) else { return Ok(()) };
        let fees: f64 = p.months.iter().map(|m| m.fees_usd).sum();
        let burned: f64 = p.months.iter().map(|m| m.burned).sum();
        prop_assert!(close(p.summary.fees_usd, fees, fees));
        prop_assert!(close(p.summary.cumulative_burned, burned, burned.max(s.initial_supply)));
        prop_assert_eq!(p.summary.final_supply, p.months.last().unwrap().supply);
        prop_assert_eq!(p.months.len() as u32, s.years * 12);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// A 5-year projection is the first 60 months of the 10-year one, bit for bit: nothing in a
    /// month depends on how long the horizon is.
    #[test]
    fn a_shorter_horizon_is_the_start_of_a_longer_one(s in common::scenario()) {
        let shock = s.speculation_shock.map(|k| consumption_lab_engine::SpeculationShock { year: k.year.min(5), ..k });
        let ten = Scenario { years: 10, speculation_shock: shock, ..s.clone() };
        let five = Scenario { years: 5, ..ten.clone() };
        if let (Some(long), Some(short)) = (projected(&ten), projected(&five)) {
            prop_assert_eq!(&long.months[..60], &short.months[..]);
        }
    }
}
