//! The treasury's spending (`docs/model.md`, "A treasury that spends"): a budget in USD a month,
//! paid from the USD the treasury holds first, then by selling its tokens into the market. It
//! never spends what it does not have: the part of the budget it cannot cover goes unpaid, and
//! the design runs on without it.

use super::lanes::Real;

/// How this month's budget is paid.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Spending<R = f64> {
    /// Paid from the treasury's USD, USD.
    pub from_cash: R,
    /// Treasury tokens to sell for the rest.
    pub tokens_to_sell: R,
    /// What neither its USD nor its tokens at the month's price could cover, USD.
    pub shortfall: R,
}

/// Pay `budget` USD with `cash` USD and `tokens` tokens at `price` (`per_token` is its inverse).
/// Without a budget nothing is paid.
#[inline]
pub fn spend<R: Real>(budget: R, cash: R, tokens: R, price: R, per_token: R) -> Spending<R> {
    let zero = R::splat(0.0);
    let none = budget.le(0.0);
    let from_cash = budget.min(cash.max(0.0));
    let rest = budget - from_cash;
    // Nothing to sell for, or no price to sell at (a zero price makes `per_token` infinite).
    let wanted = R::select(rest.gt(0.0) & per_token.is_finite(), rest * per_token, zero);
    let tokens_to_sell = wanted.min(tokens.max(0.0));
    // What the tokens sold do not cover, `rest · (1 − sold / wanted)`, as a product (the step's
    // divisions are most of its time); exactly 0 when every token wanted is there to sell.
    let uncovered = R::select(tokens_to_sell.lt(wanted), (rest - tokens_to_sell * price).max(0.0), zero);
    let shortfall = R::select(wanted.gt(0.0), uncovered, rest);
    Spending {
        from_cash: R::select(none, zero, from_cash),
        tokens_to_sell: R::select(none, zero, tokens_to_sell),
        shortfall: R::select(none, zero, shortfall),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cash_first_then_tokens_then_nothing() {
        assert_eq!(
            spend(100.0, 150.0, 10.0, 2.0, 0.5),
            Spending { from_cash: 100.0, tokens_to_sell: 0.0, shortfall: 0.0 }
        );
        assert_eq!(
            spend(100.0, 40.0, 100.0, 2.0, 0.5),
            Spending { from_cash: 40.0, tokens_to_sell: 30.0, shortfall: 0.0 }
        );
        let dry = spend(100.0, 40.0, 10.0, 2.0, 0.5);
        assert_eq!(dry.tokens_to_sell, 10.0);
        assert!((dry.shortfall - 40.0).abs() < 1e-12, "{}", dry.shortfall);
        assert_eq!(spend(0.0, 40.0, 10.0, 2.0, 0.5), Spending::default());
        // At a zero price (`per_token` infinite) tokens raise nothing: none are sold.
        assert_eq!(spend(100.0, 150.0, 10.0, 0.0, f64::INFINITY).tokens_to_sell, 0.0);
        assert_eq!(spend(100.0, 40.0, 10.0, 0.0, f64::INFINITY).shortfall, 60.0);
    }
}
