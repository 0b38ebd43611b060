//! Validation of where supply comes from: the cap, the emission's parameters, each row of the
//! allocation table and of the changes. Errors name the row and the field
//! (`allocations[2].cliff_months`), and the allowed range in the units the app shows.

use super::error::FieldError;
use super::fields::{NumericField, YEARS};
use super::number::trim;
use super::rules::{shares_rule, SHARES_OF_TAKE};
use super::supply_fields::{changeable, ALLOCATION_FIELDS, EMISSION_FIELDS, MAX_ALLOCATIONS, MAX_CHANGES, MAX_SUPPLY};
use super::Scenario;

/// A field's range error, renamed to the row's path.
fn at<T>(path: String, spec: &NumericField<T>, value: f64) -> Option<FieldError> {
    spec.check(value).err().map(|e| FieldError { field: path, ..e })
}

/// Every problem with the cap, the emission, the allocations and the changes.
pub fn supply_errors(s: &Scenario) -> Vec<FieldError> {
    let months = s.months();
    let mut errors: Vec<FieldError> = EMISSION_FIELDS.iter().filter_map(|f| f.check((f.get)(s)).err()).collect();
    if let Some(cap) = s.max_supply {
        errors.extend(MAX_SUPPLY.check(cap).err());
        if MAX_SUPPLY.check(cap).is_ok() && cap < s.initial_supply {
            errors.push(FieldError::new(
                "max_supply",
                cap,
                &format!("at least initial_supply = {}", trim(s.initial_supply)),
                &format!("at least the initial supply, {} tokens", trim(s.initial_supply)),
                format!("{} tokens", trim(cap)),
            ));
        }
    }
    errors.extend(allocation_errors(s, months));
    errors.extend(change_errors(s, months));
    errors
}

fn allocation_errors(s: &Scenario, months: u32) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let n = s.allocations.len();
    if n > MAX_ALLOCATIONS {
        let (allowed, shown) =
            (format!("at most {MAX_ALLOCATIONS} buckets"), format!("at most {MAX_ALLOCATIONS} rows"));
        errors.push(FieldError::new("allocations", n as f64, &allowed, &shown, format!("{n} rows")));
    }
    for (i, a) in s.allocations.iter().enumerate() {
        let chars = a.name.chars().count();
        if chars == 0 || chars > 40 || a.name.trim().is_empty() {
            let value = format!("\"{}\"", a.name);
            let path = format!("allocations[{i}].name");
            errors.push(FieldError::new(&path, f64::NAN, "1 to 40 characters", "a name of 1 to 40 characters", value));
        }
        for f in ALLOCATION_FIELDS {
            errors.extend(at(format!("allocations[{i}].{}", f.key), f, (f.get)(a)));
        }
        if a.cliff_months > months && a.cliff_months <= 600 && YEARS.check(f64::from(s.years)).is_ok() {
            errors.push(FieldError::new(
                &format!("allocations[{i}].cliff_months"),
                f64::from(a.cliff_months),
                &format!("at most the horizon, 12 · years = {months}"),
                &format!("at most the horizon, {months} months"),
                format!("{} months", a.cliff_months),
            ));
        }
    }
    let total: f64 = s.allocations.iter().map(|a| a.share).sum();
    let rows_ok = errors.is_empty();
    if n > 0 && rows_ok && (total - 1.0).abs() > 1e-9 {
        errors.push(FieldError::new(
            "allocations",
            total,
            "shares that sum to 1",
            "shares that sum to 100 %",
            format!("{} % in all", trim(total * 100.0)),
        ));
    }
    errors
}

fn change_errors(s: &Scenario, months: u32) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if s.changes.len() > MAX_CHANGES {
        let n = s.changes.len();
        errors.push(FieldError::new(
            "changes",
            n as f64,
            &format!("at most {MAX_CHANGES} changes"),
            &format!("at most {MAX_CHANGES} rows"),
            format!("{n} rows"),
        ));
    }
    for (i, c) in s.changes.iter().enumerate() {
        if c.month < 1 || (c.month > months && YEARS.check(f64::from(s.years)).is_ok()) {
            errors.push(FieldError::new(
                &format!("changes[{i}].month"),
                f64::from(c.month),
                &format!("a whole number between 1 and 12 · years = {months}"),
                &format!("a month of the horizon, 1 to {months}"),
                format!("month {}", c.month),
            ));
        }
        match changeable(&c.field) {
            Some(spec) => errors.extend(at(format!("changes[{i}].value"), spec, c.value)),
            None => errors.push(FieldError::new(
                &format!("changes[{i}].field"),
                f64::NAN,
                "a design field a change may set, such as protocol_take, burn_share or emission.initial_rate",
                "a design lever (not the horizon, the launch supply or price, or a Monte Carlo setting)",
                format!("\"{}\"", c.field),
            )),
        }
    }
    if errors.is_empty() {
        errors.extend(phase_errors(s));
    }
    errors
}

/// Rules across fields in every phase: a change to a share of the take must leave the shares
/// summing to at most 1 with the others as they then stand. Blamed on the last change to a share
/// in force at the phase's start.
fn phase_errors(s: &Scenario) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for month in s.change_months() {
        let at = s.at_month(month);
        let blamed =
            s.changes.iter().enumerate().filter(|(_, c)| c.month <= month).rev().find_map(|(i, c)| {
                SHARES_OF_TAKE.iter().find(|f| f.key == c.field && c.month == month).map(|f| (i, *f))
            });
        let Some((i, field)) = blamed else { continue };
        if let Some(e) = shares_rule(&at, field) {
            let path = format!("changes[{i}].value");
            if errors.iter().all(|known: &FieldError| known.field != path) {
                errors.push(FieldError {
                    field: path,
                    allowed: format!("{} from month {month}", e.allowed),
                    allowed_shown: format!("{} from month {month}", e.allowed_shown),
                    ..e
                });
            }
        }
    }
    errors
}
