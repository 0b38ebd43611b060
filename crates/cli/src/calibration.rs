//! `consumption-lab calibration`: each real protocol's checkpoints beside its projection, as the
//! Markdown tables `docs/calibration.md` prints (between its `<!-- calibration: NAME -->` marks).

use crate::args::CalibrationArgs;
use crate::Failure;
use consumption_lab_engine::presets::{presets, Preset, PresetKind};

/// Print the tables.
pub fn run(args: &CalibrationArgs) -> Result<String, Failure> {
    if let Some(path) = &args.file {
        let text = std::fs::read_to_string(path).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        let preset: Preset = consumption_lab_engine::json::read(&text)
            .map_err(|e| Failure(format!("{}: not a preset: {e}", path.display())))?;
        consumption_lab_engine::validate(&preset.scenario)?;
        return Ok(format!("## {}\n\n{}", preset.title, preset.marked_table()));
    }
    let real: Vec<_> = presets()
        .into_iter()
        .filter(|p| p.kind == PresetKind::Real && args.preset.as_ref().is_none_or(|n| *n == p.name))
        .collect();
    if real.is_empty() {
        let names: Vec<String> = presets().into_iter().filter(|p| p.kind == PresetKind::Real).map(|p| p.name).collect();
        return Err(Failure(format!("no real protocol preset called that; the real ones are {}", names.join(", "))));
    }
    Ok(real.iter().map(|p| format!("## {}\n\n{}", p.title, p.marked_table())).collect::<Vec<_>>().join("\n"))
}
