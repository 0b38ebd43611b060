//! The presentation mode's bar: which slide of how many, the previous and next slides, and the way
//! out. A presenter's clicker sends Page Up and Page Down, which move between slides wherever focus
//! is ([`use_clicker`]).

use crate::presentation::SLIDES;
use yew::prelude::*;

/// The bar for slide `index`: `on_go` goes to a slide, `on_leave` leaves the mode. A function, not
/// a component: it has no state of its own.
pub fn slide_bar(index: usize, on_go: &Callback<usize>, on_leave: Callback<MouseEvent>) -> Html {
    let count = SLIDES.len();
    let go = |to: usize| on_go.reform(move |_: MouseEvent| to);
    html! {
        <nav class="slide-bar" aria-label="Presentation">
            <p aria-live="polite">{ format!("Slide {} of {count}: {}", index + 1, SLIDES[index].1) }</p>
            // aria-disabled, not disabled: a button that keeps its focus at the first or last slide.
            <button type="button" onclick={go(index.saturating_sub(1))} aria-disabled={(index == 0).to_string()}>{ "← Previous" }</button>
            <button type="button" class="primary" onclick={go((index + 1).min(count - 1))} aria-disabled={(index + 1 >= count).to_string()}>{ "Next →" }</button>
            <button type="button" class="quiet" onclick={on_leave}>{ "Leave presentation" }</button>
        </nav>
    }
}

/// Page Up and Page Down move between slides while slide `index` is shown (a clicker's keys; they
/// scroll nothing in this mode, where a slide fits the screen).
#[hook]
pub fn use_clicker(index: Option<usize>, on_go: Callback<usize>) {
    use_effect_with(index, move |&index| {
        let listener = index.and_then(|index| {
            crate::browser::on_window_keys(move |e| {
                match e.key().as_str() {
                    "PageDown" if index + 1 < SLIDES.len() => on_go.emit(index + 1),
                    "PageUp" if index > 0 => on_go.emit(index - 1),
                    _ => return false,
                }
                true
            })
        });
        move || drop(listener)
    });
}
