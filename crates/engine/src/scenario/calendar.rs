//! Calendar time: an optional launch month (`start`, e.g. `"2022-09"`) that ties the projection's
//! months to dates. Month 1 of the projection is the start month itself, so the row of month `m`
//! is the end of calendar month `start + (m − 1)` and month 0 (the launch state) its beginning.
//! Without a start everything stays in months from launch. (`docs/model.md`, "Time")
//!
//! Written as text, `YYYY-MM`, in files, links and exports alike: a date a person can read and
//! type, which sorts as text in the order it sorts as time.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The earliest and latest years a start may name: wide enough for any token, narrow enough
/// that every month of a 50-year horizon is still a four-digit year.
pub const YEARS: std::ops::RangeInclusive<u32> = 1970..=2150;

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarMonth {
    /// Year, within [`YEARS`].
    pub year: u32,
    /// Month of the year, 1..=12.
    pub month: u32,
}

const NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl CalendarMonth {
    /// Months since January of year 0: the arithmetic below works on this count.
    fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn from_index(index: i64) -> Self {
        let index = index.max(0);
        Self { year: (index / 12) as u32, month: (index % 12) as u32 + 1 }
    }

    /// The calendar month of projection month `m` when this is the start (month 1 is the start
    /// month; month 0, the launch state, is dated by the start month too).
    pub fn of_month(self, m: u32) -> Self {
        Self::from_index(self.index() + i64::from(m.max(1)) - 1)
    }

    /// The projection month whose row is the end of `date` when this is the start: 1 for the
    /// start month itself, 0 or less for dates before it.
    pub fn month_of(self, date: CalendarMonth) -> i64 {
        date.index() - self.index() + 1
    }

    /// A position on a chart's time axis (years from launch, month 0 at 0) as a date, the month
    /// it falls in: `"Sep 2023"`, or the year alone when the start is a January and the
    /// position a whole year (`"2024"`).
    pub fn axis_label(self, years_from_launch: f64) -> String {
        let months = (years_from_launch * 12.0).round() as i64;
        let at = Self::from_index(self.index() + months);
        if self.month == 1 && months % 12 == 0 {
            format!("{}", at.year)
        } else {
            format!("{} {}", NAMES[at.month as usize - 1], at.year)
        }
    }
}

impl fmt::Display for CalendarMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for CalendarMonth {
    type Err = String;

    /// `YYYY-MM`, the year within [`YEARS`] and the month 1..=12.
    fn from_str(text: &str) -> Result<Self, String> {
        let expected =
            || format!("a month written YYYY-MM, {}-01 to {}-12; got \"{text}\"", YEARS.start(), YEARS.end());
        let (year, month) = text.trim().split_once('-').ok_or_else(expected)?;
        let (Ok(year), Ok(month)) = (u32::from_str(year), u32::from_str(month)) else { return Err(expected()) };
        if !YEARS.contains(&year) || !(1..=12).contains(&month) {
            return Err(expected());
        }
        Ok(Self { year, month })
    }
}

impl Serialize for CalendarMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CalendarMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        CalendarMonth::from_str(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarMonth {
        CalendarMonth::from_str(text).unwrap()
    }

    #[test]
    fn months_count_from_the_start_month() {
        let merge = date("2022-09");
        assert_eq!(merge.of_month(1), merge);
        assert_eq!(merge.of_month(0), merge, "the launch state is dated by its month");
        assert_eq!(merge.of_month(4), date("2022-12"));
        assert_eq!(merge.of_month(5), date("2023-01"));
        assert_eq!(merge.of_month(19), date("2024-03"));
        assert_eq!(merge.month_of(date("2024-03")), 19);
        assert_eq!(merge.month_of(merge), 1);
        assert_eq!(merge.month_of(date("2022-08")), 0);
        for m in 1..=600 {
            assert_eq!(merge.month_of(merge.of_month(m)), i64::from(m));
        }
    }

    #[test]
    fn dates_read_and_write_as_year_dash_month() {
        assert_eq!(date("2022-09").to_string(), "2022-09");
        assert_eq!(date(" 2021-2 ").to_string(), "2021-02");
        for bad in ["2022", "2022-13", "2022-00", "22-09", "1969-12", "2151-01", "2022-9x", ""] {
            let why = CalendarMonth::from_str(bad).unwrap_err();
            assert!(why.contains("YYYY-MM") && why.contains(bad), "{bad}: {why}");
        }
        let json = serde_json::to_string(&date("2023-04")).unwrap();
        assert_eq!(json, "\"2023-04\"");
        assert_eq!(
            serde_json::from_value::<CalendarMonth>(serde_json::Value::from("2023-04")).unwrap(),
            date("2023-04")
        );
    }

    #[test]
    fn axis_labels_name_the_month_a_position_falls_in() {
        let merge = date("2022-09");
        assert_eq!(merge.axis_label(0.0), "Sep 2022");
        assert_eq!(merge.axis_label(1.0), "Sep 2023");
        assert_eq!(merge.axis_label(0.5), "Mar 2023");
        let january = date("2021-01");
        assert_eq!(january.axis_label(3.0), "2024");
        assert_eq!(january.axis_label(2.5), "Jul 2023");
    }
}
