//! `consumption-lab presets`: the preset designs, for people or as JSON.

use crate::args::{ListFormat, PresetsArgs};
use crate::Failure;
use consumption_lab_engine::presets::presets;

/// List the presets.
pub fn run(args: &PresetsArgs) -> Result<String, Failure> {
    let all = presets();
    Ok(match args.format {
        ListFormat::Json => serde_json::to_string_pretty(&all)? + "\n",
        ListFormat::Text => all
            .iter()
            .map(|p| {
                format!("{}\n  {}\n  {}\n  consumption-lab project --preset {}\n", p.name, p.title, p.note, p.name)
            })
            .collect::<Vec<_>>()
            .join("\n"),
    })
}
