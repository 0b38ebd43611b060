//! Jobs for the app's compute worker: work that does not belong on the page's main thread, either
//! because it is heavy (the sensitivity sweep, big Monte Carlo runs) or because only a click needs
//! it (the exports). The page sends a [`Request`] as JSON and gets a [`Response`] as a
//! [`Frame`](super::frame::Frame) of text and numbers; [`respond`] is the whole worker.
//!
//! The worker is its own small wasm module (`crates/worker`). Because the page only builds requests
//! and reads responses, the code behind [`answer`] (Monte Carlo, the sweep, the CSV writer, the
//! pretty JSON writer) is linked into the worker and not into the page's module, which keeps the
//! page's first download small. See ARCHITECTURE.md, "Two wasm modules".

use super::frame::{self, Frame};
#[cfg(test)]
use super::messages::Measure;
use super::messages::{ExportFormat, Heatmap, Request, Response};
use crate::analysis::montecarlo::monte_carlo;
use crate::analysis::projection::project;
use crate::analysis::sweep::sweep;
use crate::formats::export;
use crate::scenario::error::ScenarioError;
use crate::scenario::validate::validate;
use crate::scenario::Scenario;

/// Answer one request. Pure: the same code runs in the worker and in native tests.
pub fn answer(request: Request) -> Response {
    match request {
        Request::Sweep { id, scenario, x, y, measure } => match sweep(&scenario, &x, &y) {
            Ok(s) => Response::Sweep {
                id,
                heatmap: Heatmap {
                    x_field: x.field.clone(),
                    y_field: y.field.clone(),
                    measure,
                    xs: x.values(),
                    ys: y.values(),
                    values: s.cells.iter().map(|c| c.summary.as_ref().map(|s| measure.of(s))).collect(),
                },
            },
            Err(e) => Response::Error { id, message: e.to_string() },
        },
        Request::MonteCarlo { id, scenario } => match monte_carlo(&scenario) {
            Ok(result) => Response::MonteCarlo { id, result: Box::new(result.into()) },
            Err(e) => Response::Error { id, message: e.to_string() },
        },
        Request::Export { id, scenario, format } => match export_text(&scenario, format) {
            Ok(text) => Response::Export { id, format, text },
            Err(e) => Response::Error { id, message: e.to_string() },
        },
        Request::Explain { id, name, text } => {
            let why = Scenario::from_import(&text).err().map_or_else(String::new, |e| e.in_words());
            Response::Error { id, message: format!("\"{name}\" was not imported, and nothing changed: {why}") }
        }
    }
}

/// The text of an export file; only a design that validates is written.
fn export_text(scenario: &Scenario, format: ExportFormat) -> Result<String, ScenarioError> {
    Ok(match format {
        ExportFormat::Csv => export::csv(&project(scenario)?.months, scenario.start),
        ExportFormat::Json => export::json(&project(scenario)?) + "\n",
        ExportFormat::Scenario => {
            validate(scenario)?;
            scenario.to_json_pretty() + "\n"
        }
    })
}

/// The worker: a JSON request in, an answer out as a frame. Never panics; an unreadable request
/// gets a [`Response::Error`] with id 0.
pub fn respond(request: &str) -> Frame {
    // Straight from text: the worker has no size budget, and this reader is linked only into it.
    #[allow(clippy::disallowed_methods)]
    let request = serde_json::from_str::<Request>(request);
    let response = match request {
        Ok(r) => answer(r),
        Err(e) => Response::Error { id: 0, message: format!("unreadable request: {e}") },
    };
    frame::encode(&response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sweep::SweepAxis;
    use crate::summarize;

    /// The worker's answer to `json`, read back from its frame.
    fn ask_raw(json: &str) -> Response {
        frame::decode(&respond(json)).unwrap()
    }

    fn ask(request: &Request) -> Response {
        ask_raw(&serde_json::to_string(request).unwrap())
    }

    #[test]
    fn a_sweep_answers_with_a_full_grid_whose_cell_matches_a_direct_projection() {
        let scenario = Scenario::default();
        let x = SweepAxis::new("burn_share", 0.0, 0.7, 8).unwrap();
        let y = SweepAxis::new("fee_growth", -0.5, 1.0, 4).unwrap();
        let Response::Sweep { id, heatmap } =
            ask(&Request::Sweep { id: 7, scenario: scenario.clone(), x, y, measure: Measure::NetSupplyChange })
        else {
            panic!("not a sweep")
        };
        assert_eq!(id, 7);
        assert_eq!(heatmap.values.len(), 32);
        let direct = summarize(&Scenario { burn_share: 0.5, fee_growth: 0.0, ..scenario }).unwrap();
        let i = heatmap.xs.iter().position(|v| (*v - 0.5).abs() < 1e-12).unwrap();
        let j = heatmap.ys.iter().position(|v| v.abs() < 1e-12).unwrap();
        assert_eq!(heatmap.values[j * 8 + i], Some(direct.net_supply_change));
    }

    #[test]
    fn a_monte_carlo_answer_survives_the_trip_exactly() {
        let scenario = Scenario { paths: 50, ..Scenario::default() };
        let Response::MonteCarlo { id, result } = ask(&Request::MonteCarlo { id: 3, scenario: scenario.clone() })
        else {
            panic!("not a Monte Carlo run")
        };
        assert_eq!(id, 3);
        assert_eq!(*result, monte_carlo(&scenario).unwrap().into());
    }

    #[test]
    fn exports_are_the_same_bytes_as_the_direct_exports() {
        let scenario = Scenario { burn_share: 0.4, ..Scenario::default() };
        let p = project(&scenario).unwrap();
        for (format, expected) in [
            (ExportFormat::Csv, export::csv(&p.months, p.scenario.start)),
            (ExportFormat::Json, export::json(&p) + "\n"),
            (ExportFormat::Scenario, scenario.to_json_pretty() + "\n"),
        ] {
            let Response::Export { id, format: f, text } =
                ask(&Request::Export { id: 1, scenario: scenario.clone(), format })
            else {
                panic!("not an export")
            };
            assert_eq!((id, f), (1, format));
            assert_eq!(text, expected);
        }
    }

    #[test]
    fn a_bad_import_is_explained_in_words() {
        let text = r#"{"burn_share": 2}"#.to_owned();
        let Response::Error { id, message } = ask(&Request::Explain { id: 4, name: "bad.json".to_owned(), text })
        else {
            panic!("not an error")
        };
        assert_eq!(id, 4);
        assert_eq!(
            message,
            "\"bad.json\" was not imported, and nothing changed: Burn share must be between 0 % and 100 %; got 200 %."
        );
    }

    #[test]
    fn bad_requests_get_an_error_not_a_panic() {
        assert!(
            matches!(ask_raw("garbage"), Response::Error { id: 0, message } if message.contains("unreadable request"))
        );
        let bad = r#"{"sweep":{"id":1,"scenario":{"version":2},"x":{"field":"burn_share","min":0,"max":5,"steps":4},"y":{"field":"years","min":1,"max":2,"steps":2}}}"#;
        assert!(matches!(ask_raw(bad), Response::Error { id: 1, .. }));
        for format in ["csv", "json", "scenario"] {
            let invalid = format!(
                r#"{{"export":{{"id":2,"scenario":{{"burn_share":0.9,"staker_share":0.9}},"format":"{format}"}}}}"#
            );
            assert!(matches!(ask_raw(&invalid), Response::Error { id: 2, .. }), "{format}");
        }
    }
}
