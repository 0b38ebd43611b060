//! Real protocols held against their public numbers: each checkpoint of a real preset (a measured
//! supply, stake, issuance, burn or fee figure on a date) beside what the preset's projection gives
//! for the same date, and the error. Fitted checkpoints must lie within their tolerance; held-out
//! ones are reported as they come out. `docs/calibration.md` prints [`markdown`]'s tables (for a
//! preset, `Preset::marked_table`), and a test checks that it still does, so the document cannot
//! drift from the code.

use crate::model::Month;
use crate::scenario::{CalendarMonth, Scenario};
use serde::{Deserialize, Serialize};

/// A public source: what a checkpoint or parameter rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short key the checkpoints cite.
    pub id: String,
    /// Title of the document or page.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When, as the source dates itself (`2024-03-13`, `2025`).
    pub date: String,
    /// Where: an address, or a repository and path.
    pub url: String,
    /// Primary (the protocol's own specification, code or governance text) or secondary (a data
    /// site or report, named as such).
    pub primary: bool,
}

/// What a checkpoint measures, in the projection's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// Token supply at the end of the month, tokens.
    Supply,
    /// Tokens staked at the end of the month.
    Staked,
    /// Tokens minted from the start of month `from` to the end of the month, tokens.
    Minted,
    /// Tokens burned by use over the same period.
    Burned,
    /// The month's issuance at an annual rate, as a share of the supply at its start.
    IssuanceRate,
    /// Gross fees over the period, USD.
    FeesUsd,
    /// Tokens the treasury holds at the end of the month.
    TreasuryTokens,
}

impl Quantity {
    /// How the table names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Supply => "supply",
            Self::Staked => "staked",
            Self::Minted => "minted",
            Self::Burned => "burned",
            Self::IssuanceRate => "issuance rate",
            Self::FeesUsd => "fees",
            Self::TreasuryTokens => "treasury holds",
        }
    }

    /// Whether it is a sum over months (`from` to `date`) rather than a level at `date`.
    pub fn is_flow(self) -> bool {
        matches!(self, Self::Minted | Self::Burned | Self::FeesUsd)
    }
}

/// One public figure on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    /// The month it is measured at (a level: its end; a flow: the last month summed).
    pub date: CalendarMonth,
    /// A flow's first month (inclusive); none for a level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<CalendarMonth>,
    /// What is measured.
    pub quantity: Quantity,
    /// The public figure, in the quantity's unit.
    pub value: f64,
    /// The [`Source::id`] it comes from.
    pub source: String,
    /// Fitted: the preset's parameters were chosen to meet it, within `tolerance`. Held out: not
    /// used in fitting, the error reported as it is.
    pub fitted: bool,
    /// A fitted checkpoint's largest allowed relative error, fraction [0.01].
    #[serde(default = "one_percent")]
    pub tolerance: f64,
}

fn one_percent() -> f64 {
    0.01
}

/// A checkpoint beside the projection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    /// The checkpoint.
    pub checkpoint: Checkpoint,
    /// What the projection gives for it; none when its dates lie outside the horizon.
    pub model: Option<f64>,
    /// `model / value − 1`.
    pub error: Option<f64>,
}

impl Fit {
    /// Whether a fitted checkpoint is met (held-out ones always are: they only report).
    pub fn within_tolerance(&self) -> bool {
        !self.checkpoint.fitted || self.error.is_some_and(|e| e.abs() <= self.checkpoint.tolerance)
    }
}

/// The projection's value for `checkpoint`, from `months` (month 1 first) of a design starting in
/// `start` with `initial_supply`. None when a month it needs lies outside the projection.
pub fn model_value(
    checkpoint: &Checkpoint,
    start: CalendarMonth,
    initial_supply: f64,
    months: &[Month],
) -> Option<f64> {
    let row = |date: CalendarMonth| -> Option<usize> {
        let m = start.month_of(date);
        (1..=months.len() as i64).contains(&m).then(|| m as usize - 1)
    };
    let last = row(checkpoint.date)?;
    let at = &months[last];
    let summed = |pick: fn(&Month) -> f64| -> Option<f64> {
        let first = row(checkpoint.from.unwrap_or(checkpoint.date))?;
        (first <= last).then(|| months[first..=last].iter().map(pick).sum())
    };
    match checkpoint.quantity {
        Quantity::Supply => Some(at.supply),
        Quantity::Staked => Some(at.staked),
        Quantity::TreasuryTokens => Some(at.treasury_tokens),
        Quantity::IssuanceRate => {
            let before = if last == 0 { initial_supply } else { months[last - 1].supply };
            (before > 0.0).then(|| 12.0 * at.minted / before)
        }
        Quantity::Minted => summed(|m| m.minted),
        Quantity::Burned => summed(|m| m.burned),
        Quantity::FeesUsd => summed(|m| m.fees_usd),
    }
}

/// Every checkpoint beside the projection of `scenario` (empty for a design without a start).
pub fn fits(scenario: &Scenario, checkpoints: &[Checkpoint]) -> Vec<Fit> {
    let Some(start) = scenario.start else { return Vec::new() };
    let months = super::projection::project(scenario).map(|p| p.months).unwrap_or_default();
    checkpoints
        .iter()
        .map(|c| {
            let model = model_value(c, start, scenario.initial_supply, &months);
            Fit { checkpoint: c.clone(), model, error: model.map(|m| m / c.value - 1.0) }
        })
        .collect()
}

/// A figure in the quantity's unit: levels of tokens to six significant figures (a supply's
/// change is small beside the supply), everything else to four; tokens in millions above a
/// million, USD with B/M, rates in percent.
pub fn figure(quantity: Quantity, v: f64) -> String {
    let figures =
        if matches!(quantity, Quantity::Supply | Quantity::Staked | Quantity::TreasuryTokens) { 6 } else { 4 };
    let sig = |x: f64| -> String {
        let digits = if x == 0.0 { 0 } else { (figures - 1 - x.abs().log10().floor() as i32).max(0) as usize };
        format!("{x:.digits$}")
    };
    match quantity {
        Quantity::IssuanceRate => format!("{} %", sig(v * 100.0)),
        Quantity::FeesUsd if v.abs() >= 1e9 => format!("${} B", sig(v / 1e9)),
        Quantity::FeesUsd if v.abs() >= 1e6 => format!("${} M", sig(v / 1e6)),
        Quantity::FeesUsd => format!("${}", sig(v)),
        _ if v.abs() >= 1e6 => format!("{} M", sig(v / 1e6)),
        _ => sig(v),
    }
}

/// A relative error in percent with two decimals and its sign.
pub fn percent(error: f64) -> String {
    format!("{:+.2} %", error * 100.0)
}

/// The table `docs/calibration.md` prints for checkpoints and their fits: one row per checkpoint.
pub fn markdown(fits: &[Fit]) -> String {
    let mut out = String::from("| date | quantity | public figure | model | error | role | source |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
    for fit in fits {
        let c = &fit.checkpoint;
        let when = match c.from {
            Some(from) if c.quantity.is_flow() && from != c.date => format!("{from} to {}", c.date),
            _ => c.date.to_string(),
        };
        let role = if c.fitted {
            format!("fitted (±{})", percent(c.tolerance).trim_start_matches('+'))
        } else {
            "held out".into()
        };
        let model = fit.model.map_or("outside the horizon".into(), |m| figure(c.quantity, m));
        let error = fit.error.map_or("—".into(), percent);
        out.push_str(&format!(
            "| {when} | {} | {} | {model} | {error} | {role} | {} |\n",
            c.quantity.label(),
            figure(c.quantity, c.value),
            c.source
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_keep_four_significant_digits_in_their_unit() {
        assert_eq!(figure(Quantity::Supply, 120_520_000.0), "120.520 M");
        assert_eq!(figure(Quantity::Supply, 977_611.0), "977611");
        assert_eq!(figure(Quantity::Burned, 1_710_000.0), "1.710 M");
        assert_eq!(figure(Quantity::IssuanceRate, 0.0507), "5.070 %");
        assert_eq!(figure(Quantity::FeesUsd, 2.41e9), "$2.410 B");
        assert_eq!(figure(Quantity::FeesUsd, 8.5e7), "$85.00 M");
        assert_eq!(percent(-0.01234), "-1.23 %");
        assert_eq!(percent(0.0), "+0.00 %");
    }
}
