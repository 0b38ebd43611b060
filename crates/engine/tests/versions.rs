//! What a person kept keeps its meaning: scenario files, saved designs and share links made by the
//! main before versions existed (version 1, `tests/fixtures/v1/`, written by that build) open as
//! the designs they were, on the fixed price model they were made under.

use consumption_lab_engine::link::from_query;
use consumption_lab_engine::{project, FeeDenomination, PriceModel, Scenario, VERSION};

const V1_DEFAULTS: &str = include_str!("fixtures/v1/scenario-defaults.json");
const V1_LOOP: &str = include_str!("fixtures/v1/scenario-consumption-loop.json");
const V1_SAVED: &str = include_str!("fixtures/v1/saved-designs.json");

fn v1() -> Scenario {
    Scenario::defaults_of(1).unwrap()
}

#[test]
fn a_scenario_file_of_the_first_version_opens_as_it_was() {
    let s = Scenario::from_json(V1_DEFAULTS).unwrap();
    assert_eq!(s, v1());
    assert_eq!((s.version, s.price_model, s.fee_speculation_share), (VERSION, PriceModel::Fixed, 0.0));
    let looped = Scenario::from_json(V1_LOOP).unwrap();
    assert_eq!(looped.price_model, PriceModel::Fixed);
    assert_eq!((looped.burn_share, looped.fee_growth, looped.turnover), (0.6, 0.3, 6.0));
    // Under its own model the old design still does what it did: at a fixed price, −19.9 %.
    let p = project(&s).unwrap();
    assert!((p.summary.net_supply_change - -0.1986).abs() < 5e-4, "{}", p.summary.net_supply_change);
    assert_eq!(p.summary.final_price_usd, 1.0);
}

#[test]
fn saved_designs_of_the_first_version_open_as_they_were() {
    let doc: serde_json::Value = consumption_lab_engine::json::read(V1_SAVED).unwrap();
    let designs = doc["designs"].as_array().unwrap();
    let read: Vec<Scenario> =
        designs.iter().map(|d| Scenario::from_value_unchecked(d["scenario"].clone()).unwrap()).collect();
    assert_eq!(read[0], Scenario { fee_denomination: FeeDenomination::Stablecoin, burn_share: 0.6, ..v1() });
    assert_eq!(read[1], Scenario::from_json(V1_LOOP).unwrap());
}

#[test]
fn a_share_link_of_the_first_version_opens_as_it_was() {
    let read = from_query("?burn_share=0.6&fee_denomination=stablecoin");
    assert!(read.ignored.is_empty());
    assert_eq!(read.scenario, Scenario { fee_denomination: FeeDenomination::Stablecoin, burn_share: 0.6, ..v1() });
}

#[test]
fn what_is_written_now_says_its_version_and_reads_back_the_same() {
    let s = Scenario { burn_share: 0.45, ..Scenario::default() };
    let text = s.to_json_pretty();
    assert!(text.contains("\"version\": 4"));
    assert_eq!(Scenario::from_json(&text).unwrap(), s);
    assert!(Scenario::from_json(r#"{"version": 5}"#).unwrap_err().to_string().contains("newer than this build reads"));
}

/// Version 2 was main between the market and allocations (stop 21): its links, files and saved
/// designs had no allocation table and a market a tenth of the whole market cap deep.
#[test]
fn designs_of_the_second_version_open_as_they_were() {
    use consumption_lab_engine::DepthBasis;
    let v2 = Scenario { allocations: Vec::new(), liquidity: 0.1, liquidity_basis: DepthBasis::Supply, ..v3() };
    let link = consumption_lab_engine::link::from_query("version=2&burn_share=0.6");
    assert!(link.ignored.is_empty(), "{:?}", link.ignored);
    assert_eq!(link.scenario, Scenario { burn_share: 0.6, ..v2.clone() });
    let file = Scenario::from_json(r#"{"version": 2, "fee_denomination": "stablecoin"}"#).unwrap();
    assert_eq!(file, Scenario { fee_denomination: FeeDenomination::Stablecoin, ..v2.clone() });
    // Written again in version 4 they say what differs from today's defaults, and read back the same.
    let again = consumption_lab_engine::link::to_query(&link.scenario);
    assert!(again.contains("allocations=none") && again.contains("liquidity_basis=supply"), "{again}");
    assert_eq!(consumption_lab_engine::link::from_query(&again).scenario, link.scenario);
    // Every token circulates and the depth is on all of them, as in version 2.
    let p = consumption_lab_engine::project(&link.scenario).unwrap();
    let m = &p.months[1];
    assert_eq!(m.locked, 0.0);
    assert!((m.market_depth_usd - 0.1 * m.price_usd * p.months[0].supply).abs() <= 1e-6 * m.market_depth_usd);
    assert!(Scenario::from_json(r#"{"version": 0}"#).is_err());
}

/// Version 3 was main between allocations and holders who respond (stop 22): its stake was a
/// constant share of every unlocked token, its treasury never spent, and its scorecard did not
/// grade governance.
fn v3() -> Scenario {
    use consumption_lab_engine::{Governance, StakeBasis};
    Scenario {
        staking_basis: StakeBasis::Unlocked,
        stake_adjustment_speed: 0.0,
        max_staked_fraction: 1.0,
        unbonding_months: 0,
        stake_trade_share: 0.0,
        governance: Governance::None,
        treasury_budget_usd: 0.0,
        ..Scenario::default()
    }
}

#[test]
fn designs_of_the_third_version_open_as_they_were() {
    let link = from_query("version=3&burn_share=0.6&change=25:staked_fraction:0.6");
    assert!(link.ignored.is_empty(), "{:?}", link.ignored);
    let want = Scenario {
        burn_share: 0.6,
        changes: vec![consumption_lab_engine::Change { month: 25, field: "staked_fraction".into(), value: 0.6 }],
        ..v3()
    };
    assert_eq!(link.scenario, want);
    let file = Scenario::from_json(r#"{"version": 3, "fee_denomination": "stablecoin"}"#).unwrap();
    assert_eq!(file, Scenario { fee_denomination: FeeDenomination::Stablecoin, ..v3() });
    // Its stake never moves except where the design changes it, and nothing is spent.
    let p = project(&link.scenario).unwrap();
    for m in &p.months {
        let want = if m.month < 25 { 0.4 } else { 0.6 };
        assert_eq!(m.staked_share, want, "month {}", m.month);
        assert_eq!((m.treasury_spent_usd, m.unbonding, m.stake_buys_usd), (0.0, 0.0, 0.0));
        // A share of every unlocked token, the treasury's included.
        let unlocked = m.supply - m.locked;
        assert!((m.staked - want * unlocked).abs() <= 1e-9 * unlocked, "month {}", m.month);
    }
    // Written again in version 4, it reads back the same.
    let again = consumption_lab_engine::link::to_query(&link.scenario);
    assert!(again.contains("stake_adjustment_speed=0") && again.contains("governance=none"), "{again}");
    assert_eq!(from_query(&again).scenario, link.scenario);
}
