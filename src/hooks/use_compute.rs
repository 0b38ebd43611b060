//! `use_compute`: a Web Worker running the engine off the main thread, latest-request-wins.
//! While a request is in flight only the newest further request is kept; older ones are dropped,
//! so dragging a slider never builds a queue. The page shows `busy` while anything is pending.
//!
//! ```ignore
//! let compute = use_compute();
//! compute.send.emit(Request::Sweep { id, scenario, x, y });
//! if compute.busy { html! { "Computing…" } }
//! ```

use consumption_lab_engine::frame::{self, Frame};
use consumption_lab_engine::jobs::{Request, Response};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

/// What the hook hands back.
#[derive(Clone, PartialEq)]
pub struct Compute {
    /// The last answer received.
    pub result: Option<Rc<Response>>,
    /// Whether a request is in flight.
    pub busy: bool,
    /// Send a request (dropping any older one still waiting).
    pub send: Callback<Request>,
}

/// A JavaScript callback kept alive as long as the worker that calls it.
type Handler = Closure<dyn FnMut(JsValue)>;

#[derive(Default)]
struct Inner {
    worker: Option<Worker>,
    in_flight: bool,
    queued: Option<String>,
    handlers: Vec<Handler>,
}

fn post(worker: &Worker, json: &str) -> bool {
    worker.post_message(&JsValue::from_str(json)).is_ok()
}

/// See the module doc.
#[hook]
pub fn use_compute() -> Compute {
    let result = use_state(|| None::<Rc<Response>>);
    let busy = use_state_eq(|| false);
    let inner = use_mut_ref(Inner::default);

    {
        let inner = inner.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(w) = inner.borrow_mut().worker.take() {
                    w.terminate();
                }
            }
        });
    }

    let send = {
        let (inner, result, busy) = (inner.clone(), result.clone(), busy.clone());
        Callback::from(move |request: Request| {
            let Some(json) = consumption_lab_engine::json::write(&request) else { return };
            let mut state = inner.borrow_mut();
            if state.worker.is_none() {
                match start(inner.clone(), result.clone(), busy.clone()) {
                    Ok((worker, handlers)) => {
                        state.worker = Some(worker);
                        state.handlers = handlers;
                    }
                    Err(message) => {
                        result.set(Some(Rc::new(Response::Error { id: 0, message })));
                        return;
                    }
                }
            }
            if state.in_flight {
                state.queued = Some(json);
            } else if let Some(worker) = &state.worker {
                state.in_flight = post(worker, &json);
                busy.set(state.in_flight);
            }
        })
    };
    Compute { result: (*result).clone(), busy: *busy, send }
}

/// An answer as the worker posts it, `[text, Float64Array]` (see `frame` in the engine).
fn read_frame(data: JsValue) -> Option<Response> {
    let parts: js_sys::Array = data.dyn_into().ok()?;
    let text = parts.get(0).as_string()?;
    let numbers = parts.get(1).dyn_into::<js_sys::Float64Array>().ok()?.to_vec();
    frame::decode(&Frame { text, numbers })
}

/// Start the worker and wire its answers into the hook's state.
fn start(
    inner: Rc<RefCell<Inner>>,
    result: UseStateHandle<Option<Rc<Response>>>,
    busy: UseStateHandle<bool>,
) -> Result<(Worker, Vec<Handler>), String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options("./compute-worker.js", &options)
        .map_err(|_| "the browser could not start the compute worker".to_owned())?;
    let on_message = {
        let (inner, result, busy) = (inner.clone(), result.clone(), busy.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let response =
                event.dyn_into::<MessageEvent>().ok().and_then(|e| read_frame(e.data())).unwrap_or_else(|| {
                    Response::Error { id: 0, message: "the compute worker's answer could not be read".to_owned() }
                });
            result.set(Some(Rc::new(response)));
            let mut state = inner.borrow_mut();
            match (state.queued.take(), &state.worker) {
                (Some(next), Some(worker)) => state.in_flight = post(worker, &next),
                _ => state.in_flight = false,
            }
            busy.set(state.in_flight);
        })
    };
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        let mut state = inner.borrow_mut();
        state.in_flight = false;
        state.queued = None; // sent after a newer request, its answer would overwrite the newer one's
        drop(state);
        busy.set(false);
        result.set(Some(Rc::new(Response::Error { id: 0, message: "the compute worker failed".to_owned() })));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok((worker, vec![on_message, on_error]))
}
