//! The essay walk: steps are data (a scenario and a paragraph each, in `walk.json`). The file is
//! not in the page's module: it is copied beside the page and fetched when a person starts the
//! walk. A native test checks that every step's scenario is valid, that every target exists in the
//! page and that every control a step asks a person to try is one the page has, with its label.

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
    /// CSS selector of the chart or figure that shows it: small enough to stay in view beside the
    /// docked walk on a phone.
    pub target: String,
    /// Element id of the control the invite names: the walk's "Show" button brings it into view
    /// and gives it focus.
    pub control: String,
    /// That control's label, as the page shows it.
    pub control_label: String,
    /// The design to load (missing fields take the defaults).
    pub scenario: Scenario,
}

/// The steps, fetched from `walk.json` beside the page.
pub async fn load() -> Result<Vec<Step>, String> {
    let text = crate::browser::fetch_text("walk.json").await?;
    consumption_lab_engine::json::read(&text).map_err(|e| format!("walk.json: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::levers::{Item, GROUPS, HOLDER_GROUPS};

    /// The id and label of every lever and choice in the panel, as the lever components form them.
    fn controls() -> Vec<(String, &'static str)> {
        GROUPS
            .iter()
            .chain(HOLDER_GROUPS)
            .flat_map(|(_, items)| items.iter())
            .filter_map(|item| match item {
                Item::Number(l) => Some((format!("lever-{}", l.field.key.replace('.', "-")), l.field.label)),
                Item::Choice(c) => Some((format!("lever-{}", c.key), c.label)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_step_loads_a_valid_scenario_and_points_at_something_real() {
        let steps: Vec<Step> = consumption_lab_engine::json::read(include_str!("walk.json")).expect("walk.json parses");
        assert!((5..=8).contains(&steps.len()), "{} steps", steps.len());
        let targets =
            ["#supply", "#fees", "#turnover .chart-wrap", "#shock table", "#scorecard .criteria", ".jevons-chart"];
        // The explorer's own boxes, beside the panel's levers.
        let mut controls = controls();
        controls.extend([
            ("jevons-spend".to_owned(), "Spend multiple"),
            ("jevons-elasticity".to_owned(), "Demand elasticity"),
        ]);
        for s in &steps {
            assert!(consumption_lab_engine::project(&s.scenario).is_ok(), "{}", s.title);
            assert!(targets.contains(&s.target.as_str()), "{} targets {}", s.title, s.target);
            let control = controls.iter().find(|(id, _)| *id == s.control);
            assert_eq!(control.map(|c| c.1), Some(s.control_label.as_str()), "{}: control {}", s.title, s.control);
            assert!(
                s.invite.contains(&format!("\"{}\"", s.control_label)),
                "{}: the invite names its control",
                s.title
            );
        }
    }
}
