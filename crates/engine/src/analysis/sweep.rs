//! Sensitivity sweep: the design's summary over a grid of two numeric fields.
//!
//! Each axis is one field of [`NUMERIC_FIELDS`] from `min` to `max` in `steps` evenly spaced
//! values, endpoints included ([`SweepAxis::values`]; whole-number fields such as `years` rounded). Every cell is the
//! base scenario with both fields set, validated and summarised without storing its months
//! ([`summarize`]). A cell whose combination is invalid (burn and staker shares over 1) or
//! overflows records the error and the sweep goes on. See `docs/model.md`, "Sensitivity sweep".

use crate::model::summarize;
use crate::model::summary::Summary;
use crate::scenario::error::{FieldError, ScenarioError};
use crate::scenario::fields::{NumericField, NUMERIC_FIELDS};
use crate::scenario::validate::validate;
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Fewest values on an axis.
pub const MIN_STEPS: u32 = 2;
/// Most values on an axis (a 512 × 512 grid is 262,144 projections).
pub const MAX_STEPS: u32 = 512;

/// Why a sweep could not be set up. Per-cell problems are not errors: see [`Cell::error`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SweepError {
    /// The axis text is not four `:`-separated parts.
    #[error("axis {spec:?} must be FIELD:MIN:MAX:N, e.g. burn_share:0:0.7:64")]
    Format {
        /// The text given.
        spec: String,
    },
    /// The field is not a numeric scenario field.
    #[error("unknown field {field:?} for an axis; the numeric fields are: {valid}")]
    UnknownField {
        /// The key given.
        field: String,
        /// Every key that would have been accepted, comma-separated.
        valid: String,
    },
    /// MIN or MAX is not a number.
    #[error("{bound} of the {field} axis is not a number (got {text:?})")]
    Number {
        /// The axis' field.
        field: String,
        /// `MIN` or `MAX`.
        bound: &'static str,
        /// The text given.
        text: String,
    },
    /// N is not a whole number in `MIN_STEPS..=MAX_STEPS`.
    #[error("N of the {field} axis must be a whole number between {MIN_STEPS} and {MAX_STEPS} (got {text:?})")]
    Steps {
        /// The axis' field.
        field: String,
        /// The text given.
        text: String,
    },
    /// MIN or MAX is outside the field's allowed range.
    #[error("{bound} of the {} axis is out of range: {error}", .error.field)]
    Range {
        /// `MIN` or `MAX`.
        bound: &'static str,
        /// The field's own range error.
        error: FieldError,
    },
    /// Both axes name the same field.
    #[error("both axes sweep {0}; choose two different fields")]
    SameField(String),
    /// The base scenario itself is invalid.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
}

/// One axis of the grid: `steps` values of `field` from `min` to `max`, both included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepAxis {
    /// The JSON key of a numeric scenario field ([`NUMERIC_FIELDS`]).
    pub field: String,
    /// First value.
    pub min: f64,
    /// Last value (may be below `min`: the axis then runs downwards).
    pub max: f64,
    /// Number of values, `MIN_STEPS..=MAX_STEPS`.
    pub steps: u32,
}

impl SweepAxis {
    /// An axis, checked: a known field, both ends within the field's allowed range (whole numbers
    /// for whole-number fields), and `steps` in `MIN_STEPS..=MAX_STEPS`.
    pub fn new(field: &str, min: f64, max: f64, steps: u32) -> Result<Self, SweepError> {
        let axis = Self { field: field.to_owned(), min, max, steps };
        axis.check()?;
        Ok(axis)
    }

    /// Read `FIELD:MIN:MAX:N`, e.g. `burn_share:0:0.7:64` or `fee_growth:-0.5:1:64`.
    pub fn parse(spec: &str) -> Result<Self, SweepError> {
        let parts: Vec<&str> = spec.trim().split(':').collect();
        let [field, min, max, steps] = parts[..] else {
            return Err(SweepError::Format { spec: spec.to_owned() });
        };
        let field = field.trim();
        numeric(field)?;
        let number = |bound: &'static str, text: &str| {
            crate::scenario::number::parse(text.trim()).ok_or_else(|| SweepError::Number {
                field: field.to_owned(),
                bound,
                text: text.to_owned(),
            })
        };
        let (min, max) = (number("MIN", min)?, number("MAX", max)?);
        let steps = u32::from_str(steps.trim())
            .map_err(|_| SweepError::Steps { field: field.to_owned(), text: steps.to_owned() })?;
        Self::new(field, min, max, steps)
    }

    /// The field this axis sweeps, once the axis is known to be valid.
    pub fn check(&self) -> Result<&'static NumericField, SweepError> {
        let spec = numeric(&self.field)?;
        for (bound, value) in [("MIN", self.min), ("MAX", self.max)] {
            spec.check(value).map_err(|error| SweepError::Range { bound, error })?;
        }
        if !(MIN_STEPS..=MAX_STEPS).contains(&self.steps) {
            return Err(SweepError::Steps { field: self.field.clone(), text: self.steps.to_string() });
        }
        Ok(spec)
    }

    /// The axis' values: `min + (max − min) · i / (steps − 1)` for `i = 0 … steps − 1`, the first
    /// exactly `min` and the last exactly `max`. The ones between are rounded to 15 significant
    /// digits, so that `burn_share:0:0.7:8` steps through 0.1, 0.2, … as a person writes them
    /// rather than 0.09999999999999999, and to whole numbers for whole-number fields.
    /// Empty if the axis is invalid.
    pub fn values(&self) -> Vec<f64> {
        let Ok(spec) = self.check() else {
            return Vec::new();
        };
        let (lo, hi) = (self.min.min(self.max), self.min.max(self.max));
        let last = self.steps - 1;
        (0..self.steps)
            .map(|i| {
                let v = if i == 0 {
                    self.min
                } else if i == last {
                    self.max
                } else {
                    let v = self.min + (self.max - self.min) * f64::from(i) / f64::from(last);
                    crate::scenario::number::parse(&format!("{v:.14e}")).unwrap_or(v).clamp(lo, hi)
                };
                if spec.integer {
                    v.round()
                } else {
                    v
                }
            })
            .collect()
    }
}

impl FromStr for SweepAxis {
    type Err = SweepError;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        Self::parse(spec)
    }
}

impl fmt::Display for SweepAxis {
    /// `FIELD:MIN:MAX:N`, which [`SweepAxis::parse`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}:{}", self.field, self.min, self.max, self.steps)
    }
}

/// The numeric field with this key, or an error listing every key.
fn numeric(key: &str) -> Result<&'static NumericField, SweepError> {
    NUMERIC_FIELDS.iter().find(|f| f.key == key).copied().ok_or_else(|| SweepError::UnknownField {
        field: key.to_owned(),
        valid: NUMERIC_FIELDS.iter().map(|f| f.key).collect::<Vec<_>>().join(", "),
    })
}

/// The headline figures of one cell's projection.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CellSummary {
    /// `final_supply / initial_supply − 1`.
    pub net_supply_change: f64,
    /// Supply at the end of the horizon, tokens.
    pub final_supply: f64,
    /// Tokens burned over the horizon.
    pub cumulative_burned: f64,
    /// Share of cumulative fees that reached holders (burned value plus staker revenue).
    pub value_capture_ratio: f64,
    /// Value leaked to third parties over the horizon, USD.
    pub leaked_usd: f64,
    /// Price in the last month, USD.
    pub final_price_usd: f64,
    /// `final_price_usd / initial_price_usd − 1`.
    pub price_change: f64,
}

impl CellSummary {
    /// The figures of a summary of a design that launched at `initial_price_usd`.
    fn of(s: &Summary, initial_price_usd: f64) -> Self {
        Self {
            net_supply_change: s.net_supply_change,
            final_supply: s.final_supply,
            cumulative_burned: s.cumulative_burned,
            value_capture_ratio: s.value_capture_ratio,
            leaked_usd: s.leaked_usd,
            final_price_usd: s.final_price_usd,
            price_change: s.final_price_usd / initial_price_usd - 1.0,
        }
    }
}

/// One grid point: the two swept values and either the summary or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// Value of the x axis' field.
    pub x: f64,
    /// Value of the y axis' field.
    pub y: f64,
    /// The projection's headline figures; `None` when `error` says why not.
    pub summary: Option<CellSummary>,
    /// Why this combination could not be projected (invalid together, or overflow).
    pub error: Option<String>,
}

/// A sweep over two fields of a base scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sweep {
    /// The base scenario; every cell is this with the two swept fields changed.
    pub scenario: Scenario,
    /// The horizontal axis.
    pub x: SweepAxis,
    /// The vertical axis.
    pub y: SweepAxis,
    /// Row-major, `y` outer and `x` inner: the cell for x value `i` and y value `j` is
    /// `cells[j * x.steps + i]`.
    pub cells: Vec<Cell>,
}

impl Sweep {
    /// The cell at x value `i` and y value `j`.
    pub fn cell(&self, i: usize, j: usize) -> Option<&Cell> {
        if i < self.x.steps as usize {
            self.cells.get(j * self.x.steps as usize + i)
        } else {
            None
        }
    }
}

/// Validate the base scenario and both axes, then summarise every cell of the grid.
pub fn sweep(scenario: &Scenario, x: &SweepAxis, y: &SweepAxis) -> Result<Sweep, SweepError> {
    validate(scenario)?;
    let (fx, fy) = (x.check()?, y.check()?);
    if fx.key == fy.key {
        return Err(SweepError::SameField(fx.key.to_owned()));
    }
    let (xs, ys) = (x.values(), y.values());
    let points: Vec<(f64, f64)> = ys.iter().flat_map(|&yv| xs.iter().map(move |&xv| (xv, yv))).collect();
    let cell = |&(xv, yv): &(f64, f64)| {
        let mut cell = scenario.clone();
        (fx.set)(&mut cell, xv);
        (fy.set)(&mut cell, yv);
        // A horizon shorter than the shock year moves the shock to the last year, as everywhere.
        cell.clamp_shock_to_horizon();
        let (summary, error) = match summarize(&cell) {
            Ok(s) => (Some(CellSummary::of(&s, cell.initial_price_usd)), None),
            Err(e) => (None, Some(e.to_string())),
        };
        Cell { x: xv, y: yv, summary, error }
    };
    // Cells are independent: on every core with the `parallel` feature, in the same order.
    #[cfg(feature = "parallel")]
    let cells = {
        use rayon::prelude::*;
        points.par_iter().map(cell).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let cells = points.iter().map(cell).collect();
    Ok(Sweep { scenario: scenario.clone(), x: x.clone(), y: y.clone(), cells })
}
