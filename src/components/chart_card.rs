//! A chart with its title, a caption saying what to look for, the canvas, and a hover read-out of
//! the month under the pointer. Redrawn when the projection or the card's width changes.

use crate::charts::canvas;
use crate::charts::frame::Geometry;
use crate::charts::palette::css;
use crate::charts::series::{row, Series, FEES, SUPPLY, VALUE_CAPTURE};
use crate::charts::ChartKind;
use crate::format;
use crate::hooks::use_width;
use consumption_lab_engine::{Month, Projection};
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// Props of [`ChartCard`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Which chart.
    pub kind: ChartKind,
    /// Heading.
    pub title: &'static str,
    /// One sentence on what the chart shows and what to look for.
    pub caption: &'static str,
    /// The projection drawn.
    pub projection: Rc<Projection>,
}

/// The series a chart's read-out lists, top to bottom.
fn readout_series(kind: ChartKind) -> Vec<&'static Series> {
    match kind {
        ChartKind::Supply => SUPPLY.iter().collect(),
        ChartKind::Fees => FEES.iter().rev().chain([&VALUE_CAPTURE]).collect(),
    }
}

/// See the module doc.
#[component]
pub fn ChartCard(props: &Props) -> Html {
    let wrap = use_node_ref();
    let canvas_ref = use_node_ref();
    let width = use_width(wrap.clone());
    let geometry = use_state_eq(Geometry::default);
    let error = use_state_eq(|| None::<String>);
    let hover = use_state_eq(|| None::<u32>);

    {
        let (canvas_ref, geometry, error, kind) = (
            canvas_ref.clone(),
            geometry.clone(),
            error.clone(),
            props.kind,
        );
        use_effect_with(
            (props.projection.clone(), width),
            move |(projection, width)| {
                if *width <= 0.0 {
                    return;
                }
                let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                    return;
                };
                match canvas::draw(&canvas, kind, projection) {
                    Ok(g) => {
                        geometry.set(g);
                        error.set(None);
                    }
                    Err(e) => {
                        gloo::console::error!(format!("chart could not be drawn: {e}"));
                        error.set(Some(e.to_string()));
                    }
                }
            },
        );
    }

    let onpointermove = {
        let (hover, geometry) = (hover.clone(), geometry.clone());
        Callback::from(move |e: PointerEvent| hover.set(geometry.month_at(f64::from(e.offset_x()))))
    };
    let onpointerleave = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| hover.set(None))
    };

    let readout = hover.and_then(|month| {
        let m = row(&props.projection, month)?;
        // Flows only exist from month 1; at month 0 the fee chart has nothing to say.
        if props.kind == ChartKind::Fees && month == 0 {
            return None;
        }
        Some(readout(props.kind, &m, &geometry, width))
    });

    html! {
        <figure class="chart-card" data-chart={props.title}>
            <figcaption>
                <h2>{ props.title }</h2>
                <p class="caption">{ props.caption }</p>
            </figcaption>
            <div class="chart-wrap" ref={wrap} {onpointermove} {onpointerleave}>
                <canvas ref={canvas_ref} role="img" aria-label={format!("{}: {}", props.title, props.caption)}></canvas>
                { readout.unwrap_or_default() }
            </div>
            if let Some(e) = &*error {
                <p class="chart-error" role="status">{ format!("This chart could not be drawn: {e}") }</p>
            }
        </figure>
    }
}

/// The cursor line and the box of values for month `m`.
fn readout(kind: ChartKind, m: &Month, g: &Geometry, width: f64) -> Html {
    let x = g.x_of(m.month);
    let on_right = x < width * 0.55;
    let side = if on_right {
        format!("left: {:.0}px", x + 10.0)
    } else {
        format!("right: {:.0}px", width - x + 10.0)
    };
    let extra = match kind {
        ChartKind::Fees => Some(("Gross fees".to_owned(), format::usd(m.fees_usd))),
        ChartKind::Supply => None,
    };
    html! {
        <>
            <div class="cursor" style={format!("left: {x:.1}px; top: {:.0}px; height: {:.0}px", g.top, g.bottom - g.top)}></div>
            <div class="readout" style={format!("{side}; top: {:.0}px", g.top + 4.0)} aria-live="polite">
                <div class="readout-title">{ format::month(m.month) }</div>
                if let Some((label, value)) = extra {
                    <div class="readout-row total"><span class="label">{ label }</span><span class="value">{ value }</span></div>
                }
                for s in readout_series(kind) {
                    <div class="readout-row">
                        <span class="swatch" style={format!("background: {}", css(s.color))}></span>
                        <span class="label">{ s.label }</span>
                        <span class="value">{ s.show(m) }</span>
                    </div>
                }
            </div>
        </>
    }
}
