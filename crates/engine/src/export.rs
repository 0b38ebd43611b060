//! Exports shared by the app and the command line, so the same scenario gives byte-identical
//! files from both. Formatting only: writing files or downloads is the caller's job.

use crate::month::Month;
use crate::projection::Projection;

/// The monthly projection as CSV: a header row of the [`Month`] field names, then one row per month.
pub fn csv(months: &[Month]) -> String {
    table(HEADER, months)
}

/// A header row, then one record per row: the one CSV writer behind every CSV the project
/// writes (projection, Monte Carlo bands, sweep cells).
pub fn table<H: AsRef<[u8]>, R: serde::Serialize>(
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

/// The projection as pretty JSON: scenario, months and summary.
pub fn json(projection: &Projection) -> String {
    serde_json::to_string_pretty(projection).unwrap_or_default()
}

/// The CSV column names, in order.
pub const HEADER: &[&str] = &[
    "month",
    "supply",
    "staked",
    "circulating",
    "price_usd",
    "market_cap_usd",
    "minted",
    "burned",
    "cumulative_minted",
    "cumulative_burned",
    "fees_usd",
    "burned_usd",
    "staker_usd",
    "treasury_usd",
    "leaked_usd",
    "unburnable_usd",
    "minted_usd",
    "minted_sold_usd",
    "net_holder_value_usd",
    "trading_volume_usd",
    "turnover",
    "burn_rate",
    "consumption_rate",
    "value_capture_ratio",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_matches_the_month_fields() {
        let text = csv(&[Month::default()]);
        assert_eq!(text.lines().next().unwrap(), HEADER.join(","));
        assert_eq!(csv(&[]).trim_end(), HEADER.join(","));
    }
}
