//! Consumption Lab in the browser: a Yew app over the projection engine, drawn with plotters.
//! The engine does the model; this crate only turns levers into scenarios and projections into
//! pictures.

mod app;
mod browser;
mod charts;
mod choices;
mod components;
mod format;
mod hooks;
mod levers;
mod panic;
mod perf;
mod state;
mod storage;
mod walk;

fn main() {
    panic::install();
    yew::Renderer::<app::App>::new().render();
}
