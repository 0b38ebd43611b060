//! Function components, one per file.

pub mod chart_card;
pub mod choice_lever;
pub mod compare_table;
pub mod controls;
pub mod jevons_panel;
pub mod lens_turnover;
pub mod notices;
pub mod number_lever;
pub mod saved_designs;
pub mod scenario_bar;
pub mod scorecard;
pub mod sensitivity_map;
pub mod shock_compare;
pub mod summary_strip;
pub mod uncertainty;
pub mod valuation;
pub mod walk;
