//! The compute worker's protocol: the page's requests, the worker's answers and how they travel.
//! The top of the stages: nothing else in the engine imports it. The page builds [`Request`]s
//! and reads [`Response`]s with [`frame::decode`]; only the worker calls [`respond`], so the code
//! behind it stays out of the page's module.

pub mod frame;
mod messages;
mod respond;

pub use frame::Frame;
pub use messages::{ExportFormat, Heatmap, Measure, MonteCarloBands, Request, Response};
pub use respond::{answer, respond};
