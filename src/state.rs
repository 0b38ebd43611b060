//! The app's one state: the scenario on screen, its projection, any number box holding text that
//! could not be applied, the pinned design "A" to compare with, and notices for the person. The scenario in state is always valid, so the projection on screen is
//! always the last good one; bad input lives only in `drafts`, beside the control that got it.

use crate::choices::Choice;
pub use crate::drafts::{Draft, Drafts};
use crate::levers::Lever;
use crate::tables::{TableDraft, TableEdit};
use consumption_lab_engine::number;
use consumption_lab_engine::rules::{share_room_over_time, shares_rule};
use consumption_lab_engine::{field_errors, project, Projection, Scenario, ScenarioError, SpeculationShock};
use std::rc::Rc;
use yew::Reducible;

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The valid scenario being projected.
    pub scenario: Scenario,
    /// Its projection (or the last one that could be computed).
    pub projection: Rc<Projection>,
    /// Number boxes holding typed text, by field key.
    pub drafts: Drafts,
    /// Why the projection on screen is not the current scenario's (an overflow), if it is not.
    pub stale: Option<String>,
    /// The design pinned as "A", drawn dashed beside the current one ("B").
    pub pinned: Option<Pinned>,
    /// Things the person should know: parts of a link ignored, a failed import, storage trouble.
    pub notices: Vec<String>,
    /// Whether Monte Carlo bands are shown (a view choice, not part of the design).
    pub bands: bool,
    /// The advanced editor's tables while they do not make a valid design (`tables.rs`).
    pub table: Option<TableDraft>,
}

/// A design pinned for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Pinned {
    /// How it is called in the page ("A: Consumption loop").
    pub label: String,
    /// Its projection, frozen when pinned.
    pub projection: Rc<Projection>,
}

/// A change made with the levers panel: the only actions the panel can send.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A slider moved, to this value in the lever's shown units (as typed text is): in range,
    /// but stopped where it would break a rule between fields (shares ≤ 100 %).
    Slide(&'static Lever, f64),
    /// Text typed into a number box, in the lever's shown units.
    Type(&'static Lever, String),
    /// A number box lost focus: show the applied value again, unless the text was rejected.
    Blur(&'static Lever),
    /// A select changed: the choice and the option's JSON spelling.
    Choose(&'static Choice, String),
    /// Turn the speculation shock on (with its default settings, within the horizon) or off.
    Shock(bool),
    /// Show or hide Monte Carlo bands.
    Bands(bool),
    /// An edit of the allocation table, the changes or the cap.
    Table(TableEdit),
    /// Back to the default design.
    Reset,
}

/// What a person can do to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A change made with the levers.
    Edit(Edit),
    /// Replace the whole scenario (a walk step, a preset, a link, an import); boxed, as a
    /// scenario with its tables is ten times the size of any other action.
    Load(Box<Scenario>),
    /// Pin the current design as "A", with a name for it.
    Pin(String),
    /// Stop comparing.
    Unpin,
    /// Tell the person something.
    Notify(String),
    /// Dismiss every notice.
    Dismiss,
}

impl From<Edit> for Action {
    fn from(edit: Edit) -> Self {
        Action::Edit(edit)
    }
}

/// The defaults always project (a unit test says so); an empty projection is the fallback that
/// keeps the page up if that ever changed.
fn default_projection() -> Projection {
    project(&Scenario::default()).unwrap_or_default()
}

impl AppState {
    /// The state for a scenario. A valid design that overflows is kept (so a shared link is not
    /// lost) with the defaults' projection on screen and the reason in `stale`; an invalid one is
    /// replaced by the defaults (links and imports are read into valid designs before this).
    pub fn new(scenario: Scenario) -> Self {
        let (scenario, projection, stale) = match project(&scenario) {
            Ok(p) => (scenario, p, None),
            Err(e @ ScenarioError::Overflow { .. }) => (scenario, default_projection(), Some(e.to_string())),
            Err(_) => (Scenario::default(), default_projection(), None),
        };
        Self {
            scenario,
            projection: Rc::new(projection),
            drafts: Drafts::default(),
            stale,
            pinned: None,
            notices: Vec::new(),
            bands: false,
            table: None,
        }
    }

    /// The state for a page opened with this notice list (e.g. parts of its link were ignored).
    pub fn with_notices(mut self, notices: Vec<String>) -> Self {
        self.notices = notices;
        self
    }

    /// Apply `next` if it is valid: reproject, or keep the last projection and say why.
    fn with_scenario(&self, next: Scenario, clear_draft: Option<&'static str>) -> Self {
        let mut drafts = self.drafts.clone();
        if let Some(key) = clear_draft {
            drafts.remove(key);
        }
        match project(&next) {
            Ok(p) => Self { scenario: next, projection: Rc::new(p), drafts, stale: None, ..self.clone() },
            // A valid design whose numbers leave f64's range: keep it (the levers show what was
            // asked) but keep the last projection on screen, and say why.
            Err(e @ ScenarioError::Overflow { .. }) => Self {
                scenario: next,
                projection: Rc::clone(&self.projection),
                drafts,
                stale: Some(e.to_string()),
                ..self.clone()
            },
            // Invalid designs never enter the state: callers check first, and this keeps it so.
            Err(_) => self.clone(),
        }
    }

    fn slide(&self, l: &'static Lever, shown: f64) -> Self {
        let mut next = self.scenario.clone();
        // Shares of one whole cannot exceed 100 % together: a slider stops at the room left, in
        // every phase of the design's changes that keeps the launch value.
        let value = l.stored(shown).min(share_room_over_time(&next, l.field).unwrap_or(f64::INFINITY));
        if l.field.check(value).is_err() {
            return self.clone();
        }
        (l.field.set)(&mut next, value);
        next.clamp_shock_to_horizon(); // the shock stays within the horizon, whichever moved
        self.with_scenario(next, Some(l.field.key))
    }

    fn type_text(&self, l: &'static Lever, text: String) -> Self {
        let key = l.field.key;
        let rejected = |error: String| {
            let mut state = self.clone();
            state.drafts.insert(key, Draft { text: text.clone(), error: Some(error) });
            state
        };
        let trimmed = text.trim();
        let shown = match number::parse(trimmed) {
            Some(v) => v,
            None if trimmed.is_empty() => return rejected("Enter a number.".to_owned()),
            None => return rejected(format!("\"{trimmed}\" is not a number.")),
        };
        let value = l.stored(shown);
        if l.field.check(value).is_err() {
            return rejected(crate::refused::refused(l, trimmed, shown));
        }
        let mut next = self.scenario.clone();
        (l.field.set)(&mut next, value);
        if l.field.key == "years" {
            next.clamp_shock_to_horizon(); // as when the slider moves
        }
        // Rules across fields (burn + staker shares) are reported beside the field being edited.
        if let Some(e) = shares_rule(&next, l.field).or_else(|| field_errors(&next).into_iter().next()) {
            return rejected(e.shown());
        }
        let mut state = self.with_scenario(next, None);
        state.drafts.insert(key, Draft { text, error: None });
        state
    }

    fn blur(&self, l: &'static Lever) -> Self {
        let key = l.field.key;
        let mut state = self.clone();
        if state.drafts.get(key).is_some_and(|d| d.error.is_none()) {
            state.drafts.remove(key);
        }
        state
    }

    /// Replace the design, keeping the comparison and notices; an invalid design is refused with a notice.
    fn load(&self, scenario: Scenario) -> Self {
        if let Err(e) = consumption_lab_engine::validate(&scenario) {
            let mut state = self.clone();
            state.notices.push(format!("That design was not loaded: {e}"));
            return state;
        }
        let mut state = self.with_scenario(scenario, None);
        state.drafts.clear();
        state.table = None;
        state
    }

    /// An edit of the advanced editor: applied when the tables make a valid design, kept beside
    /// the editor with its errors when they do not.
    fn table(&self, edit: TableEdit) -> Self {
        match crate::tables::apply(&self.scenario, self.table.as_ref(), edit) {
            Ok(next) => {
                let mut state = self.with_scenario(next, None);
                state.table = None;
                state
            }
            Err(draft) => Self { table: Some(draft), ..self.clone() },
        }
    }

    fn shock(&self, on: bool) -> Self {
        let mut next = self.scenario.clone();
        next.speculation_shock = on.then(SpeculationShock::default);
        next.clamp_shock_to_horizon();
        self.with_scenario(next, None)
    }

    fn choose(&self, c: &'static Choice, value: &str) -> Self {
        let mut next = self.scenario.clone();
        (c.set)(&mut next, value);
        self.with_scenario(next, None)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Edit(Edit::Slide(lever, shown)) => self.slide(lever, shown),
            Action::Edit(Edit::Type(lever, text)) => self.type_text(lever, text),
            Action::Edit(Edit::Blur(lever)) => self.blur(lever),
            Action::Edit(Edit::Choose(choice, value)) => self.choose(choice, &value),
            Action::Edit(Edit::Shock(on)) => self.shock(on),
            Action::Edit(Edit::Bands(on)) => AppState { bands: on, ..(*self).clone() },
            Action::Edit(Edit::Table(edit)) => self.table(edit),
            Action::Edit(Edit::Reset) => self.load(Scenario::default()),
            Action::Load(scenario) => self.load(*scenario),
            Action::Pin(label) => {
                AppState { pinned: Some(Pinned { label, projection: Rc::clone(&self.projection) }), ..(*self).clone() }
            }
            Action::Unpin => AppState { pinned: None, ..(*self).clone() },
            Action::Notify(notice) => {
                let mut next = (*self).clone();
                if !next.notices.contains(&notice) {
                    next.notices.push(notice);
                }
                next
            }
            Action::Dismiss => AppState { notices: Vec::new(), ..(*self).clone() },
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::choices::{PRICE_MODEL, STAKING_YIELD_SOURCE};
    use crate::levers::{BURN_SHARE, PRICE_TO_FEES, SHOCK_YEAR, STAKED_FRACTION, STAKER_SHARE, YEARS};

    fn after(actions: Vec<Action>) -> Rc<AppState> {
        actions.into_iter().fold(Rc::new(AppState::new(Scenario::default())), |s, a| s.reduce(a))
    }

    #[test]
    fn bad_text_keeps_the_last_projection_and_says_why() {
        let good = after(vec![]);
        for text in ["abc", "", "NaN", "inf", "1e309", "150", "-5"] {
            let s = after(vec![Action::Edit(Edit::Type(&BURN_SHARE, text.to_owned()))]);
            assert_eq!(s.scenario, good.scenario, "{text}");
            assert_eq!(s.projection, good.projection, "{text}");
            assert!(s.drafts.get("burn_share").unwrap().error.is_some(), "{text}");
        }
        let s = after(vec![Action::Edit(Edit::Type(&BURN_SHARE, "150".to_owned()))]);
        assert_eq!(
            s.drafts.get("burn_share").unwrap().error.as_deref(),
            Some("Must be between 0 % and 100 %; got 150 %.")
        );
    }

    #[test]
    fn good_text_applies_and_clears_the_draft() {
        let s = after(vec![
            Action::Edit(Edit::Type(&BURN_SHARE, "x".into())),
            Action::Edit(Edit::Type(&BURN_SHARE, "60.".into())),
        ]);
        assert_eq!(s.scenario.burn_share, 0.6);
        assert_eq!(s.drafts.get("burn_share").unwrap(), &Draft { text: "60.".into(), error: None });
        let s = s.reduce(Action::Edit(Edit::Blur(&BURN_SHARE)));
        assert_eq!(s.drafts, Drafts::default());
        assert!(s.projection.summary.final_supply < after(vec![]).projection.summary.final_supply);
    }

    #[test]
    fn shares_over_100_percent_are_rejected_when_typed_and_clamped_when_slid() {
        let typed = after(vec![Action::Edit(Edit::Type(&BURN_SHARE, "80".into()))]);
        assert!(
            typed.drafts.get("burn_share").unwrap().error.as_deref().unwrap().contains("at most 70 %"),
            "{:?}",
            typed.drafts
        );
        let slid = after(vec![Action::Edit(Edit::Slide(&BURN_SHARE, 80.0))]);
        assert_eq!(slid.scenario.burn_share, 0.7);
        // A later change raising the staker share leaves less room: the slider stops there too,
        // instead of refusing the move without a word.
        let change = consumption_lab_engine::Change { month: 25, field: "staker_share".into(), value: 0.45 };
        let later = Rc::new(AppState::new(Scenario { changes: vec![change], ..Scenario::default() }));
        let slid = later.reduce(Action::Edit(Edit::Slide(&BURN_SHARE, 80.0)));
        assert_eq!(slid.scenario.burn_share, 0.55);
    }

    #[test]
    fn the_shock_stays_within_the_horizon() {
        let s = after(vec![Action::Edit(Edit::Slide(&YEARS, 2.0)), Action::Edit(Edit::Shock(true))]);
        assert_eq!(s.scenario.speculation_shock.unwrap().year, 2);
        let s = s.reduce(Action::Edit(Edit::Slide(&SHOCK_YEAR, 9.0)));
        assert_eq!(s.scenario.speculation_shock.unwrap().year, 2);
        let s = after(vec![Action::Edit(Edit::Shock(true)), Action::Edit(Edit::Slide(&YEARS, 1.0))]);
        assert_eq!(s.scenario.speculation_shock.unwrap().year, 1);
        assert!(s.stale.is_none());
        let typed_years = after(vec![Action::Edit(Edit::Shock(true)), Action::Edit(Edit::Type(&YEARS, "2".into()))]);
        assert_eq!(typed_years.scenario.speculation_shock.unwrap().year, 2, "typed years pull the shock in too");
        let typed = after(vec![Action::Edit(Edit::Shock(true)), Action::Edit(Edit::Type(&SHOCK_YEAR, "11".into()))]);
        assert!(typed.drafts.get("speculation_shock.year").unwrap().error.is_some());
        assert!(after(vec![Action::Edit(Edit::Shock(true)), Action::Edit(Edit::Shock(false))])
            .scenario
            .speculation_shock
            .is_none());
    }

    #[test]
    fn loading_keeps_the_pin_and_refuses_invalid_designs() {
        let s = after(vec![Action::Pin("A: defaults".into()), Action::Edit(Edit::Slide(&BURN_SHARE, 20.0))]);
        assert_eq!(s.pinned.as_ref().unwrap().projection.scenario.burn_share, 0.5);
        let loaded = s.clone().reduce(Action::Load(Box::new(Scenario { years: 3, ..Scenario::default() })));
        assert!(loaded.pinned.is_some());
        assert_eq!(loaded.scenario.years, 3);
        let refused = s.clone().reduce(Action::Load(Box::new(Scenario { burn_share: 3.0, ..Scenario::default() })));
        assert_eq!(refused.scenario, s.scenario);
        assert!(refused.notices[0].contains("burn_share must be between 0 and 1"));
        assert!(refused.reduce(Action::Dismiss).notices.is_empty());
    }

    #[test]
    fn a_link_to_an_overflowing_design_keeps_the_design_and_says_why() {
        let s = Scenario {
            years: 50,
            price_model: consumption_lab_engine::PriceModel::FeeMultiple,
            price_to_fees: 0.1,
            burn_share: 1.0,
            staker_share: 0.0,
            staked_fraction: 0.0,
            staking_yield_source: consumption_lab_engine::YieldSource::Revenue,
            allocations: Vec::new(),
            ..Scenario::default()
        };
        let state = AppState::new(s.clone());
        assert_eq!(state.scenario, s);
        assert!(state.stale.as_deref().unwrap_or("").contains("overflowed"));
        assert_eq!(state.projection.scenario, Scenario::default());
    }

    #[test]
    fn overflow_keeps_the_last_projection_and_marks_it_stale() {
        // Everything circulating, so that the burn can take all of it.
        let s = after(vec![
            Action::Load(Box::new(Scenario { allocations: Vec::new(), ..Scenario::default() })),
            Action::Edit(Edit::Choose(&PRICE_MODEL, "fee_multiple".into())),
            Action::Edit(Edit::Choose(&STAKING_YIELD_SOURCE, "revenue".into())),
            Action::Edit(Edit::Slide(&STAKER_SHARE, 0.0)),
            Action::Edit(Edit::Slide(&BURN_SHARE, 100.0)),
            Action::Edit(Edit::Slide(&STAKED_FRACTION, 0.0)),
            Action::Edit(Edit::Type(&PRICE_TO_FEES, "0.1".into())),
            Action::Edit(Edit::Slide(&YEARS, 50.0)),
        ]);
        assert!(s.stale.as_deref().unwrap_or("").contains("overflowed at month"), "{:?}", s.stale);
        assert_eq!(s.projection.scenario.years, 10);
    }
}
