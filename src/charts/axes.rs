//! Shared axis styling so every chart reads the same: years (or dates) along the bottom, human units up the side.

use super::frame::Frame;
use super::palette::{GRID, INK, MUTED};
use consumption_lab_engine::CalendarMonth;
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

/// A chart with a share (0 to 1) on its right-hand axis beside its main one.
pub type Secondary<'a, DB> = plotters::chart::DualCoordChartContext<
    'a,
    DB,
    plotters::coord::cartesian::Cartesian2d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::types::RangedCoordf64,
    >,
    plotters::coord::cartesian::Cartesian2d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::types::RangedCoordf64,
    >,
>;

/// Width of the right-hand axis that shows a share.
pub fn right_area(frame: &Frame) -> u32 {
    frame.u(if frame.narrow() { 48.0 } else { 62.0 })
}

/// The right-hand axis of a share, 0 % to 100 %, titled `title`, in the house style.
pub fn secondary_share<DB: DrawingBackend>(
    chart: &mut Secondary<'_, DB>,
    title: &str,
    frame: &Frame,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    chart
        .configure_secondary_axes()
        .y_desc(title)
        .y_labels(6)
        .y_label_formatter(&|v| crate::format::pct(*v, 0))
        .label_style(tick_font(frame))
        .axis_desc_style(title_font(frame))
        .axis_style(axis(frame))
        .draw()
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

/// A log axis, drawn as a plain linear axis of log10 values: the charts plot `log10(v)` and label
/// each whole decade with its value. Every chart then uses the same coordinate type, so plotters'
/// generic chart code is compiled into the page once rather than again for its log coordinates
/// (measured: 4.5 KB of the gzipped download).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogAxis {
    /// The bottom decade's exponent (a whole number).
    pub lo: f64,
    /// The top decade's exponent (a whole number, at least `lo + 1`).
    pub hi: f64,
}

impl LogAxis {
    /// The whole decades around `min`..`max` (both positive): (0.012, 850) → 10^-2 to 10^3.
    pub fn decades(min: f64, max: f64) -> Self {
        let lo = min.log10().floor();
        LogAxis { lo, hi: max.log10().ceil().max(lo + 1.0) }
    }

    /// The smallest value on the axis (values below it are drawn on it).
    pub fn floor(self) -> f64 {
        10f64.powf(self.lo)
    }

    /// Where `v` sits on the axis (its log10, values below the axis on the bottom).
    pub fn at(self, v: f64) -> f64 {
        v.max(self.floor()).log10()
    }

    /// How many ticks to ask plotters for: one per decade, at most nine. Plotters steps by 1, 2, 5
    /// or 10 between the whole-number ends, so every tick stays on a whole decade.
    pub fn ticks(self) -> usize {
        ((self.hi - self.lo) as usize + 1).min(9)
    }

    /// The value at axis position `t`.
    pub fn value(t: f64) -> f64 {
        10f64.powf(t)
    }
}

/// How many year ticks fit: fewer when they are dates ("Sep 2023" is wider than "3").
pub fn year_ticks(frame: &Frame, years: u32, start: Option<CalendarMonth>) -> usize {
    let fit = match (frame.narrow(), start.is_some()) {
        (true, true) => 4,
        (true, false) => 6,
        (false, true) => 7,
        (false, false) => 11,
    };
    (years as usize + 1).min(fit)
}

/// The time axis' title: years from launch, or dates when the design has a calendar start.
pub fn time_title(start: Option<CalendarMonth>) -> &'static str {
    if start.is_some() {
        "Date"
    } else {
        "Years"
    }
}

/// The time axis' tick labels: years from launch ([`year_label`]), or the month each falls in.
pub fn time_label(start: Option<CalendarMonth>) -> impl Fn(&f64) -> String {
    move |v| start.map_or_else(|| year_label(v), |s| s.axis_label(*v))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_axis_spans_whole_decades_with_a_tick_each() {
        let axis = LogAxis::decades(0.012, 850.0);
        assert_eq!(axis, LogAxis { lo: -2.0, hi: 3.0 });
        assert_eq!(axis.ticks(), 6);
        assert_eq!(axis.floor(), 0.01);
        // Zero and anything below the axis sit on its bottom; a value's place is its log10.
        assert_eq!(axis.at(0.0), -2.0);
        assert!((axis.at(42.0) - 42f64.log10()).abs() < 1e-15);
        assert_eq!(LogAxis::value(2.0), 100.0);
        // A wide span gets a tick every few decades, not dozens of labels.
        assert_eq!(LogAxis::decades(1e-6, 1e30).ticks(), 9);
        // One decade at least, even for a single value.
        assert_eq!(LogAxis::decades(5.0, 5.0), LogAxis { lo: 0.0, hi: 1.0 });
    }
}
