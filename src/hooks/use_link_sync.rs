//! `use_link_sync`: the page's URL follows the design on screen (and design A, when pinned), so
//! the address bar is always a share link to it. History entries are replaced, not pushed, and only once the levers rest for a
//! moment: `replaceState` costs most of a millisecond, too much per drag step.

use crate::browser;
use yew::prelude::*;

/// How long the design must rest before the URL is rewritten, ms.
const REST_MS: u32 = 150;

/// See the module doc.
#[hook]
pub fn use_link_sync(query: &str) {
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    use_effect_with(query.to_owned(), move |query| {
        let query = query.clone();
        *timer.borrow_mut() =
            Some(gloo::timers::callback::Timeout::new(REST_MS, move || browser::replace_query(&query)));
    });
}
