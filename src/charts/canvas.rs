//! The browser end of drawing: size the canvas backing store by `devicePixelRatio`, hand it to
//! plotters-canvas, and report failures as values (a chart that cannot draw must not panic the page).

use super::frame::{Frame, Geometry};
use super::{fees, supply, BoxResult, ChartKind};
use consumption_lab_engine::Projection;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Draw `kind` for `projection` into `canvas` at its current CSS size, crisp at any pixel ratio.
pub fn draw(
    canvas: &HtmlCanvasElement,
    kind: ChartKind,
    projection: &Projection,
) -> BoxResult<Geometry> {
    let px = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    let width = f64::from(canvas.client_width());
    let height = f64::from(canvas.client_height());
    if width < 10.0 || height < 10.0 {
        return Err("the chart has no room on screen".into());
    }
    let (w, h) = ((width * px).round() as u32, (height * px).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let frame = Frame { px, width, height };
    let root = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or("this browser gave no 2D canvas context")?
        .into_drawing_area();
    match kind {
        ChartKind::Supply => supply::draw(&root, projection, &frame),
        ChartKind::Fees => fees::draw(&root, projection, &frame),
    }
}
