//! Function components, one per file.

pub mod chart_card;
pub mod choice_lever;
pub mod controls;
pub mod number_lever;
pub mod summary_strip;
