//! `use_size`: the CSS width and height of an element, updated by a `ResizeObserver`, so charts
//! redraw when their container changes size (window resize, rotation, zoom), and can be sized
//! without reading layout from the DOM while drawing.
//!
//! ```ignore
//! let node = use_node_ref();
//! let (width, height) = use_size(node.clone());
//! html! { <div ref={node}>{ format!("{width} × {height} px") }</div> }
//! ```

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// The observer and the closure it calls, which must live exactly as long as the observer.
type Observer = (ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Width and height in CSS pixels of the element behind `node` ((0, 0) until it is mounted).
#[hook]
pub fn use_size(node: NodeRef) -> (f64, f64) {
    let width = use_state_eq(|| (0.0_f64, 0.0_f64));
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let mut observer: Option<Observer> = None;
            if let Some(element) = node.cast::<Element>() {
                width.set((f64::from(element.client_width()), f64::from(element.client_height())));
                let setter = width.clone();
                let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                        let rect = entry.content_rect();
                        setter.set((rect.width().round(), rect.height().round()));
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
