//! `use_width`: the CSS width of an element, updated by a `ResizeObserver`, so charts redraw when
//! their container changes size (window resize, rotation, zoom), not only when the window does.
//!
//! ```ignore
//! let node = use_node_ref();
//! let width = use_width(node.clone());
//! html! { <div ref={node}>{ format!("{width} px") }</div> }
//! ```

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// The observer and the closure it calls, which must live exactly as long as the observer.
type Observer = (ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Width in CSS pixels of the element behind `node` (0 until it is mounted).
#[hook]
pub fn use_width(node: NodeRef) -> f64 {
    let width = use_state_eq(|| 0.0_f64);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let mut observer: Option<Observer> = None;
            if let Some(element) = node.cast::<Element>() {
                width.set(f64::from(element.client_width()));
                let setter = width.clone();
                let on_resize =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                            setter.set(entry.content_rect().width().round());
                        }
                    });
                if let Ok(o) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
                    o.observe(&element);
                    observer = Some((o, on_resize));
                }
            }
            move || {
                if let Some((o, _closure)) = observer {
                    o.disconnect();
                }
            }
        });
    }
    *width
}
