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
    /// List the preset designs (archetypes and real protocols), or print them as JSON.
    Presets(PresetsArgs),
    /// Each real protocol's checkpoints beside its projection: the tables of docs/calibration.md.
    Calibration(CalibrationArgs),
    /// The Jevons explorer: from a unit price decline and either an elasticity or an observed
    /// spend multiple, the other quantities, as JSON.
    Jevons(JevonsArgs),
}

/// Arguments of `presets`.
#[derive(Debug, clap::Args)]
pub struct PresetsArgs {
    /// `text`: name, title and note of each; `json`: the presets with their scenarios.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// Arguments of `calibration`.
#[derive(Debug, clap::Args)]
pub struct CalibrationArgs {
    /// One real preset's table only [every real preset].
    #[arg(long, value_name = "NAME", conflicts_with = "file")]
    pub preset: Option<String>,
    /// A preset file of your own (the JSON of `presets --format json`, one preset), checked the
    /// same way.
    #[arg(long, value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
}

/// How to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// For people.
    Text,
    /// For programs.
    Json,
}

/// Arguments of `jevons`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("given").required(true).args(["elasticity", "spend_multiple"])))]
pub struct JevonsArgs {
    /// Factor by which the unit price fell over the period (300 = to 1/300th).
    #[arg(long, value_name = "F")]
    pub price_factor: f64,
    /// Length of the period, years.
    #[arg(long, value_name = "Y")]
    pub years: f64,
    /// Price elasticity of demand: solve for the spend multiple.
    #[arg(long, value_name = "E", allow_hyphen_values = true)]
    pub elasticity: Option<f64>,
    /// Observed spend at the end over spend at the start (4.2 = +320 %): solve for the elasticity.
    #[arg(long, value_name = "M")]
    pub spend_multiple: Option<f64>,
}

/// Arguments of `montecarlo`.
#[derive(Debug, clap::Args)]
pub struct MonteCarloArgs {
    /// Scenario JSON file; `-` reads standard input. Missing fields take their defaults.
    #[arg(long, value_name = "FILE")]
    pub scenario: PathBuf,
    /// Number of paths, 1..=1000000; overrides the scenario's `paths` (whose limit, the page's,
    /// is 100000). About 0.35 GB at 1000000 (0.15 GB for a plain design, such as version 2 at a fixed price).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub paths: Option<u32>,
    /// Seed of the random numbers; overrides the scenario's `seed`.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    #[command(flatten)]
    pub run: RunArgs,
}

/// How a batch run uses the machine.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Threads to run on [all cores]. The results are the same bits whatever the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub threads: Option<u16>,
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
    #[command(flatten)]
    pub run: RunArgs,
}

/// Arguments of `project`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("design").required(true).args(["scenario", "preset"])))]
pub struct ProjectArgs {
    /// Scenario JSON file; `-` reads standard input. Missing fields take their defaults.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
    /// A preset design by name (see `consumption-lab presets`) instead of a file.
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
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
