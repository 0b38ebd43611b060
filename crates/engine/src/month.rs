//! One row of the projection: the stocks at the end of a month and the flows during it.
//! Field names are the CSV header and the JSON keys, so they are part of the public contract.

use serde::{Deserialize, Serialize};

/// What happened in one month. Stocks (supply, staked, circulating, market cap) are at the end
/// of the month; flows (minted, burned, fees and their split) are during it; rates are annualised.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Month {
    /// 1-based month number; month 12 ends year 1.
    pub month: u32,
    /// Total token supply at the end of the month, tokens.
    pub supply: f64,
    /// Tokens locked in staking at the end of the month.
    pub staked: f64,
    /// Supply not staked at the end of the month (what can be bought, sold and burned).
    pub circulating: f64,
    /// Token price during the month, USD.
    pub price_usd: f64,
    /// `price_usd × supply` at the end of the month, USD.
    pub market_cap_usd: f64,
    /// Tokens minted as staking rewards this month.
    pub minted: f64,
    /// Tokens destroyed this month.
    pub burned: f64,
    /// Tokens minted since month 0.
    pub cumulative_minted: f64,
    /// Tokens burned since month 0.
    pub cumulative_burned: f64,
    /// Gross fees users paid this month, USD.
    pub fees_usd: f64,
    /// USD value of the tokens destroyed.
    pub burned_usd: f64,
    /// Fee revenue paid to stakers, USD (minted rewards are not revenue and are not included).
    pub staker_usd: f64,
    /// Kept by the treasury, USD, including any burn budget that found nothing left to burn.
    pub treasury_usd: f64,
    /// Lost to third parties, USD: the share outside the protocol take plus buyback conversion cost.
    pub leaked_usd: f64,
    /// Part of `treasury_usd` that was meant to be burned but the circulating supply ran out.
    pub unburnable_usd: f64,
    /// Dilution: value of the tokens minted this month, USD.
    pub minted_usd: f64,
    /// Value of minted rewards sold on the market this month, USD (sell pressure).
    pub minted_sold_usd: f64,
    /// `burned_usd + staker_usd − minted_sold_usd`: what holders as a whole gained this month.
    pub net_holder_value_usd: f64,
    /// Trading volume this month, USD: `turnover / 12 × market cap`.
    pub trading_volume_usd: f64,
    /// Trading volume over market cap, annualised (per year).
    pub turnover: f64,
    /// Tokens burned over supply at the start of the month, annualised.
    pub burn_rate: f64,
    /// Tokens burned plus tokens newly locked in staking out of circulation (not counting minted
    /// rewards), over supply at the start of the month, annualised: the essay's consumption.
    pub consumption_rate: f64,
    /// `(burned_usd + staker_usd) / fees_usd`; zero in a month with no fees.
    pub value_capture_ratio: f64,
}

impl Month {
    /// Name of the first quantity that is NaN or infinite, if any: how an overflow is found.
    pub fn first_non_finite(&self) -> Option<&'static str> {
        let columns = [
            ("supply", self.supply),
            ("price_usd", self.price_usd),
            ("fees_usd", self.fees_usd),
            ("market_cap_usd", self.market_cap_usd),
            ("minted", self.minted),
            ("burned", self.burned),
            ("cumulative_minted", self.cumulative_minted),
            ("cumulative_burned", self.cumulative_burned),
            ("burned_usd", self.burned_usd),
            ("staker_usd", self.staker_usd),
            ("treasury_usd", self.treasury_usd),
            ("leaked_usd", self.leaked_usd),
            ("minted_usd", self.minted_usd),
            ("trading_volume_usd", self.trading_volume_usd),
            ("consumption_rate", self.consumption_rate),
            ("value_capture_ratio", self.value_capture_ratio),
        ];
        columns.into_iter().find(|(_, v)| !v.is_finite()).map(|(name, _)| name)
    }

    /// 1-based year this month belongs to.
    pub fn year(&self) -> u32 {
        self.month.div_ceil(12)
    }
}
