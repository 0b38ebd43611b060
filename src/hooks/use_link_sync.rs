//! `use_link_sync`: the page's URL follows the design on screen, so the address bar is always a
//! share link to it. History entries are replaced, not pushed, and only once the levers rest for a
//! moment: `replaceState` costs most of a millisecond, too much per drag step.

use crate::browser;
use consumption_lab_engine::{link, Scenario};
use yew::prelude::*;

/// How long the design must rest before the URL is rewritten, ms.
const REST_MS: u32 = 150;

/// See the module doc.
#[hook]
pub fn use_link_sync(scenario: &Scenario) {
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    use_effect_with(scenario.clone(), move |scenario| {
        let query = link::to_query(scenario);
        *timer.borrow_mut() =
            Some(gloo::timers::callback::Timeout::new(REST_MS, move || browser::replace_query(&query)));
    });
}
