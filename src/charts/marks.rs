//! Marks shared by every time chart: the plan's changes and the speculation shock, each drawn
//! where it starts, with a label.

use super::frame::Frame;
use super::palette::INK;
use plotters::coord::CoordTranslate;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The year the scenario's shock starts, if it has one (start of the shock month).
pub fn shock_year(p: &consumption_lab_engine::Projection) -> Option<f64> {
    p.scenario.shock_month().map(|m| f64::from(m - 1) / 12.0)
}

/// A change's label: the lever's name and its new value as the lever shows it ("Burn share 60 %").
pub fn change_label(c: &consumption_lab_engine::Change) -> String {
    let Some(field) = consumption_lab_engine::fields::changeable(&c.field) else { return c.field.clone() };
    match crate::levers::lever_of(field) {
        Some(l) => format!("{} {} {}", field.label, crate::format::significant(l.shown(c.value), 3), l.unit),
        None => format!("{} {}", field.label, crate::format::significant(c.value, 3)),
    }
}

/// The months a time chart marks, at the start of each: every change of the plan (those of one
/// month in one label), the speculation shock, the month burn and mint's burn passes its minting
/// and the month the treasury runs dry, as (year, label).
pub fn events(p: &consumption_lab_engine::Projection) -> Vec<(f64, String)> {
    let s = &p.scenario;
    let mut marked: Vec<(f64, String)> = s
        .change_months()
        .into_iter()
        .map(|m| {
            let labels: Vec<String> = s.changes.iter().filter(|c| c.month == m).map(change_label).collect();
            (f64::from(m - 1) / 12.0, labels.join(", "))
        })
        .collect();
    if let Some(year) = shock_year(p) {
        marked.push((year, "Speculation shock".to_owned()));
    }
    let at = |m: u32| f64::from(m - 1) / 12.0;
    if s.fee_denomination == consumption_lab_engine::FeeDenomination::BurnAndMint
        && p.summary.burn_exceeds_mint_month > 0
    {
        marked.push((at(p.summary.burn_exceeds_mint_month), "Burn passes mint".to_owned()));
    }
    if p.summary.treasury_dry_month > 0 {
        marked.push((at(p.summary.treasury_dry_month), "Treasury runs dry".to_owned()));
    }
    marked
}

/// The x offset in device pixels of `label` from a vertical line at `line`: right of the line,
/// moved left as far as it must to end inside the plot (`left`..`right`), never past its left.
pub fn beside(line: i32, label: &str, (left, right): (i32, i32), frame: &Frame) -> i32 {
    let width = frame.i(super::axes::label_width(frame, label));
    frame.i(4.0).min(right - line - width).max(left - line)
}

/// Every event of [`events`]: a dashed vertical line across `y` (bottom, top), labelled near the
/// top, each label a line lower than the one before so that close months stay readable.
pub fn all<DB, CT>(
    chart: &mut ChartContext<'_, DB, CT>,
    p: &consumption_lab_engine::Projection,
    y: (f64, f64),
    frame: &Frame,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>>
where
    DB: DrawingBackend,
    CT: CoordTranslate<From = (f64, f64)>,
{
    let style = INK.mix(0.8).stroke_width(frame.u(1.5));
    let font = frame.font(11.0, &INK).pos(Pos::new(HPos::Left, VPos::Top));
    let plot = chart.plotting_area().get_pixel_range().0;
    for (i, (x, label)) in events(p).iter().enumerate() {
        chart.draw_series(DashedLineSeries::new([(*x, y.0), (*x, y.1)], frame.u(5.0), frame.u(4.0), style))?;
        let line = chart.plotting_area().map_coordinate(&(*x, y.1)).0;
        let offset = (beside(line, label, (plot.start, plot.end), frame), frame.i(3.0 + 14.0 * (i % 4) as f64));
        chart.draw_series(std::iter::once(
            EmptyElement::at((*x, y.1)) + Text::new(label.clone(), offset, font.clone()),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_beside_a_line_stays_inside_the_plot() {
        let frame = Frame { px: 1.0, width: 400.0, height: 280.0 };
        let label = "Burn share 60 %"; // 15 characters: about 112 px estimated
                                       // Room on the right: 4 px right of the line.
        assert_eq!(beside(100, label, (50, 350), &frame), 4);
        // Near the right edge: moved left to end at the edge.
        let dx = beside(300, label, (50, 350), &frame);
        assert_eq!(300 + dx + frame.i(super::super::axes::label_width(&frame, label)), 350);
        // Wider than the plot: starts at its left edge, never further left.
        assert_eq!(beside(200, &label.repeat(4), (50, 350), &frame), -150);
    }
}
