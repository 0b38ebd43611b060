//! The essay's lenses on a projection: turnover against consumption, the four criteria, the
//! speculation shock's before and after, and two valuations beside the market price.
//! Everything here is derived from the scenario and its months; nothing feeds back into the model.

use crate::model::month::Month;
use crate::model::summary::Summary;
use crate::scenario::{FeeDenomination, Governance, Scenario, YieldSource};
use serde::{Deserialize, Serialize};

/// All lenses of one projection.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Lenses {
    /// The essay's four criteria and three traits, graded.
    pub scorecard: Scorecard,
    /// Present value and utility value per token beside the market price.
    pub valuation: Valuation,
    /// Value capture before and after the speculation shock, if the scenario has one.
    pub shock: Option<ShockComparison>,
}

/// A grade on one criterion, best first (so the worse of two grades is their `max`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Meets the criterion.
    Pass,
    /// Meets part of it.
    Partial,
    /// Does not meet it.
    Fail,
}

/// One graded criterion with the reason, computed from the scenario and projection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable id (`token_denominated_fees`, `automatic_burns`, `measurable_consumption`, `downside_alignment`).
    pub key: String,
    /// Name as the essay puts it.
    pub name: String,
    /// The grade.
    pub grade: Grade,
    /// One line on why.
    pub reason: String,
}

/// One trait of successful consumption loops, present or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trait {
    /// Stable id (`native_fees`, `burned_or_locked`, `holder_revenue`).
    pub key: String,
    /// Name as the essay puts it.
    pub name: String,
    /// Whether the design has it.
    pub present: bool,
    /// One line on why.
    pub reason: String,
}

/// The scorecard: four criteria for a robust consumption model, three traits of successful loops.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Scorecard {
    /// Token-denominated fees, automatic burns, measurable consumption, downside alignment.
    pub criteria: Vec<Criterion>,
    /// Native fees, a meaningful share burned or locked, holders with a direct claim on revenue.
    pub traits: Vec<Trait>,
}

/// Valuations per token beside the market price, USD.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Valuation {
    /// Price in month 1, USD.
    pub market_price_usd: f64,
    /// Annual discount rate used.
    pub discount_rate: f64,
    /// Present value today of the holders' net cash flows over the horizon
    /// (burned value + staker revenue − sold dilution, month by month), per initial token.
    pub present_value_per_token_usd: f64,
    /// Equation of exchange: market cap that first-year fees paid in the token support at the
    /// given turnover (`token-denominated fees / turnover`), per initial token. `None` with no trading.
    pub utility_value_per_token_usd: Option<f64>,
}

/// Averages over a span of months.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Window {
    /// Months in the span.
    pub months: u32,
    /// Mean annualised turnover.
    pub turnover: f64,
    /// Mean annualised consumption rate.
    pub consumption_rate: f64,
    /// `(burned + staker revenue) / fees` over the span.
    pub value_capture_ratio: f64,
    /// Mean net holder value per month, USD.
    pub net_holder_value_usd_per_month: f64,
    /// Mean trading volume per month, USD.
    pub trading_volume_usd_per_month: f64,
    /// Mean token price, USD.
    pub price_usd: f64,
}

/// Before and after the speculation shock.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ShockComparison {
    /// First month of the shock.
    pub month: u32,
    /// The months before it (`None` if it hits in year 1).
    pub before: Option<Window>,
    /// The shock month and after.
    pub after: Window,
    /// The price just before the shock: the last month before it (month 1's price if it hits in
    /// year 1), USD.
    pub price_before: f64,
    /// The mean price over the shock's first year (or what is left of the horizon), over
    /// `price_before`: the share of its pre-shock price the token keeps.
    pub price_kept: f64,
}

/// Compute every lens.
pub fn lenses(scenario: &Scenario, months: &[Month], summary: &Summary) -> Lenses {
    Lenses {
        scorecard: scorecard(scenario, summary, minted_share(months)),
        valuation: valuation(scenario, months),
        shock: scenario.shock_month().map(|start| {
            let split = (start as usize - 1).min(months.len());
            let price_before = months[..split].last().or(months.first()).map_or(0.0, |m| m.price_usd);
            let first_year = &months[split..(split + 12).min(months.len())];
            let mean_after = first_year.iter().map(|m| m.price_usd).sum::<f64>() / first_year.len().max(1) as f64;
            ShockComparison {
                month: start,
                before: window(&months[..split]),
                after: window(&months[split..]).unwrap_or_default(),
                price_before,
                price_kept: if price_before > 0.0 { mean_after / price_before } else { 0.0 },
            }
        }),
    }
}

impl Default for Window {
    fn default() -> Self {
        Self {
            months: 0,
            turnover: 0.0,
            consumption_rate: 0.0,
            value_capture_ratio: 0.0,
            net_holder_value_usd_per_month: 0.0,
            trading_volume_usd_per_month: 0.0,
            price_usd: 0.0,
        }
    }
}

fn window(months: &[Month]) -> Option<Window> {
    if months.is_empty() {
        return None;
    }
    let n = months.len() as f64;
    let sum = |f: fn(&Month) -> f64| months.iter().map(f).sum::<f64>();
    let fees = sum(|m| m.fees_usd);
    Some(Window {
        months: months.len() as u32,
        turnover: sum(|m| m.turnover) / n,
        consumption_rate: sum(|m| m.consumption_rate) / n,
        value_capture_ratio: if fees > 0.0 { sum(|m| m.burned_usd + m.staker_usd) / fees } else { 0.0 },
        net_holder_value_usd_per_month: sum(|m| m.net_holder_value_usd) / n,
        trading_volume_usd_per_month: sum(|m| m.trading_volume_usd) / n,
        price_usd: sum(|m| m.price_usd) / n,
    })
}

/// A share for a reason line, with one decimal so that a value just under a threshold never
/// prints as the threshold itself (1.95 % is "1.9 %", not "2 %").
fn pct(x: f64) -> String {
    let v = x * 100.0;
    if v != 0.0 && v.abs() < 0.1 {
        format!("{v:.2} %")
    } else {
        // Truncated, not rounded, at the last decimal shown, for the same reason.
        format!("{:.1} %", (v * 10.0).trunc() / 10.0)
    }
}

/// The share of staker rewards, in tokens, that was minted rather than paid from fees: minted
/// tokens over minted tokens plus fee revenue at each month's price. In tokens, not USD, because
/// minting dilutes by the token count whatever the price (a zero price mints "nothing" in USD).
/// `None` when stakers received nothing at all.
pub fn minted_share(months: &[Month]) -> Option<f64> {
    let minted: f64 = months.iter().map(|m| m.minted).sum();
    let revenue: f64 = months.iter().filter(|m| m.price_usd > 0.0).map(|m| m.staker_usd / m.price_usd).sum();
    (minted + revenue > 0.0).then(|| minted / (minted + revenue))
}

/// Grade the design on the essay's criteria, with `minted_share` from [`minted_share`].
/// Thresholds are stated in `docs/model.md`.
pub fn scorecard(s: &Scenario, sum: &Summary, minted_share: Option<f64>) -> Scorecard {
    use Grade::*;
    let burn_and_mint = s.fee_denomination == FeeDenomination::BurnAndMint;
    let native = s.fee_denomination == FeeDenomination::Native || burn_and_mint;
    let fee_share = |usd: f64| if sum.fees_usd > 0.0 { usd / sum.fees_usd } else { 0.0 };

    let fees = if burn_and_mint {
        (Pass, "Users pay by buying the token and burning it: the service cannot be used without it.".to_owned())
    } else if !native {
        let what = if s.fee_denomination == FeeDenomination::Stablecoin { "stablecoins" } else { "external assets" };
        (Fail, format!("Fees are paid in {what}: users never need the token, and burning it takes a buyback that loses {} to intermediaries.", pct(s.conversion_cost)))
    } else if s.protocol_take < 0.5 {
        (
            Partial,
            format!(
                "Fees are paid in the token, but only {} of them reach the protocol; the rest goes to third parties.",
                pct(s.protocol_take)
            ),
        )
    } else {
        (Pass, "Fees are paid in the token: using the protocol requires holding it.".to_owned())
    };

    let burned = fee_share(sum.burned_usd);
    let burns = if burn_and_mint {
        (Pass, format!("Burn and mint: every fee dollar buys tokens that are burned ({} of gross fees).", pct(burned)))
    } else if s.burn_share == 0.0 || s.protocol_take == 0.0 {
        (Fail, "Nothing is burned: protocol use never removes supply.".to_owned())
    } else if !native {
        (Partial, format!("{} of fees are burned, but only through buybacks of non-native fees, which leak and can be switched off.", pct(burned)))
    } else if burned < 0.2 {
        (Partial, format!("Burns are encoded, but take only {} of gross fees.", pct(burned)))
    } else {
        (Pass, format!("{} of gross fees are burned automatically by the protocol, not by a vote.", pct(burned)))
    };

    let consumption = sum.mean_consumption_rate;
    let ratio = if consumption > 0.0 { sum.mean_turnover / consumption } else { f64::INFINITY };
    let versus = if ratio.is_finite() {
        format!("turnover is {:.0}× consumption", ratio)
    } else {
        "turnover with no consumption at all".to_owned()
    };
    let measurable = if consumption >= 0.02 {
        (Pass, format!("Use consumes {} of supply a year ({versus}).", pct(consumption)))
    } else if consumption >= 0.005 {
        (Partial, format!("Use consumes only {} of supply a year ({versus}).", pct(consumption)))
    } else {
        (Fail, format!("Use consumes {} of supply a year: {versus}.", pct(consumption)))
    };

    let minting = match (s.staking_yield_source, minted_share) {
        (_, None) => (Pass, "Stakers receive nothing at all, so nothing is minted to pay them.".to_owned()),
        (YieldSource::Revenue, _) => (
            Pass,
            "Stakers are paid only from revenue: nothing is minted, so holders carry the downside of weak use."
                .to_owned(),
        ),
        (_, Some(minted)) if minted <= 0.1 => {
            (Pass, format!("Revenue covers the yield: only {} of staker rewards are minted.", pct(minted)))
        }
        (_, Some(minted)) if minted <= 0.5 || s.reward_sell_share <= 0.25 => (
            Partial,
            format!("{} of staker rewards are minted, and {} of that is sold.", pct(minted), pct(s.reward_sell_share)),
        ),
        (_, Some(minted)) => (
            Fail,
            format!(
                "{} of staker rewards are minted and {} sold: stakers are paid to hold, a time-delayed dump.",
                pct(minted),
                pct(s.reward_sell_share)
            ),
        ),
    };

    let downside = with_exposure(minting, s, sum);

    let criterion = |key: &str, name: &str, (grade, reason): (Grade, String)| Criterion {
        key: key.into(),
        name: name.into(),
        grade,
        reason,
    };
    let criteria = vec![
        criterion("token_denominated_fees", "Token-denominated fees", fees),
        criterion("automatic_burns", "Automatic burns", burns),
        criterion("measurable_consumption", "Measurable consumption", measurable),
        criterion("downside_alignment", "Downside alignment", downside),
    ];

    let holder_revenue = fee_share(sum.staker_usd);
    let locked = s.staked_fraction >= 0.3 && s.staking_yield_source == YieldSource::Revenue;
    let t = |key: &str, name: &str, present: bool, reason: String| Trait {
        key: key.into(),
        name: name.into(),
        present,
        reason,
    };
    let traits = vec![
        t(
            "native_fees",
            "Fees in the native token",
            native,
            if native {
                "Fees are denominated in the token.".into()
            } else {
                "Fees are not denominated in the token.".into()
            },
        ),
        t(
            "burned_or_locked",
            "A meaningful share burned or locked",
            burned >= 0.2 || locked,
            format!(
                "{} of fees burned; {} of supply staked{}.",
                pct(burned),
                pct(s.staked_fraction),
                if locked { " for revenue" } else { "" }
            ),
        ),
        t(
            "holder_revenue",
            "Holders with a direct claim on revenue",
            holder_revenue >= 0.1,
            format!("Stakers receive {} of gross fees as revenue.", pct(holder_revenue)),
        ),
    ];
    Scorecard { criteria, traits }
}

/// Downside alignment's second half: do those who govern face a loss for it? The grade is the
/// worse of what minting earned and what exposure earns, with both reasons.
fn with_exposure(minting: (Grade, String), s: &Scenario, sum: &Summary) -> (Grade, String) {
    use Grade::*;
    let slashed_share = if sum.initial_supply > 0.0 { sum.cumulative_slashed / sum.initial_supply } else { 0.0 };
    let exposure = match s.governance {
        Governance::None => return minting,
        Governance::Insulated if s.slashing_rate > 0.0 => (
            Fail,
            format!(
                "Stakers are slashed ({} of the stake a year) but governance holders are not: those with the most influence face the least consequence.",
                pct(s.slashing_rate)
            ),
        ),
        Governance::Insulated => {
            (Fail, "Token holders govern and nothing of theirs can be slashed: influence without consequence.".to_owned())
        }
        Governance::Slashable if s.slashing_rate > 0.0 => (
            Pass,
            format!(
                "Governance power is slashable stake: {} of the stake a year is expected to be slashed ({} of supply over the horizon).",
                pct(s.slashing_rate),
                pct(slashed_share)
            ),
        ),
        Governance::Slashable => {
            (Partial, "Governance power is stake, but the slashing rate is zero: nothing is ever lost.".to_owned())
        }
    };
    (minting.0.max(exposure.0), format!("{} {}", minting.1, exposure.1))
}

/// Present value and utility value per token.
pub fn valuation(s: &Scenario, months: &[Month]) -> Valuation {
    let monthly_discount = libm::pow(1.0 + s.discount_rate, -1.0 / 12.0);
    let (pv, _) = months.iter().fold((0.0, 1.0), |(pv, factor), m| {
        let factor = factor * monthly_discount; // cash flows at the end of each month
        (pv + m.net_holder_value_usd * factor, factor)
    });
    let first_year_fees: f64 = months.iter().take(12).map(|m| m.fees_usd).sum();
    let token_fees = match s.fee_denomination {
        FeeDenomination::Native | FeeDenomination::BurnAndMint => first_year_fees,
        FeeDenomination::Stablecoin | FeeDenomination::External => 0.0,
    };
    Valuation {
        market_price_usd: months.first().map_or(s.initial_price_usd, |m| m.price_usd),
        discount_rate: s.discount_rate,
        present_value_per_token_usd: pv / s.initial_supply,
        utility_value_per_token_usd: (s.turnover > 0.0).then(|| token_fees / s.turnover / s.initial_supply),
    }
}
