//! Chart "Turnover vs consumption": trading volume over market cap against tokens burned or newly
//! locked, both as shares of supply per year, on a log axis so that 1,200 % and 2 % can be read
//! on one picture, with consumption's parts (burned by use, locked into staking, stake leaving,
//! slashed) where the design has them. A design can have huge turnover and next to no
//! consumption: this shows it.

use super::frame::{Frame, Geometry};
use super::legend::{self, Entry};
use super::marks;
use super::series::{Mark, Series, TURNOVER_VS_CONSUMPTION};
use super::{axes, BoxResult};
use crate::format::pct_adaptive;
use consumption_lab_engine::Projection;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Smallest rate shown; zero consumption is drawn on this floor and said so in the legend.
const FLOOR: f64 = 1e-4;

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
    let (years, a_months) = super::span(p, compare);
    // Turnover and consumption always; consumption's parts where the design has them.
    let shown: Vec<&Series> = TURNOVER_VS_CONSUMPTION
        .iter()
        .enumerate()
        .filter(|(i, s)| *i < 2 || p.months.iter().any(|m| (s.value)(m) > 0.0))
        .map(|(_, s)| s)
        .collect();
    let values = p.months.iter().chain(a_months).flat_map(|m| shown.iter().map(move |s| (s.value)(m)));
    let max = values.clone().fold(FLOOR, f64::max);
    // A zero (or, when stakers leave, negative) rate cannot sit on a log axis: it is drawn on the
    // floor, which then starts the axis, and the legend says so (otherwise a zero would read as the
    // lowest decade with data); stake leaving has its own line above the floor.
    let zero = values.clone().any(|v| v <= 0.0);
    let min = if zero { FLOOR } else { values.fold(max, f64::min).max(FLOOR) };
    let axis = axes::LogAxis::decades(min, max * 1.5);
    let mut entries = legend::entries(shown.iter().copied(), compare.map(|_| legend::PINNED));
    if zero {
        entries.push(Entry {
            label: "(a rate of zero or below is drawn at the bottom, 0.01 %)".into(),
            color: WHITE,
            mark: Mark::Area,
        });
    }
    let (top, plot) = root.split_vertically(frame.u(legend::height(root, &entries, frame)));

    let y_show = |t: &f64| pct_adaptive(axes::LogAxis::value(*t));
    let mut chart = ChartBuilder::on(&plot)
        .margin_right(axes::time_margin(frame, years, p.scenario.start))
        .margin_top(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::y_area(frame, axis.lo..axis.hi, &y_show))
        .build_cartesian_2d(0.0..years, axis.lo..axis.hi)?;
    axes::house(&mut chart.configure_mesh(), frame)
        .x_desc(axes::time_title(p.scenario.start))
        .y_desc("Share of supply per year (log)")
        .x_labels(axes::year_ticks(frame, years as u32, p.scenario.start))
        .x_label_formatter(&axes::time_label(p.scenario.start))
        .y_labels(axis.ticks())
        .y_label_formatter(&y_show)
        .draw()?;
    marks::all(&mut chart, p, (axis.lo, axis.hi), frame)?;
    for s in &TURNOVER_VS_CONSUMPTION[..2] {
        let points = a_months.iter().map(|m| (f64::from(m.month) / 12.0, axis.at((s.value)(m))));
        let style = s.color.stroke_width(frame.u(2.0));
        chart.draw_series(DashedLineSeries::new(points, frame.u(8.0), frame.u(5.0), style))?;
    }
    for s in shown.iter().rev() {
        let points = p.months.iter().map(|m| (f64::from(m.month) / 12.0, axis.at((s.value)(m))));
        super::lines::line(&mut chart, points, s, frame)?;
    }

    let (x, y) = chart.plotting_area().get_pixel_range();
    legend::draw(&top, &entries, frame, 8.0)?;
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, (years * 12.0) as u32))
}
