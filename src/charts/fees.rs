//! Chart "Where the fees go": each month's gross fees stacked by destination (burned, stakers,
//! treasury, leaked) with the value capture ratio as a dashed line on the right-hand axis, and
//! under burn and mint the usage at which the burn would equal the minting.

use super::frame::{Frame, Geometry};
use super::legend;
use super::palette::INK;
use super::series::{EQUILIBRIUM_FEES, FEES, VALUE_CAPTURE};
use super::{axes, marks, BoxResult};
use crate::format::usd;
use consumption_lab_engine::{FeeDenomination, Projection};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draw the chart filling `root`; returns where the plot landed for the hover read-out.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    p: &Projection,
    compare: Option<&Projection>,
    frame: &Frame,
) -> BoxResult<Geometry>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    // Under burn and mint, the usage at which the month's burn would equal its minting.
    let equilibrium = (p.scenario.fee_denomination == FeeDenomination::BurnAndMint).then_some(&EQUILIBRIUM_FEES);
    let entries = legend::entries(
        FEES.iter().chain([&VALUE_CAPTURE]).chain(equilibrium),
        compare.map(|_| "A: gross fees (dashed)"),
    );
    let (top, plot) = root.split_vertically(frame.u(legend::height(root, &entries, frame)));
    let (years, a_months) = super::span(p, compare);
    let highest = |m: &consumption_lab_engine::Month| m.fees_usd.max(equilibrium.map_or(0.0, |s| (s.value)(m)));
    let y_max = p.months.iter().chain(a_months).map(highest).fold(0.0, f64::max).max(1.0) * 1.06;

    let y_show = |v: &f64| usd(*v);
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::y_area(frame, 0.0..y_max, &y_show))
        .right_y_label_area_size(axes::right_area(frame))
        .build_cartesian_2d(0.0..years, 0.0..y_max)?
        .set_secondary_coord(0.0..years, 0.0..1.0);
    axes::house(&mut chart.configure_mesh(), frame)
        .x_desc(axes::time_title(p.scenario.start))
        .y_desc("USD per month")
        .x_labels(axes::year_ticks(frame, years as u32, p.scenario.start))
        .y_labels(6)
        .x_label_formatter(&axes::time_label(p.scenario.start))
        .y_label_formatter(&y_show)
        .draw()?;
    axes::secondary_share(&mut chart, "Value capture", frame)?;

    // Stacked bands, drawn top layer first so each lower band paints over the one above it.
    for layer in (0..FEES.len()).rev() {
        let points = p.months.iter().map(|m| {
            let top: f64 = FEES[..=layer].iter().map(|s| (s.value)(m)).sum();
            (f64::from(m.month) / 12.0, top)
        });
        chart.draw_series(AreaSeries::new(points, 0.0, FEES[layer].color.filled()))?;
    }
    marks::all(&mut chart, p, (0.0, y_max), frame)?;
    let a_fees = a_months.iter().map(|m| (f64::from(m.month) / 12.0, m.fees_usd));
    chart.draw_series(DashedLineSeries::new(a_fees, frame.u(8.0), frame.u(5.0), INK.stroke_width(frame.u(2.0))))?;
    if let Some(s) = equilibrium {
        let points = p.months.iter().map(|m| (f64::from(m.month) / 12.0, (s.value)(m)));
        super::lines::line(&mut chart, points, s, frame)?;
    }
    let capture = p.months.iter().map(|m| (f64::from(m.month) / 12.0, m.value_capture_ratio));
    super::lines::line_secondary(&mut chart, capture, &VALUE_CAPTURE, frame)?;

    let (x, y) = chart.plotting_area().get_pixel_range();
    legend::draw(&top, &entries, frame, 8.0)?;
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, (years * 12.0) as u32))
}
