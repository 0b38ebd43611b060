//! The compute worker's messages: what the page asks for ([`Request`], sent as JSON) and what
//! comes back ([`Response`], sent as a [`Frame`](super::frame::Frame)).

use crate::analysis::montecarlo::{Band, Distribution, MonteCarlo};
use crate::analysis::sweep::SweepAxis;
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// What a sweep's heatmap colours each cell by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// `final_supply / initial_supply − 1`.
    #[default]
    NetSupplyChange,
    /// `final_price_usd / initial_price_usd − 1`.
    PriceChange,
}

impl Measure {
    /// The measure of one cell's figures.
    pub fn of(self, cell: &crate::analysis::sweep::CellSummary) -> f64 {
        match self {
            Measure::NetSupplyChange => cell.net_supply_change,
            Measure::PriceChange => cell.price_change,
        }
    }
}

/// Which file an export job writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// The monthly projection as CSV (`export::csv`), the same bytes as `consumption-lab project`.
    Csv,
    /// Scenario, months, summary and lenses as pretty JSON (`export::json`).
    Json,
    /// The design alone as pretty JSON ([`Scenario::to_json_pretty`]): what `--scenario FILE` and
    /// the app's import read.
    Scenario,
}

/// What the page asks the worker for. `id` numbers the request and comes back with its answer.
///
/// Externally tagged (`{"sweep": {...}}`), serde's default: an internally tagged enum
/// (`{"kind": "sweep", ...}`) is read through serde's buffering of the whole object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// A two-field sensitivity sweep of net supply change.
    Sweep {
        /// Request number.
        id: u32,
        /// Base design.
        scenario: Scenario,
        /// Horizontal axis.
        x: SweepAxis,
        /// Vertical axis.
        y: SweepAxis,
        /// What the cells are coloured by.
        #[serde(default)]
        measure: Measure,
    },
    /// A Monte Carlo run of the scenario (its `paths` and `seed`).
    MonteCarlo {
        /// Request number.
        id: u32,
        /// The design.
        scenario: Scenario,
    },
    /// An export file of the scenario's projection.
    Export {
        /// Request number.
        id: u32,
        /// The design.
        scenario: Scenario,
        /// Which file.
        format: ExportFormat,
    },
    /// Why an imported file is not a design, in a person's words
    /// ([`ScenarioError::in_words`](crate::ScenarioError::in_words)), answered as an error that
    /// names the file. The page reads files itself and asks only for a bad one's words, which
    /// then live in the worker's module, not the page's.
    Explain {
        /// Request number.
        id: u32,
        /// The file's name.
        name: String,
        /// The file's text.
        text: String,
    },
}

/// A measure over a grid, row-major (`y` outer, `x` inner), for drawing a heatmap.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    /// Field key on the x axis.
    pub x_field: String,
    /// Field key on the y axis.
    pub y_field: String,
    /// What `values` measure.
    pub measure: Measure,
    /// The x axis values.
    pub xs: Vec<f64>,
    /// The y axis values.
    pub ys: Vec<f64>,
    /// The measure per cell; `None` where the combination is invalid or overflows.
    pub values: Vec<Option<f64>>,
}

/// What the page draws of a Monte Carlo run: the [`MonteCarlo`] result without the scenario and
/// seed it was asked for (the page knows them by the request's id). Leaving the scenario out
/// matters for size: the page's module then needs no second way to read a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct MonteCarloBands {
    /// One band per month, month 1 first.
    pub months: Vec<Band>,
    /// Supply at the end of the horizon across paths, tokens.
    pub final_supply: Distribution,
    /// Share of paths whose final supply is strictly below the initial supply, 0..=1.
    pub probability_supply_below_start: f64,
}

impl From<MonteCarlo> for MonteCarloBands {
    fn from(mc: MonteCarlo) -> Self {
        MonteCarloBands {
            months: mc.months,
            final_supply: mc.final_supply,
            probability_supply_below_start: mc.probability_supply_below_start,
        }
    }
}

/// The worker's answer (sent as a [`Frame`](super::frame::Frame)).
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// A sweep's heatmap.
    Sweep {
        /// The request answered.
        id: u32,
        /// The grid.
        heatmap: Heatmap,
    },
    /// A Monte Carlo run.
    MonteCarlo {
        /// The request answered.
        id: u32,
        /// The bands and distribution.
        result: Box<MonteCarloBands>,
    },
    /// An export file's text.
    Export {
        /// The request answered.
        id: u32,
        /// Which file.
        format: ExportFormat,
        /// Its contents.
        text: String,
    },
    /// Why the request could not be answered.
    Error {
        /// The request answered.
        id: u32,
        /// The engine's message.
        message: String,
    },
}

impl Response {
    /// The number of the request this answers (0 when the request could not be read).
    pub fn id(&self) -> u32 {
        match self {
            Response::Sweep { id, .. }
            | Response::MonteCarlo { id, .. }
            | Response::Export { id, .. }
            | Response::Error { id, .. } => *id,
        }
    }
}
