//! # Consumption Lab engine
//!
//! The projection model behind Consumption Lab: given a protocol's token design (a [`Scenario`]),
//! project month by month how token supply changes and where the value of protocol fees goes.
//!
//! ```text
//!  JSON / query string / app levers
//!              │  Scenario::from_json, fields::NUMERIC_FIELDS
//!              ▼
//!          Scenario ──validate──► Model (monthly constants)
//!                                   │
//!              ┌────────────────────┘  step() × 12·years: price → fee split → burn → mint
//!              ▼
//!      Vec<Month> + Summary = Projection ──► export::csv / export::json
//! ```
//!
//! The engine is plain Rust: no I/O, no clock, no randomness that is not seeded from the scenario,
//! no web dependency. It compiles natively (CLI, tests, benchmarks) and to `wasm32` (the app), and
//! the same scenario gives the same numbers on both. Every equation is in `docs/model.md`.

pub mod burn;
pub mod error;
pub mod export;
pub mod fees;
pub mod fields;
pub mod frame;
pub mod jevons;
pub mod jobs;
pub mod json;
pub mod lenses;
pub mod link;
pub mod model;
pub mod montecarlo;
pub mod month;
pub mod number;
mod parse;
pub mod presets;
pub mod price;
pub mod projection;
pub mod scenario;
pub mod staking;
pub mod step;
pub mod summary;
pub mod sweep;
pub mod validate;

pub use error::{FieldError, ScenarioError};
pub use model::Model;
pub use month::Month;
pub use projection::{project, summarize, Projection};
pub use scenario::{FeeDenomination, PriceModel, Scenario, SpeculationShock, YieldSource};
pub use summary::Summary;
pub use validate::{field_errors, shares_rule, validate};
