//! Consumption Lab in the browser: a Yew app over the projection engine, drawn with plotters.
//! The engine does the model; this crate only turns levers into scenarios and projections into
//! pictures.

mod app;
mod charts;
mod choices;
mod components;
mod format;
mod hooks;
mod levers;
mod perf;
mod state;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
