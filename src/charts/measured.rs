//! A drawing backend that measures text with the canvas' own `measureText`, cached, instead of
//! plotters' web default, which appends a `<span>` to the page and reads its size for every
//! label: a forced layout per tick label, several milliseconds per update. Everything else is
//! passed straight to the wrapped backend.

use super::palette::themed;
use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform,
};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

/// A detached canvas used only to measure text, and the sizes measured so far by font and text
/// (a list: a few dozen labels are measured, the legends' and the right-hand axes').
type Measurer = (Option<CanvasRenderingContext2d>, Vec<(String, (u32, u32))>);

thread_local! {
    static MEASURE: RefCell<Measurer> = const { RefCell::new((None, Vec::new())) };
}

fn context() -> Option<CanvasRenderingContext2d> {
    let canvas = web_sys::window()?.document()?.create_element("canvas").ok()?;
    canvas.dyn_into::<web_sys::HtmlCanvasElement>().ok()?.get_context("2d").ok()??.dyn_into().ok()
}

/// Width and height in pixels of `text` in a CSS `font`, or `None` if there is no canvas to ask.
fn measure(text: &str, font: &str, size: f64) -> Option<(u32, u32)> {
    MEASURE.with(|m| {
        let mut m = m.borrow_mut();
        let key = format!("{font}|{text}");
        if let Some((_, size)) = m.1.iter().find(|(k, _)| *k == key) {
            return Some(*size);
        }
        if m.0.is_none() {
            m.0 = context();
        }
        let ctx = m.0.as_ref()?;
        ctx.set_font(font);
        let width = ctx.measure_text(text).ok()?.width();
        // Line box height as the browser lays out an inline-block span of this font (what plotters'
        // default measures), so labels are spaced exactly as before.
        let measured = (width.ceil() as u32, (size * 1.17).ceil() as u32);
        if m.1.len() > 512 {
            m.1.clear(); // labels come and go with the data; keep the list short
        }
        m.1.push((key, measured));
        Some(measured)
    })
}

/// A style drawn in the page's colour scheme ([`themed`]): the charts name light colours, and in
/// dark mode the backend draws their dark counterparts, so no chart knows about the mode.
struct Themed<'a, S>(&'a S);

fn theme(c: BackendColor) -> BackendColor {
    BackendColor { rgb: themed(c.rgb), alpha: c.alpha }
}

impl<S: BackendStyle> BackendStyle for Themed<'_, S> {
    fn color(&self) -> BackendColor {
        theme(self.0.color())
    }
    fn stroke_width(&self) -> u32 {
        self.0.stroke_width()
    }
}

impl<S: BackendTextStyle> BackendTextStyle for Themed<'_, S> {
    type FontError = S::FontError;
    fn color(&self) -> BackendColor {
        theme(self.0.color())
    }
    fn size(&self) -> f64 {
        self.0.size()
    }
    fn transform(&self) -> FontTransform {
        self.0.transform()
    }
    fn style(&self) -> FontStyle {
        self.0.style()
    }
    fn anchor(&self) -> Pos {
        self.0.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        self.0.family()
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.0.layout_box(text)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.0.draw(text, pos, draw)
    }
}

/// `inner` with fast text measurement.
pub struct Measured<B>(pub B);

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, theme(color))
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, &Themed(style))
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, &Themed(style), fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, &Themed(style))
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_circle(center, radius, &Themed(style), fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, &Themed(style))
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_text(text, &Themed(style), pos)
    }
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let font = match style.style() {
            FontStyle::Normal => format!("{}px {}", style.size(), style.family().as_str()),
            other => format!("{} {}px {}", other.as_str(), style.size(), style.family().as_str()),
        };
        match measure(text, &font, style.size()) {
            Some(size) => Ok(size),
            None => self.0.estimate_text_size(text, style),
        }
    }
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.blit_bitmap(pos, size, src)
    }
}
