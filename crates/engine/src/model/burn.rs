//! Burning: native fees are destroyed directly; stablecoin and external-asset fees have to buy
//! the token back first, and the intermediaries keep `conversion_cost` of what is spent. Under
//! the market model the buyback trades through the pool, and what it pays above the month's
//! price is its slippage. A burn can never destroy more than the circulating supply (staked and
//! treasury tokens are not for sale): the money that could not be burned stays in the treasury
//! and is reported as unburnable.

use super::lanes::Real;
use super::market::Pool;
use super::{tokens_for, Model};
use crate::scenario::{FeeDenomination, PriceModel};

/// The outcome of one month's burn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Burn<R = f64> {
    /// Tokens destroyed.
    pub tokens: R,
    /// USD value of the tokens destroyed, at the month's price.
    pub usd: R,
    /// USD lost to intermediaries in the buyback (zero for native fees).
    pub conversion_usd: R,
    /// USD the buyback paid above the month's price by moving the pool (market model only).
    pub slippage_usd: R,
    /// USD spent buying tokens back (zero for native fees): what the pool received.
    pub bought_usd: R,
    /// USD of the burn budget left unspent because the circulating supply ran out.
    pub unburnable_usd: R,
}

impl<R: Real> Burn<R> {
    /// `if mask { yes } else { no }`, field by field.
    #[inline(always)]
    fn select(mask: R::Mask, yes: Self, no: Self) -> Self {
        Self {
            tokens: R::select(mask, yes.tokens, no.tokens),
            usd: R::select(mask, yes.usd, no.usd),
            conversion_usd: R::select(mask, yes.conversion_usd, no.conversion_usd),
            slippage_usd: R::select(mask, yes.slippage_usd, no.slippage_usd),
            bought_usd: R::select(mask, yes.bought_usd, no.bought_usd),
            unburnable_usd: R::select(mask, yes.unburnable_usd, no.unburnable_usd),
        }
    }
}

/// Spend `budget` USD burning tokens at `price` (`per_token` is its inverse), destroying at most
/// `circulating` tokens; a buyback under the market model trades through `pool`.
#[inline(always)] // inside the step, which is inlined into each run
pub fn execute<R: Real>(
    model: &Model,
    budget: R,
    price: R,
    per_token: R,
    circulating: R,
    pool: &mut Pool<R>,
) -> Burn<R> {
    if model.denomination != FeeDenomination::Native && model.price_model == PriceModel::Market {
        return through_pool(model, budget, price, circulating, pool);
    }
    let cost = model.conversion_cost; // 0 for native fees
    let buy_usd = budget * (1.0 - cost);
    let bought = |usd: R| if model.denomination == FeeDenomination::Native { R::splat(0.0) } else { usd };
    let wanted = tokens_for(buy_usd, per_token);
    let enough = Burn {
        tokens: wanted,
        usd: buy_usd,
        conversion_usd: budget - buy_usd,
        slippage_usd: R::splat(0.0),
        bought_usd: bought(buy_usd),
        unburnable_usd: R::splat(0.0),
    };
    // Everything circulating is bought and burned; only what was spent pays the spread.
    let usd = circulating * price;
    let spent = usd / (1.0 - cost); // cost < 1 here: at cost 1 nothing is wanted
    let short = Burn {
        tokens: circulating,
        usd,
        conversion_usd: spent - usd,
        slippage_usd: R::splat(0.0),
        bought_usd: bought(usd),
        unburnable_usd: budget - spent,
    };
    let burn = Burn::select(wanted.le(circulating), enough, short);
    debug_assert!(R::all(burn.tokens.ge(0.0) & burn.tokens.le(circulating)));
    burn
}

/// A buyback through the market's pool: the protocol's own order, trading alone. When fewer
/// tokens circulate than the budget would buy, it buys them all (the pool holds more, and the
/// budget is positive there, so cost < 1).
#[inline]
fn through_pool<R: Real>(model: &Model, budget: R, price: R, circulating: R, pool: &mut Pool<R>) -> Burn<R> {
    let cost = model.conversion_cost;
    let buy_usd = budget * (1.0 - cost);
    let alone = R::select(buy_usd.gt(0.0), pool.tokens() * buy_usd / (pool.usd() + buy_usd), R::splat(0.0));
    let enough = alone.le(circulating);
    let on_tokens = pool.cost_of(circulating);
    let tokens = pool.buy_with_usd(R::select(enough, buy_usd, on_tokens));
    let usd = tokens * price;
    let all_of_them = {
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
    };
    let bought = Burn {
        tokens,
        usd,
        conversion_usd: budget - buy_usd,
        slippage_usd: buy_usd - usd,
        bought_usd: buy_usd,
        unburnable_usd: R::splat(0.0),
    };
    Burn::select(enough, bought, all_of_them)
}
