//! The page's first view, drawn at build time: what a visitor reads while the page's module
//! downloads. On a phone over a slow network that module takes about two seconds to arrive, and
//! until it runs the page would be blank; the headline figures and the supply chart of the default
//! design do not depend on anything the visitor has done, so they can be drawn once, here, by the
//! same components and chart code the page uses (Yew rendering to HTML, plotters to SVG), and
//! written into `index.html` by the post-build step (scripts/first-view.mjs).
//!
//! Native only: `consumption-lab-app first-view` prints the HTML. Two lines of script the
//! post-build step writes beside it hide it when the link carries a design (it would show the
//! wrong one) and remove it the moment the page renders its own.

use crate::app::{SUPPLY_CAPTION, SUPPLY_TITLE};
use crate::charts::frame::Frame;
use crate::charts::ChartKind;
use crate::charts::{supply, Extras};
use crate::components::chart_card::ChartCard;
use crate::components::masthead::masthead;
use crate::components::summary_strip;
use consumption_lab_engine::{project, Projection, Scenario};
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use std::rc::Rc;
use yew::prelude::*;
use yew::LocalServerRenderer;

/// The supply chart's CSS sizes on the page, measured: the card beside the levers at 1280 px, the
/// card above them below 860 px (its canvas 280 px high), and on a phone (390 px, where the chart
/// draws fewer ticks). static/style.css shows the one for the width; it is scaled to the card, so
/// at other widths its text is a little larger or smaller than the canvas' that replaces it.
const SIZES: [(&str, (f64, f64)); 3] =
    [("wide", (822.0, 340.0)), ("medium", (822.0, 280.0)), ("narrow", (352.0, 280.0))];

/// Props of [`FirstView`].
#[derive(Properties, PartialEq)]
struct Props {
    projection: Rc<Projection>,
}

/// The page's masthead, headline strip and supply card, with the levers' column saying they are
/// on their way. `inert`: nothing here can be used, so nothing takes focus or a click.
#[component]
fn FirstView(props: &Props) -> Html {
    let p = props.projection.clone();
    html! {
        <div class="app first-view" id="first-view" inert=true>
            { masthead(Callback::noop(), Callback::noop()) }
            <main class="layout">
                <section class="results" aria-label="Projection">
                    <div id="summary">{ summary_strip::view(&summary_strip::Props { projection: p.clone() }) }</div>
                    <ChartCard kind={ChartKind::Supply} id="supply" title={SUPPLY_TITLE} caption={SUPPLY_CAPTION} projection={p} />
                </section>
                <aside class="panel" aria-label="Design">
                    <h2 class="panel-title">{ "Design levers" }</h2>
                    <p class="first-view-note">{ "The levers are loading. Until they arrive, the figures show the default design." }</p>
                </aside>
            </main>
        </div>
    }
}

/// The supply chart of `p` as an SVG of `size` CSS pixels, sized by CSS (class `first-view-chart
/// {name}`) rather than by its own width and height attributes.
fn chart(p: &Projection, name: &str, size: (f64, f64)) -> Result<String, String> {
    let frame = Frame { px: 1.0, width: size.0, height: size.1 };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.0 as u32, size.1 as u32)).into_drawing_area();
        supply::draw(&root, p, Extras { compare: None, bands: None }, &frame).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    let open = format!(r#"<svg width="{}" height="{}" "#, size.0 as u32, size.1 as u32);
    let sized =
        format!(r#"<svg class="first-view-chart {name}" aria-hidden="true" preserveAspectRatio="xMinYMin meet" "#);
    if !svg.starts_with(&open) {
        return Err(format!("plotters' SVG no longer starts with {open:?}"));
    }
    Ok(svg.replacen(&open, &sized, 1))
}

/// The first view of the default design as HTML, the supply card's canvas replaced by its SVGs.
pub fn first_view() -> Result<String, String> {
    let projection = Rc::new(project(&Scenario::default()).map_err(|e| e.to_string())?);
    let renderer =
        LocalServerRenderer::<FirstView>::with_props(Props { projection: projection.clone() }).hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    let start = html.find("<canvas").ok_or("the first view has no canvas to replace")?;
    let end = html[start..].find("</canvas>").ok_or("the canvas is not closed")? + start + "</canvas>".len();
    let charts =
        SIZES.iter().map(|(name, size)| chart(&projection, name, *size)).collect::<Result<String, String>>()?;
    Ok(format!("{}{}{}", &html[..start], charts, &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_view_shows_the_default_designs_figures_and_chart() {
        let html = first_view().unwrap();
        let p = project(&Scenario::default()).unwrap();
        assert!(html.contains(r#"id="first-view""#) && html.contains("inert"));
        assert!(html.contains("Projected supply"));
        assert!(html.contains(&crate::format::tokens(p.summary.final_supply)), "the final supply figure");
        assert_eq!(html.matches("<svg class=\"first-view-chart").count(), 3);
        assert!(!html.contains("<canvas"), "the canvas is replaced");
        assert!(!html.contains("<!--"), "no hydration markers: the page renders afresh");
    }
}
