//! `consumption-lab project`: the monthly projection as CSV or JSON.

use crate::args::{Format, ProjectArgs};
use crate::{input, Failure};
use consumption_lab_engine::{export, project};

/// Project the scenario and format it.
pub fn run(args: &ProjectArgs) -> Result<String, Failure> {
    let scenario = input::scenario(&args.scenario)?;
    let projection = project(&scenario)?;
    Ok(match args.format {
        Format::Csv => export::csv(&projection.months),
        Format::Json => export::json(&projection) + "\n",
    })
}
