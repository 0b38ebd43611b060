//! Reusable hooks.

mod use_compute;
mod use_file_import;
mod use_visible;
mod use_width;

pub use use_compute::{use_compute, Pending};
pub use use_file_import::use_file_import;
pub use use_visible::use_visible;
pub use use_width::use_size;
