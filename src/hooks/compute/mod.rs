//! `use_compute`: the engine's jobs in a Web Worker, off the main thread. Every caller (the Monte
//! Carlo bands, the sensitivity map, the exports) shares one worker, started on the first request;
//! its queue ([`queue::Queue`], a plain tested type) runs one request at a time and hands each
//! answer to the caller whose request it was. What happens to a caller's requests sent while the
//! worker is busy is its [`Pending`] choice. The hook shows `busy` while the caller has a request
//! in flight or waiting, and `answers` counts its answers, so an effect can act once on each.
//!
//! ```ignore
//! let compute = use_compute(Pending::Newest);
//! compute.send.emit(Request::Sweep { id, scenario, x, y });
//! if compute.busy { html! { "Computing…" } }
//! ```

mod queue;

pub use queue::Pending;

use consumption_lab_engine::wire::frame::{self, Frame};
use consumption_lab_engine::wire::{Request, Response};
use queue::{Caller, Queue};
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
    /// How many answers have been received (errors included): changes with every answer.
    pub answers: u32,
    /// Whether a request of this caller is in flight or waiting.
    pub busy: bool,
    /// Send a request.
    pub send: Callback<Request>,
}

/// What a caller hears from the shared worker.
enum Heard {
    /// The answer to its request.
    Answer(Response),
    /// Whether it has requests in flight or waiting, after a change to the queue.
    Busy(bool),
}

/// A JavaScript callback kept alive as long as the worker that calls it.
type Handler = Closure<dyn FnMut(JsValue)>;

/// The one worker and the callers that use it.
#[derive(Default)]
struct Shared {
    worker: Option<(Worker, [Handler; 2])>,
    queue: Queue<String>,
    callers: Vec<(Caller, Callback<Heard>)>,
    next_caller: Caller,
}

thread_local! {
    static SHARED: RefCell<Shared> = RefCell::new(Shared::default());
}

/// Messages for callers, collected while the shared state is borrowed and sent after, so that a
/// caller reacting at once cannot find it borrowed.
type Mail = Vec<(Callback<Heard>, Heard)>;

impl Shared {
    fn callback(&self, caller: Caller) -> Option<Callback<Heard>> {
        self.callers.iter().find(|(c, _)| *c == caller).map(|(_, cb)| cb.clone())
    }

    /// Every caller's busy flag as the queue now stands.
    fn busy_mail(&self, mail: &mut Mail) {
        mail.extend(self.callers.iter().map(|(c, cb)| (cb.clone(), Heard::Busy(self.queue.busy(*c)))));
    }

    /// Post `json`, or fail the whole queue if the worker refuses it.
    fn post(&mut self, json: String, mail: &mut Mail) {
        let posted = self.worker.as_ref().is_some_and(|(w, _)| w.post_message(&JsValue::from_str(&json)).is_ok());
        if !posted {
            self.fail("the compute worker refused the request", mail);
        }
    }

    /// Tell every caller with work queued that it failed, and empty the queue.
    fn fail(&mut self, message: &str, mail: &mut Mail) {
        for caller in self.queue.failed() {
            if let Some(cb) = self.callback(caller) {
                mail.push((cb, Heard::Answer(Response::Error { id: 0, message: message.to_owned() })));
            }
        }
    }
}

fn send_mail(mail: Mail) {
    for (cb, heard) in mail {
        cb.emit(heard);
    }
}

/// See the module doc.
#[hook]
pub fn use_compute(pending: Pending) -> Compute {
    let answered = use_state(|| (0u32, None::<Rc<Response>>));
    let busy = use_state_eq(|| false);
    let count = use_mut_ref(|| 0u32);
    let caller = *use_memo((), |_| {
        SHARED.with(|s| {
            let mut s = s.borrow_mut();
            s.next_caller += 1;
            s.next_caller
        })
    });
    {
        let (answered, busy) = (answered.clone(), busy.clone());
        use_effect_with((), move |_| {
            let hear = Callback::from(move |heard: Heard| match heard {
                Heard::Busy(b) => busy.set(b),
                Heard::Answer(response) => {
                    let mut n = count.borrow_mut();
                    *n = n.wrapping_add(1);
                    answered.set((*n, Some(Rc::new(response))));
                }
            });
            SHARED.with(|s| s.borrow_mut().callers.push((caller, hear)));
            move || {
                SHARED.with(|s| {
                    let mut s = s.borrow_mut();
                    s.callers.retain(|(c, _)| *c != caller);
                    s.queue.forget(caller);
                });
            }
        });
    }
    let send = Callback::from(move |request: Request| {
        let Some(json) = consumption_lab_engine::json::write(&request) else { return };
        let mut mail = Mail::new();
        SHARED.with(|s| {
            let mut s = s.borrow_mut();
            if s.worker.is_none() {
                match start() {
                    Ok(worker) => s.worker = Some(worker),
                    Err(message) => {
                        if let Some(cb) = s.callback(caller) {
                            mail.push((cb, Heard::Answer(Response::Error { id: 0, message })));
                        }
                        return;
                    }
                }
            }
            if let Some(json) = s.queue.submit(caller, pending, json) {
                s.post(json, &mut mail);
            }
            s.busy_mail(&mut mail);
        });
        send_mail(mail);
    });
    Compute { result: answered.1.clone(), answers: answered.0, busy: *busy, send }
}

/// An answer as the worker posts it, `[text, Float64Array]` (see `frame` in the engine).
fn read_frame(data: JsValue) -> Option<Response> {
    let parts: js_sys::Array = data.dyn_into().ok()?;
    let text = parts.get(0).as_string()?;
    let numbers = parts.get(1).dyn_into::<js_sys::Float64Array>().ok()?.to_vec();
    frame::decode(&Frame { text, numbers })
}

/// The worker answered the request in flight: hand it to its caller and post the next.
fn on_answer(response: Response) {
    let mut mail = Mail::new();
    SHARED.with(|s| {
        let mut s = s.borrow_mut();
        let (caller, next) = s.queue.answered();
        if let Some(cb) = caller.and_then(|c| s.callback(c)) {
            mail.push((cb, Heard::Answer(response)));
        }
        if let Some(next) = next {
            s.post(next, &mut mail);
        }
        s.busy_mail(&mut mail);
    });
    send_mail(mail);
}

/// The worker failed: every caller with work queued is told, and the queue starts afresh.
fn on_failure() {
    let mut mail = Mail::new();
    SHARED.with(|s| {
        let mut s = s.borrow_mut();
        s.fail("the compute worker failed", &mut mail);
        s.busy_mail(&mut mail);
    });
    send_mail(mail);
}

/// Start the worker and wire its answers into the shared queue.
fn start() -> Result<(Worker, [Handler; 2]), String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options("./compute-worker.js", &options)
        .map_err(|_| "the browser could not start the compute worker".to_owned())?;
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let response = event.dyn_into::<MessageEvent>().ok().and_then(|e| read_frame(e.data())).unwrap_or_else(|| {
            Response::Error { id: 0, message: "the compute worker's answer could not be read".to_owned() }
        });
        on_answer(response);
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| on_failure());
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok((worker, [on_message, on_error]))
}
