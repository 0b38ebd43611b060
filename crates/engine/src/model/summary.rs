//! The summary over the horizon, accumulated month by month so that callers which need only the
//! totals (the sweep, Monte Carlo) never store the rows. Its totals are the `total` columns of
//! `columns.rs`, summed in the order they are listed there.

use super::columns::columns;
use super::month::Month;
use serde::{Deserialize, Serialize};

/// Keeps the `total` columns of the list (a tt-muncher) and hands them to `summary!`.
macro_rules! totals {
    (@keep [$($kept:tt)*]) => { summary! { $($kept)* } };
    (@keep [$($kept:tt)*] $(#[$doc:meta])* $name:ident : total($summary:literal) $(, $($rest:tt)*)?) => {
        totals! { @keep [$($kept)* #[doc = $summary] $name,] $($($rest)*)? }
    };
    (@keep [$($kept:tt)*] $(#[$doc:meta])* $name:ident : $kind:ident $(, $($rest:tt)*)?) => {
        totals! { @keep [$($kept)*] $($($rest)*)? }
    };
    ($($columns:tt)*) => { totals! { @keep [] $($columns)* } };
}

macro_rules! summary {
    ($( #[doc = $doc:literal] $name:ident, )*) => {
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
            /// Tokens burned by use over the horizon.
            pub cumulative_burned: f64,
            /// Tokens slashed over the horizon.
            pub cumulative_slashed: f64,
            /// First month whose burn was at least its minting while something was minted (burn and
            /// mint's crossing); 0 when it never was.
            pub burn_exceeds_mint_month: u32,
            /// First month the treasury could not pay its whole budget; 0 when it always could.
            pub treasury_dry_month: u32,
            /// Months of the last month's budget the treasury's USD and tokens (at the last price)
            /// would still pay at the end of the horizon; `None` without a budget.
            pub final_treasury_runway_months: Option<f64>,
            /// Share of the stakeable tokens staked at the end of the horizon.
            pub final_staked_share: f64,
            $( #[doc = $doc] pub $name: f64, )*
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
            /// Add the month's flows to the horizon's totals.
            #[inline]
            fn add_totals(&mut self, m: &Month) {
                $( self.$name += m.$name; )*
            }

            /// Name of the first total that left the range of floats, if any: every month can be
            /// finite while their sum is not (a price at the floor with ~1e306 of stake bought a
            /// month), and a total must then be reported as an overflow, not written as `null`.
            pub fn first_infinite_total(&self) -> Option<&'static str> {
                $( if !self.$name.is_finite() { return Some(stringify!($name)); } )*
                None
            }
        }
    };
}

columns!(totals);

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
        self.cumulative_slashed = m.cumulative_slashed;
        if self.burn_exceeds_mint_month == 0 && m.minted > 0.0 && m.burned >= m.minted {
            self.burn_exceeds_mint_month = m.month;
        }
        let budget = m.treasury_spent_usd + m.treasury_shortfall_usd;
        if self.treasury_dry_month == 0 && m.treasury_shortfall_usd > 1e-9 * budget {
            self.treasury_dry_month = m.month;
        }
        self.final_treasury_runway_months =
            (budget > 0.0).then(|| (m.treasury_cash_usd + m.treasury_tokens * m.price_usd) / budget);
        self.final_staked_share = m.staked_share;
        self.add_totals(m);
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
