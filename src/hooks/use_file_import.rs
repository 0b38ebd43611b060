//! `use_file_import`: a callback that reads a dropped or picked file as text and hands the result
//! on. The file reader must outlive the callback that started it, so the hook keeps it.
//!
//! ```ignore
//! let import = use_file_import(Callback::from(|(name, text): (String, Result<String, String>)| ...));
//! html! { <input type="file" onchange={...import.emit(file)...} /> }
//! ```

use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Largest file read, bytes: a scenario is a few hundred bytes, an exported projection a few
/// hundred kilobytes; anything bigger is not one of ours.
pub const MAX_BYTES: f64 = 5_000_000.0;

/// Returns a callback taking a `web_sys::File`; `on_read` receives (file name, text or reason).
#[hook]
pub fn use_file_import(on_read: Callback<(String, Result<String, String>)>) -> Callback<web_sys::File> {
    let readers: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    Callback::from(move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_BYTES {
            on_read
                .emit((name, Err(format!("the file is {:.1} MB; a scenario is a small JSON file", file.size() / 1e6))));
            return;
        }
        let on_read = on_read.clone();
        let file = gloo::file::File::from(file);
        let reader = gloo::file::callbacks::read_as_text(&file, move |result| {
            on_read.emit((name, result.map_err(|e| format!("the file could not be read ({e})"))));
        });
        // One import at a time: replacing (dropping) an unfinished reader cancels it.
        *readers.borrow_mut() = Some(reader);
    })
}
