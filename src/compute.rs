//! Heavy work that would not fit in one frame (the sensitivity sweep, big Monte Carlo runs) runs
//! in a Web Worker. The worker (`static/compute-worker.js`) loads this same wasm module and calls
//! [`compute`]; requests and answers are JSON of engine types, so both ends share one contract and
//! no second bundle is shipped.

use consumption_lab_engine::montecarlo::{monte_carlo, MonteCarlo};
use consumption_lab_engine::sweep::{sweep, SweepAxis};
use consumption_lab_engine::Scenario;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// What the page asks the worker for. `id` numbers the request and comes back with its answer
/// (the page keeps only the newest request waiting, and checks what an answer is for by its
/// scenario).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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
    },
    /// A Monte Carlo run of the scenario (its `paths` and `seed`).
    MonteCarlo {
        /// Request number.
        id: u32,
        /// The design.
        scenario: Scenario,
    },
}

/// Net supply change over a grid, row-major (`y` outer, `x` inner), for drawing a heatmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heatmap {
    /// Field key on the x axis.
    pub x_field: String,
    /// Field key on the y axis.
    pub y_field: String,
    /// The x axis values.
    pub xs: Vec<f64>,
    /// The y axis values.
    pub ys: Vec<f64>,
    /// Net supply change per cell; `None` where the combination is invalid or overflows.
    pub values: Vec<Option<f64>>,
}

/// The worker's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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
        result: Box<MonteCarlo>,
    },
    /// Why the request could not be answered.
    Error {
        /// The request answered.
        id: u32,
        /// The engine's message.
        message: String,
    },
}

/// Answer one request. Pure: the same code runs in the worker and in native tests.
pub fn answer(request: Request) -> Response {
    match request {
        Request::Sweep { id, scenario, x, y } => match sweep(&scenario, &x, &y) {
            Ok(s) => Response::Sweep {
                id,
                heatmap: Heatmap {
                    x_field: x.field.clone(),
                    y_field: y.field.clone(),
                    xs: x.values(),
                    ys: y.values(),
                    values: s.cells.iter().map(|c| c.summary.map(|s| s.net_supply_change)).collect(),
                },
            },
            Err(e) => Response::Error { id, message: e.to_string() },
        },
        Request::MonteCarlo { id, scenario } => match monte_carlo(&scenario) {
            Ok(result) => Response::MonteCarlo { id, result: Box::new(result) },
            Err(e) => Response::Error { id, message: e.to_string() },
        },
    }
}

/// The worker's entry point: a JSON request in, a JSON response out.
#[wasm_bindgen]
pub fn compute(request: &str) -> String {
    let response = match serde_json::from_str::<Request>(request) {
        Ok(r) => answer(r),
        Err(e) => Response::Error { id: 0, message: format!("unreadable request: {e}") },
    };
    serde_json::to_string(&response).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sweep_answers_with_a_full_grid_whose_cell_matches_a_direct_projection() {
        let scenario = Scenario::default();
        let x = SweepAxis::new("burn_share", 0.0, 0.7, 8).unwrap();
        let y = SweepAxis::new("fee_growth", -0.5, 1.0, 4).unwrap();
        let json =
            compute(&serde_json::to_string(&Request::Sweep { id: 7, scenario: scenario.clone(), x, y }).unwrap());
        let Ok(Response::Sweep { id, heatmap }) = serde_json::from_str::<Response>(&json) else { panic!("{json}") };
        assert_eq!(id, 7);
        assert_eq!(heatmap.values.len(), 32);
        let direct =
            consumption_lab_engine::summarize(&Scenario { burn_share: 0.5, fee_growth: 0.0, ..scenario }).unwrap();
        let i = heatmap.xs.iter().position(|v| (*v - 0.5).abs() < 1e-12).unwrap();
        let j = heatmap.ys.iter().position(|v| v.abs() < 1e-12).unwrap();
        assert_eq!(heatmap.values[j * 8 + i], Some(direct.net_supply_change));
    }

    #[test]
    fn bad_requests_get_an_error_not_a_panic() {
        assert!(compute("garbage").contains("unreadable request"));
        let bad = r#"{"kind":"sweep","id":1,"scenario":{},"x":{"field":"burn_share","min":0,"max":5,"steps":4},"y":{"field":"years","min":1,"max":2,"steps":2}}"#;
        assert!(compute(bad).contains("\"kind\":\"error\""));
    }
}
