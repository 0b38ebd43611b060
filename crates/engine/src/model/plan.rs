//! A design's changes over time as phases (`docs/model.md`, "Changes over time"): from each month
//! where something changes, the model of the scenario with every change up to then applied. The
//! monthly step never looks at the changes: a run asks the plan for the month's model, and the
//! models share one vesting table.

use super::vesting::Vesting;
use super::{Model, Resets};
use crate::scenario::Scenario;
use std::sync::Arc;

/// The models of a run, phase by phase: `phases[0]` starts in month 1, each later one in the
/// month of a change.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    phases: Vec<(u32, Model)>,
}

impl Plan {
    /// The phases of a valid scenario (one, without changes).
    pub fn new(s: &Scenario) -> Self {
        let vesting = Arc::new(Vesting::new(s));
        let mut phases = vec![(1, Model::with_vesting(s, vesting.clone(), Resets::LAUNCH))];
        for month in s.change_months() {
            let at = s.at_month(month);
            // The last month up to this one where a change set `field` (1 if none did).
            let last_set = |field: &str| {
                s.changes.iter().filter(|c| c.month <= month && c.field == field).map(|c| c.month).max().unwrap_or(1)
            };
            let resets = Resets { fees: last_set("annual_fees_usd"), stake: last_set("staked_fraction") };
            phases.push((month, Model::with_vesting(&at, vesting.clone(), resets)));
        }
        Self { phases }
    }

    /// The model of month 1 (what the run starts from).
    pub fn first(&self) -> &Model {
        &self.phases[0].1
    }

    /// The model in force in `month`.
    #[inline]
    pub fn at(&self, month: u32) -> &Model {
        // Few phases: a scan from the end is as fast as a search.
        self.phases.iter().rev().find(|(start, _)| *start <= month).map_or(self.first(), |(_, m)| m)
    }

    /// Whether every phase is plain ([`Model::is_plain`]), so that a run may take the plain step.
    pub fn is_plain(&self) -> bool {
        self.phases.iter().all(|(_, m)| m.is_plain())
    }

    /// Number of phases (1 without changes).
    pub fn len(&self) -> usize {
        self.phases.len()
    }

    /// Always false: a plan has at least its first phase.
    pub fn is_empty(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Change;

    #[test]
    fn each_month_runs_the_model_with_every_change_up_to_it() {
        let change = |month, field: &str, value| Change { month, field: field.into(), value };
        let s = Scenario {
            changes: vec![
                change(25, "burn_share", 0.6),
                change(13, "protocol_take", 0.5),
                change(25, "burn_share", 0.7),
            ],
            ..Scenario::default()
        };
        let plan = Plan::new(&s);
        assert_eq!(plan.len(), 3);
        assert_eq!(plan.at(12).protocol_take, s.protocol_take);
        assert_eq!((plan.at(13).protocol_take, plan.at(13).burn_share), (0.5, s.burn_share));
        assert_eq!((plan.at(25).protocol_take, plan.at(120).burn_share), (0.5, 0.7), "the later row wins");
        assert!(Arc::ptr_eq(&plan.at(1).vesting, &plan.at(25).vesting));
        let fee_cut = Scenario { changes: vec![change(27, "annual_fees_usd", 1e6)], ..Scenario::default() };
        let plan = Plan::new(&fee_cut);
        assert_eq!((plan.at(1).fee_reset_month, plan.at(27).fee_reset_month), (1, 27));
        assert_eq!(plan.at(27).stake_reset_month, 1, "the stake carries on where no change set it");
    }
}
