//! Notices: what the person should know and did not ask for (parts of a link ignored, a failed
//! import, storage trouble). Shown until dismissed; the page keeps working meanwhile.

use yew::prelude::*;

/// Props of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The notices, oldest first.
    pub notices: Vec<String>,
    /// Dismiss them all.
    pub on_dismiss: Callback<MouseEvent>,
}

/// See the module doc. A function, not a component: it keeps no state, and it is drawn afresh with every projection
/// anyway, so a component's machinery would only add to the page's download.
pub fn view(props: &Props) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="banner notice" role="alert">
            <ul>
                for n in props.notices.iter() {
                    <li>{ n.clone() }</li>
                }
            </ul>
            { super::small_button(props.on_dismiss.clone(), None, None, "Dismiss") }
        </div>
    }
}
