//! The controls panel: every lever, grouped as the essay groups the questions, and Reset.

use super::choice_lever::ChoiceLever;
use super::number_lever::NumberLever;
use crate::choices::choice;
use crate::levers::{disabled_reason, lever, GROUPS};
use crate::state::{Action, Draft};
use consumption_lab_engine::Scenario;
use std::collections::BTreeMap;
use yew::prelude::*;

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The scenario the levers show.
    pub scenario: Scenario,
    /// Number boxes holding typed text.
    pub drafts: BTreeMap<&'static str, Draft>,
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

    html! {
        <form class="controls" aria-label="Design levers" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            for (heading, keys) in GROUPS.iter() {
                <fieldset class="group">
                    <legend>{ *heading }</legend>
                    for key in keys.iter() {
                        if let Some(c) = choice(key) {
                            <ChoiceLever field={c.key} value={(c.get)(s)} on_choose={on_choose.clone()} />
                        } else {
                            <NumberLever
                                field={lever(key).field.key}
                                value={(lever(key).field.get)(s)}
                                draft={props.drafts.get(*key).cloned()}
                                disabled={disabled_reason(key, s)}
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
