//! A series' line as its mark says: solid at its width, dashed, or dotted, on a chart's main axes
//! or on its secondary (right-hand) ones. One place for the dash lengths, so that a dashed
//! series looks the same on every chart.

use super::axes::Secondary;
use super::frame::Frame;
use super::series::{Mark, Series};
use plotters::coord::CoordTranslate;
use plotters::prelude::*;

/// How `s` is stroked: its dash and gap lengths (none for a solid line) and its style.
fn stroke(s: &Series, frame: &Frame) -> (Option<(u32, u32)>, ShapeStyle) {
    match s.mark {
        Mark::Dashed => (Some((frame.u(7.0), frame.u(4.0))), s.color.stroke_width(frame.u(2.0))),
        Mark::Dotted => (Some((frame.u(2.0), frame.u(3.0))), s.color.stroke_width(frame.u(2.0))),
        Mark::Line(width) => (None, s.color.stroke_width(frame.u(width))),
        Mark::Area | Mark::Hatched => (None, s.color.stroke_width(frame.u(2.5))),
    }
}

/// Draw `points` as `s`'s line on `chart`'s main axes.
pub fn line<DB, CT, I>(
    chart: &mut ChartContext<'_, DB, CT>,
    points: I,
    s: &Series,
    frame: &Frame,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>>
where
    DB: DrawingBackend,
    CT: CoordTranslate<From = (f64, f64)>,
    I: IntoIterator<Item = (f64, f64)>,
    I::IntoIter: Clone,
{
    match stroke(s, frame) {
        (Some((size, gap)), style) => chart.draw_series(DashedLineSeries::new(points, size, gap, style))?,
        (None, style) => chart.draw_series(LineSeries::new(points, style))?,
    };
    Ok(())
}

/// Draw `points` as `s`'s line on `chart`'s secondary axes.
pub fn line_secondary<DB, I>(
    chart: &mut Secondary<'_, DB>,
    points: I,
    s: &Series,
    frame: &Frame,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>>
where
    DB: DrawingBackend,
    I: IntoIterator<Item = (f64, f64)>,
    I::IntoIter: Clone,
{
    match stroke(s, frame) {
        (Some((size, gap)), style) => chart.draw_secondary_series(DashedLineSeries::new(points, size, gap, style))?,
        (None, style) => chart.draw_secondary_series(LineSeries::new(points, style))?,
    };
    Ok(())
}
