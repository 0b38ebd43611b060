//! Consumption Lab in the browser: a Yew app over the projection engine, drawn with plotters.
//! The engine does the model; this crate only turns levers into scenarios and projections into
//! pictures.

// Natively the binary only draws the first view, so most of the page is unused there; dead code
// is still found by the wasm build's lints (scripts and CI run clippy for wasm32 with -D warnings).
#![cfg_attr(not(target_family = "wasm"), allow(dead_code))]

mod app;
mod assumptions;
mod borrowed_growth;
mod browser;
mod charts;
mod choices;
mod components;
mod describe;
mod drafts;
mod format;
mod hooks;
mod levers;
#[cfg(not(target_family = "wasm"))]
mod notes_page;
mod panic;
mod perf;
mod presentation;
mod refused;
#[cfg(not(target_family = "wasm"))]
mod snapshot;
mod state;
mod storage;
mod tables;
mod walk;

#[cfg(target_family = "wasm")]
fn main() {
    panic::install();
    yew::Renderer::<app::App>::new().render();
}

/// Natively the binary draws the page's first view for the build (`first-view`, printed to
/// standard output; scripts/first-view.mjs writes it into index.html) and the model notes' pages
/// (`notes docs/model.md`; scripts/notes.mjs).
#[cfg(not(target_family = "wasm"))]
fn main() {
    #![allow(clippy::print_stdout, clippy::print_stderr)]
    match std::env::args().nth(1).as_deref() {
        Some("first-view") => match snapshot::first_view() {
            Ok(html) => println!("{html}"),
            Err(e) => {
                eprintln!("first view: {e}");
                std::process::exit(1);
            }
        },
        Some("notes") => match std::env::args().nth(2).map(std::fs::read_to_string) {
            Some(Ok(markdown)) => println!("{}", notes_page::page(&markdown)),
            Some(Err(e)) => {
                eprintln!("notes: {e}");
                std::process::exit(1);
            }
            None => {
                eprintln!("usage: consumption-lab-app notes <document.md>");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!(
                "usage: consumption-lab-app first-view | notes <document.md>   (the page itself is built with trunk)"
            );
            std::process::exit(2);
        }
    }
}

/// Talc, not Rust's default dlmalloc: 2.3 KB less of the gzipped download, and faster on wasm32
/// by its own benchmarks. The page is single-threaded (no `atomics`), which this allocator assumes.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
