//! The Jevons explorer's chart: unit price, volume consumed and total spend over the period, as
//! multiples of their starting values on a log axis (a 300× fall and a 1,260× rise both fit).

use super::frame::{Frame, Geometry};
use super::legend::{self, Entry};
use super::palette::{CIRCULATING, INK, LEAKED};
use super::series::Mark;
use super::{axes, BoxResult};
use crate::format::multiple;
use consumption_lab_engine::jevons::{Jevons, JevonsPoint};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The three curves: label, colour, mark, value.
/// A curve: label, colour, mark and the value it plots.
pub type Curve = (&'static str, RGBColor, Mark, fn(&JevonsPoint) -> f64);

/// The curves drawn.
pub const CURVES: &[Curve] = &[
    ("Total spend", INK, Mark::Line(3.0), |p| p.spend),
    ("Volume consumed", CIRCULATING, Mark::Line(2.5), |p| p.volume),
    ("Unit price", LEAKED, Mark::Dashed, |p| p.unit_price),
];

/// Draw the curves filling `root`.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, j: &Jevons, frame: &Frame) -> BoxResult<Geometry>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let entries: Vec<Entry> = CURVES
        .iter()
        .map(|(label, color, mark, _)| Entry { label: (*label).into(), color: *color, mark: *mark })
        .collect();
    let (top, plot) = root.split_vertically(frame.u(legend::height(root, &entries, frame)));
    let all = j.curve.iter().flat_map(|p| CURVES.iter().map(move |c| (c.3)(p)));
    let (min, max) = all.fold((f64::INFINITY, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let axis = axes::LogAxis::decades(min.max(1e-12), max.max(1.0));
    let axis = axes::LogAxis { hi: axis.hi.max(axis.lo + 2.0), ..axis };

    let y_show = |t: &f64| multiple(axes::LogAxis::value(*t));
    let mut chart = ChartBuilder::on(&plot)
        .margin_right(frame.u(14.0))
        .margin_top(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::y_area(frame, axis.lo..axis.hi, &y_show))
        .build_cartesian_2d(0.0..j.years, axis.lo..axis.hi)?;
    axes::house(&mut chart.configure_mesh(), frame)
        .x_desc("Years")
        .y_desc("Multiple of the start (log)")
        .x_labels(6)
        .x_label_formatter(&|v| format!("{v:.1}"))
        .y_labels(axis.ticks())
        .y_label_formatter(&y_show)
        .draw()?;
    for (_, color, mark, value) in CURVES {
        let points = j.curve.iter().map(|p| (p.year, axis.at(value(p))));
        if let Mark::Line(w) = mark {
            chart.draw_series(LineSeries::new(points, color.stroke_width(frame.u(*w))))?;
        } else {
            let style = color.stroke_width(frame.u(2.0));
            chart.draw_series(DashedLineSeries::new(points, frame.u(7.0), frame.u(4.0), style))?;
        }
    }
    let (x, y) = chart.plotting_area().get_pixel_range();
    legend::draw(&top, &entries, frame, 8.0)?;
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, 48))
}
