//! Shared axis styling so every chart reads the same: years along the bottom, human units up the side.

use super::frame::Frame;
use super::palette::{GRID, INK, MUTED};
use plotters::prelude::*;
use plotters::style::TextStyle;

/// Tick label style.
pub fn tick_font(frame: &Frame) -> TextStyle<'static> {
    frame.font(if frame.narrow() { 11.0 } else { 12.0 }, &MUTED)
}

/// Axis title style.
pub fn title_font(frame: &Frame) -> TextStyle<'static> {
    frame.font(if frame.narrow() { 11.5 } else { 12.5 }, &INK)
}

/// Gridline style (only the major lines are drawn; minor lines clutter a small chart).
pub fn grid(frame: &Frame) -> ShapeStyle {
    GRID.stroke_width(frame.u(1.0))
}

/// Axis line style.
pub fn axis(frame: &Frame) -> ShapeStyle {
    MUTED.stroke_width(frame.u(1.0))
}

/// The house style of every chart's mesh: tick and title fonts, major grid lines only, axis lines.
/// Charts add their titles, tick counts and formatters on top.
pub fn house<'m, 'a, 'b, X, Y, DB>(
    mesh: &'m mut plotters::chart::MeshStyle<'a, 'b, X, Y, DB>,
    frame: &Frame,
) -> &'m mut plotters::chart::MeshStyle<'a, 'b, X, Y, DB>
where
    X: plotters::coord::ranged1d::Ranged,
    Y: plotters::coord::ranged1d::Ranged,
    DB: DrawingBackend,
{
    mesh.label_style(tick_font(frame))
        .axis_desc_style(title_font(frame))
        .bold_line_style(grid(frame))
        .light_line_style(TRANSPARENT)
        .axis_style(axis(frame))
}

/// The whole decades around `min`..`max` (both positive), for a log axis: (0.012, 850) → (0.01, 1000).
pub fn decades(min: f64, max: f64) -> (f64, f64) {
    let lo = 10f64.powf(min.log10().floor());
    let hi = 10f64.powf(max.log10().ceil());
    (lo, hi.max(lo * 10.0))
}

/// How many year ticks fit.
pub fn year_ticks(frame: &Frame, years: u32) -> usize {
    let fit = if frame.narrow() { 6 } else { 11 };
    (years as usize + 1).min(fit)
}

/// A year tick: whole years without decimals, fractions of a year with one.
pub fn year_label(v: &f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Left label area width: room for "1.23B" at the tick size plus the rotated axis title.
pub fn left_area(frame: &Frame) -> u32 {
    frame.u(if frame.narrow() { 50.0 } else { 62.0 })
}

/// Bottom label area height: tick labels plus the axis title.
pub fn bottom_area(frame: &Frame) -> u32 {
    frame.u(40.0)
}
