//! "Uncertainty": what Monte Carlo paths of fee growth say about where supply ends up, with the
//! probability that it ends below where it started and the distribution of final supply.

use super::figure;
use crate::charts::{canvas, histogram};
use crate::format::{pct, tokens};
use crate::hooks::use_size;
use consumption_lab_engine::wire::MonteCarloBands;
use consumption_lab_engine::Scenario;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// Props of [`Uncertainty`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Whether bands are switched on.
    pub on: bool,
    /// The latest Monte Carlo run, if any.
    pub result: Option<Rc<MonteCarloBands>>,
    /// The design it is a run of (its paths, seed and volatility).
    pub scenario: Scenario,
    /// Whether a run is in progress.
    pub busy: bool,
    /// Why the last run failed, if it did.
    pub error: Option<String>,
    /// Switch bands on.
    pub on_enable: Callback<MouseEvent>,
}

/// See the module doc.
#[component]
pub fn Uncertainty(props: &Props) -> Html {
    let wrap = use_node_ref();
    let canvas_ref = use_node_ref();
    let size = use_size(wrap.clone());
    {
        let canvas_ref = canvas_ref.clone();
        use_effect_with((props.result.clone(), props.scenario.clone(), size), move |(result, scenario, size)| {
            if let (Some(mc), Some(c), true) = (result, canvas_ref.cast::<HtmlCanvasElement>(), size.0 > 0.0) {
                if let Err(e) = canvas::draw_with(&c, *size, |root, frame| histogram::draw(root, mc, scenario, frame)) {
                    gloo::console::error!(format!("histogram could not be drawn: {e}"));
                }
            }
        });
    }
    let status = if props.busy {
        html! { <span class="computing" role="status">{ "Computing paths…" }</span> }
    } else {
        html! {}
    };
    html! {
        <section class="card uncertainty" id="uncertainty" aria-labelledby="uncertainty-title" aria-busy={props.busy.to_string()}>
            <div class="card-head">
                <h2 id="uncertainty-title">{ "Uncertainty" }</h2>
                { status }
            </div>
            if !props.on {
                <p class="empty">{ "Fee growth is a guess. Monte Carlo bands draw many random futures around it and show where supply could end up." }</p>
                <button type="button" onclick={props.on_enable.clone()}>{ "Show Monte Carlo bands" }</button>
            } else {
                if let Some(e) = &props.error {
                    <p class="lever-error" role="alert">{ e.clone() }</p>
                }
                if props.scenario.price_model == consumption_lab_engine::PriceModel::FeeMultiple {
                    <p class="help">{ "Under the fee-multiple model fees cancel out of the burn: every path burns the same share of supply, so the supply bands are a line. The price bands still spread." }</p>
                }
                if let Some(mc) = &props.result {
                    <p class="caption">{ format!("{} paths of fee growth at {} volatility a year (seed {}). Bands on the supply and price charts; final supply below.", props.scenario.paths, pct(props.scenario.growth_volatility, 0), props.scenario.seed) }</p>
                    <dl class="lens-figures">
                        { figure(Some(("probability_supply_below_start", mc.probability_supply_below_start)), "Chance supply ends below its start", pct(mc.probability_supply_below_start, 1)) }
                        { figure(None, "Final supply, 5th percentile", tokens(mc.final_supply.percentiles.p5)) }
                        { figure(None, "Median", tokens(mc.final_supply.percentiles.p50)) }
                        { figure(None, "95th percentile", tokens(mc.final_supply.percentiles.p95)) }
                    </dl>
                }
            }
            // Always in the page (hidden when off) so its size is observed from the start.
            <div class="chart-wrap histogram" ref={wrap} hidden={!props.on || props.result.is_none()}>
                <canvas ref={canvas_ref} role="img" aria-label="Histogram of supply at the horizon across Monte Carlo paths, with the initial supply marked"></canvas>
            </div>
        </section>
    }
}
