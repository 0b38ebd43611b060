//! The market: one constant-product pool of the token against USD, through which every order
//! that touches the token trades (`docs/model.md`, "Price").
//!
//! The pool is kept as its price `p` and its depth `D`, the USD value of both sides: it holds
//! `x = D / (2p)` tokens and `y = D / 2` USD, and `x · y` is constant through a trade. Each month
//! LPs bring the depth to `liquidity × market cap` at the month's price ([`Pool::recentre`]), so
//! depth follows market cap.
//!
//! A month's orders meet in the pool at one price ([`Pool::clear`]): with `B` USD of buy orders,
//! `Q_b` tokens wanted and `Q_s` tokens offered,
//!
//! ```text
//! p̄ = (y + B) / (x + Q_s − Q_b),    p' = p̄² / p
//! ```
//!
//! which keeps `x · y` exactly and is the price of every fill had the orders arrived in many
//! small interleaved pieces (the average price of a constant-product trade from `p` to `p'` is
//! `√(p · p')`). A buyback trades alone, before the month's other orders
//! ([`Pool::buy_with_usd`]): it is the protocol's own order, and what it pays above the opening
//! price is its slippage.

use super::lanes::Real;

/// The pool: a price and a depth (see the module doc), for one path or several side by side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pool<R = f64> {
    /// USD per token.
    pub price: R,
    /// USD value of both sides at `price`.
    pub depth: R,
}

/// The smallest share of the pool's tokens a month's net buying leaves in it: orders that would
/// take more all fill at the price of leaving this much (1000× the opening price).
const MIN_LEFT: f64 = 1.0 / 1024.0;

impl<R: Real> Pool<R> {
    /// Tokens in the pool.
    #[inline]
    pub fn tokens(&self) -> R {
        self.depth / (R::splat(2.0) * self.price)
    }

    /// USD in the pool.
    #[inline]
    pub fn usd(&self) -> R {
        self.depth / 2.0
    }

    /// Buy tokens with `usd` alone; returns the tokens received. The price rises by
    /// `((y + usd) / y)²`. Without USD to spend or a pool to buy from nothing moves.
    #[inline]
    pub fn buy_with_usd(&mut self, usd: R) -> R {
        let idle = usd.le(0.0) | self.depth.le(0.0);
        let (x, y) = (self.tokens(), self.usd());
        // x·y/(y + usd) rather than x − tokens: a buyback many times the pool would otherwise
        // leave rounding, not tokens. The price never reaches zero (a zero price would turn every
        // dollar into infinitely many tokens): it stops at the smallest positive number, where
        // the projection's overflow check then speaks.
        let (x_after, y_after) = (x * y / (y + usd), y + usd);
        self.price = R::select(idle, self.price, (y_after / x_after).max(f64::MIN_POSITIVE));
        self.depth = R::select(idle, self.depth, R::splat(2.0) * y_after);
        R::select(idle, R::splat(0.0), x * usd / (y + usd))
    }

    /// The USD that buys exactly `tokens` alone (fewer than the pool holds).
    #[inline]
    pub fn cost_of(&self, tokens: R) -> R {
        let (x, y) = (self.tokens(), self.usd());
        y * tokens / (x - tokens)
    }

    /// Clear the month's orders together (see the module doc): `buy_usd` USD spent on tokens,
    /// `buy_tokens` tokens wanted, `sell_tokens` tokens offered. Returns the price every order
    /// fills at; without orders the pool does not move.
    #[inline]
    pub fn clear(&mut self, buy_usd: R, buy_tokens: R, sell_tokens: R) -> R {
        // Nothing to trade, or nothing left to trade against.
        let still = (buy_usd.eq_to(0.0) & buy_tokens.eq_to(sell_tokens)) | self.depth.le(0.0);
        let open = self.price;
        // Two divisions, not four (they are most of a month's cost): x = D/(2p) and, below,
        // x/y = 1/p both from 1/p.
        let per_price = R::splat(1.0) / open;
        let (x, y) = (self.depth * 0.5 * per_price, self.usd());
        let left = (x + sell_tokens - buy_tokens).max(x * MIN_LEFT);
        let fill = (y + buy_usd) / left;
        // After the trade the pool holds y' = x·p̄ USD and x' = y/p̄ tokens (x'·y' = x·y): its
        // price is y'/x' = x·p̄²/y = p̄²/p, and its depth 2·y'.
        self.price = R::select(still, open, (fill * fill * per_price).max(f64::MIN_POSITIVE));
        self.depth = R::select(still, self.depth, R::splat(2.0) * x * fill);
        R::select(still, open, fill)
    }

    /// Trade the pool to `target` (traders closing the gap to the valuation anchor). Returns the
    /// USD paid in (positive: traders buy) or taken out (negative: traders sell).
    #[inline]
    pub fn trade_to(&mut self, target: R) -> R {
        let still = target.eq_to(self.price) | self.depth.le(0.0);
        let y = self.usd();
        // A constant-product pool at price p holds √(k·p) USD: moving to p* scales it by √(p*/p).
        let usd_after = y * (target / self.price).sqrt();
        self.price = target;
        self.depth = R::select(still, self.depth, R::splat(2.0) * usd_after);
        R::select(still, R::splat(0.0), usd_after - y)
    }

    /// LPs bring the depth to `depth` at the current price (no price change).
    #[inline]
    pub fn recentre(&mut self, depth: R) {
        self.depth = depth;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invariant(p: &Pool) -> f64 {
        p.tokens() * p.usd()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
    }

    #[test]
    fn a_buyback_of_one_percent_of_the_pool_moves_the_price_as_a_real_pool_would() {
        let mut pool = Pool { price: 2.0, depth: 2e6 }; // 500,000 tokens and $1M
        let k = invariant(&pool);
        let tokens = pool.buy_with_usd(1e4);
        assert!(close(invariant(&pool), k), "x·y is kept");
        assert!(close(pool.price, 2.0 * 1.01f64.powi(2)), "price ×1.0201");
        // At the opening price $10,000 buys 5,000 tokens; the pool gives 1 % fewer.
        assert!(close(tokens, 5000.0 / 1.01));
        assert!(close(pool.cost_of(1000.0) / 1000.0, pool.usd() / (pool.tokens() - 1000.0)));
    }

    #[test]
    fn orders_clear_at_one_price_that_keeps_the_invariant() {
        for (buy_usd, buy_tokens, sell_tokens) in [(1e5, 0.0, 0.0), (0.0, 2e4, 0.0), (0.0, 0.0, 3e4), (5e4, 1e4, 6e4)] {
            let mut pool = Pool { price: 1.5, depth: 3e6 };
            let (x, y, p) = (pool.tokens(), pool.usd(), pool.price);
            let k = invariant(&pool);
            let fill = pool.clear(buy_usd, buy_tokens, sell_tokens);
            assert!(close(invariant(&pool), k));
            assert!(close(fill, (p * pool.price).sqrt()), "fills at the average price of the move");
            // Tokens and USD are conserved between the orders and the pool.
            let tokens_out = buy_usd / fill + buy_tokens - sell_tokens;
            let usd_in = buy_usd + (buy_tokens - sell_tokens) * fill;
            assert!(close(x - pool.tokens(), tokens_out) || (x - pool.tokens() - tokens_out).abs() < 1e-6);
            assert!((pool.usd() - y - usd_in).abs() <= 1e-9 * y);
        }
        let mut still = Pool { price: 1.5, depth: 3e6 };
        assert_eq!(still.clear(0.0, 5.0, 5.0), 1.5, "matched orders do not move the price");
        assert_eq!(still, Pool { price: 1.5, depth: 3e6 });
    }

    #[test]
    fn a_deeper_pool_moves_less_for_the_same_orders() {
        let moved = |depth: f64| {
            let mut pool = Pool { price: 1.0, depth };
            pool.clear(0.0, 0.0, 1e5);
            1.0 - pool.price
        };
        assert!(moved(1e6) > moved(1e7) && moved(1e7) > moved(1e8) && moved(1e8) > 0.0);
    }

    #[test]
    fn trading_to_a_price_keeps_the_invariant_and_says_who_paid() {
        let mut pool = Pool { price: 1.0, depth: 2e6 };
        let k = invariant(&pool);
        let paid = pool.trade_to(1.21);
        assert!(close(paid, 1e6 * 0.1), "buying to +21 % puts 10 % more USD in the pool");
        assert!(close(invariant(&pool), k));
        assert!(pool.trade_to(1.0) < 0.0, "selling back takes USD out");
        assert_eq!(pool.price, 1.0);
    }

    #[test]
    fn net_buying_beyond_the_pool_fills_at_a_bounded_price() {
        let mut pool = Pool { price: 1.0, depth: 2.0 };
        let fill = pool.clear(0.0, 10.0, 0.0); // ten tokens wanted from a pool of one
        assert!(fill.is_finite() && fill <= 1024.0 + 1e-9 && pool.price.is_finite());
    }
}
