//! Typed errors: what was wrong, with which field, and what would have been allowed.
//! The engine never panics on bad input; every path that can fail returns one of these.

use super::number::trim;
use std::fmt;

/// One field that failed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// The JSON key, e.g. `burn_share`, or `speculation_shock.year` for nested fields.
    pub field: String,
    /// The rejected value as given.
    pub value: f64,
    /// The allowed range in the JSON's own numbers ("between 0 and 1").
    pub allowed: String,
    /// The allowed range in the unit the app shows ("between 0 % and 100 %").
    pub allowed_shown: String,
    /// The rejected value in the unit the app shows ("150 %").
    pub value_shown: String,
}

impl FieldError {
    /// `field`'s `value` is not allowed: it must be `allowed` (in the JSON's numbers) or, as the
    /// app shows it, `allowed_shown`; the value as shown is `value_shown`. A value outside a
    /// field's range and a broken rule between fields (shares over 1) are both this.
    pub fn new(field: &str, value: f64, allowed: &str, allowed_shown: &str, value_shown: String) -> Self {
        Self {
            field: field.to_owned(),
            value,
            allowed: allowed.to_owned(),
            allowed_shown: allowed_shown.to_owned(),
            value_shown,
        }
    }

    /// Whether the rejected value is text, not a number (a name, a field key): `value` is NaN
    /// and `value_shown` quotes what was given.
    fn is_text(&self) -> bool {
        self.value.is_nan() && self.value_shown.starts_with('"')
    }

    /// The message for a person looking at the app's control, in the units it shows.
    pub fn shown(&self) -> String {
        if self.value.is_finite() || self.is_text() {
            format!("Must be {}; got {}.", self.allowed_shown, self.value_shown)
        } else {
            format!("Must be a finite number {}; got {}.", self.allowed_shown, trim(self.value))
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_text() {
            write!(f, "{} must be {} (got {})", self.field, self.allowed, self.value_shown)
        } else if self.value.is_finite() {
            write!(f, "{} must be {} (got {})", self.field, self.allowed, trim(self.value))
        } else {
            write!(f, "{} must be a finite number {} (got {})", self.field, self.allowed, self.value)
        }
    }
}

/// Why a scenario could not be projected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScenarioError {
    /// The JSON (or query string) could not be read into a scenario at all.
    #[error("{0}")]
    Parse(String),
    /// One or more fields are outside their allowed range.
    #[error("{}", join(.0))]
    Invalid(Vec<FieldError>),
    /// A quantity left the range of 64-bit floats during the projection.
    #[error("{quantity} overflowed at month {month} (year {year}): the scenario's numbers grow beyond what can be computed; shorten the horizon or lower the growth")]
    Overflow {
        /// 1-based month at which the first non-finite value appeared.
        month: u32,
        /// 1-based year of that month.
        year: u32,
        /// Name of the first non-finite quantity (a projection column).
        quantity: &'static str,
    },
}

impl ScenarioError {
    /// The field errors, if this is a validation failure.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            ScenarioError::Invalid(errors) => errors,
            _ => &[],
        }
    }
}

fn join(errors: &[FieldError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}
