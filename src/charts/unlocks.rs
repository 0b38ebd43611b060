//! Chart "Unlocks": the allocation table's unlocked tokens stacked by bucket, month by month,
//! under the total supply, the circulating supply and the cap. The gap between the stack and
//! the initial supply is what is still locked; what circulates is below what has unlocked by
//! what is staked, kept by the treasury and burned.

use super::frame::{Frame, Geometry};
use super::legend::{self, Entry};
use super::palette::{BUCKETS, LEAKED};
use super::series::{row, Mark, UNLOCK_LINES};
use super::{axes, marks, BoxResult};
use crate::format::si;
use consumption_lab_engine::unlocks::{unlocks, BucketUnlocks};
use consumption_lab_engine::Projection;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The colour of the `i`th bucket.
pub fn bucket_color(i: usize) -> RGBColor {
    BUCKETS[i % BUCKETS.len()]
}

/// The cap, when it is near enough the supply to be drawn (a cap a thousand times the supply
/// would flatten every other line); otherwise it is named in the legend only.
fn drawn_cap(p: &Projection, top: f64) -> (Option<f64>, Option<f64>) {
    match p.scenario.max_supply {
        Some(cap) if cap <= 3.0 * top => (Some(cap), None),
        Some(cap) => (None, Some(cap)),
        None => (None, None),
    }
}

/// Draw the chart filling `root`; returns where the plot landed for the hover read-out.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, p: &Projection, frame: &Frame) -> BoxResult<Geometry>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let buckets: Vec<BucketUnlocks> = unlocks(&p.scenario);
    let months = p.months.len();
    let years = f64::from(p.scenario.years);
    let rows: Vec<_> = (0..=months as u32).filter_map(|m| row(p, m)).collect();
    let top = rows.iter().map(|m| m.supply).fold(p.scenario.initial_supply, f64::max);
    let (cap, off_chart) = drawn_cap(p, top);

    let mut entries: Vec<Entry> = buckets
        .iter()
        .enumerate()
        .map(|(i, b)| Entry { label: format!("{} unlocked", b.name).into(), color: bucket_color(i), mark: Mark::Area })
        .collect();
    entries.extend(UNLOCK_LINES.iter().map(Entry::from));
    match (cap, off_chart) {
        (Some(_), _) => entries.push(Entry { label: "Maximum supply".into(), color: LEAKED, mark: Mark::Dashed }),
        (None, Some(c)) => entries.push(Entry {
            label: format!("Maximum supply {} (off the chart)", si(c)).into(),
            color: LEAKED,
            mark: Mark::Dashed,
        }),
        _ => {}
    }
    if buckets.is_empty() {
        entries.push(Entry {
            label: "No allocation table: every token circulates from launch".into(),
            color: WHITE,
            mark: Mark::Area,
        });
    }
    let (legend_area, plot) = root.split_vertically(frame.u(legend::height(root, &entries, frame)));
    let y_max = cap.unwrap_or(0.0).max(top) * 1.06;

    let y_show = |v: &f64| si(*v);
    let mut chart = ChartBuilder::on(&plot)
        .margin_right(axes::time_margin(frame, years, p.scenario.start))
        .margin_top(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::y_area(frame, 0.0..y_max, &y_show))
        .build_cartesian_2d(0.0..years, 0.0..y_max)?;
    axes::house(&mut chart.configure_mesh(), frame)
        .x_desc(axes::time_title(p.scenario.start))
        .y_desc("Tokens")
        .x_labels(axes::year_ticks(frame, years as u32, p.scenario.start))
        .y_labels(6)
        .x_label_formatter(&axes::time_label(p.scenario.start))
        .y_label_formatter(&y_show)
        .draw()?;

    // Stacked bands, outermost first so each inner band paints over the one beyond it.
    let year = |t: usize| t as f64 / 12.0;
    for layer in (0..buckets.len()).rev() {
        let points = (0..=months).map(|t| (year(t), buckets[..=layer].iter().map(|b| b.unlocked[t]).sum::<f64>()));
        chart.draw_series(AreaSeries::new(points, 0.0, bucket_color(layer).mix(0.85).filled()))?;
    }
    marks::all(&mut chart, p, (0.0, y_max), frame)?;
    if let Some(c) = cap {
        let style = LEAKED.stroke_width(frame.u(1.5));
        chart.draw_series(DashedLineSeries::new([(0.0, c), (years, c)], frame.u(6.0), frame.u(4.0), style))?;
    }
    for s in UNLOCK_LINES.iter().rev() {
        let width = if let Mark::Line(w) = s.mark { w } else { 1.5 };
        let points = rows.iter().map(|m| (f64::from(m.month) / 12.0, (s.value)(m)));
        chart.draw_series(LineSeries::new(points, s.color.stroke_width(frame.u(width))))?;
    }

    let (x, y) = chart.plotting_area().get_pixel_range();
    legend::draw(&legend_area, &entries, frame, 8.0)?;
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, months as u32))
}
