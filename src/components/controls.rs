//! The controls panel: every lever, grouped as the essay groups the questions, and Reset.

use super::choice_lever::ChoiceLever;
use super::number_lever::NumberLever;
use crate::choices::choice;
use crate::levers::{disabled_reason, lever, BANDS_TOGGLE, GROUPS, SHOCK_TOGGLE};
use crate::state::{Action, Drafts};
use consumption_lab_engine::Scenario;
use yew::prelude::*;

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The scenario the levers show.
    pub scenario: Scenario,
    /// Number boxes holding typed text.
    pub drafts: Drafts,
    /// Whether Monte Carlo bands are on (their levers apply only then).
    pub bands: bool,
    /// Where lever changes go.
    pub on_action: Callback<Action>,
}

/// See the module doc.
#[component]
pub fn Controls(props: &Props) -> Html {
    let s = &props.scenario;
    let act = &props.on_action;
    let on_slide = act.reform(|(k, v)| Action::Slide(k, v));
    let on_type = act.reform(|(k, t)| Action::Type(k, t));
    let on_blur = act.reform(Action::Blur);
    let on_choose = act.reform(|(k, v)| Action::Choose(k, v));
    let on_reset = act.reform(|_: MouseEvent| Action::Reset);
    let checked = |e: &Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
    let on_shock = act.reform(move |e: Event| Action::Shock(checked(&e)));
    let on_bands = act.reform(move |e: Event| Action::Bands(checked(&e)));
    let toggle = |id: &'static str, label: &'static str, help: &'static str, on: bool, onchange: Callback<Event>| {
        let help_id = format!("lever-{id}-help");
        html! {
            <div class="lever toggle">
                <label>
                    <input type="checkbox" checked={on} {onchange} aria-describedby={help_id.clone()} />
                    { format!(" {label}") }
                </label>
                <p class="help" id={help_id}>{ help }</p>
            </div>
        }
    };
    let disabled = |key: &str| match key {
        "growth_volatility" | "paths" if !props.bands => Some("Not used: turn on Monte Carlo bands above."),
        _ => disabled_reason(key, s),
    };

    html! {
        <form class="controls" aria-label="Design levers" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            for (heading, keys) in GROUPS.iter() {
                <fieldset class="group">
                    <legend>{ *heading }</legend>
                    for key in keys.iter() {
                        if *key == SHOCK_TOGGLE {
                            { toggle("speculation_shock", "Speculation shock", "From a year on, traders leave: turnover falls, and under the fixed price model so does the price. Use does not.", s.speculation_shock.is_some(), on_shock.clone()) }
                        } else if *key == BANDS_TOGGLE {
                            { toggle("bands", "Monte Carlo bands", "Draw many random futures of fee growth around the one you set, and show where supply could end up.", props.bands, on_bands.clone()) }
                        } else if let Some(c) = choice(key) {
                            <ChoiceLever field={c.key} value={(c.get)(s)} on_choose={on_choose.clone()} />
                        } else {
                            <NumberLever
                                field={lever(key).field.key}
                                value={(lever(key).field.get)(s)}
                                draft={props.drafts.get(key).cloned()}
                                disabled={disabled(key)}
                                on_slide={on_slide.clone()}
                                on_type={on_type.clone()}
                                on_blur={on_blur.clone()} />
                        }
                    }
                </fieldset>
            }
            <button type="button" class="reset" onclick={on_reset}>{ "Reset to defaults" }</button>
        </form>
    }
}
