//! Where supply comes from, end to end: a cliff unlock through the market, the rows bad input
//! names, and a long allocation table with changes through a share link and a scenario file.

use consumption_lab_engine::link::{from_query, to_query};
use consumption_lab_engine::unlocks::{sells_by_bucket, unlocks};
use consumption_lab_engine::{project, validate, Allocation, Change, Scenario};

fn bucket(name: &str, share: f64, cliff_months: u32, vesting_months: u32, sold_share: f64) -> Allocation {
    Allocation { name: name.into(), share, cliff_months, vesting_months, sold_share, ..Allocation::default() }
}

/// A team of 20 % unlocking all at once at month 12, half of it sold; the rest liquid at launch.
fn cliff_design() -> Scenario {
    let community = Allocation { unlocked_at_launch: 1.0, ..bucket("community", 0.8, 0, 0, 0.0) };
    Scenario { allocations: vec![bucket("team", 0.2, 12, 0, 0.5), community], ..Scenario::default() }
}

#[test]
fn a_big_team_unlock_drops_the_price_in_its_month_and_the_flows_name_the_team() {
    let s = cliff_design();
    let p = project(&s).unwrap();
    let price = |t: usize| p.months[t - 1].price_usd;
    // Each month before the cliff moves the price a little (fee buying, rewards sold); the cliff sells
    // a tenth of the supply into a market holding a quarter of what circulates.
    let calm = (2..12).map(|t| (price(t) / price(t - 1) - 1.0).abs()).fold(0.0, f64::max);
    let drop = price(12) / price(11) - 1.0;
    assert!(drop < -0.25 && drop < -10.0 * calm, "month 12 moves {drop:.3}, other months at most {calm:.3}");
    assert!(price(13) > price(12), "traders pull the price back toward its anchor");

    let buckets = unlocks(&s);
    let usd = sells_by_bucket(&buckets, &p.months);
    assert_eq!(buckets[0].name, "team");
    assert!(
        (usd[0][11] - p.months[11].unlock_sells_usd).abs() <= 1e-9 * usd[0][11],
        "all of month 12's unlock sales are the team's"
    );
    assert!(usd[0].iter().enumerate().all(|(i, &x)| i == 11 || x == 0.0));
    assert_eq!(p.months[11].locked, 0.0);
    assert!((p.months[10].locked - 0.2 * s.initial_supply).abs() < 1e-3);
}

#[test]
fn without_allocations_every_token_circulates_from_launch() {
    let s = Scenario { allocations: Vec::new(), ..Scenario::default() };
    let p = project(&s).unwrap();
    for m in &p.months {
        assert_eq!((m.locked, m.unlocked, m.unlock_sells_usd), (0.0, 0.0, 0.0));
        assert_eq!(m.fully_diluted_usd, m.market_cap_usd);
    }
}

/// The fields the errors of `s` name.
fn named(s: &Scenario) -> Vec<String> {
    validate(s).err().map(|e| e.field_errors().iter().map(|f| f.field.clone()).collect()).unwrap_or_default()
}

#[test]
fn bad_rows_are_named_with_their_field() {
    let d = Scenario::default();
    let mut over = d.clone();
    over.allocations[1].share = 0.5;
    assert_eq!(named(&over), ["allocations"]);
    let message = validate(&over).unwrap_err().to_string();
    assert!(message.contains("100 %") || message.contains("sum to 1"), "{message}");

    let mut long_cliff = d.clone();
    long_cliff.allocations[0].cliff_months = 121;
    assert_eq!(named(&long_cliff), ["allocations[0].cliff_months"]);

    let unknown = Scenario { changes: vec![Change { month: 3, field: "burn_rate".into(), value: 0.1 }], ..d.clone() };
    assert_eq!(named(&unknown), ["changes[0].field"]);
    let late = Scenario { changes: vec![Change { month: 0, field: "burn_share".into(), value: 0.1 }], ..d.clone() };
    assert_eq!(named(&late), ["changes[0].month"]);
    let too_much = Scenario { changes: vec![Change { month: 5, field: "burn_share".into(), value: 0.9 }], ..d.clone() };
    assert_eq!(named(&too_much), ["changes[0].value"], "burn 0.9 + stakers 0.3 is over the take from month 5");

    // A negative month cannot be read at all: the file's error names the row.
    let text = r#"{"version": 2, "changes": [{"month": 12, "field": "burn_share", "value": 0.6}, {"month": -3, "field": "burn_share", "value": 0.6}]}"#;
    let e = Scenario::from_json(text).unwrap_err().to_string();
    assert!(e.contains("changes[1].month"), "{e}");
}

/// Ten buckets and five changes: the longest table a founder is likely to type.
fn long_design() -> Scenario {
    let names = [
        "core team",
        "seed",
        "series A",
        "advisors",
        "community",
        "airdrop: season 1",
        "treasury",
        "ecosystem",
        "market makers",
        "foundation",
    ];
    let allocations = names
        .iter()
        .enumerate()
        .map(|(i, name)| Allocation {
            name: (*name).into(),
            share: 0.1,
            unlocked_at_launch: if i >= 4 { 0.25 } else { 0.0 },
            cliff_months: [12, 6, 12, 6, 0, 0, 0, 3, 0, 24][i],
            vesting_months: [36, 18, 24, 12, 24, 0, 48, 36, 6, 48][i],
            sold_share: [0.25, 0.5, 0.4, 0.3, 0.2, 0.7, 0.0, 0.3, 1.0, 0.1][i],
            treasury: *name == "treasury",
        })
        .collect();
    let change = |month, field: &str, value| Change { month, field: field.into(), value };
    let changes = vec![
        change(13, "protocol_take", 0.8),
        change(25, "burn_share", 0.6),
        change(27, "annual_fees_usd", 4e6),
        change(37, "emission.initial_rate", 0.05),
        change(61, "target_staking_apr", 0.03),
    ];
    Scenario { allocations, changes, ..Scenario::default() }
}

#[test]
fn a_link_with_ten_buckets_and_five_changes_opens_as_it_was_made() {
    let s = long_design();
    validate(&s).unwrap();
    let query = to_query(&s);
    assert!(query.len() < 1_500, "{} characters: {query}", query.len());
    let read = from_query(&query);
    assert!(read.ignored.is_empty(), "{:?}", read.ignored);
    assert_eq!(read.scenario, s);
    let (a, b) = (project(&s).unwrap(), project(&read.scenario).unwrap());
    assert_eq!(a.summary, b.summary);
}

#[test]
fn a_scenario_file_carries_the_table_and_the_changes() {
    let s = long_design();
    let text = s.to_json_pretty();
    assert_eq!(Scenario::from_json(&text).unwrap(), s);
}

#[test]
fn a_tampered_link_with_a_bad_table_and_a_bad_change_still_opens_a_valid_design() {
    // The cliff is beyond the one-year horizon and the change breaks burn + stakers ≤ 100 %.
    let read = from_query("version=3&years=1&allocation=team:1:0:24:0:0&change=6:burn_share:0.9");
    validate(&read.scenario).unwrap();
    assert!(read.ignored.iter().any(|w| w.contains("allocation table ignored")), "{:?}", read.ignored);
    assert!(read.ignored.iter().any(|w| w.contains("change=6:burn_share:0.9 ignored")), "{:?}", read.ignored);
    assert!(read.scenario.changes.is_empty());
}
