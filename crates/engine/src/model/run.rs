//! Running the model over the horizon: every month stepped in order, with the model of its phase,
//! folded into the summary.

use super::month::Month;
use super::plan::Plan;
use super::state::State;
use super::step::step;
use super::summary::Summary;
use crate::scenario::error::ScenarioError;
use crate::scenario::validate::validate;
use crate::scenario::Scenario;

/// Validate `scenario` and compute only its summary: no rows are stored.
pub fn summarize(scenario: &Scenario) -> Result<Summary, ScenarioError> {
    validate(scenario)?;
    run(&Plan::new(scenario), |_| {})
}

/// Step a deterministic projection through every month, handing each row to `sink`.
/// Stops with [`ScenarioError::Overflow`] at the first month with a non-finite quantity.
pub fn run(plan: &Plan, mut sink: impl FnMut(&Month)) -> Result<Summary, ScenarioError> {
    let model = plan.first();
    let mut state = State::start(model);
    let mut summary = Summary::start(model.initial_supply);
    for t in 1..=model.months {
        let model = plan.at(t);
        let month = step(model, &mut state, model.monthly_fee_growth);
        if let Some(quantity) = month.first_non_finite() {
            return Err(ScenarioError::Overflow { month: month.month, year: month.year(), quantity });
        }
        summary.add(&month);
        sink(&month);
    }
    let summary = summary.finish();
    if let Some(quantity) = summary.first_infinite_total() {
        return Err(ScenarioError::Overflow { month: model.months, year: model.months / 12, quantity });
    }
    Ok(summary)
}
