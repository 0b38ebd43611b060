//! Marks shared by every time chart: the speculation shock, drawn where it starts.

use super::frame::Frame;
use super::palette::INK;
use plotters::coord::CoordTranslate;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A dashed vertical line at `year` across `y` (bottom, top), labelled at the top.
pub fn shock<DB, CT>(
    chart: &mut ChartContext<'_, DB, CT>,
    year: Option<f64>,
    y: (f64, f64),
    frame: &Frame,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>>
where
    DB: DrawingBackend,
    CT: CoordTranslate<From = (f64, f64)>,
{
    let Some(x) = year else { return Ok(()) };
    let style = INK.mix(0.8).stroke_width(frame.u(1.5));
    chart.draw_series(DashedLineSeries::new([(x, y.0), (x, y.1)], frame.u(5.0), frame.u(4.0), style))?;
    let font = frame.font(11.0, &INK).pos(Pos::new(HPos::Left, VPos::Top));
    chart.draw_series(std::iter::once(
        EmptyElement::at((x, y.1)) + Text::new("Speculation shock", (frame.i(4.0), frame.i(3.0)), font),
    ))?;
    Ok(())
}

/// The year the scenario's shock starts, if it has one (start of the shock month).
pub fn shock_year(p: &consumption_lab_engine::Projection) -> Option<f64> {
    p.scenario.shock_month().map(|m| f64::from(m - 1) / 12.0)
}
