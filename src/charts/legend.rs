//! A legend drawn into the canvas itself (so an exported PNG keeps it), laid out in rows that
//! wrap on a phone, above the plot where it never hides data.

use super::frame::Frame;
use super::palette::INK;
use super::series::Mark;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::borrow::Cow;

impl From<&super::series::Series> for Entry {
    fn from(s: &super::series::Series) -> Self {
        Entry { label: Cow::Borrowed(s.label), color: s.color, mark: s.mark }
    }
}

/// Legend label of a pinned design drawn dashed.
pub const PINNED: &str = "Pinned design A (dashed)";

/// The entries for `series`, plus one for the pinned design when there is one.
pub fn entries<'s>(
    series: impl IntoIterator<Item = &'s super::series::Series>,
    pinned: Option<&'static str>,
) -> Vec<Entry> {
    let mut entries: Vec<Entry> = series.into_iter().map(Entry::from).collect();
    if let Some(label) = pinned {
        entries.push(Entry { label: Cow::Borrowed(label), color: super::palette::INK, mark: Mark::Dashed });
    }
    entries
}

/// One legend entry.
pub struct Entry {
    /// Text (a bucket's name is not static).
    pub label: Cow<'static, str>,
    /// Swatch colour.
    pub color: RGBColor,
    /// Swatch shape.
    pub mark: Mark,
}

const SWATCH: f64 = 18.0;
const GAP: f64 = 6.0;
const SPACING: f64 = 16.0;
const ROW: f64 = 20.0;

/// Height in CSS pixels the legend needs at this width.
pub fn height<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, entries: &[Entry], frame: &Frame) -> f64 {
    f64::from(rows(area, entries, frame).len() as u32) * ROW + 6.0
}

fn font_size(frame: &Frame) -> f64 {
    if frame.narrow() {
        11.0
    } else {
        12.5
    }
}

/// Entries per row with the x offset (CSS px) of each.
fn rows<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, entries: &[Entry], frame: &Frame) -> Vec<Vec<(usize, f64)>> {
    let font = frame.font(font_size(frame), &INK);
    let width = frame.width - 8.0;
    let mut rows: Vec<Vec<(usize, f64)>> = vec![Vec::new()];
    let mut x = 0.0;
    for (i, e) in entries.iter().enumerate() {
        let text = area
            .estimate_text_size(&e.label, &font)
            .map(|(w, _)| f64::from(w) / frame.px)
            .unwrap_or(7.0 * e.label.len() as f64);
        let w = SWATCH + GAP + text;
        if x > 0.0 && x + w > width {
            rows.push(Vec::new());
            x = 0.0;
        }
        if let Some(row) = rows.last_mut() {
            row.push((i, x));
        }
        x += w + SPACING;
    }
    rows
}

/// Draw the legend at the top of `area`, starting `left` CSS pixels in.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[Entry],
    frame: &Frame,
    left: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let font = frame.font(font_size(frame), &INK).pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Left,
        plotters::style::text_anchor::VPos::Center,
    ));
    for (r, row) in rows(area, entries, frame).iter().enumerate() {
        let y = frame.i(4.0 + ROW * r as f64 + ROW / 2.0);
        for &(i, x) in row {
            let e = &entries[i];
            let x0 = frame.i(left + x);
            let x1 = frame.i(left + x + SWATCH);
            match e.mark {
                Mark::Area => {
                    area.draw(&Rectangle::new([(x0, y - frame.i(5.0)), (x1, y + frame.i(5.0))], e.color.filled()))?
                }
                Mark::Line(w) => {
                    area.draw(&PathElement::new(vec![(x0, y), (x1, y)], e.color.stroke_width(frame.u(w))))?
                }
                Mark::Hatched => area.draw(&Rectangle::new(
                    [(x0, y - frame.i(5.0)), (x1, y + frame.i(5.0))],
                    e.color.mix(0.45).filled(),
                ))?,
                Mark::Dashed | Mark::Dotted => {
                    let style = e.color.stroke_width(frame.u(if e.mark == Mark::Dashed { 1.75 } else { 2.0 }));
                    let (dash, step) = if e.mark == Mark::Dashed { (frame.i(4.0), 2) } else { (frame.i(2.0), 2) };
                    let mut x = x0;
                    while x < x1 {
                        area.draw(&PathElement::new(vec![(x, y), ((x + dash).min(x1), y)], style))?;
                        x += dash * step;
                    }
                }
            }
            area.draw(&Text::new(e.label.as_ref(), (x1 + frame.i(GAP), y), font.clone()))?;
        }
    }
    Ok(())
}
