//! `performance.mark` / `performance.measure` around each recompute + redraw, so the time from a
//! lever moving to the charts being drawn can be read from the page (the e2e suite reads the
//! `update` measures). Failing to measure never affects the page.

const START: &str = "update-start";

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// A lever moved: the update starts now.
pub fn mark_input() {
    if let Some(p) = performance() {
        let _ = p.mark(START);
    }
}

/// Everything is redrawn: close the `update` measure, if an input opened one.
pub fn measure_update() {
    let Some(p) = performance() else { return };
    if p.get_entries_by_name_with_entry_type(START, "mark").length() > 0 {
        let _ = p.measure_with_start_mark("update", START);
        p.clear_marks_with_mark_name(START);
    }
}

/// Mark the start of a named span (e.g. `bands`: Monte Carlo sent to the worker).
pub fn mark_start(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(&format!("{name}-start"));
    }
}

/// Close a named span opened by [`mark_start`], if one is open.
pub fn measure(name: &str) {
    let Some(p) = performance() else { return };
    let start = format!("{name}-start");
    if p.get_entries_by_name_with_entry_type(&start, "mark").length() > 0 {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
}

/// The first projection is on screen (measured once, from navigation start).
pub fn mark_first_projection() {
    if let Some(p) = performance() {
        if p.get_entries_by_name_with_entry_type("first-projection", "mark").length() == 0 {
            let _ = p.mark("first-projection");
        }
    }
}
