//! `use_bands`: the Monte Carlo bands of the design on screen, computed in the compute worker
//! while bands are on. An answer is shown only when it answers the newest request and that
//! request's design is still the one on screen, so a slow answer never paints an older design.
//!
//! ```ignore
//! let bands = use_bands(&state.scenario, state.bands);
//! if let Some(b) = &bands.result { /* draw */ }
//! ```

use super::{use_compute, Pending};
use crate::perf;
use consumption_lab_engine::wire::{MonteCarloBands, Request, Response};
use consumption_lab_engine::Scenario;
use std::rc::Rc;
use yew::prelude::*;

/// What the hook hands back.
#[derive(Clone, PartialEq)]
pub struct Bands {
    /// The bands of the design on screen, once computed.
    pub result: Option<Rc<MonteCarloBands>>,
    /// Why the run failed, when it did and nothing is being computed.
    pub error: Option<String>,
    /// Whether a run is being computed.
    pub busy: bool,
}

/// See the module doc.
#[hook]
pub fn use_bands(scenario: &Scenario, on: bool) -> Bands {
    let compute = use_compute(Pending::Newest);
    // The newest request's number and design.
    let sent = use_mut_ref(|| (0u32, Scenario::default()));
    {
        let (send, sent) = (compute.send.clone(), sent.clone());
        use_effect_with((scenario.clone(), on), move |(scenario, on)| {
            if *on {
                let mut sent = sent.borrow_mut();
                *sent = (sent.0 + 1, scenario.clone());
                perf::mark_start("bands");
                send.emit(Request::MonteCarlo { id: sent.0, scenario: scenario.clone() });
            }
        });
    }
    let answer = use_memo(compute.result.clone(), |r| match r.as_deref() {
        Some(Response::MonteCarlo { id, result }) => (Some((*id, Rc::new((**result).clone()))), None),
        Some(Response::Error { message, .. }) => (None, Some(message.clone())),
        _ => (None, None),
    });
    let answers_screen = |id: u32| {
        let sent = sent.borrow();
        on && id == sent.0 && sent.1 == *scenario
    };
    let result = answer.0.as_ref().filter(|(id, _)| answers_screen(*id)).map(|(_, b)| b.clone());
    use_effect_with(result.clone(), |result| {
        if result.is_some() {
            perf::measure("bands");
        }
    });
    Bands { result, error: answer.1.clone().filter(|_| !compute.busy), busy: compute.busy }
}
