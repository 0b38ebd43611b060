//! Every file the project writes, shared by the app (through the compute worker) and the command
//! line, so the same scenario gives byte-identical files from both. Formatting only: writing files
//! or downloads is the caller's job. Only the worker and the command line call these, so the
//! pretty JSON writer they use stays out of the page's module.
#![allow(clippy::disallowed_methods)]

use crate::analysis::montecarlo::{Band, MonteCarlo, BAND_QUANTITIES, PERCENTILES};
use crate::analysis::projection::Projection;
use crate::analysis::sweep::Sweep;
use crate::model::Month;
use crate::scenario::CalendarMonth;
use serde::ser::{Serialize, SerializeTuple, Serializer};

/// The monthly projection as CSV: a header row of the [`Month`] columns, then one row per month;
/// with a calendar `start`, each row's date (`YYYY-MM`) first.
pub fn csv(months: &[Month], start: Option<CalendarMonth>) -> String {
    dated(table(Month::COLUMNS, months), start, months.iter().map(|m| m.month))
}

/// The projection as pretty JSON: scenario, months and summary; with a calendar `start`, each
/// month carries its `date`.
pub fn json(projection: &Projection) -> String {
    pretty_dated(projection, projection.scenario.start)
}

/// `text`, a CSV whose rows are the months `months` in order, with a `date` column first when
/// there is a `start` (the rows are numbers, so a line is a row).
fn dated(text: String, start: Option<CalendarMonth>, months: impl Iterator<Item = u32>) -> String {
    let Some(start) = start else { return text };
    let mut lines = text.lines();
    let mut out = String::with_capacity(text.len() + 8 * text.lines().count());
    if let Some(header) = lines.next() {
        out.push_str("date,");
        out.push_str(header);
        out.push('\n');
    }
    for (line, month) in lines.zip(months) {
        out.push_str(&format!("{},{line}\n", start.of_month(month)));
    }
    out
}

/// `value` as pretty JSON, with a `date` in each object of its `months` list when there is a
/// `start` (after the month, so that a reader sees which is which).
fn pretty_dated<T: Serialize>(value: &T, start: Option<CalendarMonth>) -> String {
    let Some(start) = start else { return serde_json::to_string_pretty(value).unwrap_or_default() };
    let Ok(mut json) = serde_json::to_value(value) else { return String::new() };
    for row in json.get_mut("months").and_then(|m| m.as_array_mut()).into_iter().flatten() {
        let Some(object) = row.as_object_mut() else { continue };
        let month = object.get("month").and_then(serde_json::Value::as_u64).unwrap_or(0) as u32;
        let mut with_date = serde_json::Map::new();
        for (key, v) in std::mem::take(object) {
            let is_month = key == "month";
            with_date.insert(key, v);
            if is_month {
                with_date.insert("date".to_owned(), start.of_month(month).to_string().into());
            }
        }
        *object = with_date;
    }
    serde_json::to_string_pretty(&json).unwrap_or_default()
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
    let text = table(monte_carlo_header(), monte_carlo.months.iter().map(BandRow));
    dated(text, monte_carlo.scenario.start, monte_carlo.months.iter().map(|b| b.month))
}

/// The whole Monte Carlo run as pretty JSON: scenario, bands and final-supply distribution.
pub fn monte_carlo_json(monte_carlo: &MonteCarlo) -> String {
    pretty_dated(monte_carlo, monte_carlo.scenario.start)
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
        let text = csv(&[Month::<f64>::default()], None);
        assert_eq!(text.lines().next().unwrap(), Month::COLUMNS.join(","));
        assert_eq!(csv(&[], None).trim_end(), Month::COLUMNS.join(","));
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

    #[test]
    fn with_a_start_every_row_carries_its_date() {
        let scenario =
            Scenario { years: 2, start: Some(std::str::FromStr::from_str("2022-09").unwrap()), ..Scenario::default() };
        let p = crate::project(&scenario).unwrap();
        let text = csv(&p.months, scenario.start);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], format!("date,{}", Month::COLUMNS.join(",")));
        assert!(lines[1].starts_with("2022-09,1,") && lines[5].starts_with("2023-01,5,"), "{}", lines[5]);
        assert!(lines[24].starts_with("2024-08,24,"));
        assert_eq!(lines.len(), 25);
        // Without a start, the same bytes as before dates existed.
        let undated = csv(&p.months, None);
        assert_eq!(
            text.lines().skip(1).map(|l| &l[8..]).collect::<Vec<_>>(),
            undated.lines().skip(1).collect::<Vec<_>>()
        );
        let json: serde_json::Value = serde_json::from_str(&json(&p)).unwrap();
        let first = json["months"][0].as_object().unwrap();
        assert_eq!(first["date"], "2022-09");
        assert_eq!(first.keys().take(2).collect::<Vec<_>>(), ["month", "date"]);
        assert_eq!(json["scenario"]["start"], "2022-09");
        let plain: serde_json::Value =
            serde_json::from_str(&super::json(&crate::project(&Scenario { start: None, ..scenario }).unwrap()))
                .unwrap();
        assert!(plain["months"][0].get("date").is_none());
    }
}
