//! Command-line arguments: one struct per subcommand.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Consumption Lab: project a token design's supply and where its fees go.
#[derive(Debug, Parser)]
#[command(name = "consumption-lab", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Project a scenario month by month (CSV by default, JSON with --format json).
    Project(ProjectArgs),
    /// Print the default scenario as JSON, to copy and edit.
    Defaults,
}

/// Arguments of `project`.
#[derive(Debug, clap::Args)]
pub struct ProjectArgs {
    /// Scenario JSON file; `-` reads standard input. Missing fields take their defaults.
    #[arg(long, value_name = "FILE")]
    pub scenario: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Header row of column names, then one row per month.
    Csv,
    /// Scenario, months and summary as one JSON document.
    Json,
}
