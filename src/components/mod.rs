//! Function components, one per file.

pub mod advanced;
pub mod allocation_table;
pub mod changes_list;
pub mod chart_card;
pub mod choice_lever;
pub mod compare_table;
pub mod controls;
pub mod emission_picker;
pub mod jevons_panel;
pub mod lens_turnover;
pub mod lever_group;
pub mod masthead;
pub mod notices;
pub mod number_lever;
pub mod preset_fit;
pub mod row_errors;
pub mod saved_designs;
pub mod scenario_bar;
pub mod scorecard;
pub mod sensitivity_map;
pub mod shock_compare;
pub mod slide_bar;
pub mod summary_strip;
pub mod uncertainty;
pub mod valuation;
pub mod walk;

use yew::prelude::*;

/// A small `<button type="button" class="small">` with an optional `aria-label` and `title`: the
/// toolbar and list buttons, built by one function rather than expanded at each.
#[inline(never)]
pub fn small_button(
    onclick: Callback<MouseEvent>,
    label: Option<String>,
    title: Option<&'static str>,
    text: &'static str,
) -> Html {
    html! {
        <button type="button" class="small" {onclick} aria-label={label} {title}>{ text }</button>
    }
}

/// "How is this computed?": a link to the section of the model notes at `anchor` (`field-<key>` for
/// a lever's field, a heading's anchor for a chart), the page scripts/notes.mjs builds from
/// docs/model.md. One function for every lever and chart: one copy of the markup in the module.
#[inline(never)]
pub fn notes_link(anchor: &str) -> Html {
    html! { <a class="help-notes" href={format!("model.html#{anchor}")}>{ "How is this computed?" }</a> }
}

/// One figure of a `<dl>`: `<div data-figure={id} data-value={raw}><dt>label</dt><dd>value</dd></div>`,
/// the data attributes only when `key` is given (tests and scripts read the raw value there).
/// One shared function rather than the same markup expanded at every figure: smaller module.
pub fn figure(key: Option<(&'static str, f64)>, label: &'static str, value: String) -> Html {
    explained_figure(key, label, value, None)
}

/// A [`figure`] with a second `<dd class="explain">` saying what it assumes, when there is one.
#[inline(never)]
pub fn explained_figure(
    key: Option<(&'static str, f64)>,
    label: &'static str,
    value: String,
    explain: Option<String>,
) -> Html {
    html! {
        <div data-figure={key.map(|k| k.0)} data-value={key.map(|k| k.1.to_string())}>
            <dt>{ label }</dt>
            <dd>{ value }</dd>
            if let Some(explain) = explain {
                <dd class="explain">{ explain }</dd>
            }
        </div>
    }
}
