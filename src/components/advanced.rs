//! The advanced part of the levers, collapsed by default so that the four levers the page is
//! built around stay where a newcomer sees them first: where supply comes from (the allocation
//! table, the emission schedule and the cap), how holders respond (stakers following the yield,
//! the treasury's spending, slashing and governance) and the changes over time.

use super::allocation_table::AllocationTable;
use super::changes_list::ChangesList;
use super::emission_picker::EmissionPicker;
use super::lever_group::LeverGroup;
use crate::levers::HOLDER_GROUPS;
use crate::state::{Drafts, Edit};
use crate::tables::TableDraft;
use consumption_lab_engine::{Projection, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Advanced`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The design.
    pub scenario: Scenario,
    /// Its projection (the emission preview).
    pub projection: Rc<Projection>,
    /// Number boxes holding typed text.
    pub drafts: Drafts,
    /// The tables being typed, while they are not a valid design.
    pub table: Option<TableDraft>,
    /// An edit.
    pub on_edit: Callback<Edit>,
}

/// See the module doc.
#[component]
pub fn Advanced(props: &Props) -> Html {
    let s = &props.scenario;
    // Whether the person opened it; it is also open whenever the draft has a problem, so the
    // message is never hidden. Closed, nothing inside is rendered (nor diffed on every input).
    let opened = use_state_eq(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| opened.set(e.target_unchecked_into::<web_sys::Element>().has_attribute("open")))
    };
    let open = *opened || props.table.is_some();
    let body = open.then(|| {
        let (allocations, changes, errors) = match &props.table {
            Some(d) => (d.allocations.clone(), d.changes.clone(), d.errors.clone()),
            None => (s.allocations.clone(), s.changes.clone(), Vec::new()),
        };
        let (table_errors, change_errors): (Vec<_>, Vec<_>) =
            errors.into_iter().partition(|e| !e.field.starts_with("changes"));
        html! {
            <>
                if props.table.is_some() {
                    <p class="banner warning" role="status">{ "The charts show the last valid design until the tables below are fixed." }</p>
                }
                <AllocationTable rows={allocations} errors={table_errors} on_edit={props.on_edit.clone()} />
                <EmissionPicker scenario={s.clone()} projection={props.projection.clone()} drafts={props.drafts.clone()} on_edit={props.on_edit.clone()} />
                for (heading, items) in HOLDER_GROUPS.iter() {
                    <LeverGroup heading={*heading} items={*items} scenario={s.clone()} drafts={props.drafts.clone()} on_edit={props.on_edit.clone()} />
                }
                <ChangesList rows={changes} errors={change_errors} months={s.months()} start={s.start} on_edit={props.on_edit.clone()} />
            </>
        }
    });
    html! {
        <details class="advanced" id="advanced" {open} {ontoggle}>
            <summary>{ "Advanced: allocations and vesting, emission, stakers and treasury, changes over time" }</summary>
            { body.unwrap_or_default() }
        </details>
    }
}
