//! The summary over the horizon, accumulated month by month so that callers which need only the
//! totals (the sweep, Monte Carlo) never store the rows.

use crate::month::Month;
use serde::{Deserialize, Serialize};

/// Totals and headline figures of a projection.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Number of months projected.
    pub months: u32,
    /// Supply at month 0, tokens.
    pub initial_supply: f64,
    /// Supply at the end of the horizon, tokens.
    pub final_supply: f64,
    /// `final_supply / initial_supply − 1`, a fraction (−0.25 = supply fell by a quarter).
    pub net_supply_change: f64,
    /// Highest supply reached, tokens (the initial supply if it only ever fell).
    pub peak_supply: f64,
    /// Month at which supply peaked; 0 means it never rose above the initial supply.
    pub peak_supply_month: u32,
    /// Tokens minted over the horizon.
    pub cumulative_minted: f64,
    /// Tokens burned over the horizon.
    pub cumulative_burned: f64,
    /// Gross fees over the horizon, USD.
    pub fees_usd: f64,
    /// Value of tokens burned, USD.
    pub burned_usd: f64,
    /// Fee revenue paid to stakers, USD.
    pub staker_usd: f64,
    /// Kept by the treasury, USD (includes `unburnable_usd`).
    pub treasury_usd: f64,
    /// Leaked to third parties, USD.
    pub leaked_usd: f64,
    /// Burn budget left in the treasury because nothing was left to burn, USD.
    pub unburnable_usd: f64,
    /// Value of tokens minted, USD (dilution).
    pub minted_usd: f64,
    /// Value of minted tokens sold, USD.
    pub minted_sold_usd: f64,
    /// `burned_usd + staker_usd − minted_sold_usd`, USD.
    pub net_holder_value_usd: f64,
    /// Trading volume over the horizon, USD.
    pub trading_volume_usd: f64,
    /// `(burned_usd + staker_usd) / fees_usd` over the horizon; zero with no fees.
    pub value_capture_ratio: f64,
    /// `leaked_usd / fees_usd` over the horizon; zero with no fees.
    pub leaked_ratio: f64,
    /// Price in the last month, USD.
    pub final_price_usd: f64,
    /// Market cap at the end of the horizon, USD.
    pub final_market_cap_usd: f64,
    /// Mean over the months of the annualised turnover (trading volume over market cap).
    pub mean_turnover: f64,
    /// Mean over the months of the annualised consumption rate (burned plus newly locked over supply).
    pub mean_consumption_rate: f64,
    /// `(burned_usd + staker_usd) / trading_volume_usd`: the share of trading volume that ever
    /// reaches the token as burn or holder revenue; zero with no trading.
    pub volume_reaching_holders: f64,
}

impl Summary {
    /// The summary of nothing yet: month 0 of a projection starting at `initial_supply`.
    pub fn start(initial_supply: f64) -> Self {
        Self { initial_supply, final_supply: initial_supply, peak_supply: initial_supply, ..Self::default() }
    }

    /// Fold one month in. Months must come in order.
    #[inline]
    pub fn add(&mut self, m: &Month) {
        self.months = m.month;
        self.final_supply = m.supply;
        if m.supply > self.peak_supply {
            self.peak_supply = m.supply;
            self.peak_supply_month = m.month;
        }
        self.cumulative_minted = m.cumulative_minted;
        self.cumulative_burned = m.cumulative_burned;
        self.fees_usd += m.fees_usd;
        self.burned_usd += m.burned_usd;
        self.staker_usd += m.staker_usd;
        self.treasury_usd += m.treasury_usd;
        self.leaked_usd += m.leaked_usd;
        self.unburnable_usd += m.unburnable_usd;
        self.minted_usd += m.minted_usd;
        self.minted_sold_usd += m.minted_sold_usd;
        self.net_holder_value_usd += m.net_holder_value_usd;
        self.trading_volume_usd += m.trading_volume_usd;
        self.final_price_usd = m.price_usd;
        self.final_market_cap_usd = m.market_cap_usd;
        self.mean_turnover += m.turnover; // summed here, divided in `finish`
        self.mean_consumption_rate += m.consumption_rate;
    }

    /// Derive the ratios once all months are in.
    pub fn finish(mut self) -> Self {
        self.net_supply_change = self.final_supply / self.initial_supply - 1.0;
        let share = |usd: f64| {
            if self.fees_usd > 0.0 {
                usd / self.fees_usd
            } else {
                0.0
            }
        };
        self.value_capture_ratio = share(self.burned_usd + self.staker_usd);
        self.leaked_ratio = share(self.leaked_usd);
        if self.months > 0 {
            self.mean_turnover /= f64::from(self.months);
            self.mean_consumption_rate /= f64::from(self.months);
        }
        self.volume_reaching_holders = if self.trading_volume_usd > 0.0 {
            (self.burned_usd + self.staker_usd) / self.trading_volume_usd
        } else {
            0.0
        };
        self
    }
}
