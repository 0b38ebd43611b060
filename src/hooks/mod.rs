//! Reusable hooks.

mod compute;
mod use_bands;
mod use_drop_import;
mod use_file_import;
mod use_link_sync;
mod use_visible;
mod use_width;

pub use compute::{use_compute, Pending};
pub use use_bands::use_bands;
pub use use_drop_import::use_drop_import;
pub use use_file_import::use_file_import;
pub use use_link_sync::use_link_sync;
pub use use_visible::{use_near_screen, use_visible};
pub use use_width::use_size;
