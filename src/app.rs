//! The root component: one reducer holds the state; the controls change it, the summary and the
//! charts show it. Each change is timed from input to redraw as the `update` measure.

use crate::charts::ChartKind;
use crate::components::chart_card::ChartCard;
use crate::components::controls::Controls;
use crate::components::summary_strip::SummaryStrip;
use crate::perf;
use crate::state::{Action, AppState};
use consumption_lab_engine::Scenario;
use yew::prelude::*;

/// See the module doc.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::new(Scenario::default()));
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

    let p = state.projection.clone();
    html! {
        <>
            <header class="masthead">
                <div class="brand">
                    <h1>{ "Consumption Lab" }</h1>
                    <p class="tagline">{ "Turnover is not consumption. Set a token design and see what its use does to supply, and where the value of its fees goes." }</p>
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
                    <SummaryStrip projection={p.clone()} />
                    <ChartCard kind={ChartKind::Supply} title="Projected supply"
                        caption="Tokens in existence, split into circulating and staked, with everything burned and minted so far. Below the dashed line, use is consuming the token."
                        projection={p.clone()} />
                    <ChartCard kind={ChartKind::Fees} title="Where the fees go"
                        caption="Each month's gross fees by destination. Only burned and staker shares reach holders: that share is the value capture ratio (dashed, right axis)."
                        projection={p.clone()} />
                </section>
                <aside class="panel" id="levers" aria-label="Design">
                    <h2 class="panel-title">{ "Design levers" }</h2>
                    <Controls scenario={state.scenario.clone()} drafts={state.drafts.clone()} on_action={on_action} />
                </aside>
            </main>
            <footer class="colophon">
                <p>{ "Runs entirely in your browser: nothing you enter leaves this page. Every number is explained in the model notes (docs/model.md) of the project." }</p>
            </footer>
        </>
    }
}
