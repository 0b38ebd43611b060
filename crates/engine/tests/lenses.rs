//! The essay's claims as checks: the scorecard, the speculation shock and the valuation lenses.

mod common;
use common::all_circulating;
use consumption_lab_engine::lenses::Grade;
use consumption_lab_engine::{
    project, FeeDenomination, Governance, PriceModel, Scenario, SpeculationShock, YieldSource,
};

fn grade(s: &Scenario, key: &str) -> Grade {
    let p = project(s).unwrap();
    p.lenses.scorecard.criteria.iter().find(|c| c.key == key).unwrap().grade
}

#[test]
fn token_denominated_fees_fail_for_stablecoins_and_pass_for_native() {
    let native = all_circulating();
    let stable = Scenario { fee_denomination: FeeDenomination::Stablecoin, ..all_circulating() };
    let external = Scenario { fee_denomination: FeeDenomination::External, ..all_circulating() };
    assert_eq!(grade(&native, "token_denominated_fees"), Grade::Pass);
    assert_eq!(grade(&stable, "token_denominated_fees"), Grade::Fail);
    assert_eq!(grade(&external, "token_denominated_fees"), Grade::Fail);
    let p = project(&stable).unwrap();
    let reason = &p.lenses.scorecard.criteria[0].reason;
    assert!(reason.contains("stablecoins"), "{reason}");
    assert!(!p.lenses.scorecard.traits[0].present);
}

#[test]
fn the_other_criteria_follow_the_design() {
    let no_burn = Scenario { burn_share: 0.0, ..all_circulating() };
    assert_eq!(grade(&no_burn, "automatic_burns"), Grade::Fail);
    assert_eq!(grade(&Scenario::default(), "automatic_burns"), Grade::Pass);
    // Minting alone decides downside alignment where token holders do not govern.
    let ungoverned = Scenario { governance: Governance::None, ..all_circulating() };
    let revenue = Scenario { staking_yield_source: YieldSource::Revenue, ..ungoverned.clone() };
    assert_eq!(grade(&revenue, "downside_alignment"), Grade::Pass);
    let casino = Scenario {
        staking_yield_source: YieldSource::Inflation,
        reward_sell_share: 0.9,
        burn_share: 0.0,
        turnover: 50.0,
        ..all_circulating()
    };
    assert_eq!(grade(&casino, "downside_alignment"), Grade::Fail);
    assert_eq!(grade(&casino, "measurable_consumption"), Grade::Fail);
}

#[test]
fn a_shock_lowers_turnover_and_leaves_consumption_unchanged_for_a_revenue_funded_native_design() {
    let design = |shock| Scenario {
        fee_denomination: FeeDenomination::Native,
        staking_yield_source: YieldSource::Revenue,
        price_model: PriceModel::FeeMultiple,
        // Speculation leaving is traders leaving: none of the fees came from them here.
        fee_speculation_share: 0.0,
        speculation_shock: shock,
        ..all_circulating()
    };
    let shock = SpeculationShock { year: 4, turnover_drop: 0.8, price_drop: 0.5 };
    let calm = project(&design(None)).unwrap();
    let shocked = project(&design(Some(shock))).unwrap();
    let start = 12 * 3 + 1;
    for (a, b) in calm.months.iter().zip(&shocked.months) {
        if b.month < start {
            assert_eq!(a, b, "nothing changes before the shock");
        } else {
            assert!((b.turnover - a.turnover * 0.2).abs() < 1e-12, "turnover falls by 80 % at month {}", b.month);
            assert_eq!(a.consumption_rate, b.consumption_rate, "consumption unchanged at month {}", b.month);
            assert_eq!(a.value_capture_ratio, b.value_capture_ratio);
        }
    }
    let cmp = shocked.lenses.shock.unwrap();
    assert_eq!(cmp.month, start);
    let before = cmp.before.unwrap();
    assert_eq!(before.months, 36);
    assert_eq!(cmp.after.months, 120 - 36);
    assert!(cmp.after.turnover < before.turnover);
    assert!((cmp.after.value_capture_ratio - before.value_capture_ratio).abs() < 1e-12);
}

#[test]
fn a_shock_under_the_fixed_model_drops_the_price_and_burns_more_tokens_per_dollar() {
    let shock = SpeculationShock { year: 2, turnover_drop: 0.5, price_drop: 0.5 };
    let base = Scenario {
        staking_yield_source: YieldSource::Revenue,
        price_model: PriceModel::Fixed,
        fee_speculation_share: 0.0,
        ..all_circulating()
    };
    let calm = project(&base).unwrap();
    let shocked = project(&Scenario { speculation_shock: Some(shock), ..base }).unwrap();
    let (a, b) = (&calm.months[12], &shocked.months[12]);
    assert_eq!(b.price_usd, a.price_usd * 0.5);
    assert!(b.burned > a.burned, "the same fee dollars buy more tokens");
    assert_eq!(b.burned_usd, a.burned_usd, "but the value burned is the same");
}

#[test]
fn present_value_discounts_holder_cash_flows() {
    let flat = Scenario { discount_rate: 0.0, ..all_circulating() };
    let p = project(&flat).unwrap();
    let total: f64 = p.months.iter().map(|m| m.net_holder_value_usd).sum();
    let v = p.lenses.valuation;
    assert!((v.present_value_per_token_usd - total / flat.initial_supply).abs() < 1e-12);
    let discounted = project(&all_circulating()).unwrap().lenses.valuation;
    assert!(discounted.present_value_per_token_usd < v.present_value_per_token_usd);
    assert!(discounted.present_value_per_token_usd > 0.0);
}

#[test]
fn utility_value_is_token_fees_over_turnover() {
    let s = Scenario { fee_growth: 0.0, turnover: 10.0, ..all_circulating() };
    let v = project(&s).unwrap().lenses.valuation;
    let want = s.annual_fees_usd / 10.0 / s.initial_supply;
    assert!((v.utility_value_per_token_usd.unwrap() - want).abs() < 1e-15);
    let stable = Scenario { fee_denomination: FeeDenomination::Stablecoin, ..s.clone() };
    assert_eq!(project(&stable).unwrap().lenses.valuation.utility_value_per_token_usd, Some(0.0));
    let no_trading = Scenario { turnover: 0.0, ..s };
    assert_eq!(project(&no_trading).unwrap().lenses.valuation.utility_value_per_token_usd, None);
}

#[test]
fn huge_turnover_can_sit_beside_near_zero_consumption() {
    let casino = Scenario {
        burn_share: 0.0,
        staker_share: 0.0,
        turnover: 100.0,
        staking_yield_source: YieldSource::Revenue,
        ..all_circulating()
    };
    let p = project(&casino).unwrap();
    assert_eq!(p.summary.mean_consumption_rate, 0.0);
    assert_eq!(p.summary.mean_turnover, 100.0);
    assert_eq!(p.summary.volume_reaching_holders, 0.0);
}

#[test]
fn reasons_never_round_up_to_the_threshold_they_miss() {
    // Burn share 0.35 gives mean consumption just under 2 % at a fixed price: partial, and the
    // reason must say so.
    let s = Scenario { burn_share: 0.35, price_model: PriceModel::Fixed, ..all_circulating() };
    let p = project(&s).unwrap();
    let c = p.lenses.scorecard.criteria.iter().find(|c| c.key == "measurable_consumption").unwrap();
    assert!(p.summary.mean_consumption_rate < 0.02);
    assert_eq!(c.grade, Grade::Partial);
    assert!(c.reason.contains("1.9 %") || c.reason.contains("1.8 %"), "{}", c.reason);
}

#[test]
fn no_staker_rewards_at_all_is_said_plainly() {
    let s = Scenario {
        staking_yield_source: YieldSource::Inflation,
        target_staking_apr: 0.0,
        staker_share: 0.0,
        governance: Governance::None,
        ..all_circulating()
    };
    let p = project(&s).unwrap();
    let c = p.lenses.scorecard.criteria.iter().find(|c| c.key == "downside_alignment").unwrap();
    assert_eq!(c.grade, Grade::Pass);
    assert!(c.reason.contains("receive nothing"), "{}", c.reason);
}

#[test]
fn those_who_govern_without_exposure_fail_downside_alignment() {
    let revenue = Scenario { staking_yield_source: YieldSource::Revenue, ..all_circulating() };
    let downside = |s: &Scenario| {
        let p = project(s).unwrap();
        p.lenses.scorecard.criteria.into_iter().find(|c| c.key == "downside_alignment").unwrap()
    };
    // Revenue-paid stakers, but token holders vote and can lose nothing: the essay's moral hazard.
    let insulated = downside(&Scenario { governance: Governance::Insulated, ..revenue.clone() });
    assert_eq!(insulated.grade, Grade::Fail);
    assert!(insulated.reason.contains("influence without consequence"), "{}", insulated.reason);
    let validators_only =
        downside(&Scenario { governance: Governance::Insulated, slashing_rate: 0.01, ..revenue.clone() });
    assert!(validators_only.reason.contains("governance holders are not"), "{}", validators_only.reason);
    let exposed = downside(&Scenario { governance: Governance::Slashable, slashing_rate: 0.01, ..revenue.clone() });
    assert_eq!(exposed.grade, Grade::Pass, "{}", exposed.reason);
    let never_slashed = downside(&Scenario { governance: Governance::Slashable, ..revenue.clone() });
    assert_eq!(never_slashed.grade, Grade::Partial);
    // Exposure never rescues a design that pays its stakers to hold.
    let casino = Scenario {
        staking_yield_source: YieldSource::Inflation,
        reward_sell_share: 0.9,
        governance: Governance::Slashable,
        slashing_rate: 0.01,
        ..all_circulating()
    };
    assert_eq!(downside(&casino).grade, Grade::Fail);
}
