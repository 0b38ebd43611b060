//! A numeric lever: a visible label, a slider paired with a number box, the unit, a help text in
//! the essay's terms, and the engine's message when typed text cannot be applied.

use crate::levers::Lever;
use crate::state::Draft;
use consumption_lab_engine::number;
use consumption_lab_engine::number::trim;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`NumberLever`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The lever.
    pub lever: &'static Lever,
    /// Current stored value (fraction, USD, tokens…).
    pub value: f64,
    /// Text being typed, if it differs from the value or was rejected.
    pub draft: Option<Draft>,
    /// Why the lever does not apply to the current design.
    pub disabled: Option<&'static str>,
    /// The slider moved: (lever, value in shown units).
    pub on_slide: Callback<(&'static Lever, f64)>,
    /// Text typed: (lever, text in shown units).
    pub on_type: Callback<(&'static Lever, String)>,
    /// The number box lost focus.
    pub on_blur: Callback<&'static Lever>,
}

/// See the module doc.
#[component]
pub fn NumberLever(props: &Props) -> Html {
    let l = props.lever;
    let key = l.field.key;
    // Shock fields have dotted keys; ids stay plain so CSS and `for` work without escaping.
    let id = format!("lever-{}", key.replace('.', "-"));
    let shown = l.shown(props.value);
    let (lo, hi) = l.slider_bounds();
    let position = l.slider_position(props.value);
    let text = props.draft.as_ref().map(|d| d.text.clone()).unwrap_or_else(|| short(shown));
    let error = props.draft.as_ref().and_then(|d| d.error.clone());
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let described = if error.is_some() { format!("{error_id} {help_id}") } else { help_id.clone() };

    let on_slide = {
        let cb = props.on_slide.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(position) = number::parse(&input.value()) {
                cb.emit((l, l.shown_at(position)));
            }
        })
    };
    let on_type = {
        let cb = props.on_type.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit((l, input.value()));
        })
    };
    let on_blur = {
        let cb = props.on_blur.clone();
        Callback::from(move |_: FocusEvent| cb.emit(l))
    };

    html! {
        <div class={classes!("lever", props.disabled.map(|_| "is-disabled"), error.as_ref().map(|_| "has-error"))}>
            <div class="lever-head">
                <label for={id.clone()}>{ l.field.label }</label>
            </div>
            <div class="lever-inputs">
                <input type="range" class="slider" aria-label={format!("{} slider", l.field.label)}
                    aria-describedby={help_id.clone()}
                    min={lo.to_string()} max={hi.to_string()} step={l.step.to_string()}
                    value={position.to_string()} disabled={props.disabled.is_some()}
                    oninput={on_slide} />
                <span class="number-box">
                    <input type="text" inputmode="decimal" id={id} name={key} autocomplete="off"
                        spellcheck="false" value={text} disabled={props.disabled.is_some()}
                        aria-invalid={error.is_some().then_some("true")} aria-describedby={described}
                        oninput={on_type} onblur={on_blur} />
                    <span class="unit" aria-hidden="true">{ l.unit }</span>
                </span>
            </div>
            if let Some(message) = error {
                <p class="lever-error" id={error_id} role="alert">{ message }</p>
            }
            <p class="help" id={help_id}>
                { props.disabled.unwrap_or(l.help) }{ " " }{ super::notes_link(&format!("field-{}", l.field.key)) }
            </p>
        </div>
    }
}

/// The number box's text for a value: at most six significant digits, no float noise.
fn short(shown: f64) -> String {
    if shown.abs() >= 1e6 {
        trim(shown.round())
    } else {
        trim(number::parse(&crate::format::significant(shown, 6)).unwrap_or(shown))
    }
}
