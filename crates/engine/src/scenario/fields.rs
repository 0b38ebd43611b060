//! Metadata for every numeric scenario field: key, label, unit and allowed range.
//!
//! One table serves validation, the app's levers, share links and the sensitivity sweep, so a
//! range is written down exactly once. Getters and setters are plain `fn`s rather than
//! string-keyed lookups into a map, so a renamed field fails to compile instead of at run time.

use super::error::FieldError;
use super::number::trim;
use super::Scenario;

/// The unit a numeric field is expressed in (in JSON it is always the plain number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A share or rate, stored as a fraction (0.05) and shown as a percentage (5 %).
    Fraction,
    /// US dollars.
    Usd,
    /// Token amounts.
    Tokens,
    /// Whole years.
    Years,
    /// Whole months.
    Months,
    /// A plain multiple (price-to-fees, 25×).
    Multiple,
    /// Times per year (turnover, 12×/yr).
    PerYear,
    /// A plain count.
    Count,
}

impl Unit {
    /// The value as a person would read it in this unit: `0.05` → `5 %`, `2e7` → `20,000,000 USD`.
    pub fn show(self, value: f64) -> String {
        match self {
            Unit::Fraction => format!("{} %", trim(value * 100.0)),
            Unit::Usd => format!("{} USD", trim(value)),
            Unit::Tokens => format!("{} tokens", trim(value)),
            Unit::Years => format!("{} {}", trim(value), if value == 1.0 { "year" } else { "years" }),
            Unit::Months => format!("{} {}", trim(value), if value == 1.0 { "month" } else { "months" }),
            Unit::Multiple => format!("{}×", trim(value)),
            Unit::PerYear => format!("{}×/yr", trim(value)),
            Unit::Count => trim(value),
        }
    }
}

/// A numeric scenario field with its allowed range. Each is a `static` below, so a field has a
/// typed identity (`&BURN_SHARE`) that the app's levers and actions use instead of its key; two
/// are the same field when their keys are equal.
#[derive(Debug)]
pub struct NumericField<T: 'static = Scenario> {
    /// The JSON / query-string key, snake_case.
    pub key: &'static str,
    /// The label people see in the app.
    pub label: &'static str,
    /// Unit the value is shown in.
    pub unit: Unit,
    /// Lower bound of the allowed range.
    pub min: f64,
    /// Whether `min` itself is allowed (fee growth must be strictly greater than -1).
    pub min_inclusive: bool,
    /// Upper bound of the allowed range, always inclusive.
    pub max: f64,
    /// Whether only whole numbers are allowed (years).
    pub integer: bool,
    /// Reads the field.
    pub get: fn(&T) -> f64,
    /// Writes the field; call only with a value `check` accepted.
    pub set: fn(&mut T, f64),
}

impl<T> PartialEq for NumericField<T> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl<T> NumericField<T> {
    /// `Ok` when `value` is finite, in range and (if needed) whole.
    pub fn check(&self, value: f64) -> Result<(), FieldError> {
        let in_range = value.is_finite()
            && (if self.min_inclusive { value >= self.min } else { value > self.min })
            && value <= self.max
            && (!self.integer || value.fract() == 0.0);
        if in_range {
            Ok(())
        } else {
            Err(FieldError::new(self.key, value, &self.range_text(), &self.range_text_shown(), self.unit.show(value)))
        }
    }

    /// The allowed range in words, in the JSON's own numbers: "between 0 and 1".
    pub fn range_text(&self) -> String {
        self.range_with(trim)
    }

    /// The allowed range in words, in the unit people see: "between 0 % and 100 %".
    pub fn range_text_shown(&self) -> String {
        self.range_with(|v| self.unit.show(v))
    }

    /// The allowed range in words with each bound written by `show` (a lever's own units).
    pub fn range_with(&self, show: impl Fn(f64) -> String) -> String {
        let whole = if self.integer { "a whole number " } else { "" };
        if self.min_inclusive {
            format!("{whole}between {} and {}", show(self.min), show(self.max))
        } else {
            format!("{whole}greater than {} and at most {}", show(self.min), show(self.max))
        }
    }
}

macro_rules! field {
    ($key:ident, $label:expr, $unit:expr, $min:expr, $min_incl:expr, $max:expr) => {
        NumericField {
            key: stringify!($key),
            label: $label,
            unit: $unit,
            min: $min,
            min_inclusive: $min_incl,
            max: $max,
            integer: false,
            get: |s| s.$key,
            set: |s, v| s.$key = v,
        }
    };
}

macro_rules! whole {
    ($key:ident, $label:expr, $unit:expr, $min:expr, $max:expr) => {
        NumericField {
            key: stringify!($key),
            label: $label,
            unit: $unit,
            min: $min,
            min_inclusive: true,
            max: $max,
            integer: true,
            get: |s| f64::from(s.$key),
            set: |s, v| s.$key = v as _,
        }
    };
}

/// `burn_share`: share of the protocol take burned.
pub static BURN_SHARE: NumericField = field!(burn_share, "Burn share", Unit::Fraction, 0.0, true, 1.0);
/// `staker_share`: share of the protocol take paid to stakers.
pub static STAKER_SHARE: NumericField = field!(staker_share, "Staker share", Unit::Fraction, 0.0, true, 1.0);
/// `protocol_take`: share of gross fees the protocol controls.
pub static PROTOCOL_TAKE: NumericField = field!(protocol_take, "Protocol take", Unit::Fraction, 0.0, true, 1.0);
/// `conversion_cost`: share of a buyback lost to intermediaries.
pub static CONVERSION_COST: NumericField = field!(conversion_cost, "Conversion cost", Unit::Fraction, 0.0, true, 1.0);
/// `target_staking_apr`: annual reward rate promised to stakers.
pub static TARGET_STAKING_APR: NumericField =
    field!(target_staking_apr, "Target staking APR", Unit::Fraction, 0.0, true, 1.0);
/// `staked_fraction`: share of supply staked.
pub static STAKED_FRACTION: NumericField = field!(staked_fraction, "Staked fraction", Unit::Fraction, 0.0, true, 1.0);
/// `reward_sell_share`: share of minted rewards sold.
pub static REWARD_SELL_SHARE: NumericField =
    field!(reward_sell_share, "Reward sell share", Unit::Fraction, 0.0, true, 1.0);
/// `fee_growth`: annual growth of gross fees.
pub static FEE_GROWTH: NumericField = field!(fee_growth, "Fee growth", Unit::Fraction, -1.0, false, 100.0);
/// `annual_fees_usd`: gross fees in the first year.
pub static ANNUAL_FEES_USD: NumericField = field!(annual_fees_usd, "Annual fees", Unit::Usd, 0.0, true, 1e15);
/// `initial_supply`: supply at month 0.
pub static INITIAL_SUPPLY: NumericField = field!(initial_supply, "Initial supply", Unit::Tokens, 1.0, true, 1e15);
/// `initial_price_usd`: price at month 0.
pub static INITIAL_PRICE_USD: NumericField = field!(initial_price_usd, "Token price", Unit::Usd, 1e-9, true, 1e9);
/// `price_growth`: annual price trend under the fixed model.
pub static PRICE_GROWTH: NumericField = field!(price_growth, "Price growth", Unit::Fraction, -1.0, false, 100.0);
/// `price_to_fees`: market cap over annualised fees.
pub static PRICE_TO_FEES: NumericField =
    field!(price_to_fees, "Price-to-fees multiple", Unit::Multiple, 0.1, true, 1000.0);
/// `liquidity`: the market's depth as a share of the circulating market cap.
pub static LIQUIDITY: NumericField = field!(liquidity, "Market depth", Unit::Fraction, 0.001, true, 10.0);
/// `valuation_pull`: share of the gap to the valuation anchor closed each month.
pub static VALUATION_PULL: NumericField = field!(valuation_pull, "Pull toward value", Unit::Fraction, 0.0, true, 1.0);
/// `fee_speculation_share`: share of fees that falls with speculation.
pub static FEE_SPECULATION_SHARE: NumericField =
    field!(fee_speculation_share, "Speculative share of fees", Unit::Fraction, 0.0, true, 1.0);
/// `turnover`: annual trading volume over market cap.
pub static TURNOVER: NumericField = field!(turnover, "Turnover", Unit::PerYear, 0.0, true, 1000.0);
/// `discount_rate`: annual discount rate of the present value.
pub static DISCOUNT_RATE: NumericField = field!(discount_rate, "Discount rate", Unit::Fraction, 0.0, true, 1.0);
/// `growth_volatility`: annual volatility of fee growth in Monte Carlo paths.
pub static GROWTH_VOLATILITY: NumericField =
    field!(growth_volatility, "Growth volatility", Unit::Fraction, 0.0, true, 2.0);
/// `paths`: number of Monte Carlo paths.
pub static PATHS: NumericField = whole!(paths, "Monte Carlo paths", Unit::Count, 1.0, 100_000.0);
/// `required_staking_yield`: the real yield a year stakers need to stay.
pub static REQUIRED_STAKING_YIELD: NumericField =
    field!(required_staking_yield, "Required staking yield", Unit::Fraction, 0.0, true, 1.0);
/// `stake_adjustment_speed`: share of the gap to the sustainable stake closed each month.
pub static STAKE_ADJUSTMENT_SPEED: NumericField =
    field!(stake_adjustment_speed, "Stake adjustment speed", Unit::Fraction, 0.0, true, 1.0);
/// `max_staked_fraction`: the most of the stakeable tokens stakers hold.
pub static MAX_STAKED_FRACTION: NumericField =
    field!(max_staked_fraction, "Most ever staked", Unit::Fraction, 0.0, true, 1.0);
/// `unbonding_months`: how long unstaked tokens wait.
pub static UNBONDING_MONTHS: NumericField = whole!(unbonding_months, "Unbonding delay", Unit::Months, 0.0, 12.0);
/// `stake_trade_share`: share of stake moves bought or sold in the market.
pub static STAKE_TRADE_SHARE: NumericField =
    field!(stake_trade_share, "Stake moves traded", Unit::Fraction, 0.0, true, 1.0);
/// `slashing_rate`: expected share of stake slashed a year.
pub static SLASHING_RATE: NumericField = field!(slashing_rate, "Slashing rate", Unit::Fraction, 0.0, true, 1.0);
/// `treasury_budget_usd`: what the treasury spends a month.
pub static TREASURY_BUDGET_USD: NumericField =
    field!(treasury_budget_usd, "Treasury budget", Unit::Usd, 0.0, true, 1e12);
/// `treasury_budget_growth`: annual growth of the treasury's budget.
pub static TREASURY_BUDGET_GROWTH: NumericField =
    field!(treasury_budget_growth, "Budget growth", Unit::Fraction, -1.0, false, 10.0);
/// `years`: the horizon.
pub static YEARS: NumericField = whole!(years, "Years", Unit::Years, 1.0, 50.0);

/// Every numeric field of [`Scenario`], in the order the app shows them.
pub static NUMERIC_FIELDS: &[&NumericField] = &[
    &BURN_SHARE,
    &STAKER_SHARE,
    &PROTOCOL_TAKE,
    &CONVERSION_COST,
    &TARGET_STAKING_APR,
    &STAKED_FRACTION,
    &REWARD_SELL_SHARE,
    &FEE_GROWTH,
    &ANNUAL_FEES_USD,
    &INITIAL_SUPPLY,
    &INITIAL_PRICE_USD,
    &PRICE_GROWTH,
    &PRICE_TO_FEES,
    &LIQUIDITY,
    &VALUATION_PULL,
    &FEE_SPECULATION_SHARE,
    &TURNOVER,
    &DISCOUNT_RATE,
    &GROWTH_VOLATILITY,
    &PATHS,
    &YEARS,
    &REQUIRED_STAKING_YIELD,
    &STAKE_ADJUSTMENT_SPEED,
    &MAX_STAKED_FRACTION,
    &UNBONDING_MONTHS,
    &STAKE_TRADE_SHARE,
    &SLASHING_RATE,
    &TREASURY_BUDGET_USD,
    &TREASURY_BUDGET_GROWTH,
];

/// `speculation_shock.year`: the first year of the shock.
pub static SHOCK_YEAR: NumericField = NumericField {
    key: "speculation_shock.year",
    label: "Shock year",
    unit: Unit::Years,
    min: 1.0,
    min_inclusive: true,
    max: 50.0,
    integer: true,
    get: |s| f64::from(s.speculation_shock.unwrap_or_default().year),
    set: |s, v| s.speculation_shock.get_or_insert_default().year = v as u32,
};
/// `speculation_shock.turnover_drop`: how much turnover falls.
pub static SHOCK_TURNOVER_DROP: NumericField = NumericField {
    key: "speculation_shock.turnover_drop",
    label: "Turnover drop",
    unit: Unit::Fraction,
    min: 0.0,
    min_inclusive: true,
    max: 1.0,
    integer: false,
    get: |s| s.speculation_shock.unwrap_or_default().turnover_drop,
    set: |s, v| s.speculation_shock.get_or_insert_default().turnover_drop = v,
};
/// `speculation_shock.price_drop`: how much the fixed-model price falls.
pub static SHOCK_PRICE_DROP: NumericField = NumericField {
    key: "speculation_shock.price_drop",
    label: "Price drop",
    unit: Unit::Fraction,
    min: 0.0,
    min_inclusive: true,
    max: 0.99,
    integer: false,
    get: |s| s.speculation_shock.unwrap_or_default().price_drop,
    set: |s, v| s.speculation_shock.get_or_insert_default().price_drop = v,
};

/// The speculation shock's fields, checked only when a shock is set. Reading gives the default
/// shock's value when there is none; writing creates the shock.
pub static SHOCK_FIELDS: &[&NumericField] = &[&SHOCK_YEAR, &SHOCK_TURNOVER_DROP, &SHOCK_PRICE_DROP];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_in_range() {
        let s = Scenario::default();
        for f in NUMERIC_FIELDS {
            assert!(f.check((f.get)(&s)).is_ok(), "default of {} out of its range", f.key);
        }
    }

    #[test]
    fn setter_and_getter_agree() {
        for f in NUMERIC_FIELDS {
            let mut s = Scenario::default();
            let v = if f.integer { f.max } else { (f.min + f.max) / 2.0 };
            (f.set)(&mut s, v);
            assert_eq!((f.get)(&s), v, "{}", f.key);
        }
    }
}
