//! The controls panel: every lever, grouped as the essay groups the questions, and Reset.

use super::advanced::Advanced;
use super::lever_group::LeverGroup;
use crate::levers::GROUPS;
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

/// See the module doc.
#[component]
pub fn Controls(props: &Props) -> Html {
    let s = &props.scenario;
    let act = &props.on_edit;
    let on_reset = act.reform(|_: MouseEvent| Edit::Reset);
    html! {
        <form class="controls" aria-label="Design levers" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            for (heading, items) in GROUPS.iter() {
                <LeverGroup heading={*heading} items={*items} scenario={s.clone()} drafts={props.drafts.clone()} bands={props.bands} on_edit={act.clone()} />
            }
            <Advanced scenario={s.clone()} projection={props.projection.clone()} drafts={props.drafts.clone()} table={props.table.clone()} on_edit={act.clone()} />
            <button type="button" class="reset" onclick={on_reset}>{ "Reset to defaults" }</button>
        </form>
    }
}
