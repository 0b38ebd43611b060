//! The emission schedule: the picker, the parameters of the schedule chosen (only those), the
//! cap, and a small preview of what the design mints month by month.

use super::choice_lever::ChoiceLever;
use super::lever_group::number;
use crate::choices::{Choice, EMISSION_SCHEDULE};
use crate::levers::{disabled_reason, emission_levers, Lever, MAX_SUPPLY};
use crate::state::{Drafts, Edit};
use crate::tables::TableEdit;
use consumption_lab_engine::{Projection, Scenario};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`EmissionPicker`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The design.
    pub scenario: Scenario,
    /// Its projection, for the preview of what is minted.
    pub projection: Rc<Projection>,
    /// Number boxes holding typed text.
    pub drafts: Drafts,
    /// An edit.
    pub on_edit: Callback<Edit>,
}

/// The preview's polyline: tokens minted each month, scaled to a 240 × 48 box.
fn preview_points(p: &Projection) -> (String, f64) {
    let peak = p.months.iter().map(|m| m.minted).fold(0.0, f64::max);
    let n = p.months.len().max(2) as f64 - 1.0;
    let points = p
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let y = if peak > 0.0 { 46.0 - 44.0 * m.minted / peak } else { 46.0 };
            format!("{:.1},{:.1}", 240.0 * i as f64 / n, y)
        })
        .collect::<Vec<_>>()
        .join(" ");
    (points, peak)
}

/// See the module doc.
#[component]
pub fn EmissionPicker(props: &Props) -> Html {
    let s = &props.scenario;
    let act = &props.on_edit;
    let on_choose = act.reform(|(c, v): (&'static Choice, String)| Edit::Choose(c, v));
    let on_cap =
        act.reform(|e: Event| Edit::Table(TableEdit::Cap(e.target_unchecked_into::<HtmlInputElement>().checked())));
    let lever = |l: &'static Lever| number(l, s, &props.drafts, disabled_reason(l, s), act);
    let (points, peak) = preview_points(&props.projection);
    let first_year: f64 = props.projection.months.iter().take(12).map(|m| m.minted).sum();
    let last_year: f64 = props.projection.months.iter().rev().take(12).map(|m| m.minted).sum();
    let summary = format!(
        "Minted in the first year {}, in the last {}.",
        crate::format::tokens(first_year),
        crate::format::tokens(last_year)
    );
    html! {
        <fieldset class="group">
            <legend>{ "Emission" }</legend>
            <ChoiceLever choice={&EMISSION_SCHEDULE} value={(EMISSION_SCHEDULE.get)(s)} {on_choose} />
            for l in emission_levers(s.emission.schedule).iter() { { lever(l) } }
            <figure class="emission-preview">
                <svg viewBox="0 0 240 48" width="240" height="48" role="img" aria-label={format!("Tokens minted each month over the horizon. {summary}")}>
                    <polyline points={points} fill="none" stroke="#cc79a7" stroke-width="2" />
                </svg>
                <figcaption>{ if peak > 0.0 { summary } else { "Nothing is minted.".to_owned() } }</figcaption>
            </figure>
            <div class="lever toggle">
                <label><input type="checkbox" checked={s.max_supply.is_some()} onchange={on_cap} aria-describedby="lever-cap-help" />{ " Cap the supply" }</label>
                <p class="help" id="lever-cap-help">{ "A maximum supply every schedule stops at (set at twice the initial supply; change it below)." }</p>
            </div>
            { lever(&MAX_SUPPLY) }
        </fieldset>
    }
}
