//! Scenarios and results as text: JSON, CSV and JSON exports, share links and the presets.

pub mod export;
pub mod json;
pub mod link;
mod link_pairs;
pub mod link_pin;
mod link_rows;
pub mod link_view;
pub mod presets;
