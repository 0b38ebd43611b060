//! `consumption-lab montecarlo`: percentile bands under random fee growth, as CSV or JSON.

use crate::args::{Format, MonteCarloArgs};
use crate::batch::{on_threads, Progress};
use crate::{input, Failure};
use consumption_lab_engine::export;
use consumption_lab_engine::montecarlo::monte_carlo_with_progress;

/// Run the scenario's Monte Carlo, with `--paths` and `--seed` in place of its own, and format it.
/// The overrides are validated with the rest of the scenario.
pub fn run(args: &MonteCarloArgs) -> Result<String, Failure> {
    let mut scenario = input::scenario(&args.scenario)?;
    if let Some(paths) = args.paths {
        scenario.paths = paths;
    }
    if let Some(seed) = args.seed {
        scenario.seed = seed;
    }
    let result = on_threads(&args.run, || {
        let mut progress = Progress::new("months");
        monte_carlo_with_progress(&scenario, &mut |done, total| progress.update(done, total))
    })??;
    Ok(match args.format {
        Format::Csv => export::monte_carlo_csv(&result),
        Format::Json => export::monte_carlo_json(&result) + "\n",
    })
}
