//! The sensitivity map: net supply change at the horizon over a 64 × 64 grid of two parameters
//! (burn share × fee growth unless the person picks others), computed in the compute worker so
//! that the page stays responsive, with the current design marked and a hover read-out. It is
//! computed once it comes near the screen, not at load.

use crate::charts::canvas;
use crate::charts::heatmap::{self, Axes, Grid};
use crate::format::{pct_change, significant};
use crate::hooks::{use_compute, use_size, use_visible, Pending};
use crate::levers::{lever_of, Lever, BURN_SHARE, FEE_GROWTH, LEVERS};
use consumption_lab_engine::fields::{numeric_field, NUMERIC_FIELDS};
use consumption_lab_engine::sweep::SweepAxis;
use consumption_lab_engine::wire::{Measure, Request, Response};
use consumption_lab_engine::Scenario;
use web_sys::{HtmlCanvasElement, HtmlSelectElement};
use yew::prelude::*;

/// Cells per axis.
pub const STEPS: u32 = 64;

/// Levers of the fields that can move net supply change (the valuation and Monte Carlo settings
/// cannot, and the shock's fields are not swept).
fn sweepable() -> impl Iterator<Item = &'static Lever> {
    LEVERS.iter().copied().filter(|l| {
        NUMERIC_FIELDS.contains(&l.field) && !matches!(l.field.key, "discount_rate" | "growth_volatility" | "paths")
    })
}

/// The lever of a swept field named in an answer.
fn lever_named(key: &str) -> Option<&'static Lever> {
    numeric_field(key).and_then(lever_of)
}

/// The axis for a lever: its slider range (the practical range), in stored units.
pub fn axis(l: &Lever) -> Option<SweepAxis> {
    let (lo, hi) = (l.slider.0 / l.scale, l.slider.1 / l.scale);
    SweepAxis::new(l.field.key, lo, hi, STEPS).ok()
}

/// The unit an axis is read in: "%" for shares and rates, the lever's unit otherwise.
fn unit(l: &Lever) -> &'static str {
    match l.unit {
        "%" | "%/yr" => "%",
        other => other,
    }
}

/// A value in its lever's shown units, without the unit.
fn shown(l: &Lever, v: f64) -> String {
    significant(l.shown(v), 3)
}

/// A value as people read it: "45 %", "12 ×/yr".
fn show(l: &Lever, v: f64) -> String {
    format!("{} {}", shown(l, v), unit(l))
}

/// How a measure is named in the read-out.
fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::NetSupplyChange => "net supply change",
        Measure::PriceChange => "final price vs launch",
    }
}

/// The current design's values of the two swept fields.
fn current_point(s: &Scenario, x: &Lever, y: &Lever) -> (f64, f64) {
    ((x.field.get)(s), (y.field.get)(s))
}

/// Props of [`SensitivityMap`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The design the grid is centred on.
    pub scenario: Scenario,
}

/// See the module doc.
#[component]
pub fn SensitivityMap(props: &Props) -> Html {
    let measure = use_state(|| Measure::NetSupplyChange);
    let x_lever = use_state(|| &BURN_SHARE);
    let y_lever = use_state(|| &FEE_GROWTH);
    let compute = use_compute(Pending::Newest);
    let request_id = use_mut_ref(|| 0u32);
    let wrap = use_node_ref();
    let canvas_ref = use_node_ref();
    let size = use_size(wrap.clone());
    // Nothing is computed (and the worker module not even fetched) until the map is near the screen.
    let near = use_visible(wrap.clone());
    let grid = use_state_eq(Grid::default);
    let hover = use_state_eq(|| None::<(usize, usize)>);

    // Ask the worker for a new grid when the axes change or the design changes in a field that is
    // not swept (moving a swept lever only moves the ring: the grid is the same).
    let base = {
        let mut base = props.scenario.clone();
        for l in [*x_lever, *y_lever] {
            if let Some(a) = axis(l) {
                (l.field.set)(&mut base, a.min);
            }
        }
        base
    };
    {
        let (send, id) = (compute.send.clone(), request_id.clone());
        // `base` is only the key; the request carries the design itself, which is valid (a base
        // with years at the axis minimum could leave a shock beyond its horizon).
        let scenario = props.scenario.clone();
        use_effect_with((base, *x_lever, *y_lever, *measure, near), move |(_, xl, yl, measure, near)| {
            if let (Some(x), Some(y), true) = (axis(xl), axis(yl), *near) {
                let mut id = id.borrow_mut();
                *id += 1;
                crate::perf::mark_start("sweep");
                send.emit(Request::Sweep { id: *id, scenario, x, y, measure: *measure });
            }
        });
    }
    let heatmap = match compute.result.as_deref() {
        Some(Response::Sweep { heatmap, .. }) => Some(heatmap.clone()),
        _ => None,
    };
    let error = match compute.result.as_deref() {
        Some(Response::Error { message, .. }) => Some(message.clone()),
        _ => None,
    };
    {
        let (canvas_ref, grid) = (canvas_ref.clone(), grid.clone());
        use_effect_with((heatmap.clone(), size), move |(heatmap, size)| {
            let (Some(map), Some(c), true) = (heatmap, canvas_ref.cast::<HtmlCanvasElement>(), size.0 > 0.0) else {
                return;
            };
            let (Some(xl), Some(yl)) = (lever_named(&map.x_field), lever_named(&map.y_field)) else { return };
            let ax = Axes {
                x_title: format!("{} ({})", xl.field.label, unit(xl)),
                y_title: format!("{} ({})", yl.field.label, unit(yl)),
                x_show: &|v| shown(xl, v),
                y_show: &|v| shown(yl, v),
            };
            match canvas::draw_with(&c, *size, |root, frame| heatmap::draw(root, map, &ax, frame)) {
                Ok(g) => {
                    grid.set(g);
                    crate::perf::measure("sweep");
                }
                Err(e) => gloo::console::error!(format!("sensitivity map could not be drawn: {e}")),
            }
        });
    }

    let on_measure = {
        let measure = measure.clone();
        Callback::from(move |e: Event| {
            let price = e.target_unchecked_into::<HtmlSelectElement>().value() == "price";
            measure.set(if price { Measure::PriceChange } else { Measure::NetSupplyChange });
        })
    };
    let choose = |state: UseStateHandle<&'static Lever>| {
        Callback::from(move |e: Event| {
            if let Some(l) = lever_named(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                state.set(l);
            }
        })
    };
    let onmousemove = {
        let (hover, grid, heatmap) = (hover.clone(), grid.clone(), heatmap.clone());
        Callback::from(move |e: MouseEvent| {
            let cell = heatmap
                .as_ref()
                .and_then(|m| grid.cell_at(f64::from(e.offset_x()), f64::from(e.offset_y()), m.xs.len(), m.ys.len()));
            hover.set(cell);
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };
    let levers_of =
        |map: &consumption_lab_engine::wire::Heatmap| Some((lever_named(&map.x_field)?, lever_named(&map.y_field)?));
    let readout = match (heatmap.as_ref().and_then(|m| Some((m, levers_of(m)?))), *hover) {
        (Some((map, (xl, yl))), Some((i, j))) => {
            let value = map.values.get(j * map.xs.len() + i).copied().flatten();
            let text = format!(
                "{} {} · {} {} → {}",
                xl.field.label,
                show(xl, map.xs[i]),
                yl.field.label,
                show(yl, map.ys[j]),
                value.map_or("not a valid combination".to_owned(), |v| format!(
                    "{} {}",
                    measure_name(map.measure),
                    pct_change(v)
                )),
            );
            html! { <p class="map-readout" aria-live="polite">{ text }</p> }
        }
        _ => html! { <p class="map-readout muted">{ "Point at or tap a cell to read it." }</p> },
    };
    let options = |selected: &Lever, other: &Lever| {
        sweepable()
            .filter(|l| *l != other)
            .map(|l| html! { <option value={l.field.key} selected={l == selected}>{ l.field.label }</option> })
            .collect::<Html>()
    };

    html! {
        <section class="card sensitivity" id="sensitivity" aria-labelledby="sensitivity-title" aria-busy={compute.busy.to_string()}>
            <div class="card-head">
                <h2 id="sensitivity-title">{ "Sensitivity map" }</h2>
                if compute.busy { <span class="computing" role="status">{ "Computing…" }</span> }
            </div>
            <p class="caption">{ match *measure {
                Measure::NetSupplyChange => format!("Net supply change at the horizon for {STEPS} × {STEPS} combinations of two levers, everything else as designed. Blue: supply falls; brown: it grows; grey: not a valid combination (for example burn and staker shares over 100 %). The ring is the current design."),
                Measure::PriceChange => format!("The final price against the launch price for {STEPS} × {STEPS} combinations of two levers, everything else as designed. Blue: the price ends lower; brown: higher; grey: not a valid combination. The ring is the current design."),
            } }</p>
            if props.scenario.price_model == consumption_lab_engine::PriceModel::FeeMultiple && *measure == Measure::NetSupplyChange {
                <p class="help">{ "Under the fee-multiple model fees cancel out of the burn: along annual fees and fee growth the map is flat by construction." }</p>
            }
            <div class="map-axes">
                <div class="lever choice">
                    <label for="map-measure">{ "Colour by" }</label>
                    <select id="map-measure" onchange={on_measure}>
                        <option value="supply" selected={*measure == Measure::NetSupplyChange}>{ "Net supply change" }</option>
                        <option value="price" selected={*measure == Measure::PriceChange}>{ "Final price vs launch" }</option>
                    </select>
                </div>
                <div class="lever choice">
                    <label for="map-x">{ "Across" }</label>
                    <select id="map-x" onchange={choose(x_lever.clone())}>{ options(*x_lever, *y_lever) }</select>
                </div>
                <div class="lever choice">
                    <label for="map-y">{ "Up" }</label>
                    <select id="map-y" onchange={choose(y_lever.clone())}>{ options(*y_lever, *x_lever) }</select>
                </div>
            </div>
            if let Some(e) = error {
                <p class="lever-error" role="alert">{ e }</p>
            }
            <div class="chart-wrap map" ref={wrap} {onmousemove} {onmouseleave}>
                <canvas ref={canvas_ref} role="img" aria-label={format!("Heatmap of net supply change over {} and {}", x_lever.field.key, y_lever.field.key)}></canvas>
                if let Some((x, y)) = heatmap.as_ref().and_then(levers_of).and_then(|(xl, yl)| grid.position(current_point(&props.scenario, xl, yl))) {
                    <div class="map-ring" style={format!("left: {x:.1}px; top: {y:.1}px")} title="The current design"></div>
                }
            </div>
            { readout }
        </section>
    }
}
