//! The projection's columns, written down once.
//!
//! [`columns!`] hands the list below to a macro of the caller's: `month.rs` makes the
//! [`Month`](super::Month) row, its CSV header and its overflow check from it, and `summary.rs`
//! makes the [`Summary`](super::Summary)'s totals and their fold. A new flow of the model is one
//! line here and appears in all four, in the same place.
//!
//! Each column is `doc, name: kind` where the kind says how the horizon's summary treats it:
//! - `stock`: a level at the end of the month (supply, price);
//! - `flow`: an amount during the month that the summary reads through its running total;
//! - `running`: a total since month 0 (the summary keeps the last);
//! - `total("…")`: an amount during the month that the summary sums, with the summary's doc;
//! - `rate`: an annualised rate or ratio (the summary derives its own).
//!
//! The order is the CSV's and the JSON's, a public contract: add columns, never reorder them.

/// Calls `$callback!` with every column of a month, in order (see the module doc).
macro_rules! columns {
    ($callback:ident) => {
        $callback! {
            /// Total token supply at the end of the month, tokens.
            supply: stock,
            /// Tokens locked in staking at the end of the month.
            staked: stock,
            /// Supply neither locked by vesting, staked nor held by the treasury at the end of the
            /// month (what can be bought, sold and burned).
            circulating: stock,
            /// Token price during the month, USD.
            price_usd: stock,
            /// `price_usd × supply` at the end of the month, USD.
            market_cap_usd: stock,
            /// Tokens minted as staking rewards this month.
            minted: flow,
            /// Tokens destroyed by use this month (slashing is `slashed`).
            burned: flow,
            /// Tokens minted since month 0.
            cumulative_minted: running,
            /// Tokens burned by use since month 0.
            cumulative_burned: running,
            /// Gross fees users paid this month, USD.
            fees_usd: total("Gross fees over the horizon, USD."),
            /// USD value of the tokens destroyed.
            burned_usd: total("Value of tokens burned, USD."),
            /// Fee revenue paid to stakers, USD (minted rewards are not revenue and are not included).
            staker_usd: total("Fee revenue paid to stakers, USD."),
            /// Kept by the treasury, USD, including any burn budget that found nothing left to burn.
            treasury_usd: total("Kept by the treasury, USD (includes `unburnable_usd`)."),
            /// Lost to third parties, USD: the share outside the protocol take plus buyback conversion cost.
            leaked_usd: total("Leaked to third parties, USD."),
            /// Part of `treasury_usd` that was meant to be burned but the circulating supply ran out.
            unburnable_usd: total("Burn budget left in the treasury because nothing was left to burn, USD."),
            /// Dilution: value of the tokens minted this month, USD.
            minted_usd: total("Value of tokens minted, USD (dilution)."),
            /// Value of minted rewards sold on the market this month, USD (sell pressure), at the
            /// price the month's orders filled at.
            minted_sold_usd: total("Value of minted tokens sold, USD."),
            /// `burned_usd + staker_usd − minted_usd`: what the holders of existing tokens gained this
            /// month (every minted token dilutes them, sold or not), USD.
            net_holder_value_usd: total("`burned_usd + staker_usd − minted_usd`, USD."),
            /// Trading volume this month, USD: `turnover / 12 × market cap`.
            trading_volume_usd: total("Trading volume over the horizon, USD."),
            /// Trading volume over market cap, annualised (per year).
            turnover: rate,
            /// Tokens burned over supply at the start of the month, annualised.
            burn_rate: rate,
            /// Tokens burned (by use and by slashing) plus tokens newly locked in staking out of
            /// circulation, less tokens unstaked (not counting minted rewards), over supply at the
            /// start of the month, annualised: the essay's consumption.
            consumption_rate: rate,
            /// `(burned_usd + staker_usd) / fees_usd`; zero in a month with no fees.
            value_capture_ratio: rate,
            /// Tokens the treasury holds at the end of the month (its share of fees paid in the token).
            treasury_tokens: stock,
            /// The valuation anchor's fundamental value per token: `price_to_fees` × annualised
            /// holder value (or gross fees) over supply, USD.
            fundamental_usd: stock,
            /// What the market's traders pull the price toward: the fundamental value plus the
            /// speculative premium per token, USD.
            anchor_usd: stock,
            /// Value of both sides of the market's pool at the end of the month, USD.
            market_depth_usd: stock,
            /// Bought by users to pay fees in the token, USD.
            fee_buys_usd: total("Bought by users to pay fees in the token, USD."),
            /// Spent buying the token back to burn it, after conversion cost, USD.
            buyback_usd: total("Spent on buybacks, USD."),
            /// Bought by traders pulling the price up toward the anchor, USD.
            trader_buys_usd: total("Bought by traders toward the anchor, USD."),
            /// Sold by third parties (LPs, front-ends) paid their share of fees in the token, USD.
            third_party_sells_usd: total("Sold by third parties paid in the token, USD."),
            /// Sold by stakers out of fee revenue paid in the token, USD.
            staker_sells_usd: total("Sold by stakers out of fee revenue, USD."),
            /// Sold by traders pulling the price down toward the anchor (speculators leaving), USD.
            trader_sells_usd: total("Sold by traders toward the anchor, USD."),
            /// What buybacks paid above the month's price by moving the market, USD (part of `leaked_usd`).
            slippage_usd: total("Buyback slippage, USD (part of `leaked_usd`)."),
            /// Tokens of the allocation table still locked by vesting at the end of the month.
            locked: stock,
            /// Tokens the allocation table's vesting released this month (sold, kept or the treasury's).
            unlocked: total("Tokens released by vesting over the horizon."),
            /// Sold by holders of unlocked allocations (team, investors, …), USD.
            unlock_sells_usd: total("Sold by holders of unlocked allocations, USD."),
            /// `price_usd × circulating` at the end of the month, USD.
            circulating_market_cap_usd: stock,
            /// `price_usd × max_supply` (or × supply without a cap) at the end of the month, USD.
            fully_diluted_usd: stock,
            /// Share of the stakeable tokens (outside vesting, unbonding and, from version 4, the
            /// treasury) staked at the end of the month.
            staked_share: stock,
            /// Stakers' real yield this month, annualised: fee revenue and minted rewards over the
            /// stake, less the month's minting over supply.
            staking_yield: rate,
            /// Tokens unstaked and still unbonding at the end of the month.
            unbonding: stock,
            /// Tokens newly locked in staking this month, less tokens unstaked (negative when
            /// stakers leave), over supply at the start of the month, annualised: staking's part
            /// of `consumption_rate`.
            staking_consumption_rate: rate,
            /// Bought in the market by new stakers, USD.
            stake_buys_usd: total("Bought by new stakers, USD."),
            /// Sold by stakers whose unbonding ended, USD.
            unstake_sells_usd: total("Sold by stakers leaving, USD."),
            /// Tokens slashed (destroyed) this month: consumption, but not by use.
            slashed: flow,
            /// Tokens slashed since month 0.
            cumulative_slashed: running,
            /// USD the treasury holds at the end of the month (its stablecoin income, less what it spent).
            treasury_cash_usd: stock,
            /// USD the treasury took in this month: its fee share when fees are not in the token (and,
            /// in the token, whatever part of it exceeded what circulated), and any unburnable budget.
            treasury_cash_in_usd: total("Taken in by the treasury in dollars, USD."),
            /// What the treasury paid toward its budget this month, USD.
            treasury_spent_usd: total("Spent by the treasury, USD."),
            /// Sold by the treasury to pay its budget, USD.
            treasury_sells_usd: total("Sold by the treasury, USD."),
            /// The part of the month's budget the treasury had nothing left to pay, USD.
            treasury_shortfall_usd: total("Budget the treasury could not pay, USD."),
            /// Under burn and mint, fees a month at which the month's burn would equal its minting
            /// (`minted × price`), USD: the equilibrium usage; 0 under the other fee modes.
            equilibrium_fees_usd: stock,
        }
    };
}

pub(crate) use columns;
