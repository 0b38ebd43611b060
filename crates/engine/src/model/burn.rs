//! Burning: native fees are destroyed directly; stablecoin and external-asset fees have to buy
//! the token back first, and the intermediaries keep `conversion_cost` of what is spent. Under
//! the market model the buyback trades through the pool, and what it pays above the month's
//! price is its slippage. A burn can never destroy more than the circulating supply (staked and
//! treasury tokens are not for sale): the money that could not be burned stays in the treasury
//! and is reported as unburnable.

use super::market::Pool;
use super::{tokens_for, Model};
use crate::scenario::{FeeDenomination, PriceModel};

/// The outcome of one month's burn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Burn {
    /// Tokens destroyed.
    pub tokens: f64,
    /// USD value of the tokens destroyed, at the month's price.
    pub usd: f64,
    /// USD lost to intermediaries in the buyback (zero for native fees).
    pub conversion_usd: f64,
    /// USD the buyback paid above the month's price by moving the pool (market model only).
    pub slippage_usd: f64,
    /// USD spent buying tokens back (zero for native fees): what the pool received.
    pub bought_usd: f64,
    /// USD of the burn budget left unspent because the circulating supply ran out.
    pub unburnable_usd: f64,
}

/// Spend `budget` USD burning tokens at `price` (`per_token` is its inverse), destroying at most
/// `circulating` tokens; a buyback under the market model trades through `pool`.
pub fn execute(model: &Model, budget: f64, price: f64, per_token: f64, circulating: f64, pool: &mut Pool) -> Burn {
    if model.denomination != FeeDenomination::Native && model.price_model == PriceModel::Market {
        return through_pool(model, budget, price, circulating, pool);
    }
    let cost = model.conversion_cost; // 0 for native fees
    let buy_usd = budget * (1.0 - cost);
    let bought = |usd: f64| if model.denomination == FeeDenomination::Native { 0.0 } else { usd };
    let wanted = tokens_for(buy_usd, per_token);
    let burn = if wanted <= circulating {
        Burn {
            tokens: wanted,
            usd: buy_usd,
            conversion_usd: budget - buy_usd,
            slippage_usd: 0.0,
            bought_usd: bought(buy_usd),
            unburnable_usd: 0.0,
        }
    } else {
        // Everything circulating is bought and burned; only what was spent pays the spread.
        let usd = circulating * price;
        let spent = usd / (1.0 - cost); // cost < 1 here: at cost 1 nothing is wanted
        Burn {
            tokens: circulating,
            usd,
            conversion_usd: spent - usd,
            slippage_usd: 0.0,
            bought_usd: bought(usd),
            unburnable_usd: budget - spent,
        }
    };
    debug_assert!(burn.tokens >= 0.0 && burn.tokens <= circulating);
    burn
}

/// A buyback through the market's pool: the protocol's own order, trading alone.
fn through_pool(model: &Model, budget: f64, price: f64, circulating: f64, pool: &mut Pool) -> Burn {
    let cost = model.conversion_cost;
    let buy_usd = budget * (1.0 - cost);
    let alone = if buy_usd > 0.0 { pool.tokens() * buy_usd / (pool.usd() + buy_usd) } else { 0.0 };
    if alone <= circulating {
        let tokens = pool.buy_with_usd(buy_usd);
        let usd = tokens * price;
        return Burn {
            tokens,
            usd,
            conversion_usd: budget - buy_usd,
            slippage_usd: buy_usd - usd,
            bought_usd: buy_usd,
            unburnable_usd: 0.0,
        };
    }
    // Fewer tokens circulate than the budget would buy: buy them all (the pool holds more, and
    // buy_usd > 0 here, so cost < 1).
    let on_tokens = pool.cost_of(circulating);
    pool.buy_with_usd(on_tokens);
    let spent = on_tokens / (1.0 - cost);
    let usd = circulating * price;
    Burn {
        tokens: circulating,
        usd,
        conversion_usd: spent - on_tokens,
        slippage_usd: on_tokens - usd,
        bought_usd: on_tokens,
        unburnable_usd: budget - spent,
    }
}
