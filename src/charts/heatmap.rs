//! The sensitivity map: net supply change at the horizon over a grid of two design parameters,
//! on a diverging colour scale (blue: supply falls, orange-brown: supply grows, near white, or near
//! black in dark mode: unchanged),
//! with a colour bar and the current design marked.

use super::frame::Frame;
use super::palette::INK;
use super::{axes, BoxResult};
use crate::format::pct_change;
use consumption_lab_engine::wire::Heatmap;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::TextStyle;

/// Where the grid landed, in CSS pixels, to map the pointer back to a cell.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Grid {
    /// Left edge of the plot.
    pub left: f64,
    /// Right edge.
    pub right: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// Data values at the left and right edges.
    pub x_range: (f64, f64),
    /// Data values at the bottom and top edges.
    pub y_range: (f64, f64),
}

impl Grid {
    /// Where a data point sits, in CSS pixels from the canvas' top left (for the ring marking the
    /// current design, drawn as an HTML overlay so that moving it redraws nothing).
    pub fn position(&self, (x, y): (f64, f64)) -> Option<(f64, f64)> {
        let fx = (x - self.x_range.0) / (self.x_range.1 - self.x_range.0);
        let fy = (y - self.y_range.0) / (self.y_range.1 - self.y_range.0);
        let inside = (0.0..=1.0).contains(&fx) && (0.0..=1.0).contains(&fy);
        inside.then_some((self.left + fx * (self.right - self.left), self.bottom - fy * (self.bottom - self.top)))
    }

    /// Column and row (from the bottom) under a pointer, for a grid of `nx` by `ny` cells.
    pub fn cell_at(&self, x: f64, y: f64, nx: usize, ny: usize) -> Option<(usize, usize)> {
        if nx == 0 || ny == 0 || x < self.left || x > self.right || y < self.top || y > self.bottom {
            return None;
        }
        let i = ((x - self.left) / (self.right - self.left) * nx as f64).floor() as usize;
        let j = ((self.bottom - y) / (self.bottom - self.top) * ny as f64).floor() as usize;
        Some((i.min(nx - 1), j.min(ny - 1)))
    }
}

/// Diverging colour for a change: −`span` deep blue, 0 near white (near black in dark mode),
/// +`span` deep orange-brown
/// (ColorBrewer's PuOr ends, readable under the common colour-vision deficiencies).
pub fn color(change: f64, span: f64) -> RGBColor {
    let t = (change / span.max(1e-12)).clamp(-1.0, 1.0);
    let (end, w) = if t < 0.0 { ((0x2d, 0x5f, 0x9a), -t) } else { ((0xb3, 0x58, 0x06), t) };
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * w.powf(0.8)).round() as u8;
    // Unchanged is the card's near-neutral: near white on a light page, near black on a dark one.
    let n = if super::palette::dark() { (0x2a, 0x30, 0x38) } else { (0xf7, 0xf7, 0xf7) };
    RGBColor(mix(n.0, end.0), mix(n.1, end.1), mix(n.2, end.2))
}

/// Axis labels: field label plus unit ("Burn share (%)"), values formatted by `show`.
pub struct Axes<'a> {
    /// Horizontal axis title.
    pub x_title: String,
    /// Vertical axis title.
    pub y_title: String,
    /// Tick formatter for x values (stored units).
    pub x_show: &'a dyn Fn(f64) -> String,
    /// Tick formatter for y values.
    pub y_show: &'a dyn Fn(f64) -> String,
}

/// Draw the map filling `root`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    map: &Heatmap,
    ax: &Axes,
    frame: &Frame,
) -> BoxResult<Grid>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let (nx, ny) = (map.xs.len(), map.ys.len());
    if nx < 2 || ny < 2 || map.values.len() != nx * ny {
        return Err("the sweep came back without a full grid".into());
    }
    let span = map.values.iter().flatten().fold(0.0_f64, |m, v| m.max(v.abs())).max(1e-6);
    let labels = [(1.0, pct_change(span)), (0.0, "0 %".to_owned()), (-1.0, pct_change(-span))];
    let bar_font = frame.font(if frame.narrow() { 10.0 } else { 11.0 }, &INK);
    // The colour bar is as wide as its widest label needs (a swing of +1,234.5 % is wide).
    let widest = labels.iter().map(|(_, l)| axes::label_width(frame, l)).fold(0.0, f64::max);
    let bar = frame.u(BAR_LABEL + 6.0 + widest);
    let (plot, legend) = root.split_horizontally(root.dim_in_pixel().0.saturating_sub(bar));
    // Cell edges halfway between axis values, so each value sits in the middle of its cell.
    let edge = |v: &[f64], k: usize| -> f64 {
        let n = v.len();
        match k {
            0 => v[0] - (v[1] - v[0]) / 2.0,
            k if k == n => v[n - 1] + (v[n - 1] - v[n - 2]) / 2.0,
            k => (v[k - 1] + v[k]) / 2.0,
        }
    };
    let (x0, x1) = (edge(&map.xs, 0), edge(&map.xs, nx));
    let (y0, y1) = (edge(&map.ys, 0), edge(&map.ys, ny));
    let y_show = |v: &f64| (ax.y_show)(*v);
    let y_ticks = axes::covering_ticks(y0.min(y1)..y0.max(y1), 6);
    let x_ticks = axes::covering_ticks(x0.min(x1)..x0.max(x1), if frame.narrow() { 4 } else { 6 });
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(frame.u(8.0))
        .margin_right(frame.u(6.0))
        .x_label_area_size(axes::bottom_area(frame))
        .y_label_area_size(axes::y_area(frame, y0.min(y1)..y0.max(y1), &y_show))
        .build_cartesian_2d(x0.min(x1)..x0.max(x1), y0.min(y1)..y0.max(y1))?;
    axes::house(&mut chart.configure_mesh(), frame)
        .disable_mesh()
        .x_desc(ax.x_title.as_str())
        .y_desc(ax.y_title.as_str())
        .x_labels(x_ticks)
        .y_labels(y_ticks)
        .x_label_formatter(&|v| (ax.x_show)(*v))
        .y_label_formatter(&y_show)
        .draw()?;
    chart.draw_series((0..ny).flat_map(|j| (0..nx).map(move |i| (i, j))).map(|(i, j)| {
        let fill = match map.values[j * nx + i] {
            Some(v) => color(v, span).filled(),
            None => RGBColor(0xd0, 0xd3, 0xd8).filled(), // invalid combination
        };
        Rectangle::new([(edge(&map.xs, i), edge(&map.ys, j)), (edge(&map.xs, i + 1), edge(&map.ys, j + 1))], fill)
    }))?;
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    colour_bar(&legend, span, &labels, bar_font, frame, (yr.start, yr.end))?;
    root.present()?;
    Ok(Grid {
        left: f64::from(xr.start) / frame.px,
        right: f64::from(xr.end) / frame.px,
        top: f64::from(yr.start) / frame.px,
        bottom: f64::from(yr.end) / frame.px,
        x_range: (x0.min(x1), x0.max(x1)),
        y_range: (y0.min(y1), y0.max(y1)),
    })
}

/// CSS pixels from the colour bar's area to its labels: an 8 px gap, the 14 px bar and 4 px.
const BAR_LABEL: f64 = 26.0;

fn colour_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    span: f64,
    labels: &[(f64, String)],
    font: TextStyle,
    frame: &Frame,
    (top, bottom): (i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let x0 = frame.i(8.0);
    let x1 = x0 + frame.i(14.0);
    let offset = area.get_base_pixel().1;
    let (top, bottom) = (top - offset, bottom - offset);
    let steps = 60;
    for k in 0..steps {
        let t = 1.0 - 2.0 * f64::from(k) / f64::from(steps - 1); // +1 at the top
        let y = top + (bottom - top) * k / steps;
        let y2 = top + (bottom - top) * (k + 1) / steps;
        area.draw(&Rectangle::new([(x0, y), (x1, y2)], color(t * span, span).filled()))?;
    }
    // Each label centred on its value, the top and bottom ones inside the bar's ends.
    for (t, label) in labels {
        let v = if *t > 0.0 {
            VPos::Top
        } else if *t < 0.0 {
            VPos::Bottom
        } else {
            VPos::Center
        };
        let y = top + ((1.0 - t) / 2.0 * f64::from(bottom - top)) as i32;
        let style = font.pos(Pos::new(HPos::Left, v));
        area.draw(&Text::new(label.clone(), (frame.i(BAR_LABEL), y), style))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_diverge_around_white_and_saturate() {
        assert_eq!(color(0.0, 1.0), RGBColor(0xf7, 0xf7, 0xf7));
        assert_eq!(color(-1.0, 1.0), RGBColor(0x2d, 0x5f, 0x9a));
        assert_eq!(color(5.0, 1.0), RGBColor(0xb3, 0x58, 0x06));
    }

    #[test]
    fn pointer_maps_to_cells_from_the_bottom_left() {
        let g = Grid { left: 0.0, right: 64.0, top: 0.0, bottom: 64.0, x_range: (0.0, 1.0), y_range: (0.0, 1.0) };
        assert_eq!(g.position((0.5, 0.25)), Some((32.0, 48.0)));
        assert_eq!(g.position((1.5, 0.25)), None);
        assert_eq!(g.cell_at(0.5, 63.5, 64, 64), Some((0, 0)));
        assert_eq!(g.cell_at(63.9, 0.1, 64, 64), Some((63, 63)));
        assert_eq!(g.cell_at(70.0, 10.0, 64, 64), None);
    }
}
