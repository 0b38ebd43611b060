//! The numeric fields of where supply comes from, beside the main table (`fields.rs`): the
//! emission schedule's parameters and the cap (scenario fields with dotted or optional keys), the
//! columns of an allocation row, and which fields a change may set.

use super::fields::{NumericField, Unit, NUMERIC_FIELDS, SHOCK_FIELDS};
use super::supply::Allocation;
use super::Scenario;

macro_rules! emission {
    ($key:ident, $label:expr, $unit:expr, $min:expr, $max:expr) => {
        NumericField {
            key: concat!("emission.", stringify!($key)),
            label: $label,
            unit: $unit,
            min: $min,
            min_inclusive: true,
            max: $max,
            integer: false,
            get: |s| s.emission.$key,
            set: |s, v| s.emission.$key = v,
        }
    };
}

/// `emission.initial_rate`: the disinflation schedule's rate in year 1.
pub static INITIAL_RATE: NumericField = emission!(initial_rate, "Initial inflation", Unit::Fraction, 0.0, 1.0);
/// `emission.decline`: the share the rate falls each year.
pub static DECLINE: NumericField = emission!(decline, "Yearly decline", Unit::Fraction, 0.0, 1.0);
/// `emission.floor`: the rate it never falls below.
pub static FLOOR: NumericField = emission!(floor, "Long-term rate", Unit::Fraction, 0.0, 1.0);
/// `emission.tokens_per_year`: the halving schedule's first issuance.
pub static TOKENS_PER_YEAR: NumericField = emission!(tokens_per_year, "Tokens a year", Unit::Tokens, 0.0, 1e15);
/// `emission.halving_years`: years between halvings.
pub static HALVING_YEARS: NumericField = emission!(halving_years, "Halving every", Unit::Years, 0.25, 50.0);
/// `emission.sqrt_factor`: tokens a year per square root of the stake.
pub static SQRT_FACTOR: NumericField = emission!(sqrt_factor, "Issuance factor", Unit::Multiple, 0.0, 1e6);
/// `emission.tokens_per_month`: the fixed schedule's issuance.
pub static TOKENS_PER_MONTH: NumericField = emission!(tokens_per_month, "Tokens a month", Unit::Tokens, 0.0, 1e15);

/// The emission schedule's parameters, always checked (each is used by one schedule).
pub static EMISSION_FIELDS: &[&NumericField] =
    &[&INITIAL_RATE, &DECLINE, &FLOOR, &TOKENS_PER_YEAR, &HALVING_YEARS, &SQRT_FACTOR, &TOKENS_PER_MONTH];

/// `max_supply`, checked when set (and to be at least the initial supply). Reading gives 0 when
/// there is no cap; writing sets one.
pub static MAX_SUPPLY: NumericField = NumericField {
    key: "max_supply",
    label: "Maximum supply",
    unit: Unit::Tokens,
    min: 1.0,
    min_inclusive: true,
    max: 1e15,
    integer: false,
    get: |s| s.max_supply.unwrap_or(0.0),
    set: |s, v| s.max_supply = Some(v),
};

macro_rules! column {
    ($key:ident, $label:expr, $unit:expr, $max:expr, $integer:expr) => {
        NumericField {
            key: stringify!($key),
            label: $label,
            unit: $unit,
            min: 0.0,
            min_inclusive: true,
            max: $max,
            integer: $integer,
            get: |a| a.$key as f64,
            set: |a, v| a.$key = v as _,
        }
    };
}

/// The numeric columns of an allocation row.
pub static ALLOCATION_FIELDS: &[NumericField<Allocation>] = &[
    column!(share, "Share of supply", Unit::Fraction, 1.0, false),
    column!(unlocked_at_launch, "Unlocked at launch", Unit::Fraction, 1.0, false),
    column!(cliff_months, "Cliff", Unit::Months, 600.0, true),
    column!(vesting_months, "Vesting", Unit::Months, 600.0, true),
    column!(sold_share, "Sold on unlock", Unit::Fraction, 1.0, false),
];

/// Most buckets a table may have.
pub const MAX_ALLOCATIONS: usize = 20;
/// Most changes a design may have.
pub const MAX_CHANGES: usize = 50;

/// Fields a change may set: the design's levers, not what fixes the run itself (horizon, initial
/// supply and price, Monte Carlo settings) or what only values it (discount rate).
pub fn changeable(key: &str) -> Option<&'static NumericField> {
    const FIXED: &[&str] =
        &["years", "initial_supply", "initial_price_usd", "paths", "growth_volatility", "discount_rate"];
    NUMERIC_FIELDS.iter().chain(EMISSION_FIELDS).copied().find(|f| f.key == key && !FIXED.contains(&f.key))
}

/// The scenario field with this key, if it is numeric: the main table, the shock's and the
/// emission's dotted keys, and `max_supply`.
pub fn numeric_field(key: &str) -> Option<&'static NumericField> {
    NUMERIC_FIELDS
        .iter()
        .chain(SHOCK_FIELDS)
        .chain(EMISSION_FIELDS)
        .copied()
        .chain([&MAX_SUPPLY])
        .find(|f| f.key == key)
}

impl Scenario {
    /// The months where a change takes effect, in order, each once. Found by repeated minimum
    /// rather than a sort: a list holds at most 50 changes, and the page's module then links no
    /// sorting code (about 4 KB gzipped).
    pub fn change_months(&self) -> Vec<u32> {
        let mut months = Vec::new();
        let mut last = 0;
        while let Some(next) = self.changes.iter().map(|c| c.month).filter(|&m| m > last).min() {
            months.push(next);
            last = next;
        }
        months
    }

    /// The design as it stands in `month`: every change up to then applied, in the order of the
    /// list within a month (a later row wins), and no changes left. A change naming a field no
    /// change may set is skipped (validation reports it).
    pub fn at_month(&self, month: u32) -> Self {
        let mut at = Self { changes: Vec::new(), ..self.clone() };
        for m in self.change_months().into_iter().take_while(|&m| m <= month) {
            for c in self.changes.iter().filter(|c| c.month == m) {
                if let Some(field) = changeable(&c.field) {
                    (field.set)(&mut at, c.value);
                }
            }
        }
        at
    }
}
