//! The root component, a composition root: one reducer holds the state; hooks keep the URL in step
//! (`use_link_sync`), read dropped files (`use_drop_import`) and fetch Monte Carlo bands
//! (`use_bands`); the controls change the state through narrow callbacks, and the summary, the
//! charts and the lenses show it. Each change is timed from input to redraw as the `update` measure.

use crate::browser;
use crate::charts::ChartKind;
use crate::components::chart_card::ChartCard;
use crate::components::controls::Controls;
use crate::components::jevons_panel::JevonsPanel;
use crate::components::lens_turnover::TurnoverLens;
use crate::components::masthead::masthead;
use crate::components::saved_designs::SavedDesigns;
use crate::components::scenario_bar::{import_into, ScenarioBar};
use crate::components::sensitivity_map::SensitivityMap;
use crate::components::slide_bar::{slide_bar, use_clicker};
use crate::components::uncertainty::Uncertainty;
use crate::components::walk::Walk;
use crate::components::{compare_table, notices, scorecard, shock_compare, summary_strip, valuation};
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
    // The walk's steps, fetched when it is first started (walk.rs).
    let steps = use_state(|| std::rc::Rc::new(Vec::<walk::Step>::new()));
    let walk_step = use_state(|| None::<usize>);
    // Presentation mode's slide, when presenting (presentation.rs); a link may open on one.
    let slide = use_state(|| link::slide_in(&browser::query()).map(|id| crate::presentation::slide_of(&id)));
    // The lever dock on a narrow screen: open, or folded down to its handle. Folded at first, so a
    // phone opens on the answer, as the first view drawn at build time shows it; open when the
    // page presents a slide beside its levers. Focus moving into it opens it (`on_focus_in`).
    let dock_open = use_state(|| slide.is_some());

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
    let shown = slide.map(|i| crate::presentation::SLIDES[i].0);
    use_link_sync(&link::with_slide(query.clone(), shown));

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
    let start_walk = {
        let (walk_step, on_load, steps, on_notify, dock_open, go_to_step) = (
            walk_step.clone(),
            on_load.clone(),
            steps.clone(),
            on_notify.clone(),
            dock_open.clone(),
            go_to_step.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            dock_open.set(true);
            // Fetched once: a second start goes to the first step of the steps already here.
            if !steps.is_empty() {
                go_to_step.emit(0);
                return;
            }
            let (walk_step, on_load, steps, on_notify) =
                (walk_step.clone(), on_load.clone(), steps.clone(), on_notify.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match walk::load().await {
                    Ok(all) if !all.is_empty() => {
                        on_load.emit(all[0].scenario.clone());
                        steps.set(std::rc::Rc::new(all));
                        walk_step.set(Some(0));
                    }
                    Ok(_) => on_notify.emit("The walk has no steps.".into()),
                    Err(e) => on_notify.emit(format!("The walk could not be started: {e}.")),
                }
            });
        })
    };
    let go_to_slide = {
        let slide = slide.clone();
        Callback::from(move |i: usize| slide.set(Some(i)))
    };
    let on_present = {
        let (go_to_slide, dock_open) = (go_to_slide.clone(), dock_open.clone());
        Callback::from(move |_: MouseEvent| {
            dock_open.set(true);
            go_to_slide.emit(0);
        })
    };
    // While the walk runs it decides what shows; the clicker waits.
    use_clicker(slide.filter(|_| walk_step.is_none()), go_to_slide.clone());
    // Entering presentation mode hides the button that did it, and leaving removes the bar: the
    // keyboard's focus goes to the bar's Next, then back to Present, rather than to nothing.
    {
        let was = use_mut_ref(|| slide.is_some());
        use_effect_with(slide.is_some(), move |&now| {
            if was.replace(now) != now {
                browser::focus(if now { ".slide-bar .primary" } else { ".present-start" });
            }
        });
    }
    let leave_slides = {
        let slide = slide.clone();
        Callback::from(move |_: MouseEvent| slide.set(None))
    };
    let on_dock = {
        let dock_open = dock_open.clone();
        Callback::from(move |_: MouseEvent| dock_open.set(!*dock_open))
    };
    // The keyboard (or the skip link) moving into the folded dock opens it; its handle folds it.
    let on_focus_in = {
        let dock_open = dock_open.clone();
        Callback::from(move |e: FocusEvent| {
            let on_handle =
                e.target_dyn_into::<web_sys::Element>().is_some_and(|t| t.class_list().contains("dock-handle"));
            if !on_handle && !*dock_open {
                dock_open.set(true);
            }
        })
    };
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
        <div class={classes!("app", drop.dragging.then_some("dragging"), shown.map(|_| "presenting"))} data-slide={shown}
            ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}>
            { masthead(start_walk, on_present) }
            <main class="layout">
                // The levers come first in the page (and in the Tab order): beside the charts on the left
                // of a wide screen, in the dock on a phone, where the layout places them.
                <aside class={classes!("panel", (!*dock_open).then_some("folded"))} id="levers" aria-label="Design" tabindex="-1" onfocusin={on_focus_in}>
                    // The handle of the lever dock, shown on narrow screens only (style.css).
                    <button type="button" class="dock-handle" onclick={on_dock} aria-expanded={dock_open.to_string()}>
                        { if *dock_open { "Fold the levers" } else { "Show the levers" } }
                        <span aria-hidden="true">{ if *dock_open { " ▾" } else { " ▴" } }</span>
                    </button>
                    if let Some(i) = *walk_step {
                        <Walk steps={(*steps).clone()} index={i} on_go={go_to_step} on_close={leave_walk} />
                    }
                    <ScenarioBar projection={p.clone()} pinned={state.pinned.is_some()} link={query} on_load={on_load.clone()} {on_pin} on_notify={on_notify.clone()} {import} />
                    <SavedDesigns scenario={state.scenario.clone()} {on_load} {on_notify} />
                    <h2 class="panel-title">{ "Design levers" }</h2>
                    <Controls scenario={state.scenario.clone()} drafts={state.drafts.clone()} bands={state.bands} projection={p.clone()} table={state.table.clone()} {on_edit} />
                </aside>
                <section class="results" aria-label="Projection">
                    if let Some(i) = *slide {
                        { slide_bar(i, &go_to_slide, leave_slides) }
                    }
                    if let Some(reason) = &state.stale {
                        <p class="banner warning" role="alert">
                            { format!("These results are for the last design that could be computed. {reason}") }
                        </p>
                    }
                    { notices::view(&notices::Props { notices: state.notices.clone(), on_dismiss }) }
                    <div id="summary">{ summary_strip::view(&summary_strip::Props { projection: p.clone() }) }</div>
                    if let (Some(pin), Some(a)) = (&state.pinned, &compare) {
                        { compare_table::view(&compare_table::Props { label: pin.label.clone(), a: a.clone(), b: p.clone(), on_unpin }) }
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
                    { shock_compare::view(&shock_compare::Props { projection: p.clone() }) }
                    <div class="pair">
                        { scorecard::view(&scorecard::Props { card: p.lenses.scorecard.clone() }) }
                        { valuation::view(&valuation::Props { projection: p.clone() }) }
                    </div>
                    <JevonsPanel on_use_growth={use_growth} />
                    <h2 class="section-title">{ "Uncertainty and sensitivity" }</h2>
                    <Uncertainty on={state.bands} result={bands.result.clone()} scenario={state.scenario.clone()} busy={bands.busy}
                        error={bands.error.clone()} on_enable={on_bands} />
                    <SensitivityMap scenario={state.scenario.clone()} />
                </section>
            </main>
            <footer class="colophon">
                <p>{ "Runs entirely in your browser: nothing you enter leaves this page. Every number is explained in the " }<a href="model.html">{ "model notes" }</a>{ "." }</p>
            </footer>
            if drop.dragging {
                <div class="drop-hint" aria-hidden="true">{ "Drop a scenario JSON file to load it" }</div>
            }
        </div>
    }
}
