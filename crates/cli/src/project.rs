//! `consumption-lab project`: the monthly projection as CSV or JSON.

use crate::args::{Format, ProjectArgs};
use crate::{input, Failure};
use consumption_lab_engine::{export, project};

/// Project the scenario and format it.
pub fn run(args: &ProjectArgs) -> Result<String, Failure> {
    let scenario = match (&args.scenario, &args.preset) {
        (Some(path), _) => input::scenario(path)?,
        (None, Some(name)) => input::preset(name)?,
        (None, None) => return Err(Failure("give --scenario FILE or --preset NAME".to_owned())),
    };
    let projection = project(&scenario)?;
    // Results outside the model's range, on standard error so that the output stays data.
    for warning in consumption_lab_engine::warnings::warnings(&projection) {
        eprintln!("warning: {}", warning.message());
    }
    Ok(match args.format {
        Format::Csv => export::csv(&projection.months, projection.scenario.start),
        Format::Json => export::json(&projection) + "\n",
    })
}
