//! Fuzzing the parsers and the engine with proptest: arbitrary bytes and arbitrary field values
//! through every way a scenario gets in (JSON, imports, share links), asserting no panic and
//! either a valid projection or a typed error. Case counts are printed, and can be raised with
//! `FUZZ_CASES` (CI runs the default; a longer local run is `FUZZ_CASES=200000 cargo test --release --test fuzz`).

// Native tests only, never linked into the page: the size rules of clippy.toml do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use consumption_lab_engine::fields::{NUMERIC_FIELDS, SHOCK_FIELDS};
use consumption_lab_engine::{link, project, validate, Scenario, ScenarioError};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::cell::Cell;

fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Run `check` on `cases` inputs from `strategy`; print how many ran.
fn fuzz<S: Strategy>(name: &str, default_cases: u32, strategy: S, check: impl Fn(S::Value))
where
    S::Value: std::fmt::Debug,
{
    let count = Cell::new(0u64);
    let mut runner =
        TestRunner::new(Config { cases: cases(default_cases), failure_persistence: None, ..Config::default() });
    runner
        .run(&strategy, |input| {
            count.set(count.get() + 1);
            check(input);
            Ok(())
        })
        .unwrap();
    eprintln!("fuzz {name}: {} cases, no panic", count.get());
}

/// A parsed scenario must be valid, and must project or report an overflow: nothing else.
fn must_project(s: &Scenario) {
    assert!(validate(s).is_ok(), "accepted an invalid scenario: {s:?}");
    match project(s) {
        Ok(p) => assert!(p.months.iter().all(|m| m.first_non_finite().is_none())),
        Err(ScenarioError::Overflow { .. }) => {}
        Err(e) => panic!("valid scenario failed with {e}: {s:?}"),
    }
}

/// Every key a scenario or link can carry, plus near misses.
fn key() -> impl Strategy<Value = String> {
    let known: Vec<String> = NUMERIC_FIELDS
        .iter()
        .chain(SHOCK_FIELDS)
        .map(|f| f.key.to_owned())
        .chain(
            ["fee_denomination", "staking_yield_source", "price_model", "seed", "speculation_shock"].map(String::from),
        )
        .collect();
    prop_oneof![8 => proptest::sample::select(known), 1 => "[a-z_.]{0,20}", 1 => any::<String>()]
}

/// Values people and attackers type: numbers at every scale, specials, words, garbage.
fn value_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<f64>().prop_map(|v| v.to_string()),
        (-1e3..1e3f64).prop_map(|v| v.to_string()),
        (0.0..=1.0f64).prop_map(|v| v.to_string()),
        any::<i64>().prop_map(|v| v.to_string()),
        proptest::sample::select(vec![
            "NaN",
            "inf",
            "-inf",
            "1e309",
            "-1e309",
            "0",
            "-0",
            "",
            "native",
            "stablecoin",
            "revenue",
            "fee_multiple",
            "null",
            "true",
            "[]",
            "{}",
            "0x10",
            "1_000",
            "٣",
        ])
        .prop_map(String::from),
        any::<String>(),
    ]
}

/// JSON values of every kind for a field.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    prop_oneof![
        any::<f64>().prop_map(|v| serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)),
        (0.0..=1.0f64).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        value_text().prop_map(Value::from),
        Just(Value::Null),
        Just(serde_json::json!({"year": 3, "turnover_drop": 0.5, "price_drop": 0.2})),
        Just(serde_json::json!([1, 2])),
    ]
}

#[test]
fn fuzz_scenario_json_bytes() {
    fuzz("scenario JSON from arbitrary bytes", 20_000, proptest::collection::vec(any::<u8>(), 0..200), |bytes| {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(s) = Scenario::from_json(&text) {
            must_project(&s);
        }
        let _ = Scenario::from_import(&text);
    });
}

#[test]
fn fuzz_scenario_json_fields() {
    let objects = proptest::collection::btree_map(key(), json_value(), 0..8);
    fuzz("scenario JSON objects of arbitrary field values", 20_000, objects, |fields| {
        let json = serde_json::to_string(&fields).unwrap();
        match Scenario::from_json(&json) {
            Ok(s) => must_project(&s),
            Err(ScenarioError::Invalid(errors)) => {
                assert!(errors.iter().all(|e| !e.field.is_empty() && !e.allowed.is_empty()), "{errors:?}")
            }
            // A field that cannot be read is named first (or the whole document is blamed).
            Err(ScenarioError::Parse(m)) => {
                assert!(m.starts_with("scenario JSON") || fields.keys().any(|k| m.starts_with(k.as_str())), "{m}")
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    });
}

#[test]
fn fuzz_share_links() {
    let pairs = proptest::collection::vec((key(), value_text()), 0..10);
    fuzz("share-link query strings of arbitrary pairs", 20_000, pairs, |pairs| {
        let query: String = form_pairs(&pairs);
        let read = link::from_query(&query);
        must_project(&read.scenario);
        // What a link says is read back exactly.
        assert_eq!(link::from_query(&link::to_query(&read.scenario)).scenario, read.scenario);
    });
    fuzz("share-link query strings from arbitrary text", 20_000, any::<String>(), |text| {
        must_project(&link::from_query(&text).scenario);
    });
}

fn form_pairs(pairs: &[(String, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn fuzz_number_parsing_matches_str_parse() {
    let bits = |v: Option<f64>| v.map(|v| if v.is_nan() { f64::NAN.to_bits() } else { v.to_bits() });
    let texts = prop_oneof![
        // Every f64 as Rust writes it (shortest, exponent, debug), which must come back exactly.
        any::<f64>().prop_map(|v| v.to_string()),
        any::<f64>().prop_map(|v| format!("{v:e}")),
        any::<f64>().prop_map(|v| format!("{v:?}")),
        any::<f64>().prop_map(|v| format!("{v:.14e}")),
        // What people type, and near misses: signs, points, exponents, words, zeros.
        "[-+]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][-+]?[0-9]{0,4})?",
        "[-+0-9.eEinfatyINFATY ]{0,12}",
        any::<String>(),
    ];
    fuzz("number text against f64::from_str", 20_000, texts, |text| {
        let (got, want) = (consumption_lab_engine::number::parse(&text), text.parse::<f64>().ok());
        assert_eq!(bits(got), bits(want), "{text:?}: {got:?} vs {want:?}");
    });
}
