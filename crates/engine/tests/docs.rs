//! The documents hold the code's numbers, checked here so that they cannot drift apart:
//! - every numeric field's default and allowed range in `docs/model.md`'s Parameters table and in
//!   its `Scenario` doc comment equal the `fields` table (`NUMERIC_FIELDS`, `SHOCK_FIELDS`,
//!   `EMISSION_FIELDS`) and
//!   `Scenario::default()`;
//! - every "`key` [default" written in the prose of `docs/model.md` is that default;
//! - every choice's default in the table is the default's JSON spelling;
//! - every code file `docs/model.md` names exists.

use consumption_lab_engine::fields::{NumericField, EMISSION_FIELDS, NUMERIC_FIELDS, SHOCK_FIELDS};
use consumption_lab_engine::number::parse;
use consumption_lab_engine::{Scenario, SpeculationShock};

const MODEL_MD: &str = include_str!("../../../docs/model.md");
const SCENARIO_RS: &str = include_str!("../src/scenario/mod.rs");

/// The scenario every field's default is read from (the shock's fields from the default shock).
fn defaults() -> Scenario {
    Scenario { speculation_shock: Some(SpeculationShock::default()), ..Scenario::default() }
}

fn fields() -> impl Iterator<Item = &'static NumericField> {
    NUMERIC_FIELDS.iter().chain(SHOCK_FIELDS).chain(EMISSION_FIELDS).copied()
}

/// The leading number of `text` (`"2e7 USD"` → 2e7), with the typographic minus read as `-`.
fn leading_number(text: &str) -> Option<f64> {
    let text = text.trim().replace('−', "-");
    let end = text.find(|c: char| !(c.is_ascii_digit() || "+-.eE_".contains(c))).unwrap_or(text.len());
    parse(&text[..end].replace('_', ""))
}

/// The trailing number of `text` (`"tokens, 1"` → 1).
fn trailing_number(text: &str) -> Option<f64> {
    let text = text.trim().replace('−', "-");
    let start = text.rfind(|c: char| !(c.is_ascii_digit() || "+-.eE_".contains(c))).map_or(0, |i| i + 1);
    parse(&text[start..].replace('_', ""))
}

/// `(min, min_inclusive, max)` of the range written in `text`: `a..=b`, or `greater than a and at
/// most b` for a range open at the bottom.
fn written_range(text: &str) -> Option<(f64, bool, f64)> {
    let text = text.replace('−', "-");
    if let Some(i) = text.find("greater than ") {
        let rest = &text[i + "greater than ".len()..];
        let (a, b) = rest.split_once(" and at most ")?;
        return Some((leading_number(a)?, false, leading_number(b)?));
    }
    let i = text.find("..=")?;
    Some((trailing_number(&text[..i])?, true, leading_number(&text[i + 3..])?))
}

fn same(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

/// The rows of the Parameters table: key → cells after the key.
fn table_rows() -> Vec<(String, Vec<String>)> {
    let section = MODEL_MD.split("\n## Parameters").nth(1).expect("docs/model.md has a Parameters section");
    let section = section.split("\n## ").next().unwrap();
    section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| {
            let (key, rest) = l.split_once('`')?;
            let cells = rest.split('|').skip(1).map(|c| c.trim().to_owned()).collect();
            Some((key.to_owned(), cells))
        })
        .collect()
}

#[test]
fn the_parameters_table_has_every_field_with_its_default_and_range() {
    let rows = table_rows();
    let d = defaults();
    let mut wrong = Vec::new();
    for f in fields() {
        let Some((_, cells)) = rows.iter().find(|(k, _)| k == f.key) else {
            wrong.push(format!("{}: no row", f.key));
            continue;
        };
        // | `key` | unit | default | allowed | section |
        let default = cells.get(1).and_then(|c| leading_number(c));
        if !default.is_some_and(|v| same(v, (f.get)(&d))) {
            wrong.push(format!("{}: default {:?}, the code has {}", f.key, cells.get(1), (f.get)(&d)));
        }
        let range = cells.get(2).and_then(|c| written_range(c));
        if range.is_none_or(|(lo, incl, hi)| !(same(lo, f.min) && incl == f.min_inclusive && same(hi, f.max))) {
            wrong.push(format!("{}: range {:?}, the code has {}", f.key, cells.get(2), f.range_text()));
        }
        if f.integer != cells.get(2).is_some_and(|c| c.contains("whole")) {
            wrong.push(format!("{}: whole numbers only is {} in the code", f.key, f.integer));
        }
    }
    assert!(wrong.is_empty(), "docs/model.md, Parameters:\n{}", wrong.join("\n"));
}

#[test]
fn the_table_gives_each_choice_its_default_spelling() {
    let rows = table_rows();
    let json = serde_json::to_value(Scenario::default()).unwrap();
    for key in ["fee_denomination", "staking_yield_source", "price_model"] {
        let (_, cells) = rows.iter().find(|(k, _)| k == key).unwrap_or_else(|| panic!("{key}: no row"));
        let spelling = json[key].as_str().unwrap();
        assert_eq!(cells[1], format!("`{spelling}`"), "{key}'s default");
    }
}

#[test]
fn every_default_written_in_the_prose_is_the_code_default() {
    let d = defaults();
    let mut checked = 0;
    for f in fields() {
        let short = f.key.rsplit('.').next().unwrap();
        for needle in [format!("`{}` [", f.key), format!("`{short}` [")] {
            for (i, _) in MODEL_MD.match_indices(&needle) {
                let written = leading_number(&MODEL_MD[i + needle.len()..]);
                assert!(
                    written.is_some_and(|v| same(v, (f.get)(&d))),
                    "docs/model.md writes {needle}{:?}…, the code's default is {}",
                    &MODEL_MD[i + needle.len()..(i + needle.len() + 12).min(MODEL_MD.len())],
                    (f.get)(&d)
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 15, "only {checked} defaults found in the prose");
}

/// The doc comment of each `pub field:` of `Scenario`.
fn scenario_field_docs() -> Vec<(String, String)> {
    let body = SCENARIO_RS.split("pub struct Scenario {").nth(1).unwrap().split("\n}").next().unwrap();
    let mut docs = Vec::new();
    let mut doc = String::new();
    for line in body.lines().map(str::trim) {
        if let Some(text) = line.strip_prefix("///") {
            doc.push_str(text);
            doc.push(' ');
        } else if let Some(field) = line.strip_prefix("pub ") {
            let name = field.split(':').next().unwrap().trim().to_owned();
            docs.push((name, std::mem::take(&mut doc)));
        }
    }
    docs
}

#[test]
fn every_scenario_doc_comment_states_the_fields_range_and_default() {
    let docs = scenario_field_docs();
    let d = defaults();
    let mut wrong = Vec::new();
    for f in NUMERIC_FIELDS {
        let Some((_, doc)) = docs.iter().find(|(k, _)| k == f.key) else {
            wrong.push(format!("{}: not a field of Scenario", f.key));
            continue;
        };
        let default = doc.rfind('[').and_then(|i| leading_number(&doc[i + 1..]));
        if !default.is_some_and(|v| same(v, (f.get)(&d))) {
            wrong.push(format!("{}: [default] in the doc comment is {default:?}, the code has {}", f.key, (f.get)(&d)));
        }
        let range = written_range(doc);
        if range.is_none_or(|(lo, incl, hi)| !(same(lo, f.min) && incl == f.min_inclusive && same(hi, f.max))) {
            wrong.push(format!("{}: range in the doc comment is {range:?}, the code has {}", f.key, f.range_text()));
        }
    }
    assert!(wrong.is_empty(), "crates/engine/src/scenario/mod.rs:\n{}", wrong.join("\n"));
}

#[test]
fn every_code_file_the_model_notes_name_exists() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missing = Vec::new();
    for (i, _) in MODEL_MD.match_indices(".rs`") {
        let start = MODEL_MD[..i].rfind('`').unwrap() + 1;
        let file = format!("{}.rs", &MODEL_MD[start..i]);
        // A path from the workspace's root, or (most) a file of the engine's source.
        let path = if file.starts_with("crates/") { src.join("../../..").join(&file) } else { src.join(&file) };
        if !path.exists() {
            missing.push(file);
        }
    }
    assert!(missing.is_empty(), "docs/model.md names files that are not under crates/engine/src: {missing:?}");
}

#[test]
fn the_readers_of_the_documents_read_what_is_written() {
    assert_eq!(leading_number("2e7 USD"), Some(2e7));
    assert_eq!(leading_number("−1 and"), Some(-1.0));
    assert_eq!(written_range("each 0..=1,"), Some((0.0, true, 1.0)));
    assert_eq!(written_range("tokens, 1..=1e15 [1e9]"), Some((1.0, true, 1e15)));
    assert_eq!(written_range("greater than −1 and at most 100 [0.20]"), Some((-1.0, false, 100.0)));
    assert_eq!(written_range("no range here"), None);
}
