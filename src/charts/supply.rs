//! Chart "Projected supply": total, circulating and staked supply, cumulative burned and minted,
//! and a dashed line at the initial supply, from month 0 to the horizon.

use super::frame::{Frame, Geometry};
use super::legend::{self, Entry};
use super::palette::LEAKED;
use super::series::{start_row, Mark, SUPPLY};
use super::{axes, BoxResult};
use crate::format::si;
use consumption_lab_engine::{Month, Projection};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Legend entries: the series plus the reference line.
fn entries() -> Vec<Entry> {
    let mut entries: Vec<Entry> = SUPPLY
        .iter()
        .map(|s| Entry {
            label: s.label,
            color: s.color,
            mark: s.mark,
        })
        .collect();
    entries.push(Entry {
        label: "Initial supply",
        color: LEAKED,
        mark: Mark::Dashed,
    });
    entries
}

/// Draw the chart filling `root`; returns where the plot landed for the hover read-out.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    p: &Projection,
    frame: &Frame,
) -> BoxResult<Geometry>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let entries = entries();
    let (top, plot) = root.split_vertically(frame.u(legend::height(root, &entries, frame)));
    let rows: Vec<Month> = std::iter::once(start_row(p))
        .chain(p.months.iter().copied())
        .collect();
    let years = f64::from(p.scenario.years);
    let initial = p.scenario.initial_supply;
    let y_max = rows
        .iter()
        .flat_map(|m| SUPPLY.iter().map(move |s| (s.value)(m)))
        .fold(initial, f64::max)
        * 1.06;

    let mut chart = ChartBuilder::on(&plot)
        .margin_right(frame.u(14.0))
        .margin_top(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::left_area(frame))
        .build_cartesian_2d(0.0..years, 0.0..y_max)?;
    chart
        .configure_mesh()
        .x_desc("Years")
        .y_desc("Tokens")
        .x_labels(axes::year_ticks(frame, p.scenario.years))
        .y_labels(6)
        .x_label_formatter(&axes::year_label)
        .y_label_formatter(&|v| si(*v))
        .label_style(axes::tick_font(frame))
        .axis_desc_style(axes::title_font(frame))
        .bold_line_style(axes::grid(frame))
        .light_line_style(TRANSPARENT)
        .axis_style(axes::axis(frame))
        .draw()?;

    chart.draw_series(DashedLineSeries::new(
        [(0.0, initial), (years, initial)],
        frame.u(6.0),
        frame.u(4.0),
        LEAKED.stroke_width(frame.u(1.5)),
    ))?;
    // Total supply last, so it is on top of the lines it is made of.
    for s in SUPPLY.iter().rev() {
        let width = if let Mark::Line(w) = s.mark { w } else { 1.5 };
        chart.draw_series(LineSeries::new(
            rows.iter()
                .map(|m| (f64::from(m.month) / 12.0, (s.value)(m))),
            s.color.stroke_width(frame.u(width)),
        ))?;
    }

    let (x, y) = chart.plotting_area().get_pixel_range();
    legend::draw(&top, &entries, frame, 8.0)?;
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, p.scenario.months()))
}
