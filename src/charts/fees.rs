//! Chart "Where the fees go": each month's gross fees stacked by destination (burned, stakers,
//! treasury, leaked) with the value capture ratio as a dashed line on the right-hand axis.

use super::frame::{Frame, Geometry};
use super::legend;
use super::palette::INK;
use super::series::{FEES, VALUE_CAPTURE};
use super::{axes, marks, BoxResult};
use crate::format::{pct, usd};
use consumption_lab_engine::Projection;
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
    let entries = legend::entries(FEES.iter().chain([&VALUE_CAPTURE]), compare.map(|_| "A: gross fees (dashed)"));
    let (top, plot) = root.split_vertically(frame.u(legend::height(root, &entries, frame)));
    let (years, a_months) = super::span(p, compare);
    let y_max = p.months.iter().chain(a_months).map(|m| m.fees_usd).fold(0.0, f64::max).max(1.0) * 1.06;

    let mut chart = ChartBuilder::on(&plot)
        .margin_top(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::left_area(frame))
        .right_y_label_area_size(frame.u(if frame.narrow() { 44.0 } else { 56.0 }))
        .build_cartesian_2d(0.0..years, 0.0..y_max)?
        .set_secondary_coord(0.0..years, 0.0..1.0);
    axes::house(&mut chart.configure_mesh(), frame)
        .x_desc("Years")
        .y_desc("USD per month")
        .x_labels(axes::year_ticks(frame, years as u32))
        .y_labels(6)
        .x_label_formatter(&axes::year_label)
        .y_label_formatter(&|v| usd(*v))
        .draw()?;
    chart
        .configure_secondary_axes()
        .y_desc("Value capture")
        .y_labels(6)
        .y_label_formatter(&|v| pct(*v, 0))
        .label_style(axes::tick_font(frame))
        .axis_desc_style(axes::title_font(frame))
        .axis_style(axes::axis(frame))
        .draw()?;

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
    chart.draw_secondary_series(DashedLineSeries::new(
        p.months.iter().map(|m| (f64::from(m.month) / 12.0, m.value_capture_ratio)),
        frame.u(7.0),
        frame.u(4.0),
        VALUE_CAPTURE.color.stroke_width(frame.u(2.0)),
    ))?;

    let (x, y) = chart.plotting_area().get_pixel_range();
    legend::draw(&top, &entries, frame, 8.0)?;
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, (years * 12.0) as u32))
}
