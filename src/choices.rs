//! The design choices that are not numbers, as the controls panel presents them.

use consumption_lab_engine::{
    EmissionSchedule, FeeDenomination, Governance, PriceModel, Scenario, ValuationBasis, YieldSource,
};

/// A select lever: label, help and options as (value, text) pairs. Choices are `static`s, so
/// actions carry the choice itself rather than its key.
#[derive(Debug)]
pub struct Choice {
    /// Scenario key.
    pub key: &'static str,
    /// Visible label.
    pub label: &'static str,
    /// What the choice means in the essay's terms.
    pub help: &'static str,
    /// `(value, text)`: value is the scenario's JSON spelling.
    pub options: &'static [(&'static str, &'static str)],
    /// The current value's JSON spelling.
    pub get: fn(&Scenario) -> &'static str,
    /// Set from a JSON spelling; unknown spellings leave the scenario as it is.
    pub set: fn(&mut Scenario, &str),
}

impl PartialEq for Choice {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

/// What users pay fees in.
pub static FEE_DENOMINATION: Choice = Choice {
    key: "fee_denomination",
    label: "Fee denomination",
    help: "What users pay fees in. Only native-token fees can be burned without a buyback; the rest leaks to intermediaries first. Burn and mint: users buy the token and burn all of it to pay a dollar price, and providers are paid by the emission schedule (Helium, Render).",
    options: &[
        ("native", "Native token"),
        ("stablecoin", "Stablecoin"),
        ("external", "External assets"),
        ("burn_and_mint", "Burn and mint"),
    ],
    get: |s| match s.fee_denomination {
        FeeDenomination::Native => "native",
        FeeDenomination::Stablecoin => "stablecoin",
        FeeDenomination::External => "external",
        FeeDenomination::BurnAndMint => "burn_and_mint",
    },
    set: |s, v| match v {
        "native" => s.fee_denomination = FeeDenomination::Native,
        "stablecoin" => s.fee_denomination = FeeDenomination::Stablecoin,
        "external" => s.fee_denomination = FeeDenomination::External,
        "burn_and_mint" => s.fee_denomination = FeeDenomination::BurnAndMint,
        _ => {}
    },
};

/// Where staking rewards come from.
pub static STAKING_YIELD_SOURCE: Choice = Choice {
    key: "staking_yield_source",
    label: "Staking yield source",
    help: "Where staking rewards come from. Inflation pays stakers to hold; revenue pays them from real use; hybrid mints only the shortfall.",
    options: &[("inflation", "Inflation"), ("revenue", "Protocol revenue"), ("hybrid", "Hybrid")],
    get: |s| match s.staking_yield_source {
        YieldSource::Inflation => "inflation",
        YieldSource::Revenue => "revenue",
        YieldSource::Hybrid => "hybrid",
    },
    set: |s, v| match v {
        "inflation" => s.staking_yield_source = YieldSource::Inflation,
        "revenue" => s.staking_yield_source = YieldSource::Revenue,
        "hybrid" => s.staking_yield_source = YieldSource::Hybrid,
        _ => {}
    },
};

/// How the price is set.
pub static PRICE_MODEL: Choice = Choice {
    key: "price_model",
    label: "Price model",
    help: "Market: every buy and sell moves the price through a market of the depth below, and traders pull it toward the value of what reaches holders. Fixed: a trend you set, whatever the design. Fee multiple: market cap is a constant multiple of fees, so growth is priced in and fees cancel out of the burn (every fee level burns the same share of supply).",
    options: &[("market", "Market"), ("fixed", "Fixed trend"), ("fee_multiple", "Fee multiple")],
    get: |s| match s.price_model {
        PriceModel::Market => "market",
        PriceModel::Fixed => "fixed",
        PriceModel::FeeMultiple => "fee_multiple",
    },
    set: |s, v| match v {
        "market" => s.price_model = PriceModel::Market,
        "fixed" => s.price_model = PriceModel::Fixed,
        "fee_multiple" => s.price_model = PriceModel::FeeMultiple,
        _ => {}
    },
};

/// What the market's valuation anchor is a multiple of.
pub static VALUATION_BASIS: Choice = Choice {
    key: "valuation_basis",
    label: "Valued on",
    help: "What traders value the token on: the fees that reach holders (burned or paid to stakers), or gross fees whoever gets them.",
    options: &[("holder_value", "What reaches holders"), ("gross_fees", "Gross fees")],
    get: |s| match s.valuation_basis {
        ValuationBasis::HolderValue => "holder_value",
        ValuationBasis::GrossFees => "gross_fees",
    },
    set: |s, v| match v {
        "holder_value" => s.valuation_basis = ValuationBasis::HolderValue,
        "gross_fees" => s.valuation_basis = ValuationBasis::GrossFees,
        _ => {}
    },
};

/// How new tokens are issued.
pub static EMISSION_SCHEDULE: Choice = Choice {
    key: "emission.schedule",
    label: "Emission schedule",
    help: "Where new tokens come from. A staking target pays the APR above as the yield source says; the others issue by their own rule, to stakers, whatever the fees.",
    options: &[
        ("target_apr", "Staking target APR"),
        ("disinflation", "Disinflation (Solana)"),
        ("halving", "Halving (Bitcoin, Helium)"),
        ("sqrt_staked", "Square root of the stake (Ethereum)"),
        ("fixed_per_month", "Fixed per month (incentives)"),
    ],
    get: |s| match s.emission.schedule {
        EmissionSchedule::TargetApr => "target_apr",
        EmissionSchedule::Disinflation => "disinflation",
        EmissionSchedule::Halving => "halving",
        EmissionSchedule::SqrtStaked => "sqrt_staked",
        EmissionSchedule::FixedPerMonth => "fixed_per_month",
    },
    set: |s, v| match v {
        "target_apr" => s.emission.schedule = EmissionSchedule::TargetApr,
        "disinflation" => s.emission.schedule = EmissionSchedule::Disinflation,
        "halving" => s.emission.schedule = EmissionSchedule::Halving,
        "sqrt_staked" => s.emission.schedule = EmissionSchedule::SqrtStaked,
        "fixed_per_month" => s.emission.schedule = EmissionSchedule::FixedPerMonth,
        _ => {}
    },
};

/// Who governs, and whether they can lose for it.
pub static GOVERNANCE: Choice = Choice {
    key: "governance",
    label: "Governance",
    help: "Who decides the design. Insulated: token holders vote and nothing of theirs can be slashed, so those with the most influence face the least consequence (downside alignment fails). Slashable: voting power is the stake the slashing rate applies to.",
    options: &[("insulated", "Token holders, insulated"), ("slashable", "Slashable stake"), ("none", "Not token holders")],
    get: |s| match s.governance {
        Governance::Insulated => "insulated",
        Governance::Slashable => "slashable",
        Governance::None => "none",
    },
    set: |s, v| match v {
        "insulated" => s.governance = Governance::Insulated,
        "slashable" => s.governance = Governance::Slashable,
        "none" => s.governance = Governance::None,
        _ => {}
    },
};

/// All choice levers (the tests check that each is in a group of the panel).
#[cfg(test)]
pub static CHOICES: &[&Choice] =
    &[&FEE_DENOMINATION, &STAKING_YIELD_SOURCE, &PRICE_MODEL, &VALUATION_BASIS, &EMISSION_SCHEDULE, &GOVERNANCE];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_round_trips_and_matches_the_json_spelling() {
        for c in CHOICES {
            for (value, _) in c.options {
                let mut s = Scenario::default();
                (c.set)(&mut s, value);
                assert_eq!((c.get)(&s), *value);
                let json = serde_json::to_value(&s).unwrap();
                let at = c.key.split('.').fold(&json, |j, k| &j[k]);
                assert_eq!(at, *value, "{} spelling", c.key);
            }
        }
    }
}
