//! The token price each month, by the scenario's price model (`docs/model.md`, "Price"):
//! a fixed path you assume, a multiple of fees, or the market's pool price, which traders pull
//! toward the valuation anchor (the fundamental value of what reaches holders plus a speculative
//! premium) while the design's own orders trade through it.

use super::lanes::Real;
use super::market::Pool;
use super::Model;
use crate::scenario::PriceModel;

/// The market never prices the token at zero (every fee dollar would be infinitely many tokens):
/// a target at or below zero is held at the smallest positive price.
const FLOOR: f64 = f64::MIN_POSITIVE;

/// The valuation anchor of one month, USD per token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor<R = f64> {
    /// The multiple of annualised holder value (or gross fees) per token.
    pub fundamental: R,
    /// The speculative premium per token.
    pub premium: R,
}

impl<R: Real> Anchor<R> {
    /// What the market's traders pull the price toward.
    #[inline]
    pub fn value(&self) -> R {
        self.fundamental + self.premium
    }
}

/// The anchor for a month whose valuation basis is `basis` USD and speculative premium is
/// `premium` USD of market cap, with `supply` tokens at its start (`per_supply` is its inverse:
/// the step divides by the supply once, and multiplies, because a division costs as much as the
/// rest of a month's arithmetic put together).
#[inline]
pub fn anchor<R: Real>(model: &Model, basis: R, premium: R, supply: R, per_supply: R) -> Anchor<R> {
    let none = supply.le(0.0);
    let zero = R::splat(0.0);
    Anchor {
        fundamental: R::select(none, zero, multiple_of(model.price_to_fees, basis) * per_supply),
        premium: R::select(none, zero, premium * per_supply),
    }
}

/// Market cap at the valuation multiple of a month's `basis` USD, annualised. One expression for
/// the fee-multiple model and the market's anchor, so that the one is the other's limit bit for bit.
#[inline]
pub(crate) fn multiple_of<R: Real>(price_to_fees: f64, basis: R) -> R {
    R::splat(price_to_fees) * basis * 12.0
}

/// The month's price in USD and what traders paid to move the market there (positive: they
/// bought; negative: they sold; zero outside the market model). `path_price` is the fixed
/// model's price before any shock, `fees` the month's gross fees, `per_supply` one over the
/// supply at the start of the month; `pool` is the market, opening at last month's close.
#[inline(always)] // inside the step, which is inlined into each run
pub fn monthly<R: Real>(
    model: &Model,
    month: u32,
    path_price: R,
    fees: R,
    per_supply: R,
    anchor: &Anchor<R>,
    pool: &mut Pool<R>,
) -> (R, R) {
    let zero = R::splat(0.0);
    match model.price_model {
        PriceModel::Fixed if month >= model.shock_month => (path_price * model.shocked_price_factor, zero),
        PriceModel::Fixed => (path_price, zero),
        PriceModel::FeeMultiple => {
            let market_cap = multiple_of(model.price_to_fees, fees); // USD, fully diluted
                                                                     // The anchor's product (`anchor`), so that pull 1 reproduces this bit for bit.
            (R::select(market_cap.eq_to(0.0), zero, market_cap * per_supply), zero)
        }
        // The launch month trades at the launch price; from month 2 on traders close their share
        // of the gap to the anchor before the month's other orders arrive.
        PriceModel::Market if month == 1 || model.valuation_pull == 0.0 => (pool.price, zero),
        PriceModel::Market => {
            let open = pool.price;
            let target = if model.valuation_pull == 1.0 {
                anchor.value()
            } else {
                open + R::splat(model.valuation_pull) * (anchor.value() - open)
            };
            let paid = pool.trade_to(target.max(FLOOR));
            (pool.price, paid)
        }
    }
}
