//! Reading a scenario from JSON, with errors that name the field (serde alone reports only a
//! line and column, which is useless to someone editing a share link or a saved design).
//!
//! Everything is read through a [`serde_json::Value`], as everywhere the app reads JSON (see
//! [`crate::json`]). A type error from serde does not say which field it was in, so when reading
//! fails the fields are tried one at a time to find it ([`culprit`]): the same single
//! `Value`-to-`Scenario` reader does both, where `serde_path_to_error` would compile a second one
//! into the page (measured: 6 KB of the gzipped download).

use super::error::ScenarioError;
use super::validate::validate;
use super::{Scenario, SpeculationShock, VERSION};
use serde_json::{Map, Value};

fn parse_error(message: String) -> ScenarioError {
    ScenarioError::Parse(message)
}

fn not_an_object(got: &str) -> ScenarioError {
    parse_error(format!("scenario JSON must be an object of fields, like {{\"burn_share\": 0.5}}; got {got}"))
}

/// What kind of JSON value `v` is, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The first field of `fields` that cannot be read on its own, as its path (`burn_share`,
/// `speculation_shock.year`) and serde's reason.
fn culprit(fields: &Map<String, Value>) -> Option<(String, serde_json::Error)> {
    let one = |key: &str, value: Value| {
        let mut m = Map::new();
        m.insert(key.to_owned(), value);
        Value::Object(m)
    };
    let alone = |key: &str, value: Value| serde_json::from_value::<Scenario>(one(key, value)).err();
    fields.iter().find_map(|(key, value)| {
        let why = alone(key, value.clone())?;
        // Inside a nested object (the speculation shock), name the nested field when one alone fails.
        let in_object = |prefix: &str, object: &Map<String, Value>, wrap: &dyn Fn(Value) -> Value| {
            object.iter().find_map(|(k, v)| {
                let why = alone(key, wrap(one(k, v.clone())))?;
                Some((format!("{prefix}.{k}"), why))
            })
        };
        let inner = value.as_object().and_then(|inner| in_object(key, inner, &|v| v));
        // Inside a row of a list (allocations, changes), name the row and its field.
        let row = value.as_array().and_then(|rows| {
            rows.iter().enumerate().find_map(|(i, row)| {
                let why = alone(key, Value::Array(vec![row.clone()]))?;
                let field =
                    row.as_object().and_then(|r| in_object(&format!("{key}[{i}]"), r, &|v| Value::Array(vec![v])));
                Some(field.unwrap_or_else(|| (format!("{key}[{i}]"), why)))
            })
        });
        Some(inner.or(row).unwrap_or_else(|| (key.clone(), why)))
    })
}

/// The field whose number `e`, an error from reading the JSON text, stopped at. Serde rejects a
/// number it cannot represent (`1e309`) while reading the text, before any field is known, so the
/// field is the key written just before it. A field is named only when the error sits inside a
/// number (a syntax error elsewhere names none) and the key is one of the scenario's.
fn field_at(json: &str, e: &serde_json::Error) -> Option<String> {
    if e.is_eof() {
        return None; // the text ended: nothing is wrong with the field before
    }
    let line_start: usize = json.split('\n').take(e.line().saturating_sub(1)).map(|l| l.len() + 1).sum();
    let before = json.get(..line_start + e.column())?;
    let colon = before.rfind(':')?;
    let number = before[colon + 1..].trim_start();
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c)) {
        return None;
    }
    let key = before[..colon].trim_end().strip_suffix('"')?;
    let key = &key[key.rfind('"')? + 1..];
    let is_key = |value: Result<Value, _>| value.is_ok_and(|v: Value| v.get(key).is_some());
    if is_key(serde_json::to_value(Scenario::default())) {
        Some(key.to_owned())
    } else {
        is_key(serde_json::to_value(SpeculationShock::default())).then(|| format!("speculation_shock.{key}"))
    }
}

/// Text into a JSON value, the first half of the one reader (`json::read` is the same for any type),
/// here with errors that name the field a number is wrong in.
#[allow(clippy::disallowed_methods)]
fn read_value(json: &str) -> Result<Value, ScenarioError> {
    serde_json::from_str(json).map_err(|e| text_error(json, e))
}

/// The version a scenario's fields say they were written in: 1 when they say none (everything
/// written before versions existed), an error for one this build cannot read.
pub(crate) fn written_version(fields: &Map<String, Value>) -> Result<u32, ScenarioError> {
    let Some(v) = fields.get("version") else { return Ok(1) };
    match v.as_u64().and_then(|v| u32::try_from(v).ok()) {
        Some(v) if Scenario::defaults_of(v).is_some() => Ok(v),
        Some(v) if v > VERSION => Err(parse_error(format!(
            "version: {v} is newer than this build reads (versions 1 to {VERSION}); open it with a newer Consumption Lab"
        ))),
        _ => Err(parse_error(format!("version: must be a whole number from 1 to {VERSION} (got {v})"))),
    }
}

/// The defaults of `version` (a version [`written_version`] accepted) as JSON fields.
pub(crate) fn defaults_value(version: u32) -> Map<String, Value> {
    match serde_json::to_value(Scenario::defaults_of(version).unwrap_or_default()) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// An error from reading the JSON text, naming the field when there is one.
fn text_error(json: &str, e: serde_json::Error) -> ScenarioError {
    match field_at(json, &e) {
        Some(field) => parse_error(format!("{field}: {e}")),
        None => parse_error(format!("scenario JSON: {e}")),
    }
}

impl Scenario {
    /// Parse a scenario from JSON (missing fields take their defaults) without range checks.
    pub fn from_json_unchecked(json: &str) -> Result<Self, ScenarioError> {
        // Serde would accept an array as the fields in order, which nobody means; and text that
        // is not an object at all is better told so than given a JSON syntax error.
        let first = json.trim_start().chars().next();
        if first != Some('{') {
            let got = match first {
                None => "nothing".to_owned(),
                Some(c) => format!("text starting with {c:?}"),
            };
            return Err(not_an_object(&got));
        }
        let value = read_value(json)?;
        Self::from_value_unchecked(value)
    }

    /// Read a scenario from a parsed JSON value without range checks. Missing fields take the
    /// defaults of the version the value says it was written in (version 1 when it says none),
    /// and the scenario read is in the current version.
    pub fn from_value_unchecked(value: Value) -> Result<Self, ScenarioError> {
        let Value::Object(fields) = value else { return Err(not_an_object(kind(&value))) };
        let version = written_version(&fields)?;
        let mut merged = defaults_value(version);
        merged.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
        merged.insert("version".to_owned(), Value::from(VERSION));
        serde_json::from_value(Value::Object(merged)).map_err(|e| match culprit(&fields) {
            Some((path, why)) => parse_error(format!("{path}: {why}")),
            None => parse_error(format!("scenario JSON: {e}")),
        })
    }

    /// Read a scenario from an imported file: a scenario JSON, or a projection exported by the app
    /// or the command line (whose `scenario` is used), checked like any other.
    pub fn from_import(json: &str) -> Result<Self, ScenarioError> {
        if !json.trim_start().starts_with('{') {
            return Self::from_json(json);
        }
        let mut value = read_value(json)?;
        let exported = value.get("scenario").is_some_and(Value::is_object) && value.get("months").is_some();
        let scenario = Self::from_value_unchecked(if exported { value["scenario"].take() } else { value })?;
        validate(&scenario)?;
        Ok(scenario)
    }

    /// Parse a scenario from JSON and check every field's range.
    pub fn from_json(json: &str) -> Result<Self, ScenarioError> {
        let scenario = Self::from_json_unchecked(json)?;
        validate(&scenario)?;
        Ok(scenario)
    }

    /// The scenario as pretty JSON, every field written out (by the worker and the command line).
    #[allow(clippy::disallowed_methods)]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str, want: Result<(), &str>) {
        let got = Scenario::from_json(json).map(|_| ()).map_err(|e| e.to_string());
        match (got, want) {
            (Ok(()), Ok(())) => {}
            (Err(got), Err(want)) => assert!(got.contains(want), "{json}: {got:?} lacks {want:?}"),
            (got, want) => panic!("{json}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn json_is_read_with_defaults_and_named_errors() {
        check("{}", Ok(()));
        check(r#"{"burn_share": 0.9, "staker_share": 0.1}"#, Ok(()));
        check(r#"{"burn_shar": 0.9}"#, Err("unknown field `burn_shar`"));
        check(r#"{"years": 10.5}"#, Err("years: invalid type"));
        check(r#"{"years": -1}"#, Err("years: invalid value"));
        check(r#"{"fee_denomination": "euro"}"#, Err("fee_denomination: unknown variant `euro`"));
        check(r#"{"burn_share": 1e309}"#, Err("burn_share: number out of range"));
        check(
            "{\n  \"years\": 10,\n  \"speculation_shock\": {\"price_drop\": -1e400}\n}",
            Err("speculation_shock.price_drop: number out of range"),
        );
        check(r#"{"x": 1e309}"#, Err("scenario JSON: number out of range"));
        check(r#"{"seed": 1e400}"#, Err("seed: number out of range"));
        // Syntax errors are not blamed on the field before them.
        for broken in [r#"{"years": 10,}"#, r#"{"burn_share": 0.5 "years": 2}"#, r#"{"years": 1"#] {
            let got = Scenario::from_json(broken).unwrap_err().to_string();
            assert!(got.starts_with("scenario JSON: "), "{broken}: {got}");
        }
        check(r#"{"burn_share": 2}"#, Err("burn_share must be between 0 and 1 (got 2)"));
        check("[1,2]", Err("must be an object of fields, like {\"burn_share\": 0.5}; got text starting with '['"));
        check(r#"{"burn_share": 0.5, "seed": "x"}"#, Err("seed: invalid type: string \"x\""));
        check(
            r#"{"speculation_shock": {"year": 2, "turnover_drop": "all"}}"#,
            Err("speculation_shock.turnover_drop: invalid type"),
        );
        check(r#"{"speculation_shock": 3}"#, Err("speculation_shock: invalid type: integer `3`"));
        check("", Err("got nothing"));
        check(r#"{"years": 10} x"#, Err("scenario JSON: trailing characters"));
        // A repeated key takes its last value, as in JavaScript's JSON.parse.
        check(r#"{"years": "x", "years": 10}"#, Ok(()));
    }

    #[test]
    fn imports_take_a_scenario_or_an_exported_projection() {
        let s = Scenario { burn_share: 0.65, ..Scenario::default() };
        assert_eq!(Scenario::from_import(&s.to_json_pretty()).unwrap(), s);
        let exported = crate::formats::export::json(&crate::project(&s).unwrap());
        assert_eq!(Scenario::from_import(&exported).unwrap(), s);
        assert!(Scenario::from_import(r#"{"scenario": {"burn_share": 9}, "months": []}"#).is_err());
        assert!(Scenario::from_import("PNG...").is_err());
    }

    #[test]
    fn default_round_trips() {
        let s = Scenario::default();
        assert_eq!(Scenario::from_json(&s.to_json_pretty()).unwrap(), s);
    }
}
