//! The root component: one reducer holds the state; the controls change it, the summary, the
//! charts and the lenses show it. Each change is timed from input to redraw as the `update` measure.

use crate::browser;
use crate::charts::ChartKind;
use crate::components::chart_card::ChartCard;
use crate::components::compare_table::CompareTable;
use crate::components::controls::Controls;
use crate::components::jevons_panel::JevonsPanel;
use crate::components::lens_turnover::TurnoverLens;
use crate::components::notices::Notices;
use crate::components::saved_designs::SavedDesigns;
use crate::components::scenario_bar::{import_action, ScenarioBar};
use crate::components::scorecard::Scorecard;
use crate::components::sensitivity_map::SensitivityMap;
use crate::components::shock_compare::ShockCompare;
use crate::components::summary_strip::SummaryStrip;
use crate::components::uncertainty::Uncertainty;
use crate::components::valuation::Valuation;
use crate::components::walk::Walk;
use crate::hooks::{use_compute, use_file_import, Pending};
use crate::perf;
use crate::state::{Action, AppState};
use crate::walk;
use consumption_lab_engine::jobs::{Request, Response};
use consumption_lab_engine::{link, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// See the module doc.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        // The whole design lives in the URL: open the link's design, saying what it could not use.
        let read = link::from_query(&browser::query());
        let notices = read.ignored.into_iter().map(|why| format!("From the link: {why}.")).collect();
        AppState::new(read.scenario).with_notices(notices)
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
    // Keep the link in step with the design, replacing (not pushing) history entries, once the
    // levers rest for a moment: replaceState costs most of a millisecond, too much per drag step.
    let url_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    use_effect_with(state.scenario.clone(), move |scenario| {
        let query = link::to_query(scenario);
        *url_timer.borrow_mut() =
            Some(gloo::timers::callback::Timeout::new(150, move || browser::replace_query(&query)));
    });

    let dragging = use_state(|| false);
    let import = use_file_import(on_action.reform(|(name, text)| import_action(name, text)));
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default(); // allows the drop
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let (dragging, import) = (dragging.clone(), import.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                import.emit(file);
            }
        })
    };
    let on_dismiss = on_action.reform(|_: MouseEvent| Action::Dismiss);
    let on_unpin = on_action.reform(|_: MouseEvent| Action::Unpin);
    let compare = state.pinned.as_ref().map(|pin| pin.projection.clone());

    // Monte Carlo runs in the compute worker; the bands are drawn when they match the design.
    let monte_carlo = use_compute(Pending::Newest);
    // The newest request's number and design: an answer is drawn only when it answers that
    // request and that design is still the one on screen.
    let mc_request = use_mut_ref(|| (0u32, Scenario::default()));
    {
        let (send, sent) = (monte_carlo.send.clone(), mc_request.clone());
        use_effect_with((state.scenario.clone(), state.bands), move |(scenario, on)| {
            if *on {
                let mut sent = sent.borrow_mut();
                *sent = (sent.0 + 1, scenario.clone());
                perf::mark_start("bands");
                send.emit(Request::MonteCarlo { id: sent.0, scenario: scenario.clone() });
            }
        });
    }
    let mc_result = use_memo(monte_carlo.result.clone(), |r| match r.as_deref() {
        Some(Response::MonteCarlo { id, result }) => (Some((*id, Rc::new((**result).clone()))), None),
        Some(Response::Error { message, .. }) => (None, Some(message.clone())),
        _ => (None, None),
    });
    let answers_screen = |id: u32| {
        let sent = mc_request.borrow();
        state.bands && id == sent.0 && sent.1 == state.scenario
    };
    let bands = mc_result.0.as_ref().filter(|(id, _)| answers_screen(*id)).map(|(_, b)| b.clone());
    use_effect_with(bands.clone(), |bands| {
        if bands.is_some() {
            perf::measure("bands");
        }
    });
    let on_bands = on_action.reform(|_: MouseEvent| Action::Bands(true));

    let go_to_step = {
        let (walk_step, on_action, steps) = (walk_step.clone(), on_action.clone(), steps.clone());
        Callback::from(move |i: usize| {
            if let Some(step) = steps.get(i) {
                on_action.emit(Action::Load(step.scenario.clone()));
                walk_step.set(Some(i));
            }
        })
    };
    let start_walk = go_to_step.reform(|_: MouseEvent| 0);
    let leave_walk = {
        let walk_step = walk_step.clone();
        Callback::from(move |()| walk_step.set(None))
    };
    let use_growth = on_action.reform(|g: f64| Action::Slide("fee_growth", g));

    let p = state.projection.clone();
    html! {
        <div class={classes!("app", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <header class="masthead">
                <div class="brand">
                    <h1>{ "Consumption Lab" }</h1>
                    <p class="tagline">{ "Turnover is not consumption. Set a token design and see what its use does to supply, and where the value of its fees goes." }</p>
                </div>
                <div class="masthead-actions">
                    <button type="button" class="walk-start" onclick={start_walk}>{ "Walk through the essay" }</button>
                    <a class="jump" href="#levers">{ "Jump to the design levers ↓" }</a>
                </div>
            </header>
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
                    <ChartCard kind={ChartKind::Supply} id="supply" title="Projected supply"
                        caption="Tokens in existence, split into circulating and staked, with everything burned and minted so far. Below the dashed line, use is consuming the token."
                        projection={p.clone()} compare={compare.clone()} bands={bands.clone()} />
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
                    <Uncertainty on={state.bands} result={bands.clone()} scenario={state.scenario.clone()} busy={monte_carlo.busy}
                        error={mc_result.1.clone().filter(|_| !monte_carlo.busy)} on_enable={on_bands} />
                    <SensitivityMap scenario={state.scenario.clone()} />
                </section>
                <aside class="panel" id="levers" aria-label="Design">
                    <ScenarioBar projection={p.clone()} pinned={state.pinned.is_some()} on_action={on_action.clone()} />
                    <SavedDesigns scenario={state.scenario.clone()} on_action={on_action.clone()} />
                    <h2 class="panel-title">{ "Design levers" }</h2>
                    <Controls scenario={state.scenario.clone()} drafts={state.drafts.clone()} bands={state.bands} on_action={on_action} />
                </aside>
            </main>
            if let Some(i) = *walk_step {
                <Walk steps={(*steps).clone()} index={i} on_go={go_to_step} on_close={leave_walk} />
            }
            <footer class="colophon">
                <p>{ "Runs entirely in your browser: nothing you enter leaves this page. Every number is explained in the model notes (docs/model.md) of the project." }</p>
            </footer>
            if *dragging {
                <div class="drop-hint" aria-hidden="true">{ "Drop a scenario JSON file to load it" }</div>
            }
        </div>
    }
}
