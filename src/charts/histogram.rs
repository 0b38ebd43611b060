//! The distribution of final supply across Monte Carlo paths, as a histogram with the initial
//! supply marked: the bars left of the line are the paths where use consumed the token.

use super::frame::{Frame, Geometry};
use super::palette::{BURN, INK, LEAKED};
use super::{axes, BoxResult};
use crate::format::{pct, si};
use consumption_lab_engine::wire::MonteCarloBands;
use consumption_lab_engine::Scenario;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draw the histogram of `mc`, a run of `scenario`, filling `root`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    mc: &MonteCarloBands,
    scenario: &Scenario,
    frame: &Frame,
) -> BoxResult<Geometry>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let h = &mc.final_supply.histogram;
    let initial = scenario.initial_supply;
    let (lo, hi) = (h.edges.first().copied().unwrap_or(0.0), h.edges.last().copied().unwrap_or(1.0));
    // Every path may end at the same supply (no volatility): widen around it, keeping the initial
    // supply, the marker this chart exists to show, on the axis.
    let (lo, hi) = if hi > lo { (lo, hi) } else { (lo * 0.95, hi * 1.05 + 1.0) };
    let (lo, hi) = (lo.min(initial), hi.max(initial));
    let pad = (hi - lo) * 0.04;
    let total = f64::from(scenario.paths.max(1));
    let top = h.counts.iter().map(|c| f64::from(*c) / total).fold(0.0, f64::max).max(0.01) * 1.12;

    let y_show = |v: &f64| pct(*v, 0);
    let mut chart = ChartBuilder::on(root)
        .margin_right(axes::right_margin(frame, &si(hi + pad)))
        .margin_top(frame.u(10.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::y_area(frame, 0.0..top, &y_show))
        .build_cartesian_2d((lo - pad)..(hi + pad), 0.0..top)?;
    axes::house(&mut chart.configure_mesh(), frame)
        .x_desc(format!("Supply after {} (tokens)", crate::format::count(scenario.years, "year")))
        .y_desc("Share of paths")
        .x_labels(if frame.narrow() { 4 } else { 7 })
        .y_labels(5)
        .x_label_formatter(&|v| si(*v))
        .y_label_formatter(&y_show)
        .draw()?;
    for (i, count) in h.counts.iter().enumerate() {
        let (a, b) = (h.edges[i], h.edges.get(i + 1).copied().unwrap_or(h.edges[i]));
        let color = if b <= initial { BURN } else { LEAKED };
        let share = f64::from(*count) / total;
        chart.draw_series(std::iter::once(Rectangle::new([(a, 0.0), (b, share)], color.mix(0.85).filled())))?;
    }
    let style = INK.stroke_width(frame.u(2.0));
    chart.draw_series(DashedLineSeries::new([(initial, 0.0), (initial, top)], frame.u(6.0), frame.u(4.0), style))?;
    // Its label beside the line, on the side with more room (left of a line in the right half).
    let right_half = initial > (lo + hi) / 2.0;
    let (h_pos, dx) = if right_half { (HPos::Right, -4.0) } else { (HPos::Left, 4.0) };
    let font = frame.font(11.0, &INK).pos(Pos::new(h_pos, VPos::Top));
    chart.draw_series(std::iter::once(
        EmptyElement::at((initial, top)) + Text::new("initial supply", (frame.i(dx), frame.i(2.0)), font),
    ))?;
    let (x, y) = chart.plotting_area().get_pixel_range();
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, 0))
}
