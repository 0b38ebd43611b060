//! The few browser services the app needs beyond rendering: the page URL, downloads, the
//! clipboard, and composing a chart PNG. Each reports failure as a value, never a panic.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's query string, with its leading `?` if any.
pub fn query() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Replace the current history entry's query (no new entry: moving a slider must not flood the
/// back button).
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let path = w.location().pathname().unwrap_or_else(|_| "/".to_owned());
    let url = if query.is_empty() { path } else { format!("{path}?{query}") };
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The full URL of this page with `query` (the share link of a design).
pub fn link_to(query: &str) -> String {
    let Some(location) = window().map(|w| w.location()) else { return String::new() };
    let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

/// Offer `contents` as a file download.
pub fn download_text(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let blob = gloo::file::Blob::new_with_options(contents, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    click_link(filename, &url)?;
    // Revoking at once can cancel the download; keep the URL a minute, then let it go.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}

/// Offer a data URL (a PNG) as a file download.
pub fn download_url(filename: &str, url: &str) -> Result<(), String> {
    click_link(filename, url)
}

fn click_link(filename: &str, href: &str) -> Result<(), String> {
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "cannot create a link")?
        .dyn_into()
        .map_err(|_| "cannot create a link")?;
    a.set_href(href);
    a.set_download(filename);
    a.click();
    Ok(())
}

/// Copy `text` to the clipboard; resolves to a sentence for the person either way.
pub async fn copy(text: String) -> Result<(), String> {
    let clipboard = window().map(|w| w.navigator().clipboard()).ok_or("no clipboard")?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not allow copying; select the link below and copy it.".to_owned())
}

/// The chart in `canvas` as a PNG data URL, with its title above and the design's parameters
/// below, so the picture explains itself wherever it is pasted.
pub fn chart_png(canvas: &HtmlCanvasElement, title: &str, footer: &str) -> Result<String, String> {
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let px = window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0);
    let out: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "cannot create a canvas")?
        .dyn_into()
        .map_err(|_| "cannot create a canvas")?;
    let (head, foot) = (40.0 * px, 30.0 * px);
    out.set_width(canvas.width());
    out.set_height(canvas.height() + (head + foot) as u32);
    let ctx: CanvasRenderingContext2d =
        out.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).ok_or("no 2D context")?;
    let width = f64::from(out.width());
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, width, f64::from(out.height()));
    ctx.set_fill_style_str("#1d2733");
    ctx.set_font(&format!("bold {}px sans-serif", (17.0 * px).round()));
    ctx.set_text_baseline("middle");
    let _ = ctx.fill_text(title, 12.0 * px, head / 2.0);
    ctx.draw_image_with_html_canvas_element(canvas, 0.0, head).map_err(|_| "cannot copy the chart")?;
    ctx.set_fill_style_str("#4f5b69");
    ctx.set_font(&format!("{}px sans-serif", (11.0 * px).round()));
    let _ = ctx.fill_text_with_max_width(
        footer,
        12.0 * px,
        head + f64::from(canvas.height()) + foot / 2.0,
        width - 24.0 * px,
    );
    out.to_data_url_with_type("image/png").map_err(|_| "cannot encode the PNG".to_owned())
}
