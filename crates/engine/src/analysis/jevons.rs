//! The Jevons explorer: when the unit price of a service falls by a factor, how do the volume
//! consumed and the total spend move, for a constant price elasticity of demand?
//!
//! With demand `Q ∝ P^(−ε)`, a price that falls by a factor `F` multiplies volume by `F^ε` and
//! spend (`P · Q`) by `F^(ε − 1)`. Spend rises as prices fall exactly when `ε > 1`: the Jevons
//! paradox. Solved the other way, an observed spend multiple `M` implies `ε = 1 + ln M / ln F`.
//! The essay's AI figures ($30 → $0.10 per million tokens, spend +320 %) imply ε ≈ 1.25.

use crate::scenario::error::{FieldError, ScenarioError};
use crate::scenario::fields::{NumericField, Unit};
use serde::{Deserialize, Serialize};

/// What is known besides the price factor and period: the elasticity, or the spend it produced.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Given {
    /// Price elasticity of demand (ε ≥ 0).
    Elasticity(f64),
    /// Total spend at the end over spend at the start (4.2 = +320 %).
    SpendMultiple(f64),
}

/// One point of the curves, as multiples of the starting values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct JevonsPoint {
    /// Years since the start of the period.
    pub year: f64,
    /// Unit price over the starting unit price.
    pub unit_price: f64,
    /// Volume consumed over the starting volume.
    pub volume: f64,
    /// Total spend over the starting spend.
    pub spend: f64,
}

/// The explorer's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Jevons {
    /// Factor by which the unit price fell over the period (300 = to 1/300th).
    pub price_factor: f64,
    /// Length of the period, years.
    pub years: f64,
    /// Price elasticity of demand, given or implied.
    pub elasticity: f64,
    /// Spend at the end over spend at the start, given or implied.
    pub spend_multiple: f64,
    /// Volume at the end over volume at the start.
    pub volume_multiple: f64,
    /// Annual growth of spend that compounds to the spend multiple over the period: what
    /// "Use as fee growth" carries into a projection.
    pub annual_spend_growth: f64,
    /// Annual change of the unit price (−0.94 = prices fall 94 % a year).
    pub annual_price_change: f64,
    /// The curves over the period, 49 points from year 0 to `years`.
    pub curve: Vec<JevonsPoint>,
}

/// Allowed ranges of the explorer's inputs.
pub static PRICE_FACTOR: NumericField = NumericField {
    key: "price_factor",
    label: "Unit price decline",
    unit: Unit::Multiple,
    min: 1.01,
    min_inclusive: true,
    max: 1e6,
    integer: false,
    get: |_| 0.0,
    set: |_, _| {},
};
/// Period in years.
pub static PERIOD: NumericField = NumericField {
    key: "years",
    label: "Period",
    unit: Unit::Years,
    min: 0.25,
    min_inclusive: true,
    max: 50.0,
    integer: false,
    get: |_| 0.0,
    set: |_, _| {},
};
/// Price elasticity of demand.
pub static ELASTICITY: NumericField = NumericField {
    key: "elasticity",
    label: "Demand elasticity",
    unit: Unit::Count,
    min: 0.0,
    min_inclusive: true,
    max: 5.0,
    integer: false,
    get: |_| 0.0,
    set: |_, _| {},
};
/// Observed spend multiple.
pub static SPEND_MULTIPLE: NumericField = NumericField {
    key: "spend_multiple",
    label: "Spend multiple",
    unit: Unit::Multiple,
    min: 1e-6,
    min_inclusive: true,
    max: 1e6,
    integer: false,
    get: |_| 0.0,
    set: |_, _| {},
};

/// The essay's AI figures: $30 per million tokens (GPT-4, March 2023) to $0.10 (Gemini 2.0 Flash,
/// February 2025), about two years, while enterprise spend rose 320 %.
pub const AI_TOKENS_2023_2025: (f64, f64, Given) = (30.0 / 0.10, 2.0, Given::SpendMultiple(4.2));

/// Solve the explorer for a price factor, a period and either the elasticity or the spend multiple.
pub fn jevons(price_factor: f64, years: f64, given: Given) -> Result<Jevons, ScenarioError> {
    let mut errors: Vec<FieldError> =
        [PRICE_FACTOR.check(price_factor), PERIOD.check(years)].into_iter().filter_map(Result::err).collect();
    match given {
        Given::Elasticity(e) => errors.extend(ELASTICITY.check(e).err()),
        Given::SpendMultiple(m) => errors.extend(SPEND_MULTIPLE.check(m).err()),
    }
    if !errors.is_empty() {
        return Err(ScenarioError::Invalid(errors));
    }
    let ln_f = libm::log(price_factor);
    let elasticity = match given {
        Given::Elasticity(e) => e,
        Given::SpendMultiple(m) => 1.0 + libm::log(m) / ln_f,
    };
    let spend_multiple = match given {
        Given::SpendMultiple(m) => m,
        Given::Elasticity(e) => libm::exp((e - 1.0) * ln_f),
    };
    let curve = (0..=48)
        .map(|i| {
            let year = years * f64::from(i) / 48.0;
            let fallen = libm::exp(ln_f * year / years); // price factor reached by `year`
            JevonsPoint {
                year,
                unit_price: 1.0 / fallen,
                volume: libm::pow(fallen, elasticity),
                spend: libm::pow(fallen, elasticity - 1.0),
            }
        })
        .collect();
    Ok(Jevons {
        price_factor,
        years,
        elasticity,
        spend_multiple,
        volume_multiple: libm::exp(elasticity * ln_f),
        annual_spend_growth: libm::pow(spend_multiple, 1.0 / years) - 1.0,
        annual_price_change: libm::pow(price_factor, -1.0 / years) - 1.0,
        curve,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_essays_ai_figures_imply_an_elasticity_above_one() {
        let (f, y, given) = AI_TOKENS_2023_2025;
        let j = jevons(f, y, given).unwrap();
        let want = 1.0 + 4.2f64.ln() / 300f64.ln();
        assert!((j.elasticity - want).abs() < 1e-3, "{}", j.elasticity);
        assert!((j.elasticity - want).abs() < 1e-12);
        assert!((j.annual_spend_growth - (4.2f64.sqrt() - 1.0)).abs() < 1e-12);
        assert!((j.volume_multiple - 300.0 * 4.2).abs() < 1e-6);
    }

    #[test]
    fn spend_multiple_follows_the_rule() {
        let j = jevons(300.0, 2.0, Given::Elasticity(1.25)).unwrap();
        assert!((j.spend_multiple - 300f64.powf(0.25)).abs() < 1e-12);
        let last = j.curve.last().unwrap();
        assert!((last.spend - j.spend_multiple).abs() < 1e-9);
        assert!((last.unit_price - 1.0 / 300.0).abs() < 1e-12);
        assert!((last.unit_price * last.volume - last.spend).abs() < 1e-9);
    }

    #[test]
    fn unit_elasticity_keeps_spend_flat_and_round_trips() {
        let j = jevons(50.0, 3.0, Given::Elasticity(1.0)).unwrap();
        assert!((j.spend_multiple - 1.0).abs() < 1e-12);
        let back = jevons(50.0, 3.0, Given::SpendMultiple(j.spend_multiple)).unwrap();
        assert!((back.elasticity - 1.0).abs() < 1e-12);
    }

    #[test]
    fn bad_inputs_are_named() {
        let e = jevons(1.0, 0.0, Given::Elasticity(-1.0)).unwrap_err().to_string();
        assert!(e.contains("price_factor") && e.contains("years") && e.contains("elasticity"), "{e}");
    }
}
