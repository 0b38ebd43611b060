//! The command line as a user runs it: real process, real files, real exit codes.

mod common;

use common::{check_rejected, run, text};

#[test]
fn project_prints_csv_with_the_documented_header() {
    let out = run(&["project", "--scenario", "-"], "{}");
    assert!(out.status.success());
    let csv = text(&out.stdout);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    // The columns as the engine lists them, once (model/columns.rs).
    assert_eq!(header, consumption_lab_engine::Month::COLUMNS);
    assert_eq!(csv.lines().count(), 1 + 120);
}

#[test]
fn project_json_carries_scenario_months_and_summary() {
    let out = run(&["project", "--scenario", "-", "--format", "json"], r#"{"years": 3, "burn_share": 0.7}"#);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["scenario"]["burn_share"], 0.7);
    assert_eq!(json["months"].as_array().unwrap().len(), 36);
    assert!(json["summary"]["final_supply"].as_f64().unwrap() > 0.0);
}

#[test]
fn the_allocation_table_schedule_and_changes_travel_through_a_file() {
    let design = r#"{"version": 2, "max_supply": 1.5e9,
        "allocations": [{"name": "team", "share": 0.2, "cliff_months": 12, "sold_share": 0.5},
                        {"name": "community", "share": 0.8, "unlocked_at_launch": 1}],
        "emission": {"schedule": "halving", "tokens_per_year": 1e8, "halving_years": 2},
        "changes": [{"month": 25, "field": "burn_share", "value": 0.6}]}"#;
    let out = run(&["project", "--scenario", "-", "--format", "json"], design);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["scenario"]["allocations"][0]["name"], "team");
    assert_eq!(json["scenario"]["emission"]["schedule"], "halving");
    assert_eq!(json["scenario"]["changes"][0]["month"], 25);
    let month = |m: usize, key: &str| json["months"][m - 1][key].as_f64().unwrap();
    assert_eq!(month(11, "locked"), 2e8);
    assert_eq!(month(12, "locked"), 0.0);
    assert!(month(12, "unlock_sells_usd") > 0.0);
    assert_eq!(month(120, "fully_diluted_usd"), month(120, "price_usd") * 1.5e9);
    let bad = r#"{"version": 2, "changes": [{"month": 3, "field": "burn_rate", "value": 0.1}]}"#;
    check_rejected(&["project", "--scenario", "-"], bad, "changes[0].field must be");
}

#[test]
fn project_reads_a_file() {
    let path = std::env::temp_dir().join(format!("consumption-lab-cli-test-{}.json", std::process::id()));
    std::fs::write(&path, r#"{"years": 1}"#).unwrap();
    let out = run(&["project", "--scenario", path.to_str().unwrap()], "");
    std::fs::remove_file(&path).ok();
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).lines().count(), 13);
}

#[test]
fn invalid_input_exits_2_with_the_message_on_stderr_only() {
    let project = ["project", "--scenario", "-"];
    check_rejected(&project, r#"{"burn_share": 1.5}"#, "burn_share must be between 0 and 1 (got 1.5)");
    check_rejected(&project, r#"{"years": 0}"#, "years must be a whole number between 1 and 50 (got 0)");
    check_rejected(&project, r#"{"burn_shares": 0.5}"#, "unknown field `burn_shares`");
    check_rejected(&project, r#"{"fee_growth": "fast"}"#, "fee_growth: invalid type");
    check_rejected(&project, "not json", "must be an object");
    check_rejected(
        &["project", "--scenario", "/nonexistent/scenario.json"],
        "",
        "cannot read /nonexistent/scenario.json",
    );
    check_rejected(&["project"], "", "--scenario");
    check_rejected(&["project", "--scenario", "-", "--format", "xml"], "{}", "xml");
}

#[test]
fn overflow_exits_2_naming_the_month() {
    let scenario = r#"{"years": 50, "price_model": "fee_multiple", "price_to_fees": 0.1, "burn_share": 1,
        "staker_share": 0, "staked_fraction": 0, "staking_yield_source": "revenue"}"#;
    check_rejected(&["project", "--scenario", "-"], scenario, "overflowed at month");
}

#[test]
fn defaults_round_trip_through_project() {
    let defaults = run(&["defaults"], "");
    assert!(defaults.status.success());
    let json = text(&defaults.stdout);
    assert!(json.contains("\"burn_share\": 0.5"));
    let from_defaults = run(&["project", "--scenario", "-"], &json);
    let from_versioned = run(&["project", "--scenario", "-"], r#"{"version": 4}"#);
    assert_eq!(from_defaults.stdout, from_versioned.stdout);
    assert!(from_defaults.stderr.is_empty() && from_versioned.stderr.is_empty());
}

#[test]
fn a_file_without_a_version_is_read_with_the_first_versions_defaults_and_says_so() {
    // Written before versions: the fixed price model was its default.
    let old = run(&["project", "--scenario", "-", "--format", "json"], r#"{"burn_share": 0.6}"#);
    assert!(old.status.success());
    let json: serde_json::Value = serde_json::from_slice(&old.stdout).unwrap();
    assert_eq!(json["scenario"]["price_model"], "fixed");
    assert_eq!(json["scenario"]["version"], 4, "read into the current version");
    let note = text(&old.stderr);
    assert!(note.contains("names no version") && note.contains("\"version\": 4"), "{note}");
    let new = run(&["project", "--scenario", "-", "--format", "json"], r#"{"version": 4, "burn_share": 0.6}"#);
    let json: serde_json::Value = serde_json::from_slice(&new.stdout).unwrap();
    assert_eq!(json["scenario"]["price_model"], "market");
}

#[test]
fn presets_are_listed_and_projectable_by_name() {
    let list = run(&["presets"], "");
    assert!(list.status.success());
    let listed = text(&list.stdout);
    for name in [
        "consumption_loop",
        "eip1559_style",
        "dex_fee_switch_off",
        "lending_stablecoin",
        "stablecoin_buyback_burn",
        "inflationary_casino",
        "ai_api_tokens",
    ] {
        assert!(listed.contains(name), "{name} missing from the list");
        let out = run(&["project", "--preset", name], "");
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with("month,"));
    }
    // Real protocols are dated: their rows carry the calendar month.
    for (name, first) in [
        ("ethereum_merge", "2022-09,1,"),
        ("solana", "2021-02,1,"),
        ("helium", "2023-08,1,"),
        ("maker", "2021-08,1,"),
        ("uniswap", "2020-09,1,"),
    ] {
        assert!(listed.contains(name), "{name} missing from the list");
        let out = run(&["project", "--preset", name], "");
        let csv = text(&out.stdout);
        assert!(csv.starts_with("date,month,") && csv.lines().nth(1).unwrap().starts_with(first), "{name}");
    }
    let json: serde_json::Value = serde_json::from_slice(&run(&["presets", "--format", "json"], "").stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 12);
    assert!(json[0]["note"].as_str().unwrap().contains("llustrative"));
    check_rejected(
        &["project", "--preset", "nope"],
        "",
        "no preset called \"nope\"; the presets are: consumption_loop",
    );
    check_rejected(&["project", "--preset", "consumption_loop", "--scenario", "-"], "{}", "cannot be used with");
}

#[test]
fn jevons_reproduces_the_essays_numbers() {
    let out = run(&["jevons", "--price-factor", "300", "--years", "2", "--spend-multiple", "4.2"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = 1.0 + 4.2f64.ln() / 300f64.ln();
    assert!((j["elasticity"].as_f64().unwrap() - want).abs() < 1e-3);
    let out = run(&["jevons", "--price-factor", "300", "--years", "2", "--elasticity", "1.25"], "");
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!((j["spend_multiple"].as_f64().unwrap() - 300f64.powf(0.25)).abs() < 1e-9);
    assert!(j["annual_spend_growth"].as_f64().unwrap() > 0.0);
    check_rejected(&["jevons", "--price-factor", "300", "--years", "2"], "", "--elasticity");
    check_rejected(
        &["jevons", "--price-factor", "0.5", "--years", "2", "--elasticity", "1"],
        "",
        "price_factor must be",
    );
}

#[test]
fn calibration_prints_each_real_protocols_table_as_the_document_does() {
    let out = run(&["calibration"], "");
    assert!(out.status.success());
    let tables = text(&out.stdout);
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/calibration.md")).unwrap();
    for name in ["ethereum_merge", "solana", "helium", "maker", "uniswap"] {
        let mark = format!("<!-- calibration: {name} -->");
        let block = tables.split(&mark).nth(1).and_then(|rest| rest.split("<!-- /calibration -->").next()).unwrap();
        assert!(doc.contains(&format!("{mark}{block}<!-- /calibration -->")), "{name}");
    }
    let one = text(&run(&["calibration", "--preset", "maker"], "").stdout);
    assert!(one.contains("calibration: maker") && !one.contains("calibration: solana"));
    check_rejected(&["calibration", "--preset", "consumption_loop"], "", "no real protocol preset called that");
}

#[test]
fn a_projection_outside_the_models_range_warns_on_standard_error() {
    let out = common::run(&["project", "--scenario", "-"], r#"{"version": 4, "fee_growth": 1.05}"#);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: Fees double every year for 9 years"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("month,"), "the CSV is untouched");
    let quiet = common::run(&["project", "--scenario", "-"], r#"{"version": 4}"#);
    assert!(quiet.stderr.is_empty(), "the default design warns of nothing");
}
