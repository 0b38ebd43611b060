//! Chart "Projected supply": total, circulating and staked supply, cumulative burned and minted,
//! and a dashed line at the initial supply, from month 0 to the horizon, with the staked share on
//! the right-hand axis. A pinned design "A" is drawn dashed in the same colours.

use super::frame::{Frame, Geometry};
use super::legend::{self, Entry};
use super::palette::{BURN, INK, LEAKED};
use super::series::{start_row, Mark, STAKED_SHARE, SUPPLY};
use super::{axes, marks, BoxResult, Extras};
use crate::format::si;
use consumption_lab_engine::montecarlo::Band;
use consumption_lab_engine::{Month, Projection};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Legend swatch of the bands: ink at the inner band's opacity over white.
const BAND: RGBColor = RGBColor(0xc9, 0xcb, 0xce);

/// Series of the pinned design drawn dashed: total supply, cumulative burned, cumulative minted.
const COMPARED: [usize; 3] = [0, 4, 5];

/// Legend entries: the series, the reference line, and the pinned design if any.
fn entries(compare: bool) -> Vec<Entry> {
    let mut entries = legend::entries(SUPPLY.iter().chain([&STAKED_SHARE]), compare.then_some(legend::PINNED));
    entries.insert(SUPPLY.len() + 1, Entry { label: "Initial supply".into(), color: LEAKED, mark: Mark::Dashed });
    entries
}

/// Month 0 and every month of a projection.
fn rows(p: &Projection) -> Vec<Month> {
    std::iter::once(start_row(p)).chain(p.months.iter().copied()).collect()
}

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
    let mut entries = entries(compare.is_some());
    if bands.is_some() {
        entries.push(Entry { label: "Monte Carlo 50 % and 90 % bands".into(), color: BAND, mark: Mark::Area });
    }
    let (top, plot) = root.split_vertically(frame.u(legend::height(root, &entries, frame)));
    let rows_b = rows(p);
    let rows_a = compare.map(rows).unwrap_or_default();
    let (years, _) = super::span(p, compare);
    let initial = p.scenario.initial_supply;
    let band_max =
        bands.map_or(0.0, |b| b.months.iter().map(|m| m.supply.p95.max(m.cumulative_burned.p95)).fold(0.0, f64::max));
    let y_max = rows_b
        .iter()
        .chain(&rows_a)
        .flat_map(|m| SUPPLY.iter().map(move |s| (s.value)(m)))
        .fold(initial.max(band_max), f64::max)
        * 1.06;

    let y_show = |v: &f64| si(*v);
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::y_area(frame, 0.0..y_max, &y_show))
        .right_y_label_area_size(axes::right_area(frame))
        .build_cartesian_2d(0.0..years, 0.0..y_max)?
        .set_secondary_coord(0.0..years, 0.0..1.0);
    axes::house(&mut chart.configure_mesh(), frame)
        .x_desc(axes::time_title(p.scenario.start))
        .y_desc("Tokens")
        .x_labels(axes::year_ticks(frame, years as u32, p.scenario.start))
        .y_labels(6)
        .x_label_formatter(&axes::time_label(p.scenario.start))
        .y_label_formatter(&y_show)
        .draw()?;
    axes::secondary_share(&mut chart, "Staked share", frame)?;

    if let Some(b) = bands {
        // Fans behind the lines: 90 % light, 50 % darker, for total supply and cumulative burned.
        type Pick = fn(&Band) -> (f64, f64);
        let fans: [(RGBColor, Pick, Pick); 2] = [
            (INK, |m| (m.supply.p5, m.supply.p95), |m| (m.supply.p25, m.supply.p75)),
            (
                BURN,
                |m| (m.cumulative_burned.p5, m.cumulative_burned.p95),
                |m| (m.cumulative_burned.p25, m.cumulative_burned.p75),
            ),
        ];
        for (color, outer, inner) in fans {
            for (range, alpha) in [(outer, 0.12), (inner, 0.22)] {
                let upper = b.months.iter().map(|m| (f64::from(m.month) / 12.0, range(m).1));
                let lower = b.months.iter().rev().map(|m| (f64::from(m.month) / 12.0, range(m).0));
                let outline: Vec<(f64, f64)> = upper.chain(lower).collect();
                chart.draw_series(std::iter::once(Polygon::new(outline, color.mix(alpha).filled())))?;
            }
        }
    }
    marks::all(&mut chart, p, (0.0, y_max), frame)?;
    chart.draw_series(DashedLineSeries::new(
        [(0.0, initial), (years, initial)],
        frame.u(6.0),
        frame.u(4.0),
        LEAKED.stroke_width(frame.u(1.5)),
    ))?;
    for s in COMPARED.iter().map(|&i| &SUPPLY[i]) {
        let points = rows_a.iter().map(|m| (f64::from(m.month) / 12.0, (s.value)(m)));
        let style = s.color.stroke_width(frame.u(2.0));
        chart.draw_series(DashedLineSeries::new(points, frame.u(8.0), frame.u(5.0), style))?;
    }
    // Total supply last, so it is on top of the lines it is made of.
    for s in SUPPLY.iter().rev() {
        let width = if let Mark::Line(w) = s.mark { w } else { 1.5 };
        chart.draw_series(LineSeries::new(
            rows_b.iter().map(|m| (f64::from(m.month) / 12.0, (s.value)(m))),
            s.color.stroke_width(frame.u(width)),
        ))?;
    }

    super::lines::line_secondary(
        &mut chart,
        rows_b.iter().map(|m| (f64::from(m.month) / 12.0, (STAKED_SHARE.value)(m))),
        &STAKED_SHARE,
        frame,
    )?;

    let (x, y) = chart.plotting_area().get_pixel_range();
    legend::draw(&top, &entries, frame, 8.0)?;
    root.present()?;
    Ok(Geometry::from_ranges(x, y, frame, (years * 12.0) as u32))
}
