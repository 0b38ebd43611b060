//! Every file the project writes, shared by the app (through the compute worker) and the command
//! line, so the same scenario gives byte-identical files from both. Formatting only: writing files
//! or downloads is the caller's job. Only the worker and the command line call these, so the
//! pretty JSON writer they use stays out of the page's module.
#![allow(clippy::disallowed_methods)]

use crate::analysis::montecarlo::{Band, MonteCarlo, BAND_QUANTITIES, PERCENTILES};
use crate::analysis::projection::Projection;
use crate::analysis::sweep::Sweep;
use crate::model::Month;
use serde::ser::{Serialize, SerializeTuple, Serializer};

/// The monthly projection as CSV: a header row of the [`Month`] columns, then one row per month.
pub fn csv(months: &[Month]) -> String {
    table(Month::COLUMNS, months)
}

/// The projection as pretty JSON: scenario, months and summary.
pub fn json(projection: &Projection) -> String {
    serde_json::to_string_pretty(projection).unwrap_or_default()
}

/// A header row, then one record per row: the one CSV writer behind every CSV the project
/// writes (projection, Monte Carlo bands, sweep cells).
pub fn table<H: AsRef<[u8]>, R: Serialize>(
    header: impl IntoIterator<Item = H>,
    rows: impl IntoIterator<Item = R>,
) -> String {
    let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    let mut result = writer.write_record(header);
    for row in rows {
        result = result.and(writer.serialize(row));
    }
    // Serialising numbers and text into a Vec cannot fail; an empty string would be the tell if it did.
    match (result, writer.into_inner()) {
        (Ok(()), Ok(bytes)) => String::from_utf8(bytes).unwrap_or_default(),
        _ => String::new(),
    }
}

/// The Monte Carlo CSV's column names: `month`, then `<quantity>_p<q>` for each of
/// [`BAND_QUANTITIES`] at each of [`PERCENTILES`].
pub fn monte_carlo_header() -> Vec<String> {
    let quantities = BAND_QUANTITIES.iter().flat_map(|(name, _)| PERCENTILES.map(|q| format!("{name}_p{q}")));
    std::iter::once("month".to_owned()).chain(quantities).collect()
}

/// One month of bands as a CSV record, in [`monte_carlo_header`]'s order.
struct BandRow<'a>(&'a Band);

impl Serialize for BandRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut row = serializer.serialize_tuple(1 + BAND_QUANTITIES.len() * PERCENTILES.len())?;
        row.serialize_element(&self.0.month)?;
        for (_, pick) in BAND_QUANTITIES {
            for value in pick(self.0).values() {
                row.serialize_element(&value)?;
            }
        }
        row.end()
    }
}

/// The Monte Carlo bands as CSV: [`monte_carlo_header`], then one row per month. Numbers are
/// written as the projection's CSV writes them.
pub fn monte_carlo_csv(monte_carlo: &MonteCarlo) -> String {
    table(monte_carlo_header(), monte_carlo.months.iter().map(BandRow))
}

/// The whole Monte Carlo run as pretty JSON: scenario, bands and final-supply distribution.
pub fn monte_carlo_json(monte_carlo: &MonteCarlo) -> String {
    serde_json::to_string_pretty(monte_carlo).unwrap_or_default()
}

/// The figures after the two swept fields in [`sweep_csv`], in order.
pub const SWEEP_COLUMNS: &[&str] = &[
    "net_supply_change",
    "final_supply",
    "cumulative_burned",
    "value_capture_ratio",
    "leaked_usd",
    "error",
    "final_price_usd",
    "price_change",
];

/// The sweep CSV's header: the two swept fields' keys, then [`SWEEP_COLUMNS`].
pub fn sweep_header(sweep: &Sweep) -> Vec<String> {
    [sweep.x.field.as_str(), sweep.y.field.as_str()]
        .into_iter()
        .chain(SWEEP_COLUMNS.iter().copied())
        .map(str::to_owned)
        .collect()
}

/// The sweep as CSV: [`sweep_header`], then one row per cell in `cells` order, the swept values
/// on every row. An invalid cell has empty figures and its message in `error`.
pub fn sweep_csv(sweep: &Sweep) -> String {
    type Row<'a> =
        (f64, f64, Option<f64>, Option<f64>, Option<f64>, Option<f64>, Option<f64>, &'a str, Option<f64>, Option<f64>);
    let rows = sweep.cells.iter().map(|c| {
        let s = c.summary.as_ref();
        let row: Row = (
            c.x,
            c.y,
            s.map(|s| s.net_supply_change),
            s.map(|s| s.final_supply),
            s.map(|s| s.cumulative_burned),
            s.map(|s| s.value_capture_ratio),
            s.map(|s| s.leaked_usd),
            c.error.as_deref().unwrap_or(""),
            s.map(|s| s.final_price_usd),
            s.map(|s| s.price_change),
        );
        row
    });
    table(sweep_header(sweep), rows)
}

/// The sweep as pretty JSON: base scenario, axes and cells.
pub fn sweep_json(sweep: &Sweep) -> String {
    serde_json::to_string_pretty(sweep).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::montecarlo::{Distribution, Percentiles};
    use crate::scenario::Scenario;

    #[test]
    fn header_matches_the_month_fields() {
        let text = csv(&[Month::default()]);
        assert_eq!(text.lines().next().unwrap(), Month::COLUMNS.join(","));
        assert_eq!(csv(&[]).trim_end(), Month::COLUMNS.join(","));
        let json = serde_json::to_value(Month::<f64>::default()).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, Month::COLUMNS, "the JSON keys are the CSV columns, in order");
    }

    #[test]
    fn monte_carlo_header_is_the_row_fields() {
        let p = Percentiles { p5: 1.0, p25: 2.0, p50: 3.0, p75: 4.0, p95: 5.0 };
        let band = Band { month: 1, supply: p, cumulative_burned: p, value_capture_ratio: p, price_usd: p };
        let mc = MonteCarlo {
            scenario: Scenario::default(),
            paths: 1,
            seed: 1,
            months: vec![band],
            final_supply: Distribution::default(),
            probability_supply_below_start: 0.0,
        };
        let text = monte_carlo_csv(&mc);
        let mut lines = text.lines();
        assert_eq!(lines.next().unwrap(), monte_carlo_header().join(","));
        assert_eq!(lines.next().unwrap(), format!("1{}", ",1.0,2.0,3.0,4.0,5.0".repeat(4)));
        assert_eq!(monte_carlo_header().len(), 21);
        assert_eq!(monte_carlo_header()[20], "price_usd_p95");
        assert_eq!(monte_carlo_header()[6], "cumulative_burned_p5");
        let none = MonteCarlo { months: vec![], ..mc };
        assert_eq!(monte_carlo_csv(&none).trim_end(), monte_carlo_header().join(","));
    }
}
