//! The browser end of drawing: size the canvas backing store by `devicePixelRatio`, hand it to
//! plotters-canvas, and report failures as values (a chart that cannot draw must not panic the page).

use super::frame::{Frame, Geometry};
use super::measured::Measured;
use super::{fees, flows, price, supply, turnover, unlocks, BoxResult, ChartKind, Extras};
use consumption_lab_engine::Projection;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Draw `kind` for `projection` into `canvas` at its current CSS size, crisp at any pixel ratio.
/// `extras` adds the pinned design (dashed) and Monte Carlo bands where the chart shows them.
pub fn draw(
    canvas: &HtmlCanvasElement,
    size: (f64, f64),
    kind: ChartKind,
    projection: &Projection,
    extras: Extras,
) -> BoxResult<Geometry> {
    let geometry = draw_with(canvas, size, |root, frame| match kind {
        ChartKind::Supply => supply::draw(root, projection, extras, frame),
        ChartKind::Fees => fees::draw(root, projection, extras.compare, frame),
        ChartKind::Turnover => turnover::draw(root, projection, extras.compare, frame),
        ChartKind::Price => price::draw(root, projection, extras, frame),
        ChartKind::Flows => flows::draw(root, projection, extras.compare, frame),
        ChartKind::Unlocks => unlocks::draw(root, projection, frame),
    })?;
    // The pointer and the read-out work in the canvas' own CSS pixels, not the enlarged frame's.
    let s = text_scale(canvas, size.0);
    Ok(Geometry {
        left: geometry.left * s,
        right: geometry.right * s,
        top: geometry.top * s,
        bottom: geometry.bottom * s,
        ..geometry
    })
}

/// How much larger than usual a chart `width` CSS pixels wide draws its text, strokes and margins:
/// larger in the presentation mode (presentation.rs), to be read from the back of a room, up to
/// 1.6 times on a projector's full-width chart; not on a phone's, which has no room to spare.
fn text_scale(canvas: &HtmlCanvasElement, width: f64) -> f64 {
    if canvas.closest(".presenting").ok().flatten().is_some() {
        (width / 540.0).clamp(1.0, 1.6)
    } else {
        1.0
    }
}

/// The backend charts draw on: the canvas, with fast text measurement.
pub type Backend = Measured<CanvasBackend>;

/// Size `canvas` for the screen and run `paint` on it. `size` is the canvas' CSS size as the
/// resize observer last saw it (reading it from the element here would force a layout).
pub fn draw_with<T>(
    canvas: &HtmlCanvasElement,
    (width, height): (f64, f64),
    paint: impl FnOnce(&DrawingArea<Backend, Shift>, &Frame) -> BoxResult<T>,
) -> BoxResult<T> {
    let (root, frame) = prepare(canvas, (width, height))?;
    paint(&root, &frame)
}

/// The part of [`draw_with`] that does not depend on the chart, kept out of line: one copy in the
/// module rather than one per chart.
#[inline(never)]
fn prepare(canvas: &HtmlCanvasElement, (width, height): (f64, f64)) -> BoxResult<(DrawingArea<Backend, Shift>, Frame)> {
    let window = web_sys::window();
    let px = window.as_ref().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    // The page's colour scheme, read at every drawing: a chart drawn after the system's setting
    // changed is drawn in the new one.
    let dark = window.and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    super::palette::set_dark(dark.is_some_and(|q| q.matches()));
    if width < 10.0 || height < 10.0 {
        return Err("the chart has no room on screen".into());
    }
    let (w, h) = ((width * px).round() as u32, (height * px).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    // Larger type is a smaller frame drawn at more device pixels per CSS pixel: every font, stroke
    // and margin grows by the scale, the backing store stays the canvas' own (crisp), and the
    // chart lays itself out as it would at the smaller size (fewer ticks, no crowding).
    let s = text_scale(canvas, width);
    let frame = Frame { px: px * s, width: width / s, height: height / s };
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("this browser gave no 2D canvas context")?;
    Ok((Measured(backend).into_drawing_area(), frame))
}
