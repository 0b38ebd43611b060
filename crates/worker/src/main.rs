//! The compute worker's wasm module: the engine's [`wire`](consumption_lab_engine::wire) behind
//! one exported function. `static/compute-worker.js` loads it inside a Web Worker, so the heavy
//! work runs off the page's main thread, and the page's own module never links the code behind it
//! (Monte Carlo, the sweep, the CSV writer, the projection's JSON).

use wasm_bindgen::prelude::*;

/// A JSON [`Request`](consumption_lab_engine::wire::Request) in; its answer out as the two parts
/// of a [`Frame`](consumption_lab_engine::wire::Frame): `[text, Float64Array of numbers]`.
#[wasm_bindgen]
pub fn compute(request: &str) -> js_sys::Array {
    let frame = consumption_lab_engine::wire::respond(request);
    let numbers = js_sys::Float64Array::from(frame.numbers.as_slice());
    js_sys::Array::of2(&JsValue::from_str(&frame.text), &numbers)
}

/// Trunk builds the worker as a binary; everything happens in [`compute`].
fn main() {}
