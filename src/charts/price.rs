//! Chart "Price": the month's token price, the value the market pulls it toward (fundamental plus
//! speculative premium) and the fundamental value alone, with Monte Carlo bands of the price and
//! a pinned design "A" dashed. Under the fixed and fee-multiple models the price is given and the
//! pull line is the price itself.

use super::frame::{Frame, Geometry};
use super::legend::{self, Entry};
use super::palette::INK;
use super::series::{Mark, PRICE};
use super::{axes, marks, BoxResult, Extras};
use crate::format::price;
use consumption_lab_engine::montecarlo::Percentiles;
use consumption_lab_engine::PriceModel;
use consumption_lab_engine::Projection;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Legend swatch of the bands: ink at the inner band's opacity over white.
const BAND: RGBColor = RGBColor(0xc9, 0xcb, 0xce);

/// Draw the chart filling `root`; returns where the plot landed for the hover read-out.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    p: &Projection,
    extras: Extras,
    frame: &Frame,
) -> BoxResult<Geometry>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let (compare, bands) = (extras.compare, extras.bands.filter(|b| b.months.len() == p.months.len()));
    // Outside the market the pull line is the price itself: not worth a line of its own.
    let market = p.scenario.price_model == PriceModel::Market;
    let shown: Vec<_> = PRICE.iter().filter(|s| market || s.mark != Mark::Dashed).collect();
    let mut entries = legend::entries(shown.iter().copied(), compare.map(|_| "A: price (dashed)"));
    if bands.is_some() {
        entries.push(Entry { label: "Monte Carlo 50 % and 90 % bands".into(), color: BAND, mark: Mark::Area });
    }
    let (top, plot) = root.split_vertically(frame.u(legend::height(root, &entries, frame)));
    let (years, a_months) = super::span(p, compare);
    let band_max = bands.map_or(0.0, |b| b.months.iter().map(|m| m.price_usd.p95).fold(0.0, f64::max));
    let y_max = p
        .months
        .iter()
        .flat_map(|m| shown.iter().map(move |s| (s.value)(m)))
        .chain(a_months.iter().map(|m| m.price_usd))
        .fold(band_max.max(p.scenario.initial_price_usd), f64::max)
        * 1.08;

    let y_show = |v: &f64| price(*v);
    let mut chart = ChartBuilder::on(&plot)
        .margin_right(axes::time_margin(frame, years, p.scenario.start))
        .margin_top(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::y_area(frame, 0.0..y_max, &y_show))
        .build_cartesian_2d(0.0..years, 0.0..y_max)?;
    axes::house(&mut chart.configure_mesh(), frame)
        .x_desc(axes::time_title(p.scenario.start))
        .y_desc("USD per token")
        .x_labels(axes::year_ticks(frame, years as u32, p.scenario.start))
        .y_labels(6)
        .x_label_formatter(&axes::time_label(p.scenario.start))
        .y_label_formatter(&y_show)
        .draw()?;

    if let Some(b) = bands {
        type Pick = fn(&Percentiles) -> (f64, f64);
        let fans: [(Pick, f64); 2] = [(|m| (m.p5, m.p95), 0.12), (|m| (m.p25, m.p75), 0.22)];
        for (pick, alpha) in fans {
            let upper = b.months.iter().map(|m| (f64::from(m.month) / 12.0, pick(&m.price_usd).1));
            let lower = b.months.iter().rev().map(|m| (f64::from(m.month) / 12.0, pick(&m.price_usd).0));
            let outline: Vec<(f64, f64)> = upper.chain(lower).collect();
            chart.draw_series(std::iter::once(Polygon::new(outline, INK.mix(alpha).filled())))?;
        }
    }
    marks::all(&mut chart, p, (0.0, y_max), frame)?;
    let at = |m: &consumption_lab_engine::Month, v: f64| (f64::from(m.month) / 12.0, v);
    let a_price = a_months.iter().map(|m| at(m, m.price_usd));
    chart.draw_series(DashedLineSeries::new(a_price, frame.u(8.0), frame.u(5.0), INK.stroke_width(frame.u(2.0))))?;
    for s in shown.iter().rev() {
        let points = p.months.iter().map(|m| at(m, (s.value)(m)));
        super::lines::line(&mut chart, points, s, frame)?;
    }

    let (x, y) = chart.plotting_area().get_pixel_range();
    legend::draw(&top, &entries, frame, 8.0)?;
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, (years * 12.0) as u32))
}
