//! Charts: one module per chart, each with one `draw` over any plotters backend that returns where
//! its plot landed. Only `canvas` touches the browser.

pub mod axes;
pub mod canvas;
pub mod fees;
pub mod frame;
pub mod legend;
pub mod palette;
pub mod series;
pub mod supply;

/// Result of a drawing: any plotters error, boxed.
pub type BoxResult<T> = Result<T, Box<dyn std::error::Error>>;

/// Which chart to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// "Projected supply".
    Supply,
    /// "Where the fees go".
    Fees,
}
