//! Chart "Who buys, who sells": each month's orders through the market by source, buys stacked
//! above zero and sells below, with the net as a line. Under native fees every user is a buyer;
//! under stablecoin fees only the buyback is. A pinned design "A" shows its net, dashed.

use super::frame::{Frame, Geometry};
use super::legend::{self, Entry};
use super::palette::INK;
use super::series::{Mark, Series, BUYS, SELLS};
use super::{axes, marks, BoxResult};
use crate::format::usd;
use consumption_lab_engine::{Month, Projection};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Buys less sells, USD.
pub fn net(m: &Month) -> f64 {
    BUYS.iter().map(|s| (s.value)(m)).sum::<f64>() - SELLS.iter().map(|s| (s.value)(m)).sum::<f64>()
}

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
    // Only the sources this design has: a stablecoin design has no users buying, a native one no buyback.
    let present = |s: &&Series| p.months.iter().any(|m| (s.value)(m) > 0.0);
    let buys: Vec<&Series> = BUYS.iter().filter(present).collect();
    let sells: Vec<&Series> = SELLS.iter().filter(present).collect();
    let mut entries = legend::entries(buys.iter().chain(&sells).copied(), compare.map(|_| "A: net (dashed)"));
    entries.push(Entry { label: "Net: buys less sells", color: INK, mark: Mark::Line(2.0) });
    let (top, plot) = root.split_vertically(frame.u(legend::height(root, &entries, frame)));
    let (years, a_months) = super::span(p, compare);
    let total = |list: &[&Series], m: &Month| list.iter().map(|s| (s.value)(m)).sum::<f64>();
    let high = p.months.iter().map(|m| total(&buys, m)).chain(a_months.iter().map(net)).fold(1.0, f64::max);
    let low = p.months.iter().map(|m| total(&sells, m)).chain(a_months.iter().map(|m| -net(m))).fold(1.0, f64::max);
    let (y_min, y_max) = (-low * 1.08, high * 1.08);

    let mut chart = ChartBuilder::on(&plot)
        .margin_right(frame.u(14.0))
        .margin_top(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::left_area(frame))
        .build_cartesian_2d(0.0..years, y_min..y_max)?;
    axes::house(&mut chart.configure_mesh(), frame)
        .x_desc("Years")
        .y_desc("USD per month")
        .x_labels(axes::year_ticks(frame, years as u32))
        .y_labels(7)
        .x_label_formatter(&axes::year_label)
        .y_label_formatter(&|v| usd(*v))
        .draw()?;

    let at = |m: &Month, v: f64| (f64::from(m.month) / 12.0, v);
    // Stacked bands, outermost first so each inner band paints over the one beyond it.
    for (list, sign) in [(&buys, 1.0), (&sells, -1.0)] {
        for layer in (0..list.len()).rev() {
            let points =
                p.months.iter().map(|m| at(m, sign * list[..=layer].iter().map(|s| (s.value)(m)).sum::<f64>()));
            let s = &list[layer];
            let fill = if s.mark == Mark::Hatched { s.color.mix(0.45).filled() } else { s.color.filled() };
            chart.draw_series(AreaSeries::new(points, 0.0, fill))?;
        }
    }
    chart.draw_series(LineSeries::new([(0.0, 0.0), (years, 0.0)], INK.stroke_width(frame.u(1.0))))?;
    marks::shock(&mut chart, marks::shock_year(p), (y_min, y_max), frame)?;
    let a_net = a_months.iter().map(|m| at(m, net(m)));
    chart.draw_series(DashedLineSeries::new(a_net, frame.u(8.0), frame.u(5.0), INK.stroke_width(frame.u(2.0))))?;
    chart.draw_series(LineSeries::new(p.months.iter().map(|m| at(m, net(m))), INK.stroke_width(frame.u(2.0))))?;

    let (x, y) = chart.plotting_area().get_pixel_range();
    legend::draw(&top, &entries, frame, 8.0)?;
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, (years * 12.0) as u32))
}
