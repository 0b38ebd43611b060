//! The page's masthead: the name, what the page is for, the jump to the levers and the walk.
//! Its own function because the build-time first view (src/snapshot.rs) shows it too, from the
//! same markup.

use yew::prelude::*;

/// The masthead, its walk button calling `on_start_walk` and its presentation button `on_present`.
/// A function, not a component: it has no state, and a component's machinery costs the page's
/// download more than this markup does.
pub fn masthead(on_start_walk: Callback<MouseEvent>, on_present: Callback<MouseEvent>) -> Html {
    html! {
        <header class="masthead">
            <div class="brand">
                <h1>{ "Consumption Lab" }</h1>
                <p class="tagline">{ "Turnover is not consumption. Set a token design and see what its use does to supply, and where the value of its fees goes." }</p>
            </div>
            <div class="masthead-actions">
                <a class="jump" href="#levers">{ "Jump to the design levers ↓" }</a>
                <span class="button-row">
                    <button type="button" class="walk-start" onclick={on_start_walk}>{ "Walk through the essay" }</button>
                    <button type="button" class="present-start" onclick={on_present}>{ "Present" }</button>
                </span>
            </div>
        </header>
    }
}
