//! `use_visible` and `use_near_screen`: whether an element is near the viewport, from an
//! `IntersectionObserver`. `use_visible` is latched (once true it stays true): the sensitivity
//! map waits for it, so the compute worker (a second wasm module) is fetched only by someone who
//! scrolls to the map, turns on bands or exports a file, and never delays the first projection.
//! `use_near_screen` follows the element in and out: a chart card draws only while it is near
//! the screen, so a lever moved at the top redraws the charts a person can see, not all of them.
//!
//! ```ignore
//! let node = use_node_ref();
//! let seen = use_visible(node.clone());
//! html! { <section ref={node}>{ if seen { "computing" } else { "not yet" } }</section> }
//! ```

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

/// How far outside the viewport an element already counts as visible: about a screen ahead, so
/// the work is done by the time it scrolls in.
const AHEAD: &str = "800px 0px";

/// The observer and the closure it calls, which must live exactly as long as the observer.
type Observer = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Whether the element behind `node` has been within [`AHEAD`] of the viewport since it mounted
/// (true at once where the browser has no `IntersectionObserver`).
#[hook]
pub fn use_visible(node: NodeRef) -> bool {
    use_observed(node, true)
}

/// Whether the element behind `node` is within [`AHEAD`] of the viewport now (true at once where
/// the browser has no `IntersectionObserver`).
#[hook]
pub fn use_near_screen(node: NodeRef) -> bool {
    use_observed(node, false)
}

#[hook]
fn use_observed(node: NodeRef, latched: bool) -> bool {
    let seen = use_state_eq(|| false);
    {
        let seen = seen.clone();
        use_effect_with(node, move |node| {
            let mut observer: Option<Observer> = None;
            if let Some(element) = node.cast::<Element>() {
                let setter = seen.clone();
                let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let near = entries
                        .iter()
                        .any(|e| e.dyn_into::<IntersectionObserverEntry>().is_ok_and(|e| e.is_intersecting()));
                    if near || !latched {
                        setter.set(near);
                    }
                });
                let options = IntersectionObserverInit::new();
                options.set_root_margin(AHEAD);
                match IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options) {
                    Ok(o) => {
                        o.observe(&element);
                        observer = Some((o, on_change));
                    }
                    Err(_) => seen.set(true),
                }
            }
            move || {
                if let Some((o, _closure)) = observer {
                    o.disconnect();
                }
            }
        });
    }
    *seen
}
