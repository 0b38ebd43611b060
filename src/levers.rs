//! How each scenario field appears as a lever: the help text in the essay's terms, the unit it is
//! shown in, the slider's practical range, and when it does not apply. Ranges that are *allowed*
//! live in the engine (`fields::NUMERIC_FIELDS`); this file only says how to present them.

use consumption_lab_engine::fields::{numeric_field, NumericField};
use consumption_lab_engine::number;
use consumption_lab_engine::{FeeDenomination, PriceModel, Scenario, YieldSource};

/// Presentation of one numeric lever.
#[derive(Debug)]
pub struct Lever {
    /// The engine's field (key, label, allowed range, getter, setter).
    pub field: &'static NumericField,
    /// What the lever means, in the essay's terms.
    pub help: &'static str,
    /// Multiply the stored value by this to get the shown one (100 for percentages).
    pub scale: f64,
    /// Unit shown beside the number box.
    pub unit: &'static str,
    /// Slider range in shown units (a practical subset; the number box takes the whole allowed range).
    pub slider: (f64, f64),
    /// Slider step in shown units (in log10 units when `log`).
    pub step: f64,
    /// Whether the slider moves on a logarithmic scale (values spanning orders of magnitude).
    pub log: bool,
}

impl Lever {
    /// A stored value as shown in the number box.
    pub fn shown(&self, value: f64) -> f64 {
        value * self.scale
    }

    /// The slider position for a stored value.
    pub fn slider_position(&self, value: f64) -> f64 {
        let shown = self.shown(value);
        if self.log {
            shown.max(self.slider.0).log10()
        } else {
            shown
        }
    }

    /// The stored value for a slider position, rounded to what the slider can express.
    pub fn value_at(&self, position: f64) -> f64 {
        let shown = if self.log { round_significant(10f64.powf(position), 3) } else { position };
        let value = self.stored(shown);
        if self.field.integer {
            value.round()
        } else {
            value
        }
    }

    /// The stored value for a shown one: `0.07` % is stored as 0.0007, not 0.0007000000000000001.
    /// Dividing by the scale leaves such float noise, which would then travel into links, exports
    /// and saved designs; fifteen significant digits are more than any lever shows.
    pub fn stored(&self, shown: f64) -> f64 {
        let value = shown / self.scale;
        if value.is_finite() {
            number::parse(&format!("{value:.14e}")).unwrap_or(value)
        } else {
            value
        }
    }

    /// Slider bounds as the `<input type=range>` needs them.
    pub fn slider_bounds(&self) -> (f64, f64) {
        if self.log {
            (self.slider.0.log10(), self.slider.1.log10())
        } else {
            self.slider
        }
    }
}

fn round_significant(value: f64, digits: i32) -> f64 {
    if value == 0.0 {
        return 0.0;
    }
    let factor = 10f64.powi(digits - 1 - value.abs().log10().floor() as i32);
    (value * factor).round() / factor
}

macro_rules! lever {
    ($key:literal, $help:literal, $scale:expr, $unit:literal, $slider:expr, $step:expr, $log:expr) => {
        Lever {
            field: match numeric_field($key) {
                Some(f) => f,
                None => panic!(concat!("no numeric field ", $key)),
            },
            help: $help,
            scale: $scale,
            unit: $unit,
            slider: $slider,
            step: $step,
            log: $log,
        }
    };
}

/// The lever for a numeric field key.
pub fn lever(key: &str) -> Lever {
    match key {
        "burn_share" => lever!("burn_share", "Share of the protocol's fee take destroyed automatically, by the protocol, not by a vote.", 100.0, "%", (0.0, 100.0), 1.0, false),
        "staker_share" => lever!("staker_share", "Share of the take paid to stakers as revenue: a direct claim of holders on protocol revenue.", 100.0, "%", (0.0, 100.0), 1.0, false),
        "protocol_take" => lever!("protocol_take", "Share of gross fees the protocol controls. The rest goes to liquidity providers and intermediaries: leaked, from holders' view.", 100.0, "%", (0.0, 100.0), 1.0, false),
        "conversion_cost" => lever!("conversion_cost", "Lost to spreads and swaps when stablecoin or external-asset fees are converted to buy the token back.", 100.0, "%", (0.0, 10.0), 0.1, false),
        "target_staking_apr" => lever!("target_staking_apr", "Yield promised to stakers a year, paid from fees or minted depending on the yield source.", 100.0, "%/yr", (0.0, 30.0), 0.5, false),
        "staked_fraction" => lever!("staked_fraction", "Share of supply locked in staking. Locked is not consumed: it can come back.", 100.0, "%", (0.0, 100.0), 1.0, false),
        "reward_sell_share" => lever!("reward_sell_share", "Share of minted rewards that stakers sell. Inflation-paid staking is \"a time-delayed dump schedule\".", 100.0, "%", (0.0, 100.0), 1.0, false),
        "fee_growth" => lever!("fee_growth", "Annual growth of usage, as gross fees. Jevons: when use gets cheaper, total spend can still rise.", 100.0, "%/yr", (-90.0, 300.0), 1.0, false),
        "annual_fees_usd" => lever!("annual_fees_usd", "Gross fees users pay in the first year, in millions of USD.", 1e-6, "M USD", (0.01, 100_000.0), 0.01, true),
        "initial_supply" => lever!("initial_supply", "Token supply at the start, in millions of tokens.", 1e-6, "M tokens", (1.0, 1_000_000.0), 0.01, true),
        "initial_price_usd" => lever!("initial_price_usd", "Token price at the start, in USD.", 1.0, "USD", (0.001, 1000.0), 0.01, true),
        "price_growth" => lever!("price_growth", "Assumed market trend of the price a year, independent of the design.", 100.0, "%/yr", (-90.0, 200.0), 1.0, false),
        "price_to_fees" => lever!("price_to_fees", "Fully diluted market cap as a multiple of annualised fees: price backed by fee revenue.", 1.0, "×", (1.0, 200.0), 1.0, false),
        "turnover" => lever!("turnover", "Annual trading volume over market cap. It moves no supply: trading is not consumption.", 1.0, "×/yr", (0.0, 200.0), 1.0, false),
        "years" => lever!("years", "Projection horizon.", 1.0, "years", (1.0, 50.0), 1.0, false),
        "discount_rate" => lever!("discount_rate", "Annual rate at which future holder cash flows are discounted to today.", 100.0, "%/yr", (0.0, 50.0), 0.5, false),
        "growth_volatility" => lever!("growth_volatility", "How uncertain fee growth is: the annual volatility of each Monte Carlo path's growth.", 100.0, "%/yr", (0.0, 100.0), 1.0, false),
        "speculation_shock.year" => lever!("speculation_shock.year", "First year in which speculation fades.", 1.0, "year", (1.0, 50.0), 1.0, false),
        "speculation_shock.turnover_drop" => lever!("speculation_shock.turnover_drop", "How much trading turnover falls from then on.", 100.0, "%", (0.0, 100.0), 1.0, false),
        "speculation_shock.price_drop" => lever!("speculation_shock.price_drop", "How much the price falls from then on (fixed price model only).", 100.0, "%", (0.0, 99.0), 1.0, false),
        "paths" => lever!("paths", "How many random futures to simulate. More paths, smoother bands, more work.", 1.0, "paths", (100.0, 20_000.0), 100.0, false),
        other => panic!("no lever for {other}"),
    }
}

/// Why a lever does not apply to the current design, if it does not.
pub fn disabled_reason(key: &str, s: &Scenario) -> Option<&'static str> {
    match key {
        "conversion_cost" if s.fee_denomination == FeeDenomination::Native => {
            Some("Not used: native fees are burned directly, with no buyback.")
        }
        "target_staking_apr" if s.staking_yield_source == YieldSource::Revenue => {
            Some("Not used: revenue-funded staking pays only the staker share of fees.")
        }
        "reward_sell_share" if s.staking_yield_source == YieldSource::Revenue => {
            Some("Not used: revenue-funded staking mints nothing to sell.")
        }
        "price_growth" | "initial_price_usd" if s.price_model == PriceModel::FeeMultiple => {
            Some("Not used: under the fee-multiple model the price follows fees.")
        }
        "price_to_fees" if s.price_model == PriceModel::Fixed => {
            Some("Not used: under the fixed model the price follows its own trend.")
        }
        k if k.starts_with("speculation_shock.") && s.speculation_shock.is_none() => {
            Some("Not used: turn on the speculation shock above to set this.")
        }
        "speculation_shock.price_drop" if s.price_model == PriceModel::FeeMultiple => {
            Some("Not used: under the fee-multiple model the price follows fees, not traders.")
        }
        _ => None,
    }
}

/// Groups of levers as the controls panel shows them: (heading, keys). Choice levers are named
/// by their scenario key too and rendered as selects.
pub const GROUPS: &[(&str, &[&str])] = &[
    ("Fees", &["fee_denomination", "annual_fees_usd", "fee_growth", "protocol_take", "conversion_cost"]),
    (
        "Burn and staking",
        &[
            "burn_share",
            "staker_share",
            "staking_yield_source",
            "target_staking_apr",
            "staked_fraction",
            "reward_sell_share",
        ],
    ),
    (
        "Market",
        &[
            "initial_supply",
            "price_model",
            "initial_price_usd",
            "price_growth",
            "price_to_fees",
            "turnover",
            "years",
            "discount_rate",
        ],
    ),
    ("Uncertainty", &[BANDS_TOGGLE, "growth_volatility", "paths"]),
    (
        "Speculation shock",
        &[SHOCK_TOGGLE, "speculation_shock.year", "speculation_shock.turnover_drop", "speculation_shock.price_drop"],
    ),
];

/// The pseudo-key of the checkbox that shows Monte Carlo bands.
pub const BANDS_TOGGLE: &str = "bands";

/// The pseudo-key of the checkbox that turns the speculation shock on and off.
pub const SHOCK_TOGGLE: &str = "speculation_shock";

#[cfg(test)]
mod tests {
    use super::*;
    use consumption_lab_engine::fields::NUMERIC_FIELDS;

    #[test]
    fn every_numeric_field_has_a_lever_whose_slider_fits_its_range() {
        for f in NUMERIC_FIELDS {
            let l = lever(f.key);
            let (lo, hi) = (l.slider.0 / l.scale, l.slider.1 / l.scale);
            assert!(f.check(lo).is_ok() && f.check(hi).is_ok(), "{} slider {lo}..{hi}", f.key);
        }
        for (_, keys) in GROUPS {
            for key in *keys {
                let known = crate::choices::choice(key).is_some()
                    || numeric_field(key).is_some()
                    || *key == SHOCK_TOGGLE
                    || *key == BANDS_TOGGLE;
                assert!(known, "{key} in a group but not a field");
            }
        }
    }

    #[test]
    fn shock_levers_fit_their_ranges() {
        for f in consumption_lab_engine::fields::SHOCK_FIELDS {
            let l = lever(f.key);
            assert!(f.check(l.slider.0 / l.scale).is_ok() && f.check(l.slider.1 / l.scale).is_ok(), "{}", f.key);
        }
    }

    #[test]
    fn shown_values_are_stored_without_float_noise() {
        assert_eq!(lever("annual_fees_usd").stored(0.1), 100_000.0);
        assert_eq!(lever("burn_share").stored(0.07), 0.0007);
        assert_eq!(lever("fee_growth").stored(14.5), 0.145);
        assert_eq!(lever("initial_supply").value_at(14.5f64.log10()), 14_500_000.0);
        assert!(lever("burn_share").stored(f64::INFINITY).is_infinite());
    }

    #[test]
    fn slider_round_trips_the_default() {
        let s = Scenario::default();
        for f in NUMERIC_FIELDS {
            let l = lever(f.key);
            let back = l.value_at(l.slider_position((f.get)(&s)));
            assert!((back - (f.get)(&s)).abs() <= 1e-9 * (f.get)(&s).abs().max(1.0), "{}", f.key);
        }
    }
}
