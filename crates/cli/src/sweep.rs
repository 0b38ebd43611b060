//! `consumption-lab sweep`: the scenario's summary over a grid of two fields, as CSV or JSON.

use crate::args::{Format, SweepArgs};
use crate::batch::on_threads;
use crate::{input, Failure};
use consumption_lab_engine::export;
use consumption_lab_engine::sweep::{sweep, SweepAxis};

/// Read both axes, sweep the scenario and format the cells.
pub fn run(args: &SweepArgs) -> Result<String, Failure> {
    let x: SweepAxis = args.x.parse().map_err(|e| Failure(format!("--x: {e}")))?;
    let y: SweepAxis = args.y.parse().map_err(|e| Failure(format!("--y: {e}")))?;
    let scenario = input::scenario(&args.scenario)?;
    let result = on_threads(&args.run, || sweep(&scenario, &x, &y))??;
    Ok(match args.format {
        Format::Csv => export::sweep_csv(&result),
        Format::Json => export::sweep_json(&result) + "\n",
    })
}
