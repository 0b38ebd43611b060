//! Running the model over the horizon: the entry points the app and the command line call.

use crate::error::ScenarioError;
use crate::lenses::{lenses, Lenses};
use crate::model::Model;
use crate::month::Month;
use crate::scenario::Scenario;
use crate::step::{step, State};
use crate::summary::Summary;
use crate::validate::validate;
use serde::{Deserialize, Serialize};

/// A scenario's month-by-month projection and its summary, with the scenario itself so that
/// every export carries the parameters that produced it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Projection {
    /// The scenario projected.
    pub scenario: Scenario,
    /// One row per month, month 1 first.
    pub months: Vec<Month>,
    /// Totals over the horizon.
    pub summary: Summary,
    /// The essay's lenses: scorecard, valuation, speculation shock comparison.
    pub lenses: Lenses,
}

/// Validate `scenario` and project it month by month.
pub fn project(scenario: &Scenario) -> Result<Projection, ScenarioError> {
    validate(scenario)?;
    let model = Model::new(scenario);
    let mut months = Vec::with_capacity(model.months as usize);
    let summary = run(&model, |m| months.push(*m))?;
    let lenses = lenses(scenario, &months, &summary);
    Ok(Projection { scenario: scenario.clone(), months, summary, lenses })
}

/// Validate `scenario` and compute only its summary: no rows are stored.
pub fn summarize(scenario: &Scenario) -> Result<Summary, ScenarioError> {
    validate(scenario)?;
    run(&Model::new(scenario), |_| {})
}

/// Step a deterministic projection through every month, handing each row to `sink`.
/// Stops with [`ScenarioError::Overflow`] at the first month with a non-finite quantity.
pub fn run(model: &Model, mut sink: impl FnMut(&Month)) -> Result<Summary, ScenarioError> {
    let mut state = State::start(model);
    let mut summary = Summary::start(model.initial_supply);
    for _ in 0..model.months {
        let month = step(model, &mut state, model.monthly_fee_growth);
        if let Some(quantity) = month.first_non_finite() {
            return Err(ScenarioError::Overflow { month: month.month, year: month.year(), quantity });
        }
        summary.add(&month);
        sink(&month);
    }
    let summary = summary.finish();
    if summary.fees_usd.is_infinite() || summary.trading_volume_usd.is_infinite() {
        let quantity = if summary.fees_usd.is_infinite() { "fees_usd" } else { "trading_volume_usd" };
        return Err(ScenarioError::Overflow { month: model.months, year: model.months / 12, quantity });
    }
    Ok(summary)
}
