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
    /// Run many projections under random fee growth: percentile bands per month (CSV), or the
    /// bands, the final-supply distribution and the scenario (JSON).
    Montecarlo(MonteCarloArgs),
    /// Summarise the scenario over a grid of two numeric fields: one row per cell.
    Sweep(SweepArgs),
}

/// Arguments of `montecarlo`.
#[derive(Debug, clap::Args)]
pub struct MonteCarloArgs {
    /// Scenario JSON file; `-` reads standard input. Missing fields take their defaults.
    #[arg(long, value_name = "FILE")]
    pub scenario: PathBuf,
    /// Number of paths, 1..=100000; overrides the scenario's `paths`.
    #[arg(long, value_name = "N")]
    pub paths: Option<u32>,
    /// Seed of the random numbers; overrides the scenario's `seed`.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

/// Arguments of `sweep`.
#[derive(Debug, clap::Args)]
pub struct SweepArgs {
    /// Scenario JSON file; `-` reads standard input. Missing fields take their defaults.
    #[arg(long, value_name = "FILE")]
    pub scenario: PathBuf,
    /// Horizontal axis: a numeric field, its first and last value and the number of values,
    /// e.g. `burn_share:0:0.7:64`.
    #[arg(long, value_name = "FIELD:MIN:MAX:N", allow_hyphen_values = true)]
    pub x: String,
    /// Vertical axis, as `--x`, e.g. `fee_growth:-0.5:1:64`.
    #[arg(long, value_name = "FIELD:MIN:MAX:N", allow_hyphen_values = true)]
    pub y: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
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
