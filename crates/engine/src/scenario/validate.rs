//! Validation: every field is checked before anything runs, and every problem is reported at
//! once (a person fixing a saved design wants the whole list, not one error per attempt).

use super::error::{FieldError, ScenarioError};
use super::fields::{BURN_SHARE, NUMERIC_FIELDS, SHOCK_FIELDS, SHOCK_YEAR, STAKER_SHARE, YEARS};
use super::rules::shares_rule;
use super::{Scenario, VERSION};

/// All the ways `scenario` breaks its documented ranges; empty when it can be projected.
pub fn field_errors(scenario: &Scenario) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = NUMERIC_FIELDS.iter().filter_map(|f| f.check((f.get)(scenario)).err()).collect();
    if scenario.version != VERSION {
        // Reading upgrades every older version; a scenario in memory is always the current one.
        let v = f64::from(scenario.version);
        errors.push(FieldError::new("version", v, &format!("{VERSION}"), &format!("{VERSION}"), format!("{v}")));
    }

    if errors.iter().all(|e| e.field != BURN_SHARE.key && e.field != STAKER_SHARE.key) {
        errors.extend(shares_rule(scenario, &STAKER_SHARE));
    }
    if let Some(shock) = scenario.speculation_shock {
        errors.extend(SHOCK_FIELDS.iter().filter_map(|f| f.check((f.get)(scenario)).err()));
        // Only when both are in their own ranges: otherwise those errors already say it.
        let both_in_range =
            SHOCK_YEAR.check(f64::from(shock.year)).is_ok() && YEARS.check(f64::from(scenario.years)).is_ok();
        if both_in_range && shock.year > scenario.years {
            errors.push(FieldError::new(
                "speculation_shock.year",
                f64::from(shock.year),
                &format!("a whole number between 1 and years = {}", scenario.years),
                &format!("within the horizon, year 1 to {}", scenario.years),
                format!("year {}", shock.year),
            ));
        }
    }
    errors.extend(super::validate_supply::supply_errors(scenario));
    errors
}

/// `Ok` when the scenario can be projected, otherwise every field error found.
pub fn validate(scenario: &Scenario) -> Result<(), ScenarioError> {
    let errors = field_errors(scenario);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ScenarioError::Invalid(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::SpeculationShock;

    fn check(edit: impl FnOnce(&mut Scenario), want_fields: &[&str]) {
        let mut s = Scenario::default();
        edit(&mut s);
        let got: Vec<String> = field_errors(&s).into_iter().map(|e| e.field).collect();
        assert_eq!(got, want_fields);
    }

    #[test]
    fn ranges_are_enforced_by_field() {
        check(|_| {}, &[]);
        check(|s| s.burn_share = 1.5, &["burn_share"]);
        check(|s| s.burn_share = f64::NAN, &["burn_share"]);
        check(|s| s.fee_growth = -1.0, &["fee_growth"]);
        check(|s| s.fee_growth = -0.999, &[]);
        check(|s| s.years = 0, &["years"]);
        check(|s| s.years = 51, &["years"]);
        check(|s| s.initial_supply = f64::INFINITY, &["initial_supply"]);
        check(|s| s.price_growth = -0.99, &[]);
        check(|s| (s.burn_share, s.staker_share) = (0.8, 0.3), &["staker_share"]);
        check(|s| (s.burn_share, s.turnover) = (-1.0, -1.0), &["burn_share", "turnover"]);
        check(|s| s.paths = 0, &["paths"]);
        check(|s| s.paths = 100_001, &["paths"]);
        check(|s| s.speculation_shock = Some(Default::default()), &[]);
        let late = SpeculationShock { year: 11, ..Default::default() };
        check(|s| s.speculation_shock = Some(late), &["speculation_shock.year"]);
        let wild = SpeculationShock { year: 2, turnover_drop: 1.5, price_drop: 1.0 };
        check(
            |s| s.speculation_shock = Some(wild),
            &["speculation_shock.turnover_drop", "speculation_shock.price_drop"],
        );
    }

    #[test]
    fn message_names_field_value_and_range() {
        let mut s = Scenario { burn_share: 1.5, ..Scenario::default() };
        let e = &field_errors(&s)[0];
        assert_eq!(e.to_string(), "burn_share must be between 0 and 1 (got 1.5)");
        assert_eq!(e.shown(), "Must be between 0 % and 100 %; got 150 %.");
        s.burn_share = f64::INFINITY;
        assert_eq!(field_errors(&s)[0].to_string(), "burn_share must be a finite number between 0 and 1 (got inf)");
    }
}
