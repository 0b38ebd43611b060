//! Charts: one module per chart, each with one `draw` over any plotters backend that returns where
//! its plot landed. Only `canvas` touches the browser.

pub mod axes;
pub mod canvas;
pub mod fees;
pub mod flows;
pub mod frame;
pub mod heatmap;
pub mod histogram;
pub mod jevons;
pub mod legend;
pub mod lines;
pub mod marks;
pub mod measured;
pub mod palette;
pub mod price;
pub mod series;
pub mod supply;
pub mod turnover;
pub mod unlocks;

#[cfg(test)]
mod draw_tests;

/// Result of a drawing: any plotters error, boxed.
pub type BoxResult<T> = Result<T, Box<dyn std::error::Error>>;

/// What may be drawn beside a projection: a pinned design "A" (dashed) and Monte Carlo bands.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras<'a> {
    /// The pinned design.
    pub compare: Option<&'a consumption_lab_engine::Projection>,
    /// Percentile bands of the current design.
    pub bands: Option<&'a consumption_lab_engine::wire::MonteCarloBands>,
}

/// The x axis span in years of a projection and a pinned one, and the pinned one's months
/// (empty without one): time charts draw both on the same axes.
pub fn span<'a>(
    p: &consumption_lab_engine::Projection,
    compare: Option<&'a consumption_lab_engine::Projection>,
) -> (f64, &'a [consumption_lab_engine::Month]) {
    let years = p.scenario.years.max(compare.map_or(0, |a| a.scenario.years));
    (f64::from(years), compare.map_or(&[], |a| &a.months[..]))
}

/// Which chart to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// "Projected supply".
    Supply,
    /// "Where the fees go".
    Fees,
    /// "Turnover vs consumption".
    Turnover,
    /// "Price".
    Price,
    /// "Who buys, who sells".
    Flows,
    /// "Unlocks".
    Unlocks,
}
