//! The essay's four criteria and the three traits of successful consumption loops, graded live.
//! Grades are spelled out and marked with a symbol, never by colour alone.

use consumption_lab_engine::lenses::{Grade, Scorecard as Card};
use yew::prelude::*;

/// Props of [`Scorecard`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The graded scorecard (computed by the engine).
    pub card: Card,
}

fn badge(grade: Grade) -> (&'static str, &'static str) {
    match grade {
        Grade::Pass => ("grade-pass", "✓ Pass"),
        Grade::Partial => ("grade-partial", "◐ Partial"),
        Grade::Fail => ("grade-fail", "✗ Fail"),
    }
}

/// See the module doc. A function, not a component: it keeps no state, and it is drawn afresh with every projection
/// anyway, so a component's machinery would only add to the page's download.
pub fn view(props: &Props) -> Html {
    let passed = props.card.criteria.iter().filter(|c| c.grade == Grade::Pass).count();
    html! {
        <section class="card scorecard" id="scorecard" aria-labelledby="scorecard-title">
            <h2 id="scorecard-title">{ "The four criteria" }</h2>
            <p class="caption">{ format!("{passed} of 4 passed. The essay's test of a consumption model that survives a downturn.") }</p>
            <ol class="criteria">
                for c in props.card.criteria.iter() {
                    <li class={classes!("criterion", badge(c.grade).0)} data-criterion={c.key.clone()} data-grade={format!("{:?}", c.grade).to_ascii_lowercase()}>
                        <span class="badge">{ badge(c.grade).1 }</span>
                        <div>
                            <strong>{ c.name.clone() }</strong>
                            <p>{ c.reason.clone() }</p>
                        </div>
                    </li>
                }
            </ol>
            <h3>{ "Traits of successful consumption loops" }</h3>
            <ul class="traits">
                for t in props.card.traits.iter() {
                    <li class={classes!("trait", if t.present { "present" } else { "absent" })} data-trait={t.key.clone()}>
                        <span class="badge">{ if t.present { "✓ Has" } else { "✗ Lacks" } }</span>
                        <div><strong>{ t.name.clone() }</strong><p>{ t.reason.clone() }</p></div>
                    </li>
                }
            </ul>
        </section>
    }
}
