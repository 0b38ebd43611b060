//! Reading a scenario from JSON, with errors that name the field (serde alone reports only a
//! line and column, which is useless to someone editing a share link or a saved design).

use crate::error::ScenarioError;
use crate::scenario::Scenario;
use crate::validate::validate;

impl Scenario {
    /// Parse a scenario from JSON (missing fields take their defaults) without range checks.
    pub fn from_json_unchecked(json: &str) -> Result<Self, ScenarioError> {
        // Serde would accept an array as the fields in order, which nobody means.
        let first = json.trim_start().chars().next();
        if first != Some('{') {
            let got = match first {
                None => "nothing".to_owned(),
                Some(c) => format!("text starting with {c:?}"),
            };
            return Err(ScenarioError::Parse(format!(
                "scenario JSON must be an object of fields, like {{\"burn_share\": 0.5}}; got {got}"
            )));
        }
        let de = &mut serde_json::Deserializer::from_str(json);
        let scenario: Self = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if path == "." {
                ScenarioError::Parse(format!("scenario JSON: {inner}"))
            } else {
                ScenarioError::Parse(format!("{path}: {inner}"))
            }
        })?;
        de.end().map_err(|e| ScenarioError::Parse(format!("scenario JSON: {e}")))?;
        Ok(scenario)
    }

    /// Read a scenario from an imported file: a scenario JSON, or a projection exported by the app
    /// or the command line (whose `scenario` is used), checked like any other.
    pub fn from_import(json: &str) -> Result<Self, ScenarioError> {
        let export: Option<serde_json::Value> = serde_json::from_str::<serde_json::Value>(json)
            .ok()
            .filter(|v| v.get("scenario").is_some_and(|s| s.is_object()) && v.get("months").is_some());
        match export {
            Some(v) => Self::from_json(&v["scenario"].to_string()),
            None => Self::from_json(json),
        }
    }

    /// Parse a scenario from JSON and check every field's range.
    pub fn from_json(json: &str) -> Result<Self, ScenarioError> {
        let scenario = Self::from_json_unchecked(json)?;
        validate(&scenario)?;
        Ok(scenario)
    }

    /// The scenario as pretty JSON, every field written out.
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
        check(r#"{"burn_share": 1e309}"#, Err("burn_share"));
        check(r#"{"burn_share": 2}"#, Err("burn_share must be between 0 and 1 (got 2)"));
        check("[1,2]", Err("must be an object of fields"));
        check("", Err("got nothing"));
        check(r#"{"years": 10} x"#, Err("trailing characters"));
    }

    #[test]
    fn imports_take_a_scenario_or_an_exported_projection() {
        let s = Scenario { burn_share: 0.65, ..Scenario::default() };
        assert_eq!(Scenario::from_import(&s.to_json_pretty()).unwrap(), s);
        let exported = crate::export::json(&crate::project(&s).unwrap());
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
