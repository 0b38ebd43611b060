//! Presets: archetypal designs, each a scenario with a note on what it illustrates. They are data
//! (`crates/engine/presets/*.json`, the same scenario JSON as everywhere), compiled in so the app
//! and the command line list exactly the same ones.

use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

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
];

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
            assert!(p.note.contains("llustrative"), "{} must say its numbers are illustrative", p.name);
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
