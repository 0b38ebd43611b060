//! A design choice as a labelled `<select>` with its help text.

use crate::choices::Choice;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`ChoiceLever`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The choice.
    pub choice: &'static Choice,
    /// Current value's JSON spelling.
    pub value: &'static str,
    /// An option was picked: (choice, value).
    pub on_choose: Callback<(&'static Choice, String)>,
    /// Why the choice does not apply to this design, if it does not (the select is disabled).
    #[prop_or_default]
    pub disabled: Option<&'static str>,
}

/// See the module doc.
#[component]
pub fn ChoiceLever(props: &Props) -> Html {
    let c = props.choice;
    let key = c.key;
    let id = format!("lever-{key}");
    let help_id = format!("{id}-help");
    let onchange = {
        let cb = props.on_choose.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            cb.emit((c, select.value()));
        })
    };
    html! {
        <div class={classes!("lever", "choice", props.disabled.map(|_| "disabled"))}>
            <div class="lever-head">
                <label for={id.clone()}>{ c.label }</label>
            </div>
            <select id={id} name={key} aria-describedby={help_id.clone()} disabled={props.disabled.is_some()} {onchange}>
                for (value, text) in c.options.iter() {
                    <option value={*value} selected={*value == props.value}>{ *text }</option>
                }
            </select>
            <p class="help" id={help_id}>{ props.disabled.unwrap_or(c.help) }{ " " }{ super::notes_link(&format!("field-{}", c.key)) }</p>
        </div>
    }
}
