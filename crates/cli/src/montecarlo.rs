//! `consumption-lab montecarlo`: percentile bands under random fee growth, as CSV or JSON.

use crate::args::{Format, MonteCarloArgs};
use crate::batch::{on_threads, Progress};
use crate::{input, Failure};
use consumption_lab_engine::export;
use consumption_lab_engine::montecarlo::{monte_carlo_of_paths, monte_carlo_with_progress};

/// Run the scenario's Monte Carlo, with `--paths` and `--seed` in place of its own, and format it.
/// `--paths` may go past a scenario's 100,000 (the page's limit), up to 1,000,000.
pub fn run(args: &MonteCarloArgs) -> Result<String, Failure> {
    let mut scenario = input::scenario(&args.scenario)?;
    if let Some(seed) = args.seed {
        scenario.seed = seed;
    }
    let result = on_threads(&args.run, || {
        let mut progress = Progress::new("months");
        let mut report = |done, total| progress.update(done, total);
        match args.paths {
            Some(paths) => monte_carlo_of_paths(&scenario, paths, &mut report),
            None => monte_carlo_with_progress(&scenario, &mut report),
        }
    })??;
    Ok(match args.format {
        Format::Csv => export::monte_carlo_csv(&result),
        Format::Json => export::monte_carlo_json(&result) + "\n",
    })
}
