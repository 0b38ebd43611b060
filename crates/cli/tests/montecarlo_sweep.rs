//! `montecarlo` and `sweep` as a user runs them: real process, real exit codes.

mod common;

use common::{check_rejected, ok};

#[test]
fn montecarlo_csv_has_a_row_per_month_with_ordered_percentiles() {
    let csv = ok(&["montecarlo", "--scenario", "-", "--paths", "200"], r#"{"years": 2}"#);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header[0], "month");
    for quantity in ["supply", "cumulative_burned", "value_capture_ratio", "price_usd"] {
        for q in [5, 25, 50, 75, 95] {
            assert!(header.contains(&format!("{quantity}_p{q}").as_str()), "header lacks {quantity}_p{q}");
        }
    }
    assert_eq!(header.len(), 21);
    let rows: Vec<Vec<f64>> = lines.map(|l| l.split(',').map(|v| v.parse().unwrap()).collect()).collect();
    assert_eq!(rows.len(), 24);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], (i + 1) as f64);
        for band in row[1..].chunks(5) {
            assert!(band.windows(2).all(|w| w[0] <= w[1]), "month {}: {band:?}", i + 1);
        }
    }
}

#[test]
fn montecarlo_is_reproducible_and_the_seed_matters() {
    let args = ["montecarlo", "--scenario", "-", "--paths", "50", "--seed", "7"];
    let a = ok(&args, "{}");
    assert_eq!(a, ok(&args, "{}"));
    assert_ne!(a, ok(&["montecarlo", "--scenario", "-", "--paths", "50", "--seed", "8"], "{}"));
    // The flags are the scenario's fields: the same run from the file.
    assert_eq!(a, ok(&["montecarlo", "--scenario", "-"], r#"{"paths": 50, "seed": 7}"#));
}

#[test]
fn runs_on_any_number_of_threads_give_the_same_bytes() {
    let design = r#"{"version": 2, "years": 3}"#;
    let mc = |threads: &str| ok(&["montecarlo", "--scenario", "-", "--paths", "2000", "--threads", threads], design);
    let one = mc("1");
    assert_eq!(mc("2"), one);
    assert_eq!(mc("8"), one);
    assert_eq!(ok(&["montecarlo", "--scenario", "-", "--paths", "2000"], design), one, "all cores");
    let grid = |threads: &str| {
        ok(
            &[
                "sweep",
                "--scenario",
                "-",
                "--x",
                "burn_share:0:0.7:16",
                "--y",
                "fee_growth:-0.5:1:16",
                "--threads",
                threads,
            ],
            design,
        )
    };
    assert_eq!(grid("1"), grid("8"));
    check_rejected(&["montecarlo", "--scenario", "-", "--threads", "0"], design, "--threads");
}

#[test]
fn a_run_writes_no_progress_bar_where_standard_error_is_not_a_terminal() {
    // Longer than the bar's one-second wait, in the unoptimised build the tests run by default
    // and in an optimised one (about fifty times faster).
    let (paths, design) = if cfg!(debug_assertions) {
        ("20000", r#"{"version": 2}"#)
    } else {
        ("100000", r#"{"version": 2, "years": 50}"#)
    };
    let started = std::time::Instant::now();
    let out = common::run(&["montecarlo", "--scenario", "-", "--paths", paths, "--threads", "1"], design);
    assert!(started.elapsed().as_secs_f64() > 1.0, "the run was too short to test the bar");
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn montecarlo_json_keeps_the_scenario_with_the_overrides() {
    let out = ok(
        &["montecarlo", "--scenario", "-", "--paths", "30", "--seed", "5", "--format", "json"],
        r#"{"years": 3, "burn_share": 0.6}"#,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scenario"]["burn_share"], 0.6);
    assert_eq!(v["scenario"]["paths"], 30);
    assert_eq!(v["scenario"]["seed"], 5);
    assert_eq!((v["paths"].as_u64(), v["seed"].as_u64()), (Some(30), Some(5)));
    assert_eq!(v["months"].as_array().unwrap().len(), 36);
    assert!(v["months"][35]["supply"]["p95"].is_number());
    let histogram = &v["final_supply"]["histogram"];
    let counts: u64 = histogram["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).sum();
    assert_eq!(counts, 30);
    let p = v["probability_supply_below_start"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p));
}

#[test]
fn the_command_line_runs_more_paths_than_a_scenario_allows() {
    let json = ok(&["montecarlo", "--scenario", "-", "--paths", "100003", "--format", "json"], r#"{"years": 1}"#);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let counts: u64 =
        v["final_supply"]["histogram"]["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).sum();
    assert_eq!(counts, 100_003, "every path is in the histogram");
}

#[test]
fn montecarlo_overrides_are_validated_like_the_scenario() {
    // `--paths` is the command line's own bound (1,000,000); a scenario's `paths` keeps the
    // page's (100,000), whoever reads it.
    check_rejected(&["montecarlo", "--scenario", "-", "--paths", "0"], "{}", "0 is not in 1..=1000000");
    check_rejected(&["montecarlo", "--scenario", "-", "--paths", "1000001"], "{}", "1000001 is not in 1..=1000000");
    check_rejected(
        &["montecarlo", "--scenario", "-", "--paths", "200000"],
        r#"{"paths": 100001}"#,
        "paths must be a whole number between 1 and 100000 (got 100001)",
    );
    check_rejected(&["montecarlo", "--scenario", "-", "--paths", "many"], "{}", "--paths");
    check_rejected(&["montecarlo", "--scenario", "-", "--seed=-1"], "{}", "--seed");
    check_rejected(
        &["montecarlo", "--scenario", "-"],
        r#"{"growth_volatility": 3}"#,
        "growth_volatility must be between 0 and 2",
    );
}

#[test]
fn sweep_csv_names_the_fields_and_carries_their_values_on_every_row() {
    let csv = ok(&["sweep", "--scenario", "-", "--x", "burn_share:0:0.7:8", "--y", "fee_growth:-0.5:1:4"], "{}");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "burn_share,fee_growth,net_supply_change,final_supply,cumulative_burned,value_capture_ratio,leaked_usd,error,final_price_usd,price_change"
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 32);
    for (i, row) in rows.iter().enumerate() {
        let (x, y): (f64, f64) = (row[0].parse().unwrap(), row[1].parse().unwrap());
        assert!((0.0..=0.7).contains(&x) && (-0.5..=1.0).contains(&y), "row {i}: {row:?}");
        assert_eq!(x, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7][i % 8], "x runs fastest");
        assert!(row[3].parse::<f64>().unwrap() > 0.0);
    }
    assert_eq!(rows[0][1], "-0.5");
    assert_eq!(rows[31][1], "1.0");
}

#[test]
fn sweep_reports_invalid_cells_on_their_rows() {
    let csv = ok(&["sweep", "--scenario", "-", "--x", "burn_share:0:1:3", "--y", "staker_share:0:1:3"], "{}");
    let bad: Vec<&str> = csv.lines().filter(|l| l.contains("must be")).collect();
    assert_eq!(bad.len(), 3, "{csv}");
}

#[test]
fn sweep_json_includes_the_scenario_axes_and_cells() {
    let out = ok(
        &["sweep", "--scenario", "-", "--x", "years:1:10:10", "--y", "turnover:0:24:3", "--format", "json"],
        r#"{"burn_share": 0.4}"#,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scenario"]["burn_share"], 0.4);
    assert_eq!(v["x"]["field"], "years");
    assert_eq!(v["y"]["steps"], 3);
    assert_eq!(v["cells"].as_array().unwrap().len(), 30);
    assert!(v["cells"][0]["summary"]["final_supply"].is_number());
}

#[test]
fn bad_axes_exit_2_with_a_message_and_nothing_on_stdout() {
    let sweep = |x: &str, y: &str| ["sweep", "--scenario", "-", "--x", x, "--y", y].map(str::to_owned);
    let cases = [
        (sweep("burn:0:1:4", "fee_growth:0:1:4"), "--x: unknown field \"burn\""),
        (sweep("burn_share:0:1", "fee_growth:0:1:4"), "FIELD:MIN:MAX:N"),
        (sweep("burn_share:0:1:1", "fee_growth:0:1:4"), "between 2 and 512"),
        (sweep("burn_share:0:1:4", "fee_growth:-2:1:4"), "--y: MIN of the fee_growth axis is out of range"),
        (sweep("burn_share:0:1:4", "burn_share:0:0.5:4"), "both axes sweep burn_share"),
    ];
    for (args, message) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        check_rejected(&args, "{}", message);
    }
    check_rejected(&["sweep", "--scenario", "-", "--x", "burn_share:0:1:4"], "{}", "--y");
    check_rejected(
        &["sweep", "--scenario", "-", "--x", "burn_share:0:1:4", "--y", "fee_growth:0:1:4"],
        r#"{"turnover": -1}"#,
        "turnover",
    );
}
