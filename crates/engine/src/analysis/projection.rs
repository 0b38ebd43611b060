//! A projection: a scenario's months, their summary and the essay's lenses on them, the one
//! result the app and the command line show.

use super::lenses::{lenses, Lenses};
use crate::model::{run, Month, Plan, Summary};
use crate::scenario::error::ScenarioError;
use crate::scenario::validate::validate;
use crate::scenario::Scenario;
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
    let plan = Plan::new(scenario);
    let mut months = Vec::with_capacity(scenario.months() as usize);
    let summary = run(&plan, |m| months.push(*m))?;
    let lenses = lenses(scenario, &months, &summary);
    Ok(Projection { scenario: scenario.clone(), months, summary, lenses })
}
