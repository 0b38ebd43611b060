//! `use_compute`: a Web Worker running the engine's jobs off the main thread. One request is in
//! flight at a time; what happens to requests sent meanwhile is the caller's [`Pending`] choice:
//! the Monte Carlo bands and the map keep only the newest (dragging a slider never builds a
//! queue), exports keep every one (each click is a file). The page shows `busy` while anything is
//! pending, and `answers` counts the answers, so an effect can act once on each.
//!
//! ```ignore
//! let compute = use_compute(Pending::Newest);
//! compute.send.emit(Request::Sweep { id, scenario, x, y });
//! if compute.busy { html! { "Computing…" } }
//! ```

use consumption_lab_engine::frame::{self, Frame};
use consumption_lab_engine::jobs::{Request, Response};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

/// What to do with requests sent while one is in flight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// Keep only the newest: an older waiting request is dropped.
    Newest,
    /// Keep every request, and answer them in order.
    Every,
}

/// What the hook hands back.
#[derive(Clone, PartialEq)]
pub struct Compute {
    /// The last answer received.
    pub result: Option<Rc<Response>>,
    /// How many answers have been received (errors included): changes with every answer.
    pub answers: u32,
    /// Whether a request is in flight.
    pub busy: bool,
    /// Send a request.
    pub send: Callback<Request>,
}

/// A JavaScript callback kept alive as long as the worker that calls it.
type Handler = Closure<dyn FnMut(JsValue)>;

/// The hook's answer state: the count of answers and the last one.
type Answered = UseStateHandle<(u32, Option<Rc<Response>>)>;

struct Inner {
    pending: Pending,
    worker: Option<Worker>,
    in_flight: bool,
    queued: VecDeque<String>,
    answers: u32,
    handlers: Vec<Handler>,
}

impl Inner {
    /// Record an answer and hand it to the component.
    fn deliver(&mut self, answered: &Answered, response: Response) {
        self.answers = self.answers.wrapping_add(1);
        answered.set((self.answers, Some(Rc::new(response))));
    }
}

fn post(worker: &Worker, json: &str) -> bool {
    worker.post_message(&JsValue::from_str(json)).is_ok()
}

/// See the module doc.
#[hook]
pub fn use_compute(pending: Pending) -> Compute {
    let answered = use_state(|| (0u32, None::<Rc<Response>>));
    let busy = use_state_eq(|| false);
    let inner = use_mut_ref(|| Inner {
        pending,
        worker: None,
        in_flight: false,
        queued: VecDeque::new(),
        answers: 0,
        handlers: Vec::new(),
    });

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
        let (inner, answered, busy) = (inner.clone(), answered.clone(), busy.clone());
        Callback::from(move |request: Request| {
            let Some(json) = consumption_lab_engine::json::write(&request) else { return };
            let mut state = inner.borrow_mut();
            if state.worker.is_none() {
                match start(inner.clone(), answered.clone(), busy.clone()) {
                    Ok((worker, handlers)) => {
                        state.worker = Some(worker);
                        state.handlers = handlers;
                    }
                    Err(message) => return state.deliver(&answered, Response::Error { id: 0, message }),
                }
            }
            if state.in_flight {
                if state.pending == Pending::Newest {
                    state.queued.clear();
                }
                state.queued.push_back(json);
            } else if let Some(worker) = &state.worker {
                state.in_flight = post(worker, &json);
                busy.set(state.in_flight);
            }
        })
    };
    Compute { result: answered.1.clone(), answers: answered.0, busy: *busy, send }
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
    answered: Answered,
    busy: UseStateHandle<bool>,
) -> Result<(Worker, Vec<Handler>), String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options("./compute-worker.js", &options)
        .map_err(|_| "the browser could not start the compute worker".to_owned())?;
    let on_message = {
        let (inner, answered, busy) = (inner.clone(), answered.clone(), busy.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let response =
                event.dyn_into::<MessageEvent>().ok().and_then(|e| read_frame(e.data())).unwrap_or_else(|| {
                    Response::Error { id: 0, message: "the compute worker's answer could not be read".to_owned() }
                });
            let mut state = inner.borrow_mut();
            state.deliver(&answered, response);
            let next = state.queued.pop_front();
            state.in_flight = match (next, &state.worker) {
                (Some(next), Some(worker)) => post(worker, &next),
                _ => false,
            };
            busy.set(state.in_flight);
        })
    };
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        let mut state = inner.borrow_mut();
        state.in_flight = false;
        // Requests sent after the failed one would be answered out of step with it: drop them.
        state.queued.clear();
        state.deliver(&answered, Response::Error { id: 0, message: "the compute worker failed".to_owned() });
        busy.set(false);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok((worker, vec![on_message, on_error]))
}
