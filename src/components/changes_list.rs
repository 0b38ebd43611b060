//! The list of changes over time: from a month on, a lever takes a new value (a fee switch
//! turned on, a fee cut, a burn share raised). Each row is a month, a lever and a value in the
//! lever's own unit; the time charts mark each month with its label.

use super::allocation_table::cell_text;
use super::row_errors::{path_has_error, RowErrors};
use crate::levers::lever_of;
use crate::state::Edit;
use crate::tables::{changeable_fields, TableEdit};
use consumption_lab_engine::fields::changeable;
use consumption_lab_engine::number::trim;
use consumption_lab_engine::CalendarMonth;
use consumption_lab_engine::{Change, FieldError};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`ChangesList`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The changes shown: the design's, or the draft being typed.
    pub rows: Vec<Change>,
    /// What is wrong with the draft.
    pub errors: Vec<FieldError>,
    /// The horizon in months (the last month a change may start).
    pub months: u32,
    /// The design's calendar start, if it has one: each change's month is then also a date.
    #[prop_or_default]
    pub start: Option<CalendarMonth>,
    /// An edit of the list.
    pub on_edit: Callback<Edit>,
}

/// A change's value in its lever's units, and the unit.
fn shown(c: &Change) -> (String, &'static str) {
    match changeable(&c.field).and_then(lever_of) {
        Some(l) => (cell_text(c.value, l.scale), l.unit),
        None => (trim(c.value), ""),
    }
}

/// See the module doc.
#[component]
pub fn ChangesList(props: &Props) -> Html {
    let fields = changeable_fields();
    let text = |e: &Event| e.target_unchecked_into::<HtmlInputElement>().value();
    html! {
        <fieldset class="group tables">
            <legend>{ "Changes over time" }</legend>
            <p class="help">{ format!("From a month on (1 to {}), a lever takes a new value: a governance vote turning the fee switch on, a fee cut, a higher burn. Changing the year-1 fees restarts the fee level there.", props.months) }</p>
            if !props.rows.is_empty() {
                <div class="table-scroll" role="region" aria-label="Changes over time" tabindex="0">
                    <table class="edit-table">
                        <thead><tr>
                            <th scope="col">{ "From month" }</th><th scope="col">{ "Lever" }</th><th scope="col">{ "New value" }</th>
                            <th scope="col"><span class="sr-only">{ "Remove" }</span></th>
                        </tr></thead>
                        <tbody>
                            for (i, c) in props.rows.iter().enumerate() {
                                <tr>
                                    <td><input type="number" step="1" min="1" max={props.months.to_string()} value={c.month.to_string()}
                                        aria-label={format!("Change {}: from month", i + 1)}
                                        aria-invalid={path_has_error(&props.errors, &format!("changes[{i}].month")).to_string()}
                                        onchange={props.on_edit.reform(move |e: Event| Edit::Table(TableEdit::ChangeMonth(i, text(&e))))} />
                                        if let Some(start) = props.start {
                                            <span class="unit">{ start.of_month(c.month).to_string() }</span>
                                        }
                                    </td>
                                    <td><select aria-label={format!("Change {}: lever", i + 1)}
                                        onchange={props.on_edit.reform(move |e: Event| Edit::Table(TableEdit::ChangeField(i, e.target_unchecked_into::<HtmlSelectElement>().value())))}>
                                        for (key, label) in fields.iter() {
                                            <option value={*key} selected={*key == c.field}>{ *label }</option>
                                        }
                                    </select></td>
                                    <td class="with-unit">
                                        <input type="number" step="any" inputmode="decimal" value={shown(c).0}
                                            aria-label={format!("Change {}: new value ({})", i + 1, shown(c).1)}
                                            aria-invalid={path_has_error(&props.errors, &format!("changes[{i}].value")).to_string()}
                                            onchange={props.on_edit.reform(move |e: Event| Edit::Table(TableEdit::ChangeValue(i, text(&e))))} />
                                        <span class="unit">{ shown(c).1 }</span>
                                    </td>
                                    <td>{ super::small_button(props.on_edit.reform(move |_: MouseEvent| Edit::Table(TableEdit::RemoveChange(i))), Some(format!("Remove change {}", i + 1)), None, "Remove") }</td>
                                </tr>
                            }
                        </tbody>
                    </table>
                </div>
            }
            <RowErrors errors={props.errors.clone()} />
            <div class="button-row">
                { super::small_button(props.on_edit.reform(|_: MouseEvent| Edit::Table(TableEdit::AddChange)), None, None, "Add a change") }
            </div>
        </fieldset>
    }
}
