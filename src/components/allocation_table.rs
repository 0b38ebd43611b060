//! The allocation table editor: one row per bucket (name, share, unlocked at launch, cliff,
//! vesting, sold share, treasury), rows added and removed with buttons, every cell a labelled
//! input that applies when it is committed (Enter or leaving it), and the sum and any error
//! said under the table. Keyboard-usable: Tab moves through the cells in reading order.

use super::row_errors::{path_has_error, RowErrors};
use crate::state::Edit;
use crate::tables::{TableEdit, COLUMNS};
use consumption_lab_engine::fields::ALLOCATION_FIELDS;
use consumption_lab_engine::number::trim;
use consumption_lab_engine::{Allocation, FieldError};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`AllocationTable`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The rows shown: the design's, or the draft being typed.
    pub rows: Vec<Allocation>,
    /// What is wrong with the draft.
    pub errors: Vec<FieldError>,
    /// An edit of the table.
    pub on_edit: Callback<Edit>,
}

/// A stored value as an editor cell shows it: no float noise (0.15 · 100 is 15, not
/// 15.000000000000002). The changes list shows its values the same way.
pub fn cell_text(value: f64, scale: f64) -> String {
    trim((value * scale * 1e9).round() / 1e9)
}

/// See the module doc.
#[component]
pub fn AllocationTable(props: &Props) -> Html {
    let edit = |make: fn(usize, String) -> TableEdit, i: usize| {
        props
            .on_edit
            .reform(move |e: Event| Edit::Table(make(i, e.target_unchecked_into::<HtmlInputElement>().value())))
    };
    let button = |t: TableEdit| props.on_edit.reform(move |_: MouseEvent| Edit::Table(t.clone()));
    let total: f64 = props.rows.iter().map(|a| a.share).sum();
    let names: Vec<String> = props.rows.iter().map(|a| a.name.clone()).collect();

    html! {
        <fieldset class="group tables">
            <legend>{ "Allocation table" }</legend>
            <p class="help">{ "Who holds the initial supply and when it unlocks. Locked tokens are neither circulating nor staked; what unlocks and is sold trades through the market at the start of the month. Nothing vests during a cliff; vesting is linear after it." }</p>
            <div class="table-scroll" role="region" aria-label="Allocation table" tabindex="0">
                <table class="edit-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Bucket" }</th>
                            for (heading, _, _, unit) in COLUMNS.iter() { <th scope="col">{ format!("{heading} ({unit})") }</th> }
                            <th scope="col">{ "Treasury" }</th>
                            <th scope="col"><span class="sr-only">{ "Remove" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        for (i, a) in props.rows.iter().enumerate() {
                            <tr>
                                <td>
                                    <input type="text" class="name" value={a.name.clone()} maxlength="40"
                                        aria-label={format!("Row {}: name", i + 1)}
                                        aria-invalid={path_has_error(&props.errors, &format!("allocations[{i}].name")).to_string()}
                                        onchange={edit(TableEdit::Rename, i)} />
                                </td>
                                for (c, ((_, name, scale, unit), field)) in COLUMNS.iter().zip(ALLOCATION_FIELDS).enumerate() {
                                    <td>
                                        <input type="number" step="any" inputmode="decimal" value={cell_text((field.get)(a), *scale)}
                                            aria-label={format!("{}: {name} ({unit})", a.name)}
                                            aria-invalid={path_has_error(&props.errors, &format!("allocations[{i}].{}", field.key)).to_string()}
                                            onchange={props.on_edit.reform(move |e: Event| Edit::Table(TableEdit::Cell(i, c, e.target_unchecked_into::<HtmlInputElement>().value())))} />
                                    </td>
                                }
                                <td>
                                    <input type="checkbox" checked={a.treasury} aria-label={format!("{}: held by the treasury", a.name)}
                                        onchange={props.on_edit.reform(move |e: Event| Edit::Table(TableEdit::Treasury(i, e.target_unchecked_into::<HtmlInputElement>().checked())))} />
                                </td>
                                <td>
                                    { super::small_button(button(TableEdit::RemoveBucket(i)), Some(format!("Remove {}", a.name)), None, "Remove") }
                                </td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            <p class={classes!("table-sum", ((total - 1.0).abs() > 1e-9 && !props.rows.is_empty()).then_some("off"))} aria-live="polite">
                { if props.rows.is_empty() { "No allocation table: every token circulates from launch.".to_owned() } else { format!("Shares sum to {} %.", cell_text(total, 100.0)) } }
            </p>
            <RowErrors errors={props.errors.clone()} names={names} />
            <div class="button-row">
                { super::small_button(button(TableEdit::AddBucket), None, None, "Add a bucket") }
                { super::small_button(button(TableEdit::DefaultTable), None, None, "Default table") }
                { super::small_button(button(TableEdit::NoTable), None, None, "No table (all circulating)") }
            </div>
        </fieldset>
    }
}
