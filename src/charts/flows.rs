//! Chart "Who buys, who sells": each month's orders through the market by source, buys stacked
//! above zero and sells below, with the net as a line. Under native fees every user is a buyer;
//! under stablecoin fees only the buyback is. A pinned design "A" shows its net, dashed.

use super::frame::{Frame, Geometry};
use super::legend::{self, Entry};
use super::palette::INK;
use super::series::{Mark, Series, BUYS, SELLS};
use super::{axes, marks, BoxResult};
use crate::format::usd;
use consumption_lab_engine::unlocks::{sells_by_bucket, unlocks};
use consumption_lab_engine::{Month, Projection};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Buys less sells, USD.
pub fn net(m: &Month) -> f64 {
    BUYS.iter().map(|s| (s.value)(m)).sum::<f64>() - SELLS.iter().map(|s| (s.value)(m)).sum::<f64>()
}

/// The month whose unlock sales are largest, labelled with the bucket that sold most in it
/// ("team unlock, month 13"): the flows chart names who sells, not only that someone did.
pub fn biggest_unlock(p: &Projection) -> Option<(f64, String)> {
    let m = p
        .months
        .iter()
        .filter(|m| m.unlock_sells_usd > 0.0)
        .max_by(|a, b| a.unlock_sells_usd.total_cmp(&b.unlock_sells_usd))?;
    let buckets = unlocks(&p.scenario);
    let usd = sells_by_bucket(&buckets, std::slice::from_ref(m));
    let (bucket, _) = buckets.iter().zip(usd).max_by(|a, b| a.1[0].total_cmp(&b.1[0]))?;
    Some((
        f64::from(m.month) / 12.0,
        format!("Largest unlock sale: {}, {}", bucket.name, crate::format::dated_month(m.month, p.scenario.start)),
    ))
}

/// Draw the chart filling `root`; returns where the plot landed for the hover read-out.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    p: &Projection,
    compare: Option<&Projection>,
    frame: &Frame,
) -> BoxResult<Geometry>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    // Only the sources this design has: a stablecoin design has no users buying, a native one no buyback.
    let present = |s: &&Series| p.months.iter().any(|m| (s.value)(m) > 0.0);
    let buys: Vec<&Series> = BUYS.iter().filter(present).collect();
    let sells: Vec<&Series> = SELLS.iter().filter(present).collect();
    let mut entries = legend::entries(buys.iter().chain(&sells).copied(), compare.map(|_| "A: net (dashed)"));
    entries.push(Entry { label: "Net: buys less sells".into(), color: INK, mark: Mark::Line(2.0) });
    let (top, plot) = root.split_vertically(frame.u(legend::height(root, &entries, frame)));
    let (years, a_months) = super::span(p, compare);
    let total = |list: &[&Series], m: &Month| list.iter().map(|s| (s.value)(m)).sum::<f64>();
    let high = p.months.iter().map(|m| total(&buys, m)).chain(a_months.iter().map(net)).fold(1.0, f64::max);
    let low = p.months.iter().map(|m| total(&sells, m)).chain(a_months.iter().map(|m| -net(m))).fold(1.0, f64::max);
    let (y_min, y_max) = (-low * 1.08, high * 1.08);

    let y_show = |v: &f64| usd(*v);
    let mut chart = ChartBuilder::on(&plot)
        .margin_right(axes::time_margin(frame, years, p.scenario.start))
        .margin_top(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::y_area(frame, y_min..y_max, &y_show))
        .build_cartesian_2d(0.0..years, y_min..y_max)?;
    axes::house(&mut chart.configure_mesh(), frame)
        .x_desc(axes::time_title(p.scenario.start))
        .y_desc("USD per month")
        .x_labels(axes::year_ticks(frame, years as u32, p.scenario.start))
        .y_labels(7)
        .x_label_formatter(&axes::time_label(p.scenario.start))
        .y_label_formatter(&y_show)
        .draw()?;

    let at = |m: &Month, v: f64| (f64::from(m.month) / 12.0, v);
    // Stacked bands, outermost first so each inner band paints over the one beyond it.
    for (list, sign) in [(&buys, 1.0), (&sells, -1.0)] {
        for layer in (0..list.len()).rev() {
            let points =
                p.months.iter().map(|m| at(m, sign * list[..=layer].iter().map(|s| (s.value)(m)).sum::<f64>()));
            let s = &list[layer];
            let fill = if s.mark == Mark::Hatched { s.color.mix(0.45).filled() } else { s.color.filled() };
            chart.draw_series(AreaSeries::new(points, 0.0, fill))?;
        }
    }
    chart.draw_series(LineSeries::new([(0.0, 0.0), (years, 0.0)], INK.stroke_width(frame.u(1.0))))?;
    marks::all(&mut chart, p, (y_min, y_max), frame)?;
    let a_net = a_months.iter().map(|m| at(m, net(m)));
    chart.draw_series(DashedLineSeries::new(a_net, frame.u(8.0), frame.u(5.0), INK.stroke_width(frame.u(2.0))))?;
    chart.draw_series(LineSeries::new(p.months.iter().map(|m| at(m, net(m))), INK.stroke_width(frame.u(2.0))))?;

    if let Some((year, label)) = biggest_unlock(p) {
        let font = frame.font(11.5, &INK).pos(Pos::new(HPos::Left, VPos::Bottom));
        let plot = chart.plotting_area().get_pixel_range().0;
        let line = chart.plotting_area().map_coordinate(&(year, y_min)).0;
        let dx = marks::beside(line, &label, (plot.start, plot.end), frame);
        chart.draw_series(std::iter::once(
            EmptyElement::at((year, y_min)) + Text::new(label, (dx, -frame.i(4.0)), font),
        ))?;
    }
    let (x, y) = chart.plotting_area().get_pixel_range();
    legend::draw(&top, &entries, frame, 8.0)?;
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, (years * 12.0) as u32))
}
