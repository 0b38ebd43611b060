//! What the fast run keeps of each group of paths between months ([`PathState`]): the whole
//! [`State`], or for a plain design ([`Model::is_plain`]) only the fields that differ between
//! paths and decide what is reported ([`Carried`]), about a seventh of it; and what it reads of a
//! group's month ([`Reported`]).
//!
//! **Why.** At 100,000 paths the states are 27 MB, which every block of months reads from memory
//! and writes back; with blocks short enough that their samples stay in the caches (two or three
//! months there), that traffic is paid 40 to 60 times a run. A plain design's paths differ only
//! in the fields of [`Carried`] and in two that nothing reported reads: its price, premium,
//! budget factor and staked share follow the calendar alone, it locks and queues nothing, and it
//! has no pool. Those are held once for the whole run (each block month's `shared` in `fast.rs`),
//! stepped on their own ([`advance`]), and each group's step starts from them with its own
//! carried fields put in. Measured at 100,000 paths of the numpy peer's design, 2 threads: 196 →
//! 167 ms with seven fields, 159 → 152 ms from seven to five. Every reported number is the same
//! bits as the careful run's, which steps whole states with [`step`] (tested in `fast.rs`). Only
//! the command line takes it (the `parallel` feature).

use super::run::{surely_finite, surely_finite_lanes};
use crate::model::lanes::Real;
use crate::model::step::{plain_step, step};
use crate::model::{Model, Month, State};

/// What the fast run reads of a group's month: the quantities it reports (supply, cumulative
/// burn, value capture, price: the order of the samples) and the fees, which with the price and
/// the supply tell that the row surely did not overflow ([`surely_finite`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Reported<R> {
    pub quantities: [R; 4],
    pub fees_usd: R,
}

impl<R: Real> Reported<R> {
    #[inline(always)]
    fn of(row: &Month<R>) -> Self {
        Self {
            quantities: [row.supply, row.cumulative_burned, row.value_capture_ratio, row.price_usd],
            fees_usd: row.fees_usd,
        }
    }

    /// [`surely_finite`] of the month this was read from, lane by lane.
    #[inline(always)]
    pub fn surely_finite(&self) -> R::Mask {
        surely_finite_lanes(self.fees_usd, self.quantities[3], self.quantities[0])
    }
}

/// One group's state between months, and its month's step.
pub(super) trait PathState<R: Real>: Copy + Send + Sync {
    /// Whether the step reads the shared fields, so that the run must step them ([`advance`]).
    const SHARES: bool;
    /// This state at the start of the run.
    fn start(start: &State<R>) -> Self;
    /// Step one month from this state and `shared`, the fields every path has alike this month.
    fn step(&mut self, model: &Model, shared: &State<R>, fee_growth: R) -> Reported<R>;
}

/// Every field: any design.
impl<R: Real + Send + Sync> PathState<R> for State<R> {
    const SHARES: bool = false;

    fn start(start: &State<R>) -> Self {
        *start
    }

    #[inline(always)]
    fn step(&mut self, model: &Model, _: &State<R>, fee_growth: R) -> Reported<R> {
        let row = step(model, self, fee_growth);
        // Debug builds check the claim of `surely_finite` on every column.
        debug_assert!(!surely_finite(&row) || row.all_finite(), "{row:?}");
        Reported::of(&row)
    }
}

/// The fields of a plain design's state that differ between its paths and decide a reported
/// quantity. A path's staked tokens and treasury dollars differ too, but nothing it reports reads
/// them (they make its consumption rate and treasury columns, which the Monte Carlo does not
/// report), so they are not carried: 40 bytes a path, not 56 (100,000 paths of the numpy peer's
/// design, 2 threads: 159 → 152 ms). The cumulative mint is carried for the supply identity, which debug
/// builds check every month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Carried<R> {
    supply: R,
    fees: R,
    treasury_tokens: R,
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
            cumulative_minted: s.cumulative_minted,
            cumulative_burned: s.cumulative_burned,
        }
    }

    #[inline(always)]
    fn step(&mut self, model: &Model, shared: &State<R>, fee_growth: R) -> Reported<R> {
        let mut state = self.onto(shared);
        let row = plain_step(model, &mut state, fee_growth);
        *self = Self::start(&state);
        Reported::of(&row)
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

    /// A plain design's paths differ only in the carried fields and in the two that nothing
    /// reported reads (staked tokens, treasury dollars): stepped from different fees, every other
    /// field stays the same as on a path stepped alongside, month after month, and the carried
    /// step reports what the whole state's step does.
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
                assert_eq!(row, Reported::of(&step(model, &mut a, 1.03)), "design {k} month {month}");
                assert_eq!(via_shared, Carried::start(&a), "design {k} month {month}");
                step(model, &mut b, 0.97);
                advance(model, &mut shared);
                // Every field but the carried ones and the two no reported quantity reads.
                let only_shared =
                    |s: &State| State { staked: 0.0, treasury_cash: 0.0, ..Carried::start(&start).onto(s) };
                assert_eq!(only_shared(&a), only_shared(&b), "design {k} month {month}");
                assert_eq!(only_shared(&a), only_shared(&shared), "design {k} month {month}");
            }
        }
    }
}
