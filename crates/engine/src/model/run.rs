//! Running the model over the horizon: every month stepped in order, folded into the summary.

use super::month::Month;
use super::step::{step, State};
use super::summary::Summary;
use super::Model;
use crate::scenario::error::ScenarioError;
use crate::scenario::validate::validate;
use crate::scenario::Scenario;

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
