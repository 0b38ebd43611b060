//! Presets: illustrative archetypes, each a scenario with a note on what it illustrates, and real
//! protocols fitted to their public numbers, each with its sources and checkpoints
//! (`docs/calibration.md`). They are data (`crates/engine/presets/*.json`, the same scenario JSON
//! as everywhere), compiled in so the app and the command line list exactly the same ones.

use crate::analysis::calibration::{self, Checkpoint, Fit, Source};
use crate::scenario::{CalendarMonth, Scenario};
use serde::{Deserialize, Serialize};

/// Whether a preset is an archetype or a real protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresetKind {
    /// A design that illustrates an idea; its numbers are not any protocol's.
    #[default]
    Illustrative,
    /// A real protocol, fitted to public figures up to its `as_of` month.
    Real,
}

/// One preset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Key used on the command line (`--preset NAME`) and in the app.
    pub name: String,
    /// Title shown in the menu.
    pub title: String,
    /// What it illustrates, and which numbers are approximations.
    pub note: String,
    /// An archetype or a real protocol [illustrative].
    #[serde(default)]
    pub kind: PresetKind,
    /// A real protocol: the last month its checkpoints reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<CalendarMonth>,
    /// A real protocol: what the model leaves out of it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub leaves_out: String,
    /// A real protocol: where its parameters and checkpoints come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// A real protocol: public figures the projection is held against.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkpoints: Vec<Checkpoint>,
    /// The design (missing fields take the defaults).
    pub scenario: Scenario,
}

const SOURCES: &[&str] = &[
    include_str!("../../presets/consumption_loop.json"),
    include_str!("../../presets/eip1559_style.json"),
    include_str!("../../presets/dex_fee_switch_off.json"),
    include_str!("../../presets/lending_stablecoin.json"),
    include_str!("../../presets/stablecoin_buyback_burn.json"),
    include_str!("../../presets/inflationary_casino.json"),
    include_str!("../../presets/ai_api_tokens.json"),
    include_str!("../../presets/ethereum_merge.json"),
    include_str!("../../presets/solana.json"),
    include_str!("../../presets/helium.json"),
    include_str!("../../presets/maker.json"),
    include_str!("../../presets/uniswap.json"),
];

impl Preset {
    /// Its checkpoints beside its projection (none for an archetype).
    pub fn fits(&self) -> Vec<Fit> {
        calibration::fits(&self.scenario, &self.checkpoints)
    }

    /// Its checkpoint table between the marks `docs/calibration.md` keeps it in.
    pub fn marked_table(&self) -> String {
        format!("<!-- calibration: {} -->\n{}<!-- /calibration -->\n", self.name, calibration::markdown(&self.fits()))
    }
}

/// All presets, in menu order. A preset that fails to parse is a build mistake caught by the
/// tests; at run time it is skipped rather than taking the page down.
pub fn presets() -> Vec<Preset> {
    SOURCES.iter().filter_map(|s| crate::formats::json::read(s).ok()).collect()
}

/// The preset called `name`.
pub fn preset(name: &str) -> Option<Preset> {
    presets().into_iter().find(|p| p.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_parses_validates_and_projects() {
        assert_eq!(presets().len(), SOURCES.len());
        for p in presets() {
            crate::project(&p.scenario).unwrap_or_else(|e| panic!("{}: {e}", p.name));
            match p.kind {
                PresetKind::Illustrative => {
                    assert!(p.note.contains("llustrative"), "{} must say its numbers are illustrative", p.name)
                }
                PresetKind::Real => {
                    assert!(p.scenario.start.is_some() && p.as_of.is_some(), "{}: a real protocol is dated", p.name);
                    assert!(!p.sources.is_empty() && !p.leaves_out.is_empty(), "{}: sources and limits", p.name);
                    assert!(p.checkpoints.len() >= 3, "{}: checkpoints", p.name);
                }
            }
        }
    }

    #[test]
    fn presets_show_what_they_are_for() {
        let summary = |n: &str| crate::project(&preset(n).unwrap().scenario).unwrap().summary;
        assert!(summary("consumption_loop").net_supply_change < 0.0);
        assert_eq!(summary("dex_fee_switch_off").value_capture_ratio, 0.0);
        let casino = summary("inflationary_casino");
        assert!(casino.net_supply_change > 0.0 && casino.final_price_usd < 1.0, "dilution and sell pressure");
        // Burn and mint: supply rises until usage passes what the emission is worth (month 20),
        // then falls; usage growing at 105 % a year lifts the price rather than burning the
        // supply away.
        let ai = summary("ai_api_tokens");
        assert!((12..=36).contains(&ai.burn_exceeds_mint_month), "{ai:?}");
        assert!(ai.peak_supply > 1e9 && ai.net_supply_change < 0.0 && ai.net_supply_change > -0.2, "{ai:?}");
        assert!(ai.final_price_usd > 5.0, "{ai:?}");
        assert!(summary("stablecoin_buyback_burn").leaked_usd > 0.0);
    }
}
