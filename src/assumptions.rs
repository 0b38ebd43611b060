//! "What this assumes": the one line under the headline figures naming what decides the answer
//! (the price model and its settings, what the fees follow, what they are paid in), so a reader
//! checking a figure knows what it rests on before opening the model notes.

use crate::format::{count, pct, significant};
use consumption_lab_engine::{FeeDenomination, PriceModel, Scenario};

/// The line for `s`, without its label.
pub fn assumptions(s: &Scenario) -> String {
    let price = match s.price_model {
        PriceModel::Market => format!(
            "the price is a market's: buys and sells trade against a pool {} as deep as what circulates, pulled {} a month toward {}× a year of value to holders",
            pct(s.liquidity, 0),
            pct(s.valuation_pull, 0),
            significant(s.price_to_fees, 3)
        ),
        PriceModel::FeeMultiple => format!(
            "the price is always {}× a year of fees over supply, so burns remove the same share of supply whatever the fees",
            significant(s.price_to_fees, 3)
        ),
        PriceModel::Fixed => {
            format!("the price is set by hand ({} a year), whatever the protocol does", pct(s.price_growth, 1))
        }
    };
    let paid = match s.fee_denomination {
        FeeDenomination::Native => "paid in the token",
        FeeDenomination::Stablecoin => "paid in stablecoins, the burn bought back",
        FeeDenomination::External => "earned outside the protocol, the burn bought back",
        FeeDenomination::BurnAndMint => "paid by burning the token, rewards minted",
    };
    let speculative = if s.fee_speculation_share > 0.0 {
        format!(", {} of them speculative", pct(s.fee_speculation_share, 0))
    } else {
        String::new()
    };
    let changes = match s.changes.len() {
        0 => String::new(),
        n => format!("; {}", count(n as u32, "dated change")),
    };
    format!(
        "{price}; fees grow {} a year by assumption, not with the price{speculative}, {paid}{changes}.",
        pct(s.fee_growth, 1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_price_model_and_what_fees_follow() {
        let s = Scenario::default();
        let line = assumptions(&s);
        assert!(line.starts_with("the price is a market's"), "{line}");
        assert!(line.contains("fees grow") && line.contains("paid in the token"), "{line}");
        let multiple = assumptions(&Scenario { price_model: PriceModel::FeeMultiple, ..s.clone() });
        assert!(multiple.contains("whatever the fees"), "{multiple}");
        let fixed = assumptions(&Scenario { price_model: PriceModel::Fixed, fee_speculation_share: 0.5, ..s });
        assert!(fixed.contains("set by hand") && fixed.contains("50 % of them speculative"), "{fixed}");
        let changed = Scenario { changes: vec![consumption_lab_engine::Change::default()], ..Scenario::default() };
        assert!(assumptions(&changed).ends_with("; 1 dated change."), "{}", assumptions(&changed));
    }
}
