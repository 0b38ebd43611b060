//! `use_drop_import`: a design's JSON file dropped anywhere on the page is read and handed on, and
//! the page knows while a file is dragged over it (to show where to drop).
//!
//! ```ignore
//! let drop = use_drop_import(on_read);
//! html! { <div ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}> }
//! ```

use super::use_file_import;
use yew::prelude::*;

/// What the hook hands back: the state and the three handlers for the drop zone.
#[derive(Clone, PartialEq)]
pub struct DropZone {
    /// Whether a file is being dragged over the page.
    pub dragging: bool,
    /// For `ondragover`: allows the drop.
    pub ondragover: Callback<DragEvent>,
    /// For `ondragleave`.
    pub ondragleave: Callback<DragEvent>,
    /// For `ondrop`: reads the first file.
    pub ondrop: Callback<DragEvent>,
}

/// See the module doc. `on_read` receives (file name, text or reason), as from [`use_file_import`].
#[hook]
pub fn use_drop_import(on_read: Callback<(String, Result<String, String>)>) -> DropZone {
    let dragging = use_state(|| false);
    let import = use_file_import(on_read);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default(); // allows the drop
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                import.emit(file);
            }
        })
    };
    DropZone { dragging: *dragging, ondragover, ondragleave, ondrop }
}
