//! Shared axis styling so every chart reads the same: years (or dates) along the bottom, human units up the side.

use super::frame::Frame;
use super::palette::{GRID, INK, MUTED};
use consumption_lab_engine::CalendarMonth;
use plotters::coord::ranged1d::BoldPoints;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::TextStyle;

/// Tick label size in CSS pixels.
fn tick_size(frame: &Frame) -> f64 {
    if frame.narrow() {
        11.0
    } else {
        12.0
    }
}

/// Tick label style.
pub fn tick_font(frame: &Frame) -> TextStyle<'static> {
    frame.font(tick_size(frame), &MUTED)
}

/// Axis title size in CSS pixels.
fn title_size(frame: &Frame) -> f64 {
    if frame.narrow() {
        11.5
    } else {
        12.5
    }
}

/// Axis title style.
pub fn title_font(frame: &Frame) -> TextStyle<'static> {
    frame.font(title_size(frame), &INK)
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

/// Tick labels of the right-hand axis of a share.
fn share_label(v: &f64) -> String {
    crate::format::pct(*v, 0)
}

/// Width of the right-hand axis that shows a share: its labels and its title (see [`y_area`]).
pub fn right_area(frame: &Frame) -> u32 {
    y_area(frame, 0.0..1.0, &share_label)
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
        .y_label_formatter(&share_label)
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

/// Width in CSS pixels of a tick label, estimated before the chart is drawn from its length:
/// 0.62 em a character, a digit's width in the widest common sans-serif (DejaVu Sans, 0.64 em;
/// commas, points and spaces are narrower, so a label's estimate is at least its width). An
/// estimate, not a measure: it needs no backend, and the page and the first view drawn at build
/// time lay a chart out alike.
pub fn label_width(frame: &Frame, text: &str) -> f64 {
    text.chars().count() as f64 * 0.62 * tick_size(frame)
}

/// Width in device pixels of a y axis' label area (either side) that holds its tick labels, as
/// wide as the values at the axis' ends formatted by `show` (the widest labels, or a digit wider),
/// and beside them the rotated axis title. Plotters puts the title on the area's outer edge and
/// the labels against the axis, 10 device pixels (twice its tick) away, so an area of fixed width
/// lets a wide label ("1,000 %") run into the title. At least the width short labels always had,
/// so that charts keep their layout when nothing is wide.
pub fn y_area(frame: &Frame, range: std::ops::Range<f64>, show: &dyn Fn(&f64) -> String) -> u32 {
    let widest = label_width(frame, &show(&range.start)).max(label_width(frame, &show(&range.end)));
    let title = title_size(frame) * 1.2 + 4.0;
    (frame.u(widest + title) + 10).max(frame.u(if frame.narrow() { 48.0 } else { 62.0 }))
}

/// Right margin in device pixels of a chart without a right-hand axis: 14 CSS pixels, or more
/// when half of `last`, the x axis' tick label at its right end (centred on its tick), is wider.
pub fn right_margin(frame: &Frame, last: &str) -> u32 {
    frame.u((label_width(frame, last) / 2.0 + 2.0).max(14.0))
}

/// [`right_margin`] of a time chart over `years`.
pub fn time_margin(frame: &Frame, years: f64, start: Option<CalendarMonth>) -> u32 {
    right_margin(frame, &time_label(start)(&years))
}

/// How many ticks to ask plotters for on a linear axis over `range`, `n` or more: plotters steps
/// by 1, 2 or 5 times a power of ten and can leave a long stretch at an end without a label
/// (fee growth from −90 % to 300 % gets 0, 100, 200 and 300 %, nothing below zero). More ticks
/// are asked for, up to twice `n`, until neither end is further from its nearest tick than a
/// tick step at `n` ticks.
#[inline(never)] // one copy for both of the map's axes
pub fn covering_ticks(range: std::ops::Range<f64>, n: usize) -> usize {
    let step = (range.end - range.start) / n as f64;
    let mut k = n;
    while k < 2 * n {
        let points = RangedCoordf64::from(range.clone()).key_points(BoldPoints(k));
        match (points.first(), points.last()) {
            (Some(a), Some(b)) if a - range.start <= step && range.end - b <= step => break,
            _ => k += 1,
        }
    }
    k
}

/// Bottom label area height: tick labels plus the axis title.
pub fn bottom_area(frame: &Frame) -> u32 {
    frame.u(40.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_area_holds_its_widest_label_beside_the_title() {
        let frame = Frame { px: 2.0, width: 800.0, height: 340.0 };
        let pct = |v: &f64| crate::format::pct_adaptive(LogAxis::value(*v));
        // Short labels keep the area every chart had; "10,000 %" (8 characters) needs more:
        // the label, plotters' 10 device pixels from the axis, and the rotated title's line.
        assert_eq!(y_area(&frame, 0.0..1.0, &|v| format!("{v}")), frame.u(62.0));
        let wide = y_area(&frame, -4.0..2.0, &pct);
        assert_eq!(wide, frame.u(8.0 * 0.62 * 12.0 + 12.5 * 1.2 + 4.0) + 10);
        assert!(wide > frame.u(62.0));
        // A date at the right end of the time axis gets half its width as a margin.
        assert_eq!(right_margin(&frame, "3"), frame.u(14.0));
        assert!(right_margin(&frame, "Sep 2035") > frame.u(14.0));
    }

    #[test]
    fn ticks_cover_both_ends_of_an_axis() {
        // −90 % to 300 %: six ticks would be 0 to 3 by 1, none below zero; eight step by 0.5.
        assert_eq!(covering_ticks(-0.93..3.03, 6), 8);
        assert_eq!(covering_ticks(0.0..1.0, 6), 6);
    }

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
