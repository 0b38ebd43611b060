//! The root component, a composition root: one reducer holds the state; hooks keep the URL in step
//! (`use_link_sync`), read dropped files (`use_drop_import`) and fetch Monte Carlo bands
//! (`use_bands`); the controls change the state through narrow callbacks, and the summary, the
//! charts and the lenses show it. Each change is timed from input to redraw as the `update` measure.

use crate::browser;
use crate::charts::ChartKind;
use crate::components::chart_card::ChartCard;
use crate::components::compare_table::CompareTable;
use crate::components::controls::Controls;
use crate::components::jevons_panel::JevonsPanel;
use crate::components::lens_turnover::TurnoverLens;
use crate::components::masthead::masthead;
use crate::components::notices::Notices;
use crate::components::saved_designs::SavedDesigns;
use crate::components::scenario_bar::{import_into, ScenarioBar};
use crate::components::scorecard::Scorecard;
use crate::components::sensitivity_map::SensitivityMap;
use crate::components::shock_compare::ShockCompare;
use crate::components::summary_strip::SummaryStrip;
use crate::components::uncertainty::Uncertainty;
use crate::components::valuation::Valuation;
use crate::components::walk::Walk;
use crate::hooks::{use_bands, use_compute, use_drop_import, use_link_sync, Pending};
use crate::perf;
use crate::state::{Action, AppState, Edit, Pinned};
use crate::walk;
use consumption_lab_engine::link;
use consumption_lab_engine::wire::Response;
use yew::prelude::*;

/// The supply chart's heading and caption: the first view drawn at build time shows the same card.
pub const SUPPLY_TITLE: &str = "Projected supply";
/// See [`SUPPLY_TITLE`].
pub const SUPPLY_CAPTION: &str = "Tokens in existence, split into circulating, staked and still locked by vesting, with everything burned and minted so far. Below the dashed line, use is consuming the token.";

/// See the module doc.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        // The whole design lives in the URL: open the link's design (and its pinned design A),
        // saying what it could not use.
        let query = browser::query();
        let (read, a) = (link::from_query(&query), link::pinned_in(&query));
        let mut notices: Vec<String> = read.ignored.into_iter().map(|why| format!("From the link: {why}.")).collect();
        notices.extend(a.iter().flat_map(|a| &a.ignored).map(|why| format!("From the link's design A: {why}.")));
        let mut state = AppState::new(read.scenario).with_notices(notices);
        state.pinned = a.and_then(|a| {
            let label =
                format!("A: {}", crate::describe::name(&consumption_lab_engine::presets::presets(), &a.scenario));
            Some(Pinned { label, projection: std::rc::Rc::new(consumption_lab_engine::project(&a.scenario).ok()?) })
        });
        state
    });
    let steps = use_memo((), |_| walk::steps());
    let walk_step = use_state(|| None::<usize>);

    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| {
            perf::mark_input();
            state.dispatch(action);
        })
    };
    // Children's effects (the chart draws) run before the parent's: this closes the measure.
    use_effect_with(state.projection.clone(), |_| {
        perf::mark_first_projection();
        perf::measure_update();
    });
    let query = link::to_query_pinned(&state.scenario, state.pinned.as_ref().map(|a| &a.projection.scenario));
    use_link_sync(&query);

    let on_load = on_action.reform(|s| Action::Load(Box::new(s)));
    let on_notify = on_action.reform(Action::Notify);
    let on_pin = on_action.reform(|label: Option<String>| label.map_or(Action::Unpin, Action::Pin));
    // The levers' callback is made once: a stable callback lets the parts of the panel whose own
    // props did not change (the allocation table while a slider moves) skip their render.
    let on_edit = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |edit: Edit| {
                perf::mark_input();
                dispatcher.dispatch(Action::Edit(edit));
            })
        }))
        .clone()
    };
    // Files dropped on the page or picked in the scenario bar; the words for a bad one come from
    // the compute worker, and its answer is what to say.
    let explain = use_compute(Pending::Every);
    {
        let (answer, on_notify) = (explain.result.clone(), on_notify.clone());
        use_effect_with(explain.answers, move |_| {
            if let Some(Response::Error { message, .. }) = answer.as_deref() {
                on_notify.emit(message.clone());
            }
        });
    }
    let import = import_into(on_load.clone(), on_notify.clone(), explain.send.clone());
    let drop = use_drop_import(import.clone());
    let on_dismiss = on_action.reform(|_: MouseEvent| Action::Dismiss);
    let on_unpin = on_action.reform(|_: MouseEvent| Action::Unpin);
    let compare = state.pinned.as_ref().map(|pin| pin.projection.clone());

    // Monte Carlo runs in the compute worker; the bands are drawn when they match the design.
    let bands = use_bands(&state.scenario, state.bands);
    let on_bands = on_edit.reform(|_: MouseEvent| Edit::Bands(true));

    let go_to_step = {
        let (walk_step, on_load, steps) = (walk_step.clone(), on_load.clone(), steps.clone());
        Callback::from(move |i: usize| {
            if let Some(step) = steps.get(i) {
                on_load.emit(step.scenario.clone());
                walk_step.set(Some(i));
            }
        })
    };
    let start_walk = go_to_step.reform(|_: MouseEvent| 0);
    let leave_walk = {
        let walk_step = walk_step.clone();
        Callback::from(move |()| walk_step.set(None))
    };
    // The explorer's growth for the explorer's period, then the design's own (borrowed_growth.rs).
    let use_growth = {
        let scenario = state.scenario.clone();
        on_action.reform(move |(growth, years): (f64, f64)| {
            Action::Load(Box::new(crate::borrowed_growth::borrow_growth(&scenario, growth, years)))
        })
    };

    let p = state.projection.clone();
    html! {
        <div class={classes!("app", drop.dragging.then_some("dragging"))} ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}>
            { masthead(start_walk) }
            <main class="layout">
                <section class="results" aria-label="Projection">
                    if let Some(reason) = &state.stale {
                        <p class="banner warning" role="alert">
                            { format!("These results are for the last design that could be computed. {reason}") }
                        </p>
                    }
                    <Notices notices={state.notices.clone()} {on_dismiss} />
                    <div id="summary"><SummaryStrip projection={p.clone()} /></div>
                    if let (Some(pin), Some(a)) = (&state.pinned, &compare) {
                        <CompareTable label={pin.label.clone()} a={a.clone()} b={p.clone()} {on_unpin} />
                    }
                    <ChartCard kind={ChartKind::Supply} id="supply" title={SUPPLY_TITLE} caption={SUPPLY_CAPTION}
                        projection={p.clone()} compare={compare.clone()} bands={bands.result.clone()} />
                    <ChartCard kind={ChartKind::Price} id="price" title="Price"
                        caption="The token's price each month, and the value traders pull it toward: a multiple of what reaches holders, plus any speculative premium. Buys and sells move it; the pull brings it back."
                        projection={p.clone()} compare={compare.clone()} bands={bands.result.clone()} />
                    <ChartCard kind={ChartKind::Flows} id="flows" title="Who buys, who sells"
                        caption="Each month's orders through the market by source: buys above zero, sells below, the net as a line. With native fees every user is a buyer of the token; with stablecoin fees only the buyback is."
                        projection={p.clone()} compare={compare.clone()} />
                    <ChartCard kind={ChartKind::Unlocks} id="unlocks" title="Unlocks"
                        caption="The allocation table's tokens as they vest, stacked by bucket, under the total and circulating supply. A cliff is a step; what unlocks and is sold goes through the market (see who sells above)."
                        projection={p.clone()} />
                    <ChartCard kind={ChartKind::Fees} id="fees" title="Where the fees go"
                        caption="Each month's gross fees by destination. Only burned and staker shares reach holders: that share is the value capture ratio (dashed, right axis)."
                        projection={p.clone()} compare={compare.clone()} />
                    <h2 class="section-title">{ "The essay's lenses" }</h2>
                    <TurnoverLens projection={p.clone()} compare={compare.clone()} />
                    <ShockCompare projection={p.clone()} />
                    <div class="pair">
                        <Scorecard card={p.lenses.scorecard.clone()} />
                        <Valuation projection={p.clone()} />
                    </div>
                    <JevonsPanel on_use_growth={use_growth} />
                    <h2 class="section-title">{ "Uncertainty and sensitivity" }</h2>
                    <Uncertainty on={state.bands} result={bands.result.clone()} scenario={state.scenario.clone()} busy={bands.busy}
                        error={bands.error.clone()} on_enable={on_bands} />
                    <SensitivityMap scenario={state.scenario.clone()} />
                </section>
                <aside class="panel" id="levers" aria-label="Design">
                    <ScenarioBar projection={p.clone()} pinned={state.pinned.is_some()} link={query} on_load={on_load.clone()} {on_pin} on_notify={on_notify.clone()} {import} />
                    <SavedDesigns scenario={state.scenario.clone()} {on_load} {on_notify} />
                    <h2 class="panel-title">{ "Design levers" }</h2>
                    <Controls scenario={state.scenario.clone()} drafts={state.drafts.clone()} bands={state.bands} projection={p.clone()} table={state.table.clone()} {on_edit} />
                </aside>
            </main>
            if let Some(i) = *walk_step {
                <Walk steps={(*steps).clone()} index={i} on_go={go_to_step} on_close={leave_walk} />
            }
            <footer class="colophon">
                <p>{ "Runs entirely in your browser: nothing you enter leaves this page. Every number is explained in the " }<a href="model.html">{ "model notes" }</a>{ "." }</p>
            </footer>
            if drop.dragging {
                <div class="drop-hint" aria-hidden="true">{ "Drop a scenario JSON file to load it" }</div>
            }
        </div>
    }
}
