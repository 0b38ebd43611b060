//! `consumption-lab`: the engine on the command line. A thin layer: read the scenario, call the
//! engine, print. Invalid input exits with status 2 and a message on standard error, and prints
//! nothing on standard output.

mod args;
mod batch;
mod calibration;
mod input;
mod jevons;
mod montecarlo;
mod presets;
mod project;
mod sweep;

use args::{Cli, Command};
use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

/// A failure to report: the message for standard error.
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let output = match cli.command {
        Command::Project(args) => project::run(&args),
        Command::Montecarlo(args) => montecarlo::run(&args),
        Command::Sweep(args) => sweep::run(&args),
        Command::Presets(args) => presets::run(&args),
        Command::Calibration(args) => calibration::run(&args),
        Command::Jevons(args) => jevons::run(&args),
        Command::Defaults => Ok(consumption_lab_engine::Scenario::default().to_json_pretty() + "\n"),
    };
    match output {
        Ok(text) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is the reader's choice, not an error worth a message.
            let _ = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
