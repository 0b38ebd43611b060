//! Reusable hooks.

mod use_width;

pub use use_width::use_width;
