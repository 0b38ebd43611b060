//! Warnings: where a projection leaves the range in which the model means anything, said in
//! words beside the figure it touches (`docs/model.md`, "Warnings"). The model computes such
//! results faithfully (a burn that takes supply to 6e-10 tokens, fees doubling for fifty years),
//! and a person reading only the figures would take them for forecasts.

use super::projection::Projection;
use crate::model::Month;

/// Supply below this share of its start is "heading to zero": no token has burned 99 % of its
/// supply through use (the most consumptive real design in `docs/calibration.md`, Ethereum after
/// the Merge, moved its supply by a fraction of a percent a year).
pub const SUPPLY_FLOOR_SHARE: f64 = 0.01;

/// Fee growth of at least this factor a year, year on year, is "doubling".
pub const DOUBLING: f64 = 2.0;

/// Years of doubling in a row past which growth is "sustained far beyond where it was observed":
/// the essay's fastest figure, AI spend rising 320 % in two years, is about 105 % a year for two
/// years; no protocol in `docs/calibration.md` doubled its fees three years running.
pub const DOUBLING_YEARS: u32 = 3;

/// A market cap below this many years of the month's fees, annualised, is "far below a year of
/// fees": whoever could buy the token and collect its fees would earn it back within a year.
/// Real tokens trade at tens to thousands of years of fees (`docs/calibration.md`).
pub const CAP_FLOOR_YEARS_OF_FEES: f64 = 1.0;

/// One result outside the model's meaningful range.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// Supply fell below [`SUPPLY_FLOOR_SHARE`] of its start, first in `month`, to `share` of it
    /// at its lowest.
    SupplyNearZero {
        /// The first month below the floor.
        month: u32,
        /// The lowest supply over the start's.
        share: f64,
    },
    /// Fees at least doubled year on year for `years` years in a row from year `from`, growing
    /// `factor` times over that stretch.
    GrowthBeyondObserved {
        /// The first year that doubled on the one before.
        from: u32,
        /// Years of doubling in a row.
        years: u32,
        /// The last of those years' fees over the fees of the year before the first.
        factor: f64,
    },
    /// The market cap fell below [`CAP_FLOOR_YEARS_OF_FEES`] years of fees, first in `month`,
    /// to `years` of them at the lowest.
    CapBelowFees {
        /// The first month below the floor.
        month: u32,
        /// The lowest market cap, in years of fees.
        years: f64,
    },
}

impl Warning {
    /// The headline figure the warning sits beside (its id in the page's summary strip).
    pub fn figure(&self) -> &'static str {
        match self {
            Warning::SupplyNearZero { .. } => "final_supply",
            Warning::GrowthBeyondObserved { .. } => "net_supply_change",
            Warning::CapBelowFees { .. } => "final_market_cap_usd",
        }
    }

    /// The warning in words.
    pub fn message(&self) -> String {
        match *self {
            Warning::SupplyNearZero { month, share } => format!(
                "Supply falls below 1 % of its start in month {month} (year {}), to {} at its lowest. \
                 No token has burned so much of itself through use; long before this the market, \
                 the price and the fees the model holds to would have changed.",
                month.div_ceil(12),
                share_in_words(share)
            ),
            Warning::GrowthBeyondObserved { from, years, factor } => format!(
                "Fees double every year for {years} years from year {from} ({}× in all). Growth like \
                 that has been seen for a year or two (AI spend rose 320 % in two years), not \
                 sustained: the result rests on it.",
                times_in_words(factor)
            ),
            Warning::CapBelowFees { month, years } => format!(
                "The market cap falls to {} of a year of fees in month {month}: a token priced \
                 below what one year of its fees pays would be bought up. The price model, not \
                 the design, decides this result.",
                times_in_words(years)
            ),
        }
    }
}

/// Every warning the projection calls for, in the order of the headline figures.
pub fn warnings(projection: &Projection) -> Vec<Warning> {
    let months = &projection.months;
    let start = projection.scenario.initial_supply;
    let mut found = Vec::new();
    if let Some(w) = supply_near_zero(months, start) {
        found.push(w);
    }
    if let Some(w) = growth_beyond_observed(months) {
        found.push(w);
    }
    if let Some(w) = cap_below_fees(months, SUPPLY_FLOOR_SHARE * start) {
        found.push(w);
    }
    found
}

fn supply_near_zero(months: &[Month], start: f64) -> Option<Warning> {
    let first = months.iter().find(|m| m.supply < SUPPLY_FLOOR_SHARE * start)?;
    let lowest = months.iter().map(|m| m.supply).fold(f64::INFINITY, f64::min);
    Some(Warning::SupplyNearZero { month: first.month, share: lowest / start })
}

/// The longest run of years whose fees at least doubled on the year before.
fn growth_beyond_observed(months: &[Month]) -> Option<Warning> {
    let yearly: Vec<f64> = months.chunks_exact(12).map(|year| year.iter().map(|m| m.fees_usd).sum()).collect();
    let (mut best, mut run) = ((0u32, 0u32), (0u32, 0u32)); // (first year, years)
    for (i, pair) in yearly.windows(2).enumerate() {
        let year = i as u32 + 2; // the later year of the pair, 1-based
        if pair[0] > 0.0 && pair[1] >= DOUBLING * pair[0] {
            run = if run.1 == 0 { (year, 1) } else { (run.0, run.1 + 1) };
            if run.1 > best.1 {
                best = run;
            }
        } else {
            run = (0, 0);
        }
    }
    let (from, years) = best;
    (years >= DOUBLING_YEARS).then(|| {
        let before = yearly[from as usize - 2];
        Warning::GrowthBeyondObserved { from, years, factor: yearly[(from + years) as usize - 2] / before }
    })
}

/// Months whose supply is below `floor` are left to [`supply_near_zero`]: a cap of no tokens is
/// no price.
fn cap_below_fees(months: &[Month], floor: f64) -> Option<Warning> {
    let years_of_fees = |m: &Month| m.market_cap_usd / (12.0 * m.fees_usd);
    let below = |m: &&Month| m.fees_usd > 0.0 && m.supply >= floor && years_of_fees(m) < CAP_FLOOR_YEARS_OF_FEES;
    let first = months.iter().find(below)?;
    let lowest = months.iter().filter(below).map(years_of_fees).fold(f64::INFINITY, f64::min);
    Some(Warning::CapBelowFees { month: first.month, years: lowest })
}

/// A share in words: "0.3 %", "2e-9 %" for the very small.
fn share_in_words(share: f64) -> String {
    let percent = share * 100.0;
    if percent >= 0.01 {
        format!("{} %", round_to(percent, 2))
    } else {
        format!("{percent:.1e} %")
    }
}

/// A factor in words: "0.42", "16", "1.1e6".
fn times_in_words(factor: f64) -> String {
    if factor < 1e4 {
        round_to(factor, 2)
    } else {
        format!("{factor:.1e}")
    }
}

/// `value` to `digits` significant digits, without trailing zeros.
fn round_to(value: f64, digits: i32) -> String {
    if value == 0.0 {
        return "0".into();
    }
    let decimals = (digits - 1 - value.abs().log10().floor() as i32).max(0) as usize;
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').into()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::projection::project;
    use crate::scenario::{PriceModel, Scenario};

    fn of(s: Scenario) -> Vec<Warning> {
        warnings(&project(&s).unwrap())
    }

    /// The default design and the presets stay within range, except the AI preset, which carries
    /// the essay's two-year growth (105 % a year) over five years, and is told so.
    #[test]
    fn the_default_design_and_the_presets_warn_only_of_what_they_assume() {
        assert_eq!(of(Scenario::default()), []);
        for preset in crate::formats::presets::presets() {
            let w = of(preset.scenario.clone());
            if preset.name == "ai_api_tokens" {
                assert!(matches!(w[..], [Warning::GrowthBeyondObserved { from: 2, years: 4, .. }]), "{w:?}");
            } else {
                assert_eq!(w, [], "{}", preset.name);
            }
        }
    }

    #[test]
    fn a_burn_that_takes_supply_to_nothing_is_named_with_its_month() {
        let s = Scenario {
            price_model: PriceModel::Fixed,
            annual_fees_usd: 5e8,
            burn_share: 1.0,
            staker_share: 0.0,
            staked_fraction: 0.0,
            allocations: Vec::new(),
            ..Scenario::default()
        };
        let w = of(s);
        let Some(Warning::SupplyNearZero { month, share }) = w.first() else { panic!("{w:?}") };
        assert!(*month > 1 && *share < SUPPLY_FLOOR_SHARE, "{w:?}");
        assert!(w[0].message().contains(&format!("month {month}")), "{}", w[0].message());
        // At a fixed $1 the cap also falls below a year of fees (from month 12), which is its own
        // warning; once no supply is left, a cap of nothing is not one.
        let Some(Warning::CapBelowFees { years, .. }) = w.get(1) else { panic!("{w:?}") };
        assert!(*years > 0.0, "{w:?}");
    }

    #[test]
    fn doubling_three_years_running_warns_and_two_do_not() {
        let fast = |years| Scenario { years, fee_growth: 1.05, ..Scenario::default() };
        assert!(!of(fast(3)).iter().any(|w| matches!(w, Warning::GrowthBeyondObserved { .. })), "two doublings");
        let w = of(fast(10));
        let growth = w.iter().find(|w| matches!(w, Warning::GrowthBeyondObserved { .. })).expect("nine doublings");
        assert_eq!(growth.figure(), "net_supply_change");
        let Warning::GrowthBeyondObserved { from, years, factor } = *growth else { unreachable!() };
        assert_eq!((from, years), (2, 9));
        assert!((factor / 2.05f64.powi(9) - 1.0).abs() < 1e-9, "{factor}");
    }

    #[test]
    fn a_cap_below_a_year_of_fees_warns() {
        let s = Scenario { price_model: PriceModel::Fixed, initial_price_usd: 0.01, ..Scenario::default() };
        let w = of(s);
        let cap = w.iter().find(|w| matches!(w, Warning::CapBelowFees { .. })).expect("$10M cap, $20M of fees");
        assert_eq!(cap.figure(), "final_market_cap_usd");
        assert!(cap.message().contains("month 1:"), "{}", cap.message());
    }

    #[test]
    fn words_for_small_shares_and_large_factors() {
        assert_eq!(share_in_words(0.003), "0.3 %");
        assert_eq!(share_in_words(6e-19), "6.0e-17 %");
        assert_eq!(times_in_words(0.4154), "0.42");
        assert_eq!(times_in_words(16.0), "16");
        assert_eq!(times_in_words(6.4e7), "6.4e7");
    }
}
