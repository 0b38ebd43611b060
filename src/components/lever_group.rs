//! One group of levers (a fieldset with its legend): sliders with number boxes, selects and
//! toggles, each disabled with its reason where the design does not use it. The main panel's
//! groups and the advanced part's are drawn by this one component.

use super::choice_lever::ChoiceLever;
use super::number_lever::NumberLever;
use crate::choices::Choice;
use crate::levers::{choice_disabled_reason, disabled_reason, Item, Lever, GROWTH_VOLATILITY, PATHS};
use crate::state::{Drafts, Edit};
use consumption_lab_engine::Scenario;
use yew::prelude::*;

/// Props of [`LeverGroup`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The group's heading.
    pub heading: &'static str,
    /// Its controls, in order.
    pub items: &'static [Item],
    /// The scenario the levers show.
    pub scenario: Scenario,
    /// Number boxes holding typed text.
    pub drafts: Drafts,
    /// Whether Monte Carlo bands are on (their levers apply only then).
    #[prop_or_default]
    pub bands: bool,
    /// A lever moved, was typed in or left; a choice was made; a toggle flipped.
    pub on_edit: Callback<Edit>,
}

fn toggle(id: &'static str, label: &'static str, help: &'static str, on: bool, onchange: Callback<Event>) -> Html {
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
}

/// One number lever of `s`, disabled with `disabled` (its slider, typing and leaving sent to
/// `on_edit` as edits): the one way every group and the emission picker draw a lever.
pub fn number(
    l: &'static Lever,
    s: &Scenario,
    drafts: &Drafts,
    disabled: Option<&'static str>,
    on_edit: &Callback<Edit>,
) -> Html {
    html! {
        <NumberLever
            lever={l}
            value={(l.field.get)(s)}
            draft={drafts.get(l.field.key).cloned()}
            {disabled}
            on_slide={on_edit.reform(|(l, v)| Edit::Slide(l, v))}
            on_type={on_edit.reform(|(l, t)| Edit::Type(l, t))}
            on_blur={on_edit.reform(Edit::Blur)} />
    }
}

/// See the module doc.
#[component]
pub fn LeverGroup(props: &Props) -> Html {
    let s = &props.scenario;
    let act = &props.on_edit;
    let on_choose = act.reform(|(c, v): (&'static Choice, String)| Edit::Choose(c, v));
    let checked = |e: &Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
    let on_shock = act.reform(move |e: Event| Edit::Shock(checked(&e)));
    let on_bands = act.reform(move |e: Event| Edit::Bands(checked(&e)));
    let disabled = |l: &Lever| {
        if (*l == GROWTH_VOLATILITY || *l == PATHS) && !props.bands {
            Some("Not used: turn on Monte Carlo bands above.")
        } else {
            disabled_reason(l, s)
        }
    };
    html! {
        <fieldset class="group">
            <legend>{ props.heading }</legend>
            for item in props.items.iter() {
                { match *item {
                    Item::ShockToggle => toggle("speculation_shock", "Speculation shock", "From a year on, traders leave: turnover falls, and under the fixed price model so does the price. Use does not.", s.speculation_shock.is_some(), on_shock.clone()),
                    Item::BandsToggle => toggle("bands", "Monte Carlo bands", "Draw many random futures of fee growth around the one you set, and show where supply could end up.", props.bands, on_bands.clone()),
                    Item::Choice(c) => html! {
                        <ChoiceLever choice={c} value={(c.get)(s)} on_choose={on_choose.clone()} disabled={choice_disabled_reason(c, s)} />
                    },
                    Item::Number(l) => number(l, s, &props.drafts, disabled(l), act),
                } }
            }
        </fieldset>
    }
}
