//! A chart with its title, a caption saying what to look for, the canvas, and a hover read-out of
//! the month under the pointer. Redrawn when the projection or the card's size changes.

use crate::charts::canvas;
use crate::charts::frame::Geometry;
use crate::charts::palette::css;
use crate::charts::series::{
    row, Series, BUYS, EQUILIBRIUM_FEES, FEES, PRICE, SELLS, STAKED_SHARE, SUPPLY, TURNOVER_VS_CONSUMPTION,
    UNLOCK_LINES, VALUE_CAPTURE,
};
use crate::charts::{ChartKind, Extras};
use crate::hooks::{use_near_screen, use_size};
use crate::{browser, format};
use consumption_lab_engine::wire::MonteCarloBands;
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
    /// Element id, for links and the essay walk.
    #[prop_or_default]
    pub id: Option<&'static str>,
    /// Figures or notes shown under the chart.
    #[prop_or_default]
    pub children: Html,
    /// The pinned design "A", drawn dashed.
    #[prop_or_default]
    pub compare: Option<Rc<Projection>>,
    /// Monte Carlo bands, drawn behind the lines of the charts that show them.
    #[prop_or_default]
    pub bands: Option<Rc<MonteCarloBands>>,
}

/// How long after an input a chart off the screen redraws, ms: after the charts in view.
const LATER_MS: u32 = 60;

/// The series a chart's read-out lists, top to bottom (burn and mint's equilibrium usage only
/// under burn and mint, where the fee chart draws it).
fn readout_series(kind: ChartKind, p: &Projection) -> Vec<&'static Series> {
    let burn_and_mint = p.scenario.fee_denomination == consumption_lab_engine::FeeDenomination::BurnAndMint;
    match kind {
        ChartKind::Supply => SUPPLY.iter().chain([&STAKED_SHARE]).collect(),
        ChartKind::Fees => {
            FEES.iter().rev().chain([&VALUE_CAPTURE]).chain(burn_and_mint.then_some(&EQUILIBRIUM_FEES)).collect()
        }
        ChartKind::Turnover => TURNOVER_VS_CONSUMPTION.iter().collect(),
        ChartKind::Price => PRICE.iter().collect(),
        ChartKind::Flows => BUYS.iter().chain(SELLS).collect(),
        ChartKind::Unlocks => UNLOCK_LINES.iter().collect(),
    }
}

/// The section of the model notes that says how a chart's quantities are computed.
fn notes_section(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Supply => "supply",
        ChartKind::Price | ChartKind::Flows => "the-market",
        ChartKind::Unlocks => "allocations-and-vesting",
        ChartKind::Fees => "fee-split",
        ChartKind::Turnover => "turnover-vs-consumption",
    }
}

/// See the module doc.
#[component]
pub fn ChartCard(props: &Props) -> Html {
    let wrap = use_node_ref();
    let canvas_ref = use_node_ref();
    let size = use_size(wrap.clone());
    // Drawn only near the screen: off it, a change waits until the card scrolls back in.
    let near = use_near_screen(wrap.clone());
    let geometry = use_state_eq(Geometry::default);
    let error = use_state_eq(|| None::<String>);
    let hover = use_state_eq(|| None::<u32>);
    let show_table = use_state_eq(|| false);
    // Whether the canvas shows an older design than the props (off the screen, it draws late).
    let stale = use_state_eq(|| false);
    let later = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);

    {
        let (canvas_ref, geometry, error, kind) = (canvas_ref.clone(), geometry.clone(), error.clone(), props.kind);
        let stale = stale.clone();
        use_effect_with(
            (props.projection.clone(), props.compare.clone(), props.bands.clone(), size, near),
            move |(projection, compare, bands, size, near)| {
                let (projection, compare, bands, size) = (projection.clone(), compare.clone(), bands.clone(), *size);
                let drawn = stale.clone();
                let paint = move || {
                    let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else { return };
                    if size.0 <= 0.0 {
                        return;
                    }
                    let extras = Extras { compare: compare.as_deref(), bands: bands.as_deref() };
                    match canvas::draw(&canvas, size, kind, &projection, extras) {
                        Ok(g) => {
                            geometry.set(g);
                            error.set(None);
                        }
                        Err(e) => {
                            gloo::console::error!(format!("chart could not be drawn: {e}"));
                            error.set(Some(e.to_string()));
                        }
                    }
                    drawn.set(false);
                };
                // Near the screen it draws with the input; off it, once the input has been
                // answered (a newer change cancels an older pending draw).
                if *near {
                    *later.borrow_mut() = None;
                    paint();
                } else {
                    stale.set(true);
                    *later.borrow_mut() = Some(gloo::timers::callback::Timeout::new(LATER_MS, paint));
                }
            },
        );
    }

    // A mouse reads the month under it; a tap reads the month tapped (a browser follows a tap with
    // a mouse move, where pointer events would say "touch"), until a tap elsewhere moves it away.
    let onmousemove = {
        let (hover, geometry) = (hover.clone(), geometry.clone());
        Callback::from(move |e: MouseEvent| hover.set(geometry.month_at(f64::from(e.offset_x()))))
    };
    // The keyboard moves the same cursor, as a slider over the months (flows start at month 1).
    let first = u32::from(!matches!(props.kind, ChartKind::Supply | ChartKind::Unlocks));
    let last = geometry.months;
    let at = hover.unwrap_or(last);
    let onkeydown = {
        let hover = hover.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = if e.shift_key() { 12 } else { 1 };
            let to = match e.key().as_str() {
                "ArrowLeft" | "ArrowDown" => at.saturating_sub(step),
                "ArrowRight" | "ArrowUp" => at + step,
                "PageDown" => at.saturating_sub(12),
                "PageUp" => at + 12,
                "Home" => first,
                "End" => last,
                "Escape" => return hover.set(None),
                _ => return,
            };
            e.prevent_default();
            hover.set(Some(to.min(last).max(first)));
        })
    };
    let onfocus = {
        let hover = hover.clone();
        Callback::from(move |_: FocusEvent| hover.set(Some(at)))
    };
    let onblur = {
        let hover = hover.clone();
        Callback::from(move |_: FocusEvent| hover.set(None))
    };
    let on_png = {
        let (canvas_ref, title, scenario) = (canvas_ref.clone(), props.title, props.projection.scenario.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else { return };
            // The design in words first (what a reader needs), then the link that opens it exactly.
            let presets = consumption_lab_engine::presets::presets();
            let day = crate::storage::now();
            let footer = format!(
                "Consumption Lab {}, {} · {} · {}",
                env!("CARGO_PKG_VERSION"),
                day.get(..10).unwrap_or_default(),
                crate::describe::name(&presets, &scenario),
                crate::describe::levers(&scenario)
            );
            // The address bar is the share link of what is on screen, A included when pinned.
            let link = browser::link_to(browser::query().trim_start_matches('?'));
            let file = format!("consumption-lab-{}.png", title.to_ascii_lowercase().replace(' ', "-"));
            if let Err(e) =
                browser::chart_png(&canvas, title, &[&footer, &link]).and_then(|url| browser::download_url(&file, &url))
            {
                gloo::console::error!(format!("PNG export failed: {e}"));
            }
        })
    };
    let on_table = {
        let show_table = show_table.clone();
        Callback::from(move |_: MouseEvent| show_table.set(!*show_table))
    };
    let table_id = format!("{}-table", props.title.to_ascii_lowercase().replace(' ', "-"));
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };

    // The month the cursor is at, in the read-out's title and as the slider's value.
    let when = format::dated_month(at, props.projection.scenario.start);
    let readout = hover.and_then(|month| {
        let m = row(&props.projection, month)?;
        // Flows only exist from month 1; at month 0 the fee chart has nothing to say.
        if !matches!(props.kind, ChartKind::Supply | ChartKind::Unlocks) && month == 0 {
            return None;
        }
        Some(readout(props.kind, &props.projection, &m, &geometry, size.0, when.clone()))
    });

    html! {
        <figure class="chart-card" data-chart={props.title} data-stale={stale.to_string()} id={props.id}>
            <figcaption>
                <div class="card-head">
                    <h2>{ props.title }</h2>
                    <span class="button-row">
                        <button type="button" class="small" onclick={on_table} aria-expanded={show_table.to_string()} aria-controls={table_id.clone()}>
                            { if *show_table { "Hide table" } else { "Show as table" } }
                        </button>
                        { super::small_button(on_png, Some(format!("Download the {} chart as PNG", props.title)), None, "PNG") }
                    </span>
                </div>
                <p class="caption">{ props.caption }{ " " }{ super::notes_link(notes_section(props.kind)) }</p>
            </figcaption>
            // The read-out beside the chart, not in the measured wrapper: on a phone it goes under the
            // chart (style.css), and the chart must not take its height for its own.
            <div class="chart-stage">
                <div class="chart-wrap" ref={wrap} {onmousemove} {onmouseleave}>
                    <canvas ref={canvas_ref} tabindex="0" role="slider" {onkeydown} {onfocus} {onblur}
                        aria-label={format!("{}: {} Use the left and right arrow keys to read each month.", props.title, props.caption)}
                        aria-valuenow={at.to_string()} aria-valuetext={when}></canvas>
                </div>
                { readout.unwrap_or_default() }
            </div>
            if *show_table {
                { data_table(props.kind, &props.projection, &table_id, props.title) }
            }
            { props.children.clone() }
            if let Some(e) = &*error {
                <p class="chart-error" role="status">{ format!("This chart could not be drawn: {e}") }</p>
            }
        </figure>
    }
}

/// The rows a read-out shows above its series, as (swatch, label, value): totals, and the
/// allocation table's buckets where the chart is about them.
fn extra_rows(kind: ChartKind, p: &Projection, m: &Month) -> Vec<(Option<String>, String, String)> {
    use consumption_lab_engine::unlocks::{sells_by_bucket, unlocks};
    let bucket = |i: usize| Some(css(crate::charts::unlocks::bucket_color(i)));
    match kind {
        ChartKind::Fees => vec![(None, "Gross fees".to_owned(), format::usd(m.fees_usd))],
        ChartKind::Flows => {
            let mut rows = vec![(None, "Net: buys less sells".to_owned(), format::usd(crate::charts::flows::net(m)))];
            if m.unlock_sells_usd > 0.0 {
                let buckets = unlocks(&p.scenario);
                let usd = sells_by_bucket(&buckets, std::slice::from_ref(m));
                for (i, (b, v)) in buckets.iter().zip(usd).enumerate().filter(|(_, (_, v))| v[0] > 0.0) {
                    rows.push((bucket(i), format!("{} unlock sold", b.name), format::usd(v[0])));
                }
            }
            rows
        }
        ChartKind::Unlocks => unlocks(&p.scenario)
            .iter()
            .enumerate()
            .map(|(i, b)| (bucket(i), format!("{} unlocked", b.name), format::tokens(b.unlocked[m.month as usize])))
            .collect(),
        ChartKind::Supply | ChartKind::Turnover | ChartKind::Price => Vec::new(),
    }
}

/// The cursor line and the box of values for month `m`, titled `when` (the month in words).
fn readout(kind: ChartKind, p: &Projection, m: &Month, g: &Geometry, width: f64, when: String) -> Html {
    let x = g.x_of(m.month);
    let on_right = x < width * 0.55;
    let side = if on_right { format!("left: {:.0}px", x + 10.0) } else { format!("right: {:.0}px", width - x + 10.0) };
    let extra = extra_rows(kind, p, m);
    html! {
        <>
            <div class="cursor" style={format!("left: {x:.1}px; top: {:.0}px; height: {:.0}px", g.top, g.bottom - g.top)}></div>
            <div class="readout" style={format!("{side}; top: {:.0}px", g.top + 4.0)} aria-live="polite">
                <div class="readout-title">{ when }</div>
                for (swatch, label, value) in extra {
                    if let Some(color) = swatch {
                        <div class="readout-row">
                            <span class="swatch" style={format!("background: {color}")}></span>
                            <span class="label">{ label }</span><span class="value">{ value }</span>
                        </div>
                    } else {
                        <div class="readout-row total"><span class="label">{ label }</span><span class="value">{ value }</span></div>
                    }
                }
                for s in readout_series(kind, p) {
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

/// The chart's series as a table, one row per year (the values at each year's last month): the
/// text alternative for people who cannot see the chart, and for copying numbers out.
fn data_table(kind: ChartKind, p: &Projection, id: &str, title: &str) -> Html {
    let series = readout_series(kind, p);
    let years: Vec<Month> = p.months.iter().filter(|m| m.month % 12 == 0).copied().collect();
    html! {
        // Focusable so keyboard users can scroll it; labelled so screen readers announce it.
        <div class="table-scroll" id={id.to_owned()} tabindex="0" role="region" aria-label={format!("{title} table")}>
            <table class="data-table">
                <caption>{ format!("{title}: values in the last month of each year") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Year" }</th>
                        for s in series.iter() { <th scope="col">{ s.label }</th> }
                    </tr>
                </thead>
                <tbody>
                    for m in years.iter() {
                        <tr>
                            <th scope="row">{ m.year() }</th>
                            for s in series.iter() { <td>{ s.show(m) }</td> }
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}
