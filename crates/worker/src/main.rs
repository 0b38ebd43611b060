//! The compute worker's wasm module: the engine's [`jobs`](consumption_lab_engine::jobs) behind
//! one exported function. `static/compute-worker.js` loads it inside a Web Worker, so the heavy
//! work runs off the page's main thread, and the page's own module never links the code behind it
//! (Monte Carlo, the sweep, the CSV writer, the projection's JSON).

use wasm_bindgen::prelude::*;

/// A JSON [`Request`](consumption_lab_engine::jobs::Request) in, a JSON
/// [`Response`](consumption_lab_engine::jobs::Response) out.
#[wasm_bindgen]
pub fn compute(request: &str) -> String {
    consumption_lab_engine::jobs::respond(request)
}

/// Trunk builds the worker as a binary; everything happens in [`compute`].
fn main() {}
