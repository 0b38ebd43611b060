//! # Consumption Lab engine
//!
//! The projection model behind Consumption Lab: given a protocol's token design (a [`Scenario`]),
//! project month by month how token supply changes and where the value of protocol fees goes.
//!
//! The code is laid out by stage, each folder importing only from the ones before it:
//!
//! ```text
//!  scenario/   a design: fields, ranges, rules, validation, JSON reading, errors
//!      │  Scenario ──validate──►
//!  model/      Model (monthly constants) ─ step() × 12·years: price → fee split → burn → mint
//!      │  Month rows, Summary
//!  analysis/   Projection (months + summary + lenses), Jevons, Monte Carlo, sensitivity sweep
//!      │
//!  formats/    CSV and JSON exports, share links, presets, the one JSON reader
//!      │
//!  wire/       the compute worker's requests and answers (nothing else imports it)
//! ```
//!
//! The engine is plain Rust: no I/O, no clock, no randomness that is not seeded from the scenario,
//! no web dependency. It compiles natively (CLI, tests, benchmarks) and to `wasm32` (the app), and
//! the same scenario gives the same numbers on both. Every equation is in `docs/model.md`.
//!
//! The public paths below are what the app, the command line and the worker use; everything
//! else is private to its stage.

mod analysis;
mod formats;
mod model;
mod scenario;
pub mod wire;

pub use analysis::projection::{project, Projection};
pub use analysis::{calibration, jevons, lenses, montecarlo, sweep, unlocks, warnings};
pub use formats::{export, json, presets};

/// Share links: the design on screen, and design A when one is pinned.
pub mod link {
    pub use crate::formats::link::*;
    pub use crate::formats::link_pin::*;
    pub use crate::formats::link_view::*;
}
pub use model::{summarize, Model, Month, Summary};
pub use scenario::error::{FieldError, ScenarioError};
pub use scenario::supply::default_allocations;
pub use scenario::validate::{field_errors, validate};
pub use scenario::{number, rules};
pub use scenario::{Allocation, CalendarMonth, Change, Emission, EmissionSchedule};

/// Every numeric field, with its key, label, unit and allowed range.
pub mod fields {
    pub use crate::scenario::fields::*;
    pub use crate::scenario::supply_fields::*;
}
pub use scenario::{
    DepthBasis, FeeDenomination, Governance, PriceModel, Scenario, SpeculationShock, StakeBasis, ValuationBasis,
    YieldSource, VERSION,
};

/// The model's insides, for the benchmarks and the tests of its laws: the monthly step and its
/// state. Not for the app.
pub mod step {
    pub use crate::model::{run, step, State};
}
