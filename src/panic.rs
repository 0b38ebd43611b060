//! What happens if the app panics anyway: the panic is logged to the console and a banner tells
//! the person, with a link that reloads the page. The design survives the reload because it lives
//! in the URL. The banner is built with plain DOM calls and text nodes, not through Yew (whose
//! state a panic may have left half-updated) and never from HTML strings.

use wasm_bindgen::prelude::*;

/// Install the hook; call once before rendering. (Through Yew, which otherwise replaces any hook
/// with its own console-only one when the app is rendered.)
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Consumption Lab stopped on an internal error: {info}").into());
        show_banner();
    }));
}

fn show_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("panic-banner").is_some() {
        return;
    }
    let (Ok(banner), Ok(text), Ok(link), Some(body)) =
        (document.create_element("div"), document.create_element("p"), document.create_element("a"), document.body())
    else {
        return;
    };
    banner.set_id("panic-banner");
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    text.set_text_content(Some(
        "Something went wrong inside Consumption Lab and the page stopped responding. Your design is kept in the address bar: reload to carry on with it.",
    ));
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let _ = link.set_attribute("href", &href);
    link.set_text_content(Some("Reload with this design"));
    let _ = banner.append_child(&text);
    let _ = banner.append_child(&link);
    let _ = body.prepend_with_node_1(&banner);
}

/// Panics on purpose, so the end-to-end suite can check the hook and the banner
/// (`window.wasmBindings.panic_for_test()`); nothing in the page calls it.
#[wasm_bindgen]
pub fn panic_for_test() {
    panic!("deliberate panic requested by the end-to-end suite");
}
