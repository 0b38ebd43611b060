//! Metadata for every numeric scenario field: key, label, unit and allowed range.
//!
//! One table serves validation, the app's levers, share links and the sensitivity sweep, so a
//! range is written down exactly once. Getters and setters are plain `fn`s rather than
//! string-keyed lookups into a map, so a renamed field fails to compile instead of at run time.

use crate::scenario::Scenario;

/// The unit a numeric field is expressed in (in JSON it is always the plain number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A share or rate, stored as a fraction (0.05) and shown as a percentage (5 %).
    Fraction,
    /// US dollars.
    Usd,
    /// Token amounts.
    Tokens,
    /// Whole years.
    Years,
    /// A plain multiple (price-to-fees, 25×).
    Multiple,
    /// Times per year (turnover, 12×/yr).
    PerYear,
    /// A plain count.
    Count,
}

impl Unit {
    /// The value as a person would read it in this unit: `0.05` → `5 %`, `2e7` → `20,000,000 USD`.
    pub fn show(self, value: f64) -> String {
        match self {
            Unit::Fraction => format!("{} %", trim(value * 100.0)),
            Unit::Usd => format!("{} USD", trim(value)),
            Unit::Tokens => format!("{} tokens", trim(value)),
            Unit::Years => format!("{} years", trim(value)),
            Unit::Multiple => format!("{}×", trim(value)),
            Unit::PerYear => format!("{}×/yr", trim(value)),
            Unit::Count => trim(value),
        }
    }
}

/// Shortest readable decimal for a value (no `0.30000000000000004`).
pub fn trim(value: f64) -> String {
    if !value.is_finite() {
        return format!("{value}");
    }
    if value != 0.0 && (value.abs() >= 1e16 || value.abs() < 1e-6) {
        return format!("{value:e}");
    }
    let s = format!("{:.6}", value);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// A numeric scenario field with its allowed range.
#[derive(Debug)]
pub struct NumericField {
    /// The JSON / query-string key, snake_case.
    pub key: &'static str,
    /// The label people see in the app.
    pub label: &'static str,
    /// Unit the value is shown in.
    pub unit: Unit,
    /// Lower bound of the allowed range.
    pub min: f64,
    /// Whether `min` itself is allowed (fee growth must be strictly greater than -1).
    pub min_inclusive: bool,
    /// Upper bound of the allowed range, always inclusive.
    pub max: f64,
    /// Whether only whole numbers are allowed (years).
    pub integer: bool,
    /// Reads the field.
    pub get: fn(&Scenario) -> f64,
    /// Writes the field; call only with a value `check` accepted.
    pub set: fn(&mut Scenario, f64),
}

impl NumericField {
    /// `Ok` when `value` is finite, in range and (if needed) whole.
    pub fn check(&'static self, value: f64) -> Result<(), crate::FieldError> {
        let in_range = value.is_finite()
            && (if self.min_inclusive { value >= self.min } else { value > self.min })
            && value <= self.max
            && (!self.integer || value.fract() == 0.0);
        if in_range {
            Ok(())
        } else {
            Err(crate::FieldError::out_of_range(self, value))
        }
    }

    /// The allowed range in words, in the JSON's own numbers: "between 0 and 1".
    pub fn range_text(&self) -> String {
        self.range_with(trim)
    }

    /// The allowed range in words, in the unit people see: "between 0 % and 100 %".
    pub fn range_text_shown(&self) -> String {
        self.range_with(|v| self.unit.show(v))
    }

    fn range_with(&self, show: impl Fn(f64) -> String) -> String {
        let whole = if self.integer { "a whole number " } else { "" };
        if self.min_inclusive {
            format!("{whole}between {} and {}", show(self.min), show(self.max))
        } else {
            format!("{whole}greater than {} and at most {}", show(self.min), show(self.max))
        }
    }
}

macro_rules! field {
    ($key:ident, $label:expr, $unit:expr, $min:expr, $min_incl:expr, $max:expr) => {
        NumericField {
            key: stringify!($key),
            label: $label,
            unit: $unit,
            min: $min,
            min_inclusive: $min_incl,
            max: $max,
            integer: false,
            get: |s| s.$key,
            set: |s, v| s.$key = v,
        }
    };
}

/// Every numeric field of [`Scenario`], in the order the app shows them.
pub static NUMERIC_FIELDS: &[NumericField] = &[
    field!(burn_share, "Burn share", Unit::Fraction, 0.0, true, 1.0),
    field!(staker_share, "Staker share", Unit::Fraction, 0.0, true, 1.0),
    field!(protocol_take, "Protocol take", Unit::Fraction, 0.0, true, 1.0),
    field!(conversion_cost, "Conversion cost", Unit::Fraction, 0.0, true, 1.0),
    field!(target_staking_apr, "Target staking APR", Unit::Fraction, 0.0, true, 1.0),
    field!(staked_fraction, "Staked fraction", Unit::Fraction, 0.0, true, 1.0),
    field!(reward_sell_share, "Reward sell share", Unit::Fraction, 0.0, true, 1.0),
    field!(fee_growth, "Fee growth", Unit::Fraction, -1.0, false, 100.0),
    field!(annual_fees_usd, "Annual fees", Unit::Usd, 0.0, true, 1e15),
    field!(initial_supply, "Initial supply", Unit::Tokens, 1.0, true, 1e15),
    field!(initial_price_usd, "Token price", Unit::Usd, 1e-9, true, 1e9),
    field!(price_growth, "Price growth", Unit::Fraction, -1.0, false, 100.0),
    field!(price_to_fees, "Price-to-fees multiple", Unit::Multiple, 0.1, true, 1000.0),
    field!(turnover, "Turnover", Unit::PerYear, 0.0, true, 1000.0),
    field!(discount_rate, "Discount rate", Unit::Fraction, 0.0, true, 1.0),
    field!(growth_volatility, "Growth volatility", Unit::Fraction, 0.0, true, 2.0),
    NumericField {
        key: "paths",
        label: "Monte Carlo paths",
        unit: Unit::Count,
        min: 1.0,
        min_inclusive: true,
        max: 100_000.0,
        integer: true,
        get: |s| f64::from(s.paths),
        set: |s, v| s.paths = v as u32,
    },
    NumericField {
        key: "years",
        label: "Years",
        unit: Unit::Years,
        min: 1.0,
        min_inclusive: true,
        max: 50.0,
        integer: true,
        get: |s| f64::from(s.years),
        set: |s, v| s.years = v as u32,
    },
];

/// The speculation shock's fields, checked only when a shock is set. Reading gives the default
/// shock's value when there is none; writing creates the shock.
pub static SHOCK_FIELDS: &[NumericField] = &[
    NumericField {
        key: "speculation_shock.year",
        label: "Shock year",
        unit: Unit::Years,
        min: 1.0,
        min_inclusive: true,
        max: 50.0,
        integer: true,
        get: |s| f64::from(s.speculation_shock.unwrap_or_default().year),
        set: |s, v| s.speculation_shock.get_or_insert_default().year = v as u32,
    },
    NumericField {
        key: "speculation_shock.turnover_drop",
        label: "Turnover drop",
        unit: Unit::Fraction,
        min: 0.0,
        min_inclusive: true,
        max: 1.0,
        integer: false,
        get: |s| s.speculation_shock.unwrap_or_default().turnover_drop,
        set: |s, v| s.speculation_shock.get_or_insert_default().turnover_drop = v,
    },
    NumericField {
        key: "speculation_shock.price_drop",
        label: "Price drop",
        unit: Unit::Fraction,
        min: 0.0,
        min_inclusive: true,
        max: 0.99,
        integer: false,
        get: |s| s.speculation_shock.unwrap_or_default().price_drop,
        set: |s, v| s.speculation_shock.get_or_insert_default().price_drop = v,
    },
];

/// The field with this JSON key, if it is numeric (shock fields included, by dotted key).
pub fn numeric_field(key: &str) -> Option<&'static NumericField> {
    NUMERIC_FIELDS.iter().chain(SHOCK_FIELDS).find(|f| f.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_in_range() {
        let s = Scenario::default();
        for f in NUMERIC_FIELDS {
            assert!(f.check((f.get)(&s)).is_ok(), "default of {} out of its range", f.key);
        }
    }

    #[test]
    fn setter_and_getter_agree() {
        for f in NUMERIC_FIELDS {
            let mut s = Scenario::default();
            let v = if f.integer { f.max } else { (f.min + f.max) / 2.0 };
            (f.set)(&mut s, v);
            assert_eq!((f.get)(&s), v, "{}", f.key);
        }
    }

    #[test]
    fn trim_reads_like_a_person_writes() {
        for (v, want) in [(0.3, "0.3"), (0.1 + 0.2, "0.3"), (25.0, "25"), (-0.0, "0"), (1e20, "1e20")] {
            assert_eq!(trim(v), want);
        }
    }
}
