//! Presets: illustrative archetypes, each a scenario with a note on what it illustrates, and real
//! protocols fitted to their public numbers, each with its sources and checkpoints
//! (`docs/calibration.md`). They are data (`crates/engine/presets/*.json`, the same scenario JSON
//! as everywhere), compiled in so the app and the command line list exactly the same ones.
//!
//! A real protocol's evidence (what the model leaves out, its sources, its checkpoints) is kept in
//! its own file (`presets/evidence/<name>.json`) and compiled in only with the `evidence` feature:
//! the command line and the tests have it, while the page leaves it out of its first download and
//! fetches the file when a person opens "Sources and fit" ([`Evidence`], [`Preset::with_evidence`]).

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

/// A real protocol's evidence, in its own file: what a person reads under "Sources and fit".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What the model leaves out of the protocol.
    pub leaves_out: String,
    /// Where its parameters and checkpoints come from.
    pub sources: Vec<Source>,
    /// Public figures the projection is held against.
    pub checkpoints: Vec<Checkpoint>,
}

/// The real presets' evidence files, by preset name, where the build carries them.
#[cfg(feature = "evidence")]
const EVIDENCE: &[(&str, &str)] = &[
    ("ethereum_merge", include_str!("../../presets/evidence/ethereum_merge.json")),
    ("solana", include_str!("../../presets/evidence/solana.json")),
    ("helium", include_str!("../../presets/evidence/helium.json")),
    ("maker", include_str!("../../presets/evidence/maker.json")),
    ("uniswap", include_str!("../../presets/evidence/uniswap.json")),
];

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
    /// Whether its evidence is here: always for an archetype (it has none), for a real protocol
    /// once [`Preset::with_evidence`] has added it (the command line has it compiled in).
    pub fn has_evidence(&self) -> bool {
        self.kind == PresetKind::Illustrative || !self.checkpoints.is_empty()
    }

    /// The preset with its evidence file's contents.
    pub fn with_evidence(mut self, evidence: Evidence) -> Self {
        self.leaves_out = evidence.leaves_out;
        self.sources = evidence.sources;
        self.checkpoints = evidence.checkpoints;
        self
    }

    /// Where the page finds its evidence file beside itself (`index.html` copies the folder).
    pub fn evidence_path(&self) -> String {
        format!("evidence/{}.json", self.name)
    }

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
    SOURCES.iter().filter_map(|s| crate::formats::json::read(s).ok()).map(compiled_evidence).collect()
}

/// `preset` with the evidence this build compiles in, if any.
fn compiled_evidence(preset: Preset) -> Preset {
    #[cfg(feature = "evidence")]
    if let Some(evidence) = EVIDENCE
        .iter()
        .find(|(name, _)| *name == preset.name)
        .and_then(|(_, text)| crate::formats::json::read::<Evidence>(text).ok())
    {
        return preset.with_evidence(evidence);
    }
    preset
}

/// The preset called `name`.
pub fn preset(name: &str) -> Option<Preset> {
    presets().into_iter().find(|p| p.name == name)
}

/// Most fields a design may differ from a preset in and still be that preset, modified.
pub const MODIFIED_FIELDS: usize = 3;

/// The preset `scenario` was made from by changing a few of its fields: the one it differs from in
/// the fewest (at least one, at most [`MODIFIED_FIELDS`]), with those fields' keys. The page then
/// says "modified" rather than forgetting the preset and its note after a tweak; it needs no
/// memory of what was loaded, so a shared link of a tweaked preset is recognised too.
pub fn modified_from<'a>(presets: &'a [Preset], scenario: &Scenario) -> Option<(&'a Preset, Vec<String>)> {
    let fields = |s: &Scenario| match serde_json::to_value(s) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    let mine = fields(scenario);
    presets
        .iter()
        .map(|p| {
            let theirs = fields(&p.scenario);
            let changed: Vec<String> =
                mine.iter().filter(|(k, v)| theirs.get(*k) != Some(v)).map(|(k, _)| k.clone()).collect();
            (p, changed)
        })
        .filter(|(_, changed)| (1..=MODIFIED_FIELDS).contains(&changed.len()))
        .min_by_key(|(_, changed)| changed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preset_with_a_few_fields_changed_is_that_preset_modified() {
        let all = presets();
        let ethereum = all.iter().find(|p| p.name == "ethereum_merge").unwrap();
        let tweaked = Scenario { burn_share: 0.3, years: 4, ..ethereum.scenario.clone() };
        let (from, changed) = modified_from(&all, &tweaked).expect("two fields changed");
        assert_eq!(from.name, "ethereum_merge");
        assert_eq!(changed, ["years", "burn_share"], "in the scenario's own order");
        assert!(modified_from(&all, &ethereum.scenario).is_none(), "the preset itself is not modified");
        let far = Scenario { burn_share: 0.3, years: 4, turnover: 3.0, liquidity: 0.9, ..ethereum.scenario.clone() };
        assert!(
            modified_from(&all, &far).is_none_or(|(p, _)| p.name != "ethereum_merge"),
            "four changes: a design of its own"
        );
    }

    /// Every real preset has an evidence file and every evidence file a real preset, in the list
    /// compiled in and in the folder the page copies; the preset's own file keeps none of it.
    #[test]
    #[cfg(feature = "evidence")]
    fn every_real_preset_has_its_evidence_in_its_own_file() {
        let mut folder: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/presets/evidence"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        folder.sort();
        let mut real: Vec<String> =
            presets().into_iter().filter(|p| p.kind == PresetKind::Real).map(|p| p.evidence_path()).collect();
        real.sort();
        assert_eq!(real, folder.iter().map(|f| format!("evidence/{f}")).collect::<Vec<_>>());
        assert_eq!(EVIDENCE.len(), folder.len());
        for text in SOURCES {
            let bare: Preset = crate::formats::json::read(text).unwrap();
            assert!(
                bare.sources.is_empty() && bare.checkpoints.is_empty() && bare.leaves_out.is_empty(),
                "{}",
                bare.name
            );
            let with = compiled_evidence(bare.clone());
            assert!(with.has_evidence(), "{}", bare.name);
            assert_eq!(with.kind == PresetKind::Real, !with.checkpoints.is_empty() && !with.sources.is_empty());
        }
    }

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
