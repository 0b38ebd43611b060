//! What the fast run keeps of each group of paths between months ([`PathState`]): the whole
//! [`State`], or for a plain design ([`Model::is_plain`]) only the fields that differ between
//! paths ([`Carried`]), about a quarter of it.
//!
//! **Why.** At 100,000 paths the states are 27 MB, which every block of months reads from memory
//! and writes back; with blocks short enough that their samples stay in the caches (two months
//! there), that traffic is paid 60 times a run. A plain design's paths differ only in the seven
//! fields of [`Carried`]: its price, premium, budget factor and staked share follow the calendar
//! alone, it locks and queues nothing, and it has no pool. Those are held once for the whole run
//! (each block month's `shared` in `fast.rs`), stepped on their own ([`advance`]), and each
//! group's step starts from them with its own seven fields put in. Measured at 100,000 paths of
//! the numpy peer's design, 2 threads: 196 → 167 ms. Every reported number is the same bits as
//! the careful run's, which steps whole states with [`step`] (tested in `fast.rs`). Only the
//! command line takes it (the `parallel` feature).

use crate::model::lanes::Real;
use crate::model::step::{plain_step, step};
use crate::model::{Model, Month, State};

/// One group's state between months, and its month's step.
pub(super) trait PathState<R: Real>: Copy + Send + Sync {
    /// Whether the step reads the shared fields, so that the run must step them ([`advance`]).
    const SHARES: bool;
    /// This state at the start of the run.
    fn start(start: &State<R>) -> Self;
    /// Step one month from this state and `shared`, the fields every path has alike this month.
    fn step(&mut self, model: &Model, shared: &State<R>, fee_growth: R) -> Month<R>;
}

/// Every field: any design.
impl<R: Real + Send + Sync> PathState<R> for State<R> {
    const SHARES: bool = false;

    fn start(start: &State<R>) -> Self {
        *start
    }

    #[inline(always)]
    fn step(&mut self, model: &Model, _: &State<R>, fee_growth: R) -> Month<R> {
        step(model, self, fee_growth)
    }
}

/// The fields of a plain design's state that differ between its paths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Carried<R> {
    supply: R,
    fees: R,
    treasury_tokens: R,
    treasury_cash: R,
    staked: R,
    cumulative_minted: R,
    cumulative_burned: R,
}

impl<R: Real + Send + Sync> PathState<R> for Carried<R> {
    const SHARES: bool = true;

    fn start(s: &State<R>) -> Self {
        Self {
            supply: s.supply,
            fees: s.fees,
            treasury_tokens: s.treasury_tokens,
            treasury_cash: s.treasury_cash,
            staked: s.staked,
            cumulative_minted: s.cumulative_minted,
            cumulative_burned: s.cumulative_burned,
        }
    }

    #[inline(always)]
    fn step(&mut self, model: &Model, shared: &State<R>, fee_growth: R) -> Month<R> {
        let mut state = self.onto(shared);
        let row = plain_step(model, &mut state, fee_growth);
        *self = Self::start(&state);
        row
    }
}

impl<R: Real> Carried<R> {
    /// `state` with these carried fields in place of its own.
    #[inline(always)]
    fn onto(self, state: &State<R>) -> State<R> {
        State {
            supply: self.supply,
            fees: self.fees,
            treasury_tokens: self.treasury_tokens,
            treasury_cash: self.treasury_cash,
            staked: self.staked,
            cumulative_minted: self.cumulative_minted,
            cumulative_burned: self.cumulative_burned,
            ..*state
        }
    }
}

/// `shared` stepped through one month of a plain design: the fields its paths have alike next
/// month (the others are this state's own, and no path reads them).
pub(super) fn advance<R: Real>(model: &Model, shared: &mut State<R>) {
    plain_step(model, shared, R::splat(model.monthly_fee_growth));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;
    use crate::scenario::{FeeDenomination, PriceModel, Scenario, YieldSource};

    /// A plain design's paths differ only in the carried fields: stepped from different fees,
    /// every other field stays the same as on a path stepped alongside, month after month.
    #[test]
    fn a_plain_designs_paths_share_every_field_not_carried() {
        for (k, design) in [
            Scenario {
                version: 2,
                price_model: PriceModel::Fixed,
                allocations: vec![],
                ..Scenario::defaults_of(2).unwrap()
            },
            Scenario {
                fee_denomination: FeeDenomination::Stablecoin,
                staking_yield_source: YieldSource::Inflation,
                price_model: PriceModel::FeeMultiple,
                ..Scenario::defaults_of(2).unwrap()
            },
        ]
        .into_iter()
        .enumerate()
        {
            let plan = Plan::new(&design);
            assert!(plan.is_plain(), "design {k}");
            let start = State::start(plan.first());
            let (mut a, mut b, mut shared) = (start, start, start);
            for month in 1..=design.months() {
                let model = plan.at(month);
                let carried = Carried::start(&a);
                let mut via_shared = carried;
                let row = via_shared.step(model, &shared, 1.03);
                assert_eq!(row, step(model, &mut a, 1.03), "design {k} month {month}");
                assert_eq!(via_shared, Carried::start(&a), "design {k} month {month}");
                step(model, &mut b, 0.97);
                advance(model, &mut shared);
                let only_shared = |s: &State| Carried::start(&start).onto(s);
                assert_eq!(only_shared(&a), only_shared(&b), "design {k} month {month}");
                assert_eq!(only_shared(&a), only_shared(&shared), "design {k} month {month}");
            }
        }
    }
}
