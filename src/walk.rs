//! The essay walk: steps are data (a scenario and a paragraph each, in `walk.json`), read here.
//! A native test checks that every step's scenario is valid and every target exists in the page.

use consumption_lab_engine::Scenario;
use serde::Deserialize;

/// One step of the walk.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Heading of the step: the essay's claim in a few words.
    pub title: String,
    /// The claim in our own words, and what the loaded design shows.
    pub text: String,
    /// What to try next: one lever to move.
    pub invite: String,
    /// Element id of the chart or figure that shows it.
    pub target: String,
    /// The design to load (missing fields take the defaults).
    pub scenario: Scenario,
}

/// The steps, parsed once. An unreadable file is a build-time mistake caught by the test below;
/// at run time it gives an empty walk rather than a broken page.
pub fn steps() -> Vec<Step> {
    consumption_lab_engine::json::read(include_str!("walk.json")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_loads_a_valid_scenario_and_points_at_something_real() {
        let steps: Vec<Step> = consumption_lab_engine::json::read(include_str!("walk.json")).expect("walk.json parses");
        assert!((5..=8).contains(&steps.len()), "{} steps", steps.len());
        let targets = ["summary", "supply", "fees", "turnover", "shock", "scorecard", "valuation", "jevons"];
        for s in &steps {
            assert!(consumption_lab_engine::project(&s.scenario).is_ok(), "{}", s.title);
            assert!(targets.contains(&s.target.as_str()), "{} targets {}", s.title, s.target);
        }
    }
}
