//! Reading a scenario file, or standard input for `-`.

use crate::Failure;
use consumption_lab_engine::Scenario;
use std::io::Read;
use std::path::Path;

/// Read and validate the scenario at `path` (`-` = standard input).
pub fn scenario(path: &Path) -> Result<Scenario, Failure> {
    let text = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure(format!("cannot read the scenario from standard input: {e}")))?;
        text
    } else {
        std::fs::read_to_string(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?
    };
    let scenario = Scenario::from_json(&text).map_err(|e| Failure(format!("{}: {e}", display(path))))?;
    if !text.contains("\"version\"") {
        // Read with the defaults of the first version, which had no version field: say so, on
        // standard error, so that standard output stays the projection alone.
        eprintln!(
            "note: {} names no version, so what it leaves out takes version 1's defaults (a fixed price); \
             add \"version\": {} for today's defaults",
            display(path),
            consumption_lab_engine::VERSION
        );
    }
    Ok(scenario)
}

/// The preset called `name`, or a message listing the ones there are.
pub fn preset(name: &str) -> Result<Scenario, Failure> {
    consumption_lab_engine::presets::preset(name).map(|p| p.scenario).ok_or_else(|| {
        let names: Vec<String> = consumption_lab_engine::presets::presets().into_iter().map(|p| p.name).collect();
        Failure(format!("no preset called \"{name}\"; the presets are: {}", names.join(", ")))
    })
}

fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}
