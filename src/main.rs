//! Consumption Lab in the browser: a Yew app over the projection engine, drawn with plotters.
//! The engine does the model; this crate only turns levers into scenarios and projections into
//! pictures.

mod app;
mod browser;
mod charts;
mod choices;
mod components;
mod drafts;
mod format;
mod hooks;
mod levers;
mod panic;
mod perf;
mod state;
mod storage;
mod tables;
mod walk;

fn main() {
    panic::install();
    yew::Renderer::<app::App>::new().render();
}

/// Talc, not Rust's default dlmalloc: 2.3 KB less of the gzipped download, and faster on wasm32
/// by its own benchmarks. The page is single-threaded (no `atomics`), which this allocator assumes.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
