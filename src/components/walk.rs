//! "Walk through the essay": a non-modal panel that steps through the essay's claims. Each step
//! loads its design, points at the chart or figure that shows the claim, and invites the reader
//! to move one lever, which its "Show" button brings into view and focuses. It is docked where the
//! levers are (the side panel on a wide screen, the lever dock on a phone), so it never covers what
//! it points at. Back and Next are buttons big enough for a finger; on a keyboard ← / → move
//! between steps and Escape leaves, unless focus is in a form control (where the arrows belong to
//! the control). Leaving keeps the design on screen.

use crate::walk::Step;
use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Props of [`Walk`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The steps.
    pub steps: std::rc::Rc<Vec<Step>>,
    /// Index of the step shown.
    pub index: usize,
    /// Go to a step.
    pub on_go: Callback<usize>,
    /// Leave the walk.
    pub on_close: Callback<()>,
}

/// Mark the step's target (a CSS selector) and bring it into view.
fn point_at(target: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(marked) = document.query_selector_all(".walk-target") {
        for i in 0..marked.length() {
            if let Some(el) = marked.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.class_list().remove_1("walk-target");
            }
        }
    }
    if let Some(el) = document.query_selector(target).ok().flatten() {
        let _ = el.class_list().add_1("walk-target");
        let options = ScrollIntoViewOptions::new();
        options.set_behavior(ScrollBehavior::Smooth);
        options.set_block(ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn unmark() {
    point_at("#none");
}

/// Bring the control with `id` into view (its bottom edge: the walk is docked above it) and focus it:
/// a number lever's slider rather than its box, which on a phone would raise the keyboard over it.
fn show_control(id: &str) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else { return };
    let slider = el.closest(".lever").ok().flatten().and_then(|l| l.query_selector("input[type=range]").ok().flatten());
    let el = slider.unwrap_or(el);
    el.scroll_into_view_with_bool(false);
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// See the module doc.
#[component]
pub fn Walk(props: &Props) -> Html {
    let count = props.steps.len();
    let index = props.index.min(count.saturating_sub(1));
    let step = props.steps.get(index).cloned();

    {
        let target = step.as_ref().map(|s| s.target.clone()).unwrap_or_default();
        use_effect_with(target, |target| {
            point_at(target);
            unmark
        });
    }
    {
        let (on_go, on_close) = (props.on_go.clone(), props.on_close.clone());
        use_effect_with((index, count), move |&(index, count)| {
            let listener = crate::browser::on_window_keys(move |e| {
                let in_control = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
                if in_control || e.alt_key() || e.ctrl_key() || e.meta_key() {
                    return false;
                }
                match e.key().as_str() {
                    "ArrowRight" if index + 1 < count => on_go.emit(index + 1),
                    "ArrowLeft" if index > 0 => on_go.emit(index - 1),
                    "Escape" => on_close.emit(()),
                    _ => return false,
                }
                true
            });
            move || drop(listener)
        });
    }

    let Some(step) = step else { return html! {} };
    let go = |to: usize| {
        let cb = props.on_go.clone();
        Callback::from(move |_: MouseEvent| cb.emit(to))
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let show = {
        let control = step.control.clone();
        Callback::from(move |_: MouseEvent| show_control(&control))
    };
    html! {
        <section class="walk" role="dialog" aria-modal="false" aria-labelledby="walk-title" aria-describedby="walk-text">
            <p class="walk-progress">{ format!("Walk through the essay · step {} of {count}", index + 1) }</p>
            <h2 id="walk-title">{ step.title.clone() }</h2>
            <div class="button-row walk-nav">
                <button type="button" onclick={go(index.saturating_sub(1))} disabled={index == 0}>{ "← Back" }</button>
                if index + 1 < count {
                    <button type="button" class="primary" onclick={go(index + 1)}>{ "Next →" }</button>
                }
                <button type="button" class="quiet" onclick={close}>{ "Leave the walk" }</button>
            </div>
            <div class="walk-body" key={index}>
                <p id="walk-text">{ step.text.clone() }</p>
                <p class="walk-invite"><strong>{ "Try it: " }</strong>{ step.invite.clone() }</p>
                <button type="button" class="walk-show" onclick={show}>{ format!("Show \u{201c}{}\u{201d}", step.control_label) }</button>
                <p class="help walk-keys">{ "← and → move between steps; Escape leaves and keeps this design." }</p>
            </div>
        </section>
    }
}
