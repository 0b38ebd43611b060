//! Burning: native fees are destroyed directly; stablecoin and external-asset fees have to buy
//! the token back first, and the intermediaries keep `conversion_cost` of what is spent.
//! A burn can never destroy more than the circulating supply (staked tokens are not for sale):
//! the money that could not be burned stays in the treasury and is reported as unburnable.

use super::{tokens_for, Model};

/// The outcome of one month's burn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Burn {
    /// Tokens destroyed.
    pub tokens: f64,
    /// USD value of the tokens destroyed.
    pub usd: f64,
    /// USD lost to intermediaries in the buyback (zero for native fees).
    pub conversion_usd: f64,
    /// USD of the burn budget left unspent because the circulating supply ran out.
    pub unburnable_usd: f64,
}

/// Spend `budget` USD burning tokens at `price`, destroying at most `circulating` tokens.
pub fn execute(model: &Model, budget: f64, price: f64, circulating: f64) -> Burn {
    let cost = model.conversion_cost; // 0 for native fees
    let buy_usd = budget * (1.0 - cost);
    let wanted = tokens_for(buy_usd, price);
    let burn = if wanted <= circulating {
        Burn { tokens: wanted, usd: buy_usd, conversion_usd: budget - buy_usd, unburnable_usd: 0.0 }
    } else {
        // Everything circulating is bought and burned; only what was spent pays the spread.
        let usd = circulating * price;
        let spent = usd / (1.0 - cost); // cost < 1 here: at cost 1 nothing is wanted
        Burn { tokens: circulating, usd, conversion_usd: spent - usd, unburnable_usd: budget - spent }
    };
    debug_assert!(burn.tokens >= 0.0 && burn.tokens <= circulating);
    burn
}
