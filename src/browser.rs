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

/// Listen for keys anywhere on the page while the returned listener lives: `handle` answers whether
/// it used the key, and a used key does nothing else (the listener is not passive, so arrows and
/// Page Up/Down do not also scroll). The walk's keys and the presentation's clicker.
pub fn on_window_keys(
    handle: impl Fn(&web_sys::KeyboardEvent) -> bool + 'static,
) -> Option<gloo::events::EventListener> {
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    window().map(|w| {
        gloo::events::EventListener::new_with_options(&w, "keydown", options, move |e| {
            if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                if handle(e) {
                    e.prevent_default();
                }
            }
        })
    })
}

/// Give the keyboard's focus to the first element matching `selector`, if there is one: where a
/// control that had it has just gone (presentation mode's buttons come and go with the mode).
pub fn focus(selector: &str) {
    let found = window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(el) = found.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The text of `path`, a file beside the page: what the first download leaves out (a preset's
/// evidence, the essay's walk) until a person asks for it. The service worker answers it offline.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let failed = |_| format!("{path} could not be loaded");
    let response = wasm_bindgen_futures::JsFuture::from(window().ok_or("no window")?.fetch_with_str(path))
        .await
        .map_err(failed)?
        .dyn_into::<web_sys::Response>()
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!("{path} could not be loaded ({})", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(failed)?).await.map_err(failed)?;
    text.as_string().ok_or_else(|| format!("{path} is not text"))
}

/// `text` in lines that each `fit`, broken after a space or an `&` (a share link's pairs); a
/// piece too long for a line on its own gets a line of its own.
pub fn wrap(text: &str, fits: impl Fn(&str) -> bool) -> Vec<String> {
    let mut lines = vec![String::new()];
    for piece in text.split_inclusive([' ', '&']) {
        let last = lines.len() - 1;
        if lines[last].is_empty() || fits(&format!("{}{piece}", lines[last])) {
            lines[last].push_str(piece);
        } else {
            lines.push(piece.to_owned());
        }
    }
    lines
}

/// The chart in `canvas` as a PNG data URL, with its title above and, below, `footer`'s
/// paragraphs (the design in words, then its share link) wrapped to the picture's width, so the
/// picture explains itself wherever it is pasted.
pub fn chart_png(canvas: &HtmlCanvasElement, title: &str, footer: &[&str]) -> Result<String, String> {
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let px = window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0);
    let out: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "cannot create a canvas")?
        .dyn_into()
        .map_err(|_| "cannot create a canvas")?;
    let ctx: CanvasRenderingContext2d =
        out.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).ok_or("no 2D context")?;
    let small = format!("{}px sans-serif", (11.0 * px).round());
    let width = f64::from(canvas.width());
    ctx.set_font(&small);
    let fits = |line: &str| ctx.measure_text(line.trim_end()).map_or(true, |m| m.width() <= width - 24.0 * px);
    let lines: Vec<String> = footer.iter().flat_map(|text| wrap(text, fits)).collect();
    let (head, line) = (40.0 * px, 16.0 * px);
    let foot = line * lines.len() as f64 + 12.0 * px;
    // Resizing the canvas resets its state: the fonts are set again below.
    out.set_width(canvas.width());
    out.set_height(canvas.height() + (head + foot) as u32);
    // Title and footer in the chart's own colour scheme (palette.rs), around the chart as drawn.
    let (paper, ink, muted) = if crate::charts::palette::dark() {
        ("#1b2027", "#e6e9ee", "#a9b3bf")
    } else {
        ("#ffffff", "#1d2733", "#4f5b69")
    };
    ctx.set_fill_style_str(paper);
    ctx.fill_rect(0.0, 0.0, width, f64::from(out.height()));
    ctx.set_fill_style_str(ink);
    ctx.set_font(&format!("bold {}px sans-serif", (17.0 * px).round()));
    ctx.set_text_baseline("middle");
    let _ = ctx.fill_text(title, 12.0 * px, head / 2.0);
    ctx.draw_image_with_html_canvas_element(canvas, 0.0, head).map_err(|_| "cannot copy the chart")?;
    ctx.set_fill_style_str(muted);
    ctx.set_font(&small);
    for (i, text) in lines.iter().enumerate() {
        let y = head + f64::from(canvas.height()) + 6.0 * px + line * (i as f64 + 0.5);
        let _ = ctx.fill_text_with_max_width(text.trim_end(), 12.0 * px, y, width - 24.0 * px);
    }
    out.to_data_url_with_type("image/png").map_err(|_| "cannot encode the PNG".to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_wraps_after_spaces_and_a_links_pairs() {
        let fits = |line: &str| line.trim_end().len() <= 12;
        assert_eq!(super::wrap("a b c", fits), ["a b c"]);
        assert_eq!(super::wrap("one two three four", fits), ["one two ", "three four"]);
        assert_eq!(super::wrap("x?version=4&burn_share=0.6", fits), ["x?version=4&", "burn_share=0.6"]);
    }
}
