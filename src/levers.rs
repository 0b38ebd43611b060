//! How each scenario field appears as a lever: the help text in the essay's terms, the unit it is
//! shown in, the slider's practical range, and when it does not apply. Ranges that are *allowed*
//! live in the engine (`fields::NUMERIC_FIELDS`); this file only says how to present them.

use crate::choices::{Choice, FEE_DENOMINATION, GOVERNANCE, PRICE_MODEL, STAKING_YIELD_SOURCE, VALUATION_BASIS};
use consumption_lab_engine::fields::{self as f, NumericField};
use consumption_lab_engine::number;
use consumption_lab_engine::{EmissionSchedule, FeeDenomination, PriceModel, Scenario, YieldSource};

/// Presentation of one numeric lever. Levers are `static`s (`levers::BURN_SHARE`), so actions
/// and props carry the lever itself, never a key to look up.
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

impl PartialEq for Lever {
    fn eq(&self, other: &Self) -> bool {
        self.field == other.field
    }
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

    /// The shown value for a slider position, rounded to what the slider can express. Sliders
    /// and number boxes both speak in shown units; [`Lever::stored`] is the one way back.
    pub fn shown_at(&self, position: f64) -> f64 {
        if self.log {
            round_significant(10f64.powf(position), 3)
        } else {
            position
        }
    }

    /// The stored value for a shown one: `0.07` % is stored as 0.0007, not 0.0007000000000000001.
    /// Dividing by the scale leaves such float noise, which would then travel into links, exports
    /// and saved designs; fifteen significant digits are more than any lever shows. Whole-number
    /// fields are rounded.
    pub fn stored(&self, shown: f64) -> f64 {
        let value = shown / self.scale;
        if !value.is_finite() {
            return value;
        }
        let value = number::parse(&format!("{value:.14e}")).unwrap_or(value);
        if self.field.integer {
            value.round()
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
    ($field:ident, $help:literal, $scale:expr, $unit:literal, $slider:expr, $step:expr, $log:expr) => {
        Lever { field: &f::$field, help: $help, scale: $scale, unit: $unit, slider: $slider, step: $step, log: $log }
    };
}

macro_rules! levers {
    ($( $name:ident: $help:literal, $scale:expr, $unit:literal, $slider:expr, $step:expr, $log:expr; )*) => {
        $(
            #[doc = concat!("The lever of `", stringify!($name), "`.")]
            pub static $name: Lever = lever!($name, $help, $scale, $unit, $slider, $step, $log);
        )*
        /// Every numeric lever.
        pub static LEVERS: &[&Lever] = &[$(&$name),*];
    };
}

levers! {
    BURN_SHARE: "Share of the protocol's fee take destroyed automatically, by the protocol, not by a vote.", 100.0, "%", (0.0, 100.0), 1.0, false;
    STAKER_SHARE: "Share of the take paid to stakers as revenue: a direct claim of holders on protocol revenue.", 100.0, "%", (0.0, 100.0), 1.0, false;
    PROTOCOL_TAKE: "Share of gross fees the protocol controls. The rest goes to liquidity providers and intermediaries: leaked, from holders' view.", 100.0, "%", (0.0, 100.0), 1.0, false;
    CONVERSION_COST: "Lost to spreads and swaps when stablecoin or external-asset fees are converted to buy the token back.", 100.0, "%", (0.0, 10.0), 0.1, false;
    TARGET_STAKING_APR: "Yield promised to stakers a year, paid from fees or minted depending on the yield source.", 100.0, "%/yr", (0.0, 30.0), 0.5, false;
    STAKED_FRACTION: "Share of the stakeable tokens (outside vesting and the treasury) staked at launch; from there stakers follow the yield (Advanced). Locked is not consumed: it can come back.", 100.0, "%", (0.0, 100.0), 1.0, false;
    REWARD_SELL_SHARE: "Share of minted rewards that stakers sell. Inflation-paid staking is \"a time-delayed dump schedule\".", 100.0, "%", (0.0, 100.0), 1.0, false;
    FEE_GROWTH: "Annual growth of usage, as gross fees. Jevons: when use gets cheaper, total spend can still rise.", 100.0, "%/yr", (-90.0, 300.0), 1.0, false;
    ANNUAL_FEES_USD: "Gross fees users pay in the first year, in millions of USD.", 1e-6, "M USD", (0.01, 100_000.0), 0.01, true;
    INITIAL_SUPPLY: "Token supply at the start, in millions of tokens.", 1e-6, "M tokens", (1.0, 1_000_000.0), 0.01, true;
    INITIAL_PRICE_USD: "Token price at the start, in USD.", 1.0, "USD", (0.001, 1000.0), 0.01, true;
    PRICE_GROWTH: "Market model: the trend a year of the speculative premium (what the launch price is above the fundamental value). Fixed model: the price's own trend. Independent of the design.", 100.0, "%/yr", (-90.0, 200.0), 1.0, false;
    PRICE_TO_FEES: "The valuation multiple: market cap over a year of what the token is valued on (what reaches holders, or gross fees).", 1.0, "×", (1.0, 200.0), 1.0, false;
    LIQUIDITY: "How deep the market is, as a share of the circulating market cap: the value of both sides of the pool a month's buys and sells trade against. Selling 1 % of what circulates moves a 50 % deep market about −7.5 %.", 100.0, "%", (1.0, 500.0), 1.0, false;
    VALUATION_PULL: "Share of the gap between the price and the value it is pulled toward that traders close each month. 20 %: a gap halves in about three months.", 100.0, "%/mo", (0.0, 100.0), 1.0, false;
    FEE_SPECULATION_SHARE: "Share of fees that comes from speculative activity and leaves with the speculators. 0 is the essay's claim (fees are use); 100 % its opposite.", 100.0, "%", (0.0, 100.0), 1.0, false;
    TURNOVER: "Annual trading volume over market cap. It moves no supply: trading is not consumption.", 1.0, "×/yr", (0.0, 200.0), 1.0, false;
    YEARS: "Projection horizon.", 1.0, "years", (1.0, 50.0), 1.0, false;
    DISCOUNT_RATE: "Annual rate at which future holder cash flows are discounted to today.", 100.0, "%/yr", (0.0, 50.0), 0.5, false;
    GROWTH_VOLATILITY: "How uncertain fee growth is: the annual volatility of each Monte Carlo path's growth.", 100.0, "%/yr", (0.0, 100.0), 1.0, false;
    SHOCK_YEAR: "First year in which speculation fades.", 1.0, "year", (1.0, 50.0), 1.0, false;
    SHOCK_TURNOVER_DROP: "The share of speculators who leave: trading turnover falls by it, and in the market their premium leaves the price.", 100.0, "%", (0.0, 100.0), 1.0, false;
    SHOCK_PRICE_DROP: "How much the price falls from then on (fixed price model only).", 100.0, "%", (0.0, 99.0), 1.0, false;
    PATHS: "How many random futures to simulate. More paths, smoother bands, more work.", 1.0, "paths", (100.0, 20_000.0), 100.0, false;
    INITIAL_RATE: "Disinflation: the share of supply minted in the first year (Solana: 8 %).", 100.0, "%/yr", (0.0, 30.0), 0.1, false;
    DECLINE: "Disinflation: how much the rate falls each year (Solana: 15 %).", 100.0, "%/yr", (0.0, 100.0), 1.0, false;
    FLOOR: "Disinflation: the rate it never falls below (Solana: 1.5 %).", 100.0, "%/yr", (0.0, 10.0), 0.1, false;
    TOKENS_PER_YEAR: "Halving: tokens minted in the first period, a year, in millions.", 1e-6, "M tokens/yr", (0.01, 10_000.0), 0.01, true;
    HALVING_YEARS: "Halving: years between halvings (Bitcoin about 4, Helium 2).", 1.0, "years", (0.25, 50.0), 0.25, false;
    SQRT_FACTOR: "Square root of the stake: tokens a year per square root of the staked amount (Ethereum: 166.3).", 1.0, "×", (1.0, 100_000.0), 0.01, true;
    TOKENS_PER_MONTH: "Fixed: tokens minted each month, in millions (an incentive programme).", 1e-6, "M tokens/mo", (0.001, 1_000.0), 0.01, true;
    MAX_SUPPLY: "The most tokens there can ever be: every schedule stops minting there.", 1e-6, "M tokens", (1.0, 1_000_000.0), 0.01, true;
    STAKE_ADJUSTMENT_SPEED: "How fast stakers follow the yield: the share of the gap to the stake this month's real yield would sustain that they close each month. 0 keeps the stake where it started.", 100.0, "%/mo", (0.0, 100.0), 1.0, false;
    REQUIRED_STAKING_YIELD: "The opportunity cost: the real yield a year (fees and rewards over the stake, less dilution) below which stakers leave and above which more come.", 100.0, "%/yr", (0.0, 30.0), 0.5, false;
    MAX_STAKED_FRACTION: "The most of the stakeable tokens ever staked, however high the yield: exchanges and traders keep the rest liquid (the highest networks reach about 80 %).", 100.0, "%", (0.0, 100.0), 1.0, false;
    UNBONDING_MONTHS: "How long unstaked tokens wait before they can be sold (Cosmos 21 days, Polkadot 28).", 1.0, "months", (0.0, 12.0), 1.0, false;
    STAKE_TRADE_SHARE: "Share of the stake's moves that trade: new stake bought in the market, released stake sold into it. The rest moves between holders' own wallets.", 100.0, "%", (0.0, 100.0), 1.0, false;
    SLASHING_RATE: "Expected share of the stake destroyed a year for faults. Burned, so it is consumption, but not by use.", 100.0, "%/yr", (0.0, 20.0), 0.1, false;
    TREASURY_BUDGET_USD: "What the treasury spends a month, in thousands of USD: paid from its stablecoin income first, then by selling its tokens.", 1e-3, "k USD/mo", (1.0, 100_000.0), 0.01, true;
    TREASURY_BUDGET_GROWTH: "How fast the treasury's budget grows a year.", 100.0, "%/yr", (-50.0, 100.0), 1.0, false;
}

/// The advanced part's groups of how holders respond: (heading, controls).
pub static HOLDER_GROUPS: &[(&str, &[Item])] = {
    use Item::{Choice as C, Number as N};
    &[
        (
            "Stakers who follow the yield",
            &[
                N(&STAKE_ADJUSTMENT_SPEED),
                N(&REQUIRED_STAKING_YIELD),
                N(&MAX_STAKED_FRACTION),
                N(&UNBONDING_MONTHS),
                N(&STAKE_TRADE_SHARE),
            ],
        ),
        ("Treasury spending", &[N(&TREASURY_BUDGET_USD), N(&TREASURY_BUDGET_GROWTH)]),
        ("Slashing and governance", &[N(&SLASHING_RATE), C(&GOVERNANCE)]),
    ]
};

/// The disinflation schedule's parameters.
static DISINFLATION: [&Lever; 3] = [&INITIAL_RATE, &DECLINE, &FLOOR];
/// The halving schedule's parameters.
static HALVING: [&Lever; 2] = [&TOKENS_PER_YEAR, &HALVING_YEARS];
/// The square-root schedule's parameter.
static SQRT_STAKED: [&Lever; 1] = [&SQRT_FACTOR];
/// The fixed schedule's parameter.
static FIXED: [&Lever; 1] = [&TOKENS_PER_MONTH];

/// The emission schedule's parameters, each shown only under its own schedule.
pub fn emission_levers(schedule: EmissionSchedule) -> &'static [&'static Lever] {
    match schedule {
        EmissionSchedule::TargetApr => &[],
        EmissionSchedule::Disinflation => &DISINFLATION,
        EmissionSchedule::Halving => &HALVING,
        EmissionSchedule::SqrtStaked => &SQRT_STAKED,
        EmissionSchedule::FixedPerMonth => &FIXED,
    }
}

/// The lever of a numeric field, if it has one (every field does: a test says so).
pub fn lever_of(field: &NumericField) -> Option<&'static Lever> {
    LEVERS.iter().find(|l| l.field == field).copied()
}

/// Why a lever does not apply to the current design, if it does not.
pub fn disabled_reason(lever: &Lever, s: &Scenario) -> Option<&'static str> {
    let burn_and_mint = s.fee_denomination == FeeDenomination::BurnAndMint;
    match lever.field.key {
        "protocol_take" | "burn_share" | "staker_share" | "conversion_cost" if burn_and_mint => {
            Some("Not used: under burn and mint every fee dollar buys the token and burns it; providers are paid by the emission schedule.")
        }
        "conversion_cost" if s.fee_denomination == FeeDenomination::Native => {
            Some("Not used: native fees are burned directly, with no buyback.")
        }
        "target_staking_apr" if s.emission.schedule != EmissionSchedule::TargetApr => {
            Some("Not used: the emission schedule decides what is minted (see Advanced).")
        }
        "target_staking_apr" if s.staking_yield_source == YieldSource::Revenue => {
            Some("Not used: revenue-funded staking pays only the staker share of fees.")
        }
        "reward_sell_share"
            if s.staking_yield_source == YieldSource::Revenue && s.emission.schedule == EmissionSchedule::TargetApr =>
        {
            Some("Not used: revenue-funded staking mints nothing to sell.")
        }
        "price_growth" | "initial_price_usd" if s.price_model == PriceModel::FeeMultiple => {
            Some("Not used: under the fee-multiple model the price follows fees.")
        }
        "price_to_fees" if s.price_model == PriceModel::Fixed => {
            Some("Not used: under the fixed model the price follows its own trend.")
        }
        "liquidity" | "valuation_pull" if s.price_model != PriceModel::Market => {
            Some("Not used: only the market price model trades through a market.")
        }
        k if k.starts_with("speculation_shock.") && s.speculation_shock.is_none() => {
            Some("Not used: turn on the speculation shock above to set this.")
        }
        "speculation_shock.price_drop" if s.price_model == PriceModel::FeeMultiple => {
            Some("Not used: under the fee-multiple model the price follows fees, not traders.")
        }
        "speculation_shock.price_drop" if s.price_model == PriceModel::Market => {
            Some("Not used: in the market the price falls as the speculators who leave sell.")
        }
        "fee_speculation_share" if s.speculation_shock.is_none() => {
            Some("Not used: turn on the speculation shock above to set this.")
        }
        "max_supply" if s.max_supply.is_none() => Some("Not used: no cap is set."),
        "required_staking_yield" | "max_staked_fraction" | "unbonding_months" | "stake_trade_share"
            if s.stake_adjustment_speed == 0.0 && !changed(s, "stake_adjustment_speed") =>
        {
            Some("Not used: at zero speed the stake never moves.")
        }
        "treasury_budget_growth" if s.treasury_budget_usd == 0.0 && !changed(s, "treasury_budget_usd") => {
            Some("Not used: the treasury has no budget.")
        }
        _ => None,
    }
}

/// Whether a change over time sets `key` (a lever off at launch may apply later).
fn changed(s: &Scenario, key: &str) -> bool {
    s.changes.iter().any(|c| c.field == key)
}

/// Why a choice does not apply to the current design, if it does not.
pub fn choice_disabled_reason(choice: &Choice, s: &Scenario) -> Option<&'static str> {
    (choice.key == "staking_yield_source" && s.emission.schedule != EmissionSchedule::TargetApr)
        .then_some("Not used: the emission schedule decides what is minted (see Advanced).")
}

/// One control of the levers panel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// A slider with a number box.
    Number(&'static Lever),
    /// A select.
    Choice(&'static Choice),
    /// The checkbox that shows Monte Carlo bands.
    BandsToggle,
    /// The checkbox that turns the speculation shock on and off.
    ShockToggle,
}

/// Groups of levers as the controls panel shows them: (heading, controls).
pub static GROUPS: &[(&str, &[Item])] = {
    use Item::{BandsToggle, Choice as C, Number as N, ShockToggle};
    &[
        ("Fees", &[C(&FEE_DENOMINATION), N(&ANNUAL_FEES_USD), N(&FEE_GROWTH), N(&PROTOCOL_TAKE), N(&CONVERSION_COST)]),
        (
            "Burn and staking",
            &[
                N(&BURN_SHARE),
                N(&STAKER_SHARE),
                C(&STAKING_YIELD_SOURCE),
                N(&TARGET_STAKING_APR),
                N(&STAKED_FRACTION),
                N(&REWARD_SELL_SHARE),
            ],
        ),
        (
            "Market",
            &[
                C(&PRICE_MODEL),
                N(&INITIAL_PRICE_USD),
                N(&INITIAL_SUPPLY),
                C(&VALUATION_BASIS),
                N(&PRICE_TO_FEES),
                N(&LIQUIDITY),
                N(&VALUATION_PULL),
                N(&PRICE_GROWTH),
                N(&TURNOVER),
                N(&YEARS),
                N(&DISCOUNT_RATE),
            ],
        ),
        ("Uncertainty", &[BandsToggle, N(&GROWTH_VOLATILITY), N(&PATHS)]),
        (
            "Speculation shock",
            &[ShockToggle, N(&SHOCK_YEAR), N(&SHOCK_TURNOVER_DROP), N(&FEE_SPECULATION_SHARE), N(&SHOCK_PRICE_DROP)],
        ),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;
    use consumption_lab_engine::fields::{EMISSION_FIELDS, MAX_SUPPLY as CAP, NUMERIC_FIELDS, SHOCK_FIELDS};

    #[test]
    fn every_numeric_field_has_one_lever_whose_slider_fits_its_range() {
        for f in NUMERIC_FIELDS.iter().chain(SHOCK_FIELDS).chain(EMISSION_FIELDS).chain([&&CAP]) {
            let l = lever_of(f).unwrap_or_else(|| panic!("{} has no lever", f.key));
            let (lo, hi) = (l.slider.0 / l.scale, l.slider.1 / l.scale);
            assert!(f.check(lo).is_ok() && f.check(hi).is_ok(), "{} slider {lo}..{hi}", f.key);
            assert_eq!(LEVERS.iter().filter(|l| l.field == *f).count(), 1, "{}", f.key);
        }
        assert_eq!(LEVERS.len(), NUMERIC_FIELDS.len() + SHOCK_FIELDS.len() + EMISSION_FIELDS.len() + 1);
        // The panel's groups, and the advanced section: the cap and each schedule's parameters.
        use EmissionSchedule::*;
        let advanced =
            [TargetApr, Disinflation, Halving, SqrtStaked, FixedPerMonth].into_iter().flat_map(emission_levers);
        let shown: Vec<&Lever> = GROUPS
            .iter()
            .chain(HOLDER_GROUPS)
            .flat_map(|(_, items)| items.iter())
            .filter_map(|i| if let Item::Number(l) = i { Some(*l) } else { None })
            .chain(advanced.copied())
            .chain([&MAX_SUPPLY])
            .collect();
        for l in LEVERS {
            assert_eq!(shown.iter().filter(|s| **s == *l).count(), 1, "{} must be in exactly one group", l.field.key);
        }
        for c in crate::choices::CHOICES.iter().filter(|c| **c != &crate::choices::EMISSION_SCHEDULE) {
            let placed = GROUPS
                .iter()
                .chain(HOLDER_GROUPS)
                .flat_map(|(_, items)| items.iter())
                .filter(|i| **i == Item::Choice(c))
                .count();
            assert_eq!(placed, 1, "{} must be in exactly one group", c.key);
        }
    }

    #[test]
    fn shown_values_are_stored_without_float_noise() {
        assert_eq!(ANNUAL_FEES_USD.stored(0.1), 100_000.0);
        assert_eq!(BURN_SHARE.stored(0.07), 0.0007);
        assert_eq!(FEE_GROWTH.stored(14.5), 0.145);
        assert_eq!(INITIAL_SUPPLY.stored(INITIAL_SUPPLY.shown_at(14.5f64.log10())), 14_500_000.0);
        assert_eq!(YEARS.stored(7.4), 7.0, "whole-number fields are rounded");
        assert!(BURN_SHARE.stored(f64::INFINITY).is_infinite());
    }

    #[test]
    fn slider_round_trips_the_default() {
        let s = Scenario::default();
        for l in LEVERS.iter().filter(|l| NUMERIC_FIELDS.contains(&l.field)) {
            let value = (l.field.get)(&s);
            let back = l.stored(l.shown_at(l.slider_position(value)));
            assert!((back - value).abs() <= 1e-9 * value.abs().max(1.0), "{}", l.field.key);
        }
    }
}
