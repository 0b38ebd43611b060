//! The controls panel: every lever, grouped as the essay groups the questions, and Reset.

use super::advanced::Advanced;
use super::choice_lever::ChoiceLever;
use super::number_lever::NumberLever;
use crate::choices::Choice;
use crate::levers::{choice_disabled_reason, disabled_reason, Item, Lever, GROUPS, GROWTH_VOLATILITY, PATHS};
use crate::state::{Drafts, Edit};
use crate::tables::TableDraft;
use consumption_lab_engine::{Projection, Scenario};
use std::rc::Rc;
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
    /// A lever moved, was typed in or left; a choice was made; a toggle flipped; Reset.
    pub on_edit: Callback<Edit>,
    /// The projection on screen (the advanced part previews its emission).
    pub projection: Rc<Projection>,
    /// The advanced editor's tables while they are not a valid design.
    pub table: Option<TableDraft>,
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

/// See the module doc.
#[component]
pub fn Controls(props: &Props) -> Html {
    let s = &props.scenario;
    let act = &props.on_edit;
    let on_slide = act.reform(|(l, v)| Edit::Slide(l, v));
    let on_type = act.reform(|(l, t)| Edit::Type(l, t));
    let on_blur = act.reform(Edit::Blur);
    let on_choose = act.reform(|(c, v): (&'static Choice, String)| Edit::Choose(c, v));
    let on_reset = act.reform(|_: MouseEvent| Edit::Reset);
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
        <form class="controls" aria-label="Design levers" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            for (heading, items) in GROUPS.iter() {
                <fieldset class="group">
                    <legend>{ *heading }</legend>
                    for item in items.iter() {
                        { match *item {
                            Item::ShockToggle => toggle("speculation_shock", "Speculation shock", "From a year on, traders leave: turnover falls, and under the fixed price model so does the price. Use does not.", s.speculation_shock.is_some(), on_shock.clone()),
                            Item::BandsToggle => toggle("bands", "Monte Carlo bands", "Draw many random futures of fee growth around the one you set, and show where supply could end up.", props.bands, on_bands.clone()),
                            Item::Choice(c) => html! {
                                <ChoiceLever choice={c} value={(c.get)(s)} on_choose={on_choose.clone()} disabled={choice_disabled_reason(c, s)} />
                            },
                            Item::Number(l) => html! {
                                <NumberLever
                                    lever={l}
                                    value={(l.field.get)(s)}
                                    draft={props.drafts.get(l.field.key).cloned()}
                                    disabled={disabled(l)}
                                    on_slide={on_slide.clone()}
                                    on_type={on_type.clone()}
                                    on_blur={on_blur.clone()} />
                            },
                        } }
                    }
                </fieldset>
            }
            <Advanced scenario={s.clone()} projection={props.projection.clone()} drafts={props.drafts.clone()} table={props.table.clone()} on_edit={act.clone()} />
            <button type="button" class="reset" onclick={on_reset}>{ "Reset to defaults" }</button>
        </form>
    }
}
